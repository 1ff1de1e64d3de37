// End-to-end: the fee calculator on the result screen updates its table and chart, shows a
// message next to a bad field and recovers when the value is fixed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, answerAll, byId } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function resultPage() {
  const page = await openPage(browser, server.url);
  await page.click('[data-testid="open-client"]');
  // The client asks for a percentage and meets every condition: the worked example applies.
  await answerAll(page, byId(page, { money_model: 'percent', money_budget: 'medium' }));
  await page.locator('[data-testid="calculator"]').scrollIntoViewIfNeeded();
  return page;
}

const rows = (page) => page.$$eval('[data-testid="fee-table"] tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
const nbsp = (s) => s.replace(/[\u00a0\u202f]/g, ' ');

test('the worked example is in the table and the crossover is marked', async () => {
  const page = await resultPage();
  assert.equal(await page.getAttribute('[data-testid="fee"]', 'data-model'), 'percentage');
  const table = (await rows(page)).map((r) => r.map(nbsp));
  const row = (sales) => table.find((r) => r[0] === sales);
  assert.equal(row('₽100,000')[3], '₽10,000');
  assert.equal(row('₽400,000')[3], '₽40,000');
  assert.equal(row('₽10,000,000')[3], '₽1,000,000');
  assert.equal(row('₽750,000')[2], '₽75,000', 'the crossover row');
  assert.match(nbsp(await page.textContent('[data-testid="crossover"]')), /From ₽750,000/);
  assert.equal(await page.locator('[data-testid="fee-crossover"]').count(), 1);
  assert.equal(await page.locator('[data-testid="fee-region"]').count(), 1);
  assert.deepEqual(page.errors, []);
});

test('changing inputs updates the table and the chart', async () => {
  const page = await resultPage();
  const line = () => page.getAttribute('[data-testid="line-percent"]', 'points');
  const before = await line();
  await page.fill('#calc-percent', '20');
  await page.waitForFunction(() => document.querySelector('[data-testid="fee-table"] tbody tr td:last-child').textContent.startsWith('₽20'));
  assert.equal(nbsp((await rows(page))[0][3]), '₽20,000');
  assert.notEqual(await line(), before, 'the chart redrew');
  await page.selectOption('#calc-currency', 'USD');
  await page.waitForFunction(() => document.querySelector('[data-testid="fee-table"] tbody tr th').textContent.startsWith('$'));
  assert.equal((await rows(page))[0][0], '$100,000');
  await page.fill('#calc-cap', '50000');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="fee-table"] tbody tr td:last-child')].pop().textContent === '$50,000');
  // The inputs survive a reload.
  await page.reload();
  await page.waitForSelector('[data-testid="calculator"]');
  assert.equal(await page.inputValue('#calc-percent'), '20');
  assert.equal(await page.inputValue('#calc-cap'), '50000');
  assert.deepEqual(page.errors, []);
});

test('typing in the calculator re-renders without evaluating the result again', async () => {
  const page = await resultPage();
  const evaluations = () => page.evaluate(() => window.wasmBindings.client_fit_evaluations());
  const before = await evaluations();
  assert.ok(before > 0, 'the result was evaluated');
  for (const value of ['12', '15', '20']) {
    await page.fill('#calc-percent', value);
    await page.waitForFunction((v) => document.querySelector('[data-testid="fee-table"] tbody tr td:last-child').textContent.startsWith(`₽${v}`), value);
  }
  assert.equal(await evaluations(), before, 'three keystrokes, no evaluation');
  assert.deepEqual(page.errors, []);
});

test('a bad value shows its message, keeps the last valid chart, and recovers', async () => {
  const page = await resultPage();
  const line = () => page.getAttribute('[data-testid="line-percent"]', 'points');
  const valid = await line();
  for (const [field, value, message] of [
    ['#calc-percent', 'abc', /Type a number/],
    ['#calc-percent', '150', /can't exceed 100/],
    ['#calc-avg_order', '-5', /can't be negative/],
    ['#calc-range_max', '99999999999999999', /beyond any realistic month/],
    ['#calc-threshold', '', /Enter a number/],
  ]) {
    const old = await page.inputValue(field);
    await page.fill(field, value);
    const id = field.replace('#calc-', '');
    await page.waitForFunction((id) => document.querySelector(`[data-testid="error-${id}"]`).textContent.length > 0, id);
    assert.match(await page.textContent(`[data-testid="error-${id}"]`), message);
    assert.equal(await page.getAttribute(field, 'aria-invalid'), 'true');
    assert.ok(await page.locator('[data-testid="calc-stale"]').isVisible());
    assert.equal(await line(), valid, 'the chart kept the last valid state');
    const text = await page.textContent('[data-testid="calculator"]');
    assert.doesNotMatch(text, /NaN|Infinity/);
    await page.fill(field, old);
    await page.waitForFunction((id) => document.querySelector(`[data-testid="error-${id}"]`).textContent === '', id);
  }
  await page.fill('#calc-threshold', '5000');
  await page.waitForFunction(() => document.querySelector('[data-testid="error-threshold"]').textContent.includes('never start'));
  await page.fill('#calc-threshold', '10');
  assert.equal(await page.locator('[data-testid="calc-stale"]').count(), 0);
  assert.deepEqual(page.errors, []);
});
