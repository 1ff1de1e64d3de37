//! The desk's files and clock: a text handed to the browser as a download, a chosen file read
//! as text, today's date and fresh prospect ids.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use client_fit_core::desk::{Day, ProspectId};

/// The largest file the desk reads (bytes): a desk of 200 prospects with five assessments each is
/// about 300 KB, so anything near this is not a desk file.
pub const MAX_IMPORT_BYTES: f64 = 5_000_000.0;

/// Why a chosen file could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadError {
    TooBig,
    Unreadable,
}

/// Today in the person's own time zone.
pub fn today() -> Day {
    let now = js_sys::Date::new_0();
    let local_ms = now.get_time() - now.get_timezone_offset() * 60_000.0;
    // Days since 1970 fit an i32 for millions of years; a clock that says otherwise gives day 0.
    let days = (local_ms / 86_400_000.0).floor();
    Day(if days.is_finite() && days.abs() < 1e8 {
        days as i32
    } else {
        0
    })
}

/// A new prospect id: `p` and 16 hex digits from the browser's random source (the time and
/// `Math.random` where there is none, which is unique enough on one desk).
pub fn new_prospect_id() -> ProspectId {
    let mut bytes = [0u8; 8];
    let random = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    let text = if random {
        bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
    } else {
        let noise = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
        format!("{:x}{noise:08x}", js_sys::Date::now() as u64)
    };
    ProspectId::parse(&format!("p{text}")).unwrap_or_else(|| {
        // Only hex digits and `p`: always a valid id.
        ProspectId::parse("p0").expect("a literal valid id")
    })
}

/// Hands `text` to the browser as a file download named `name`; `false` when the browser refused.
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let Some(link) = document
        .create_element("a")
        .ok()
        .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    link.set_href(&url);
    link.set_download(name);
    let Some(body) = document.body() else {
        return false;
    };
    if body.append_child(&link).is_err() {
        return false;
    }
    link.click();
    link.remove();
    // Firefox starts the download after the click returns: free the address a moment later.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000);
    }
    true
}

/// The file chosen in `input`, with its name and text; `None` when none was chosen. The input
/// is emptied, so choosing the same file again reads it again.
pub async fn read_chosen(
    input: web_sys::HtmlInputElement,
) -> Option<(String, Result<String, ReadError>)> {
    let file = input.files()?.get(0)?;
    input.set_value("");
    let name = file.name();
    if file.size() > MAX_IMPORT_BYTES {
        return Some((name, Err(ReadError::TooBig)));
    }
    let text = JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or(ReadError::Unreadable);
    Some((name, text))
}

/// Opens the browser's print dialog (print, or save as PDF); the print stylesheet shapes the page.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
