// End-to-end: the start screen index.html draws before the app has loaded (its first frame,
// boot/first-frame.js): shown only on a first visit in English with a bare address, read exactly
// as the app's own start screen, and replaced by it in place; a press made before the app loads
// is not lost. The wasm is held back by the test, so "before the app" lasts as long as needed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer, launch } from './helpers.mjs';

const { questions: QUESTIONS } = JSON.parse(readFileSync(new URL('../content/questions.json', import.meta.url), 'utf8'));

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** A fresh page whose wasm is held until `release()`; `locale` sets the browser's languages. */
async function held(path, { locale = 'en-US', init } = {}) {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  const waiting = [];
  let released = false;
  await page.route(/_bg\.wasm$/, (route) => (released ? route.continue() : waiting.push(route)));
  await page.goto(`${server.url}${path}`, { waitUntil: 'domcontentloaded' });
  page.release = async () => {
    released = true;
    for (const route of waiting.splice(0)) await route.continue();
  };
  return page;
}

const FRAME = '#client-fit .cf-first-frame';
const boxes = (page) => page.evaluate(() => ['h1', '.cf-lead', '#title-client', '#title-specialist', '.cf-card .cf-primary', '.cf-small']
  .map((s) => { const r = document.querySelector(`#client-fit ${s}`).getBoundingClientRect(); return [s, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)]; }));

test('a first visit in English sees the start screen before the app, and the app takes it over in place', async () => {
  const page = await held('');
  await page.locator(FRAME).waitFor({ state: 'visible' });
  assert.equal(await page.locator('.cf-loading').isVisible(), false, '"Loading…" gives way to the start screen');
  assert.equal(await page.locator('[data-testid="open-client"]').count(), 0, 'the app has not drawn yet');
  const drawnEarly = await page.locator('#client-fit').innerText();
  const placedEarly = await boxes(page);

  await page.release();
  await page.waitForSelector('[data-testid="open-client"]');
  assert.equal(await page.locator(FRAME).count(), 0, 'the app replaced the first frame');
  assert.equal(await page.locator('#client-fit').innerText(), drawnEarly, 'the app\'s start screen reads word for word as the first frame');
  assert.deepEqual(await boxes(page), placedEarly, 'nothing moved when the app took over');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the first frame, not the app drawing the same screen after it, is the page\'s largest contentful paint', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="open-client"]');
  const paints = await page.evaluate(() => new Promise((done) => {
    new PerformanceObserver((list) => done(list.getEntries().map((e) => ({
      size: e.size,
      // An element the app has since replaced is no longer in the page.
      app: Boolean(e.element && e.element.isConnected),
    })))).observe({ type: 'largest-contentful-paint', buffered: true });
  }));
  assert.ok(paints.length > 0);
  assert.equal(paints.at(-1).app, false, `the largest paint is the first frame's: ${JSON.stringify(paints)}`);
  await context.close();
});

test('a press on Start before the app has loaded opens that quiz once it has', async () => {
  const page = await held('');
  await page.locator(FRAME).waitFor({ state: 'visible' });
  await page.click(`${FRAME} [data-first-open="specialist"]`);
  assert.equal(new URL(page.url()).search, '?quiz=specialist', 'the press is kept in the address, without a reload');
  assert.equal(await page.getAttribute(`${FRAME} [data-first-open="specialist"]`, 'aria-busy'), 'true');
  await page.release();
  await page.waitForSelector('[data-name="q1"]');
  assert.ok((await page.locator('form.cf-question').innerText()).startsWith(QUESTIONS[0].specialist), 'the specialist\'s first question');
  assert.equal(await page.locator('[data-testid="result"]').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a language picked before the app has loaded is the one it opens in', async () => {
  const page = await held('');
  await page.locator(FRAME).waitFor({ state: 'visible' });
  await page.selectOption(`${FRAME} select`, 'fi');
  assert.equal(new URL(page.url()).search, '?lang=fi');
  assert.equal(await page.locator(FRAME).isVisible(), false, 'the English screen goes');
  assert.equal(await page.locator('.cf-loading').isVisible(), true, '"Loading…" until the Finnish app draws');
  assert.equal(await page.textContent('.cf-loading'), 'Client Fit latautuu…', 'and in Finnish');
  await page.release();
  await page.waitForSelector('[data-testid="open-client"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'fi');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('any other visit keeps "Loading…" until the app draws: a quiz link, a result link, another language, anything saved', async () => {
  const cases = [
    ['?quiz=client', {}],
    ['?agency=Acme', {}],
    ['#r=anything', {}],
    ['', { locale: 'ru-RU' }],
    ['', { locale: 'fi' }],
    ['', { init: "localStorage.setItem('clientfit.v1.lang', 'en')" }],
    ['', { init: "localStorage.setItem('clientfit.v1.client', 'x')" }],
  ];
  for (const [path, options] of cases) {
    const page = await held(path, options);
    // The first frame's check runs before DOMContentLoaded (a module script's first part).
    assert.equal(await page.locator(FRAME).isVisible(), false, `no first frame for ${path || 'a bare address'} ${JSON.stringify(options)}`);
    assert.equal(await page.locator('.cf-loading').isVisible(), true);
    await page.release();
    await page.context().close();
  }
});

test('"Loading…" is worded in the language each page is about to open in', async () => {
  const cases = [
    ['?quiz=client', { locale: 'ru-RU' }, 'ru', 'Загрузка Client Fit…'],
    ['?lang=es', {}, 'es', 'Cargando Client Fit…'],
    ['', { locale: 'fi-FI' }, 'fi', 'Client Fit latautuu…'],
    ['', { locale: 'de-DE', init: "localStorage.setItem('clientfit.v1.lang', '\"ru\"')" }, 'ru', 'Загрузка Client Fit…'],
    ['?lang=ru', { init: "localStorage.setItem('clientfit.v1.lang', '\"es\"')" }, 'es', 'Cargando Client Fit…'],
    ['?lang=xx&lang=fi', { locale: 'ru-RU' }, 'fi', 'Client Fit latautuu…'],
    ['desk.html?lang=fi', {}, 'fi', 'Asiakasehdokkaat latautuvat…'],
    ['desk.html', { locale: 'es-ES' }, 'es', 'Cargando tu cartera de clientes…'],
    ['sheet.html', { locale: 'ru' }, 'ru', 'Загрузка листа договорённостей…'],
    ['?quiz=client', { locale: 'de-DE' }, '', 'Loading Client Fit…'],
    ['desk.html', { locale: 'en-GB' }, '', 'Loading the desk…'],
  ];
  for (const [path, options, lang, text] of cases) {
    const page = await held(path, options);
    const line = page.locator('#client-fit > .cf-loading');
    await page.waitForFunction((t) => document.querySelector('#client-fit > .cf-loading')?.textContent === t, text, { timeout: 5000 })
      .catch(() => {});
    assert.equal(await line.textContent(), text, `${path || 'a bare address'} ${JSON.stringify(options)}`);
    assert.equal(await line.getAttribute('lang'), lang || null);
    assert.deepEqual(page.errors, []);
    await page.release();
    await page.context().close();
  }
});
