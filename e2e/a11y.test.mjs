// End-to-end: axe-core on every screen in both themes, languages, and the printed result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { startServer, launch, openPage, answerAll } from './helpers.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** Runs axe (WCAG 2.0–2.2 A and AA rules) on the page and returns its violations, readable. */
async function axe(page, screen) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  return result.violations.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const colorScheme of ['light', 'dark']) {
  test(`no axe violations on any screen (${colorScheme} theme)`, async () => {
    // The test injects axe-core as an inline script: only the test bypasses the page's CSP.
    const context = await browser.newContext({ colorScheme, viewport: { width: 1000, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('[data-testid="open-client"]');
    const found = [...await axe(page, 'start')];
    await page.click('[data-testid="open-client"]');
    await page.waitForSelector('[role="radiogroup"]');
    await page.locator('[role="radiogroup"] label').nth(1).click();
    found.push(...await axe(page, 'question'));
    await answerAll(page, (s) => s % 4);
    await page.waitForSelector('[data-testid="calculator"]');
    found.push(...await axe(page, 'result and fee calculator'));
    // A bad calculator value shows its message: still accessible.
    await page.fill('#calc-avg_order', '-5');
    found.push(...await axe(page, 'fee calculator with an error'));
    const mine = await page.inputValue('[data-testid="share-link"]');
    const other = await openPage(browser, server.url);
    await other.click('[data-testid="open-specialist"]');
    await answerAll(other, () => 0);
    const theirs = await other.inputValue('[data-testid="share-link"]');
    await page.goto(`${mine.split('#')[0]}#${mine.split('#')[1]}&${theirs.split('#')[1]}`);
    await page.waitForSelector('[data-testid="compare"]');
    found.push(...await axe(page, 'comparison'));
    await page.goto(theirs);
    await page.waitForSelector('[data-testid="shared-banner"]');
    found.push(...await axe(page, 'shared result'));
    assert.deepEqual(found, []);
    await context.close();
  });
}

test('the language comes from the link, then the browser; the switcher keeps answers', async () => {
  // From the browser's languages.
  const context = await browser.newContext({ locale: 'fi-FI' });
  const fi = await context.newPage();
  await fi.goto(server.url);
  await fi.waitForSelector('[data-testid="open-client"]');
  assert.equal(await fi.evaluate(() => document.documentElement.lang), 'fi');
  assert.equal(await fi.textContent('[data-testid="open-client"]'), 'Aloita');
  // The link's lang= wins; answers survive a switch; money follows the language.
  const page = await openPage(browser, server.url + '?lang=es');
  assert.match(await page.textContent('h1'), /Client Fit/);
  await page.click('[data-testid="open-client"]');
  await answerAll(page, () => 1, { stopAt: 4 });
  const count = await page.textContent('[data-testid="count"]');
  await page.selectOption('[data-testid="lang"]', 'ru');
  await page.waitForFunction(() => document.documentElement.lang === 'ru');
  const digits = (t) => t.match(/\d+/g).join('/');
  assert.equal(digits(await page.textContent('[data-testid="count"]')), digits(count), 'same question after the switch');
  assert.notEqual(await page.textContent('[data-testid="count"]'), count, 'in other words');
  // Back one step: the answer given in Spanish is still chosen.
  const here = await page.textContent('[data-testid="count"]');
  await page.locator('form .cf-secondary').click();
  await page.waitForFunction((c) => document.querySelector('[data-testid="count"]').textContent !== c, here);
  assert.equal(await page.locator('[role="radiogroup"] input').nth(1).isChecked(), true);
  await answerAll(page, () => 1);
  await page.waitForSelector('[data-testid="calculator"]');
  assert.match(await page.textContent('.cf-table'), /\d\u202f\d{3}\u00a0₽/);
  // A reload keeps the chosen language, even over the link's lang=.
  await page.reload();
  await page.waitForSelector('[data-testid="result"]');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ru');
  assert.deepEqual(page.errors, []);
  await context.close();
});

/**
 * A fresh page at `path` whose requests for `catalog` are answered by `handler`, collecting page
 * errors (the app must not throw whatever the network does).
 */
async function openWithCatalog(catalog, handler, path) {
  const context = await browser.newContext();
  await context.route(`**/lang/${catalog}`, handler);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + path);
  return { context, page, errors };
}

const gone = (route) => route.fulfill({ status: 404, body: 'gone' });

test('a language that cannot be loaded falls back to English and says so', async () => {
  const { context, page, errors } = await openWithCatalog('fi.json', gone, '?lang=fi');
  await page.waitForSelector('[data-testid="notice"]');
  assert.match(await page.textContent('[data-testid="notice"]'), /shown in English/);
  assert.equal(await page.textContent('[data-testid="open-client"]'), 'Start');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a language picked in the switcher that cannot be loaded leaves the page as it was', async () => {
  const { context, page, errors } = await openWithCatalog('es.json', gone, '?lang=en');
  await page.waitForSelector('[data-testid="open-client"]');
  await page.selectOption('[data-testid="lang"]', 'es');
  await page.waitForSelector('[data-testid="notice"]');
  assert.match(await page.textContent('[data-testid="notice"]'), /nothing else has changed/);
  assert.equal(await page.inputValue('[data-testid="lang"]'), 'en', 'the menu shows the language on screen');
  assert.equal(await page.textContent('[data-testid="open-client"]'), 'Start');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  // A language that does load answers the notice.
  await page.selectOption('[data-testid="lang"]', 'fi');
  await page.waitForFunction(() => document.documentElement.lang === 'fi');
  assert.equal(await page.locator('[data-testid="notice"]').count(), 0, 'a language shown clears the notice');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a language whose catalog never arrives gives up after 10 s and shows English', async () => {
  // The request is held and never answered: a stalled connection.
  const { context, page, errors } = await openWithCatalog('es.json', () => {}, '?lang=es');
  await page.waitForTimeout(2000);
  assert.equal(await page.locator('[data-testid="open-client"]').count(), 0, 'still loading');
  await page.waitForSelector('[data-testid="notice"]', { timeout: 15000 });
  assert.match(await page.textContent('[data-testid="notice"]'), /shown in English/);
  assert.equal(await page.textContent('[data-testid="open-client"]'), 'Start');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the printed result is A4 with the verdict, all advice and the fee table, and no buttons', async () => {
  const page = await openPage(browser, server.url);
  await page.click('[data-testid="open-specialist"]');
  await answerAll(page, (s, n) => n - 1 - (s % 2));
  await page.waitForSelector('[data-testid="calculator"]');
  const verdict = await page.textContent('[data-testid="verdict"]');
  const advice = await page.locator('[data-testid="advice"] li').allTextContents();
  assert.ok(advice.length > 5, 'some advice is folded under "more" on screen');
  const dir = await mkdtemp(join(tmpdir(), 'cf-print-'));
  const pdf = join(dir, 'result.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: false });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
  assert.ok(pages >= 2 && pages <= 8, `${pages} pages`);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.ok(text.includes(verdict.replace(/^[✓!✕]/, '').trim()), 'the verdict is printed');
  for (const item of advice) assert.ok(text.includes(item.slice(0, 40).replace(/\s+/g, ' ')), `advice printed: ${item.slice(0, 40)}`);
  assert.ok(text.includes('Guarantee') || text.includes('guarantee'), 'the checklists are printed');
  assert.ok(/\d,\d{3}/.test(text), 'the fee table is printed');
  for (const absent of ['Copy link', 'Start over', 'Review answers', 'Language']) assert.ok(!text.includes(absent), `${absent} is not printed`);
  await readFile(pdf);
  assert.deepEqual(page.errors, []);
});
