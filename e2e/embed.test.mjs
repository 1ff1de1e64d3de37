// End-to-end: the embed loader on the example host page, and hostile configuration.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, answerAll } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function hostPage(url, { width = 1100, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.errors = [];
  page.warnings = [];
  page.dialogs = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') page.errors.push(m.text());
    if (m.type() === 'warning') page.warnings.push(m.text());
  });
  page.on('dialog', async (d) => { page.dialogs.push(d.message()); await d.dismiss(); });
  await page.goto(url);
  return page;
}

/** Waits until the frame element's height stops changing and matches its content. */
async function settledHeight(page, selector) {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const h = await page.$eval(selector, (f) => f.getBoundingClientRect().height);
    if (h === last) return h;
    last = h;
    await page.waitForTimeout(100);
  }
  return last;
}

test('the example host page embeds three configured widgets that fit their content and report events', async () => {
  const page = await hostPage(server.url + 'embed-demo.html');
  const frames = page.locator('iframe');
  await page.frameLocator('#widget-chooser iframe').locator('[data-testid="open-client"]').waitFor();
  assert.equal(await page.evaluate(() => scrollY), 0, 'loading widgets does not scroll the host page');
  // The third inline widget loads as it nears the screen; the overlays' frames wait to be opened.
  assert.equal(await page.locator('#widget-specialist iframe').count(), 0);
  await page.locator('#widget-specialist').scrollIntoViewIfNeeded();
  await page.frameLocator('#widget-specialist iframe').locator('[role="radiogroup"]').waitFor();
  assert.equal(await frames.count(), 3);
  for (const attr of ['sandbox', 'allow', 'title']) {
    assert.ok(await frames.first().getAttribute(attr), `iframe has ${attr}`);
  }
  assert.doesNotMatch(await frames.first().getAttribute('sandbox'), /allow-top-navigation/);

  // Widget 1: chooser, accent and agency name applied inside the frame.
  const chooser = page.frameLocator('#widget-chooser iframe');
  await chooser.locator('[data-testid="open-client"]').waitFor();
  assert.equal(await chooser.locator('[data-testid="agency"]').textContent(), 'Offered by Acme Digital');
  assert.equal(await page.locator('#visitor-comment iframe').count(), 0, 'only the ids the loader names mount');
  const accent = await chooser.locator('[data-testid="open-client"]').evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(accent, 'rgb(194, 24, 91)');

  // Widget 2 opens straight into the client quiz; finish it inside the frame.
  const frameHandle = await page.$('#widget-client iframe');
  const inner = await frameHandle.contentFrame();
  await inner.waitForSelector('[role="radiogroup"]');
  const before = await settledHeight(page, '#widget-client iframe');
  await answerAll(inner, () => 0);
  await inner.waitForSelector('[data-testid="calculator"]');
  const after = await settledHeight(page, '#widget-client iframe');
  assert.ok(after > before + 400, `frame grew from ${before} to ${after}`);
  const fit = await inner.evaluate(() => ({
    scroll: document.documentElement.scrollHeight,
    inner: window.innerHeight,
    overflow: getComputedStyle(document.documentElement).overflow,
  }));
  assert.ok(fit.scroll <= fit.inner + 1, `content ${fit.scroll} px in a ${fit.inner} px frame`);
  assert.equal(fit.overflow, 'hidden');

  // The events reached the host page as CustomEvents on the placeholder, in the documented shape.
  await page.waitForFunction(() => window.clientFitEvents.some((e) => e.detail.type === 'client-fit:complete'));
  const events = await page.evaluate(() => window.clientFitEvents.filter((e) => e.widget === 'widget-client'));
  const types = events.map((e) => e.detail.type);
  assert.ok(types.includes('client-fit:ready') && types.includes('client-fit:start'), types.join());
  assert.ok(types.includes('client-fit:progress'), types.join());
  const done = events.find((e) => e.detail.type === 'client-fit:complete').detail;
  assert.deepEqual(Object.keys(done), ['type', 'version', 'quiz', 'band', 'overall', 'dimensions']);
  assert.equal(done.version, 2);
  assert.equal(done.quiz, 'client');
  assert.equal(done.band, 'partner');
  assert.deepEqual(Object.keys(done.dimensions), ['goals', 'data', 'money', 'communication', 'trust', 'involvement', 'product', 'expectations']);
  assert.ok(Object.values(done.dimensions).every((n) => Number.isInteger(n) && n >= 0 && n <= 100));

  // The contact button carries the share link to the agency's brief page, in the fragment. This
  // build names no allowed agency (no allow-list), so the button says where the result goes.
  const send = inner.locator('[data-testid="send-result"]');
  assert.equal(await send.textContent(), 'Send my result to Acme Digital (acme.example)');
  const href = new URL(await send.getAttribute('href'));
  assert.equal(href.origin + href.pathname + href.search, 'https://acme.example/brief?source=client-fit');
  const shared = new URL(decodeURIComponent(href.hash.replace(/^#cf_result=/, '')));
  assert.match(shared.hash, /^#r=[A-Za-z0-9_-]+$/);
  assert.equal(shared.searchParams.get('fit'), null, 'frame-only parameters stay out of share links');

  // Widget 3 is in US dollars and started on the specialist quiz.
  const specialist = page.frameLocator('#widget-specialist iframe');
  await specialist.locator('[role="radiogroup"]').waitFor();
  assert.match(await specialist.locator('h2, .cf-quiz-head').first().textContent(), /client/i);
  assert.deepEqual(page.errors, []);
});

test('hostile parameters are inert: no script runs, no forbidden link, no injected style', async () => {
  const agency = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  // Through the loader, as an agency page would pass them (the attribute values are hostile).
  const page = await hostPage(server.url + 'embed-demo.html');
  await page.locator('#widget-chooser iframe').waitFor();
  await page.evaluate((name) => {
    const div = document.createElement('div');
    div.id = 'hostile';
    div.setAttribute('data-quiz', 'chooser');
    div.setAttribute('data-agency', name);
    div.setAttribute('data-contact', 'javascript:alert(3)');
    div.setAttribute('data-accent', 'red;background:url(javascript:alert(4))');
    div.setAttribute('data-currency', '"><svg onload=alert(5)>');
    document.body.appendChild(div);
    window.ClientFit.mount(div);
    div.scrollIntoView();
  }, agency);
  const frame = await (await page.waitForSelector('#hostile iframe')).contentFrame();
  await frame.waitForSelector('[data-testid="open-client"]');
  // The name is shown as text, not markup.
  assert.equal(await frame.textContent('[data-testid="agency"]'), `Offered by ${agency}`);
  const accent = await frame.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--cf-accent').trim());
  assert.equal(accent, '#2a64c8', 'the default accent stays');
  await frame.click('[data-testid="open-client"]');
  await answerAll(frame, () => 0);
  assert.equal(await frame.locator('img, svg[onload], script:not([src]):not([type="module"])').count(), 0);
  assert.equal(await frame.locator('[data-testid="send-result"]').count(), 0, 'no contact button for a javascript: link');
  const links = await frame.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
  assert.ok(links.every((h) => /^(https:|mailto:)/.test(h)), links.join());

  // Opened directly, with the same values in the address: warnings name the parameter, never echo it.
  const hostile = new URLSearchParams({ quiz: 'client', agency, contact: 'javascript:alert(3)', accent: 'red;x:url(y)', lang: '../../etc' });
  const direct = await hostPage(server.url + '?' + hostile.toString());
  await direct.waitForSelector('[role="radiogroup"]');
  for (const param of ['contact', 'accent', 'lang']) {
    assert.ok(direct.warnings.some((w) => w.includes(`\`${param}\` parameter`)), direct.warnings.join('\n'));
  }
  assert.ok(!direct.warnings.join().includes('javascript:'), 'warnings never echo the value');
  for (const p of [page, direct]) {
    assert.deepEqual(p.dialogs, []);
    assert.deepEqual(p.errors, []);
  }
});

test('the plain iframe snippet from the README works with exactly its sandbox and allow attributes', async () => {
  const readme = await (await import('node:fs/promises')).readFile(new URL('../README.md', import.meta.url), 'utf8');
  const snippet = /```html\n(<iframe[\s\S]*?<\/iframe>)\n```/.exec(readme)[1];
  const html = snippet.replace(/src="[^"]*"/, `src="${server.url}?quiz=client&agency=Acme%20Digital"`);
  // Hosted on a page of the test server (Chromium blocks a blank page from framing a loopback one).
  const page = await hostPage(server.url + 'embed-demo.html');
  await page.evaluate((markup) => { document.body.innerHTML = markup; }, html);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await frame.waitForSelector('[role="radiogroup"]');
  await answerAll(frame, () => 0);
  await frame.waitForSelector('[data-testid="calculator"]');
  // Storage works inside the sandbox (allow-same-origin): progress was saved, no storage notice.
  assert.ok(await frame.evaluate(() => localStorage.getItem('clientfit.v1.client')));
  assert.equal(await frame.locator('[data-testid="notice"]').count(), 0);
  // Without the loader the frame keeps its own height and scrolls inside, as documented.
  assert.equal(await page.$eval('iframe', (f) => f.getBoundingClientRect().height), 760);
  assert.deepEqual(page.errors, []);
});
