#!/usr/bin/env bash
# Installs what is missing, then runs every check: format, lints, native tests (logic, reducer,
# SSR renders), a bounded fuzz run of every decoder of outside data, the release build (at / and
# under a subfolder) with its size check, and the browser end-to-end tests: all of them in headless
# Chromium (the subfolder one via nginx), the journeys of e2e/engines.test.mjs also in Firefox ESR
# and WebKitGTK, and e2e/phones.test.mjs at two phone sizes with touch.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/tools.sh test
export PATH="$root/tools/node_modules/.bin:$PATH"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format";          cargo fmt --all --check
step "lints";           cargo clippy --workspace --all-targets --locked -- -D warnings
step "lints (wasm32)";  cargo clippy --target wasm32-unknown-unknown --workspace --lib --bins --locked -- -D warnings
step "native tests";    cargo test --workspace --locked
step "fuzz (bounded)"
# A whole catalog is 60-90 KB, so fewer of those runs fit the same time.
for target in share_link:300000 config:300000 stored:300000 drafts:300000 desk_file:300000 agreement:300000 catalog:10000; do
  cargo run --profile fuzz --locked -p client-fit-core --example fuzz -- "${target%%:*}" --runs "${target##*:}"
done
step "release build (the quizzes, the desk, the sheet)";   scripts/build.sh --release
step "sizes";           scripts/sizes.sh dist --check
# The release as an agency hosts it, under a subfolder: e2e/release.test.mjs serves it with nginx.
step "release build for /tools/client-fit/"
AGENCY="Acme Digital" CONTACTS="https://acme.example mailto:hello@acme.example" \
  scripts/release.sh /tools/client-fit/ "$root/target/release-sub"
step "browser tests (Chromium; the journeys also in Firefox ESR and WebKitGTK)"
(cd e2e && npm test)
