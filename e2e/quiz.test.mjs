// End-to-end: both quizzes in headless Chromium against the release build in ../dist.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { startServer, launch, openPage, answerAll, worst } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); await mkdir(new URL('./artifacts/', import.meta.url), { recursive: true }); });
after(async () => { await browser?.close(); server?.close(); });

test('the client quiz can be completed by clicking', async () => {
  const page = await openPage(browser, server.url);
  await page.click('[data-testid="open-client"]');
  assert.match(await page.textContent('[data-testid="count"]'), /^1 of \d+$/);
  const steps = await answerAll(page, () => 0);
  assert.ok(steps >= 24, `only ${steps} questions`);
  assert.equal(await page.getAttribute('[data-testid="result"]', 'data-band'), 'partner');
  assert.match(await page.textContent('[data-testid="verdict"]'), /specialists hope for/);
  assert.equal(await page.locator('[data-testid="profile"] rect.cf-bar').count(), 8);
  assert.equal(await page.locator('[data-testid="own-part"]').count(), 0);
  assert.deepEqual(page.errors, []);
});

test('the specialist quiz flags a risky client, skips the optional section, and reminds of own part', async () => {
  const page = await openPage(browser, server.url);
  await page.click('[data-testid="open-specialist"]');
  // The worst answer of each pair; the optional temperament questions are skipped.
  await answerAll(page, worst(page));
  assert.equal(await page.getAttribute('[data-testid="result"]', 'data-band'), 'high_risk');
  assert.ok(await page.locator('[data-flag="no_prepay"]').count());
  assert.ok(await page.locator('[data-testid="advice"] li').count() >= 5);
  assert.ok(await page.locator('[data-testid="own-part"]').isVisible());
  await page.waitForSelector('[data-testid="calculator"]'); // the details follow a frame later
  assert.equal(await page.locator('[data-testid="temperament"]').count(), 0);
  assert.equal(await page.locator('[data-testid="guarantees"] li').count(), 4);
  assert.deepEqual(page.errors, []);
});

test('the whole quiz works from the keyboard', async () => {
  const page = await openPage(browser, server.url);
  await page.focus('[data-testid="open-client"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[role="radiogroup"]');
  for (let i = 0; i < 200 && !(await page.locator('[data-testid="result"]').count()); i++) {
    const count = await page.textContent('[data-testid="count"]');
    await page.keyboard.press('Tab'); // heading (focused) -> first radio
    await page.keyboard.press('ArrowDown'); // selects the second option
    await page.keyboard.press('Enter'); // submits: Next
    await page.waitForFunction((c) => document.querySelector('[data-testid="result"]') || document.querySelector('[data-testid="count"]')?.textContent !== c, count);
  }
  assert.ok(await page.locator('[data-testid="result"]').isVisible());
  assert.deepEqual(page.errors, []);
});

test('a reload mid-quiz resumes at the same question with the same answers', async () => {
  const page = await openPage(browser, server.url);
  await page.click('[data-testid="open-client"]');
  await answerAll(page, () => 1, { stopAt: 5 });
  await page.locator('[role="radiogroup"] label').nth(2).click();
  await page.reload();
  await page.waitForSelector('[role="radiogroup"]');
  assert.match(await page.textContent('[data-testid="count"]'), /^6 of /);
  assert.ok(await page.locator('[role="radiogroup"] input').nth(2).isChecked(), 'the unsubmitted choice survived');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  assert.ok(await page.locator('[role="radiogroup"] input').nth(1).isChecked());
  assert.deepEqual(page.errors, []);
});

test('each quiz keeps its own progress and Start over clears only that quiz', async () => {
  const page = await openPage(browser, server.url);
  await page.click('[data-testid="open-specialist"]');
  await answerAll(page, () => 0, { stopAt: 3 });
  await page.getByRole('button', { name: '← All quizzes' }).click();
  await page.click('[data-testid="open-client"]');
  await answerAll(page, () => 0);
  await page.click('[data-testid="start-over"]');
  assert.match(await page.textContent('[data-testid="count"]'), /^1 of /);
  assert.equal(await page.locator('[role="radiogroup"] input:checked').count(), 0);
  await page.getByRole('button', { name: '← All quizzes' }).click();
  assert.match(await page.textContent('[data-testid="open-specialist"]'), /Continue from question 4/);
  await page.reload();
  await page.waitForSelector('[data-testid^="open-"], [role="radiogroup"]');
  assert.match(await page.textContent('[data-testid="open-specialist"]'), /Continue from question 4/);
  assert.match(await page.textContent('[data-testid="open-client"]'), /^Start$/);
});

test('with storage disabled the quiz still completes and says so once', async () => {
  const init = () => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  };
  const page = await openPage(browser, server.url, { init });
  assert.match(await page.textContent('[data-testid="notice"]'), /progress will only last/);
  await page.click('[data-testid="notice"] button');
  await page.click('[data-testid="open-client"]');
  await answerAll(page, () => 0);
  assert.ok(await page.locator('[data-testid="result"]').isVisible());
  assert.equal(await page.locator('[data-testid="notice"]').count(), 0, 'told once only');
  assert.deepEqual(page.errors, []);
});

test('unreadable saved data is set aside, reported, and the app still works', async () => {
  const init = () => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('clientfit.v1.client', '{"step": "three", "answers": [}');
      localStorage.setItem('clientfit.v1.screen', '"<img src=x onerror=alert(1)>"');
    }
  };
  const page = await openPage(browser, server.url, { init });
  assert.match(await page.textContent('[data-testid="notice"]'), /couldn't read/);
  const aside = await page.evaluate(() => localStorage.getItem('clientfit.v1.client.unreadable'));
  assert.equal(aside, '{"step": "three", "answers": [}');
  await page.click('[data-testid="open-client"]');
  await answerAll(page, () => 0, { stopAt: 2 });
  assert.deepEqual(page.errors, []);
});

test('at 360 px nothing scrolls sideways', async () => {
  const page = await openPage(browser, server.url, { width: 360, height: 740 });
  const noSideScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  assert.ok(await noSideScroll(), 'start screen');
  await page.click('[data-testid="open-specialist"]');
  assert.ok(await noSideScroll(), 'question screen');
  await answerAll(page, () => 0);
  assert.ok(await noSideScroll(), 'result screen');
  await page.screenshot({ path: new URL('./artifacts/result-360.png', import.meta.url).pathname, fullPage: true });
});

test('?quiz= deep links open a quiz; a hostile value gets a clear message', async () => {
  // openPage waits for the start screen; a deep link skips it, so open this page by hand.
  const context = await browser.newContext();
  const direct = await context.newPage();
  await direct.goto(server.url + '?utm_source=agency&quiz=specialist');
  await direct.waitForSelector('[role="radiogroup"]');
  assert.match(await direct.textContent('h2'), /The client stated/);
  const hostile = await openPage(browser, server.url + '?quiz=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
  assert.match(await hostile.textContent('[data-testid="bad-link"]'), /asks for a quiz we don't have/);
  assert.equal(await hostile.locator('img').count(), 0);
  assert.deepEqual(hostile.errors, []);
  await context.close();
});

test('when storage fills up mid-quiz the quiz goes on and says progress will not be kept', async () => {
  const init = () => {
    const setItem = Storage.prototype.setItem;
    let writes = 0;
    Storage.prototype.setItem = function (key, value) {
      // The first two saves succeed, then the quota is "exceeded".
      if (key.startsWith('clientfit.v1.') && ++writes > 2) {
        throw new DOMException('quota', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  };
  const page = await openPage(browser, server.url, { init });
  assert.equal(await page.locator('[data-testid="notice"]').count(), 0, 'no notice while saving works');
  await page.click('[data-testid="open-client"]');
  await answerAll(page, () => 0, { stopAt: 3 });
  assert.match(await page.textContent('[data-testid="notice"]'), /Saving stopped working/);
  await answerAll(page, () => 0);
  assert.ok(await page.locator('[data-testid="result"]').isVisible());
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'verdict', 'focus moved to the verdict');
  assert.deepEqual(page.errors, []);
});

test('when storage is already full at start-up, saved progress is still restored, not overwritten', async () => {
  const page = await openPage(browser, server.url);
  await page.click('[data-testid="open-client"]');
  await answerAll(page, () => 1, { stopAt: 4 });
  const saved = await page.evaluate(() => localStorage.getItem('clientfit.v1.client'));
  await page.context().addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('quota', 'QuotaExceededError'); };
  });
  await page.reload();
  await page.waitForSelector('[role="radiogroup"]');
  assert.match(await page.textContent('[data-testid="count"]'), /^5 of /, 'resumed where it was');
  assert.match(await page.textContent('[data-testid="notice"]'), /Saving stopped working/);
  await page.locator('[role="radiogroup"] label').first().click();
  assert.equal(await page.evaluate(() => localStorage.getItem('clientfit.v1.client')), saved, 'nothing overwritten');
  assert.deepEqual(page.errors, []);
});

test('the chosen option is outlined, and the outline follows a choice made with the arrow keys or restored on reload', async () => {
  const page = await openPage(browser, `${server.url}?quiz=client`, { ready: '[role="radiogroup"]' });
  const options = page.locator('[role="radiogroup"] label');
  await options.first().waitFor();
  // The box-shadow of each option: only the chosen one has the accent's inset ring.
  const rings = () => options.evaluateAll((labels) => labels.map((l) => getComputedStyle(l).boxShadow !== 'none'));
  assert.deepEqual(await rings(), (await rings()).map(() => false), 'nothing outlined before a choice');
  await options.nth(0).click();
  assert.deepEqual((await rings()).map((r, i) => [i, r]).filter(([, r]) => r).map(([i]) => i), [0]);
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelectorAll('[role="radiogroup"] input')[1].checked);
  assert.deepEqual((await rings()).map((r, i) => [i, r]).filter(([, r]) => r).map(([i]) => i), [1]);
  await page.reload();
  await options.first().waitFor();
  assert.deepEqual((await rings()).map((r, i) => [i, r]).filter(([, r]) => r).map(([i]) => i), [1]);
  assert.deepEqual(page.errors, []);
});
