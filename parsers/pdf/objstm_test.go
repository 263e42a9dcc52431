package pdf

import (
	"testing"

	"github.com/ledongthuc/pdf"

	"github.com/screener/screener/parsers/internal/extract"
)

// TestFlattenObjectStreams: pdfTeX's file keeps its fonts and pages in
// object streams; flattened, every page, its resources and its fonts read
// the same, and so does the text, without one object-stream lookup left.
func TestFlattenObjectStreams(t *testing.T) {
	r := readFixture(t, "../../testdata/parsers/latex-resume.pdf")
	ra, size, tail := tolerantPDF(r, r.Size())
	flat, flatSize, ok := flattenObjectStreams(ra, size, tail, 64<<20)
	if !ok {
		t.Fatal("not flattened")
	}
	if _, _, ok := flattenObjectStreams(ra, size, tail, 100); ok {
		t.Error("flattened beyond its budget")
	}
	orig, err := pdf.NewReader(ra, size)
	if err != nil {
		t.Fatal(err)
	}
	got, err := pdf.NewReader(flat, flatSize)
	if err != nil {
		t.Fatal(err)
	}
	flat, flatSize, flatTail := tolerantPDF(flat, flatSize)
	if _, _, again := flattenObjectStreams(flat, flatSize, flatTail, 64<<20); again {
		t.Error("the flattened file still has cross-reference streams to flatten")
	}
	lim := extract.Limits{}.WithDefaults()
	origPages, err := collectPages(orig, lim)
	if err != nil {
		t.Fatal(err)
	}
	gotPages, err := collectPages(got, lim)
	if err != nil {
		t.Fatal(err)
	}
	if len(gotPages) != len(origPages) {
		t.Fatalf("%d pages, want %d", len(gotPages), len(origPages))
	}
	for i := range origPages {
		for _, v := range []func(p pdf.Value) pdf.Value{
			func(p pdf.Value) pdf.Value { return p },
			func(p pdf.Value) pdf.Value { return inherited(p, "Resources") },
			func(p pdf.Value) pdf.Value { return inherited(p, "Resources").Key("Font") },
		} {
			if g, w := v(gotPages[i]).String(), v(origPages[i]).String(); g != w {
				t.Errorf("page %d: %s, want %s", i+1, g, w)
			}
		}
		fonts := inherited(origPages[i], "Resources").Key("Font")
		for _, name := range fonts.Keys() {
			w := fonts.Key(name).String()
			if g := inherited(gotPages[i], "Resources").Key("Font").Key(name).String(); g != w {
				t.Errorf("page %d font %s: %s, want %s", i+1, name, g, w)
			}
		}
		text := func(p pdf.Value) int {
			budget := int64(lim.MaxUncompressed)
			tp := &textPass{lim: lim, budget: &budget, fonts: map[fontKey]*pdfFont{}}
			if err := tp.page(p); err != nil {
				t.Fatal(err)
			}
			return len(tp.glyphs)
		}
		if g, w := text(gotPages[i]), text(origPages[i]); g != w || w == 0 {
			t.Errorf("page %d: %d glyphs, want %d (> 0)", i+1, g, w)
		}
	}
}
