// End-to-end: the embed loader's modes (inline, popup, slider, launcher), triggers, lazy loading,
// control API, pass-through fields and the consented hand-off, on host pages built here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { startServer, launch, answerAll } from './helpers.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

// A host page stylesheet that styles div, button and iframe as carelessly as a theme can.
const HOSTILE = `
div { display: flex !important; padding: 23px !important; border: 7px solid red !important; font: 40px/1 serif !important; }
button { display: none !important; }
iframe { display: none !important; width: 10px !important; height: 10px !important; }
dialog { width: 50px !important; height: 50px !important; }`;

/**
 * A host page on the test server's origin: `body` markup, the loader mounting `mount`, and
 * `style` in the page. Every request for the widget's frame is recorded in `page.frames`.
 */
async function host(body, { mount = '', style = '', width = 1100, height = 800, init } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  page.errors = [];
  page.warnings = [];
  page.frameRequests = [];
  page.frameRequestTimes = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') page.errors.push(m.text());
    if (m.type() === 'warning') page.warnings.push(m.text());
  });
  page.on('request', (r) => {
    if (!r.url().includes('fit=1')) return;
    page.frameRequests.push(r.url());
    page.frameRequestTimes.push(Date.now());
  });
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Agency</title>
    <link rel="icon" href="data:,"><style>${style}</style></head><body>
    <h1>Acme Digital</h1>${body}
    <script>window.seen = []; ['open', 'close', 'ready', 'start', 'progress', 'complete', 'send', 'escape'].forEach(function (t) {
      document.addEventListener('client-fit:' + t, function (e) { window.seen.push({ id: e.target.id, detail: e.detail }); });
    });</script>
    <script src="client-fit.js" data-mount="${mount}"></script></body></html>`;
  await context.route(`${server.url}agency.html`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(`${server.url}agency.html`);
  return page;
}

/** Waits for `locator`'s element to finish its animations (an overlay slides or fades in). */
const still = (locator) => locator.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
/** Waits until the page has heard `n` close events (a dialog's close event comes a task later). */
const closes = (page, n) => page.waitForFunction((count) => window.seen.filter((e) => e.detail.type === 'client-fit:close').length === count, n);
const seen = (page, type) => page.evaluate((t) => window.seen.filter((e) => e.detail.type === `client-fit:${t}`), type);
/** The element focused, looking into shadow roots and the dialog. */
const focused = (page) => page.evaluate(() => {
  let a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return a ? `${a.tagName.toLowerCase()}.${a.className || a.id}` : null;
});

test('a popup opens from any opener, loads its frame only then, traps focus, and gives it back on Escape, pressed inside the quiz too', async () => {
  const page = await host(`
    <button id="cta" data-client-fit-open="quiz">Am I a good client?</button>
    <div id="quiz" data-client-fit data-mode="popup" data-quiz="client" data-title="Client Fit: Am I a good client?"></div>
    <p style="height:3000px">Long page</p>`, { mount: 'quiz' });
  await page.waitForFunction(() => window.ClientFit && document.querySelector('client-fit-overlay'));
  await page.waitForTimeout(300);
  assert.deepEqual(page.frameRequests, [], 'nothing loads before the popup is wanted');
  // Hovering the opener warms the frame; nothing opens.
  await page.hover('#cta');
  await page.waitForFunction(() => document.querySelector('client-fit-overlay').shadowRoot.querySelector('iframe'));
  assert.equal(page.frameRequests.length, 1);
  assert.equal(await page.locator('client-fit-overlay dialog[open]').count(), 0);

  await page.focus('#cta');
  await page.keyboard.press('Enter');
  const dialog = page.locator('client-fit-overlay dialog');
  await page.locator('client-fit-overlay dialog[open]').waitFor();
  assert.equal(await dialog.getAttribute('aria-label'), 'Client Fit: Am I a good client?');
  assert.equal(await focused(page), 'button.close', 'focus moved into the dialog');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).overflow), 'hidden', 'the page does not scroll behind');
  assert.equal(page.frameRequests.length, 1, 'the warmed frame is the one shown');
  const frame = page.frameLocator('client-fit-overlay iframe');
  await frame.locator('[role="radiogroup"]').waitFor();
  // Modal: the rest of the page is inert while it is open.
  assert.ok(await page.evaluate(() => document.querySelector('client-fit-overlay').shadowRoot.querySelector('dialog').matches(':modal')));

  await page.keyboard.press('Escape');
  await page.locator('client-fit-overlay dialog[open]').waitFor({ state: 'detached' });
  await closes(page, 1);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'cta', 'focus is back on the opener');
  assert.equal(await page.evaluate(() => document.documentElement.style.overflow), '');
  const events = await page.evaluate(() => window.seen.filter((e) => /open|close/.test(e.detail.type)));
  assert.deepEqual(events, [
    { id: 'quiz', detail: { type: 'client-fit:open', version: 2 } },
    { id: 'quiz', detail: { type: 'client-fit:close', version: 2 } },
  ]);

  // With focus inside the quiz (a document of its own), Escape closes it too, and focus comes back.
  await page.click('#cta');
  await frame.locator('[role="radiogroup"] input').first().focus();
  await page.keyboard.press('Escape');
  await page.locator('client-fit-overlay dialog[open]').waitFor({ state: 'detached' });
  await closes(page, 2);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'cta', 'focus is back on the opener');
  assert.equal((await page.evaluate(() => window.seen)).filter((e) => e.detail.type === 'client-fit:escape').length, 0, 'Escape is the loader\'s business, not an event of the page');

  // From inside the quiz, Shift+Tab reaches the close button; the button closes it too.
  await page.click('#cta');
  await frame.locator('[role="radiogroup"] input').first().focus();
  for (let i = 0; i < 12 && (await focused(page)) !== 'button.close'; i++) await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(page), 'button.close');
  await page.locator('client-fit-overlay button.close').click();
  await page.locator('client-fit-overlay dialog[open]').waitFor({ state: 'detached' });
  await closes(page, 3);
  assert.deepEqual(page.errors, []);
});

test('a slider comes from its side, a launcher floats in its corner, and both take a phone screen whole', async () => {
  const body = `
    <div id="drawer" data-client-fit data-mode="slider" data-side="left" data-quiz="specialist"></div>
    <button data-client-fit-open="drawer">Vet a client</button>
    <div id="float" data-client-fit data-mode="launcher" data-accent="#c2185b" data-label="Are we a fit?" data-quiz="client"></div>`;
  const page = await host(body, { mount: 'drawer float' });
  const launcher = page.locator('client-fit-overlay button.launcher');
  await launcher.waitFor();
  const box = await launcher.boundingBox();
  assert.ok(box.x + box.width > 1100 - 40 && box.y + box.height > 800 - 40, `launcher at ${JSON.stringify(box)}`);
  assert.equal(await launcher.textContent(), 'Are we a fit?');
  assert.equal(await launcher.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(194, 24, 91)');
  assert.equal(await launcher.evaluate((b) => getComputedStyle(b).color), 'rgb(255, 255, 255)');

  await page.click('text=Vet a client');
  const drawer = page.locator('client-fit-overlay dialog.slider[open]');
  await drawer.waitFor();
  await still(drawer);
  const rect = await drawer.boundingBox();
  assert.equal(Math.round(rect.x), 0, 'from the left');
  assert.equal(Math.round(rect.height), 800);
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'detached' });
  await closes(page, 1);

  await launcher.click();
  const popup = page.locator('client-fit-overlay dialog.popup[open]');
  await popup.waitFor();
  assert.equal(await popup.evaluate((d) => getComputedStyle(d).animationName), 'cf-in');
  await page.frameLocator('client-fit-overlay dialog.popup iframe').locator('[role="radiogroup"]').waitFor();
  await page.keyboard.press('Escape');
  await popup.waitFor({ state: 'detached' });
  await closes(page, 2);
  assert.equal(await focused(page), 'button.launcher right', 'focus is back on the launcher');

  // Without motion when the visitor asked for less.
  const calm = await host(body, { mount: 'drawer float' });
  await calm.emulateMedia({ reducedMotion: 'reduce' });
  await calm.locator('client-fit-overlay button.launcher').click();
  const calmDialog = calm.locator('client-fit-overlay dialog[open]');
  await calmDialog.waitFor();
  assert.equal(await calmDialog.evaluate((d) => getComputedStyle(d).animationName), 'none');

  const phone = await host(body, { mount: 'drawer float', width: 390, height: 760 });
  await phone.locator('client-fit-overlay button.launcher').click();
  await still(phone.locator('client-fit-overlay dialog[open]'));
  const full = await phone.locator('client-fit-overlay dialog[open]').boundingBox();
  assert.deepEqual([full.x, full.y, full.width, full.height].map(Math.round), [0, 0, 390, 760]);
  await phone.keyboard.press('Escape');
  await phone.locator('client-fit-overlay dialog[open]').waitFor({ state: 'detached' });
  await phone.click('text=Vet a client');
  await phone.locator('client-fit-overlay dialog.slider[open]').waitFor();
  await still(phone.locator('client-fit-overlay dialog.slider[open]'));
  const drawn = await phone.locator('client-fit-overlay dialog.slider[open]').boundingBox();
  assert.deepEqual([drawn.x, drawn.y, drawn.width, drawn.height].map(Math.round), [0, 0, 390, 760]);
  for (const p of [page, calm, phone]) assert.deepEqual(p.errors, []);
});

test('triggers open an overlay by itself: after a delay, at a scroll depth, on exit intent, once per visitor', async () => {
  const page = await host(`
    <div id="later" data-client-fit data-mode="popup" data-open-after="1" data-once></div>
    <p style="height:4000px">Long page</p>`, { mount: 'later' });
  await page.waitForTimeout(400);
  assert.equal(await page.locator('client-fit-overlay dialog[open]').count(), 0, 'not before its time');
  await page.locator('client-fit-overlay dialog[open]').waitFor({ timeout: 5000 });
  await page.keyboard.press('Escape');
  // Shown once: the next visit on this browser does not open it again.
  await page.reload();
  await page.waitForTimeout(1800);
  assert.equal(await page.locator('client-fit-overlay dialog[open]').count(), 0, 'data-once holds across visits');
  assert.ok(await page.evaluate(() => localStorage.getItem('client-fit:shown:later')));

  const scroll = await host(`
    <div id="deep" data-client-fit data-mode="slider" data-open-at-scroll="50" data-every-days="7"></div>
    <p style="height:4000px">Long page</p>`, { mount: 'deep' });
  await scroll.mouse.wheel(0, 800);
  await scroll.waitForTimeout(400);
  assert.equal(await scroll.locator('client-fit-overlay dialog[open]').count(), 0, 'not at 25 %');
  await scroll.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await scroll.locator('client-fit-overlay dialog[open]').waitFor();
  await scroll.keyboard.press('Escape');
  // Within its 7 days, not again; a week later, again.
  await scroll.evaluate(() => localStorage.setItem('client-fit:shown:deep', String(Date.now() - 8 * 86400000)));
  await scroll.reload();
  await scroll.locator('client-fit-overlay').waitFor({ state: 'attached' });
  await scroll.evaluate(() => window.scrollTo(0, 0));
  await scroll.mouse.wheel(0, 4000);
  await scroll.locator('client-fit-overlay dialog[open]').waitFor();

  const exit = await host(`<div id="bye" data-client-fit data-mode="popup" data-open-on-exit></div>`, { mount: 'bye' });
  await exit.mouse.move(500, 300);
  await exit.evaluate(() => document.dispatchEvent(new MouseEvent('mouseout', { clientX: 500, clientY: -2, bubbles: true })));
  await exit.locator('client-fit-overlay dialog[open]').waitFor();
  for (const p of [page, scroll, exit]) assert.deepEqual(p.errors, []);
});

test('an inline frame waits for the page\'s own load, and below the fold loads only as it nears the viewport', async () => {
  const page = await host(`
    <div id="top" data-client-fit data-quiz="client"></div>
    <p style="height:2500px">Long page</p>
    <div id="below" data-client-fit data-quiz="specialist"></div>`, { mount: 'top below' });
  await page.frameLocator('#top iframe').locator('[role="radiogroup"]').waitFor();
  const loaded = await page.evaluate(() => performance.timeOrigin + performance.getEntriesByType('navigation')[0].loadEventEnd);
  assert.ok(page.frameRequestTimes[0] >= loaded - 5, 'the frame is asked for after the host page\'s load event');
  await page.waitForTimeout(300);
  assert.equal(page.frameRequests.length, 1, page.frameRequests.join('\n'));
  assert.ok(page.frameRequests[0].includes('quiz=client'));
  await page.evaluate(() => document.querySelector('#below').scrollIntoView());
  await page.frameLocator('#below iframe').locator('[role="radiogroup"]').waitFor();
  assert.equal(page.frameRequests.length, 2);
  assert.deepEqual(page.errors, []);
});

test('the control API opens, closes, toggles, unmounts and subscribes, with exact event payloads', async () => {
  const page = await host(`
    <div id="api" data-client-fit data-mode="popup" data-quiz="client" data-hidden-utm_source="newsletter"></div>
    <div id="inline" data-client-fit data-quiz="client"></div>`, { mount: 'api inline' });
  await page.waitForFunction(() => window.ClientFit);
  await page.evaluate(() => {
    window.got = [];
    window.stop = window.ClientFit.on('api', 'progress', (d) => window.got.push(d));
    window.ClientFit.on('api', 'client-fit:close', (d) => window.got.push(d));
  });
  await page.evaluate(() => window.ClientFit.open('api'));
  const frame = page.frameLocator('client-fit-overlay iframe');
  await frame.locator('[role="radiogroup"]').waitFor();
  await frame.locator('[role="radiogroup"] label').first().click();
  await frame.locator('form button[type="submit"]').click();
  await page.waitForFunction(() => window.got.length >= 2);
  const progress = await page.evaluate(() => window.got.filter((d) => d.type === 'client-fit:progress'));
  assert.deepEqual(progress[0], { type: 'client-fit:progress', version: 2, quiz: 'client', question: 1, total: progress[0].total, hidden: { utm_source: 'newsletter' } });
  assert.ok(progress[0].total > 20);
  assert.equal(progress[progress.length - 1].question, 2);
  await page.evaluate(() => window.stop());
  const before = await page.evaluate(() => window.got.length);
  await frame.locator('[role="radiogroup"] label').first().click();
  await frame.locator('form button[type="submit"]').click();
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.got.length), before, 'a handler stopped hears nothing more');

  await page.evaluate(() => window.ClientFit.toggle('api'));
  await page.locator('client-fit-overlay dialog[open]').waitFor({ state: 'detached' });
  await closes(page, 1);
  assert.deepEqual(await page.evaluate(() => window.got.at(-1)), { type: 'client-fit:close', version: 2, hidden: { utm_source: 'newsletter' } });
  await page.evaluate(() => window.ClientFit.toggle('api'));
  await page.locator('client-fit-overlay dialog[open]').waitFor();
  // The dialog's own close event is a task queued for later (Firefox has run a script between
  // the two); a close through the loader leaves the page settled as the call returns, and tells
  // its listeners once.
  const settled = await page.evaluate(() => {
    window.ClientFit.close('api');
    return { overflow: document.documentElement.style.overflow, closes: window.got.filter((d) => d.type === 'client-fit:close').length };
  });
  assert.deepEqual(settled, { overflow: '', closes: 2 });
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.got.filter((d) => d.type === 'client-fit:close').length), 2, 'the close is told once');
  // Closed and opened again at once: the first close's late event leaves the open overlay alone.
  const reopened = await page.evaluate(() => {
    window.ClientFit.open('api');
    window.ClientFit.close('api');
    window.ClientFit.open('api');
    return window.got.filter((d) => d.type === 'client-fit:close').length;
  });
  assert.equal(reopened, 3);
  await page.waitForTimeout(200);
  assert.deepEqual(await page.evaluate(() => ({
    open: Boolean(document.querySelector('client-fit-overlay').shadowRoot.querySelector('dialog[open]')),
    overflow: document.documentElement.style.overflow,
    closes: window.got.filter((d) => d.type === 'client-fit:close').length,
  })), { open: true, overflow: 'hidden', closes: 3 });
  await page.evaluate(() => window.ClientFit.close('api'));

  // Unmounted: gone from the page, and the element can be mounted again.
  await page.frameLocator('#inline iframe').locator('[role="radiogroup"]').waitFor();
  await page.evaluate(() => { window.ClientFit.unmount('api'); window.ClientFit.unmount('inline'); });
  assert.equal(await page.locator('client-fit-overlay').count(), 0);
  assert.equal(await page.locator('iframe').count(), 0);
  assert.equal(await page.evaluate(() => window.ClientFit.mount(document.querySelector('#inline'))), 'inline');
  await page.frameLocator('#inline iframe').locator('[role="radiogroup"]').waitFor();
  assert.equal(await page.evaluate(() => window.ClientFit.open('nothing-here')), undefined);
  assert.deepEqual(page.errors, []);
});

test('pass-through fields are validated, reach the events and the "Send my result" address, never the shared link; the press hands the result over', async () => {
  const tooLong = 'x'.repeat(201);
  const many = Array.from({ length: 11 }, (_, i) => `data-hidden-f${i}="${i}"`).join(' ');
  const page = await host(`
    <div id="lead" data-client-fit data-quiz="client" data-contact="https://acme.example/brief?source=quiz"
         data-hidden-utm_source="spring &lt;img src=x onerror=alert(1)&gt;" data-hidden-utm_campaign="q2"
         data-hidden-bad-name="x" data-hidden-long="${tooLong}"></div>
    <div id="crowd" data-client-fit data-quiz="client" ${many}></div>`, { mount: 'lead crowd' });
  const src = await page.locator('#lead iframe').getAttribute('src');
  const params = new URL(src).searchParams;
  assert.equal(params.get('hidden_utm_source'), 'spring <img src=x onerror=alert(1)>');
  assert.equal(params.get('hidden_utm_campaign'), 'q2');
  assert.equal(params.get('hidden_bad-name'), null);
  assert.equal(params.get('hidden_long'), null);
  for (const name of ['data-hidden-bad-name', 'data-hidden-long', 'data-hidden-f10']) {
    assert.ok(page.warnings.some((w) => w.includes(name)), `a warning names ${name}: ${page.warnings.join(' | ')}`);
  }
  assert.equal(new URL(await page.locator('#crowd iframe').getAttribute('src')).searchParams.get('hidden_f10'), null, 'at most 10 fields');

  const frame = await (await page.$('#lead iframe')).contentFrame();
  await frame.waitForSelector('[role="radiogroup"]');
  await answerAll(frame, () => 0);
  await frame.waitForSelector('[data-testid="send-result"]');
  assert.equal(await frame.locator('img').count(), 0, 'a value is never markup');
  const href = new URL(await frame.getAttribute('[data-testid="send-result"]', 'href'));
  assert.equal(href.searchParams.get('source'), 'quiz');
  assert.equal(href.searchParams.get('utm_source'), 'spring <img src=x onerror=alert(1)>');
  assert.equal(href.searchParams.get('utm_campaign'), 'q2');
  const shared = decodeURIComponent(href.hash.replace(/^#cf_result=/, ''));
  assert.doesNotMatch(shared, /utm|hidden/, 'the shared link carries no pass-through field');
  assert.doesNotMatch(await frame.inputValue('[data-testid="share-link"]'), /utm|hidden/);
  const complete = (await seen(page, 'complete')).find((e) => e.id === 'lead').detail;
  assert.deepEqual(complete.hidden, { utm_source: 'spring <img src=x onerror=alert(1)>', utm_campaign: 'q2' });
  assert.equal((await seen(page, 'send')).length, 0, 'nothing is handed over before the press');

  // The press is the consent: the host hears the result link and its fields, once per press.
  const popup = page.waitForEvent('popup');
  await frame.click('[data-testid="send-result"]');
  await (await popup).close();
  await page.waitForFunction(() => window.seen.some((e) => e.detail.type === 'client-fit:send'));
  const send = (await seen(page, 'send'))[0];
  assert.equal(send.id, 'lead');
  assert.deepEqual(Object.keys(send.detail), ['type', 'version', 'quiz', 'link', 'hidden']);
  assert.equal(send.detail.quiz, 'client');
  assert.equal(send.detail.link, shared);
  assert.match(send.detail.link, /#r=[A-Za-z0-9_-]+$/);
  assert.deepEqual(send.detail.hidden, { utm_source: 'spring <img src=x onerror=alert(1)>', utm_campaign: 'q2' });
  assert.deepEqual(page.errors, []);
});

test('a hostile host stylesheet neither breaks the widgets nor is touched by them; modes share a page; axe is clean with the popup open', async () => {
  const body = `
    <button id="own">The page's own button</button>
    <div id="inline" data-client-fit data-quiz="client"></div>
    <div id="pop" data-client-fit data-mode="popup" data-quiz="specialist" data-title="Client Fit: Should I take this client?"></div>
    <div id="float" data-client-fit data-mode="launcher" data-side="left"></div>
    <a href="#" data-client-fit-open="pop">Vet a client</a>`;
  // The page's own button, styled by the page alone: the same with the widgets mounted.
  const own = (p) => p.evaluate(() => {
    const style = getComputedStyle(document.querySelector('#own'));
    return [...style].map((name) => `${name}:${style.getPropertyValue(name)}`).join(';');
  });
  const plain = await host(body, { style: HOSTILE });
  const ownBefore = await own(plain);
  const page = await host(body, { mount: 'inline pop float', style: HOSTILE });
  const frame = page.locator('#inline iframe');
  await page.frameLocator('#inline iframe').locator('[role="radiogroup"]').waitFor();
  const box = await frame.boundingBox();
  assert.ok(box.width > 500 && box.height > 300, `the inline frame keeps its size: ${JSON.stringify(box)}`);
  const launcher = page.locator('client-fit-overlay button.launcher');
  assert.ok(await launcher.isVisible(), 'the launcher is not hidden by the page\'s button rule');
  assert.equal(await own(page), ownBefore, 'the page\'s own button is styled as without the widget');

  await page.click('text=Vet a client');
  const dialog = page.locator('client-fit-overlay dialog[open]');
  await dialog.waitFor();
  const d = await dialog.boundingBox();
  assert.ok(d.width > 600 && d.height > 600, `the dialog keeps its size: ${JSON.stringify(d)}`);
  await page.frameLocator('client-fit-overlay dialog iframe').locator('[role="radiogroup"]').waitFor();
  // Only the popup's widget heard open; the inline one still works beside it.
  const opened = await seen(page, 'open');
  assert.deepEqual(opened.map((e) => e.id), ['pop']);

  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }).then((r) => r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)));
  assert.deepEqual(violations, []);
  assert.deepEqual(page.errors, []);
});
