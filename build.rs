//! Parses and validates `content/*.json` at build time and writes them in postcard form, so bad
//! content fails the build with a message naming the file and id, and the shipped wasm needs no
//! JSON parser for its content.

use std::collections::BTreeMap;
use std::path::PathBuf;

#[allow(dead_code)]
#[path = "src/quiz/content.rs"]
mod content;

fn main() {
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=src/quiz/content.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));

    let (questions, rules, advice) = content::embedded_sources();
    let bank = content::Bank::parse(questions, rules, advice).unwrap_or_else(|e| panic!("{e}"));
    write(&out.join("bank.postcard"), &bank);

    let messages: BTreeMap<String, String> =
        serde_json::from_str(include_str!("content/messages.en.json"))
            .unwrap_or_else(|e| panic!("content/messages.en.json: {e}"));
    write(&out.join("messages.en.postcard"), &messages);
}

fn write<T: serde::Serialize>(path: &std::path::Path, value: &T) {
    let bytes = postcard::to_allocvec(value).expect("content serializes");
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}
