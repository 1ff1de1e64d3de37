#!/usr/bin/env bash
# The release an agency hosts: dist/ built for a public path, with content-hashed asset names,
# .br and .gz beside each file, and the embed snippet (with Subresource Integrity) printed.
# Usage: scripts/release.sh [public path, default /] [output folder, default dist]
#   e.g. scripts/release.sh /tools/client-fit/
# The deployment's allow-list, from the environment (see README "Host it"):
#   AGENCY="Acme Digital|Acme"  agency names a link may show (| between names)
#   CONTACTS="https://acme.example mailto:hello@acme.example"  where "Send my result" may go
#   ORIGIN="https://quiz.acme.example"  where it is hosted: named next to 'self' in the policy, so
#     Safari also runs it in a frame sandboxed without allow-same-origin (scripts/postbuild.mjs)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
path=${1:-/}
out=${2:-$root/dist}
[[ $path == /* ]] || path="/$path"
[[ $path == */ ]] || path="$path/"
if ! [[ $path =~ ^/([A-Za-z0-9_~-][A-Za-z0-9._~-]*/)*$ ]] || [[ $path == */./* || $path == */../* ]]; then
  echo "release: the public path must be like /tools/client-fit/ (letters, digits, . _ ~ - between slashes)" >&2
  exit 2
fi
case $out in /*) ;; *) out="$PWD/$out" ;; esac
# Trunk empties the output folder first: never let that be a folder holding anything else.
out=$(realpath -m "$out")
case "$root/" in "$out"/*) echo "release: $out holds the project; choose a folder of its own" >&2; exit 2 ;; esac
if [ -d "$out" ] && [ -n "$(ls -A "$out")" ] && [ ! -f "$out/index.html" ]; then
  echo "release: $out is not empty and is not an earlier release (no index.html); it would be emptied" >&2
  exit 2
fi

cd "$root"
scripts/tools.sh serve
export PATH="$root/tools/node_modules/.bin:$PATH"
CLIENT_FIT_RELEASE=1 CLIENT_FIT_AGENCIES="${AGENCY:-}" CLIENT_FIT_CONTACTS="${CONTACTS:-}" CLIENT_FIT_ORIGIN="${ORIGIN:-}" \
  scripts/build.sh --release --public-url "$path" --dist "$out"

loader=$(cd "$out" && ls client-fit-loader-*.js)
sri=$(node -e 'const c=require("crypto");process.stdout.write("sha384-"+c.createHash("sha384").update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$out/$loader")
agencies=${AGENCY:-"none (a name from a link is shown with where its contact goes)"}
contacts=${CONTACTS:-none}
echo
scripts/sizes.sh "$out"
cat <<SNIPPET

Release for $path in $out ($(find "$out" -name '*.br' | wc -l) files pre-compressed as .br and .gz).
Allowed agency names: $agencies
Allowed "Send my result" destinations: $contacts
Origin named in the policy: ${ORIGIN:-none (Safari will not run it in a frame sandboxed without allow-same-origin)}
Upload it so that $path serves $out/index.html; nginx: deploy/nginx/client-fit.conf.

Embed snippet (replace https://YOUR-SITE with where it is hosted):
  <div id="client-fit-quiz" data-client-fit data-quiz="client"></div>
  <script src="https://YOUR-SITE$path$loader" data-mount="client-fit-quiz" integrity="$sri" crossorigin="anonymous" async></script>
SNIPPET
