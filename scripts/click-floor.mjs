#!/usr/bin/env node
// Context for the benchmark's "click → next paint" figures: the same measure (a trusted click, then
// the next animation frame and a zero timeout, from the click event's timestamp) taken for clicks
// that change nothing, on each page, and for Client Fit's own clicks by kind (choosing an option,
// Next, the click that opens the result). At 60 frames a second a click waits for the next frame
// whatever the page does, so the no-op figure is the floor no page can go under. Also: the start
// screen's click into the first question, and a keystroke in the result's fee calculator
// (keydown → next paint, measured the same way) beside its own floor: the same keys typed into a
// plain input on the same page, which only the browser handles.
//
//   node click-floor.mjs SURVEYJS_URL CLIENT_FIT_URL [pages] [rate]
// CLIENT_FIT_URL opens the client quiz (`?quiz=client`); its start screen is the same address
// without the query.
// Prints a Markdown table (medians, 90th percentiles and maxima in ms). Run by
// scripts/bench-vs-surveyjs.sh; needs playwright-core and Debian's chromium.
import { chromium } from 'playwright-core';

const [surveyUrl, clientFitUrl, pagesArg = '3', rateArg = '4'] = process.argv.slice(2);
const pages = Number(pagesArg);
const rate = Number(rateArg);
if (!surveyUrl || !clientFitUrl || !(pages > 0) || !(rate >= 1)) {
  console.error('usage: node click-floor.mjs SURVEYJS_URL CLIENT_FIT_URL [pages] [rate]');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// Installed before any page script: the latency of every trusted click and keystroke, measured as
// the bench does.
const LISTEN = `
  window.__clicks = [];
  for (const type of ['click', 'keydown']) addEventListener(type, (e) => {
    if (!e.isTrusted) return;
    const t0 = e.timeStamp;
    requestAnimationFrame(() => setTimeout(() => window.__clicks.push(performance.now() - t0), 0));
  }, true);
`;

async function open(url, ready) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript(LISTEN);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector(ready);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.waitForTimeout(300);
  return { page, close: () => context.close() };
}

/** Runs `act` (a trusted click or keystroke) and returns its latency, once measured. */
async function latency(page, act) {
  const before = await page.evaluate(() => window.__clicks.length);
  await act();
  await page.waitForFunction((n) => window.__clicks.length > n, before, { polling: 'raf' });
  await page.waitForTimeout(60);
  return page.evaluate(() => window.__clicks.at(-1));
}

/** Clicks the centre of `selector` (or a blank point) and returns that click's latency. */
async function click(page, selector) {
  const box = selector ? await page.locator(selector).first().boundingBox() : { x: 2, y: 700, width: 0, height: 0 };
  if (!box) throw new Error(`nothing to click: ${selector}`);
  return latency(page, () => page.mouse.click(box.x + box.width / 2, box.y + box.height / 2));
}

/** Presses `key` in the focused element and returns that keystroke's latency. */
const press = (page, key) => latency(page, () => page.keyboard.press(key));

const samples = {
  'no-op, SurveyJS': [], 'no-op, Client Fit': [], 'start screen → first question': [], 'choose an option': [],
  Next: [], 'open the result': [], 'calculator keystroke': [], 'no-op keystroke': [],
};
const startUrl = clientFitUrl.replace(/\?.*$/, '');
for (let p = 0; p < pages; p++) {
  for (const [label, url, ready] of [['no-op, SurveyJS', surveyUrl, '[data-name=q1]'], ['no-op, Client Fit', clientFitUrl, '[data-name=q1]']]) {
    const { page, close } = await open(url, ready);
    for (let i = 0; i < 20; i++) samples[label].push(await click(page, null));
    await close();
  }
  const start = await open(startUrl, '[data-testid=open-client]');
  samples['start screen → first question'].push(await click(start.page, '[data-testid=open-client]'));
  await start.page.waitForSelector('[data-name=q1]');
  await start.close();
  const { page, close } = await open(clientFitUrl, '[data-name=q1]');
  for (let step = 0; step < 100 && !(await page.locator('[data-testid=result]').count()); step++) {
    samples['choose an option'].push(await click(page, 'form.cf-question label'));
    const ms = await click(page, 'form.cf-question button[type=submit]');
    await page.waitForTimeout(40);
    samples[(await page.locator('[data-testid=result]').count()) ? 'open the result' : 'Next'].push(ms);
  }
  // A fee typed into the calculator, digit by digit, then taken back.
  const TYPED = ['5', '0', '0', 'Backspace', 'Backspace', 'Backspace'];
  await page.locator('#calc-current_sales').click();
  await page.keyboard.press('End');
  for (const key of TYPED) samples['calculator keystroke'].push(await press(page, key));
  // The keystroke's floor: the same keys in a plain input the app does not know, put at the top of
  // the calculator, so that only the browser's own editing, layout and paint are measured.
  await page.evaluate(() => {
    const input = Object.assign(document.createElement('input'), { id: 'bench-plain-input', value: '1000' });
    document.querySelector('[data-testid=calculator]').prepend(input);
  });
  await page.locator('#bench-plain-input').click();
  await page.keyboard.press('End');
  for (const key of TYPED) samples['no-op keystroke'].push(await press(page, key));
  await close();
}
await browser.close();

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
console.log(`| click (${rate}x CPU, ${pages} fresh pages) | n | median | p90 | max |`);
console.log('|---|--:|--:|--:|--:|');
for (const [label, xs] of Object.entries(samples)) {
  console.log(`| ${label} | ${xs.length} | ${quantile(xs, 0.5).toFixed(1)} | ${quantile(xs, 0.9).toFixed(1)} | ${Math.max(...xs).toFixed(1)} |`);
}
