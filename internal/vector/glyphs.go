package vector

import "sync"

// Glyphs keeps the path data of glyph outlines, by FillGlyph's key, for
// the SVGs that share it (ShareGlyphs): safe for concurrent use, the zero
// value empty and ready. It holds at most maxGlyphBytes of path data and
// forgets them all when more come.
type Glyphs struct {
	mu    sync.Mutex
	data  map[any]string
	bytes int
}

// maxGlyphBytes bounds the path data Glyphs keep: some thousands of
// outlines, far more than the texts of a post use.
const maxGlyphBytes = 4 << 20

// get returns the path data of key's outline; a nil g has none.
func (g *Glyphs) get(key any) (string, bool) {
	if g == nil {
		return "", false
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	d, ok := g.data[key]
	return d, ok
}

// put keeps d as the path data of key's outline; a nil g keeps nothing.
func (g *Glyphs) put(key any, d string) {
	if g == nil {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.data == nil || g.bytes+len(d) > maxGlyphBytes {
		g.data, g.bytes = map[any]string{}, 0
	}
	if _, ok := g.data[key]; !ok {
		g.data[key] = d
		g.bytes += len(d)
	}
}
