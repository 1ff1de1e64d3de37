// The three browser engines, driven over WebDriver by selenium-webdriver (pinned in
// package-lock.json): Debian's Chromium (chromedriver), Firefox ESR (geckodriver, built from
// crates.io by scripts/tools.sh) and WebKitGTK (WebKitWebDriver driving MiniBrowser, under Xvfb
// because MiniBrowser has no headless mode). Each driver is started here on a free port and
// stopped with its whole process group.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { existsSync, readdirSync } from 'node:fs';
import { Builder } from 'selenium-webdriver';

// Debian installs it under the architecture's library folder (x86_64-linux-gnu, aarch64-linux-gnu, …).
const MINIBROWSER = process.env.MINIBROWSER ?? readdirSync('/usr/lib')
  .map((arch) => `/usr/lib/${arch}/webkit2gtk-4.1/MiniBrowser`)
  .find((path) => existsSync(path)) ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const cargoBin = (name) => `${process.env.CARGO_HOME ?? `${process.env.HOME}/.cargo`}/bin/${name}`;

export const ENGINES = {
  chromium: {
    driver: (port) => ['chromedriver', [`--port=${port}`]],
    capabilities: {
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: process.env.CHROMIUM ?? '/usr/bin/chromium',
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
          '--disable-background-networking', '--disable-component-update', '--disable-sync', '--window-size=1100,900'],
      },
    },
  },
  firefox: {
    driver: (port) => [existsSync(cargoBin('geckodriver')) ? cargoBin('geckodriver') : 'geckodriver', ['--port', String(port)]],
    capabilities: {
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
        args: ['-headless', '-width=1100', '-height=900'],
        // No update checks, telemetry or remote settings: the tests see only the page's requests.
        prefs: {
          'app.update.enabled': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'toolkit.telemetry.enabled': false,
          'browser.shell.checkDefaultBrowser': false,
        },
      },
    },
  },
  webkit: {
    driver: (port) => ['xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', 'WebKitWebDriver', `--port=${port}`]],
    capabilities: {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    },
  },
};

/** The engines to run: `ENGINES=firefox,webkit` narrows them; all three by default. */
export function selectedEngines() {
  const names = (process.env.ENGINES ?? Object.keys(ENGINES).join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of names) {
    if (!ENGINES[name]) throw new Error(`unknown engine ${name}; known: ${Object.keys(ENGINES).join(', ')}`);
  }
  return names;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForDriver(port, child, log) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the driver exited with ${child.exitCode}:\n${log.join('')}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`the driver did not answer on port ${port}:\n${log.join('')}`);
}

/** Starts `name`'s driver and one browser session; `stop()` ends both. */
export async function startEngine(name) {
  const engine = ENGINES[name];
  const port = await freePort();
  const [command, args] = engine.driver(port);
  const log = [];
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout.on('data', (d) => log.push(String(d)));
  child.stderr.on('data', (d) => log.push(String(d)));
  const killGroup = () => { try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ } };
  try {
    await waitForDriver(port, child, log);
    const driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(engine.capabilities).build();
    await driver.manage().setTimeouts({ script: 30000, pageLoad: 60000 });
    return {
      driver,
      async stop() {
        try { await driver.quit(); } finally { killGroup(); }
      },
    };
  } catch (e) {
    killGroup();
    throw e;
  }
}
