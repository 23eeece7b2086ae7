#!/usr/bin/env bash
# print.sh prints each page as the browser would (headless Chromium's
# --print-to-pdf, the page's print style sheet) and fails unless the paper
# is A4, no chart data table is printed (the "Dati del grafico" / "Chart
# data" summaries and tables of the <details>) and, with --stamp, every
# printed page holds the stamp (an internal edition's "USO INTERNO").
#
#   tools/a11y/print.sh [--stamp TEXT] [--keep DIR] PAGE.html...
#
# Needs /usr/bin/chromium (or $CHROMIUM) and poppler's pdfinfo and pdftotext.
# Exit status: 0 all pass, 1 a check failed, 2 it could not run.
set -uo pipefail
stamp="" keep=""
while [ $# -gt 0 ]; do
  case $1 in
    --stamp) stamp=${2:?--stamp needs a text}; shift 2 ;;
    --keep) keep=${2:?--keep needs a folder}; shift 2 ;;
    -*) echo "print.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: print.sh [--stamp TEXT] [--keep DIR] PAGE.html..." >&2; exit 2; }
browser=${CHROMIUM:-/usr/bin/chromium}
[ -x "$browser" ] || { echo "print.sh: no browser at $browser: install Debian's chromium" >&2; exit 2; }
command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null ||
  { echo "print.sh: needs pdftotext and pdfinfo (apt-get install poppler-utils)" >&2; exit 2; }
dir=${keep:-$(mktemp -d)}
mkdir -p "$dir"
[ -n "$keep" ] || trap 'rm -rf "$dir"' EXIT

failed=0
for page in "$@"; do
  [ -f "$page" ] || { echo "print.sh: $page: no such file" >&2; exit 2; }
  pdf="$dir/$(basename "${page%.*}").pdf"
  url="file://$(cd "$(dirname "$page")" && pwd)/$(basename "$page")"
  if ! "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
      --print-to-pdf="$pdf" "$url" > "$dir/chromium.log" 2>&1 || [ ! -s "$pdf" ]; then
    echo "FAIL $page: Chromium did not print it"; sed 's/^/     | /' "$dir/chromium.log" | tail -5; failed=1; continue
  fi
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
  problems=()
  # A4 is 595 x 842 points
  pdfinfo "$pdf" | grep -Eq '^Page size: +59[45](\.[0-9]+)? x 84[12](\.[0-9]+)? pts' ||
    problems+=("not A4: $(pdfinfo "$pdf" | grep '^Page size:' | sed 's/  */ /g')")
  pdftotext "$pdf" "$dir/text"
  if grep -Eq 'Dati del grafico|Chart data' "$dir/text"; then
    problems+=("a chart's data table is printed")
  fi
  if [ -n "$stamp" ]; then
    missing=()
    for ((p = 1; p <= pages; p++)); do
      pdftotext -f "$p" -l "$p" "$pdf" "$dir/text"
      grep -qF -- "$stamp" "$dir/text" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] || problems+=("pages without \"$stamp\": ${missing[*]}")
  fi
  if [ ${#problems[@]} -eq 0 ]; then
    echo "ok   $page: $pages A4 pages${stamp:+, \"$stamp\" on every one}, no chart data table"
  else
    for pr in "${problems[@]}"; do echo "FAIL $page: $pr"; done
    failed=1
  fi
done
exit $failed
