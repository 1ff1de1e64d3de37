#!/usr/bin/env bash
# Raw / gzip -9 / brotli 11 bytes of each file of a built dist/ folder, and the total.
set -euo pipefail
dir=${1:-dist}
printf '%-44s %10s %10s %10s\n' file raw gzip brotli
total=(0 0 0)
for f in "$dir"/*; do
  [ -f "$f" ] || continue
  raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c); br=$(brotli -c -q 11 "$f" | wc -c)
  printf '%-44s %10d %10d %10d\n' "$(basename "$f")" "$raw" "$gz" "$br"
  total=($((total[0] + raw)) $((total[1] + gz)) $((total[2] + br)))
done
printf '%-44s %10d %10d %10d\n' total "${total[@]}"
