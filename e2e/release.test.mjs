// The release as an agency hosts it: built for /tools/client-fit/ (scripts/release.sh, run by
// scripts/test.sh into target/release-sub), served by Debian's nginx with the README's
// deploy/nginx/client-fit.conf, embedded by the README's snippet with Subresource Integrity.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, answerAll } from './helpers.mjs';
import { POLICY, addOrigin } from '../scripts/postbuild.mjs';
import { PREFIX, freePort, startNginx } from '../scripts/nginx.mjs';

const repo = fileURLToPath(new URL('../', import.meta.url));
const release = process.env.RELEASE_DIR ?? join(repo, 'target/release-sub');

let nginx, origin, hostOrigin, dir, browser;
const accessLog = async () => (await readFile(join(dir, 'access.log'), 'utf8')).trim().split('\n').filter(Boolean)
  .map((line) => { const [method, uri, status, bytes, encoding] = line.split(' '); return { method, uri, status: Number(status), bytes: Number(bytes), encoding }; });

/** A page in a fresh context, not navigated yet, collecting console errors and page crashes. */
async function blankPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return { context, page, errors };
}

before(async () => {
  await stat(join(release, 'index.html')).catch(() => {
    throw new Error(`no release in ${release}: run scripts/release.sh ${PREFIX} ${release}`);
  });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // The host page is another origin (localhost), as an agency's site embedding a widget hosted
  // elsewhere would be: the loader needs CORS for its integrity check, the frame frame-ancestors.
  hostOrigin = `http://localhost:${port}`;
  const readme = await readFile(join(repo, 'README.md'), 'utf8');
  const snippet = readme.match(/<!-- sri-snippet -->\s*```html\n([\s\S]*?)```/)?.[1];
  assert.ok(snippet, 'README has the SRI snippet between its markers');
  const host = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host</title></head><body><h1>An agency page</h1>\n${snippet.replaceAll('https://YOUR-SITE', origin)}</body></html>`;
  // The README's location block, with the embedding site added to frame-ancestors, as its
  // comment asks.
  nginx = await startNginx({ release, port, frameAncestors: [hostOrigin], siteFiles: { 'host.html': host } });
  dir = nginx.dir;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  nginx?.stop();
});

test('served by nginx under a subfolder: compressed wasm, the policy header, a quiz to the end, a cached reload', async () => {
  const { context, page, errors } = await blankPage();
  const responses = new Map();
  page.on('response', (r) => responses.set(new URL(r.url()).pathname, r));

  const before = (await accessLog()).length;
  // The agency name and contact this release allows (scripts/test.sh builds it with AGENCY and
  // CONTACTS, as `make release` would), passed as a link would.
  await page.goto(`${origin}${PREFIX}?agency=Acme%20Digital&contact=${encodeURIComponent('https://acme.example/brief')}`);
  await page.waitForSelector('[data-testid="open-client"]');
  const wasm = [...responses.entries()].find(([path]) => path.endsWith('_bg.wasm'));
  assert.ok(wasm, 'the wasm was fetched');
  assert.ok(wasm[0].startsWith(PREFIX), `under the subfolder: ${wasm[0]}`);
  const wasmHeaders = await wasm[1].allHeaders();
  assert.equal(wasmHeaders['content-type'], 'application/wasm');
  assert.match(wasmHeaders['content-encoding'] ?? '', /^(br|gzip)$/, 'served compressed');
  assert.match(wasmHeaders['cache-control'], /immutable/);
  const pageHeaders = await responses.get(PREFIX).allHeaders();
  assert.equal(pageHeaders['cache-control'], 'no-cache');
  assert.equal(pageHeaders['referrer-policy'], 'no-referrer');
  assert.equal(pageHeaders['cross-origin-opener-policy'], 'same-origin');
  assert.match(pageHeaders['permissions-policy'], /camera=\(\), geolocation=\(\).*microphone=\(\)/);
  assert.equal(pageHeaders['content-security-policy'], `${POLICY}; frame-ancestors 'self' ${hostOrigin}`, 'the header is the policy index.html carries');
  assert.equal(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content'), POLICY);
  assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script');

  await page.click('[data-testid="open-client"]');
  await answerAll(page, () => 0);
  assert.equal(await page.getAttribute('[data-testid="result"]', 'data-band'), 'partner');
  // Vouched for by the release's allow-list: no host in the label, and the share link carries it.
  assert.equal((await page.textContent('[data-testid="send-result"]')).trim(), 'Send my result to Acme Digital');
  const shared = new URL(await page.inputValue('[data-testid="share-link"]'));
  assert.equal(shared.searchParams.get('contact'), 'https://acme.example/brief');
  const firstVisit = (await accessLog()).slice(before);

  await page.reload();
  await page.waitForSelector('[data-testid="result"]');
  const reload = (await accessLog()).slice(before + firstVisit.length);
  const hashed = (entries) => entries.filter((e) => /-[0-9a-f]{10,16}(_bg)?\.(js|css|wasm)$/.test(e.uri));
  assert.ok(hashed(firstVisit).length >= 4, `hashed files on the first visit: ${JSON.stringify(firstVisit)}`);
  assert.deepEqual(hashed(reload), [], 'a reload takes the hashed files from the cache');
  assert.ok(reload.some((e) => e.uri.startsWith(PREFIX) && [200, 304].includes(e.status)), 'the page itself is revalidated');
  assert.deepEqual(errors, []);
  const sum = (entries) => entries.reduce((n, e) => n + e.bytes, 0);
  console.log(`# transfer (bytes sent by nginx, Chromium's encodings ${[...new Set(firstVisit.map((e) => e.encoding))].join('/')}): ` +
    `first visit ${sum(firstVisit)} in ${firstVisit.length} requests; reload ${sum(reload)} in ${reload.length}`);
  for (const e of [...firstVisit, ...reload]) console.log(`#   ${e.status} ${e.uri} ${e.bytes} ${e.encoding}`);
  await context.close();
});

test('the release carries its allow-list and no demo page', async () => {
  const index = await readFile(join(release, 'index.html'), 'utf8');
  assert.match(index, /<meta name="client-fit-agency" content="Acme Digital">/);
  assert.match(index, /<meta name="client-fit-contact" content="https:\/\/acme.example">/);
  for (const demo of ['embed-demo.html', 'embed-demo.js']) {
    assert.equal((await fetch(`${origin}${PREFIX}${demo}`)).status, 404, demo);
  }
});

test('nginx sends the pre-compressed files: brotli, gzip, or the plain file', async () => {
  const index = await readFile(join(release, 'index.html'), 'utf8');
  const wasmPath = index.match(/href="([^"]*_bg\.wasm)"/)[1];
  const file = join(release, wasmPath.slice(PREFIX.length));
  for (const [accept, encoding, onDisk] of [['br', 'br', `${file}.br`], ['gzip', 'gzip', `${file}.gz`], ['identity', null, file]]) {
    const response = await fetch(`${origin}${wasmPath}`, { headers: { 'accept-encoding': accept } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-encoding'), encoding, accept);
    assert.equal(response.headers.get('content-type'), 'application/wasm');
    if (encoding) assert.match(response.headers.get('vary') ?? '', /Accept-Encoding/i);
    // fetch decodes the body; its length on the wire is the pre-compressed file's.
    assert.equal(Number(response.headers.get('content-length')), (await stat(onDisk)).size, `${accept}: sent as written`);
    await response.arrayBuffer();
  }
});

test("the README's snippet, on another origin, loads the hashed loader with Subresource Integrity from nginx", async () => {
  const { context, page, errors } = await blankPage();
  await context.addInitScript(() => document.addEventListener('client-fit:ready', () => { window.cfReady = true; }));
  await page.goto(`${hostOrigin}/host.html`);
  // A loader whose bytes differ from the snippet's hash is blocked: no frame, no event.
  await page.waitForFunction(() => window.cfReady === true, null, { timeout: 15000 }).catch(() => {
    throw new Error(`the widget never said ready: ${errors.join('\n')}`);
  });
  const frame = page.frameLocator('iframe[title]');
  await frame.locator('[role="radiogroup"] label').first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a frame sandboxed without allow-same-origin loads the release from nginx, in Russian, and completes a quiz in memory', async () => {
  // An opaque origin: every request of the frame (scripts, the wasm, the stylesheet with its
  // integrity, the Russian catalog) is a CORS request, which the README's nginx block answers.
  const { context, page, errors } = await blankPage();
  await page.goto(`${hostOrigin}/host.html`);
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.id = 'boxed';
    f.src = src;
    f.setAttribute('sandbox', 'allow-scripts allow-forms');
    f.style.cssText = 'width:900px;height:800px;border:0';
    document.body.appendChild(f);
  }, `${origin}${PREFIX}?quiz=client&lang=ru`);
  const frame = (await (await page.waitForSelector('#boxed')).contentFrame());
  // Polled on a timer: polled on animation frames, this wait missed a drawn question in 2 of 5 runs.
  await frame.waitForFunction(() => document.documentElement.lang === 'ru' && document.querySelector('[role="radiogroup"]'), null, { timeout: 20000, polling: 100 })
    .catch(() => { throw new Error(`the sandboxed frame never showed a Russian question: ${errors.join('\n')}`); });
  assert.match(await frame.textContent('[data-testid="notice"]'), /[а-яё]/i, 'the storage notice, in Russian');
  const styled = await frame.$eval('.cf-primary', (b) => getComputedStyle(b).backgroundColor);
  assert.notEqual(styled, 'rgba(0, 0, 0, 0)', 'the stylesheet loaded');
  await answerAll(frame, () => 0);
  assert.equal(await frame.getAttribute('[data-testid="result"]', 'data-band'), 'partner');
  assert.deepEqual(errors, []);
  await context.close();
});

test("ORIGIN names the deployment's origin after every 'self' of the policy, and nothing else", () => {
  const page = `<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${POLICY}">`;
  const out = addOrigin(page, 'https://quiz.acme.example');
  const policy = out.match(/content="([^"]*)"/)[1];
  const selfCount = POLICY.split("'self'").length - 1;
  assert.ok(selfCount > 3);
  assert.equal(policy.split("'self' https://quiz.acme.example").length - 1, selfCount);
  assert.equal(policy.replaceAll(" https://quiz.acme.example", ''), POLICY);
  assert.equal(addOrigin(page, ''), page);
  assert.match(addOrigin(page, 'http://127.0.0.1:8080/'), /'self' http:\/\/127\.0\.0\.1:8080;/);
  for (const bad of ['quiz.acme.example', 'https://quiz.acme.example/tools/', 'javascript:alert(1)', "https://a.example; script-src *", 'https://a.example" onload="x']) {
    assert.throws(() => addOrigin(page, bad), /ORIGIN must be an origin/, bad);
  }
});
