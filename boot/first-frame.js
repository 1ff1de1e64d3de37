// The start screen that index.html draws before the app has loaded (its "first frame"): shown only
// when the app is certain to open on exactly that screen, in English. That is a first visit with a
// bare address (no `?quiz=`, `lang=`, agency or result link), nothing saved in this browser, and
// English as the first of the browser's languages the app speaks. Any other visit keeps
// "Loading Client Fit…" until the app draws, as before. It runs first in the start-up script
// (scripts/postbuild.mjs), right after the page is parsed.
//
// A press on a quiz's Start button before the app has loaded is not lost: it puts `?quiz=<id>` in
// the address (no reload), which the app reads when it starts. A language picked in the switcher
// does the same with `?lang=`. The app replaces the whole frame with its own start screen.
//
// `firstFrameShown` settles once the frame has been painted: the start-up script waits for it before
// starting the app. Started at once, the app's start screen, drawn anew in the same place, replaced
// the frame before Chromium had reported its paint, and became the page's largest contentful paint
// itself (which Lighthouse then puts behind the wasm). Of the same size, it is not reported after.
const firstFrameShown = (() => {
  const root = document.getElementById('client-fit');
  const frame = root && root.querySelector('.cf-first-frame');
  const loading = root && root.querySelector('.cf-loading');
  if (!frame || !loading || location.search || location.hash) return;
  try {
    for (let i = 0; i < localStorage.length; i++) {
      if (String(localStorage.key(i)).startsWith('clientfit.')) return;
    }
  } catch {
    return; // Storage blocked: the app will say so, and the screen would not be this one.
  }
  const first = [...(navigator.languages || [navigator.language])].map(spokenLanguage).find(Boolean);
  if (first && first !== 'en') return;

  const ask = (param, value) => history.replaceState(history.state, '', `?${param}=${encodeURIComponent(value)}`);
  frame.addEventListener('click', (event) => {
    const button = event.target.closest && event.target.closest('[data-first-open]');
    if (!button) return;
    ask('quiz', button.dataset.firstOpen);
    button.setAttribute('aria-busy', 'true');
  });
  frame.addEventListener('change', (event) => {
    if (event.target.tagName !== 'SELECT') return;
    ask('lang', event.target.value);
    wordLoading(event.target.value);
    frame.hidden = true;
    loading.hidden = false;
  });
  loading.hidden = true;
  frame.hidden = false;
  // Shown means reported as a largest contentful paint, where the browser reports those
  // (Chromium); at most 300 ms, and at once where it does not.
  return new Promise((done) => {
    const types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
    if (!types.includes('largest-contentful-paint')) return done();
    const paints = new PerformanceObserver((list) => {
      if (list.getEntries().some((entry) => frame.contains(entry.element))) finish();
    });
    const finish = () => { paints.disconnect(); done(); };
    paints.observe({ type: 'largest-contentful-paint', buffered: true });
    setTimeout(finish, 300);
  });
})();
