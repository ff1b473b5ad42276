package shaping

import (
	"fmt"

	"github.com/pressroom/pressroom/internal/gotext/font/opentype/tables"
)

// checkLayout finds what go-text's parser leaves unchecked and its shaper
// would then index out of range with: a language system naming a feature
// past the end of the feature list, or a feature naming a lookup past the
// end of the lookup list (HarfBuzz in C skips such entries; go-text
// crashes). Found at load time, such a font is a layout error at the
// layout's font key rather than a crash halfway through a render. It
// reads the tables' lists only, not their lookups, so that a face used
// just for kerning costs no lookup parsing.
func checkLayout(gsub, gpos *tables.Layout) error {
	for _, t := range []struct {
		name   string
		layout *tables.Layout
	}{
		{"GSUB", gsub},
		{"GPOS", gpos},
	} {
		l := t.layout
		nf, nl := len(l.FeatureList.Features), len(l.LookupList.Lookups)
		for i, s := range l.ScriptList.Scripts {
			langs := s.LangSys
			if s.DefaultLangSys != nil {
				langs = append(langs[:len(langs):len(langs)], *s.DefaultLangSys)
			}
			var tag tables.Tag
			if i < len(l.ScriptList.Records) {
				tag = l.ScriptList.Records[i].Tag
			}
			for _, ls := range langs {
				for _, fi := range ls.FeatureIndices {
					if int(fi) >= nf {
						return fmt.Errorf("the font's %s table is damaged: script %q uses feature %d of %d", t.name, tag.String(), fi, nf)
					}
				}
			}
		}
		for i, feat := range l.FeatureList.Features {
			var tag tables.Tag
			if i < len(l.FeatureList.Records) {
				tag = l.FeatureList.Records[i].Tag
			}
			for _, li := range feat.LookupListIndices {
				if int(li) >= nl {
					return fmt.Errorf("the font's %s table is damaged: feature %q uses lookup %d of %d", t.name, tag.String(), li, nl)
				}
			}
		}
		if l.FeatureVariations == nil {
			continue
		}
		for _, v := range l.FeatureVariations.FeatureVariationRecords {
			for _, sub := range v.Substitutions.Substitutions {
				if int(sub.FeatureIndex) >= nf {
					return fmt.Errorf("the font's %s table is damaged: a feature variation replaces feature %d of %d", t.name, sub.FeatureIndex, nf)
				}
				for _, li := range sub.AlternateFeature.LookupListIndices {
					if int(li) >= nl {
						return fmt.Errorf("the font's %s table is damaged: a feature variation uses lookup %d of %d", t.name, li, nl)
					}
				}
			}
		}
	}
	return nil
}
