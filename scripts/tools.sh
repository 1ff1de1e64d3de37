#!/usr/bin/env bash
# Installs, idempotently, every tool the build and the tests need.
# Usage: scripts/tools.sh [serve|test|bench]   ("test" adds the browsers and the e2e drivers;
# "bench" adds Lighthouse from tools/bench/package-lock.json for scripts/bench-vs-surveyjs.sh)
#
# Versions: trunk and the lock fix here; wasm-bindgen from Cargo.lock (Trunk.toml must agree);
# wasm-opt from tools/package-lock.json (Trunk.toml names its version_N and Trunk checks it,
# offline); playwright-core and selenium-webdriver from e2e/package-lock.json; geckodriver here.
set -euo pipefail

TRUNK_VERSION=0.21.14          # 0.22 needs rustc 1.96
GECKODRIVER_VERSION=0.37.1     # Firefox's WebDriver server; its npm package downloads a binary, so crates.io
WEBPKI_ROOTS_FIX=1.0.10        # wasm-bindgen-cli's own lock pins a webpki-roots the registry lacks
# Debian's nginx and its brotli_static module (the release test; scripts/nginx.mjs reads this path too)
NGINX_BROTLI_MODULE=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so

root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.tools"
mkdir -p "$tools"
say() { printf '\033[1m[tools]\033[0m %s\n' "$*"; }
trunk_tool() { sed -n "s/^$1 = \"\(.*\)\"/\1/p" "$root/Trunk.toml"; }

WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' "$root/Cargo.lock")
if [ "$(trunk_tool wasm_bindgen)" != "$WASM_BINDGEN_VERSION" ]; then
  echo "Trunk.toml [tools] wasm_bindgen must equal Cargo.lock's wasm-bindgen $WASM_BINDGEN_VERSION" >&2
  exit 1
fi
# Debian's binaryen 108 cannot read current Rust wasm output; npm's binaryen N prints version_N.
WASM_OPT=$(trunk_tool wasm_opt)

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)"
  if ! cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked --force 2>"$tools/wbg.err"; then
    crate=$(find "${CARGO_HOME:-$HOME/.cargo}/registry/cache" -name "wasm-bindgen-cli-$WASM_BINDGEN_VERSION.crate" | head -n 1)
    [ -n "$crate" ] || { cat "$tools/wbg.err"; exit 1; }
    src="$tools/wasm-bindgen-cli-$WASM_BINDGEN_VERSION"
    rm -rf "$src" && tar -xzf "$crate" -C "$tools"
    (cd "$src" && cargo update -p webpki-roots --precise "$WEBPKI_ROOTS_FIX" && cargo install --path . --locked --force)
  fi
fi

export PATH="$root/tools/node_modules/.bin:$PATH"
if [ "$(wasm-opt --version 2>/dev/null | grep -o 'version_[0-9]*')" != "$WASM_OPT" ] \
  || [ ! -d "$root/tools/node_modules/terser" ] || [ ! -d "$root/tools/node_modules/csso" ]; then
  say "installing wasm-opt (npm binaryen) and the minifiers (terser, csso), from tools/package-lock.json"
  (cd "$root/tools" && npm ci --no-audit --no-fund >/dev/null)
  if [ "$(wasm-opt --version | grep -o 'version_[0-9]*')" != "$WASM_OPT" ]; then
    echo "tools/package.json's binaryen does not print Trunk.toml's $WASM_OPT" >&2
    exit 1
  fi
fi

mode=${1:-serve}
if [ "$mode" = test ] || [ "$mode" = bench ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v brotli >/dev/null || ! command -v pdftotext >/dev/null \
    || ! command -v nginx >/dev/null || [ ! -f "$NGINX_BROTLI_MODULE" ]; then
    say "installing Debian chromium, chromium-driver, brotli, poppler-utils (pdftotext, print test), nginx + brotli_static (release test)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver brotli poppler-utils nginx libnginx-mod-http-brotli-static >/dev/null
  fi
  # The other two engines: Firefox ESR (driven by geckodriver) and WebKitGTK (WebKitWebDriver
  # drives MiniBrowser, which needs a display: Xvfb).
  if ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null || ! command -v xvfb-run >/dev/null; then
    say "installing Debian firefox-esr, webkit2gtk-driver and xvfb (the Firefox and WebKit browser tests)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr webkit2gtk-driver xvfb >/dev/null
  fi
  if [ "$(geckodriver --version 2>/dev/null | head -n 1 | cut -d' ' -f2)" != "$GECKODRIVER_VERSION" ]; then
    say "installing geckodriver $GECKODRIVER_VERSION from crates.io (a few minutes)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --force
  fi
  if [ ! -d "$root/e2e/node_modules/playwright-core" ] || [ ! -d "$root/e2e/node_modules/axe-core" ] \
    || [ ! -d "$root/e2e/node_modules/selenium-webdriver" ]; then
    say "installing the e2e drivers (playwright-core, selenium-webdriver) and axe-core from e2e/package-lock.json"
    (cd "$root/e2e" && npm ci --no-audit --no-fund >/dev/null)
  fi
fi
if [ "$mode" = bench ] && [ ! -d "$root/tools/bench/node_modules/lighthouse" ]; then
  say "installing Lighthouse from tools/bench/package-lock.json (benchmarks only)"
  (cd "$root/tools/bench" && npm ci --no-audit --no-fund >/dev/null)
fi
cargo fetch --locked --quiet
