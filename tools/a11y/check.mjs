#!/usr/bin/env node
// check.mjs opens each HTML file given on the command line in headless
// Chromium, at 1280 and 390 px wide, and fails unless the page
//   - makes no request other than itself (data: URLs are fine),
//   - has no axe-core violation of the WCAG 2.0/2.1 A and AA rules (and of
//     four structure rules: one main, an h1, headings in order, skip link),
//   - does not scroll sideways (documentElement.scrollWidth <= innerWidth),
//   - renders no text below 9 px, SVG text included (an SVG scaled down to a
//     phone's width shrinks its text with it),
//   - has no SVG text under 4.5:1 contrast with what is behind it (axe leaves
//     SVG text "to review"),
//   - throws no script error.
// It prints what to fix, one line each, and a summary line per file and width.
//
//   node check.mjs [--screenshots DIR] [--shot-height N|screen] [--shot-name NAME]
//                  [--chromium PATH] [--verbose] FILE.html...
//
// Exit status: 0 all pass, 1 a check failed, 2 the check could not run.
// It never downloads a browser: it drives Debian's /usr/bin/chromium (or
// --chromium, or $CHROMIUM) through playwright-core.

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// The two widths: a desktop and a phone (390 px is an iPhone 12-15 in CSS px).
// The heights are the first screen, used for --shot-height screen.
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// axe's best-practice rules for what issue 14 asks of every page beyond WCAG's
// letter: one main landmark, an h1 and headings in order, a skip link that
// leads somewhere.
const STRUCTURE = ['landmark-one-main', 'page-has-heading-one', 'heading-order', 'skip-link'];
// The smallest text a page may render, in CSS px, at either width, and the
// least contrast of SVG text (WCAG 1.4.3's 4.5:1, large text included).
const MIN_TEXT_PX = 9;
const MIN_SVG_CONTRAST = 4.5;
const USAGE = `usage: node check.mjs [options] FILE.html...

Checks each page in headless Chromium at 1280 and 390 px: no external request,
0 axe-core violations (WCAG 2.0/2.1 A and AA; one main landmark, an h1,
headings in order, a working skip link), no horizontal overflow, no text
rendered below 9 px (SVG text included), no SVG text below 4.5:1 contrast.

options:
  --screenshots DIR     save a PNG per page and width: DIR/NAME-WIDTH.png
  --shot-height N       crop the PNG to the first N px of the page (default 2400),
                        or "screen" for the first screen (800 at 1280, 844 at 390)
  --shot-name NAME      the NAME in the PNG's file name (default: the page's file
                        name without .html); only with one page
  --chromium PATH       the browser (default $CHROMIUM or /usr/bin/chromium)
  --verbose             also list what axe could not decide (to review by hand,
                        e.g. contrast of text over an image or in a scroll region)
`;

function die(msg) {
  process.stderr.write(`check.mjs: ${msg}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = {
    screenshots: null,
    shotHeight: 2400,
    shotName: null,
    chromium: process.env.CHROMIUM || '/usr/bin/chromium',
    verbose: false,
    files: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) die(`${a} needs a value\n\n${USAGE}`);
      return argv[++i];
    };
    if (a === '-h' || a === '--help') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else if (a === '--screenshots') opts.screenshots = value();
    else if (a === '--shot-name') opts.shotName = value();
    else if (a === '--chromium') opts.chromium = value();
    else if (a === '--verbose') opts.verbose = true;
    else if (a === '--shot-height') {
      const v = value();
      if (v === 'screen') opts.shotHeight = 'screen';
      else if (/^[1-9][0-9]*$/.test(v)) opts.shotHeight = Number(v);
      else die(`--shot-height must be a number of pixels or "screen", not "${v}"`);
    } else if (a.startsWith('-')) die(`unknown option ${a}\n\n${USAGE}`);
    else opts.files.push(a);
  }
  if (opts.files.length === 0) die(`no page to check\n\n${USAGE}`);
  if (opts.shotName && opts.files.length !== 1) die('--shot-name works with one page only');
  return opts;
}

// axe's source, injected into each page.
function axeSource() {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
}

// Runs in the page: axe with the WCAG A/AA tags and the structure rules.
async function runAxe([tags, structure]) {
  const r = await window.axe.run(document, {
    runOnly: { type: 'tag', values: tags },
    rules: Object.fromEntries(structure.map((id) => [id, { enabled: true }])),
    resultTypes: ['violations', 'incomplete'],
  });
  const brief = (list) =>
    list.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.length,
      // a target is a list of selectors, one per frame or shadow root
      target: v.nodes.length ? [].concat(v.nodes[0].target).flat().join(' >>> ') : '',
    }));
  return { violations: brief(r.violations), incomplete: brief(r.incomplete) };
}

// Runs in the page: null when the page fits its width, or what sticks out.
// The culprit is the element reaching furthest right, counting content it
// lets overflow, outside any box that clips or scrolls it (a table in a
// scroll region is fine).
function findOverflow(describe) {
  const vw = window.innerWidth;
  const sw = document.documentElement.scrollWidth;
  if (sw <= vw) return null;
  const clipped = (el) => {
    for (let p = el.parentElement; p && p !== document.body && p !== document.documentElement; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible') return true;
    }
    return false;
  };
  let worst = null;
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const style = getComputedStyle(el);
    const own = style.overflowX === 'visible' ? Math.max(r.width, el.scrollWidth) : r.width;
    const right = r.left + window.scrollX + own;
    if (right <= vw + 0.5 || clipped(el)) continue;
    // Among equals, a box that sticks out itself is named rather than its
    // children; content that overflows a box is named as deep as it goes.
    const box = r.right > vw + 0.5;
    if (!worst || right > worst.right + 0.5 ||
        (right >= worst.right - 0.5 && worst.el.contains(el) && !(worst.box && box))) {
      worst = { el, right, width: r.width, box };
    }
  }
  return {
    scrollWidth: sw,
    innerWidth: vw,
    element: worst ? describe(worst.el) : null,
    width: worst ? Math.round(worst.width) : 0,
    right: worst ? Math.round(worst.right) : 0,
  };
}

// describe names an element for a person looking for it: up to 4 steps of
// tag, id or classes from the nearest ancestor with an id ("figure#figura-3 >
// div.chart-svg > svg > text"). Runs in the page.
function describe(el) {
  const one = (e) => {
    let s = e.localName;
    if (e.id) return `${s}#${e.id}`;
    const cls = [...e.classList].slice(0, 2);
    if (cls.length) s += '.' + cls.join('.');
    return s;
  };
  const parts = [];
  for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
    parts.unshift(one(e));
    if (e.id) break;
  }
  return parts.join(' > ');
}

// Runs in the page: the smallest text and the SVG text of least contrast,
// each with the number of texts that fail and the worst of them.
//
// Size: every text the reader can see, at the size it is drawn: an HTML
// element's font-size; an SVG text's font-size times the scale its SVG is
// drawn at (getScreenCTM), so a chart shrunk to a phone's width counts
// small. The <details> are opened first (their tables show when opened); a
// visually hidden text (clipped to 1 px) is not seen and does not count.
//
// Contrast: an SVG text's fill (with its opacity) on what is painted behind
// its middle: the topmost filled shape of its SVG drawn before it (a bar, a
// slice, a rect), else the page's background (white unless an ancestor
// has one). HTML text is axe's job.
function checkText(describe, minPx, minRatio) {
  const parse = (c) => {
    const m = /^rgba?\(([^)]*)\)$/.exec((c || '').trim());
    if (!m) return null; // none, url(#gradient), currentcolor…
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(parseFloat);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const over = (top, under) => ({
    r: top.r * top.a + under.r * (1 - top.a),
    g: top.g * top.a + under.g * (1 - top.a),
    b: top.b * top.a + under.b * (1 - top.a),
    a: 1,
  });
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const hex = (c) => '#' + [c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
  // the page behind el: its ancestors' backgrounds over white
  const pageBg = (el) => {
    const layers = [];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    return layers.reduceRight((under, top) => over(top, under), { r: 255, g: 255, b: 255, a: 1 });
  };
  // the opacity el is drawn with, its SVG ancestors' included
  const opacity = (el) => {
    let o = 1;
    for (let e = el; e && e.namespaceURI === 'http://www.w3.org/2000/svg'; e = e.parentElement) {
      o *= parseFloat(getComputedStyle(e).opacity);
    }
    return o;
  };
  const ownText = (el) => [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join('').trim();
  const seen = (el, r) => r.width >= 2 && r.height >= 2 &&
    el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  const quote = (t) => JSON.stringify(t.length > 40 ? t.slice(0, 39) + '…' : t);

  for (const d of document.querySelectorAll('details')) d.open = true;
  const small = { count: 0, worst: null };
  const faint = { count: 0, worst: null };
  const tooSmall = (el, text, px) => {
    if (px >= minPx - 0.005) return;
    small.count++;
    if (!small.worst || px < small.worst.px) small.worst = { px, where: describe(el), text: quote(text) };
  };

  // HTML text
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const parents = new Set();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || !n.data.trim() || el.closest('svg, script, style, noscript, template')) continue;
    parents.add(el);
  }
  for (const el of parents) {
    if (!seen(el, el.getBoundingClientRect())) continue;
    tooSmall(el, ownText(el), parseFloat(getComputedStyle(el).fontSize));
  }

  // SVG text: each text or tspan with text of its own
  for (const t of document.querySelectorAll('svg text, svg tspan')) {
    const text = ownText(t);
    if (!text) continue;
    let r = t.getBoundingClientRect();
    if (!seen(t, r)) continue;
    const cs = getComputedStyle(t);
    const m = t.getScreenCTM();
    tooSmall(t, text, parseFloat(cs.fontSize) * (m ? Math.hypot(m.c, m.d) : 1));

    const fill = parse(cs.fill);
    if (!fill) continue;
    fill.a *= parseFloat(cs.fillOpacity) * opacity(t);
    if (fill.a <= 0) continue;
    // what is behind the text's middle: scroll it into view to ask
    if (r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) {
      t.scrollIntoView({ block: 'center', inline: 'center' });
      r = t.getBoundingClientRect();
    }
    const svg = t.ownerSVGElement;
    let bg = pageBg(svg);
    for (const e of document.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2)) {
      if (e === t || t.contains(e) || e.contains(t)) continue;
      if (!svg.contains(e)) break; // the page itself: pageBg
      if (!(e.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING)) continue; // drawn over it
      if (!/^(rect|path|circle|ellipse|polygon)$/.test(e.localName)) continue;
      const f = parse(getComputedStyle(e).fill);
      if (!f) continue;
      f.a *= parseFloat(getComputedStyle(e).fillOpacity) * opacity(e);
      if (f.a <= 0) continue;
      bg = over(f, bg);
      break;
    }
    const fg = over(fill, bg);
    const k = ratio(fg, bg);
    if (k >= minRatio - 0.005) continue;
    faint.count++;
    if (!faint.worst || k < faint.worst.ratio) {
      faint.worst = { ratio: k, fg: hex(fg), bg: hex(bg), where: describe(t), text: quote(text) };
    }
  }
  window.scrollTo(0, 0);
  return { small, faint };
}

// checkOne checks one page at one width, saving its screenshot when asked;
// it returns the failures and the notes (what axe could not decide).
async function checkOne(browser, file, vp, opts, axe) {
  const label = `${file} @${vp.width}`;
  const fails = [];
  const notes = [];
  const pageURL = pathToFileURL(path.resolve(file)).href;
  const context = await browser.newContext({
    viewport: vp,
    deviceScaleFactor: 1,
    bypassCSP: true, // so axe can be injected into a page with a strict CSP
    reducedMotion: 'reduce',
    locale: 'it-IT',
    timezoneId: 'Europe/Rome',
  });
  try {
    const page = await context.newPage();
    // Every request other than the page itself is refused and is a failure.
    const external = new Set();
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.split('#')[0] === pageURL || url.startsWith('data:')) return route.continue();
      external.add(url);
      return route.abort('blockedbyclient');
    });
    page.on('websocket', (ws) => external.add(ws.url()));
    const errors = [];
    page.on('pageerror', (err) => errors.push(String(err.message || err).split('\n')[0]));

    await page.goto(pageURL, { waitUntil: 'load', timeout: 30000 });
    await page.evaluate(() => document.fonts.ready);

    const over = await page.evaluate(`(${findOverflow})(${describe})`);
    if (over) {
      let msg = `${label}: horizontal overflow: the page is ${over.scrollWidth} px wide in a ${over.innerWidth} px window`;
      if (over.element) msg += `; widest offender: ${over.element} (${over.width} px wide, reaching ${over.right} px)`;
      fails.push(msg);
    }

    await page.evaluate(axe);
    const res = await page.evaluate(runAxe, [TAGS, STRUCTURE]);
    for (const v of res.violations) {
      fails.push(`${label}: ${v.id}: ${v.help} (${v.nodes} node${v.nodes === 1 ? '' : 's'}): ${v.target}`);
    }
    for (const v of res.incomplete) {
      notes.push(`${label}: to review by hand: ${v.id}: ${v.help} (${v.nodes} node${v.nodes === 1 ? '' : 's'}): ${v.target}`);
    }

    if (opts.screenshots) {
      const full = await page.evaluate(() => document.documentElement.scrollHeight);
      const want = opts.shotHeight === 'screen' ? vp.height : opts.shotHeight;
      const stem = opts.shotName || path.basename(file).replace(/\.x?html?$/i, '');
      mkdirSync(opts.screenshots, { recursive: true });
      await page.screenshot({
        path: path.join(opts.screenshots, `${stem}-${vp.width}.png`),
        fullPage: true,
        clip: { x: 0, y: 0, width: vp.width, height: Math.min(want, full) },
        animations: 'disabled',
        caret: 'hide',
      });
    }
    // After the screenshot: it opens the <details> and scrolls.
    const text = await page.evaluate(`(${checkText})(${describe}, ${MIN_TEXT_PX}, ${MIN_SVG_CONTRAST})`);
    if (text.small.worst) {
      const w = text.small.worst;
      const n = text.small.count;
      fails.push(`${label}: text too small: ${n} text${n === 1 ? '' : 's'} below ${MIN_TEXT_PX} px; smallest ${w.px.toFixed(1)} px: ${w.where} ${w.text}`);
    }
    if (text.faint.worst) {
      const w = text.faint.worst;
      const n = text.faint.count;
      fails.push(`${label}: SVG text contrast: ${n} text${n === 1 ? '' : 's'} below ${MIN_SVG_CONTRAST}:1; lowest ${w.ratio.toFixed(2)}:1, ${w.fg} on ${w.bg}: ${w.where} ${w.text}`);
    }
    // Last, so that requests made late (a lazy image, a script's fetch) count.
    for (const url of [...external].sort()) {
      fails.push(`${label}: external request: ${url.length > 120 ? url.slice(0, 117) + '...' : url}`);
    }
    for (const e of errors) fails.push(`${label}: script error: ${e}`);
  } finally {
    await context.close();
  }
  return { fails, notes };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(opts.chromium)) {
    die(`no browser at ${opts.chromium}: install Debian's chromium (apt-get install chromium) or pass --chromium PATH`);
  }
  for (const f of opts.files) {
    if (!existsSync(f)) die(`${f}: no such file`);
  }
  const axe = axeSource();
  const t0 = performance.now();
  let browser;
  try {
    browser = await chromium.launch({ executablePath: opts.chromium, headless: true });
  } catch (err) {
    die(`could not start ${opts.chromium}: ${String(err.message || err).split('\n')[0]}`);
  }
  const launchMs = performance.now() - t0;
  let failed = 0;
  const summary = [];
  try {
    for (const file of opts.files) {
      for (const vp of VIEWPORTS) {
        const t = performance.now();
        let r;
        try {
          r = await checkOne(browser, file, vp, opts, axe);
        } catch (err) {
          r = { fails: [`${file} @${vp.width}: could not check the page: ${String(err.message || err).split('\n')[0]}`], notes: [] };
        }
        const secs = ((performance.now() - t) / 1000).toFixed(2);
        if (opts.verbose) for (const n of r.notes) console.log(`note ${n}`);
        for (const f of r.fails) console.log(`FAIL ${f}`);
        if (r.fails.length) {
          failed++;
          summary.push(`FAIL ${file} @${vp.width}: ${r.fails.length} problem${r.fails.length === 1 ? '' : 's'} (${secs} s)`);
        } else {
          const review = r.notes.length ? `; ${r.notes.length} axe rule${r.notes.length === 1 ? '' : 's'} to review by hand` : '';
          summary.push(`ok   ${file} @${vp.width}: 0 axe violations, no external request, no horizontal overflow, text ≥ ${MIN_TEXT_PX} px and SVG text ≥ ${MIN_SVG_CONTRAST}:1${review} (${secs} s)`);
        }
      }
    }
  } finally {
    await browser.close();
  }
  for (const s of summary) console.log(s);
  const total = ((performance.now() - t0) / 1000).toFixed(2);
  const n = opts.files.length * VIEWPORTS.length;
  console.log(`${n - failed} of ${n} page widths passed; browser start ${(launchMs / 1000).toFixed(2)} s, ${total} s in all`);
  process.exit(failed ? 1 : 0);
}

main().catch((err) => die(String((err && err.stack) || err)));
