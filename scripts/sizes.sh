#!/usr/bin/env bash
# Raw / gzip -9 / brotli 11 bytes of each file of a built dist/ folder, the total a visitor of the
# app page loads, the totals of the desk page (desk.html: its own files and the shared stylesheet)
# and of the agreement sheet page (sheet.html: its own files and the desk's stylesheets), and the
# change against the last release (docs/sizes-release.txt). The embed loader is listed
# apart (a host page loads it, not the app); the example host page is not part of the app at all.
#
# Usage: scripts/sizes.sh [dist] [--check]
#   --check  fails when the app page is above its cap (160 KB brotli), the desk page or the sheet
#            page above theirs (200 KB each: pages a specialist opens on purpose) or the loader
#            above 4 KB.
# After a release, record its sizes as the new baseline:
#   scripts/sizes.sh dist > docs/sizes-release.txt
set -euo pipefail
dir=${1:-dist}
check=${2:-}
APP_CAP=160000
DESK_CAP=200000
SHEET_CAP=200000
LOADER_CAP=4000
root=$(cd "$(dirname "$0")/.." && pwd)
baseline="$root/docs/sizes-release.txt"
table=$(mktemp)
trap 'rm -f "$table"' EXIT

row() {
  local f=$1 raw gz br
  raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c); br=$(brotli -c -q 11 "$f" | wc -c)
  printf '%-44s %10d %10d %10d\n' "$(basename "$f")" "$raw" "$gz" "$br"
  last=("$raw" "$gz" "$br")
}
{
  printf '%-44s %10s %10s %10s\n' file raw gzip brotli
  total=(0 0 0)
  for f in "$dir"/*; do
    [ -f "$f" ] || continue
    case $(basename "$f") in embed-demo.* | client-fit.js | client-fit-loader-*.js | *.br | *.gz | *desk* | *sheet*) continue ;; esac
    row "$f"
    total=($((total[0] + last[0])) $((total[1] + last[1])) $((total[2] + last[2])))
  done
  printf '%-44s %10d %10d %10d\n' "total(app-page)" "${total[@]}"
  # A page of its own: the files named after it (listed), and the stylesheets it shares (counted).
  page_total() {
    local page=$1 sum=(0 0 0) f
    shift
    for f in "$dir"/*"$page"* "$@"; do
      [ -f "$f" ] || continue
      case $(basename "$f") in *.br | *.gz) continue ;; esac
      case $(basename "$f") in *"$page"*) row "$f" ;; *) row "$f" >/dev/null ;; esac
      sum=($((sum[0] + last[0])) $((sum[1] + last[1])) $((sum[2] + last[2])))
    done
    [ "${sum[0]}" -gt 0 ] && printf '%-44s %10d %10d %10d\n' "total($page-page)" "${sum[@]}"
    return 0
  }
  page_total desk "$dir"/app-*.css
  page_total sheet "$dir"/app-*.css "$dir"/desk-*.css
  [ -f "$dir/client-fit.js" ] && row "$dir/client-fit.js"
} >"$table"
cat "$table"

# brotli bytes by name, the content hash left out so that a file meets its own last release.
by_name() {
  awk 'NF == 4 && $4 ~ /^[0-9]+$/ {
    name = $1; sub(/-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]+/, "-<hash>", name)
    print name, $4 }' "$1"
}
if [ -f "$baseline" ]; then
  echo
  echo "Change against the last release (docs/sizes-release.txt), brotli bytes:"
  awk 'NR == FNR { was[$1] = $2; next }
       { d = ($1 in was) ? sprintf("%+d", $2 - was[$1]) : "new"; printf "  %-40s %8d %8s\n", $1, $2, d }' \
    <(by_name "$baseline") <(by_name "$table")
fi

app=$(awk '$1 == "total(app-page)" { print $4 }' "$table")
loader=$(awk '$1 == "client-fit.js" { print $4 }' "$table")
desk_total=$(awk '$1 == "total(desk-page)" { print $4 }' "$table")
sheet_total=$(awk '$1 == "total(sheet-page)" { print $4 }' "$table")
if [ "$check" = --check ]; then
  if [ "$app" -gt "$APP_CAP" ]; then
    echo "The app page is $app bytes brotli: above its cap of $APP_CAP." >&2
    exit 1
  fi
  if [ "${desk_total:-0}" -gt "$DESK_CAP" ]; then
    echo "The desk page is $desk_total bytes brotli: above its cap of $DESK_CAP." >&2
    exit 1
  fi
  if [ "${sheet_total:-0}" -gt "$SHEET_CAP" ]; then
    echo "The agreement sheet page is $sheet_total bytes brotli: above its cap of $SHEET_CAP." >&2
    exit 1
  fi
  if [ "${loader:-0}" -gt "$LOADER_CAP" ]; then
    echo "The embed loader is $loader bytes brotli: above its cap of $LOADER_CAP." >&2
    exit 1
  fi
  echo "Within the caps: app page $app of $APP_CAP, desk page ${desk_total:-0} of $DESK_CAP, sheet page ${sheet_total:-0} of $SHEET_CAP, embed loader ${loader:-0} of $LOADER_CAP bytes brotli."
fi
