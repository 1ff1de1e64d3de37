// End-to-end: the client's first message and the specialist's reply draft.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, answerAll, worst } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test('the client fills the numbers, edits the composed message and copies it', async () => {
  const page = await openPage(browser, server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.click('[data-testid="open-client"]');
  await answerAll(page, () => 0);
  await page.waitForSelector('[data-testid="first-message"]');
  const draft = () => page.inputValue('[data-testid="draft"]');
  // Nothing typed yet: every number is honestly unknown.
  assert.equal((await draft()).match(/: unknown/g)?.length, 4);
  await page.fill('#brief-business', 'handmade candles, online shop');
  await page.selectOption('#brief-stage', 'running');
  await page.fill('#brief-goal', '40 orders a month by June');
  await page.fill('#brief-cost_per_lead', '350');
  await page.fill('#brief-conversion', '2.5');
  await page.fill('#brief-avg_order', '4900');
  await page.fill('#brief-budget', '60000');
  await page.fill('#brief-contact', 'Anna');
  const message = await draft();
  for (const part of ['handmade candles', 'already running', '40 orders a month by June', '₽350', '2.5%', '₽4,900', '₽60,000', 'Anna', 'how long customers take to decide: unknown']) {
    assert.ok(message.includes(part), `${part} in:\n${message}`);
  }
  assert.match(message, /#r=[A-Za-z0-9_-]+/, 'the result link is appended');
  await page.uncheck('[data-testid="add-link"]');
  assert.doesNotMatch(await draft(), /#r=/);
  // Edit in place, copy, and the edit survives a reload.
  await page.fill('[data-testid="draft"]', `${message}\nP.S. We also sell gift sets.`);
  await page.click('[data-testid="copy-draft"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="draft-status"]').textContent.startsWith('Copied'));
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /P\.S\. We also sell gift sets\.$/);
  await page.reload();
  await page.waitForSelector('[data-testid="first-message"]');
  assert.match(await draft(), /gift sets/);
  assert.equal(await page.inputValue('#brief-cost_per_lead'), '350');
  // Rebuild drops the edit and follows the fields again.
  await page.click('[data-testid="rebuild-draft"]');
  assert.doesNotMatch(await draft(), /gift sets/);
  assert.deepEqual(page.errors, []);
});

test('the specialist gets a reply draft matching the verdict', async () => {
  const page = await openPage(browser, server.url);
  await page.click('[data-testid="open-specialist"]');
  await answerAll(page, worst(page));
  assert.equal(await page.getAttribute('[data-testid="result"]', 'data-band'), 'high_risk');
  await page.waitForSelector('[data-testid="reply"]');
  const reply = await page.inputValue('[data-testid="draft"]');
  assert.match(reply, /paid consultation/);
  assert.doesNotMatch(reply, /Next steps we suggest/);
  assert.deepEqual(page.errors, []);
});
