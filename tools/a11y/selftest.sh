#!/usr/bin/env bash
# selftest.sh: proves check.mjs passes the reference page and fails each bad
# page for its own reason, and only that one. Run from anywhere, after
# `npm ci` here; it needs /usr/bin/chromium (or $CHROMIUM).
set -uo pipefail
cd "$(dirname "$0")"

passed=0 failed=0
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

ok() { echo "ok   $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }

# run NAME WANT-STATUS FILE...: runs the checker, keeps its output in $out/NAME.
run() {
  local name=$1 want=$2; shift 2
  node check.mjs "$@" > "$out/$name" 2>&1
  local got=$?
  if [ "$got" -ne "$want" ]; then
    bad "$name: exit status $got, want $want"; sed 's/^/     | /' "$out/$name"; return 1
  fi
}
# has NAME TEXT: the output holds TEXT (a fixed string).
has() {
  grep -qF -- "$2" "$out/$1" && ok "$1: says \"$2\"" ||
    { bad "$1: does not say \"$2\""; sed 's/^/     | /' "$out/$1"; }
}
# count NAME N: the output has N FAIL lines (so nothing else failed).
count() {
  local n; n=$(grep -c '^FAIL .*: .*: ' "$out/$1" || true)
  [ "$n" -eq "$2" ] && ok "$1: $2 problems reported" ||
    { bad "$1: $n problems reported, want $2"; sed 's/^/     | /' "$out/$1"; }
}

if run good 0 --screenshots "$out/shots" --shot-height screen testdata/good.html; then
  ok "good.html passes at both widths"
  has good "ok   testdata/good.html @1280: 0 axe violations"
  has good "ok   testdata/good.html @390: 0 axe violations"
  has good "ok   testdata/good.html @390: 0 axe violations, no external request, no horizontal overflow, text ≥ 9 px and SVG text ≥ 4.5:1"
  # deterministic screenshots: the names, and the same bytes on a second run
  node check.mjs --screenshots "$out/again" --shot-height screen testdata/good.html > /dev/null 2>&1
  for w in 1280 390; do
    if [ -s "$out/shots/good-$w.png" ] && cmp -s "$out/shots/good-$w.png" "$out/again/good-$w.png"; then
      ok "good-$w.png written, same bytes twice"
    else
      bad "good-$w.png missing or different on a second run"
    fi
  done
fi

if run bad-axe 1 testdata/bad-axe.html; then
  has bad-axe "testdata/bad-axe.html @1280: image-alt: Images must have alternative text (1 node): img"
  has bad-axe "testdata/bad-axe.html @390: color-contrast: Elements must meet minimum color contrast ratio thresholds (1 node): p"
  count bad-axe 4
fi

if run bad-external 1 testdata/bad-external.html; then
  has bad-external "testdata/bad-external.html @1280: external request: https://example.org/stemma.png"
  has bad-external "testdata/bad-external.html @390: external request: file://"
  count bad-external 4
fi

if run bad-overflow 1 testdata/bad-overflow.html; then
  has bad-overflow "ok   testdata/bad-overflow.html @1280"
  has bad-overflow "testdata/bad-overflow.html @390: horizontal overflow: the page is 1016 px wide in a 390 px window; widest offender: main > div.timeline (1000 px wide"
  count bad-overflow 1
fi

if run bad-structure 1 testdata/bad-structure.html; then
  for rule in landmark-one-main page-has-heading-one heading-order skip-link; do
    has bad-structure "testdata/bad-structure.html @390: $rule: "
  done
  count bad-structure 8
fi

if run bad-svg-contrast 1 testdata/bad-svg-contrast.html; then
  for w in 1280 390; do
    has bad-svg-contrast "testdata/bad-svg-contrast.html @$w: SVG text contrast: 3 texts below 4.5:1; lowest 2.20:1, #afafaf on #ffffff: figure#grafico > svg > g > text \"fonte: schede di monitoraggio\""
  done
  count bad-svg-contrast 2
fi

if run bad-small-text 1 testdata/bad-small-text.html; then
  has bad-small-text "testdata/bad-small-text.html @1280: text too small: 1 text below 9 px; smallest 8.0 px: main > p.fine \"Dati provvisori"
  has bad-small-text "testdata/bad-small-text.html @390: text too small: 4 texts below 9 px; smallest 6.3 px: figure#grafico > svg > g > text \"Nord\""
  count bad-small-text 2
fi

# several pages in one run: one failing page fails the run, the good one still passes
if run several 1 testdata/good.html testdata/bad-overflow.html; then
  has several "3 of 4 page widths passed"
fi

# errors for people, exit status 2
if run missing 2 testdata/no-such-page.html; then has missing "no-such-page.html: no such file"; fi
if run nobrowser 2 --chromium /nonexistent/chromium testdata/good.html; then has nobrowser "install Debian's chromium"; fi

echo "selftest: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
