//! Share links: a finished result as a short token for the URL fragment (`#r=<token>`).
//!
//! The fragment never reaches a server. A token is base64url (no padding) of
//!
//! | bytes | content |
//! |---|---|
//! | 1 | format version (high 4 bits, [`FORMAT`]) and quiz kind (low 4 bits: 0 client, 1 specialist) |
//! | 2 | the content layout ([`layout_id`]), big-endian: links from other content are refused |
//! | [`answer_bytes`] | every answer as one mixed-radix number, big-endian |
//! | 2 | CRC-16/CCITT of all the bytes before |
//!
//! A required question contributes its option index (radix = option count); an optional
//! temperament question contributes 0 for skipped or index + 1. The number is canonical (below the
//! product of the radixes) and so is the base64 (unused trailing bits zero): one result has one
//! token, and the CRC-16 catches any single changed character. A full quiz is 19 characters.

use super::content::{Audience, Bank};
use super::evaluate::Answers;

/// The token format written by this build.
pub const FORMAT: u8 = 1;

/// Why a link or pasted text could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Nothing was given.
    Empty,
    /// Not a Client Fit result link at all.
    Foreign,
    /// Made by a newer Client Fit.
    NewerFormat,
    /// Cut off or changed on the way.
    Damaged,
    /// Made with different questions, so the answers cannot be read here.
    OtherContent,
    /// More results than the two sides of one comparison.
    TooMany,
    /// Two results of the same side cannot be compared.
    SameSide,
}

impl ShareError {
    /// Message-catalog id of the explanation shown to the person.
    pub fn message_id(self) -> &'static str {
        match self {
            ShareError::Empty => "share.error.empty",
            ShareError::Foreign => "share.error.foreign",
            ShareError::NewerFormat => "share.error.newer",
            ShareError::Damaged => "share.error.damaged",
            ShareError::OtherContent => "share.error.other_content",
            ShareError::TooMany => "share.error.too_many",
            ShareError::SameSide => "share.error.same_side",
        }
    }
}

/// One side's finished answers, as carried by a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedResult {
    pub audience: Audience,
    pub answers: Answers,
}

/// One digit per question, in the order links use: the pairs, then the temperament section.
struct Digit<'a> {
    id: &'a str,
    options: Vec<&'a str>,
    optional: bool,
}

impl Digit<'_> {
    fn radix(&self) -> u128 {
        self.options.len() as u128 + u128::from(self.optional)
    }
}

fn digits(bank: &Bank, audience: Audience) -> Vec<Digit<'_>> {
    let pairs = bank.questions.iter().map(|q| Digit {
        id: &q.id,
        options: q.options.iter().map(|o| o.id.as_ref()).collect(),
        optional: false,
    });
    let temperament = bank
        .temperament
        .iter()
        .filter(move |_| audience == Audience::Specialist)
        .map(|t| Digit {
            id: &t.id,
            options: t.options.iter().map(|o| o.id.as_ref()).collect(),
            optional: true,
        });
    pairs.chain(temperament).collect()
}

/// The number of distinct answer sets a link can carry for `audience`, if it fits in 128 bits
/// (`Bank::validate` requires that it does).
pub fn answer_space(bank: &Bank, audience: Audience) -> Option<u128> {
    digits(bank, audience)
        .iter()
        .try_fold(1u128, |acc, d| acc.checked_mul(d.radix()))
}

/// Bytes of the answer number for `audience`.
pub fn answer_bytes(bank: &Bank, audience: Audience) -> usize {
    let space = answer_space(bank, audience).unwrap_or(u128::MAX);
    let bits = 128 - (space - 1).leading_zeros() as usize;
    bits.div_ceil(8).max(1)
}

/// A 16-bit fingerprint of the question and option ids in order: what the digits mean.
pub fn layout_id(bank: &Bank) -> u16 {
    // FNV-1a: tiny, and any change to an id or the order changes it with high probability.
    let mut hash: u32 = 0x811c_9dc5;
    let mut feed = |s: &str| {
        for b in s.bytes().chain([0xff]) {
            hash ^= u32::from(b);
            hash = hash.wrapping_mul(0x0100_0193);
        }
    };
    for d in digits(bank, Audience::Specialist) {
        feed(d.id);
        for o in d.options.iter() {
            feed(o);
        }
    }
    (hash >> 16) as u16 ^ hash as u16
}

/// The token for a finished result; `None` when a required answer is missing or unknown.
pub fn encode(bank: &Bank, audience: Audience, answers: &Answers) -> Option<String> {
    let mut number: u128 = 0;
    for d in digits(bank, audience) {
        let value = match answers.get(d.id) {
            Some(a) => d.options.iter().position(|o| o == a)? + usize::from(d.optional),
            None if d.optional => 0,
            None => return None,
        };
        number = number.checked_mul(d.radix())? + value as u128;
    }
    let kind = match audience {
        Audience::Client => 0,
        Audience::Specialist => 1,
    };
    let mut bytes = vec![FORMAT << 4 | kind];
    bytes.extend_from_slice(&layout_id(bank).to_be_bytes());
    bytes.extend_from_slice(&number.to_be_bytes()[16 - answer_bytes(bank, audience)..]);
    bytes.extend_from_slice(&crc16(&bytes).to_be_bytes());
    Some(base64_encode(&bytes))
}

/// Reads one token.
pub fn decode(bank: &Bank, token: &str) -> Result<SharedResult, ShareError> {
    // A token cut short or with a character changed is damaged, whichever check notices.
    let bytes = base64_decode(token).ok_or(ShareError::Damaged)?;
    if bytes.len() < 5 {
        return Err(ShareError::Damaged);
    }
    // Every format keeps the leading kind byte and the trailing CRC, so damage is told first.
    let (body, crc) = bytes.split_at(bytes.len() - 2);
    if crc16(body).to_be_bytes() != crc {
        return Err(ShareError::Damaged);
    }
    let audience = match body[0] {
        0x10 => Audience::Client,
        0x11 => Audience::Specialist,
        head if head >> 4 > FORMAT => return Err(ShareError::NewerFormat),
        _ => return Err(ShareError::Foreign),
    };
    if body[1..3] != layout_id(bank).to_be_bytes() {
        return Err(ShareError::OtherContent);
    }
    let number_bytes = &body[3..];
    if number_bytes.len() != answer_bytes(bank, audience) {
        return Err(ShareError::Damaged);
    }
    let mut number = number_bytes
        .iter()
        .fold(0u128, |n, b| n << 8 | u128::from(*b));
    if number >= answer_space(bank, audience).ok_or(ShareError::OtherContent)? {
        return Err(ShareError::Damaged);
    }
    let mut answers = Answers::new();
    for d in digits(bank, audience).iter().rev() {
        let value = (number % d.radix()) as usize;
        number /= d.radix();
        let index = match (d.optional, value) {
            (true, 0) => continue,
            (true, v) => v - 1,
            (false, v) => v,
        };
        if let Some(option) = d.options.get(index) {
            answers.insert(d.id.to_string(), option.to_string());
        }
    }
    Ok(SharedResult { audience, answers })
}

/// The fragment (without `#`) for one or two results.
pub fn fragment(tokens: &[String]) -> String {
    tokens
        .iter()
        .map(|t| format!("r={t}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// Reads whatever a person pasted or a page was opened with: a whole URL, a fragment
/// (`#r=…&r=…`) or a bare token. Other fragment parameters are ignored. At most one result per
/// side; the results come back client first.
pub fn parse_link(bank: &Bank, text: &str) -> Result<Vec<SharedResult>, ShareError> {
    let text = text.trim();
    let fragment = text.split_once('#').map_or(text, |(_, f)| f);
    if fragment.is_empty() {
        return Err(ShareError::Empty);
    }
    let tokens: Vec<&str> = fragment
        .split('&')
        .filter_map(|p| p.strip_prefix("r="))
        .collect();
    if tokens.is_empty() {
        // Bare text: a token on its own, or anything else; nothing marks it as ours, so a
        // failure means "not a result link" rather than "damaged".
        // Token-like text (the alphabet, about a token's length) that fails is a damaged token.
        let token_like =
            (12..=32).contains(&fragment.len()) && fragment.bytes().all(|b| ALPHABET.contains(&b));
        return match decode(bank, fragment) {
            Ok(result) => Ok(vec![result]),
            Err(ShareError::Damaged) if !token_like => Err(ShareError::Foreign),
            Err(e) => Err(e),
        };
    }
    if tokens.len() > 2 {
        return Err(ShareError::TooMany);
    }
    let mut results = tokens
        .into_iter()
        .map(|t| decode(bank, t))
        .collect::<Result<Vec<_>, _>>()?;
    if let [first, second] = results.as_slice() {
        if first.audience == second.audience {
            return Err(ShareError::SameSide);
        }
    }
    super::order::sort_by_key(&mut results, |r| r.audience);
    Ok(results)
}

/// Whether a fragment asks for shared results at all (rather than being empty or another app's).
pub fn is_share_fragment(fragment: &str) -> bool {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment.split('&').any(|p| p.starts_with("r="))
}

/// CRC-16/CCITT-FALSE: detects every error burst up to 16 bits, so every changed character.
pub fn crc16(bytes: &[u8]) -> u16 {
    let mut crc: u16 = 0xffff;
    for &b in bytes {
        crc ^= u16::from(b) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                crc << 1 ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    crc
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Canonical base64url without padding; anything else (stray characters, a length no encoder
/// writes, non-zero unused bits) is `None`.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let v = ALPHABET.iter().position(|a| a == c)? as u32;
            n |= v << (18 - 6 * i);
        }
        let len = chunk.len() - 1;
        let bytes = n.to_be_bytes();
        if bytes[1 + len..].iter().any(|b| *b != 0) {
            return None;
        }
        out.extend_from_slice(&bytes[1..=len]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_4648_vectors() {
        for (raw, text) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64_encode(raw.as_bytes()), text);
            assert_eq!(base64_decode(text).as_deref(), Some(raw.as_bytes()));
        }
        // Non-canonical: unused bits set.
        assert_eq!(base64_decode("Zh"), None);
        assert_eq!(base64_decode("Z"), None);
        assert_eq!(base64_decode("Zm9v+g"), None);
    }

    #[test]
    fn crc16_matches_the_check_value() {
        assert_eq!(crc16(b"123456789"), 0x29b1);
    }
}
