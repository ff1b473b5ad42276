package pdfua

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf16"

	"github.com/pressroom/pressroom/internal/pdf"
)

// fixFonts gives every embedded TrueType subset its real PostScript name
// with a subset tag ("ABCDEF+NotoSans-Bold"), as ISO 32000-1, 9.6.4 asks,
// instead of fpdf's family alias, and checks that every font is embedded
// and has a ToUnicode map, as PDF/A-2 and PDF/UA-1 require. names are
// the PostScript names the renderer gave (Tagger.FontName), by /BaseFont;
// a font not among them has its name read from the subset.
func fixFonts(f *pdf.File, kept []int, names map[string]string) error {
	for _, num := range kept {
		d, ok := f.Objects[num].(*pdf.Dict)
		if !ok || d.Get("Type") != pdf.Name("Font") {
			continue
		}
		base, _ := d.Get("BaseFont").(pdf.Name)
		switch d.Get("Subtype") {
		case pdf.Name("Type0"):
			if f.Resolve(d.Get("ToUnicode")) == nil {
				return fmt.Errorf("font %s has no ToUnicode map", base)
			}
			kids, _ := f.Resolve(d.Get("DescendantFonts")).(pdf.Array)
			if len(kids) != 1 {
				return fmt.Errorf("font %s: no descendant font", base)
			}
			cid := f.DictOf(kids[0])
			if cid == nil {
				return fmt.Errorf("font %s: no descendant font", base)
			}
			desc := f.DictOf(cid.Get("FontDescriptor"))
			if desc == nil {
				return fmt.Errorf("font %s is not embedded", base)
			}
			file, ok := f.Resolve(desc.Get("FontFile2")).(*pdf.Stream)
			if !ok {
				return fmt.Errorf("font %s is not embedded as TrueType", base)
			}
			psName := cleanPostScriptName(names[string(base)])
			if psName == "" {
				data, err := pdf.Decode(file)
				if err != nil {
					return fmt.Errorf("font %s: %w", base, err)
				}
				psName = postScriptName(data)
			}
			if psName == "" {
				psName = string(base)
			}
			tagged := pdf.Name(subsetTag(file.Data) + "+" + psName)
			d.Set("BaseFont", tagged)
			cid.Set("BaseFont", tagged)
			desc.Set("FontName", tagged)
		case pdf.Name("TrueType"), pdf.Name("Type1"), pdf.Name("MMType1"), pdf.Name("Type3"):
			if d.Get("Subtype") == pdf.Name("Type3") {
				continue // glyphs are drawn by the font's own content
			}
			desc := f.DictOf(d.Get("FontDescriptor"))
			if desc == nil || (desc.Get("FontFile") == nil && desc.Get("FontFile2") == nil && desc.Get("FontFile3") == nil) {
				return fmt.Errorf("font %s is not embedded (PDF/A needs every font embedded: use a font file, not a core font)", base)
			}
		}
	}
	return nil
}

// subsetTag derives the six capital letters of a subset's tag from its
// bytes, so that the same subset always gets the same tag.
func subsetTag(data []byte) string {
	sum := sha256.Sum256(data)
	var tag [6]byte
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag[:])
}

// postScriptName returns name ID 6 of a TrueType font's name table, or ""
// when there is none.
func postScriptName(font []byte) string {
	table, err := sfntTable(font, "name")
	if err != nil || len(table) < 6 {
		return ""
	}
	count := int(binary.BigEndian.Uint16(table[2:]))
	strOff := int(binary.BigEndian.Uint16(table[4:]))
	var mac string
	for i := range count {
		rec := 6 + 12*i
		if rec+12 > len(table) {
			break
		}
		platform := binary.BigEndian.Uint16(table[rec:])
		id := binary.BigEndian.Uint16(table[rec+6:])
		length := int(binary.BigEndian.Uint16(table[rec+8:]))
		off := strOff + int(binary.BigEndian.Uint16(table[rec+10:]))
		if id != 6 || off+length > len(table) {
			continue
		}
		raw := table[off : off+length]
		switch platform {
		case 3, 0:
			u := make([]uint16, len(raw)/2)
			for j := range u {
				u[j] = binary.BigEndian.Uint16(raw[2*j:])
			}
			if s := cleanPostScriptName(string(utf16.Decode(u))); s != "" {
				return s
			}
		case 1:
			mac = cleanPostScriptName(string(raw))
		}
	}
	return mac
}

// cleanPostScriptName keeps the characters a PostScript name may have.
func cleanPostScriptName(s string) string {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		if r > 0x20 && r < 0x7f && r != '[' && r != ']' && r != '(' && r != ')' &&
			r != '{' && r != '}' && r != '<' && r != '>' && r != '/' && r != '%' {
			out = append(out, byte(r))
		}
	}
	if len(out) > 63 {
		out = out[:63]
	}
	return string(out)
}

// sfntTable returns the named table of a TrueType font.
func sfntTable(font []byte, tag string) ([]byte, error) {
	if len(font) < 12 {
		return nil, errors.New("font too short")
	}
	n := int(binary.BigEndian.Uint16(font[4:]))
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(font) {
			break
		}
		if string(font[rec:rec+4]) != tag {
			continue
		}
		off := int(binary.BigEndian.Uint32(font[rec+8:]))
		length := int(binary.BigEndian.Uint32(font[rec+12:]))
		if off < 0 || length < 0 || off > len(font) || length > len(font)-off {
			return nil, errors.New("table outside the font")
		}
		return font[off : off+length], nil
	}
	return nil, fmt.Errorf("no %s table", tag)
}
