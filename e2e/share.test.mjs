// End-to-end: share links and the negotiation mirror, in headless Chromium against ../dist.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startServer, launch, openPage, answerAll } from './helpers.mjs';

let server, browser, questionIds;
before(async () => {
  server = await startServer();
  browser = await launch();
  const content = JSON.parse(await readFile(new URL('../content/questions.json', import.meta.url), 'utf8'));
  questionIds = content.questions.map((q) => q.id);
});
after(async () => { await browser?.close(); server?.close(); });

const clipboard = ['clipboard-read', 'clipboard-write'];

/** Finishes a quiz in a fresh context, copies the result link, and returns it with the verdict. */
async function finishAndCopy(side, pick) {
  const page = await openPage(browser, server.url, { permissions: clipboard });
  await page.click(`[data-testid="open-${side}"]`);
  await answerAll(page, pick);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="copy-status"]')?.textContent.startsWith('Copied'));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, await page.inputValue('[data-testid="share-link"]'));
  const result = {
    link,
    band: await page.getAttribute('[data-testid="result"]', 'data-band'),
    verdict: await page.textContent('[data-testid="verdict"]'),
    profile: await page.getAttribute('[data-testid="profile"]', 'aria-label'),
  };
  assert.deepEqual(page.errors, []);
  await page.context().close();
  return result;
}

// The specialist differs from the all-best client at these question steps (option 1 instead of 0).
const differing = [2, 5, 14];
const specialistPick = (step) => (differing.includes(step) ? 1 : 0);

test('a copied result link opens the same result, read-only, in a fresh browser', async () => {
  const mine = await finishAndCopy('client', () => 0);
  assert.match(mine.link, /^http:\/\/127\.0\.0\.1:\d+\/#r=[A-Za-z0-9_-]+$/);
  const fragment = mine.link.slice(mine.link.indexOf('#'));
  assert.ok(fragment.length <= 40, `fragment of ${fragment.length} characters`);
  assert.ok(mine.link.length <= 120);

  const page = await openPage(browser, mine.link, { ready: '[data-testid="result"]' });
  assert.equal(await page.getAttribute('[data-testid="result"]', 'data-shared'), 'true');
  assert.equal(await page.getAttribute('[data-testid="result"]', 'data-band'), mine.band);
  // The same band, worded about them rather than the reader.
  assert.equal(mine.verdict, 'You are the client specialists hope for');
  assert.equal(await page.textContent('[data-testid="verdict"]'), 'Their own answers: the client specialists hope for');
  assert.equal(await page.getAttribute('[data-testid="profile"]', 'aria-label'), mine.profile);
  assert.match(await page.textContent('[data-testid="shared-banner"]'), /read-only/);
  assert.equal(await page.locator('[data-testid="start-over"]').count(), 0);
  // The link survives a reload; "Take the mirrored quiz" opens one's own (empty) other quiz.
  await page.reload();
  await page.waitForSelector('[data-testid="shared-banner"]');
  await page.click('[data-testid="take-mirror"]');
  await page.waitForSelector('[role="radiogroup"]');
  assert.match(await page.textContent('h1, .cf-quiz-head'), /Should I take this client\?/);
  assert.equal(new URL(page.url()).hash, '', 'the address no longer claims a shared result');
  assert.deepEqual(page.errors, []);
});

test('two links make the comparison; its agenda lists exactly the differing questions', async () => {
  const client = await finishAndCopy('client', () => 0);
  const specialist = await finishAndCopy('specialist', specialistPick);
  const expected = differing.map((i) => questionIds[i]).sort();

  // Open one link, paste the other.
  const page = await openPage(browser, client.link, { ready: '[data-testid="result"]' });
  await page.fill('[data-testid="paste-link"]', specialist.link);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await page.waitForSelector('[data-testid="compare"]');
  const agenda = await page.locator('[data-testid="agenda"] li[data-q]').evaluateAll((els) => els.map((e) => e.dataset.q));
  assert.deepEqual([...agenda].sort(), expected);
  const gaps = await page.locator('[data-testid="agenda"] li[data-q]').evaluateAll((els) => els.map((e) => Number(e.dataset.gap)));
  assert.deepEqual(gaps, [...gaps].sort((a, b) => b - a), 'largest gap first');
  assert.equal(await page.locator('[data-testid="pair-profile"] g').count(), 8);
  assert.ok(await page.locator('[data-testid="fee-client"]').isVisible());
  assert.ok(await page.locator('[data-testid="fee-specialist"]').isVisible());

  // The combined link opens straight into the same comparison elsewhere, and survives reload.
  const combined = await page.inputValue('[data-testid="share-link"]');
  assert.match(combined, /#r=[A-Za-z0-9_-]+&r=[A-Za-z0-9_-]+$/);
  assert.ok(combined.length <= 120, `${combined.length} characters`);
  const other = await openPage(browser, combined, { ready: '[data-testid="compare"]' });
  const again = await other.locator('[data-testid="agenda"] li[data-q]').evaluateAll((els) => els.map((e) => e.dataset.q));
  assert.deepEqual(again, agenda);
  await other.reload();
  await other.waitForSelector('[data-testid="compare"]');

  // Opening the other side's link in the same tab (only the fragment changes) also compares.
  const tab = await openPage(browser, specialist.link, { ready: '[data-testid="result"]' });
  await tab.evaluate((href) => { location.href = href; }, client.link);
  await tab.waitForSelector('[data-testid="compare"]');
  assert.equal(await tab.locator('[data-testid="agenda"] li[data-q]').count(), expected.length);
  for (const p of [page, other, tab]) assert.deepEqual(p.errors, []);
});

test('damaged, foreign and same-side links get a clear message and lose nothing', async () => {
  const client = await finishAndCopy('client', () => 0);
  // One character changed: a clear message, and the person's own start screen still works.
  const i = client.link.length - 5;
  const changed = client.link.slice(0, i) + (client.link[i] === 'A' ? 'B' : 'A') + client.link.slice(i + 1);
  const page = await openPage(browser, changed, { ready: '[data-testid="link-error"]' });
  assert.match(await page.textContent('[data-testid="link-error"]'), /damaged or cut off/);
  await page.click('[data-testid="open-client"]');
  await page.waitForSelector('[role="radiogroup"]');

  // Cut short.
  const cut = await openPage(browser, client.link.slice(0, -4), { ready: '[data-testid="link-error"]' });
  assert.match(await cut.textContent('[data-testid="link-error"]'), /damaged or cut off/);

  // Pasting a client link beside a client result, or junk, is refused beside the box.
  const shared = await openPage(browser, client.link, { ready: '[data-testid="result"]' });
  await shared.fill('[data-testid="paste-link"]', client.link);
  await shared.getByRole('button', { name: 'Compare', exact: true }).click();
  assert.match(await shared.textContent('[data-testid="paste-error"]'), /same quiz/);
  await shared.fill('[data-testid="paste-link"]', '<img src=x onerror=alert(1)>');
  await shared.getByRole('button', { name: 'Compare', exact: true }).click();
  await shared.waitForFunction(() => /not a Client Fit result link/.test(document.querySelector('[data-testid="paste-error"]')?.textContent));
  assert.equal(await shared.locator('img').count(), 0);
  assert.equal(await shared.getAttribute('[data-testid="result"]', 'data-shared'), 'true');
  for (const p of [page, cut, shared]) assert.deepEqual(p.errors, []);
});

test('without the Clipboard API, Copy link selects the link for Ctrl+C', async () => {
  const init = () => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
    document.execCommand = () => false;
  };
  const page = await openPage(browser, server.url, { init });
  await page.click('[data-testid="open-specialist"]');
  await answerAll(page, () => 0);
  await page.getByRole('button', { name: 'Copy link' }).click();
  assert.match(await page.textContent('[data-testid="copy-status"]'), /selected: press Ctrl\+C/);
  const selection = await page.evaluate(() => {
    const el = document.activeElement;
    return { id: el.id, start: el.selectionStart, end: el.selectionEnd, length: el.value.length };
  });
  assert.deepEqual(selection, { id: 'cf-share-link', start: 0, end: selection.length, length: selection.length });
  assert.ok(selection.length > 20);
  // "Take this quiz yourself" from a shared result opens the same quiz for the reader.
  const link = await page.inputValue('[data-testid="share-link"]');
  const reader = await openPage(browser, link, { ready: '[data-testid="shared-banner"]' });
  await reader.click('[data-testid="take-same"]');
  await reader.waitForSelector('[role="radiogroup"]');
  assert.match(await reader.textContent('[data-testid="count"]'), /^1 of 36$/);
  for (const p of [page, reader]) assert.deepEqual(p.errors, []);
});
