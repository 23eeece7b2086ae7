#!/usr/bin/env bash
# screenshots.sh takes the README's pictures of the web edition,
# docs/img/web-1280.png and docs/img/web-390.png: the first screen of the 2019
# report at 1280 and 390 px, through check.mjs (which also checks the page).
#
#   tools/a11y/screenshots.sh             the page of `rendiconto build --year 2019 --format html`
#   tools/a11y/screenshots.sh PAGE.html   another page
#
# Needs node, npm and /usr/bin/chromium (apt-get install chromium nodejs npm).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -d tools/a11y/node_modules ] ||
  (cd tools/a11y && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund)
if [ $# -ge 1 ]; then
  page=$1
else
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  if ! go run ./cmd/rendiconto build --year 2019 --format html --out "$tmp"; then
    echo "screenshots.sh: rendiconto could not build the HTML edition; pass a page: screenshots.sh PAGE.html" >&2
    exit 1
  fi
  page=$(ls "$tmp"/*-it.html 2>/dev/null | head -n 1 || true)
  [ -n "$page" ] || page=$(ls "$tmp"/*.html | head -n 1)
fi
node tools/a11y/check.mjs --screenshots docs/img --shot-name web --shot-height screen "$page"
ls -l docs/img/web-1280.png docs/img/web-390.png
