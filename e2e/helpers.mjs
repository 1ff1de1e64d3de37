// Shared set-up for the browser tests: a static server over ../dist and Debian's Chromium.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };

const PROBE = '<script src="/__probe.js"></script>';

/**
 * A static server over ../dist. `allow` ({ agencies, contacts }) serves the page with that
 * deployment allow-list written in, as `make release AGENCY=… CONTACTS=…` writes it. `probe`
 * loads e2e/probe.js first in every HTML page (the cross-engine tests read console errors,
 * violations and requests from it). `origin` names the server's origin in the policy, as
 * `make release ORIGIN=…` does (WebKit needs it in a frame sandboxed without allow-same-origin).
 */
export async function startServer({ allow, probe = false, origin = false } = {}) {
  let self = '';
  const server = http.createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    // An empty host page on this origin, for tests that build their own embedding.
    if (path === '/host.html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8">${probe ? PROBE : ''}<title>Host</title><link rel="icon" href="data:,"></head><body><p id="host">A host page</p></body></html>`);
      return;
    }
    if (probe && path === '/__probe.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(await readFile(new URL('./probe.js', import.meta.url)));
      return;
    }
    const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
    try {
      let body = await readFile(file);
      if (allow && file.endsWith('index.html')) {
        const { addAllowList } = await import('../scripts/postbuild.mjs');
        body = addAllowList(body.toString('utf8'), allow.agencies ?? [], allow.contacts ?? []);
      }
      if (origin && file.endsWith('index.html')) {
        const { addOrigin } = await import('../scripts/postbuild.mjs');
        body = addOrigin(body.toString('utf8'), self);
      }
      if (probe && file.endsWith('.html')) {
        body = body.toString('utf8').replace('<meta charset="utf-8">', `<meta charset="utf-8">${PROBE}`);
      }
      // As deploy/nginx does for everything but the page itself: a frame sandboxed without
      // allow-same-origin has an opaque origin, so its requests for the app's files are CORS ones.
      const cors = file.endsWith('.html') ? {} : { 'access-control-allow-origin': '*' };
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', ...cors });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  self = `http://127.0.0.1:${server.address().port}`;
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A fresh page (fresh storage) that fails the test on any console error or page crash (and keeps
 * console warnings in `page.warnings`). `ready` is
 * the selector that says the app has drawn (by default the start screen's quiz buttons).
 */
export async function openPage(browser, url, { width = 1280, height = 900, init, permissions = [], ready = '[data-testid^="open-"]' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, permissions });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  page.errors = [];
  page.warnings = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') page.errors.push(m.text());
    if (m.type() === 'warning') page.warnings.push(m.text());
  });
  await page.goto(url);
  await page.waitForSelector(ready);
  return page;
}

/**
 * Answers every question by clicking option `pick(step, optionCount)` then Next, until the result
 * shows. A negative pick counts from the end (-1 = the last option); `null` skips an optional
 * question.
 */
export async function answerAll(page, pick = () => 0, { stopAt = Infinity } = {}) {
  for (let step = 0; step < 100; step++) {
    if (await page.locator('[data-testid="result"]').count()) return step;
    if (step >= stopAt) return step;
    const options = page.locator('[role="radiogroup"] label');
    await options.first().waitFor();
    const n = await options.count();
    const choice = await pick(step, n);
    if (choice !== null) {
      await options.nth(((choice % n) + n) % n).click();
    }
    const before = await page.locator('[data-testid="count"]').textContent();
    await page.locator('form button[type="submit"]').click();
    await page.waitForFunction(
      (b) => document.querySelector('[data-testid="result"]') || document.querySelector('[data-testid="count"]')?.textContent !== b,
      before,
    );
  }
  throw new Error('quiz never ended');
}

/**
 * A pick for `answerAll` that answers by question id: `answers` maps a question id to an option id
 * (`null` skips an optional question); any other question gets the option at `fallback`.
 */
export function byId(page, answers, fallback = 0) {
  return async () => {
    const inputs = page.locator('[role="radiogroup"] input');
    const id = (await inputs.first().getAttribute('name')).replace(/^q-/, '');
    if (!(id in answers)) return fallback;
    if (answers[id] === null) return null;
    const values = await inputs.evaluateAll((els) => els.map((e) => e.value));
    const at = values.indexOf(answers[id]);
    if (at < 0) throw new Error(`${id} has no option ${answers[id]} (${values})`);
    return at;
  };
}

/**
 * A pick for `answerAll`: the worst answer of each pair (the last option that is not "don't know
 * yet"), skipping the optional temperament questions.
 */
export function worst(page) {
  return async () => {
    if (await page.locator('.cf-badge').count()) return null;
    const values = await page.locator('[role="radiogroup"] input').evaluateAll((els) => els.map((e) => e.value));
    return values.filter((v) => v !== 'unknown').length - 1;
  };
}
