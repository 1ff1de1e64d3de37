#!/usr/bin/env node
// What the embed loader costs the page that embeds it: an agency's page alone, with a tiny
// script of its own (what any script tag costs here), with an inline widget in view, and with a
// popup (not opened), measured in one interleaved run at 4x CPU throttling (Chromium, over dist/
// as `make serve` builds it). For each: the host page's first
// contentful paint and its load event (from navigation), and, with the inline widget, when the
// widget said it was ready. Prints medians and the differences to the page alone. A
// measurement, never a test: it asserts nothing.
//
//   node scripts/bench-embed.mjs [runs=9] [rate=4]
import { startServer, launch } from '../e2e/helpers.mjs';

const runs = Number(process.argv[2] ?? 9);
const rate = Number(process.argv[3] ?? 4);
const server = await startServer();
const browser = await launch();

const text = Array.from({ length: 12 }, (_, i) => `<h2>Section ${i + 1}</h2><p>${'An agency page with its own text, services and prices, as a visitor reads it before deciding to talk. '.repeat(6)}</p>`).join('\n');
const page = (widget) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme Digital</title>
  <link rel="icon" href="data:,"><style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:0 auto;padding:1rem}</style></head>
  <body><h1>Acme Digital: SEO and ads for small shops</h1>${widget}${text}
  <script>document.addEventListener('client-fit:ready', function () { window.widgetReady = performance.now(); });</script>
  </body></html>`;
const variants = {
  'page alone': page(''),
  // The floor for any script a page adds: one of a few bytes, fetched the same way.
  'with a tiny script of its own': page('<script src="tiny.js" async></script>'),
  'with an inline widget in view': page('<div id="quiz" data-client-fit data-quiz="client"></div><script src="client-fit.js" data-mount="quiz" async></script>'),
  'with a popup, not opened': page('<button data-client-fit-open="quiz">Are we a fit?</button><div id="quiz" data-client-fit data-mode="popup" data-quiz="client"></div><script src="client-fit.js" data-mount="quiz" async></script>'),
};

async function measure(html, waitForWidget) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route(`${server.url}agency.html`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await context.route(`${server.url}tiny.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: 'window.tiny = 1;' }));
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await tab.goto(`${server.url}agency.html`, { waitUntil: 'load' });
  if (waitForWidget) await tab.waitForFunction(() => window.widgetReady, null, { timeout: 60000 });
  await tab.waitForTimeout(200);
  const m = await tab.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    load: performance.getEntriesByType('navigation')[0].loadEventEnd,
    ready: window.widgetReady ?? NaN,
  }));
  await context.close();
  return m;
}

const results = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
for (let i = 0; i < runs; i++) {
  for (const [name, html] of Object.entries(variants)) {
    results[name].push(await measure(html, name.includes('inline')));
  }
}
await browser.close();
server.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const alone = results['page alone'];
const base = { fcp: median(alone.map((r) => r.fcp)), load: median(alone.map((r) => r.load)) };
console.log(`| ${rate}x CPU, ${runs} interleaved runs, medians | first contentful paint | load event | widget ready |`);
console.log('|---|---|---|---|');
for (const [name, rs] of Object.entries(results)) {
  const fcp = median(rs.map((r) => r.fcp));
  const load = median(rs.map((r) => r.load));
  const ready = median(rs.map((r) => r.ready));
  const diff = (v, b) => (name === 'page alone' ? '' : ` (${v - b >= 0 ? '+' : ''}${(v - b).toFixed(0)})`);
  console.log(`| ${name} | ${fcp.toFixed(0)} ms${diff(fcp, base.fcp)} | ${load.toFixed(0)} ms${diff(load, base.load)} | ${Number.isNaN(ready) ? '–' : `${ready.toFixed(0)} ms`} |`);
}
