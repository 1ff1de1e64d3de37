#!/usr/bin/env bash
# Installs, idempotently, every tool the build and the tests need. Versions live here and only here.
# Usage: scripts/tools.sh [serve|test]   ("test" adds the browser and the e2e driver)
set -euo pipefail

TRUNK_VERSION=0.21.14          # 0.22 needs rustc 1.96
BINARYEN_VERSION=132.0.0       # Debian's binaryen 108 cannot read current Rust wasm output
WEBPKI_ROOTS_FIX=1.0.10        # wasm-bindgen-cli's own lock pins a webpki-roots the registry lacks

root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.tools"
mkdir -p "$tools"
say() { printf '\033[1m[tools]\033[0m %s\n' "$*"; }

# wasm-bindgen-cli must equal the wasm-bindgen that Cargo.lock resolved.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' "$root/Cargo.lock")

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)"
  if ! cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked --force 2>"$tools/wbg.err"; then
    crate=$(find "${CARGO_HOME:-$HOME/.cargo}/registry/cache" -name "wasm-bindgen-cli-$WASM_BINDGEN_VERSION.crate" | head -n 1)
    [ -n "$crate" ] || { cat "$tools/wbg.err"; exit 1; }
    src="$tools/wasm-bindgen-cli-$WASM_BINDGEN_VERSION"
    rm -rf "$src" && tar -xzf "$crate" -C "$tools"
    (cd "$src" && cargo update -p webpki-roots --precise "$WEBPKI_ROOTS_FIX" && cargo install --path . --locked --force)
  fi
fi

export PATH="$tools/node_modules/.bin:$PATH"
if [ "$(wasm-opt --version 2>/dev/null | grep -o 'version_[0-9]*')" != "version_${BINARYEN_VERSION%%.*}" ]; then
  say "installing wasm-opt from npm binaryen@$BINARYEN_VERSION"
  (cd "$tools" && npm install --no-audit --no-fund --no-save "binaryen@$BINARYEN_VERSION" >/dev/null)
fi

if [ "${1:-serve}" = test ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v brotli >/dev/null; then
    say "installing Debian chromium, chromium-driver and brotli"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver brotli >/dev/null
  fi
  if [ ! -d "$root/e2e/node_modules/playwright-core" ]; then
    say "installing the e2e driver from e2e/package-lock.json"
    (cd "$root/e2e" && npm ci --no-audit --no-fund >/dev/null)
  fi
fi
cargo fetch --locked --quiet
