// End-to-end: trust boundaries. Whoever writes a link or hosts a page must not decide what only
// the agency's deployment or the person may: where results are sent and under whose name, when
// saved answers are cleared, and who hears about a result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, answerAll, byId } from './helpers.mjs';

let open, listed, browser;
before(async () => {
  open = await startServer();
  // The same build, deployed with an allow-list (what `make release AGENCY=… CONTACTS=…` writes).
  listed = await startServer({ allow: { agencies: ['Acme Digital'], contacts: ['https://acme.example', 'mailto:hello@acme.example'] } });
  browser = await launch();
});
after(async () => { await browser?.close(); open?.close(); listed?.close(); });

const HOSTILE = '?quiz=client&agency=Acme%20Digital&contact=' + encodeURIComponent('https://evil.example/c?x={link}');

/** A page with the quiz answered to its result. */
async function finished(url) {
  const page = await openPage(browser, url, { ready: '[role="radiogroup"]' });
  await answerAll(page, byId(page, { money_budget: 'medium' }));
  await page.waitForSelector('[data-testid="share-link"]');
  return page;
}

test('without an allow-list, a link-chosen destination is shown by its host and never passed on', async () => {
  const page = await finished(open.url + HOSTILE);
  const send = page.locator('[data-testid="send-result"]');
  assert.equal((await send.textContent()).trim(), 'Send my result to Acme Digital (evil.example)');
  assert.equal(await send.locator('bdi').textContent(), 'Acme Digital', 'the name is isolated');
  const shared = new URL(await page.inputValue('[data-testid="share-link"]'));
  assert.equal(shared.searchParams.get('agency'), null);
  assert.equal(shared.searchParams.get('contact'), null);
  assert.deepEqual(page.errors, []);
});

test("with the deployment's allow-list, a destination it lacks is dropped with a warning, an allowed one travels", async () => {
  const page = await finished(listed.url + HOSTILE);
  assert.equal(await page.locator('[data-testid="send-result"]').count(), 0, 'no button to evil.example');
  assert.ok(page.warnings.some((w) => w.includes('`contact` parameter') && !w.includes('evil.example')), page.warnings.join('\n'));
  let shared = new URL(await page.inputValue('[data-testid="share-link"]'));
  assert.equal(shared.searchParams.get('agency'), 'Acme Digital');
  assert.equal(shared.searchParams.get('contact'), null);

  const good = '?quiz=client&agency=Acme%20Digital&contact=' + encodeURIComponent('https://acme.example/brief');
  const ok = await finished(listed.url + good);
  const send = ok.locator('[data-testid="send-result"]');
  assert.equal((await send.textContent()).trim(), 'Send my result to Acme Digital');
  // The result rides in the fragment: out of the agency server's logs and the Referer.
  const href = new URL(await send.getAttribute('href'));
  assert.equal(href.search, '');
  assert.match(decodeURIComponent(href.hash), /^#cf_result=http.*#r=[A-Za-z0-9_-]+$/);
  shared = new URL(await ok.inputValue('[data-testid="share-link"]'));
  assert.equal(shared.searchParams.get('contact'), 'https://acme.example/brief');

  const lookalike = await openPage(browser, listed.url + '?quiz=chooser&agency=Acme%20Digita1', { ready: '[data-testid="open-client"]' });
  assert.equal(await lookalike.locator('[data-testid="agency"]').count(), 0);
  for (const p of [page, ok, lookalike]) assert.deepEqual(p.errors, []);
});

test('bidi and zero-width characters never reach the agency name on screen', async () => {
  const name = '\u202eAcme\u202c \u2066Digital\u200b\ufeff';
  const page = await openPage(browser, open.url + '?quiz=chooser&agency=' + encodeURIComponent(name), { ready: '[data-testid="open-client"]' });
  assert.equal(await page.locator('[data-testid="agency"] bdi').textContent(), 'Acme Digital');
  assert.deepEqual(page.errors, []);
});

const seed = (values) => `if (!sessionStorage.getItem('seeded')) {
  sessionStorage.setItem('seeded', '1');
  for (const [k, v] of Object.entries(${JSON.stringify(values)})) localStorage.setItem(k, v);
}`;
const SAVED = '"p2;goals_priority;goals_numbers=yes&goals_success=mostly"';

test('a ?reset link clears nothing by itself: the app asks, and only the click sets answers aside', async () => {
  const page = await openPage(browser, open.url + '?reset=1&lang=en', {
    init: seed({ 'clientfit.v1.client': SAVED }),
    ready: '[data-testid="notice"]',
  });
  const stored = () => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('clientfit.v1.client')).map((k) => [k, localStorage.getItem(k)])));
  assert.deepEqual(await stored(), { 'clientfit.v1.client': SAVED }, 'untouched');
  assert.match(await page.textContent('[data-testid="notice"]'), /This link asks to start over/);
  assert.equal(new URL(page.url()).search, '?lang=en', 'the parameter left the address');
  await page.click('[data-testid="notice-reset"]');
  await page.waitForFunction((saved) => localStorage.getItem('clientfit.v1.client.before-reset') === saved, SAVED);
  assert.notEqual(await page.evaluate(() => localStorage.getItem('clientfit.v1.client')), SAVED, 'started clean');
  assert.deepEqual(page.errors, []);
});

test('a start over never deletes: past nine earlier copies it writes a tenth, and with storage failing it refuses', async () => {
  const earlier = Object.fromEntries(['', '.2', '.3', '.4', '.5', '.6', '.7', '.8', '.9'].map((n, i) => [`clientfit.v1.client.before-reset${n}`, `"p2;~done;goals_numbers=${i}"`]));
  const page = await openPage(browser, open.url + '?reset', {
    init: seed({ 'clientfit.v1.client': SAVED, ...earlier }),
    ready: '[data-testid="notice"]',
  });
  await page.click('[data-testid="notice-reset"]');
  await page.waitForFunction((saved) => localStorage.getItem('clientfit.v1.client.before-reset.10') === saved, SAVED);
  assert.equal(await page.evaluate(() => localStorage.getItem('clientfit.v1.client.before-reset.9')), '"p2;~done;goals_numbers=8"');

  // Storage that will not keep the copy: nothing is removed, and the notice says so.
  const full = await openPage(browser, open.url + '?reset', {
    init: `${seed({ 'clientfit.v1.client': SAVED })}
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (String(k).includes('.before-reset')) throw new DOMException('full', 'QuotaExceededError');
        return set.call(this, k, v);
      };`,
    ready: '[data-testid="notice"]',
  });
  await full.click('[data-testid="notice-reset"]');
  await full.waitForFunction(() => /did not happen/.test(document.querySelector('[data-testid="notice"]')?.textContent));
  assert.equal(await full.evaluate(() => localStorage.getItem('clientfit.v1.client')), SAVED);
  assert.ok(await full.locator('[data-testid="count"], [data-testid="open-client"]').count());
  for (const p of [page, full]) assert.deepEqual(p.errors, []);
});

test('an implausibly large saved value is set aside unread, with the usual notice', async () => {
  const huge = '"p2;goals_priority;' + 'goals_numbers=yes&'.repeat(12000) + '"';
  const page = await openPage(browser, open.url, {
    init: seed({ 'clientfit.v1.client': huge }),
    ready: '[data-testid="notice"]',
  });
  assert.match(await page.textContent('[data-testid="notice"]'), /couldn't read the progress saved earlier/);
  assert.equal(await page.evaluate(() => localStorage.getItem('clientfit.v1.client.unreadable')), huge);
  assert.deepEqual(page.errors, []);
});

/** A host page on the test server with `markup` as its body, recording every message it gets. */
async function host(server, markup) {
  const page = await openPage(browser, server.url + 'host.html', { ready: '#host' });
  await page.evaluate((html) => {
    window.received = [];
    window.addEventListener('message', (e) => window.received.push(e.data));
    document.body.innerHTML = html;
  }, markup);
  return page;
}

test('events go only to a known host origin, and only for a quiz finished in this visit', async () => {
  // A plain iframe gives no origin: nothing is sent to "*".
  const plain = await host(open, `<iframe src="${open.url}?quiz=client" style="height:700px;width:800px"></iframe>`);
  const frame = await (await plain.waitForSelector('iframe')).contentFrame();
  await frame.waitForSelector('[role="radiogroup"]');
  await answerAll(frame, byId(frame, { money_budget: 'medium' }));
  await frame.waitForSelector('[data-testid="fee"]');
  assert.deepEqual(await plain.evaluate(() => window.received), []);

  // Through the loader (which names the host's origin): start carries no `resumed`; complete only
  // for the quiz finished here, not again for the same result restored on the next visit.
  const loaderMarkup = `<div id="w" data-client-fit data-quiz="client"></div>`;
  const withLoader = await host(open, loaderMarkup);
  await withLoader.evaluate(() => new Promise((ok) => {
    const s = document.createElement('script');
    s.src = 'client-fit.js';
    s.setAttribute('data-mount', 'w');
    s.onload = ok;
    document.body.appendChild(s);
  }));
  const inner = await (await withLoader.waitForSelector('#w iframe')).contentFrame();
  await inner.waitForSelector('[role="radiogroup"]');
  await answerAll(inner, byId(inner, { money_budget: 'medium' }));
  await withLoader.waitForFunction(() => window.received.some((m) => m.type === 'client-fit:complete'));
  const first = await withLoader.evaluate(() => window.received.map((m) => m.type));
  const start = await withLoader.evaluate(() => window.received.find((m) => m.type === 'client-fit:start'));
  assert.deepEqual(Object.keys(start), ['type', 'version', 'quiz']);
  assert.equal(start.version, 2);
  assert.equal(first.filter((t) => t === 'client-fit:complete').length, 1);
  await inner.evaluate(() => location.reload());
  await inner.waitForSelector('[data-testid="result"]');
  await withLoader.waitForTimeout(500);
  const after = await withLoader.evaluate(() => window.received.map((m) => m.type));
  assert.equal(after.filter((t) => t === 'client-fit:complete').length, 1, 'a restored result is not announced');
  assert.ok(after.filter((t) => t === 'client-fit:ready').length >= 2, 'the reload did report ready');
  for (const p of [plain, withLoader]) assert.deepEqual(p.errors, []);
});

test('the loader mounts only what the page names, and passes on only the known event fields', async () => {
  const page = await openPage(browser, open.url + 'embed-demo.html', { ready: '#widget-chooser iframe' });
  await page.locator('#visitor-comment').scrollIntoViewIfNeeded();
  await page.locator('#widget-specialist iframe').waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#visitor-comment iframe').count(), 0, "a visitor's data-client-fit is never mounted");
  assert.equal(await page.locator('iframe').count(), 3);
  // A message with extra fields, from the widget's own frame: the host sees only known ones.
  const frame = await (await page.$('#widget-chooser iframe')).contentFrame();
  await frame.waitForSelector('[data-testid="open-client"]');
  await page.evaluate(() => { window.lastDetail = null; document.querySelector('#widget-chooser').addEventListener('client-fit:start', (e) => { window.lastDetail = e.detail; }); });
  await frame.evaluate(() => parent.postMessage({ type: 'client-fit:start', version: 2, quiz: 'client', answers: { money_prepay: 'never' }, html: '<img src=x>' }, '*'));
  await page.waitForFunction(() => window.lastDetail);
  assert.deepEqual(await page.evaluate(() => window.lastDetail), { type: 'client-fit:start', version: 2, quiz: 'client' });
  assert.deepEqual(page.errors, []);
});
