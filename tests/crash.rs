//! The crash screen's markup: escaped text, links built by the app, a way back in.

use client_fit::platform::crash::CrashTexts;
use client_fit::platform::crash::{asks_reset, screen_html, without_reset, RESET_PARAM};
use client_fit_core::i18n::Messages;
use client_fit_core::Audience;

#[test]
fn the_crash_screen_offers_reload_start_over_and_finished_results() {
    let m = Messages::english();
    let t = CrashTexts::from_messages(&m);
    let html = screen_html(
        &t,
        &[(
            Audience::Client,
            "https://cf.example/?a=1&b='x'#r=AB".to_string(),
        )],
        "",
        Some("0123abcd"),
    );
    assert!(html.contains("role='alert'"));
    assert!(html.contains(&m.t("crash.title")));
    // "Start over" carries this tab's one-time token: only that opens the app clean at once.
    assert!(html.contains(&format!("href='?{RESET_PARAM}=0123abcd'")));
    assert!(html.contains("href='?'"));
    // The link is escaped into the attribute; nothing breaks out of it.
    assert!(
        html.contains("href='https://cf.example/?a=1&amp;b=&#39;x&#39;#r=AB'"),
        "{html}"
    );
    assert!(html.contains("data-testid='crash-link-client'"));
    assert!(!html.contains("crash-link-specialist"));
}

#[test]
fn reload_and_start_over_keep_the_embedding_parameters() {
    let t = CrashTexts::from_messages(&Messages::english());
    let search = without_reset("?quiz=client&reset=1&accent=%23ff0000&reset=1");
    assert_eq!(search, "?quiz=client&accent=%23ff0000");
    assert_eq!(asks_reset(&search), None);
    assert_eq!(asks_reset("?lang=fi&reset=1"), Some("1"));
    assert_eq!(asks_reset("?reset"), Some(""));
    assert_eq!(asks_reset("?xreset=1&resets=2"), None);
    assert_eq!(without_reset("?reset=1"), "");
    assert_eq!(without_reset("?reset=f00&lang=fi"), "?lang=fi");
    assert_eq!(without_reset(""), "");
    let html = screen_html(&t, &[], &search, Some("7"));
    assert!(
        html.contains("href='?quiz=client&amp;accent=%23ff0000'"),
        "{html}"
    );
    assert!(
        html.contains(&format!(
            "href='?quiz=client&amp;accent=%23ff0000&amp;{RESET_PARAM}=7'"
        )),
        "{html}"
    );
    // A hostile query cannot leave the attribute.
    let html = screen_html(&t, &[], &without_reset("?x='><script>"), None);
    assert!(
        !html.contains("<script>") && html.contains("&#39;&gt;&lt;script&gt;"),
        "{html}"
    );
}
