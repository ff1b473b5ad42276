package fpdf

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// SoftMask registers a graphics state (ExtGState) whose soft mask is the
// luminosity of content: a transparency group in DeviceRGB on a black
// backdrop, clipped to bbox (x0 y0 x1 y1), painted in the space current
// where the state is set — white shows what is painted after, black
// hides it, greys make it translucent. It returns the state's resource
// name ("SM1"); the caller sets it with RawWriteStr("/SM1 gs") inside its
// own q … Q. content may paint shadings made by Shading and use the
// states of SetAlpha and SoftMask, as the page does: the group shares
// the document's resource dictionary. (pressroom patch 30: fpdf's
// SetAlpha sets a constant opacity only, and an SVG gradient whose stops
// fade, or a <mask>, is an opacity that varies across the shape.)
func (f *Fpdf) SoftMask(bbox [4]float64, content string) string {
	if f.err != nil {
		return ""
	}
	for _, v := range bbox {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			f.err = fmt.Errorf("SoftMask: bounding box %v", bbox)
			return ""
		}
	}
	if f.pdfVersion < pdfVers1_4 {
		f.pdfVersion = pdfVers1_4
	}
	f.softMasks = append(f.softMasks, softMaskType{bbox: bbox, content: content})
	return sprintf("SM%d", len(f.softMasks))
}

// AlphaState registers the graphics state SetAlpha would set and returns
// its resource name ("GS2") without setting it: for content drawn
// elsewhere than the page, such as a SoftMask's group, where the caller
// writes "/GS2 gs" itself. (pressroom patch 30.)
func (f *Fpdf) AlphaState(alpha float64, blendModeStr string) string {
	if pos := f.alphaState(alpha, blendModeStr); pos > 0 {
		return sprintf("GS%d", pos)
	}
	return ""
}

// putSoftMasks writes each soft mask's group, then the state naming it.
func (f *Fpdf) putSoftMasks() {
	filter := ""
	if f.compress {
		filter = "/Filter /FlateDecode "
	}
	for j := range f.softMasks {
		m := &f.softMasks[j]
		var bbox strings.Builder
		for i, v := range m.bbox {
			if i > 0 {
				bbox.WriteByte(' ')
			}
			bbox.WriteString(strconv.FormatFloat(v, 'f', 5, 64))
		}
		data := []byte(m.content)
		var mem *membuffer
		if f.compress {
			mem = xmem.compress(data)
			data = mem.bytes()
		}
		f.newobj()
		m.groupN = f.n
		f.outf("<<%s/Type /XObject /Subtype /Form /BBox [%s] /Group <</S /Transparency /CS /DeviceRGB>> /Resources 2 0 R /Length %d>>",
			filter, bbox.String(), len(data))
		f.putstream(data)
		f.out("endobj")
		if mem != nil {
			mem.release()
		}
		f.newobj()
		m.stateN = f.n
		f.outf("<</Type /ExtGState /SMask <</Type /Mask /S /Luminosity /G %d 0 R>>>>", m.groupN)
		f.out("endobj")
	}
}
