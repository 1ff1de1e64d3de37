#!/usr/bin/env bash
# Measures Client Fit against the SurveyJS reference page of ../shared/bench in one interleaved
# run (load, first question visible, answering every question, slowest click-to-repaint, heap and
# wasm memory, bytes raw / gzip / brotli), at 1x and 4x CPU throttling, then the click figures by
# kind next to the floor a click that changes nothing measures. The reference asks Client
# Fit's own 33 client questions with the same option counts (scripts/bench-quiz.mjs).
# Writes bench-results/compare.md. Not part of `make test`.
# Usage: scripts/bench-vs-surveyjs.sh [runs]   (default 15; takes about 15 minutes)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-15}
work=$(mktemp -d)
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
"$root/scripts/tools.sh" test
export PATH="$root/tools/node_modules/.bin:$PATH"
cp -r "$root/../shared/bench/." "$work" && chmod -R u+w "$work"
node "$root/scripts/bench-quiz.mjs" "$root/content/questions.json" > "$work/src/quiz.js"
(cd "$work" && npm ci --no-audit --no-fund >/dev/null && node build.mjs >/dev/null)
(cd "$root" && trunk build --release --public-url /yew/ --dist "$work/dist/yew")
(cd "$work/dist" && exec python3 -m http.server 8765 --bind 127.0.0.1 >/dev/null 2>&1) &
server=$!
sleep 1
mkdir -p "$root/bench-results"
(cd "$work" && nice -n -10 node measure.mjs \
  http://127.0.0.1:8765/surveyjs/ '[data-name=q1]' \
  'http://127.0.0.1:8765/yew/?quiz=client' '[data-name=q1]' \
  "$runs" --answer --label "A SurveyJS" --label "B Client Fit") > "$root/bench-results/compare.md"
# The floor of the click figures: the same measure for clicks that change nothing, and Client
# Fit's clicks by kind (scripts/click-floor.mjs).
cp "$root/scripts/click-floor.mjs" "$work/"
{
  echo
  echo "## Click → next paint by kind, and the floor (4x CPU)"
  echo
  (cd "$work" && node click-floor.mjs http://127.0.0.1:8765/surveyjs/ 'http://127.0.0.1:8765/yew/?quiz=client' 3 4)
} >> "$root/bench-results/compare.md"
sed -n '/Side by side/,$p' "$root/bench-results/compare.md"
