// The "Loading…" line each page shows until its app draws, in the language that app is about to
// open in, so that a reader of Russian, Spanish or Finnish is not greeted in English first. The
// choice is the apps' own: the reader's pick in the switcher (saved), else the address's `lang=`,
// else the first of the browser's languages the app speaks, else English. It runs first in the
// start-up script of every page (scripts/postbuild.mjs), right after the page is parsed;
// boot/first-frame.js, after it on the quizzes' page, calls `spokenLanguage`, and `wordLoading`
// again when a language is picked on its screen.
function wordLoading(lang) {
  const line = document.querySelector('#client-fit > .cf-loading[data-loading]');
  const words = line && {
    app: { ru: 'Загрузка Client Fit…', es: 'Cargando Client Fit…', fi: 'Client Fit latautuu…' },
    desk: { ru: 'Загрузка списка клиентов…', es: 'Cargando tu cartera de clientes…', fi: 'Asiakasehdokkaat latautuvat…' },
    sheet: { ru: 'Загрузка листа договорённостей…', es: 'Cargando la hoja de acuerdos…', fi: 'Sopimusmuistio latautuu…' },
  }[line.dataset.loading];
  if (!words || !words[lang]) return;
  line.textContent = words[lang];
  line.lang = lang;
}

/** The language of Client Fit's four that a tag (`ru-RU`, `fi`) names, or ''. */
function spokenLanguage(tag) {
  const code = String(tag || '').trim().split(/[-_]/)[0].toLowerCase();
  return ['en', 'ru', 'es', 'fi'].includes(code) ? code : '';
}

(() => {
  const params = new URLSearchParams(location.search);
  let saved = '';
  try {
    // Stored as a JSON string, `"ru"`; a `reset=` visit is about to set it aside.
    if (!params.has('reset')) saved = (localStorage.getItem('clientfit.v1.lang') || '').replace(/^"(.*)"$/, '$1');
  } catch {
    // Storage blocked: the app goes on without it, and so does this.
  }
  // As the address is read by the app: of several `lang=`, the last it speaks.
  const asked = params.getAll('lang').map(spokenLanguage).filter(Boolean).pop();
  wordLoading([saved, asked, ...(navigator.languages || [navigator.language])].map(spokenLanguage).find(Boolean));
})();
