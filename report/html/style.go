package html

import "strings"

// The colours the accent meets (they are the style sheet's own). The
// accent (Options.Accent) colours headings, links, table headers and the
// cover's band: text in it stands on the page and on the tint, and the
// cover's white text on it.
const (
	pageBg        = "#ffffff"
	tint          = "#eef3f7"
	onAccent      = "#ffffff"
	DefaultAccent = "#1f5f8b" // the PDF's accent
)

// accentColour is the accent darkened until text in it reads on the page
// and on the tint, and white text reads on it.
func accentColour(hex string) (string, error) {
	if hex == "" {
		hex = DefaultAccent
	}
	return Readable(hex, pageBg, tint, onAccent)
}

// css is the page's style sheet; ACCENT is replaced by the accent colour.
// A rule that sets a text colour on a background of its own sets both, so
// that the contrast test can pair them (see style_test.go).
//
// In print, on A4 like the PDF: each part starts a page, a figure or a
// table is kept on one page (a long table breaks between rows, its header
// repeated), the charts print without their data tables (the <details>, else every table would print
// under its chart), and an internal edition's stamp repeats at the top of
// every page: a fixed box repeats on each printed page, and the body's
// padding, cloned on each page (box-decoration-break), keeps the text from
// running under it. On a screen, a table wider than its box shows a shadow
// on the side where columns are hidden (white covers that scroll with the
// table over shadows that stay): phones hide scroll bars until one scrolls.
const css = `:root{color-scheme:light}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#ffffff;color:#222222;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","Liberation Sans",sans-serif;font-size:1.0625rem;line-height:1.55;overflow-wrap:anywhere}
.wrap,nav,main,body>footer{max-width:48rem;margin:0 auto;padding:0 1rem}
.skip{position:absolute;left:-9999px;top:0}
.skip:focus{left:1rem;top:1rem;z-index:10;padding:.5rem .75rem;background:#ffffff;color:ACCENT;font-weight:700;text-decoration:underline}
:focus-visible{outline:3px solid #111111;outline-offset:2px;box-shadow:0 0 0 5px #ffffff}
main:focus,main:focus-visible{outline:none;box-shadow:none}
a{color:ACCENT;text-decoration:underline;text-underline-offset:.15em}
.internal{max-width:none;margin:0;padding:.5rem 1rem;background:#a31f1f;color:#ffffff;font-weight:700;text-align:center;letter-spacing:.02em}
.cover{background:ACCENT;color:#ffffff}
.cover .wrap{padding-top:2rem;padding-bottom:1.5rem}
.cover .city{margin:0 0 1rem;text-transform:uppercase;letter-spacing:.08em;font-size:1rem}
.cover h1{margin:0 0 .5rem;font-size:clamp(1.75rem,6vw,2.6rem);line-height:1.15}
.cover .subtitle{margin:0 0 1.5rem;font-size:1.2rem}
.cover .year{margin:0 0 1.25rem;font-size:clamp(2.25rem,10vw,4rem);font-weight:700;line-height:1}
.cover .logo{margin:0 0 1rem}
.cover .logo img{display:block;max-width:100%;max-height:5rem;padding:.5rem;background:#ffffff}
.cover .org{margin:0;font-weight:700;font-size:1.1rem}
.cover .partners{margin:.25rem 0 0}
.cover .edition{margin:1rem 0 0}
.sample{margin:1.25rem 0 0;padding:.75rem 1rem;background:#eef3f7;color:#222222;border-left:6px solid #222222}
nav{margin-top:2rem}
nav h2{margin:0 0 .5rem;font-size:1.4rem;color:ACCENT}
nav ol{margin:0;padding-left:1.5rem}
nav li{margin:.2rem 0}
nav>ol>li{margin-top:.5rem;font-weight:700}
nav ol ol{font-weight:400}
main h2{margin:3rem 0 1rem;padding-top:.75rem;border-top:4px solid ACCENT;font-size:1.6rem;line-height:1.2;color:ACCENT}
main h3{margin:2rem 0 .75rem;font-size:1.25rem;line-height:1.3;color:ACCENT}
main h4{margin:1.5rem 0 .5rem;font-size:1.05rem;line-height:1.35;color:#222222}
main h5,main h6{margin:1.25rem 0 .5rem;font-size:1rem;color:#222222}
p,li{max-width:70ch}
li{margin:.25rem 0}
blockquote{margin:1.25rem 0 .25rem;padding:.1rem 0 .1rem 1rem;border-left:4px solid ACCENT;font-style:italic}
.quote{margin:1.25rem 0}
.quote figcaption{color:#555555;font-size:.9375rem;text-align:right}
.table-wrap{overflow-x:auto;margin:.5rem 0 0;max-width:100%;background:linear-gradient(to right,#ffffff 30%,rgba(255,255,255,0)) left/2rem 100% no-repeat local,linear-gradient(to left,#ffffff 30%,rgba(255,255,255,0)) right/2rem 100% no-repeat local,radial-gradient(farthest-side at 0 50%,rgba(0,0,0,.3),rgba(0,0,0,0)) left/.75rem 100% no-repeat scroll,radial-gradient(farthest-side at 100% 50%,rgba(0,0,0,.3),rgba(0,0,0,0)) right/.75rem 100% no-repeat scroll}
table{border-collapse:collapse;width:100%;font-size:.9375rem;line-height:1.4}
caption{caption-side:top;text-align:left;padding:0 0 .5rem;font-size:.9375rem;position:sticky;left:0;max-width:calc(100vw - 2rem)}
.label{font-weight:700}
th,td{padding:.4rem .5rem;border-bottom:1px solid #c8d3dc;text-align:left;vertical-align:top;overflow-wrap:break-word}
thead th{background:#eef3f7;color:ACCENT;border-top:2px solid ACCENT;border-bottom:2px solid ACCENT;font-weight:700}
tbody th{font-weight:400}
.num{text-align:right;font-variant-numeric:tabular-nums}
td.num{white-space:nowrap}
tr.total th,tr.total td{font-weight:700;border-top:2px solid ACCENT;border-bottom:2px solid ACCENT}
.table-block{margin:1.75rem 0}
.note{margin:.5rem 0 0;color:#555555;font-size:.875rem}
figure{margin:1.75rem 0}
figcaption{font-size:.9375rem}
figcaption .note{display:block}
.chart-svg{margin:.75rem 0 .25rem}
.chart-svg svg{display:block;width:100%;max-width:30rem;height:auto}
details{margin:.5rem 0 0}
summary{cursor:pointer;color:ACCENT;font-weight:700;padding:.25rem 0}
.vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
body>footer{margin-top:3rem;padding-top:1rem;padding-bottom:2rem;border-top:1px solid #c8d3dc;color:#555555;font-size:.9375rem}
body>footer p{margin:.25rem 0}
@page{size:A4;margin:15mm 15mm 17mm}
@media (max-width:30rem){th,td{padding:.35rem .3rem}}
@media print{
body{background:#ffffff;color:#000000;font-size:10.5pt}
.skip,nav,details{display:none}
.cover{background:#ffffff;color:#000000;border-bottom:2px solid #000000}
.cover .wrap{padding-top:0;padding-bottom:1rem}
.internal{background:#ffffff;color:#000000;border:2px solid #000000}
.stamped{padding-top:12mm;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.stamped .internal{position:fixed;top:0;left:0;right:0;padding:1mm 0;font-size:9pt}
.sample{background:#ffffff;color:#000000;border:1px solid #000000}
main h2,main h3,main h4,nav h2,summary,a,.note,.quote figcaption,body>footer{color:#000000}
thead th{background:#ffffff;color:#000000}
main h2{break-before:page}
h2,h3,h4,caption,figcaption{break-after:avoid}
figure,table,.table-wrap,.table-block,blockquote,tr,body>footer{break-inside:avoid}
.long,.long table,.long .table-wrap{break-inside:auto}
.table-wrap{overflow:visible}
}
`

// styleSheet is the style sheet with the accent.
func styleSheet(accent string) string {
	return strings.ReplaceAll(css, "ACCENT", accent)
}
