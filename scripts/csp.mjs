// Trunk post-build hook: adds a Content-Security-Policy to the built index.html. Trunk's loader is
// an inline module script whose text changes with every build (it names the hashed files), so the
// policy allows exactly the inline scripts Trunk wrote, by SHA-256, and nothing else inline: no
// other origin, no inline style, WebAssembly allowed ('wasm-unsafe-eval').
// Usage: Trunk.toml runs it after each build on $TRUNK_STAGING_DIR/index.html.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const file = process.argv[2] ?? `${process.env.TRUNK_STAGING_DIR}/index.html`;
const html = readFileSync(file, 'utf8');
// Inline scripts: Trunk's loader, and under `trunk serve` its live-reload client.
const scripts = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (scripts.length === 0) {
  console.error(`csp.mjs: no inline loader script in ${file}; has Trunk's output changed?`);
  process.exit(1);
}
const hashes = scripts.map((s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`).join(' ');
const policy = [
  "default-src 'self'",
  `script-src 'self' ${hashes} 'wasm-unsafe-eval'`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
const out = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '').replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  ${meta}`);
if (!out.includes(meta)) {
  console.error('csp.mjs: no <meta charset="utf-8"> to put the policy after');
  process.exit(1);
}
writeFileSync(file, out);
