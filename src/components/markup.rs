//! Read-only parts of a screen (advice, checklists, charts, the agenda) as one markup string each,
//! inserted as raw HTML: they have no handlers and change all at once, so one `innerHTML` paints
//! them with one DOM call instead of one per element (see docs/performance.md). Tag and attribute
//! names are `&'static str`, so only literals of this crate can be names; every text and attribute
//! value is escaped (`client_fit_core::html`), so nothing read from content, catalogs or the address can become
//! markup. Nothing here carries a handler or an inline style (the CSP forbids those).

use yew::{AttrValue, Html};

use client_fit_core::html::escape_into as escape;

#[derive(Default, PartialEq, Eq)]
pub struct Markup(String);

impl Markup {
    pub fn new() -> Markup {
        Markup::default()
    }

    /// `<tag name="value" …>`
    #[inline(never)]
    pub fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) -> &mut Markup {
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
    pub fn close(&mut self, tag: &'static str) -> &mut Markup {
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
    pub fn leaf(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, &str)],
        text: &str,
    ) -> &mut Markup {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// Markup made apart (each row of a long list, drawn once and put in order many times).
    pub fn append(&mut self, other: &Markup) -> &mut Markup {
        self.0.push_str(&other.0);
        self
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_html(self) -> Html {
        Html::from_html_unchecked(AttrValue::from(self.0))
    }
}
