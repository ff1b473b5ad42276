package shaping

import (
	"fmt"

	"github.com/pressroom/pressroom/internal/gotext/font"
)

// checkLayout finds what go-text's parser leaves unchecked and its shaper
// would then index out of range with: a language system naming a feature
// past the end of the feature list, or a feature naming a lookup past the
// end of the lookup list (HarfBuzz in C skips such entries; go-text
// crashes). Found at load time, such a font is a layout error at the
// layout's font key rather than a crash halfway through a render.
func checkLayout(f *font.Font) error {
	for _, t := range []struct {
		name    string
		layout  *font.Layout
		lookups int
	}{
		{"GSUB", &f.GSUB.Layout, len(f.GSUB.Lookups)},
		{"GPOS", &f.GPOS.Layout, len(f.GPOS.Lookups)},
	} {
		nf := len(t.layout.Features)
		for _, s := range t.layout.Scripts {
			langs := s.LangSys
			if s.DefaultLangSys != nil {
				langs = append(langs[:len(langs):len(langs)], *s.DefaultLangSys)
			}
			for _, l := range langs {
				for _, fi := range l.FeatureIndices {
					if int(fi) >= nf {
						return fmt.Errorf("the font's %s table is damaged: script %q uses feature %d of %d", t.name, s.Tag.String(), fi, nf)
					}
				}
			}
		}
		for _, feat := range t.layout.Features {
			for _, li := range feat.LookupListIndices {
				if int(li) >= t.lookups {
					return fmt.Errorf("the font's %s table is damaged: feature %q uses lookup %d of %d", t.name, feat.Tag.String(), li, t.lookups)
				}
			}
		}
		for _, v := range t.layout.FeatureVariations {
			for _, sub := range v.Substitutions.Substitutions {
				if int(sub.FeatureIndex) >= nf {
					return fmt.Errorf("the font's %s table is damaged: a feature variation replaces feature %d of %d", t.name, sub.FeatureIndex, nf)
				}
				for _, li := range sub.AlternateFeature.LookupListIndices {
					if int(li) >= t.lookups {
						return fmt.Errorf("the font's %s table is damaged: a feature variation uses lookup %d of %d", t.name, li, t.lookups)
					}
				}
			}
		}
	}
	return nil
}
