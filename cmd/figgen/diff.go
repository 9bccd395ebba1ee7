package main

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// writeDiff writes, for the stale output name whose committed file is at
// committed and whose new bytes are data, into dir: NAME.old.EXT (the
// committed file), NAME.new.EXT and, for a PNG, NAME.diff.png, the new
// image faded to grey with every changed pixel in red, so that a reviewer
// sees what changed. Folders of name are kept under dir.
func writeDiff(dir, name, committed string, data []byte) error {
	old, err := readRegular(committed, maxOutputBytes)
	if err != nil {
		return err
	}
	ext := path.Ext(name)
	stem := filepath.Join(dir, filepath.FromSlash(strings.TrimSuffix(name, ext)))
	if err := os.MkdirAll(filepath.Dir(stem), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(stem+".old"+ext, old, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(stem+".new"+ext, data, 0o644); err != nil {
		return err
	}
	if ext != ".png" {
		return nil
	}
	a, err1 := png.Decode(bytes.NewReader(old))
	b, err2 := png.Decode(bytes.NewReader(data))
	if err1 != nil || err2 != nil {
		return nil // not both images: the two files say it
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, diffImage(a, b)); err != nil {
		return err
	}
	return os.WriteFile(stem+".diff.png", buf.Bytes(), 0o644)
}

// diffImage returns b faded to a light grey, with the pixels that differ
// from a's (or lie outside a) in red: the union of both sizes.
func diffImage(a, b image.Image) image.Image {
	r := a.Bounds().Union(b.Bounds())
	img := image.NewNRGBA(r)
	red := color.NRGBA{R: 0xe0, A: 0xff}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			p := image.Pt(x, y)
			if !p.In(a.Bounds()) || !p.In(b.Bounds()) {
				img.SetNRGBA(x, y, red)
				continue
			}
			ca := color.NRGBAModel.Convert(a.At(x, y)).(color.NRGBA)
			cb := color.NRGBAModel.Convert(b.At(x, y)).(color.NRGBA)
			if ca != cb {
				img.SetNRGBA(x, y, red)
				continue
			}
			g := color.GrayModel.Convert(cb).(color.Gray)
			v := 0xff - (0xff-g.Y)/4 // faded
			img.SetNRGBA(x, y, color.NRGBA{v, v, v, 0xff})
		}
	}
	return img
}
