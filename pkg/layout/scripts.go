package layout

import "github.com/pressroom/pressroom/pkg/font"

// scriptFamily returns the built-in family pressroom falls back to for
// text of script in lang (font.BundledFor), its files parsed once per
// Library; false when there is none or it cannot be read.
func (lib *Library) scriptFamily(script, lang string) (Family, bool) {
	bf, ok := font.BundledFor(script, lang)
	if !ok {
		return Family{}, false
	}
	var styles [4]*font.Font
	for i, file := range bf.Files {
		f, err := lib.bundledFont(file)
		if err != nil {
			return Family{}, false
		}
		styles[i] = f
	}
	return Family{Name: bf.Name, Regular: styles[0], Bold: styles[1], Italic: styles[2], BoldItalic: styles[3]}, true
}
