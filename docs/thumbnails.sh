#!/usr/bin/env bash
# Regenerates the page thumbnails shown in the README from the sample data.
# Needs pdftoppm (Debian: apt-get install poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
go run ./cmd/rendiconto build --year 2019 --out "$out" > /dev/null
pdf="$out/rendicontazione-sociale-2019-it.pdf"
for page in 1 2 3 17 20 29; do
  pdftoppm -png -r 40 -f "$page" -l "$page" -singlefile "$pdf" "docs/page-$page"
done
go run ./cmd/rendiconto slides --year 2019 --out "$out" > /dev/null
for slide in 9 13; do
  pdftoppm -png -r 30 -f "$slide" -l "$slide" -singlefile "$out/slides-2019-it.pdf" "docs/slide-$slide"
done
echo "docs/page-*.png and docs/slide-*.png regenerated"
