package figgen

import (
	"github.com/figgen/figgen/figures"
	"github.com/figgen/figgen/spec"
)

// The run reaches the decoding of specs and the check of their texts only
// through these functions, one call each.

// prepareDecoding builds what decoding needs (the kinds' schemas), so
// that a run does it while it reads its spec files.
func prepareDecoding() { figures.Kinds() }

// decodeConfig decodes the folder defaults data of the figgen.yaml at path.
func decodeConfig(path string, data []byte) (*spec.Config, error) {
	return figures.Kinds().DecodeConfig(path, data)
}

// decodeSpec decodes, defaults and validates the spec data at path with
// the folder defaults cfg (nil: none). On error the Figure, if any, is
// partial: only its Texts are meaningful.
func decodeSpec(path string, data []byte, cfg *spec.Config) (*spec.Figure, error) {
	return figures.Kinds().DecodeWith(path, data, cfg)
}

// loadData hands the valid figure f the contents of its data files.
func loadData(f *spec.Figure, data []figures.Data) error {
	return figures.LoadData(f, data)
}

// checkFigure typesets every text of f, a partial Figure included.
func checkFigure(r *figures.Renderer, f *spec.Figure) error {
	return r.Check(f)
}

// layoutFigure lays out the valid figure f and checks that it fits; the
// Layout is for rendering it.
func layoutFigure(r *figures.Renderer, f *spec.Figure) (*figures.Layout, error) {
	return r.Layout(f)
}

// checkConfig typesets every text the folder defaults cfg set.
func checkConfig(r *figures.Renderer, cfg *spec.Config) error {
	return r.CheckTexts(cfg.Texts())
}
