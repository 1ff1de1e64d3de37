#!/usr/bin/env bash
# Measures Client Fit against the two reference pages of ../shared/bench in one interleaved run:
# SurveyJS and the hand-written vanilla page (load, first question visible, answering every
# question, slowest click-to-repaint, heap and wasm memory, bytes raw / gzip / brotli), at 1x and 4x
# CPU throttling; Client Fit in English (`?quiz=client`) and in Russian (its catalog fetched).
# Then the click figures by kind next to the floor a click that changes nothing measures
# (scripts/click-floor.mjs), and Lighthouse's mobile preset on the release served by nginx
# (scripts/bench-lighthouse.mjs). The references ask Client Fit's own 33 client questions with the
# same option counts (scripts/bench-quiz.mjs).
# Writes bench-results/compare.md. Not part of `make test`.
# Usage: scripts/bench-vs-surveyjs.sh [runs]   (default 15; about 25 minutes)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-15}
work=$(mktemp -d)
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
"$root/scripts/tools.sh" bench
export PATH="$root/tools/node_modules/.bin:$PATH"
cp -r "$root/../shared/bench/." "$work" && chmod -R u+w "$work"
node "$root/scripts/bench-quiz.mjs" "$root/content/questions.json" > "$work/src/quiz.js"
(cd "$work" && npm ci --no-audit --no-fund >/dev/null && node build.mjs >/dev/null)
(cd "$root" && trunk build --release --public-url /yew/ --dist "$work/dist/yew")
(cd "$work/dist" && exec python3 -m http.server 8765 --bind 127.0.0.1 >/dev/null 2>&1) &
server=$!
sleep 1
mkdir -p "$root/bench-results"
base=http://127.0.0.1:8765
(cd "$work" && nice -n -10 node measure.mjs \
  "$base/surveyjs/" '[data-name=q1]' \
  "$base/vanilla/" '[data-name=q1]' \
  "$base/yew/?quiz=client" '[data-name=q1]' \
  "$base/yew/?quiz=client&lang=ru" '[data-name=q1]' \
  "$runs" --answer --next-name '^(next|complete|submit|finish|done|see results?|see my result|далее|к результатам)$' --label "A SurveyJS" --label "B vanilla" --label "C Client Fit" --label "D Client Fit, ru") \
  > "$root/bench-results/compare.md"
cp "$root/scripts/click-floor.mjs" "$work/"
{
  echo
  echo "## Click → next paint by kind, and the floor (4x CPU)"
  echo
  (cd "$work" && node click-floor.mjs "$base/surveyjs/" "$base/yew/?quiz=client" 3 4)
} >> "$root/bench-results/compare.md"
kill "$server"
# Lighthouse on the release as an agency hosts it: built for /tools/client-fit/, nginx's block.
(cd "$root" && scripts/release.sh /tools/client-fit/ "$work/release" >/dev/null)
{
  echo
  echo "## Lighthouse through nginx"
  echo
  node "$root/scripts/bench-lighthouse.mjs" "$work/release" 3
} >> "$root/bench-results/compare.md"
sed -n '/Side by side/,$p' "$root/bench-results/compare.md"
