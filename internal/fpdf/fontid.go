// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"crypto/sha1"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"hash"
	"strconv"
)

// generateFontID generates a font Id from the font definition: the SHA-1
// of its JSON encoding with File cleared (the file can differ between
// instances). The ID names the font in content streams (/F<id>), so it
// must stay exactly what json.Marshal gave; the JSON is written straight
// into the hash because reflecting over a UTF-8 font's 65,536-entry width
// table cost about 1 ms per font per document.
func generateFontID(fdt fontDefType) (string, error) {
	return generateFontIDWidths(fdt, nil)
}

// generateFontIDWidths is generateFontID with the JSON text of fdt.Cw
// already formatted (by appendWidthsJSON), or nil to format it here.
func generateFontIDWidths(fdt fontDefType, widthsJSON []byte) (string, error) {
	if fdt.Tp == "UTF8" {
		return utf8FontID(fdt), nil
	}
	h := sha1.New()
	w := fontIDWriter{h: h, buf: make([]byte, 0, fontIDBufSize+16)}
	w.raw(`{"Tp":`)
	w.str(fdt.Tp)
	w.raw(`,"Name":`)
	w.str(fdt.Name)
	d := fdt.Desc
	w.raw(`,"Desc":{"Ascent":`)
	w.int(d.Ascent)
	w.raw(`,"Descent":`)
	w.int(d.Descent)
	w.raw(`,"CapHeight":`)
	w.int(d.CapHeight)
	w.raw(`,"Flags":`)
	w.int(d.Flags)
	w.raw(`,"FontBBox":{"Xmin":`)
	w.int(d.FontBBox.Xmin)
	w.raw(`,"Ymin":`)
	w.int(d.FontBBox.Ymin)
	w.raw(`,"Xmax":`)
	w.int(d.FontBBox.Xmax)
	w.raw(`,"Ymax":`)
	w.int(d.FontBBox.Ymax)
	w.raw(`},"ItalicAngle":`)
	w.int(d.ItalicAngle)
	w.raw(`,"StemV":`)
	w.int(d.StemV)
	w.raw(`,"MissingWidth":`)
	w.int(d.MissingWidth)
	w.raw(`},"Up":`)
	w.int(fdt.Up)
	w.raw(`,"Ut":`)
	w.int(fdt.Ut)
	w.raw(`,"Cw":`)
	if widthsJSON != nil {
		w.flush()
		h.Write(widthsJSON)
	} else if fdt.Cw == nil {
		w.raw("null")
	} else {
		w.raw("[")
		w.widths(fdt.Cw)
		w.raw("]")
	}
	w.raw(`,"Enc":`)
	w.str(fdt.Enc)
	w.raw(`,"Diff":`)
	w.str(fdt.Diff)
	w.raw(`,"File":"","Size1":`)
	w.int(fdt.Size1)
	w.raw(`,"Size2":`)
	w.int(fdt.Size2)
	w.raw(`,"OriginalSize":`)
	w.int(fdt.OriginalSize)
	w.raw(`,"N":`)
	w.int(fdt.N)
	w.raw(`,"DiffN":`)
	w.int(fdt.DiffN)
	w.raw("}")
	if w.err != nil {
		return "", w.err
	}
	w.flush()
	return hex.EncodeToString(h.Sum(nil)), nil
}

// utf8FontID is the ID of a UTF-8 font (patch 21): 16 hexadecimal
// digits of the SHA-1 of its name, metrics and widths as binary. The ID
// of other fonts is the SHA-1 of their JSON text (40 digits), which for a
// UTF-8 font meant formatting 65,536 widths, about a sixth of a cold
// render that adds three fonts; and the ID is repeated, as /F<id>, at
// every font change in every content stream. 64 bits keep fonts with
// different names or widths apart.
//
// Since patch 29 the widths are hashed as the codes that have one, each
// as its distance from the previous such code and its width (varints):
// the same information as all 65,536 widths, zeros included, which made
// the SHA-1 read about 66 KB per font where a font has a few thousand
// widths (10-20 KB).
func utf8FontID(fdt fontDefType) string {
	h := sha1.New()
	buf := make([]byte, 0, 16<<10)
	buf = append(buf, "UTF8\x00"...)
	buf = append(buf, fdt.Name...)
	buf = append(buf, 0)
	d := fdt.Desc
	cw := fdt.widths()
	for _, v := range []int{d.Ascent, d.Descent, d.CapHeight, d.Flags, d.FontBBox.Xmin, d.FontBBox.Ymin,
		d.FontBBox.Xmax, d.FontBBox.Ymax, d.ItalicAngle, d.StemV, d.MissingWidth, fdt.Up, fdt.Ut, cw.len()} {
		buf = binary.BigEndian.AppendUint32(buf, uint32(int32(v)))
	}
	prev := -1
	width := func(c int, w int32) {
		if w == 0 {
			return
		}
		if len(buf) > cap(buf)-2*binary.MaxVarintLen32 {
			h.Write(buf)
			buf = buf[:0]
		}
		buf = binary.AppendUvarint(buf, uint64(c-prev))
		buf = binary.AppendUvarint(buf, uint64(uint32(w)))
		prev = c
	}
	if cw.pages == nil {
		for c, w := range fdt.Cw {
			width(c, int32(w))
		}
	} else {
		for hi, p := range cw.pages.pages {
			if p != nil {
				for lo, w := range p {
					width(hi<<8|lo, w)
				}
			}
		}
	}
	h.Write(buf)
	var sum [sha1.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0])[:8])
}

const fontIDBufSize = 32 << 10

// fontIDWriter buffers JSON text on its way into a hash.
type fontIDWriter struct {
	h   hash.Hash
	buf []byte
	err error
}

func (w *fontIDWriter) flush() {
	w.h.Write(w.buf)
	w.buf = w.buf[:0]
}

func (w *fontIDWriter) raw(s string) {
	w.buf = append(w.buf, s...)
	if len(w.buf) >= fontIDBufSize {
		w.flush()
	}
}

func (w *fontIDWriter) int(v int) {
	w.buf = strconv.AppendInt(w.buf, int64(v), 10)
	if len(w.buf) >= fontIDBufSize {
		w.flush()
	}
}

// appendWidthsJSON appends the JSON text of a width table, as
// json.Marshal writes it, to b.
func appendWidthsJSON(b []byte, cw []int) []byte {
	if cw == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, v := range cw {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(v), 10)
	}
	return append(b, ']')
}

// widths writes a width table as JSON array elements. The entries are
// mostly 0 (no glyph) or a few digits, so they are formatted in place
// rather than through strconv, which halves the time for a UTF-8 font.
func (w *fontIDWriter) widths(cw []int) {
	buf := w.buf[:cap(w.buf)]
	n := len(w.buf)
	limit := len(buf) - 24 // room for ",", a sign and 20 digits
	for i, v := range cw {
		if n >= limit {
			w.buf = buf[:n]
			w.flush()
			n = 0
		}
		if i > 0 {
			buf[n] = ','
			n++
		}
		if v == 0 {
			buf[n] = '0'
			n++
			continue
		}
		if v < 0 || v >= 100000 {
			n += len(strconv.AppendInt(buf[n:n], int64(v), 10))
			continue
		}
		var d [5]byte
		k := len(d)
		for v > 0 {
			k--
			d[k] = byte('0' + v%10)
			v /= 10
		}
		n += copy(buf[n:], d[k:])
	}
	w.buf = buf[:n]
}

// str writes s as encoding/json does (HTML-safe escaping, invalid UTF-8
// replaced), which is what the ID has always been computed from.
func (w *fontIDWriter) str(s string) {
	b, err := json.Marshal(s)
	if err != nil && w.err == nil {
		w.err = err
	}
	w.buf = append(w.buf, b...)
}
