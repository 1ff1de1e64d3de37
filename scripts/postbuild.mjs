// Trunk post-build hook (Trunk.toml), run on $TRUNK_STAGING_DIR after every build:
//  1. moves Trunk's inline loader into a hashed file, so the page has no inline script at all and
//     the Content-Security-Policy is the same for every build (a server can send it as a header);
//  2. writes that policy into index.html (`POLICY` below; the nginx example sends the same);
//  3. adds a content-hashed copy of the embed loader (minified for release builds), for a
//     snippet with Subresource Integrity;
//  4. for release builds, minifies the JavaScript glue (terser) and the stylesheet (csso), keeping
//     their names and updating their integrity in index.html, then writes .br and .gz beside every
//     text or wasm file, for servers that serve pre-compressed files (nginx gzip_static /
//     brotli_static);
//  5. for `make release`, writes the deployment's allow-list (CLIENT_FIT_AGENCIES, names
//     separated by `|`; CLIENT_FIT_CONTACTS, destinations separated by spaces) into index.html as
//     <meta name="client-fit-agency|client-fit-contact"> and leaves out the embedding demo; with
//     CLIENT_FIT_ORIGIN, names the deployment's origin next to 'self' in the policy (`addOrigin`).
// Hashed names are `<name>-<hex>.<ext>` like Trunk's own (Trunk writes up to 16 hex digits, not
// zero-padded), so one rule, `-[0-9a-f]{10,16}`, caches them all.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync, statSync, rmSync, realpathSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

export const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const fail = (why) => {
  console.error(`postbuild.mjs: ${why}`);
  process.exit(1);
};
const digest = (algo, data, enc) => createHash(algo).update(data).digest(enc);
/** `name-<16 hex of sha256>.ext` for `data`. */
export const hashedName = (name, ext, data) => `${name}-${digest('sha256', data, 'hex').slice(0, 16)}.${ext}`;
export const integrity = (data) => `sha384-${digest('sha384', data, 'base64')}`;

function moveLoaderToFile(dir, html, name, prelude, firstFrame) {
  const inline = /<script type="module">([\s\S]*?)<\/script>/;
  const found = html.match(inline);
  if (!found) fail('no inline module loader in index.html; has Trunk\'s output changed?');
  const code = withPrelude(found[1].trim() + '\n', prelude, firstFrame);
  // The loader imports the bindings by absolute path, which carries the public URL.
  const base = found[1].match(/from '([^']*\/)[^'/]+\.js'/)?.[1] ?? fail('cannot read the public URL from the loader');
  const file = hashedName(name, 'js', code);
  writeFileSync(join(dir, file), code);
  const tag = `<script type="module" src="${base}${file}" integrity="${integrity(code)}" crossorigin="anonymous"></script>`;
  return html.replace(inline, tag);
}

/**
 * `prelude` (boot/loading.js, and boot/first-frame.js for index.html) run first in the start-up
 * script. Trunk's script imports the bindings statically, which would hold the prelude until the
 * JavaScript glue has arrived; the import becomes a dynamic one after it (the glue is
 * modulepreloaded either way), and with a first frame (index.html) the app starts once the
 * prelude's `firstFrameShown` has settled. Not a file of its own with `blocking="render"`:
 * Lighthouse counts that as render-blocking, and Chromium takes the app's start screen, drawn
 * anew, as the largest paint all the same.
 */
function withPrelude(code, prelude, firstFrame) {
  if (!prelude) return code;
  const statically = /^import init, \* as bindings from ('[^']+');$/m;
  if (!statically.test(code)) fail('the start-up script no longer imports `init, * as bindings`; has Trunk\'s output changed?');
  if (firstFrame && !/\bconst firstFrameShown\b/.test(prelude)) fail('the prelude no longer defines firstFrameShown');
  const wait = firstFrame ? 'await firstFrameShown;\n' : '';
  return `${prelude.trim()}\n${wait}${code.replace(statically, 'const bindings = await import($1);\nconst init = bindings.default;')}`;
}

function addPolicy(html) {
  // Under `trunk serve` Trunk adds a live-reload script later, inline; it is allowed by its hash.
  const rest = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const policy = rest.length === 0 ? POLICY : POLICY.replace("script-src 'self'", `script-src 'self' ${rest.map((s) => `'sha256-${digest('sha256', s, 'base64')}'`).join(' ')}`);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const out = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '').replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  ${meta}`);
  if (!out.includes(meta)) fail('no <meta charset="utf-8"> to put the policy after');
  return out;
}

const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The deployment's agency names and contact destinations, as meta elements after the policy. */
export function addAllowList(html, agencies, contacts) {
  const metas = [
    ...agencies.map((a) => `<meta name="client-fit-agency" content="${escapeAttr(a)}">`),
    ...contacts.map((c) => `<meta name="client-fit-contact" content="${escapeAttr(c)}">`),
  ];
  const clean = html.replace(/<meta name="client-fit-(agency|contact)"[^>]*>\s*/g, '');
  if (metas.length === 0) return clean;
  const out = clean.replace(/(<meta http-equiv="Content-Security-Policy"[^>]*>)/, `$1\n  ${metas.join('\n  ')}`);
  if (out === clean) fail('no policy meta to put the allow-list after');
  return out;
}

const tools = createRequire(fileURLToPath(new URL('../tools/', import.meta.url)));

/**
 * The names between the wasm and its JavaScript glue shortened to one or two characters by
 * wasm-opt's `--minify-imports-and-exports-and-modules`, and the glue renamed to match: the
 * imports (`__wbg_<name>_<16 hex digits>`, about 7.8 KB, a quarter of it random digits that
 * compress to nothing), their module name and the exports. The producers and target-features
 * sections, which no browser reads, go too. Every name must be found in the glue, or the build
 * fails (and the browser tests start the app from the result).
 */
function minifyWasmNames(dir, wasm, glue) {
  const wasmPath = join(dir, wasm);
  const gluePath = join(dir, glue);
  const modulesOf = (path) => new Set(WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(path))).map((i) => i.module));
  const [before, ...others] = modulesOf(wasmPath);
  if (!before || others.length > 0) fail(`${wasm} imports from ${[before, ...others].join(', ')}; expected one module`);
  const bin = fileURLToPath(new URL('../tools/node_modules/.bin/wasm-opt', import.meta.url));
  const out = execFileSync(bin, [wasmPath, '--minify-imports-and-exports-and-modules', '--strip-producers', '--strip-target-features', '-o', wasmPath], { encoding: 'utf8' });
  let map;
  try {
    map = JSON.parse(out.slice(out.indexOf('{')));
  } catch {
    fail(`wasm-opt printed no mapping for ${wasm}`);
  }
  const [after] = modulesOf(wasmPath);
  const literal = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let code = readFileSync(gluePath, 'utf8');
  const rename = (pattern, to, what) => {
    const renamed = code.replace(pattern, () => to);
    if (renamed === code) fail(`the glue ${glue} has no ${what}`);
    code = renamed;
  };
  rename(new RegExp(`(["'])${literal(before)}\\1`, 'g'), `"${after}"`, `import module named ${before}`);
  // An import is a key of the glue's import object (`name:` or `name(`).
  for (const [, from, to] of map.imports) rename(new RegExp(`(?<![\\w$])${literal(from)}(?=\\s*[:(])`, 'g'), to, `import named ${from}`);
  // An export is read as a property of the instance's exports (`wasm.name`); the wasm's own
  // `main` and abort hooks are not read by the glue.
  for (const [from, to] of map.exports) {
    const read = new RegExp(`(?<=\\.)${literal(from)}(?![\\w$])`, 'g');
    if (read.test(code)) rename(read, to, `export named ${from}`);
  }
  writeFileSync(gluePath, code);
}

/** `code` minified by terser; `module` for an ES module. */
async function minifyScript(code, module) {
  const out = (await tools('terser').minify(code, { module, compress: true, mangle: true })).code;
  if (!out) fail('minifying a script gave nothing');
  return out;
}

/**
 * Minifies Trunk's JavaScript glue and stylesheet in place (tools/node_modules: terser, csso) and
 * puts their new integrity into `html`, with the wasm's after its imports were shortened
 * (`minifyWasmNames`). Their hashed names stay: they follow the sources.
 */
async function minifyAssets(dir, html) {
  const csso = tools('csso');
  let out = html;
  for (const name of readdirSync(dir)) {
    const glue = name.replace(/_bg\.wasm$/, '.js');
    if (glue === name || !/^client-fit-(desk-|sheet-)?[0-9a-f]+\.js$/.test(glue)) continue;
    minifyWasmNames(dir, name, glue);
    const tag = new RegExp(`(<link[^>]*href="[^"]*/${name.replace('.', '\\.')}"[^>]*integrity=")[^"]*(")`);
    if (!tag.test(out)) fail(`no <link> with the integrity of ${name} in index.html`);
    out = out.replace(tag, `$1${integrity(readFileSync(join(dir, name)))}$2`);
  }
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    let code;
    if (/^client-fit-(desk-|sheet-)?[0-9a-f]+\.js$/.test(name)) {
      code = await minifyScript(readFileSync(path, 'utf8'), true);
    } else if (/^(app|desk)-[0-9a-f]+\.css$/.test(name)) {
      code = csso.minify(readFileSync(path, 'utf8')).css;
    } else {
      continue;
    }
    if (!code) fail(`minifying ${name} gave nothing`);
    writeFileSync(path, code);
    const tag = new RegExp(`(<link[^>]*href="[^"]*/${name.replace('.', '\\.')}"[^>]*integrity=")[^"]*(")`);
    if (!tag.test(out)) fail(`no <link> with the integrity of ${name} in index.html`);
    out = out.replace(tag, `$1${integrity(code)}$2`);
  }
  return out;
}

/**
 * Trunk's stylesheet link carries an integrity but no `crossorigin`. A frame sandboxed without
 * `allow-same-origin` has an opaque origin, so every request it makes is cross-origin: a no-cors
 * stylesheet with an integrity is then blocked. With `crossorigin="anonymous"` (and the server's
 * `Access-Control-Allow-Origin`, deploy/nginx) it loads there, and same-origin pages see no change.
 */
export function corsStylesheet(html) {
  return html.replace(/<link rel="stylesheet"(?![^>]*crossorigin)([^>]*integrity="[^"]*")/g, '<link rel="stylesheet" crossorigin="anonymous"$1');
}

/**
 * The deployment's own origin (`make release ORIGIN=https://quiz.acme.example`) written next to
 * every 'self' of the policy. WebKit (Safari, every iPhone browser; fixed upstream in 2026-06,
 * webkit.org bug 316847) resolves 'self' against the opaque origin of a frame sandboxed without
 * allow-same-origin, which matches nothing: the page's own scripts and stylesheet are refused
 * and the quiz never starts. Naming the origin adds no new trusted source.
 */
export function addOrigin(html, origin) {
  if (!origin) return html;
  const bad = new Error(`ORIGIN must be an origin like https://quiz.acme.example (scheme, host, port; no path), not ${JSON.stringify(origin)}`);
  let url;
  try {
    url = new URL(origin);
  } catch {
    throw bad;
  }
  if (!/^https?:$/.test(url.protocol) || url.origin !== origin.replace(/\/$/, '')) throw bad;
  const tag = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/;
  if (!tag.test(html)) throw new Error('no policy meta to add the origin to');
  return html.replace(tag, (_, open, policy, close) => `${open}${policy.replace(/'self'/g, `'self' ${url.origin}`)}${close}`);
}

/**
 * The embed loader, minified for a release (terser; its `/*!` line stays) and copied under a
 * content-hashed name for the Subresource Integrity snippet.
 */
async function hashEmbedLoader(dir, release) {
  if (!existsSync(join(dir, 'client-fit.js'))) return;
  if (release) {
    const tools = createRequire(fileURLToPath(new URL('../tools/', import.meta.url)));
    const { minify } = tools('terser');
    const source = readFileSync(join(dir, 'client-fit.js'), 'utf8');
    const out = await minify(source, { compress: true, mangle: true, format: { comments: /^!/ } });
    if (!out.code) fail('minifying client-fit.js gave nothing');
    writeFileSync(join(dir, 'client-fit.js'), out.code);
  }
  const code = readFileSync(join(dir, 'client-fit.js'));
  for (const old of readdirSync(dir).filter((f) => /^client-fit-loader-[0-9a-f]{16}\.js$/.test(f))) rmSync(join(dir, old));
  writeFileSync(join(dir, hashedName('client-fit-loader', 'js', code)), code);
}

function precompress(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      precompress(path);
      continue;
    }
    if (!/\.(html|js|css|wasm|json|svg|txt)$/.test(name)) continue;
    const data = readFileSync(path);
    writeFileSync(`${path}.br`, brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }));
    writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
  }
}

// Run as a script (Trunk), not imported (the release test imports POLICY). Real paths on both
// sides: a checkout path with spaces or a symlink must not turn the hook into a silent no-op.
const main = process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (main) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? fail('no staging dir');
  // The page this run built: index.html (the quizzes), desk.html or sheet.html (scripts/build.sh), whose
  // boot file is named apart so that a folder holding both pages tells them by name.
  const page = basename(process.env.TRUNK_HTML_FILE ?? 'index.html');
  const index = join(dir, page);
  const boot = page === 'index.html' ? 'boot' : `boot-${page.replace(/\.html$/, '')}`;
  const split = (v, sep) => (v ?? '').split(sep).map((x) => x.trim()).filter(Boolean);
  const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
  // Every page words its "Loading…" line in the reader's language (boot/loading.js); the quizzes'
  // page also shows its start screen before the app has loaded, when it can (boot/first-frame.js).
  // Minified for release.
  const boots = ['loading.js', ...(page === 'index.html' ? ['first-frame.js'] : [])];
  let prelude = boots.map((f) => readFileSync(fileURLToPath(new URL(`../boot/${f}`, import.meta.url)), 'utf8')).join('\n');
  if (release) prelude = await minifyScript(prelude, false);
  let html = corsStylesheet(addPolicy(moveLoaderToFile(dir, readFileSync(index, 'utf8'), boot, prelude, page === 'index.html')));
  try {
    html = addOrigin(html, process.env.CLIENT_FIT_ORIGIN);
  } catch (e) {
    fail(e.message);
  }
  if (release) html = await minifyAssets(dir, html);
  writeFileSync(index, addAllowList(html, split(process.env.CLIENT_FIT_AGENCIES, '|'), split(process.env.CLIENT_FIT_CONTACTS, /\s+/)));
  await hashEmbedLoader(dir, release);
  // What an agency hosts carries no demo page of ours.
  if (process.env.CLIENT_FIT_RELEASE === '1') for (const f of ['embed-demo.html', 'embed-demo.js']) rmSync(join(dir, f), { force: true });
  if (release) precompress(dir);
}
