#!/usr/bin/env bash
# Raw / gzip -9 / brotli 11 bytes of each file of a built dist/ folder, and the total a visitor of
# the app page loads. The embed loader is listed apart (a host page loads it, not the app); the
# example host page is not part of the app at all.
set -euo pipefail
dir=${1:-dist}
printf '%-44s %10s %10s %10s\n' file raw gzip brotli
total=(0 0 0)
row() {
  local f=$1 raw gz br
  raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c); br=$(brotli -c -q 11 "$f" | wc -c)
  printf '%-44s %10d %10d %10d\n' "$(basename "$f")" "$raw" "$gz" "$br"
  last=("$raw" "$gz" "$br")
}
for f in "$dir"/*; do
  [ -f "$f" ] || continue
  case $(basename "$f") in embed-demo.* | client-fit.js | client-fit-loader-*.js | *.br | *.gz) continue ;; esac
  row "$f"
  total=($((total[0] + last[0])) $((total[1] + last[1])) $((total[2] + last[2])))
done
printf '%-44s %10d %10d %10d\n' "total (app page)" "${total[@]}"
[ -f "$dir/client-fit.js" ] && row "$dir/client-fit.js" && echo "  (embed loader, loaded by the host page)"
true
