// Debian's nginx serving a release under /tools/client-fit/ with the README's
// deploy/nginx/client-fit.conf, as an agency hosts it. Used by e2e/release.test.mjs and
// scripts/bench-lighthouse.mjs.
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, readFile, writeFile, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PREFIX = '/tools/client-fit/';
const repo = fileURLToPath(new URL('../', import.meta.url));
// The same path as scripts/tools.sh's NGINX_BROTLI_MODULE.
const BROTLI = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

export async function freePort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

/**
 * Serves `release` (a folder built for PREFIX) at http://127.0.0.1:<port>PREFIX, with the README's
 * location block (its `root` pointed here) and `frameAncestors` added to its frame-ancestors.
 * `siteFiles` ({ 'host.html': text }) go to the site root. Resolves once nginx answers.
 */
export async function startNginx({ release, frameAncestors = [], siteFiles = {}, port }) {
  port ??= await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'client-fit-nginx-'));
  await mkdir(join(dir, 'site/tools'), { recursive: true });
  await symlink(release, join(dir, 'site/tools/client-fit'));
  for (const [name, text] of Object.entries(siteFiles)) await writeFile(join(dir, 'site', name), text);
  const example = await readFile(join(repo, 'deploy/nginx/client-fit.conf'), 'utf8');
  const ancestors = frameAncestors.map((o) => ` ${o}`).join('');
  const site = example.replace('root /var/www/example;', `root ${dir}/site;`)
    .replace("frame-ancestors 'self'\" always;", `frame-ancestors 'self'${ancestors}" always;`);
  if (!site.includes(`root ${dir}/site;`) || !site.includes(`'self'${ancestors}" always;`)) {
    throw new Error('deploy/nginx/client-fit.conf no longer names root /var/www/example and frame-ancestors');
  }
  await writeFile(join(dir, 'client-fit.conf'), site);
  await writeFile(join(dir, 'nginx.conf'), `
load_module ${BROTLI};
daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events {}
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  log_format cf '$request_method $uri $status $bytes_sent $sent_http_content_encoding';
  access_log ${dir}/access.log cf;
  client_body_temp_path ${dir}/tmp-body; proxy_temp_path ${dir}/tmp-proxy; fastcgi_temp_path ${dir}/tmp-fcgi;
  uwsgi_temp_path ${dir}/tmp-uwsgi; scgi_temp_path ${dir}/tmp-scgi;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/site;
    include ${dir}/client-fit.conf;
  }
}
`);
  const origin = `http://127.0.0.1:${port}`;
  const nginx = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise((_, fail) => nginx.once('exit', (code) => fail(new Error(`nginx exited (${code}); see ${dir}/error.log`))));
  for (let i = 0; ; i++) {
    const up = await Promise.race([fetch(`${origin}${PREFIX}`).then(() => true, () => false), exited]);
    if (up) break;
    if (i > 100) throw new Error('nginx did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  return { origin, port, dir, stop: () => nginx.kill('SIGQUIT') };
}
