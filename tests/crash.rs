//! The crash screen's markup: escaped text, links built by the app, a way back in.

use client_fit::i18n::Messages;
use client_fit::platform::crash::{screen_html, RESET_PARAM};
use client_fit::quiz::Audience;

#[test]
fn the_crash_screen_offers_reload_start_over_and_finished_results() {
    let m = Messages::english();
    let html = screen_html(
        &m,
        &[(
            Audience::Client,
            "https://cf.example/?a=1&b='x'#r=AB".to_string(),
        )],
    );
    assert!(html.contains("role='alert'"));
    assert!(html.contains(&m.t("crash.title")));
    assert!(html.contains(&format!("href='?{RESET_PARAM}'")));
    assert!(html.contains("href='?'"));
    // The link is escaped into the attribute; nothing breaks out of it.
    assert!(
        html.contains("href='https://cf.example/?a=1&amp;b=&#39;x&#39;#r=AB'"),
        "{html}"
    );
    assert!(html.contains("data-testid='crash-link-client'"));
    assert!(!html.contains("crash-link-specialist"));
}
