//! What the page address asks of the widget: which quiz, language, accent colour, agency name,
//! contact link, currency, and whether the embed loader sizes the frame.
//!
//! Every value comes from whoever wrote the link or the host page, so each is checked against a
//! narrow form and, when it does not fit, dropped with a warning for the console. What passes is
//! inert by construction: the colour is re-written as `#rrggbb`, the agency name is plain text
//! (rendered as an isolated text node, with no bidi or invisible format characters), the contact
//! is an `https:` or `mailto:` URL rebuilt from its parts.
//!
//! Who the agency is and where a result is sent are the deployment's to say, not the link's: the
//! release can write an [`AllowList`] into the page, and a name or contact the list lacks is
//! dropped. Without a list they are shown with the destination's host and never passed on in
//! share links.

use crate::money::Currency;
use crate::stored::percent_encode;
use crate::Audience;

/// Longest agency name shown; longer ones are cut at a character boundary.
pub const MAX_AGENCY_CHARS: usize = 60;
/// Longest contact URL accepted.
pub const MAX_CONTACT_LEN: usize = 300;

/// Which screen a link opens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum QuizChoice {
    /// Where the person left off (the start screen the first time).
    #[default]
    Resume,
    /// The start screen with both quizzes.
    Chooser,
    Quiz(Audience),
}

/// Where "Send my result" goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Contact {
    /// `mailto:` with this address.
    Mail(String),
    /// An `https:` page; `{link}` in it is replaced by the share link, else `cf_result=` is added.
    Page(String),
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    pub quiz: QuizChoice,
    /// `quiz=` named something that does not exist: the start screen says so.
    pub bad_quiz: bool,
    pub lang: Option<crate::i18n::Lang>,
    /// `#rrggbb`, lower case.
    pub accent: Option<String>,
    pub agency: Option<String>,
    pub contact: Option<Contact>,
    /// The agency name and contact were checked against the deployment's [`AllowList`]; without
    /// one they are shown with the destination's host and stay out of share links.
    pub vouched: bool,
    pub currency: Option<Currency>,
    /// The embed loader sizes the frame to the content (`fit=1`): no inner scrolling needed.
    pub fit: bool,
    /// The host page's origin, when the loader gave it: messages go only there.
    pub parent_origin: Option<String>,
    /// `desk=0`: no way to the specialist's desk (a widget for the agency's clients).
    pub hide_desk: bool,
    /// The host page's pass-through fields (`hidden_<name>=<value>`: campaign tags, a referrer),
    /// for the "Send my result" address only: never shown, never in a share link.
    pub hidden: Vec<(String, String)>,
}

/// At most this many pass-through fields, each value at most [`HIDDEN_VALUE_MAX`] characters.
pub const HIDDEN_MAX: usize = 10;
pub const HIDDEN_VALUE_MAX: usize = 200;

/// A pass-through field's name (after `hidden_`): a lower-case letter, then up to 39 of a-z, 0-9
/// and `_`.
fn hidden_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_lowercase())
        && name.len() <= 40
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// The agency names and "Send my result" destinations a deployment allows (`make release
/// AGENCY=… CONTACTS=…` writes them into the page as `<meta name="client-fit-agency">` and
/// `<meta name="client-fit-contact">`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AllowList {
    pub agencies: Vec<String>,
    /// `https://host[:port]` (any page there) or `mailto:address`.
    pub contacts: Vec<String>,
}

impl AllowList {
    /// The list the page carries, from its meta values; `None` when it carries none.
    pub fn from_meta(agencies: &[String], contacts: &[String]) -> Option<AllowList> {
        if agencies.is_empty() && contacts.is_empty() {
            return None;
        }
        Some(AllowList {
            agencies: agencies.iter().filter_map(|a| clean_name(a)).collect(),
            contacts: contacts
                .iter()
                .filter_map(|c| parse_contact(c.trim()).map(|c| c.destination()))
                .collect(),
        })
    }
}

/// A parameter that was dropped, for the console. Never contains the raw value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Warning {
    pub param: &'static str,
    pub why: &'static str,
}

impl Config {
    /// Reads a query string (`?a=b&c=d`, form-encoded). Unknown parameters (UTM tags, say) are
    /// ignored silently; known ones with bad values are dropped with a warning.
    pub fn from_query(search: &str) -> (Config, Vec<Warning>) {
        let mut config = Config::default();
        let mut warnings = Vec::new();
        let query = search.strip_prefix('?').unwrap_or(search);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
            if let Some(name) = key.strip_prefix("hidden_") {
                if let Err(why) = config.add_hidden(name, raw) {
                    warnings.push(Warning {
                        param: "hidden_*",
                        why,
                    });
                }
                continue;
            }
            let Some(param) = KNOWN.iter().copied().find(|k| *k == key) else {
                continue;
            };
            let Some(value) = form_decode(raw) else {
                warnings.push(Warning {
                    param,
                    why: "is not valid URL encoding",
                });
                continue;
            };
            if let Err(why) = config.apply(param, value.trim()) {
                warnings.push(Warning { param, why });
            }
        }
        (config, warnings)
    }

    /// Drops an agency name or contact the deployment's `list` does not allow (with a warning
    /// each); without a list, keeps them unvouched.
    pub fn enforce(&mut self, list: Option<&AllowList>) -> Vec<Warning> {
        let mut warnings = Vec::new();
        let Some(list) = list else {
            self.vouched = false;
            return warnings;
        };
        self.vouched = true;
        if self
            .agency
            .as_ref()
            .is_some_and(|a| !list.agencies.contains(a))
        {
            self.agency = None;
            warnings.push(Warning {
                param: "agency",
                why: "is not a name this deployment allows",
            });
        }
        if self
            .contact
            .as_ref()
            .is_some_and(|c| !list.contacts.contains(&c.destination()))
        {
            self.contact = None;
            warnings.push(Warning {
                param: "contact",
                why: "is not a destination this deployment allows",
            });
        }
        warnings
    }

    fn add_hidden(&mut self, name: &str, raw: &str) -> Result<(), &'static str> {
        let value = form_decode(raw).ok_or("is not valid URL encoding")?;
        let fits = hidden_name(name)
            && value.chars().count() <= HIDDEN_VALUE_MAX
            && !value.chars().any(char::is_control);
        if !fits || self.hidden.len() == HIDDEN_MAX {
            return Err("must be at most 10, named a-z 0-9 _, of up to 200 plain characters");
        }
        self.hidden.push((name.to_owned(), value));
        Ok(())
    }

    fn apply(&mut self, param: &'static str, value: &str) -> Result<(), &'static str> {
        match param {
            "quiz" => {
                self.quiz = match value {
                    "chooser" => QuizChoice::Chooser,
                    _ => match Audience::from_id(value) {
                        Some(a) => QuizChoice::Quiz(a),
                        None => {
                            self.bad_quiz = true;
                            return Err("must be client, specialist or chooser");
                        }
                    },
                }
            }
            "lang" => {
                self.lang = Some(
                    crate::i18n::Lang::from_tag(value)
                        .ok_or("names a language this build does not have")?,
                );
            }
            "accent" => {
                self.accent = Some(parse_colour(value).ok_or("must be a hex colour like #2f6fdb")?)
            }
            "agency" => self.agency = Some(clean_name(value).ok_or("must be a short plain name")?),
            "contact" => {
                self.contact =
                    Some(parse_contact(value).ok_or("must be an https: or mailto: link")?)
            }
            "currency" => {
                self.currency = Some(
                    Currency::from_code(&value.to_ascii_uppercase())
                        .ok_or("must be RUB, EUR or USD")?,
                )
            }
            "fit" => self.fit = value == "1",
            "desk" => self.hide_desk = value == "0",
            "origin" => self.parent_origin = Some(parse_origin(value).ok_or("must be an origin")?),
            _ => {}
        }
        Ok(())
    }
}

const KNOWN: [&str; 9] = [
    "quiz", "lang", "accent", "agency", "contact", "currency", "fit", "origin", "desk",
];

/// `application/x-www-form-urlencoded` value decoding: `+` is a space, `%XX` a byte.
pub fn form_decode(raw: &str) -> Option<String> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = raw.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// `#rgb`, `#rrggbb`, or either without `#` → `#rrggbb`.
pub fn parse_colour(value: &str) -> Option<String> {
    let hex = value.strip_prefix('#').unwrap_or(value);
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let full: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_string(),
        _ => return None,
    };
    Some(format!("#{}", full.to_ascii_lowercase()))
}

/// Text readable on `accent` (`#rrggbb`): near-black or white, whichever contrasts more.
///
/// WCAG relative luminance, with the sRGB curve approximated by 0.7·v² + 0.3·v³ (within 0.003 of
/// it over 0..1) in integers, so the app needs no floating-point `powf`.
pub fn ink_for(accent: &str) -> &'static str {
    let channel = |i: usize| {
        let v = accent
            .get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .map_or(0, u64::from);
        // (0.7 v² + 0.3 v³) × 10 × 255³, with v in 0..=255.
        7 * v * v * 255 + 3 * v * v * v
    };
    // Luminance × 10⁴ × 10 × 255³.
    let l = 2126 * channel(1) + 7152 * channel(3) + 722 * channel(5);
    // Contrast with white, 1.05 / (L + .05), equals contrast with #111, (L + .05) / .0556, at
    // L = 0.1916.
    if l < 1916 * 10 * 255 * 255 * 255 {
        "#ffffff"
    } else {
        "#111111"
    }
}

/// An agency name: printable text without format characters, whitespace collapsed, at most
/// [`MAX_AGENCY_CHARS`].
pub fn clean_name(value: &str) -> Option<String> {
    let visible: String = value
        .chars()
        .filter(|c| !c.is_control() && !is_format(*c))
        .collect();
    let name: String = visible
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(MAX_AGENCY_CHARS)
        .collect();
    (!name.is_empty()).then_some(name)
}

/// Invisible format characters (Unicode's Cf): bidi embeddings, overrides and isolates, zero-width
/// spaces and joiners, the byte-order mark… In a name they can only disguise it.
fn is_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{070F}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{E0001}'..='\u{E007F}')
}

/// `mailto:` with one plain address, or an `https:` URL with a host; nothing else (no
/// `javascript:`, `data:`, `http:`, credentials, spaces or quotes).
pub fn parse_contact(value: &str) -> Option<Contact> {
    if value.len() > MAX_CONTACT_LEN
        || value.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`')
        })
    {
        return None;
    }
    let (scheme, rest) = value.split_once(':')?;
    match scheme.to_ascii_lowercase().as_str() {
        "mailto" => {
            let (user, domain) = rest.split_once('@')?;
            let plain = |s: &str| {
                !s.is_empty()
                    && s.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"._+-".contains(&b))
            };
            (plain(user) && plain(domain) && domain.contains('.'))
                .then(|| Contact::Mail(format!("{user}@{domain}")))
        }
        "https" => {
            let after = rest.strip_prefix("//")?;
            let host = after.split(['/', '?', '#']).next()?;
            let valid_host = !host.is_empty()
                && !host.contains('@')
                && host
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b));
            valid_host.then(|| Contact::Page(format!("https://{after}")))
        }
        _ => None,
    }
}

/// `https://host[:port]` or `http://host[:port]`, nothing after.
fn parse_origin(value: &str) -> Option<String> {
    let (scheme, rest) = value.split_once("://")?;
    let host_ok = !rest.is_empty()
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b));
    (matches!(scheme, "https" | "http") && host_ok).then(|| format!("{scheme}://{rest}"))
}

impl Contact {
    /// What an allow-list names: `https://host[:port]` for a page, `mailto:address` for mail.
    pub fn destination(&self) -> String {
        match self {
            Contact::Mail(address) => format!("mailto:{address}"),
            Contact::Page(url) => format!("https://{}", Contact::page_host(url)),
        }
    }

    /// The contact as an address parameter value.
    pub fn param(&self) -> String {
        match self {
            Contact::Mail(address) => format!("mailto:{address}"),
            Contact::Page(url) => url.clone(),
        }
    }

    /// The host a result goes to, as shown beside an unvouched agency name.
    pub fn host(&self) -> &str {
        match self {
            Contact::Mail(address) => address.rsplit('@').next().unwrap_or(address),
            Contact::Page(url) => Contact::page_host(url),
        }
    }

    fn page_host(url: &str) -> &str {
        let after = url.strip_prefix("https://").unwrap_or(url);
        after.split(['/', '?', '#']).next().unwrap_or(after)
    }

    /// Where the "Send my result" button goes, with the share link filled in and the host
    /// page's pass-through fields added: to an e-mail's body after the link, to a page's query.
    pub fn href(&self, share_link: &str, subject: &str, hidden: &[(String, String)]) -> String {
        match self {
            Contact::Mail(address) => {
                let mut body = share_link.to_owned();
                for (name, value) in hidden {
                    body.push_str(&format!("\n{name}: {value}"));
                }
                format!(
                    "mailto:{address}?subject={}&body={}",
                    percent_encode(subject),
                    percent_encode(&body)
                )
            }
            Contact::Page(url) => {
                let filled = url.replace("{link}", &percent_encode(share_link));
                let (base, fragment) = filled.split_once('#').unwrap_or((&filled, ""));
                let mut base = base.to_owned();
                for (name, value) in hidden {
                    base.push(if base.contains('?') { '&' } else { '?' });
                    base.push_str(&format!(
                        "{}={}",
                        percent_encode(name),
                        percent_encode(value)
                    ));
                }
                if url.contains("{link}") {
                    match fragment {
                        "" => base,
                        f => format!("{base}#{f}"),
                    }
                } else {
                    // In the fragment, which the browser keeps out of server logs and the Referer.
                    format!("{base}#cf_result={}", percent_encode(share_link))
                }
            }
        }
    }
}

/// The address a share link starts from: this page without its fragment, keeping only the
/// agency's configuration parameters; the agency name and contact only as `config` holds them
/// after a deployment's [`AllowList`] vouched for them, so a link cannot pass on a destination
/// the deployment never allowed.
pub fn share_base(href: &str, config: &Config) -> String {
    let without_fragment = href.split_once('#').map_or(href, |(b, _)| b);
    let (path, query) = without_fragment
        .split_once('?')
        .unwrap_or((without_fragment, ""));
    // The agency's branding travels, and the desk's invite id (`desk::INVITE_PARAM`), which
    // tells the specialist's desk whose result came back; frame-only parameters and anything
    // else (a campaign's tags, say) do not.
    let mut kept: Vec<String> = query
        .split('&')
        .filter(|p| {
            let key = p.split_once('=').map_or(*p, |(k, _)| k);
            matches!(key, "lang" | "accent" | "currency" | "invite")
        })
        .map(str::to_string)
        .collect();
    if config.vouched {
        if let Some(agency) = &config.agency {
            kept.push(format!("agency={}", percent_encode(agency)));
        }
        if let Some(contact) = &config.contact {
            kept.push(format!("contact={}", percent_encode(&contact.param())));
        }
    }
    if kept.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", kept.join("&"))
    }
}
