package layout

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
	"math"
	"strings"

	"github.com/pressroom/pressroom/pkg/input"
	"github.com/pressroom/pressroom/pkg/vector"
)

// Limits on a logo: the pixel count is checked from the header before the
// image is decoded, so an enormous image costs nothing to refuse.
const (
	maxLogoPixels = 20_000_000
	maxLogoBytes  = 32 << 20
)

type logoResult struct {
	image  image.Image
	vector *vector.Drawing
	size   image.Point
	data   []byte
	format string
	err    error
	hint   string
}

// decodeLogoFile reads and decodes an image, refusing what is not an
// SVG, PNG or JPEG and anything over maxLogoPixels. An SVG is parsed
// into vectors (pkg/vector), refused with its line and column for what
// cannot be drawn. A built-in logo (a PNG that
// layouts/gen drew and its test checks) is not decoded: only its size is
// read, which is all a render needs of it.
func decodeLogoFile(shown string, read func(int64, string) ([]byte, error), builtin bool) logoResult {
	data, err := read(maxLogoBytes, "logo files")
	if err != nil {
		return logoResult{err: err, hint: "check the path: it is relative to the layout file"}
	}
	var cfg image.Config
	format := ""
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		format = "png"
		cfg, err = png.DecodeConfig(bytes.NewReader(data))
	case bytes.HasPrefix(data, []byte("\xff\xd8")):
		format = "jpeg"
		cfg, err = jpeg.DecodeConfig(bytes.NewReader(data))
	case isSVG(data) || strings.HasSuffix(strings.ToLower(shown), ".svg"):
		// A file named .svg is read as one, so that what is wrong with
		// it is said by the SVG reader, with its line and column.
		return decodeSVG(shown, data)
	default:
		return logoResult{err: fmt.Errorf("%s is not an SVG, PNG or JPEG image", shown), hint: "save the logo as an SVG, a PNG (with transparency) or a JPEG"}
	}
	if err != nil {
		return logoResult{err: fmt.Errorf("%s: the %s image is damaged: %v", shown, strings.ToUpper(format), err), hint: "export the logo again"}
	}
	if px := cfg.Width * cfg.Height; cfg.Width <= 0 || cfg.Height <= 0 || px > maxLogoPixels || px/cfg.Width != cfg.Height {
		return logoResult{
			err:  fmt.Errorf("%s is %d × %d pixels (%.1f megapixels), more than the 20 megapixels a logo may be", shown, cfg.Width, cfg.Height, float64(cfg.Width)*float64(cfg.Height)/1e6),
			hint: "a logo needs about 600 pixels across: scale it down",
		}
	}
	size := image.Pt(cfg.Width, cfg.Height)
	if builtin && format == "png" && !(len(data) > 28 && data[28] == 1) {
		return logoResult{size: size, data: data, format: format}
	}
	var img image.Image
	if format == "png" {
		img, err = png.Decode(bytes.NewReader(data))
	} else {
		img, err = jpeg.Decode(bytes.NewReader(data))
	}
	if err != nil {
		return logoResult{err: fmt.Errorf("%s: the %s image is damaged: %v", shown, strings.ToUpper(format), err), hint: "export the logo again"}
	}
	if data, format, err = forPDF(img, data, format); err != nil {
		return logoResult{err: fmt.Errorf("%s: %v", shown, err), hint: "export the logo again as a PNG"}
	}
	return logoResult{image: img, size: size, data: data, format: format}
}

// isSVG tells an SVG file by its start: optional byte-order mark, XML
// declaration, comments or doctype, then an <svg element within the
// first kilobytes.
func isSVG(data []byte) bool {
	head := strings.ToLower(string(data[:min(len(data), 4096)]))
	head = strings.TrimPrefix(head, "\ufeff")
	t := strings.TrimSpace(head)
	return (strings.HasPrefix(t, "<?xml") || strings.HasPrefix(t, "<svg") || strings.HasPrefix(t, "<!--") || strings.HasPrefix(t, "<!doctype")) &&
		strings.Contains(head, "<svg")
}

// decodeSVG parses an SVG logo into vectors, or says what in it cannot
// be drawn, at its line and column in the SVG file.
func decodeSVG(shown string, data []byte) logoResult {
	d, err := vector.Parse(data)
	if err != nil {
		hint := "export the logo again as plain SVG, or as a PNG with transparency about 600 pixels wide"
		var ve *vector.Error
		if errors.As(err, &ve) && ve.Hint != "" {
			hint = ve.Hint
		}
		return logoResult{err: fmt.Errorf("%s:%v", shown, err), hint: hint}
	}
	size := image.Pt(max(1, int(math.Ceil(d.Width))), max(1, int(math.Ceil(d.Height))))
	return logoResult{vector: d, size: size, data: data, format: "svg"}
}

// forPDF returns the logo's bytes in a form the PDF writer embeds
// correctly, re-encoding (once per process, as logos are decoded once)
// what it cannot take as it is:
//   - an interlaced PNG, which fpdf refuses, becomes a non-interlaced
//     PNG of the same pixels;
//   - a CMYK JPEG, which would be drawn as /DeviceCMYK under the sRGB
//     output intent (PDF/A-2 forbids that mix), becomes an RGB PNG:
//     lossless, so the picture is not compressed twice.
func forPDF(img image.Image, data []byte, format string) ([]byte, string, error) {
	var rgb image.Image
	switch {
	case format == "png" && len(data) > 28 && data[28] == 1: // IHDR's interlace method: Adam7
		rgb = img
	case format == "jpeg":
		cmyk, ok := img.(*image.CMYK)
		if !ok {
			return data, format, nil
		}
		b := cmyk.Bounds()
		out := image.NewRGBA(b)
		draw.Draw(out, b, cmyk, b.Min, draw.Src)
		rgb = out
	default:
		return data, format, nil
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, rgb); err != nil {
		return nil, "", fmt.Errorf("cannot convert the image for the PDF: %v", err)
	}
	return buf.Bytes(), "png", nil
}

func (lib *Library) decodeLogo(d *decoder, lay *Layout) {
	file := d.str("logo.file")
	width := d.number("logo.width", 5, 120, "mm")
	place := d.choice("logo.place", "left", "right")
	alt := d.str("logo.alt")
	wordmark := d.boolean("logo.wordmark")
	s, ok := d.set["logo.file"]
	if !ok || file == "" {
		return
	}
	if max := lay.Page.Width - lay.Page.Left - lay.Page.Right; width > max && max > 0 {
		ws := d.set["logo.width"]
		d.diag.Errorf(ws.valuePos(), fmt.Sprintf("make it at most %g", max), "logo.width is %g mm, wider than the %g mm between the margins", width, max)
	}
	key, shown, read, err := lib.opener(s.src, file)
	r := logoResult{err: err, hint: input.Hint(err)}
	if err == nil {
		lay.Files = append(lay.Files, shown)
		builtin := strings.HasPrefix(key, "builtin:")
		r = get(lib, lib.logos, key, func() logoResult { return decodeLogoFile(shown, read, builtin) })
	}
	if r.err != nil {
		d.diag.Errorf(s.valuePos(), r.hint, "logo.file: %v", r.err)
		return
	}
	lay.Logo = &Logo{
		Path: file, Image: r.image, Vector: r.vector, Size: r.size, Data: r.data, Format: r.format,
		Width: width, Align: place, Alt: alt, Wordmark: wordmark,
	}
}
