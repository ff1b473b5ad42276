package pdfua

import (
	"encoding/binary"
	"math"
	"sync"

	"github.com/pressroom/pressroom/internal/pdf"
)

// sRGBPoints is how many points the profile's tone curve has. Read back
// by linear interpolation, 64 points put every 12-bit value within 0.11 of
// an 8-bit step of IEC 61966-2-1's curve (TestSRGBProfile measures it).
const sRGBPoints = 64

// sRGBProfile returns a compact ICC v2.1 display profile of sRGB (IEC
// 61966-2-1) for the PDF/A output intent, made here rather than copied
// so that it carries nothing a PDF does not need: the nine tags ICC.1
// requires of a matrix/TRC RGB display profile (description, copyright,
// white point, three colorants, and one tone curve the three channels
// share), 604 bytes where the ICC's sRGB2014.icc takes 3,024. The
// colorants and white point are sRGB's, adapted to D50 with the Bradford
// transform, as the ICC's profiles give them.
func sRGBProfile() []byte {
	be := binary.BigEndian
	u32 := func(b []byte, v uint32) []byte { return be.AppendUint32(b, v) }
	xyz := func(x, y, z int32) []byte {
		b := append([]byte("XYZ "), 0, 0, 0, 0)
		for _, v := range []int32{x, y, z} {
			b = u32(b, uint32(v))
		}
		return b
	}
	desc := func(s string) []byte { // textDescriptionType: ASCII only
		b := append([]byte("desc"), 0, 0, 0, 0)
		b = u32(b, uint32(len(s)+1))
		b = append(b, s...)
		b = append(b, 0)
		b = u32(b, 0) // Unicode language code
		b = u32(b, 0) // Unicode count
		b = append(b, 0, 0, 0)
		return append(b, make([]byte, 67)...) // ScriptCode description
	}
	text := func(s string) []byte { return append(append([]byte("text\x00\x00\x00\x00"), s...), 0) }
	curve := append([]byte("curv"), 0, 0, 0, 0)
	curve = u32(curve, sRGBPoints)
	for i := range sRGBPoints {
		v := float64(i) / (sRGBPoints - 1)
		var l float64
		if v <= 0.04045 {
			l = v / 12.92
		} else {
			l = math.Pow((v+0.055)/1.055, 2.4)
		}
		curve = be.AppendUint16(curve, uint16(math.Round(l*65535)))
	}
	type tag struct {
		sig  string
		data []byte
	}
	tags := []tag{
		{"desc", desc("sRGB IEC61966-2.1")},
		{"cprt", text("No copyright, use freely")},
		{"wtpt", xyz(0xf6d6, 0x10000, 0xd32d)},
		{"rXYZ", xyz(0x6fa2, 0x38f5, 0x0390)},
		{"gXYZ", xyz(0x6299, 0xb785, 0x18da)},
		{"bXYZ", xyz(0x24a0, 0x0f84, 0xb6cf)},
		{"rTRC", curve},
		{"gTRC", nil}, // nil: the same data as the tag before
		{"bTRC", nil},
	}
	const headerLen = 128
	table := make([]byte, 0, 4+12*len(tags))
	table = u32(table, uint32(len(tags)))
	var body []byte
	off := headerLen + 4 + 12*len(tags)
	var last, lastLen int
	for _, t := range tags {
		if t.data != nil {
			for len(body)%4 != 0 { // tags start on 4-byte boundaries
				body = append(body, 0)
			}
			last, lastLen = off+len(body), len(t.data)
			body = append(body, t.data...)
		}
		table = append(table, t.sig...)
		table = u32(table, uint32(last))
		table = u32(table, uint32(lastLen))
	}
	size := headerLen + len(table) + len(body)
	h := make([]byte, 0, size)
	h = u32(h, uint32(size))
	h = u32(h, 0)          // preferred CMM: none
	h = u32(h, 0x02100000) // version 2.1
	h = append(h, "mntrRGB XYZ "...)
	h = append(h, 0x07, 0xea, 0, 12, 0, 6, 0, 0, 0, 0, 0, 0) // 2026-12-06 00:00:00, fixed
	h = append(h, "acsp"...)
	h = append(h, make([]byte, 4+4+4+4+8+4)...) // platform, flags, maker, model, attributes, intent
	h = u32(h, 0xf6d6)                          // the PCS illuminant, D50
	h = u32(h, 0x10000)
	h = u32(h, 0xd32d)
	h = append(h, make([]byte, headerLen-len(h))...) // creator, reserved
	return append(append(h, table...), body...)
}

// sRGBDeflated is the profile compressed, as it is written: made once,
// and the same bytes every time.
var sRGBDeflated = sync.OnceValue(func() []byte { return pdf.Deflate(sRGBProfile()) })
