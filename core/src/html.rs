//! Text made safe for HTML: every markup string the app builds (read-only screen parts, the crash
//! screen) passes its texts and attribute values through here.

/// `text` with `& < > " '` escaped: safe as element text and in a single- or double-quoted
/// attribute.
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// Appends `text` escaped as [`escaped`] does.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}
