#!/usr/bin/env node
// The desk with 200 prospects of 5 assessments each, against the quiz, in one interleaved run at
// 4x CPU throttling (Chromium, over dist/ as `make serve` builds it):
//  - first question: from navigation to the quiz's first question on screen (`?quiz=client`);
//  - desk list: from navigation to the 200 prospects listed (storage read, decoded, evaluated,
//    ranked, drawn);
//  - empty desk: from navigation to the desk's empty list, the page's own start-up; the desk list
//    less this is what the 200 prospects cost (read, decode, evaluate, rank, draw);
//  - re-sort: choosing another sort order, from the change event to the next paint.
// Prints medians and the ratio of the desk list to the first question. A measurement, never a
// test: it asserts nothing.
//
//   node scripts/bench-desk.mjs [runs=7] [rate=4]
import { startServer, launch, openPage, answerAll } from '../e2e/helpers.mjs';

const runs = Number(process.argv[2] ?? 7);
const rate = Number(process.argv[3] ?? 4);
const server = await startServer();
const browser = await launch();

// A finished specialist result's token, from the quiz itself: every seeded assessment uses it.
const quiz = await openPage(browser, `${server.url}?quiz=specialist`, { ready: '[role="radiogroup"]' });
await answerAll(quiz, (step) => (step % 3 === 0 ? 1 : 0));
const token = new URL(await quiz.inputValue('[data-testid="share-link"]')).hash.replace('#r=', '');
await quiz.context().close();

const today = Math.floor(Date.now() / 86400000);
const entries = {};
const ids = [];
for (let n = 0; n < 200; n++) {
  const id = `p${n.toString(16).padStart(4, '0')}`;
  ids.push(id);
  const assessments = [0, 1, 2, 3, 4].map((k) => `${today - 50 + k * 10}.t.${token}`).join(',');
  const stages = ['first_contact', 'call', 'proposal', 'signed', 'paid_on_time', 'paid_late', 'churned', 'declined'];
  entries[`clientfit.v1.desk.${id}`] = JSON.stringify(`q2;Prospect%20${n};;${stages[n % 8]};0;${today - 60};${today - (n % 30)};${assessments};-`);
}
entries['clientfit.v1.desk'] = JSON.stringify(`k1;${today};${today};${ids.join(',')}`);

// Milliseconds from navigation until `count` elements match `ready`, read in the page on the
// animation frame that first sees them.
async function timed(url, seed, ready, count) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(`(${(values) => {
    for (const [k, v] of Object.entries(values)) localStorage.setItem(k, v);
  }})(${JSON.stringify(seed)})`);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(url);
  const at = await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length >= n && performance.now(), [ready, count], { polling: 'raf', timeout: 120000 });
  return { ms: await at.jsonValue(), page, context };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const first = [];
const list = [];
const empty = [];
const resort = [];
for (let i = 0; i < runs; i++) {
  const q = await timed(`${server.url}?quiz=client`, {}, '[role="radiogroup"]', 1);
  first.push(q.ms);
  await q.context.close();
  const e = await timed(`${server.url}desk.html`, {}, '[data-testid="desk-empty"]', 1);
  empty.push(e.ms);
  await e.context.close();
  const d = await timed(`${server.url}desk.html`, entries, '[data-testid="prospect-row"]', 200);
  list.push(d.ms);
  const took = await d.page.evaluate(() => new Promise((done) => {
    const select = document.querySelector('[data-testid="sort"]');
    select.value = select.value === 'score' ? 'date' : 'score';
    const start = performance.now();
    select.dispatchEvent(new Event('change', { bubbles: true }));
    requestAnimationFrame(() => setTimeout(() => done(performance.now() - start), 0));
  }));
  resort.push(took);
  await d.context.close();
}
await browser.close();
server.close();
const f = median(first);
const l = median(list);
const e = median(empty);
console.log(`| ${rate}x CPU, ${runs} interleaved runs | median ms |`);
console.log('|---|---|');
console.log(`| quiz: first question on screen | ${f.toFixed(0)} |`);
console.log(`| desk: empty, navigation → listed | ${e.toFixed(0)} |`);
console.log(`| desk: 200 prospects × 5 assessments listed | ${l.toFixed(0)} (${(l / f).toFixed(2)} × the first question) |`);
console.log(`| desk: what the 200 cost (listed − empty, medians) | ${(l - e).toFixed(0)} |`);
console.log(`| desk: re-sort the 200, change → paint | ${median(resort).toFixed(1)} |`);
