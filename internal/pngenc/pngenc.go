// Package pngenc writes PNG images, faster and smaller than image/png for
// figgen's figures and with the same decoded pixels (for images of 8 bits a
// channel: it writes 8 bits a channel only, so that an image of 16 loses
// its low bits where image/png would keep them).
//
// The encoder looks at the pixels once and writes the smallest colour type
// that holds them exactly: grey when every pixel is grey and opaque, a
// palette (1, 2, 4 or 8 bits a pixel) when the image has at most 256
// colours, RGB when it is opaque, RGBA otherwise. Rows are left unfiltered
// (on figures — flat colours, thin anti-aliased lines and text — every
// filter, and libpng's adaptive rule, was larger at every level) and
// deflated by a compressor of its own (deflate.go) made for such rows: it
// looks for matches in the pixel before, in the row above and in a hash
// chain keyed by the run each position starts, takes long matches whole,
// parses the stretches between them for the fewest bits (a shortest path
// over the few matches found, priced by the statistics of the image so
// far), and splits its Huffman blocks, token by token, where the
// statistics change. On the post's figures that is some 6 % smaller in
// all than compress/flate's highest level (from 3 % larger to 12 %
// smaller a figure) at 1.3 times the time of its fastest.
// Options.Optimize parses each block again for the tokens of least cost,
// a few rounds (as zopfli does): some 4 % smaller again (2–8 % a
// figure), many times slower. Buffers are pooled, so that a worker
// encoding figure after figure allocates little (see Encoder), and
// Encoder.EncodeTextOver writes the rows over the image it is done with.
// The output depends only on the pixels and the options: the same bytes
// on every machine.
package pngenc

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/figgen/figgen/internal/freelist"
)

// Options tune an encoding. The zero value is the default: fast, and
// smaller than image/png on figures.
type Options struct {
	// Optimize spends more time for a smaller file: the rows parsed for
	// the tokens of least cost (some 4 % smaller on figures, tens of
	// times as slow).
	Optimize bool
}

// An Encoder writes PNGs, reusing its buffers and compressors from one
// image to the next. The zero value is ready to use; it is safe for
// concurrent use, each goroutine drawing on buffers of its own.
type Encoder struct {
	Options
	states freelist.List[*state]
	pix    freelist.List[[]byte]
}

// Encode writes img to w as a PNG, with buffers of its own.
func Encode(w io.Writer, img image.Image, opts Options) error {
	e := Encoder{Options: opts}
	return e.Encode(w, img)
}

// Text is a piece of text a PNG carries about itself: an iTXt chunk,
// UTF-8, uncompressed, with no language tag nor translated keyword
// unless Lang is set.
type Text struct {
	// Key is the keyword: 1-79 printable Latin-1 characters, no leading,
	// trailing or double spaces; the PNG specification names some (Title,
	// Description, Author, Copyright, Software, …).
	Key string
	// Value is the text, UTF-8.
	Value string
	// Lang is the language of Value (a BCP 47 tag such as "ko"), or "".
	Lang string
}

// Encode writes img to w as a PNG.
func (e *Encoder) Encode(w io.Writer, img image.Image) error {
	return e.encode(w, img, false, nil)
}

// EncodeText writes img to w as a PNG carrying texts, each in an iTXt
// chunk before the image data, in the order given.
func (e *Encoder) EncodeText(w io.Writer, img image.Image, texts ...Text) error {
	return e.encode(w, img, false, texts)
}

// EncodeTextOver is EncodeText for an image the caller is done with: the
// rows to compress are written over img's own pixels when they fit there
// (RGB, grey and 8-bit palettes: fewer bytes a pixel than img's four),
// instead of into a buffer as large as the image (1.2 MB for a figure of
// 800×500). img's pixels are undefined afterwards; the PNG is the same
// bytes as EncodeText's.
func (e *Encoder) EncodeTextOver(w io.Writer, img *image.RGBA, texts ...Text) error {
	return e.encode(w, img, true, texts)
}

func (e *Encoder) encode(w io.Writer, img image.Image, over bool, texts []Text) error {
	for _, t := range texts {
		if !validKey(t.Key) {
			return errors.New("pngenc: " + strconv.Quote(t.Key) + " is no PNG text keyword")
		}
		if !utf8.ValidString(t.Value) || strings.IndexByte(t.Lang, 0) >= 0 {
			return errors.New("pngenc: the text of " + t.Key + " is not UTF-8")
		}
	}
	opts := e.Options
	b := img.Bounds()
	width, height := b.Dx(), b.Dy()
	if width <= 0 || height <= 0 {
		return errors.New("pngenc: empty image")
	}
	if int64(width) >= 1<<31 || int64(height) >= 1<<31 {
		return errors.New("pngenc: image too large: " + strconv.Itoa(width) + "×" + strconv.Itoa(height))
	}
	px, an := e.nrgbaOf(img)
	defer e.release(px)
	ct := choose(an)

	st := e.getState()
	defer e.putState(st)
	st.px, st.an, st.ct = px, an, ct
	st.rowBytes = rowBytes(px, ct)
	// The encoder's own copy of the pixels it may write over, the
	// caller's image when asked to.
	st.over = px.pooled || over

	idat := st.deflate(opts.Optimize)

	// A bytes.Buffer (figgen's case) is written at once, grown to hold
	// the whole file; any other writer through a buffer.
	var bw chunkWriter
	var buffered *bufio.Writer
	if b, ok := w.(*bytes.Buffer); ok {
		size := 8 + 25 + 12 + 768 + 12 + 256 + len(idat) + 12*(len(idat)>>20+1) + 12
		for _, t := range texts {
			size += 12 + len(t.Key) + len(t.Lang) + len(t.Value) + 5
		}
		b.Grow(size)
		bw = b
	} else {
		buffered = bufio.NewWriterSize(w, 1<<16)
		bw = buffered
	}
	bw.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = ct.depth, ct.colorType
	chunk(bw, "IHDR", ihdr[:])
	if ct.colorType == ctPalette {
		plte := make([]byte, 0, 3*len(an.palette))
		trns := make([]byte, 0, len(an.palette))
		last := -1 // the last entry that is not opaque
		for i, c := range an.palette {
			plte = append(plte, c.R, c.G, c.B)
			trns = append(trns, c.A)
			if c.A != 0xff {
				last = i
			}
		}
		chunk(bw, "PLTE", plte)
		if last >= 0 {
			chunk(bw, "tRNS", trns[:last+1])
		}
	}
	for _, t := range texts {
		// keyword, NUL, not compressed (0, 0), language tag, NUL, no
		// translated keyword, NUL, text.
		data := make([]byte, 0, len(t.Key)+len(t.Lang)+len(t.Value)+5)
		data = append(data, t.Key...)
		data = append(data, 0, 0, 0)
		data = append(data, t.Lang...)
		data = append(data, 0, 0)
		data = append(data, t.Value...)
		chunk(bw, "iTXt", data)
	}
	// IDAT in chunks of at most 1 MiB, as decoders read them in any size.
	for len(idat) > 0 {
		n := min(len(idat), 1<<20)
		chunk(bw, "IDAT", idat[:n])
		idat = idat[n:]
	}
	chunk(bw, "IEND", nil)
	if buffered != nil {
		return buffered.Flush()
	}
	return nil
}

// validKey reports whether k is a PNG text keyword: 1-79 printable
// Latin-1 characters (ASCII here), no leading, trailing or double spaces.
func validKey(k string) bool {
	if len(k) == 0 || len(k) > 79 || k[0] == ' ' || k[len(k)-1] == ' ' || strings.Contains(k, "  ") {
		return false
	}
	for i := 0; i < len(k); i++ {
		if k[i] < 0x20 || k[i] > 0x7e {
			return false
		}
	}
	return true
}

// chunkWriter is a bufio.Writer, whose errors Flush returns, or a
// bytes.Buffer, which has none.
type chunkWriter interface {
	io.Writer
	io.StringWriter
}

func chunk(w chunkWriter, typ string, data []byte) {
	var hdr [8]byte
	binary.BigEndian.PutUint32(hdr[:4], uint32(len(data)))
	copy(hdr[4:], typ)
	w.Write(hdr[:])
	w.Write(data)
	crc := crc32.NewIEEE()
	crc.Write(hdr[4:])
	crc.Write(data)
	var sum [4]byte
	binary.BigEndian.PutUint32(sum[:], crc.Sum32())
	w.Write(sum[:])
}

// PNG colour types.
const (
	ctGrey    = 0
	ctRGB     = 2
	ctPalette = 3
	ctRGBA    = 6
)

// pixels is an image as 8-bit non-premultiplied RGBA, 4 bytes a pixel,
// rows of stride bytes.
type pixels struct {
	pix          []byte
	w, h, stride int
	pooled       bool
}

func (e *Encoder) release(p *pixels) {
	if p.pooled && cap(p.pix) <= maxKept {
		b := p.pix[:0]
		e.pix.Put(b)
	}
}

// nrgbaOf returns img's pixels as 8-bit non-premultiplied RGBA, exactly as
// color.NRGBAModel converts them (which is what image/png writes of an
// image of 8 bits a channel), and what one pass over them finds. An *image.RGBA is looked at as it is
// first: when it is opaque, as figures are, its premultiplied pixels are
// those non-premultiplied already.
func (e *Encoder) nrgbaOf(img image.Image) (*pixels, *analysis) {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	switch m := img.(type) {
	case *image.NRGBA:
		p := &pixels{pix: m.Pix[m.PixOffset(b.Min.X, b.Min.Y):], w: w, h: h, stride: m.Stride}
		return p, analyse(p)
	case *image.RGBA:
		p := &pixels{pix: m.Pix[m.PixOffset(b.Min.X, b.Min.Y):], w: w, h: h, stride: m.Stride}
		if a := analyse(p); a.opaque {
			return p, a
		}
	}
	var buf []byte
	if b, ok := e.pix.Get(); ok {
		buf = b
	}
	if cap(buf) < 4*w*h {
		buf = make([]byte, 4*w*h)
	}
	buf = buf[:4*w*h]
	i := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			buf[i], buf[i+1], buf[i+2], buf[i+3] = c.R, c.G, c.B, c.A
			i += 4
		}
	}
	p := &pixels{pix: buf, w: w, h: h, stride: 4 * w, pooled: true}
	return p, analyse(p)
}

// analysis is what one pass over the pixels finds.
type analysis struct {
	opaque, grey bool
	palette      []color.NRGBA // nil when there are more than 256 colours
	index        colourIndex   // of the palette's colours
}

// colourIndex maps the at most 256 colours of a palette, as little-endian
// RGBA words, to their index: open addressing in a table four times as
// large, faster than a map on the pixel loops.
type colourIndex struct {
	keys [1024]uint32
	vals [1024]uint16 // index+1; 0 for an empty slot
}

// slot returns the slot of c: where it is, or the empty one where it goes.
func (t *colourIndex) slot(c uint32) int {
	h := int((c * 0x9e3779b1) >> 22)
	for t.vals[h] != 0 && t.keys[h] != c {
		h = (h + 1) & 1023
	}
	return h
}

// get returns the index of c, a colour of the palette.
func (t *colourIndex) get(c uint32) uint8 { return uint8(t.vals[t.slot(c)] - 1) }

func analyse(p *pixels) *analysis {
	a := &analysis{opaque: true, grey: true}
	counting := true
	last, lastSet := uint32(0), false
	for y := range p.h {
		row := p.pix[y*p.stride : y*p.stride+4*p.w]
		for i := 0; i+4 <= len(row); i += 4 {
			// Runs of one colour, as figures are mostly made of, are
			// passed over four pixels at a time.
			if lastSet {
				run := uint64(last) * 0x100000001
				for i+16 <= len(row) && binary.LittleEndian.Uint64(row[i:]) == run && binary.LittleEndian.Uint64(row[i+8:]) == run {
					i += 16
				}
				if i+4 > len(row) {
					break
				}
			}
			c := binary.LittleEndian.Uint32(row[i:])
			if lastSet && c == last {
				continue
			}
			last, lastSet = c, true
			r, g, b, al := uint8(c), uint8(c>>8), uint8(c>>16), uint8(c>>24)
			if al != 0xff {
				a.opaque = false
			}
			if r != g || g != b {
				a.grey = false
			}
			if !counting {
				continue
			}
			s := a.index.slot(c)
			if a.index.vals[s] != 0 {
				continue
			}
			if len(a.palette) == 256 {
				counting = false
				a.palette = nil
				if !a.opaque && !a.grey {
					return a // RGBA, whatever the rest holds
				}
				continue
			}
			a.index.keys[s] = c
			a.palette = append(a.palette, color.NRGBA{r, g, b, al})
			a.index.vals[s] = uint16(len(a.palette))
		}
	}
	return a
}

// colourType is how the pixels are written.
type colourType struct {
	colorType, depth uint8
}

func choose(a *analysis) colourType {
	switch {
	case a.grey && a.opaque:
		return colourType{colorType: ctGrey, depth: 8}
	case a.palette != nil:
		d := uint8(8)
		switch n := len(a.palette); {
		case n <= 2:
			d = 1
		case n <= 4:
			d = 2
		case n <= 16:
			d = 4
		}
		return colourType{colorType: ctPalette, depth: d}
	case a.opaque:
		return colourType{colorType: ctRGB, depth: 8}
	default:
		return colourType{colorType: ctRGBA, depth: 8}
	}
}

// rowBytes returns the bytes of one unfiltered row of p written as ct.
func rowBytes(p *pixels, ct colourType) int {
	switch ct.colorType {
	case ctGrey:
		return p.w
	case ctRGB:
		return 3 * p.w
	case ctRGBA:
		return 4 * p.w
	}
	return (p.w*int(ct.depth) + 7) / 8
}

// overwritable reports whether the rows can be written over the pixels
// they are made of, each row before the next is read: when the encoder
// may, the pixels' rows follow each other with no gap, and a pixel takes
// fewer bytes in a row than in p, counting the row's filter byte. Row y
// then starts at y×(rowBytes+1) ≤ 4×y×w, where its pixels start, and each
// pixel lands before the next one (see convertRow). Palettes of fewer
// than 8 bits clear their row before they fill it, and are left out.
func (st *state) overwritable() bool {
	p := st.px
	if !st.over || p.stride != 4*p.w || len(p.pix) < 4*p.w*p.h {
		return false
	}
	switch st.ct.colorType {
	case ctRGB, ctGrey:
		return true
	case ctPalette:
		return st.ct.depth == 8
	}
	return false
}

// convertRow writes row y of p, as ct, to dst (rowBytes long). dst may
// start at or before row y's pixels in p.pix as long as every pixel of it
// lands at or before the next one's (RGB, grey and 8-bit palettes): each
// pixel, or group of four, is read before it is written.
func convertRow(dst []byte, p *pixels, y int, a *analysis, ct colourType) {
	src := p.pix[y*p.stride : y*p.stride+4*p.w]
	switch ct.colorType {
	case ctGrey:
		for x := range dst {
			dst[x] = src[4*x]
		}
	case ctRGB:
		// Four pixels at a time: 16 bytes read as two words, their
		// colours written as 12 bytes in two.
		x := 0
		for ; x+4 <= p.w; x += 4 {
			s := src[4*x : 4*x+16]
			a, b := binary.LittleEndian.Uint64(s), binary.LittleEndian.Uint64(s[8:])
			d := dst[3*x : 3*x+12]
			binary.LittleEndian.PutUint64(d, a&0xffffff|a>>8&0xffffff000000|b<<48)
			binary.LittleEndian.PutUint32(d[8:], uint32(b>>16&0xff|b>>32&0xffffff<<8))
		}
		for ; x < p.w; x++ {
			dst[3*x], dst[3*x+1], dst[3*x+2] = src[4*x], src[4*x+1], src[4*x+2]
		}
	case ctRGBA:
		copy(dst, src)
	case ctPalette:
		// Neighbours mostly share their colour: the last one's index is
		// kept.
		last := binary.LittleEndian.Uint32(src)
		idx := a.index.get(last)
		if ct.depth == 8 {
			for x := range p.w {
				if c := binary.LittleEndian.Uint32(src[4*x:]); c != last {
					last, idx = c, a.index.get(c)
				}
				dst[x] = idx
			}
			return
		}
		clear(dst)
		d := int(ct.depth)
		perByte := 8 / d
		for x := range p.w {
			if c := binary.LittleEndian.Uint32(src[4*x:]); c != last {
				last, idx = c, a.index.get(c)
			}
			shift := uint(8 - d*(x%perByte+1))
			dst[x/perByte] |= idx << shift
		}
	}
}

// state holds the buffers and the compressor one encoding uses; pooled.
type state struct {
	px       *pixels
	an       *analysis
	ct       colourType
	rowBytes int
	raw      []byte // the rows, each after its filter byte (0: none)
	over     bool   // the rows may be written over px's pixels
	out      []byte
	z        deflater
}

func (e *Encoder) getState() *state {
	if s, ok := e.states.Get(); ok {
		return s
	}
	return &state{}
}

// maxKept is the largest buffer an Encoder keeps for the next image (rows,
// output or converted pixels).
const maxKept = 16 << 20

func (e *Encoder) putState(s *state) {
	s.px, s.an = nil, nil
	if cap(s.raw) > maxKept {
		s.raw = nil
	}
	if cap(s.out) > maxKept {
		s.out = nil
	}
	e.states.Put(s)
}

// deflate returns the image's rows, unfiltered, zlib-compressed. The
// result is valid until the state is reused.
func (st *state) deflate(optimize bool) []byte {
	n := (st.rowBytes + 1) * st.px.h
	var raw []byte
	if st.overwritable() {
		raw = st.px.pix[:n]
	} else {
		if cap(st.raw) < n {
			st.raw = make([]byte, n)
		}
		raw = st.raw[:n]
	}
	for y := range st.px.h {
		row := raw[y*(st.rowBytes+1) : (y+1)*(st.rowBytes+1)]
		convertRow(row[1:], st.px, y, st.an, st.ct)
		row[0] = 0 // filter type None: after the row, which may lie over it
	}
	bpp := 1
	switch st.ct.colorType {
	case ctRGB:
		bpp = 3
	case ctRGBA:
		bpp = 4
	}
	st.out = st.z.compress(st.out[:0], raw, bpp, st.rowBytes+1, optimize)
	return st.out
}
