package plotfonts_test

import (
	"testing"

	_ "github.com/figgen/figgen/internal/plotfonts"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
)

// TestNotParsed: gonum/plot's init, which ran after plotfonts' (this test
// imports both: plotfonts must not import gonum/plot's root package, nor
// may any package of figgen that it imports), left its default font
// cache empty: the Liberation fonts were not parsed.
func TestNotParsed(t *testing.T) {
	_ = plot.DefaultFont
	if n := len(liberation.Collection()); n != 0 {
		t.Errorf("gonum/plot parsed %d Liberation fonts", n)
	}
	if font.DefaultCache.Has(plot.DefaultFont) {
		t.Error("gonum/plot's default font cache has its default font")
	}
}
