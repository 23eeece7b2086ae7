package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
)

// logoPNG is a w×h logo: a solid colour.
func logoPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.NRGBA{200, 40, 40, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestCoverLogoBox: a logo takes as much of its box as its shape allows,
// and the box lies between the title band and the organisation.
func TestCoverLogoBox(t *testing.T) {
	if coverLogoTop <= coverBandH || coverLogoTop+coverLogoMaxH >= coverOrgTop {
		t.Fatalf("the logo's box %g..%g overlaps the band (to %g) or the organisation (from %g)",
			coverLogoTop, coverLogoTop+coverLogoMaxH, coverBandH, coverOrgTop)
	}
	for _, tc := range []struct {
		iw, ih, w, h float64
	}{
		{400, 100, 80, 20}, // 4:1 fills the box exactly
		{1000, 100, 80, 8}, // 10:1: the width
		{100, 1000, 2, 20}, // 1:10: the height
		{100, 100, 20, 20}, // square: the height
		{300, 200, 30, 20}, // 3:2
		{900, 100, 80, 80.0 / 9},
	} {
		w, h := coverLogoBox(tc.iw, tc.ih)
		if abs(w-tc.w) > 1e-9 || abs(h-tc.h) > 1e-9 {
			t.Errorf("%g×%g: %g×%g mm, want %g×%g", tc.iw, tc.ih, w, h, tc.w, tc.h)
		}
		if w > coverLogoMaxW+1e-9 || h > coverLogoMaxH+1e-9 {
			t.Errorf("%g×%g: %g×%g mm is larger than the box", tc.iw, tc.ih, w, h)
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// TestCoverLogo: a report with a logo holds it once, as an image, on the
// cover; without one it holds none; a logo fpdf cannot read is an error.
func TestCoverLogo(t *testing.T) {
	for _, size := range [][2]int{{600, 150}, {60, 400}} {
		out, err := Report(testDocument(), ReportOptions{Logo: logoPNG(t, size[0], size[1]), LogoType: "png"})
		if err != nil {
			t.Fatalf("%v: %v", size, err)
		}
		if n := bytes.Count(out, []byte("/Subtype /Image")); n != 1 {
			t.Errorf("%v: %d images in the PDF, want the logo once", size, n)
		}
		again, _ := Report(testDocument(), ReportOptions{Logo: logoPNG(t, size[0], size[1]), LogoType: "png"})
		if !bytes.Equal(out, again) {
			t.Errorf("%v: two renders with the logo differ", size)
		}
	}
	if _, err := Report(testDocument(), ReportOptions{Logo: []byte("not an image"), LogoType: "png"}); err == nil {
		t.Error("a logo that is not an image: no error")
	}
}
