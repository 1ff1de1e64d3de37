// End-to-end: the specialist's desk (desk.html). Prospects created, assessed and ranked; stages
// and outcomes; re-assessment; delete with undo, archive, rename and notes; the desk's files
// (JSON to another browser, CSV, a damaged file); storage blocked, a damaged entry; Russian; axe;
// the invitation and the client's side; the agreement sheet (sheet.html).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { startServer, launch, openPage, answerAll } from './helpers.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const READY = '[data-testid="desk-list"]';
const openDesk = (query = '', options = {}) => openPage(browser, `${server.url}desk.html${query}`, { ready: READY, ...options });

/** Adds a prospect from the list; the desk opens it. */
async function add(page, name) {
  await page.fill('[data-testid="new-name"]', name);
  await page.click('[data-testid="add-prospect"]');
  await page.waitForSelector(`[data-testid="prospect"] h1:has-text(${JSON.stringify(name)})`);
}

/**
 * Assesses the prospect on screen: `pick(values)` gives the option to choose on each screen (an
 * index into the offered values; `null` skips an optional question). Ends back on the prospect.
 */
async function assess(page, pick) {
  await page.click('[data-testid="assess"]');
  for (let step = 0; step < 100; step++) {
    const group = page.locator('[role="radiogroup"]');
    if (!(await group.count())) {
      await page.waitForSelector('[data-testid="prospect"]');
      return;
    }
    const values = await page.locator('[role="radiogroup"] input').evaluateAll((els) => els.map((e) => e.value));
    const optional = (await page.locator('.cf-question .cf-badge').count()) > 0;
    const choice = optional ? null : pick(values);
    if (choice !== null) await page.locator('[role="radiogroup"] label').nth(choice).click();
    const before = await page.locator('[data-testid="count"]').textContent();
    await page.locator('form button[type="submit"]').click();
    await page.waitForFunction(
      (b) => !document.querySelector('[role="radiogroup"]') || document.querySelector('[data-testid="count"]')?.textContent !== b,
      before,
    );
  }
  throw new Error('the assessment never ended');
}
const best = () => 0;
const worst = (values) => values.filter((v) => v !== 'unknown').length - 1;

async function toList(page) {
  await page.click('[data-testid="to-list"]');
  await page.waitForSelector(READY);
}

const rows = (page) => page.locator('[data-testid="prospect-row"]').evaluateAll((els) => els.map((e) => [e.querySelector('.cf-desk-name').textContent, e.dataset.band]));

test('three prospects are created, assessed and ranked; search, stage filter and sort; a reload keeps them', async () => {
  const page = await openDesk();
  assert.match(await page.textContent('[data-testid="desk-empty"]'), /No prospects yet/);
  await add(page, 'Candle shop');
  await assess(page, worst);
  assert.equal(await page.getAttribute('[data-testid="latest"]', 'data-band'), 'high_risk');
  assert.ok(await page.locator('[data-testid="latest"] .cf-flags li').count() > 0, 'red flags named');
  await toList(page);
  await add(page, 'Dental clinic');
  await assess(page, best);
  assert.equal(await page.getAttribute('[data-testid="latest"]', 'data-band'), 'partner');
  await toList(page);
  await add(page, 'Bakery');
  await toList(page);

  assert.deepEqual(await rows(page), [['Dental clinic', 'partner'], ['Candle shop', 'high_risk'], ['Bakery', 'none']]);
  assert.match(await page.textContent('[data-testid="count"]'), /3 prospects/);
  await page.fill('[data-testid="search"]', 'BAK');
  assert.deepEqual(await rows(page), [['Bakery', 'none']]);
  await page.fill('[data-testid="search"]', '');
  await page.selectOption('[data-testid="sort"]', 'score');
  assert.deepEqual((await rows(page)).map((r) => r[0]), ['Dental clinic', 'Candle shop', 'Bakery']);

  // A stage set on the prospect filters the list.
  await page.click('[data-testid="prospect-row"]:has-text("Candle shop") .cf-desk-name');
  await page.selectOption('[data-testid="stage"]', 'call');
  await toList(page);
  await page.selectOption('[data-testid="stage-filter"]', 'call');
  assert.deepEqual(await rows(page), [['Candle shop', 'high_risk']]);

  await page.reload();
  await page.waitForSelector(READY);
  assert.deepEqual(await rows(page), [['Dental clinic', 'partner'], ['Candle shop', 'high_risk'], ['Bakery', 'none']]);
  assert.match(await page.textContent('[data-testid="prospect-row"]:has-text("Candle shop")'), /Call/);
  // The rows are drawn once per desk and language: another language draws them again, and a
  // renamed prospect's row shows its new name.
  const russian = JSON.parse(await readFile(new URL('../content/desk/ru.json', import.meta.url), 'utf8'));
  await page.selectOption('[data-testid="lang"]', 'ru');
  await page.waitForFunction((text) => document.querySelector('[data-testid="prospect-row"][data-band="high_risk"] [data-testid="row-stage"]')?.textContent === text, russian['desk.stage.call']);
  await page.selectOption('[data-testid="lang"]', 'en');
  await page.waitForFunction(() => document.querySelector('[data-testid="prospect-row"][data-band="high_risk"] [data-testid="row-stage"]')?.textContent === 'Call');
  await page.click('[data-testid="prospect-row"]:has-text("Bakery") .cf-desk-name');
  await page.fill('[data-testid="name"]', 'Bakery on Main St');
  await page.click('[data-testid="rename"]');
  await toList(page);
  assert.deepEqual((await rows(page)).map((r) => r[0]), ['Dental clinic', 'Candle shop', 'Bakery on Main St']);
  assert.deepEqual(page.errors, []);
});

test('an assessment left half-way resumes where it stopped, also after a reload', async () => {
  const page = await openDesk();
  await add(page, 'Florist');
  await page.click('[data-testid="assess"]');
  for (let i = 0; i < 3; i++) {
    await page.locator('[role="radiogroup"] label').first().click();
    await page.locator('form button[type="submit"]').click();
    await page.waitForSelector(`[data-testid="count"]:has-text("${i + 2} of")`);
  }
  await page.reload();
  await page.waitForSelector(READY);
  await page.click('[data-testid="prospect-row"] .cf-desk-name');
  assert.match(await page.textContent('[data-testid="assess"]'), /Continue the assessment \(question 4 of \d+\)/);
  await page.click('[data-testid="assess"]');
  assert.match(await page.textContent('[data-testid="count"]'), /^4 of \d+$/);
  assert.deepEqual(page.errors, []);
});

test('back from a prospect the list is the one left: the same rows, the prospect\'s row focused and on screen, a change made meanwhile shown', async () => {
  const page = await openDesk();
  for (let i = 1; i <= 30; i++) {
    await add(page, `Shop ${i}`);
    await toList(page);
  }
  const id = await page.locator('[data-testid="prospect-row"]').nth(24).getAttribute('data-id');
  const row = page.locator(`[data-testid="prospect-row"][data-id="${id}"]`);
  const name = await row.locator('.cf-desk-name').textContent();
  // An expando on the row's element: a list built again would not have it.
  await row.evaluate((li) => { li.keptForTest = true; });
  await row.locator('.cf-desk-name').click();
  await page.waitForSelector(`[data-testid="prospect"][data-id="${id}"]`);
  // Focus is moved by an effect after the render, which Yew may run a task later.
  await page.waitForFunction(() => document.activeElement?.id === 'cf-prospect-heading');
  assert.equal(await page.locator('[data-testid="desk-list"]').isVisible(), false, 'the kept list is hidden');
  assert.equal(await page.getByRole('main').count(), 1, 'one main landmark for assistive technology');
  await toList(page);
  assert.equal(await row.evaluate((li) => li.keptForTest), true, 'the same row element');
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    const box = el.getBoundingClientRect();
    return { id: el.closest('[data-testid="prospect-row"]')?.dataset.id, text: el.textContent, onScreen: box.top >= 0 && box.bottom <= innerHeight };
  });
  await page.waitForFunction((rowId) => document.activeElement?.closest('[data-testid="prospect-row"]')?.dataset.id === rowId, id);
  assert.deepEqual(await focused(), { id, text: name, onScreen: true });
  // A stage set on the prospect's page is on its row when the list shows again.
  await row.locator('.cf-desk-name').click();
  await page.selectOption('[data-testid="stage"]', 'call');
  await toList(page);
  assert.equal(await row.locator('[data-testid="row-stage"]').textContent(), 'Call');
  await page.waitForFunction((rowId) => document.activeElement?.closest('[data-testid="prospect-row"]')?.dataset.id === rowId, id);
  assert.deepEqual(await focused(), { id, text: name, onScreen: true });
  assert.deepEqual(page.errors, []);
});

test('rename, notes, archive and delete with undo; outcomes against verdicts; what a re-assessment changed', async () => {
  const page = await openDesk();
  await add(page, 'Gym');
  await assess(page, best);
  await page.fill('[data-testid="name"]', 'Gym on Park Road');
  await page.click('[data-testid="rename"]');
  await page.waitForSelector('[data-testid="prospect"] h1:has-text("Gym on Park Road")');
  await page.fill('[data-testid="notes"]', 'Owner answers on weekends only.');
  await page.click('[data-testid="save-notes"]');
  assert.equal(await page.textContent('[data-testid="notes-saved"]'), 'Saved.');
  await page.selectOption('[data-testid="stage"]', 'paid_late');

  // Assessed again, worse: the changes are named.
  await assess(page, worst);
  const changes = page.locator('[data-testid="changes"]');
  assert.match(await changes.textContent(), /Verdict: partner → high risk/);
  assert.ok(await changes.locator('[data-question]').count() > 3, 'the answers that moved are listed');
  assert.equal(await page.locator('[data-testid="history"] li').first().count(), 1);

  await toList(page);
  // Paid late while the last verdict was high risk.
  const late = await page.locator('[data-testid="outcomes"] tr[data-band="high_risk"] td').allTextContents();
  assert.deepEqual(late, ['0', '1', '0']);

  await page.reload();
  await page.waitForSelector(READY);
  await page.click('[data-testid="prospect-row"] .cf-desk-name');
  assert.equal(await page.inputValue('[data-testid="notes"]'), 'Owner answers on weekends only.');

  await page.click('[data-testid="archive"]');
  await toList(page);
  assert.equal(await page.locator('[data-testid="prospect-row"]').count(), 0);
  await page.click('[data-testid="show-archive"]');
  assert.deepEqual((await rows(page)).map((r) => r[0]), ['Gym on Park Road']);
  await page.click('[data-testid="prospect-row"] .cf-desk-name');
  await page.click('[data-testid="delete"]');
  assert.match(await page.textContent('[data-testid="undo-bar"]'), /“Gym on Park Road” deleted/);
  await page.click('[data-testid="undo"]');
  await page.waitForSelector('[data-testid="prospect"] h1:has-text("Gym on Park Road")');
  await page.click('[data-testid="delete"]');
  await page.reload();
  await page.waitForSelector(READY);
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('clientfit.v1.desk.')).length), 0, 'its entry is gone');
  assert.deepEqual(page.errors, []);
});

test('the desk exported to JSON imports into a fresh browser as the same desk; CSV; a damaged file is reported by line and field', async () => {
  const page = await openDesk();
  await add(page, 'Candle shop');
  await assess(page, worst);
  await toList(page);
  await add(page, 'Пекарня "У дома"');
  await toList(page);
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-json"]')]);
  assert.match(json.suggestedFilename(), /^client-fit-desk-\d{4}-\d\d-\d\d\.json$/);
  const path = await json.path();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
  const table = (await readFile(await csv.path(), 'utf8')).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.equal(table.length, 3, 'a header and a row per prospect');
  assert.match(table.join('\n'), /"Пекарня ""У дома"""/);
  const before = await rows(page);

  const fresh = await openDesk();
  await fresh.setInputFiles('[data-testid="import"]', path);
  await fresh.waitForSelector('[data-testid="import-review"]');
  assert.match(await fresh.textContent('[data-testid="import-added"]'), /2/);
  await fresh.click('[data-testid="import-confirm"]');
  await fresh.waitForSelector('[data-testid="import-status"]');
  assert.match(await fresh.textContent('[data-testid="import-status"]'), /2 added, 0 replaced/);
  assert.deepEqual(await rows(fresh), before);

  // The same file again, one prospect renamed on this desk: replaced only when ticked.
  await fresh.click('[data-testid="prospect-row"]:has-text("Candle") .cf-desk-name');
  await fresh.fill('[data-testid="name"]', 'Candle shop (Anna)');
  await fresh.click('[data-testid="rename"]');
  await toList(fresh);
  await fresh.setInputFiles('[data-testid="import"]', path);
  await fresh.waitForSelector('[data-testid="import-review"] [data-testid="replace"]');
  await fresh.click('[data-testid="import-confirm"]');
  await fresh.waitForSelector('[data-testid="import-status"]:has-text("0 replaced")');
  assert.ok((await rows(fresh)).some((r) => r[0] === 'Candle shop (Anna)'), 'nothing replaced unticked');

  // A damaged file: each bad prospect by line and field, the rest come in.
  const damaged = JSON.parse(await readFile(path, 'utf8'));
  damaged.prospects[0].stage = 'maybe';
  damaged.prospects.push({ ...damaged.prospects[1], id: 'p-new', created: '2026-02-30' });
  damaged.prospects.push({ ...damaged.prospects[1], id: 'p-ok', label: 'Florist' });
  const text = JSON.stringify(damaged, null, 2);
  // The line each prospect's `{` is on: the line before its id.
  const lineOf = (id) => text.split('\n').findIndex((l) => l.includes(`"id": "${id}"`));
  await fresh.setInputFiles('[data-testid="import"]', { name: 'desk.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await fresh.waitForSelector('[data-testid="import-problems"] li');
  const problems = await fresh.locator('[data-testid="import-problems"] li').allTextContents();
  assert.equal(problems.length, 2, problems.join('\n'));
  assert.equal(problems[0], `line ${lineOf(damaged.prospects[0].id)}, stage: “maybe” is not a stage`);
  assert.equal(problems[1], `line ${lineOf('p-new')}, created: “2026-02-30” is not a date like 2026-11-27`);
  await fresh.click('[data-testid="import-confirm"]');
  await fresh.waitForSelector('[data-testid="prospect-row"]:has-text("Florist")');

  await fresh.setInputFiles('[data-testid="import"]', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await fresh.waitForSelector('[data-testid="import-status"]:has-text("not a desk file")');
  assert.match(await fresh.textContent('[data-testid="import-status"]'), /not a desk file: it stops making sense at line 1, column \d+/);
  assert.deepEqual([...page.errors, ...fresh.errors], []);
});

test('with storage blocked the desk works in memory and says so; a damaged entry is set aside while the rest load', async () => {
  const blocked = await openDesk('', {
    init: () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } }),
  });
  assert.match(await blocked.textContent('[data-notice="desk.notice.unavailable"]'), /lost when the tab closes/);
  await add(blocked, 'Kept in memory');
  await toList(blocked);
  assert.deepEqual((await rows(blocked)).map((r) => r[0]), ['Kept in memory']);

  const page = await openDesk();
  await add(page, 'First');
  await toList(page);
  await add(page, 'Second');
  await toList(page);
  const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('clientfit.v1.desk.p') && JSON.parse(localStorage.getItem(k)).includes('First')));
  await page.evaluate((k) => localStorage.setItem(k, '"q1;broken"'), key);
  await page.reload();
  await page.waitForSelector(READY);
  assert.match(await page.textContent('[data-notice="desk.notice.set_aside"]'), /1 saved prospect could not be read and was set aside/);
  assert.deepEqual((await rows(page)).map((r) => r[0]), ['Second']);
  assert.equal(await page.evaluate((k) => localStorage.getItem(`${k}.unreadable`), key), '"q1;broken"', 'kept aside, not deleted');
  assert.deepEqual([...blocked.errors, ...page.errors], []);
});

test('the desk in Russian, its full result opened on the quiz page, and the way back to the quizzes', async () => {
  const page = await openDesk('?lang=ru');
  assert.equal(await page.getAttribute('html', 'lang'), 'ru');
  const russian = JSON.parse(await readFile(new URL('../content/desk/ru.json', import.meta.url), 'utf8'));
  assert.equal(await page.textContent('h1'), russian['desk.title']);
  await page.fill('[data-testid="new-name"]', 'Кофейня');
  await page.click('[data-testid="add-prospect"]');
  await page.waitForSelector('[data-testid="prospect"]');
  assert.equal(await page.locator('[data-testid="stage"] option:checked').textContent(), russian['desk.stage.first_contact']);
  await assess(page, best);
  const href = await page.getAttribute('[data-testid="full-result"]', 'href');
  assert.match(href, /^\.\/#r=/);
  await page.click('[data-testid="full-result"]');
  await page.waitForSelector('[data-testid="result"][data-shared="true"]');
  assert.equal(await page.getAttribute('[data-testid="result"]', 'data-band'), 'partner');
  await page.goto(`${server.url}desk.html`);
  await page.waitForSelector(READY);
  await page.click('[data-testid="to-quizzes"]');
  await page.waitForSelector('[data-testid^="open-"]');
  assert.deepEqual(page.errors, []);
});

test('a language picked on the desk or the sheet that cannot be loaded leaves it as it was and says so; of two picks the later one stays', async () => {
  const page = await openDesk('?lang=en');
  const english = await page.textContent('h1');
  await page.context().route('**/lang/es.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.selectOption('[data-testid="lang"]', 'es');
  await page.waitForSelector('[data-testid="desk-notice"][data-notice="notice.lang_not_switched"]');
  assert.equal(await page.inputValue('[data-testid="lang"]'), 'en', 'the menu shows the language on screen');
  assert.equal(await page.textContent('h1'), english);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');

  // Russian is slow to come, Finnish picked meanwhile: Russian's late arrival changes nothing.
  let releaseRussian, russianAsked;
  const asked = new Promise((resolve) => { russianAsked = resolve; });
  await page.context().route('**/lang/ru.json', async (route) => {
    russianAsked();
    await new Promise((release) => { releaseRussian = release; });
    await route.continue();
  });
  const finnish = JSON.parse(await readFile(new URL('../content/desk/fi.json', import.meta.url), 'utf8'));
  await page.selectOption('[data-testid="lang"]', 'ru');
  await asked;
  await page.selectOption('[data-testid="lang"]', 'fi');
  await page.waitForFunction((title) => document.querySelector('h1')?.textContent === title, finnish['desk.title']);
  // Russian's load ends with the desk's own Russian wording, fetched after the quizzes' catalog.
  const russianServed = page.waitForResponse('**/desk/ru.json');
  releaseRussian();
  await russianServed;
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
  assert.equal(await page.textContent('h1'), finnish['desk.title'], 'the later pick stays on screen');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fi');
  assert.equal(await page.inputValue('[data-testid="lang"]'), 'fi');
  assert.equal(await page.locator('[data-notice="notice.lang_not_switched"]').count(), 0, 'a language shown clears the notice');
  assert.deepEqual(page.errors.filter((e) => !/404|Failed to load/.test(e)), []);

  // The agreement sheet's menu says so too, until a pick succeeds.
  const sheet = await openPage(browser, `${server.url}sheet.html?lang=en`, { ready: '[data-testid="sheet-missing"]' });
  await sheet.context().route('**/lang/es.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await sheet.selectOption('[data-testid="lang"]', 'es');
  await sheet.waitForSelector('[data-testid="sheet-notice"][data-notice="notice.lang_not_switched"]');
  assert.equal(await sheet.inputValue('[data-testid="lang"]'), 'en');
  await sheet.selectOption('[data-testid="lang"]', 'fi');
  await sheet.waitForFunction(() => document.documentElement.lang === 'fi');
  assert.equal(await sheet.locator('[data-testid="sheet-notice"]').count(), 0, 'gone once a language is shown');
});

test('no axe violations on the desk list, a prospect and the import review', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${server.url}desk.html`);
  await page.waitForSelector(READY);
  const axe = async (screen) => {
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
    return result.violations.map((v) => `${screen}: ${v.id} ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  };
  const found = [...await axe('empty list')];
  await add(page, 'Candle shop');
  await assess(page, worst);
  await assess(page, best);
  found.push(...await axe('prospect with history'));
  await toList(page);
  await page.setInputFiles('[data-testid="import"]', { name: 'd.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"client-fit-desk","version":1,"prospects":[{"id":"x","label":"","stage":"call","created":"2026-01-01","changed":"2026-01-01"}]}') });
  await page.waitForSelector('[data-testid="import-review"]');
  found.push(...await axe('list with outcomes and import review'));
  assert.deepEqual(found, []);
});

test("an invitation carries the specialist's name and return address only; the client's returned result attaches and both sides compare", async () => {
  const page = await openDesk();
  await add(page, 'Bakery');
  await page.fill('[data-testid="invite-name"]', 'Anna K.');
  await page.fill('[data-testid="invite-contact"]', 'not an address');
  await page.click('[data-testid="make-invite"]');
  assert.match(await page.textContent('[data-testid="invite-error"]'), /e-mail address/);
  await page.fill('[data-testid="invite-contact"]', 'anna@studio.example');
  await page.click('[data-testid="make-invite"]');
  const invite = await page.inputValue('[data-testid="invite-link"]');
  const bakery = new URL(invite).searchParams.get('invite');
  assert.match(bakery, /^[A-Za-z0-9_-]{1,40}$/);
  assert.equal(invite, `${server.url}?quiz=client&agency=Anna%20K.&contact=mailto%3Aanna%40studio.example&invite=${bakery}`);
  await assess(page, best);

  // The client, in a browser of their own.
  const client = await openPage(browser, invite, { ready: '[role="radiogroup"]' });
  await answerAll(client, () => 0);
  const send = client.locator('[data-testid="send-result"]');
  assert.match(await send.textContent(), /Anna K\. \(studio\.example\)/);
  const href = await send.getAttribute('href');
  assert.match(href, /^mailto:anna@studio\.example\?/);
  const returned = decodeURIComponent(new URL(href).searchParams.get('body'));
  assert.match(returned, /#r=/);
  assert.equal(new URL(returned).searchParams.get('invite'), bakery, 'the result link keeps the invite id');

  // Pasted on the desk: a specialist's link and a broken one are refused with the reason.
  const own = await page.getAttribute('[data-testid="full-result"]', 'href');
  await page.fill('[data-testid="client-link"]', new URL(own, server.url).href);
  await page.click('[data-testid="attach"]');
  assert.match(await page.textContent('[data-testid="attach-error"]'), /specialist's result/);
  await page.fill('[data-testid="client-link"]', 'https://example.com/nothing');
  await page.click('[data-testid="attach"]');
  assert.match(await page.textContent('[data-testid="attach-error"]'), /not a Client Fit result link/);
  await page.fill('[data-testid="client-link"]', returned);
  await page.click('[data-testid="attach"]');
  await page.waitForSelector('[data-testid="desk-compare"] [data-testid="compare-summary"]');
  const both = await page.inputValue('[data-testid="compare-link"]');
  assert.match(both, new RegExp(`^${server.url.replace(/[.?*+^$[\]\\(){}|-]/g, '\\$&')}#r=[^&]+&r=`));

  // The comparison link opens the same comparison for the client, on the quizzes' page.
  await client.goto(both);
  await client.waitForSelector('[data-testid="compare"]');
  assert.equal(await client.textContent('[data-testid="compare-summary"]'), await page.textContent('[data-testid="compare-summary"]'));

  await page.reload();
  await page.waitForSelector(READY);
  await page.click('[data-testid="prospect-row"] .cf-desk-name');
  assert.equal(await page.getAttribute('[data-testid="client-verdict"]', 'data-band'), 'partner');
  assert.equal(await page.inputValue('[data-testid="invite-name"]'), 'Anna K.', 'the inviter is remembered');
  assert.deepEqual([...page.errors, ...client.errors], []);
});

test('a desk changed and not exported for 30 days reminds once, and exporting is the way out', async () => {
  // A desk saved 40 days ago, never exported (index `k1;<exported>;<changed>;<ids>`, days since 1970).
  const today = Math.floor((Date.now() - new Date().getTimezoneOffset() * 60000) / 86400000);
  const old = today - 40;
  const seed = (days) => {
    localStorage.setItem('clientfit.v1.desk', JSON.stringify(`k1;-;${days};pold`));
    localStorage.setItem('clientfit.v1.desk.pold', JSON.stringify(`q2;Old%20client;;call;0;${days};${days};;-`));
  };
  const page = await openDesk('', { init: `if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); (${seed})(${old}); }` });
  const notice = page.locator('[data-notice="desk.notice.export_due"]');
  assert.match(await notice.textContent(), /not been exported for 30 days/);
  assert.deepEqual((await rows(page)).map((r) => r[0]), ['Old client']);
  await page.click('[data-notice="desk.notice.export_due"] button:has-text("Not now")');
  assert.equal(await notice.count(), 0);
  await page.reload();
  await page.waitForSelector(READY);
  assert.equal(await notice.count(), 0, 'reminded once, not on every visit');

  // Another desk, reminded: exporting there clears the reminder and records the export.
  const other = await openDesk('', { init: `if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); (${seed})(${old}); }` });
  const [download] = await Promise.all([other.waitForEvent('download'), other.click('[data-notice="desk.notice.export_due"] [data-testid="notice-export"]')]);
  assert.match(download.suggestedFilename(), /^client-fit-desk-/);
  await other.waitForSelector('[data-notice="desk.notice.export_due"]', { state: 'detached' });
  await other.waitForFunction((t) => JSON.parse(localStorage.getItem('clientfit.v1.desk')).startsWith(`k1;${t};`), today);
  assert.deepEqual([...page.errors, ...other.errors], []);
});

test('the start screen leads to the desk, unless the embedding says desk=0', async () => {
  const page = await openPage(browser, server.url);
  const link = page.locator('[data-testid="to-desk"]');
  assert.equal(await link.getAttribute('href'), 'desk.html');
  assert.equal(await link.textContent(), 'Vetting several prospects? Keep them on your desk.');
  await link.click();
  await page.waitForSelector(READY);
  const widget = await openPage(browser, `${server.url}?desk=0`);
  assert.equal(await widget.locator('[data-testid="to-desk"]').count(), 0);
  const russian = await openPage(browser, `${server.url}?lang=ru`);
  const ru = JSON.parse(await readFile(new URL('../content/lang/ru.json', import.meta.url), 'utf8'));
  await russian.waitForSelector(`[data-testid="to-desk"]:has-text("${ru['start.desk']}")`);
  assert.deepEqual([...page.errors, ...widget.errors, ...russian.errors], []);
});

test('the agreement sheet: made from a comparison, its link gives the other side the same page and numbers; printed to PDF; phone size; Russian; axe', async () => {
  const page = await openDesk();
  await add(page, 'Florist');
  await assess(page, best);
  // The client's result, made in a browser of their own from a finished client quiz.
  const client = await openPage(browser, `${server.url}?quiz=client`, { ready: '[role="radiogroup"]' });
  await answerAll(client, (step) => (step === 2 ? 1 : 0));
  await page.fill('[data-testid="client-link"]', await client.inputValue('[data-testid="share-link"]'));
  await page.click('[data-testid="attach"]');
  await page.click('[data-testid="open-sheet"]');
  await page.waitForSelector('[data-testid="sheet"]');
  assert.match(page.url(), /\/sheet\.html#a=a1!/);

  await page.selectOption('[data-testid="sheet-model"]', 'fixed_bonus');
  await page.fill('[data-testid="sheet-kpi"]', '30 leads a month at 400 or less');
  await page.fill('[data-testid="sheet-contact"]', 'Olga, the owner');
  await page.fill('#calc-fixed_min', '1234');
  await page.locator('[data-testid="sheet-contract"] input').first().check();
  const open = await page.locator('[data-testid="sheet-open"] li').count();
  assert.ok(open >= 1, 'the differing answer is an open question');
  const link = await page.inputValue('[data-testid="sheet-link"]');
  assert.match(link, /\/sheet\.html#a=a1!/);
  assert.equal(new URL(page.url()).hash, new URL(link).hash, 'the address follows the sheet');

  // Printed: the controls and the link are gone, the scenario's numbers and the terms are there.
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => document.querySelector('main').innerText);
  assert.match(printed, /1,234/);
  assert.equal(await page.locator('[data-testid="sheet-link"]').isVisible(), false);
  assert.equal(await page.locator('[data-testid="print"]').isVisible(), false);
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10000, 'a PDF was made');
  await page.emulateMedia({ media: 'screen' });

  // The other side, in a browser with no desk: the same page with the same numbers.
  await client.goto(link);
  await client.waitForSelector('[data-testid="sheet"]');
  assert.equal(await client.inputValue('[data-testid="sheet-model"]'), 'fixed_bonus');
  assert.equal(await client.inputValue('[data-testid="sheet-kpi"]'), '30 leads a month at 400 or less');
  assert.equal(await client.inputValue('[data-testid="sheet-contact"]'), 'Olga, the owner');
  assert.equal(await client.inputValue('#calc-fixed_min'), '1234', 'the same numbers');
  assert.equal(await client.textContent('[data-testid="fee-table"]'), await page.textContent('[data-testid="fee-table"]'));
  assert.deepEqual(await client.locator('[data-testid="sheet-contract"] li').evaluateAll((els) => els.slice(0, 2).map((e) => e.dataset.agreed)), ['true', 'false']);
  assert.equal(await client.locator('[data-testid="sheet-open"] li').count(), open);
  // Their change is their version: a reload keeps it, and their link carries it back.
  await client.fill('[data-testid="sheet-replies"]', 'Within one working day');
  await client.reload();
  await client.waitForSelector('[data-testid="sheet"]');
  assert.equal(await client.inputValue('[data-testid="sheet-replies"]'), 'Within one working day');
  assert.notEqual(await client.inputValue('[data-testid="sheet-link"]'), link);

  // A phone: nothing wider than the screen.
  const phone = await openPage(browser, link, { width: 360, height: 740, ready: '[data-testid="sheet"]' });
  assert.equal(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);

  // In Russian, with the desk's wording fetched.
  const russian = await openPage(browser, `${link.replace('#', '?lang=ru#')}`, { ready: '[data-testid="sheet"]' });
  const ru = JSON.parse(await readFile(new URL('../content/desk/ru.json', import.meta.url), 'utf8'));
  assert.equal(await russian.textContent('h1'), ru['desk.sheet.title']);

  // No axe violations on the sheet.
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, bypassCSP: true });
  const checked = await context.newPage();
  await checked.goto(link);
  await checked.waitForSelector('[data-testid="sheet"]');
  await checked.addScriptTag({ path: axePath });
  const violations = await checked.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
  assert.deepEqual(violations.violations.map((v) => `${v.id} ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`), []);
  await context.close();

  // A damaged link and a bare page say why there is no sheet, and lead to the desk.
  await client.goto('about:blank');
  await client.goto(link.slice(0, -6));
  await client.waitForSelector('[data-notice="desk.notice.sheet_unreadable"]');
  await client.goto(`${server.url}sheet.html`);
  await client.waitForSelector('[data-notice="desk.sheet.missing"]');
  assert.equal(await client.getAttribute('[data-testid="sheet-missing"] + p a', 'href'), 'desk.html');
  assert.deepEqual([...page.errors, ...client.errors, ...phone.errors, ...russian.errors], []);
});

test("a client's returned link opened on the list attaches to the prospect it was made for, or asks which one", async () => {
  const page = await openDesk();
  await add(page, 'Bakery');
  await page.fill('[data-testid="invite-name"]', 'Anna K.');
  await page.fill('[data-testid="invite-contact"]', 'anna@studio.example');
  await page.click('[data-testid="make-invite"]');
  const invite = await page.inputValue('[data-testid="invite-link"]');
  await assess(page, best);
  await toList(page);
  await add(page, 'Florist');
  await toList(page);

  const client = await openPage(browser, invite, { ready: '[role="radiogroup"]' });
  await answerAll(client, () => 0);
  const href = await client.getAttribute('[data-testid="send-result"]', 'href');
  const returned = decodeURIComponent(new URL(href).searchParams.get('body'));

  // A broken link is refused with the reason, and nothing changes.
  await page.fill('[data-testid="returned-link"]', 'https://example.com/nothing');
  await page.click('[data-testid="open-returned"]');
  assert.match(await page.textContent('[data-testid="returned-error"]'), /not a Client Fit result link/);
  // The returned link finds the Bakery, not the Florist opened last, and compares both sides.
  await page.fill('[data-testid="returned-link"]', returned);
  await page.click('[data-testid="open-returned"]');
  await page.waitForSelector('[data-testid="desk-compare"] [data-testid="compare-summary"]');
  assert.match(await page.textContent('[data-testid="to-prospect"]'), /Bakery/);

  // Without the invite id (the invitation was made in another browser), the desk asks.
  const bare = new URL(returned);
  bare.searchParams.delete('invite');
  await page.click('[data-testid="to-prospect"]');
  await page.waitForSelector('[data-testid="prospect"]');
  await toList(page);
  await page.fill('[data-testid="returned-link"]', bare.href);
  await page.click('[data-testid="open-returned"]');
  await page.waitForSelector('[data-testid="returned-pick"]');
  await page.selectOption('#cf-returned-pick', { label: 'Florist' });
  await page.click('[data-testid="claim-returned"]');
  await page.waitForSelector('[data-testid="prospect"] h1:has-text("Florist")');
  assert.equal(await page.getAttribute('[data-testid="client-verdict"]', 'data-band'), 'partner');
  assert.deepEqual([...page.errors, ...client.errors], []);
});

test("a specialist's result leads to the desk, which offers that result once as the next prospect's first assessment; desk=0 hides the way", async () => {
  const quiz = await openPage(browser, `${server.url}?quiz=specialist`, { ready: '[role="radiogroup"]' });
  await answerAll(quiz, () => 0);
  const band = await quiz.getAttribute('[data-testid="result"]', 'data-band');
  // The way there: the result's own link to the desk.
  assert.equal(await quiz.getAttribute('[data-testid="to-desk"]', 'href'), 'desk.html');
  await quiz.click('[data-testid="to-desk"]');
  await quiz.waitForSelector('[data-testid="incoming"]');
  assert.equal(await quiz.getAttribute('[data-testid="incoming"]', 'data-band'), band);
  await add(quiz, 'Dental clinic');
  assert.equal(await quiz.getAttribute('[data-testid="latest"]', 'data-band'), band, 'the assessment is kept');
  await toList(quiz);
  assert.equal(await quiz.locator('[data-testid="incoming"]').count(), 0);
  await quiz.reload();
  await quiz.waitForSelector(READY);
  assert.equal(await quiz.locator('[data-testid="incoming"]').count(), 0, 'offered once');
  assert.deepEqual(await rows(quiz), [['Dental clinic', band]]);

  // Turned down, it is not offered again either.
  const other = await openPage(browser, `${server.url}?quiz=specialist`, { ready: '[role="radiogroup"]' });
  await answerAll(other, () => 0);
  await other.goto(`${server.url}desk.html`);
  await other.waitForSelector('[data-testid="incoming"]');
  await other.click('[data-testid="drop-incoming"]');
  await other.reload();
  await other.waitForSelector(READY);
  assert.equal(await other.locator('[data-testid="incoming"]').count(), 0);
  // A client's result offers no desk; nor does a widget embedded with desk=0.
  const client = await openPage(browser, `${server.url}?quiz=client`, { ready: '[role="radiogroup"]' });
  await answerAll(client, () => 0);
  assert.equal(await client.locator('[data-testid="to-desk"]').count(), 0);
  const widget = await openPage(browser, `${server.url}?quiz=specialist&desk=0`, { ready: '[role="radiogroup"]' });
  await answerAll(widget, () => 0);
  assert.equal(await widget.locator('[data-testid="to-desk"]').count(), 0);
  assert.deepEqual([...quiz.errors, ...other.errors, ...client.errors, ...widget.errors], []);
});

test('on a phone the desk fits the screen: the list, a prospect and the quiz about it', async () => {
  const page = await openDesk('', { width: 360, height: 740 });
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  await add(page, 'A bakery with a rather long name on Main Street');
  assert.equal(await fits(), true, 'a prospect');
  await page.click('[data-testid="assess"]');
  await page.waitForSelector('[role="radiogroup"]');
  assert.equal(await fits(), true, 'the quiz');
  await page.goto(`${server.url}desk.html`);
  await page.waitForSelector(READY);
  assert.equal(await fits(), true, 'the list');
  assert.deepEqual(page.errors, []);
});
