#!/usr/bin/env bash
# Builds the three pages into one folder: index.html (the quizzes, the page agencies embed),
# desk.html (the specialist's desk, its own wasm) and sheet.html (the agreement sheet, its own
# wasm). Trunk builds one HTML page per run, so the desk and the sheet are each built into a
# folder of their own and their files are added beside the quizzes'.
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
scratch=$(mktemp -d "${TMPDIR:-/tmp}/client-fit-pages.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
for page in desk sheet; do
  trunk build "${args[@]}" --dist "$scratch/$page" --html-output "$page.html" "$page.html"
  # Only what the builds before did not already give (the shared stylesheets are the same files).
  for f in "$scratch/$page"/*; do
    name=$(basename "$f")
    [ -e "$dist/$name" ] || cp -r "$f" "$dist/$name"
  done
done
