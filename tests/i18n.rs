//! Each language builds a full UI: its own words for questions, results and money, rendered.

use std::collections::BTreeMap;

use client_fit::app::{App, AppProps};
use client_fit::state::{reduce, Action, AppState, Screen};
use client_fit_core::i18n::{pack_from_catalog, parse_flat, Lang, Pack};
use client_fit_core::progress::Progress;
use client_fit_core::testing::best_answers;
use client_fit_core::{english_bank, Audience};
use yew::LocalServerRenderer;

fn catalog(lang: Lang) -> String {
    let path = format!("content/{}", lang.catalog_path());
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

async fn render(state: AppState, pack: Pack) -> String {
    LocalServerRenderer::<App>::with_props(AppProps {
        initial: state,
        pack,
        ..AppProps::default()
    })
    .render()
    .await
}

#[tokio::test]
async fn each_language_shows_its_own_words_for_questions_results_and_money() {
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let pack =
            pack_from_catalog(lang, &catalog(lang)).unwrap_or_else(|e| panic!("{lang:?}: {e:?}"));
        let entries: BTreeMap<String, String> =
            parse_flat(&catalog(lang)).unwrap().into_iter().collect();

        let mut s = reduce(&AppState::default(), Action::SetLang(lang));
        s = reduce(&s, Action::Open(Audience::Specialist));
        let html = render(s.clone(), pack.clone()).await;
        let first_q = &entries["c.q.goals_numbers.specialist"];
        assert!(
            html.contains(first_q.as_str()),
            "{lang:?}: {first_q} not in {html}"
        );
        assert!(
            html.contains(&format!("lang=\"{}\"", lang.code())),
            "the switcher marks each option's language"
        );

        s.specialist = Progress {
            step: english_bank().step_count(Audience::Specialist),
            answers: best_answers(),
        };
        s.screen = Screen::Result(Audience::Specialist);
        let html = render(s, pack).await;
        let verdict = &entries["band.partner.specialist"];
        assert!(html.contains(verdict.as_str()), "{lang:?}: verdict");
        // No id leaked as text: a missing key would show as its own id.
        for leak in ["c.q.", "result.", "fee.model.", "band."] {
            assert!(
                !html.contains(&format!(">{leak}")),
                "{lang:?}: an id shows as text ({leak})"
            );
        }
        // Money in the reader's convention: Russian and Finnish group with a narrow space.
        let sample = if lang == Lang::Es {
            "000\u{a0}₽"
        } else {
            "\u{202f}000\u{a0}₽"
        };
        assert!(html.contains(sample), "{lang:?}: money format");
    }
}
