#!/usr/bin/env node
// Lighthouse's mobile preset (simulated slow 4G, 4x CPU) on a release served by Debian's nginx
// with deploy/nginx/client-fit.conf, as an agency hosts it, run with Debian's Chromium.
//
//   node scripts/bench-lighthouse.mjs RELEASE_DIR [runs=3]
// RELEASE_DIR: built by `scripts/release.sh /tools/client-fit/ RELEASE_DIR`. Lighthouse comes from
// tools/bench (`scripts/tools.sh bench`). Prints a Markdown table: the categories' scores, first and
// largest contentful paint, total blocking time (medians), and what Lighthouse calls
// render-blocking. LIGHTHOUSE_JSON=/tmp/lh keeps each report as /tmp/lh-<page>-<run>.json.
// Run by scripts/bench-vs-surveyjs.sh.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { PREFIX, startNginx } from './nginx.mjs';

const [release, runsArg = '3'] = process.argv.slice(2);
const runs = Number(runsArg);
if (!release || !(runs > 0)) {
  console.error('usage: node scripts/bench-lighthouse.mjs RELEASE_DIR [runs]');
  process.exit(2);
}
const bench = join(fileURLToPath(new URL('../', import.meta.url)), 'tools/bench/node_modules');
const { default: lighthouse } = await import(pathToFileURL(join(bench, 'lighthouse/core/index.js')));
const chromeLauncher = await import(pathToFileURL(join(bench, 'chrome-launcher/dist/index.js')));

const server = await startNginx({ release });
const pages = [['start screen', `${server.origin}${PREFIX}`], ['?quiz=client', `${server.origin}${PREFIX}?quiz=client`]];
const rows = [];
try {
  for (const [label, url] of pages) {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const chrome = await chromeLauncher.launch({
        chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
      });
      try {
        const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
        samples.push(lhr);
        if (process.env.LIGHTHOUSE_JSON) await writeFile(`${process.env.LIGHTHOUSE_JSON}-${rows.length}-${i}.json`, JSON.stringify(lhr));
      } finally {
        await chrome.kill();
      }
    }
    rows.push([label, samples]);
  }
} finally {
  server.stop();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cats = ['performance', 'accessibility', 'best-practices', 'seo'];
console.log(`| page (Lighthouse ${rows[0][1][0].lighthouseVersion}, mobile, ${runs} runs, medians) | ${cats.join(' | ')} | FCP | LCP | TBT | render-blocking |`);
console.log(`|---|${cats.map(() => '---:').join('|')}|---:|---:|---:|---|`);
for (const [label, samples] of rows) {
  const score = (c) => median(samples.map((l) => Math.round((l.categories[c]?.score ?? 0) * 100)));
  const ms = (a) => `${Math.round(median(samples.map((l) => l.audits[a].numericValue)))} ms`;
  const wasted = new Map();
  for (const l of samples) {
    for (const it of l.audits['render-blocking-resources']?.details?.items ?? []) {
      const name = new URL(it.url).pathname.split('/').pop();
      wasted.set(name, [...(wasted.get(name) ?? []), it.wastedMs]);
    }
  }
  const blocking = [...wasted].map(([name, ms]) => `${name} (${Math.round(median(ms))} ms)`);
  console.log(`| ${label} | ${cats.map(score).join(' | ')} | ${ms('first-contentful-paint')} | ${ms('largest-contentful-paint')} | ${ms('total-blocking-time')} | ${blocking.join(', ') || 'none'} |`);
}
