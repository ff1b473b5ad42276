package shaping

import (
	"slices"

	"github.com/pressroom/pressroom/internal/gotext/font"
	"github.com/pressroom/pressroom/internal/gotext/font/opentype/tables"
)

// kerning is a face's pair kerning, found once: the PairPos subtables of
// the GPOS lookups the 'kern' feature uses, else the old 'kern' table's
// simple subtables.
type kerning struct {
	lookups [][]tables.PairPosData // per lookup, its pair subtables in order
	old     []font.SimpleKerns
}

// Kern is the face's pair kerning for simple scripts (GPOS PairPos of the
// 'kern' feature, else the 'kern' table), built once and cached in the
// Face: the adjustment in 1/1000 em between two glyph IDs, negative when
// they move closer. It is how much shaping the pair changes its width
// (HarfBuzz adds a GPOS value to the left glyph's advance and splits a
// 'kern' table value between the two glyphs); contextual kerning and a
// GPOS pair's adjustments of the second glyph (rare in Latin fonts) are
// left out, and a pair whose tables are damaged gets 0.
func (f *Face) Kern(left, right uint16) (k float64) {
	// Pair tables are read here, not when the font is parsed: damage in
	// them costs the pair its kerning, never the program.
	defer func() {
		if recover() != nil {
			k = 0
		}
	}()
	f.kernOnce.Do(f.buildKerning)
	l, r := tables.GlyphID(left), tables.GlyphID(right)
	var sum int
	for _, lookup := range f.kern.lookups {
		// Within a lookup the first subtable that covers the pair applies.
		for _, sub := range lookup {
			if v, ok := pairValue(sub, l, r); ok {
				sum += v
				break
			}
		}
	}
	if len(f.kern.lookups) == 0 {
		for _, k := range f.kern.old {
			sum += int(k.KernPair(font.GID(left), font.GID(right)))
		}
	}
	return float64(sum) * 1000 / f.upem
}

// pairValue is the left glyph's advance adjustment a PairPos subtable
// gives the pair, and whether the subtable covers it.
func pairValue(sub tables.PairPosData, l, r tables.GlyphID) (int, bool) {
	idx, ok := sub.Cov().Index(l)
	if !ok {
		return 0, false
	}
	switch sub := sub.(type) {
	case tables.PairPosData1:
		if idx >= len(sub.PairSets) {
			return 0, false
		}
		rec, ok := sub.PairSets[idx].FindGlyph(r)
		if !ok {
			return 0, false
		}
		return int(rec.ValueRecord1.XAdvance), true
	case tables.PairPosData2:
		c2, ok := sub.ClassDef2.Class(r)
		if !ok {
			// Class 0 holds every glyph the class table leaves out.
			c2 = 0
		}
		c1, _ := sub.ClassDef1.Class(l)
		return int(sub.Record(c1, c2).ValueRecord1.XAdvance), true
	}
	return 0, false
}

// buildKerning reads the lookups of GPOS's 'kern' feature alone, parsed
// and checked by the same go-text code the full parse uses; only a font
// without them and with an old 'kern' table needs the whole font (go-text
// reads that table only as part of it).
func (f *Face) buildKerning() {
	gpos := &f.gpos
	n := len(gpos.LookupList.Lookups)
	seen := map[uint16]bool{}
	var indices []uint16
	for i, feat := range gpos.FeatureList.Features {
		if i >= len(gpos.FeatureList.Records) || gpos.FeatureList.Records[i].Tag != tables.Tag(0x6b65726e) { // 'kern'
			continue
		}
		for _, li := range feat.LookupListIndices {
			if !seen[li] && int(li) < n {
				seen[li] = true
				indices = append(indices, li)
			}
		}
	}
	// Lookups apply in lookup-list order, whatever order features list them.
	slices.Sort(indices)
	for _, li := range indices {
		subs, ok := pairSubtables(gpos.LookupList.Lookups[li], n)
		if !ok {
			// go-text drops the whole GPOS table when one of its lookups
			// is damaged, and HarfBuzz then kerns from 'kern'.
			f.kern.lookups = nil
			break
		}
		if len(subs) > 0 {
			f.kern.lookups = append(f.kern.lookups, subs)
		}
	}
	if len(f.kern.lookups) > 0 || !f.hasKern {
		return
	}
	full, err := f.parsed()
	if err != nil {
		return
	}
	for _, st := range full.Kern {
		if !st.IsHorizontal() || st.IsCrossStream() || st.IsVariation() {
			continue
		}
		if k, ok := st.Data.(font.SimpleKerns); ok {
			f.kern.old = append(f.kern.old, k)
		}
	}
}

// pairSubtables parses a GPOS lookup as go-text's full parse does
// (extensions resolved, each subtable checked) and returns its PairPos
// subtables; false when the lookup is damaged.
func pairSubtables(lk tables.Lookup, lookups int) ([]tables.PairPosData, bool) {
	subtables, err := lk.AsGPOSLookups()
	if err != nil {
		return nil, false
	}
	var subs []tables.PairPosData
	for _, st := range subtables {
		if ext, ok := st.(tables.ExtensionPos); ok {
			if st, err = ext.Resolve(); err != nil {
				return nil, false
			}
		}
		switch st := st.(type) {
		case tables.PairPos:
			err = st.Sanitize()
			subs = append(subs, st.Data)
		case tables.SinglePos:
			err = st.Sanitize()
		case tables.MarkBasePos:
			err = st.Sanitize()
		case tables.MarkLigPos:
			err = st.Sanitize()
		case tables.ContextualPos:
			err = st.Sanitize(uint16(lookups))
		}
		if err != nil {
			return nil, false
		}
	}
	return subs, true
}
