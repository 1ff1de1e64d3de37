#!/usr/bin/env node
// The desk with 200 prospects of 5 assessments each (four different results), against the quiz,
// in one interleaved run at 4x CPU throttling (Chromium, over dist/ as `make serve` builds it):
//  - first question: from navigation to the quiz's first question on screen (`?quiz=client`);
//  - desk list: from navigation to the 200 prospects listed (storage read, decoded, evaluated,
//    ranked, drawn);
//  - empty desk: from navigation to the desk's empty list, the page's own start-up; the desk list
//    less this is what the 200 prospects cost (read, decode, evaluate, rank, draw);
//  - the list's interactions with 200 prospects, each from its event to the next paint: the three
//    sort orders, a stage filter and back, a search keystroke and cleared, and back from a
//    prospect to the list (median and p90; issue #25's target is 50 ms).
// Prints medians and the ratio of the desk list to the first question. A measurement, never a
// test: it asserts nothing.
//
//   node scripts/bench-desk.mjs [runs=7] [rate=4]
// With DESK_SEED=<file>, the seeded storage is also written to that file as JSON (key → value),
// for profiling the same desk by hand.
import { startServer, launch, openPage, answerAll } from '../e2e/helpers.mjs';

const runs = Number(process.argv[2] ?? 7);
const rate = Number(process.argv[3] ?? 4);
const server = await startServer();
const browser = await launch();

// Four finished specialist results' tokens, from the quiz itself: prospect n's assessments are
// results n+1 … n+5 mod 4 (its last one result (n+1) mod 4), so each sort order puts the rows in
// another order (with one result for all, every order drew the same list and a re-sort changed
// nothing on screen).
const picks = [(step) => (step % 3 === 0 ? 1 : 0), () => 0, (step) => step % 2, (step, n) => n - 1 - (step % 2)];
const tokens = [];
for (const pick of picks) {
  const quiz = await openPage(browser, `${server.url}?quiz=specialist`, { ready: '[role="radiogroup"]' });
  await answerAll(quiz, pick);
  tokens.push(new URL(await quiz.inputValue('[data-testid="share-link"]')).hash.replace('#r=', ''));
  await quiz.context().close();
}

const today = Math.floor(Date.now() / 86400000);
const entries = {};
const ids = [];
for (let n = 0; n < 200; n++) {
  const id = `p${n.toString(16).padStart(4, '0')}`;
  ids.push(id);
  const assessments = [0, 1, 2, 3, 4].map((k) => `${today - 50 + k * 10}.t.${tokens[(n + k + 1) % 4]}`).join(',');
  const stages = ['first_contact', 'call', 'proposal', 'signed', 'paid_on_time', 'paid_late', 'churned', 'declined'];
  entries[`clientfit.v1.desk.${id}`] = JSON.stringify(`q2;Prospect%20${n};;${stages[n % 8]};0;${today - 60};${today - (n % 30)};${assessments};-`);
}
entries['clientfit.v1.desk'] = JSON.stringify(`k1;${today};${today};${ids.join(',')}`);
if (process.env.DESK_SEED) (await import('node:fs')).writeFileSync(process.env.DESK_SEED, JSON.stringify(entries));

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
const clicks = {};
for (let i = 0; i < runs; i++) {
  const q = await timed(`${server.url}?quiz=client`, {}, '[role="radiogroup"]', 1);
  first.push(q.ms);
  await q.context.close();
  const e = await timed(`${server.url}desk.html`, {}, '[data-testid="desk-empty"]', 1);
  empty.push(e.ms);
  await e.context.close();
  const d = await timed(`${server.url}desk.html`, entries, '[data-testid="prospect-row"]', 200);
  list.push(d.ms);
  // Each list interaction from its event to the next paint, in the page.
  const interactions = await d.page.evaluate(async () => {
    const paint = (start) => new Promise((done) => requestAnimationFrame(() => setTimeout(() => done(performance.now() - start), 0)));
    const change = (selector, value) => {
      const control = document.querySelector(selector);
      control.value = value;
      const start = performance.now();
      control.dispatchEvent(new Event(control.tagName === 'INPUT' ? 'input' : 'change', { bubbles: true }));
      return paint(start);
    };
    const rows = () => document.querySelectorAll('[data-testid="prospect-row"]').length;
    const settle = () => new Promise((done) => setTimeout(done, 50));
    const took = { sort: [], filter: [], search: [], back: [] };
    for (const order of ['score', 'date', 'verdict']) { took.sort.push(await change('[data-testid="sort"]', order)); await settle(); }
    for (const stage of ['call', '']) { took.filter.push(await change('[data-testid="stage-filter"]', stage)); await settle(); }
    for (const text of ['1', '']) { took.search.push(await change('[data-testid="search"]', text)); await settle(); }
    for (let k = 0; k < 2; k++) {
      document.querySelector('[data-testid="prospect-row"] button').click();
      await new Promise((done) => { const wait = () => (document.querySelector('[data-testid="to-list"]') ? done() : setTimeout(wait, 10)); wait(); });
      await settle();
      const start = performance.now();
      document.querySelector('[data-testid="to-list"]').click();
      // The click's render is done by the next frame (Yew renders in a microtask); the list is
      // checked after the paint, not waited for, so that a list already in the page (kept
      // hidden) and one built anew are timed alike.
      const ms = await paint(start);
      const list = document.querySelector('[data-testid="desk-list"]');
      if (!list?.checkVisibility() || rows() < 200) throw new Error('the list was not back on screen by the next paint');
      took.back.push(ms);
      await settle();
    }
    return took;
  });
  for (const [kind, values] of Object.entries(interactions)) (clicks[kind] ??= []).push(...values);
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
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.9) - 1)];
const names = { sort: 're-sort (3 orders)', filter: 'filter by stage, and back to all', search: 'search keystroke, and cleared', back: 'back from a prospect to the list' };
for (const [kind, values] of Object.entries(clicks)) {
  console.log(`| desk: ${names[kind]}, event → paint | median ${median(values).toFixed(1)}, p90 ${p90(values).toFixed(1)} (${values.length} samples) |`);
}
const every = Object.values(clicks).flat();
console.log(`| desk: every list interaction above | median ${median(every).toFixed(1)}, p90 ${p90(every).toFixed(1)} (${every.length} samples) |`);
