#!/usr/bin/env bash
# Regenerates the page thumbnails shown in the README from the sample data.
# Needs pdftoppm (Debian: apt-get install poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
go run ./cmd/rendiconto build --year 2019 --out "$out" > /dev/null
pdf="$out/rendicontazione-sociale-2019-it.pdf"
for page in 1 2 3 12 15 18; do
  pdftoppm -png -r 40 -f "$page" -l "$page" -singlefile "$pdf" "docs/page-$page"
done
echo "docs/page-*.png regenerated from $pdf"
