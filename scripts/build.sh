#!/usr/bin/env bash
# Builds both pages into one folder: index.html (the quizzes, the page agencies embed) and
# desk.html (the specialist's desk, its own wasm). Trunk builds one HTML page per run, so the
# desk is built into a folder of its own and its files are added beside the quizzes'.
# Usage: scripts/build.sh [trunk build options], e.g. --release --public-url /x/ --dist out
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dist=$root/dist
args=()
while [ $# -gt 0 ]; do
  case $1 in
    --dist) dist=$2; shift 2 ;;
    --dist=*) dist=${1#--dist=}; shift ;;
    *) args+=("$1"); shift ;;
  esac
done
case $dist in /*) ;; *) dist="$PWD/$dist" ;; esac
trunk build "${args[@]}" --dist "$dist" index.html
desk=$(mktemp -d "${TMPDIR:-/tmp}/client-fit-desk.XXXXXX")
trap 'rm -rf "$desk"' EXIT
trunk build "${args[@]}" --dist "$desk" --html-output desk.html desk.html
# Only what the quizzes' build does not already have (the shared stylesheet is the same file).
for f in "$desk"/*; do
  name=$(basename "$f")
  [ -e "$dist/$name" ] || cp -r "$f" "$dist/$name"
done
