//! Languages: the message catalogs, the localized content, and number style.
//!
//! English is compiled in (UI strings from `content/messages.en.json`, content wording from the
//! content files). Every other language is one flat catalog file, `content/lang/<code>.json`
//! (`key → text`: UI ids plus `c.…` content keys, see `Bank::visit_texts`), fetched from the same
//! origin only when chosen, so a visitor pays for one language. `tests/i18n.rs` checks that each
//! catalog has exactly the English keys with the same placeholders.

use crate::str_map::StrMap;
use std::rc::Rc;

use crate::money::NumberStyle;
use crate::{embedded, Bank};

// `ENGLISH_MESSAGES`: `content/messages.en.json`, checked and joined into one string by build.rs.
include!(concat!(env!("OUT_DIR"), "/messages_en.rs"));

/// The languages Client Fit speaks: those of its source articles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    #[default]
    En,
    Ru,
    Es,
    Fi,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Ru, Lang::Es, Lang::Fi];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Es => "es",
            Lang::Fi => "fi",
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ru => "Русский",
            Lang::Es => "Español",
            Lang::Fi => "Suomi",
        }
    }

    /// From a language tag (`ru`, `ru-RU`, `es_419`, `FI`); `None` for others.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first of `tags` (a URL parameter, a saved choice, the browser's list…) this app
    /// speaks; English otherwise.
    pub fn negotiate<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or_default()
    }

    pub fn number_style(self) -> NumberStyle {
        match self {
            Lang::En => NumberStyle::ENGLISH,
            Lang::Ru | Lang::Fi => NumberStyle::SPACE_COMMA,
            Lang::Es => NumberStyle::SPANISH,
        }
    }

    /// How many forms a plural selector `{n|…}` lists in this language: its CLDR cardinal
    /// categories for whole numbers, in this order: one|other (en, es, fi), one|few|many (ru).
    pub fn plural_forms(self) -> usize {
        match self {
            Lang::Ru => 3,
            Lang::En | Lang::Es | Lang::Fi => 2,
        }
    }

    /// Which of those forms the whole number `n` takes (CLDR cardinal rules). Spanish "many"
    /// (un millón de…) and Russian "other" (fractions) never meet a count of ours.
    pub fn plural_index(self, n: u64) -> usize {
        match self {
            Lang::Ru => {
                let (last, last_two) = (n % 10, n % 100);
                if last == 1 && last_two != 11 {
                    0
                } else if (2..=4).contains(&last) && !(12..=14).contains(&last_two) {
                    1
                } else {
                    2
                }
            }
            Lang::En | Lang::Es | Lang::Fi => usize::from(n != 1),
        }
    }

    /// Where the catalog is served, relative to the app page.
    pub fn catalog_path(self) -> String {
        format!("lang/{}.json", self.code())
    }
}

/// `text` with each `{name}` replaced by its value, in one pass over the template: a value is
/// never read for placeholders itself, so a contact typed as "ask {channel}" stays as typed.
/// Braces that name no argument are kept as they are.
pub fn fill(text: String, args: &[(&str, &str)]) -> String {
    if !text.contains('{') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let tail = &rest[start + 1..];
        let value = tail
            .find('}')
            .and_then(|end| Some((end, args.iter().find(|(name, _)| *name == &tail[..end])?.1)));
        match value {
            Some((end, value)) => {
                out.push_str(value);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('{');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `text` with each plural selector `{name|form|form…}` replaced by the form the number in
/// `name`'s value takes in `lang` (its digits; a value without digits takes the last form).
/// The forms are the language's categories in `Lang::plural_forms` order, so "{n} {n|topic|topics}"
/// in English and "{n} {n|тема|темы|тем}" in Russian.
pub fn select_plurals(text: &str, args: &[(&str, &str)], lang: Lang) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let tail = &rest[start + 1..];
        let inner = tail.find('}').map(|end| &tail[..end]);
        let Some((inner, (name, forms))) = inner.and_then(|i| Some((i, i.split_once('|')?))) else {
            out.push('{');
            rest = tail;
            continue;
        };
        let count = args.iter().find(|(n, _)| *n == name).and_then(|(_, v)| {
            v.bytes().filter(u8::is_ascii_digit).try_fold(0u64, |n, d| {
                n.checked_mul(10)?.checked_add(u64::from(d - b'0'))
            })
        });
        let index = count.map_or(usize::MAX, |n| lang.plural_index(n));
        let form = forms.split('|').nth(index);
        out.push_str(form.unwrap_or_else(|| forms.rsplit('|').next().unwrap_or_default()));
        rest = &tail[inner.len() + 1..];
    }
    out.push_str(rest);
    out
}

/// UI strings of one language, keyed by id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Messages {
    strings: StrMap,
    lang: Lang,
}

impl Messages {
    /// Parses a catalog file: a flat JSON object of id → text, `{name}` marking a placeholder.
    pub fn parse(json: &str) -> Result<Messages, String> {
        Ok(Messages {
            strings: parse_flat(json)?.into_iter().collect(),
            lang: Lang::En,
        })
    }

    /// The English catalog compiled into the binary.
    pub fn english() -> Rc<Messages> {
        Rc::new(Messages {
            strings: ENGLISH_MESSAGES
                .split_terminator('\u{1e}')
                .filter_map(|entry| entry.split_once('\u{1f}'))
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            lang: Lang::En,
        })
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The text for `id`; the id itself when missing, so a gap is visible but never fatal.
    pub fn t(&self, id: &str) -> String {
        self.strings
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }

    /// The text for `id` with each plural selector resolved (`select_plurals`) and each
    /// `{name}` replaced by its value.
    pub fn f(&self, id: &str, args: &[(&str, &str)]) -> String {
        fill(select_plurals(&self.t(id), args, self.lang), args)
    }

    /// These strings with a page's own catalog added (the desk's), its texts winning on a
    /// shared id.
    pub fn with_catalog(&self, json: &str) -> Result<Messages, String> {
        let mut strings = self.strings.clone();
        strings.extend(parse_flat(json)?);
        Ok(Messages {
            strings,
            lang: self.lang,
        })
    }

    pub fn contains(&self, id: &str) -> bool {
        self.strings.contains_key(id)
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.strings.keys().map(String::as_str)
    }
}

/// A language ready to show: its UI strings and its content. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Pack {
    pub lang: Lang,
    pub messages: Rc<Messages>,
    pub bank: Rc<Bank>,
}

impl Pack {
    /// English, compiled in: the bank borrows from the binary, so this copies no text.
    #[inline(never)]
    pub fn english() -> Pack {
        Pack {
            lang: Lang::En,
            messages: Messages::english(),
            bank: Rc::new(embedded::english_bank().clone()),
        }
    }
}

/// Two packs are the same language's same catalog (what a component's props compare).
impl PartialEq for Pack {
    fn eq(&self, other: &Pack) -> bool {
        self.lang == other.lang
            && Rc::ptr_eq(&self.messages, &other.messages)
            && Rc::ptr_eq(&self.bank, &other.bank)
    }
}

/// Why a fetched catalog cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatalogError {
    /// Not a flat JSON object of strings.
    Syntax(String),
    /// A key the English content needs is missing.
    Missing(String),
}

/// Builds a language from its catalog file's text.
pub fn pack_from_catalog(lang: Lang, json: &str) -> Result<Pack, CatalogError> {
    let mut entries: StrMap = parse_flat(json)
        .map_err(CatalogError::Syntax)?
        .into_iter()
        .collect();
    let english = embedded::english_bank();
    let bank = english
        .localized(&|key| entries.get(key).cloned())
        .map_err(CatalogError::Missing)?;
    let english_messages = Messages::english();
    if let Some(missing) = english_messages.ids().find(|id| !entries.contains_key(id)) {
        return Err(CatalogError::Missing(missing.to_string()));
    }
    entries.retain(|k, _| !k.starts_with("c."));
    let strings = entries;
    Ok(Pack {
        lang,
        messages: Rc::new(Messages { strings, lang }),
        bank: Rc::new(bank),
    })
}

/// Parses a flat JSON object whose values are all strings: `{"a": "b", …}`. Catalogs need nothing
/// more, and a general parser would ship a deserializer for shapes they never have. Fuzzed
/// (`fuzz::catalog`).
pub fn parse_flat(json: &str) -> Result<Vec<(String, String)>, String> {
    let mut p = Parser {
        chars: json.char_indices().peekable(),
    };
    let mut out = Vec::new();
    p.skip_ws();
    p.expect('{')?;
    p.skip_ws();
    if p.eat('}') {
        return p.end(out);
    }
    loop {
        p.skip_ws();
        let key = p.string()?;
        p.skip_ws();
        p.expect(':')?;
        p.skip_ws();
        let value = p.string()?;
        out.push((key, value));
        p.skip_ws();
        if p.eat(',') {
            continue;
        }
        p.expect('}')?;
        return p.end(out);
    }
}

struct Parser<'a> {
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
}

impl Parser<'_> {
    fn skip_ws(&mut self) {
        while self
            .chars
            .peek()
            .is_some_and(|(_, c)| matches!(c, ' ' | '\n' | '\r' | '\t'))
        {
            self.chars.next();
        }
    }

    fn eat(&mut self, want: char) -> bool {
        if self.chars.peek().is_some_and(|(_, c)| *c == want) {
            self.chars.next();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, want: char) -> Result<(), String> {
        match self.chars.next() {
            Some((_, c)) if c == want => Ok(()),
            Some((at, c)) => Err(format!("expected '{want}' at byte {at}, found '{c}'")),
            None => Err(format!("expected '{want}', found the end")),
        }
    }

    fn end(mut self, out: Vec<(String, String)>) -> Result<Vec<(String, String)>, String> {
        self.skip_ws();
        match self.chars.next() {
            None => Ok(out),
            Some((at, _)) => Err(format!("text after the object at byte {at}")),
        }
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let mut v = 0;
        for _ in 0..4 {
            let d = self
                .chars
                .next()
                .and_then(|(_, c)| c.to_digit(16))
                .ok_or("bad \\u escape")?;
            v = v * 16 + d;
        }
        Ok(v)
    }

    fn string(&mut self) -> Result<String, String> {
        self.expect('"')?;
        let mut s = String::new();
        loop {
            let (at, c) = self.chars.next().ok_or("unterminated string")?;
            match c {
                '"' => return Ok(s),
                '\\' => {
                    let (_, e) = self.chars.next().ok_or("unterminated escape")?;
                    match e {
                        '"' | '\\' | '/' => s.push(e),
                        'n' => s.push('\n'),
                        't' => s.push('\t'),
                        'r' => s.push('\r'),
                        'b' => s.push('\u{8}'),
                        'f' => s.push('\u{c}'),
                        'u' => {
                            let mut code = self.hex4()?;
                            if (0xd800..0xdc00).contains(&code) {
                                // A surrogate pair: \uD83D\uDE00.
                                self.expect('\\')?;
                                self.expect('u')?;
                                let low = self.hex4()?;
                                if !(0xdc00..0xe000).contains(&low) {
                                    return Err("bad surrogate pair".into());
                                }
                                code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
                            }
                            s.push(char::from_u32(code).ok_or("bad \\u escape")?);
                        }
                        _ => return Err(format!("bad escape at byte {at}")),
                    }
                }
                c if (c as u32) < 0x20 => return Err(format!("control character at byte {at}")),
                c => s.push(c),
            }
        }
    }
}
