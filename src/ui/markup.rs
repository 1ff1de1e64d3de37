//! Read-only parts of a screen (advice, checklists, charts, the agenda) as one markup string each,
//! inserted as raw HTML. A Yew node per element costs the wasm code for every element of every
//! `html!` and a DOM call per node on first paint; a string costs one push per element and one
//! `innerHTML`. Tags and attribute names are literals of this crate; every text and attribute
//! value goes through [`escape`], so nothing read from content, catalogs or the address can
//! become markup. Nothing here carries a handler or an inline style (the CSP forbids those).

use yew::{AttrValue, Html};

#[derive(Default)]
pub struct Markup(String);

impl Markup {
    pub fn new() -> Markup {
        Markup::default()
    }

    /// `<tag name="value" …>`
    #[inline(never)]
    pub fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Markup {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\u{22}");
            escape(&mut self.0, value);
            self.0.push('\u{22}');
        }
        self.0.push('>');
        self
    }

    #[inline(never)]
    pub fn close(&mut self, tag: &str) -> &mut Markup {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    #[inline(never)]
    pub fn text(&mut self, text: &str) -> &mut Markup {
        escape(&mut self.0, text);
        self
    }

    /// `<tag …>text</tag>`
    pub fn leaf(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) -> &mut Markup {
        self.open(tag, attrs).text(text).close(tag)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_html(self) -> Html {
        Html::from_html_unchecked(AttrValue::from(self.0))
    }
}

/// `text` with `& < > " '` escaped: safe as element text and in a single- or double-quoted
/// attribute (the crash screen's hand-written page uses it too).
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape(&mut out, text);
    out
}

/// Appends `text` escaped as [`escaped`] does.
fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\u{22}' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}
