// Package pressroom holds the files built into the pressroom binary: the
// built-in brand layouts and the bundled fonts with their licence. go:embed
// cannot reach parent folders, so this file sits at the module root.
package pressroom

import (
	"embed"
	"io/fs"
	"unsafe"
)

//go:embed layouts/*.toml
var layoutFiles embed.FS

//go:embed fonts/*.ttf fonts/OFL.txt fonts/LICENSE-Apache-2.0.txt fonts/SOURCES.md
var fontFiles embed.FS

// The bundled fonts again, as strings: the linker stores one copy of a
// file's bytes for both, in the binary's read-only data, and a string can
// be read there without copying it onto the heap (see Fonts).
var (
	//go:embed fonts/NotoSans-Regular.ttf
	notoSansRegular string
	//go:embed fonts/NotoSans-Bold.ttf
	notoSansBold string
	//go:embed fonts/NotoSans-Italic.ttf
	notoSansItalic string
	//go:embed fonts/NotoSans-BoldItalic.ttf
	notoSansBoldItalic string
	//go:embed fonts/NotoSansMath-Regular.ttf
	notoSansMath string
	//go:embed fonts/NotoSansSymbols2-Regular.ttf
	notoSansSymbols2 string
	//go:embed fonts/NotoNaskhArabic-Regular.ttf
	notoNaskhArabicRegular string
	//go:embed fonts/NotoNaskhArabic-Bold.ttf
	notoNaskhArabicBold string
	//go:embed fonts/NotoNastaliqUrdu-Regular.ttf
	notoNastaliqUrduRegular string
	//go:embed fonts/NotoNastaliqUrdu-Bold.ttf
	notoNastaliqUrduBold string
	//go:embed fonts/NotoSansBengali-Regular.ttf
	notoSansBengaliRegular string
	//go:embed fonts/NotoSansBengali-Bold.ttf
	notoSansBengaliBold string
	//go:embed fonts/NotoSansGurmukhi-Regular.ttf
	notoSansGurmukhiRegular string
	//go:embed fonts/NotoSansGurmukhi-Bold.ttf
	notoSansGurmukhiBold string
	//go:embed fonts/NotoSansDevanagari-Regular.ttf
	notoSansDevanagariRegular string
	//go:embed fonts/NotoSansDevanagari-Bold.ttf
	notoSansDevanagariBold string
	//go:embed fonts/DroidSansFallbackFull.ttf
	droidSansFallbackFull string
)

// sharedFonts names the strings above by file name; read-only.
var sharedFonts = map[string]*string{
	"NotoSans-Regular.ttf":           &notoSansRegular,
	"NotoSans-Bold.ttf":              &notoSansBold,
	"NotoSans-Italic.ttf":            &notoSansItalic,
	"NotoSans-BoldItalic.ttf":        &notoSansBoldItalic,
	"NotoSansMath-Regular.ttf":       &notoSansMath,
	"NotoSansSymbols2-Regular.ttf":   &notoSansSymbols2,
	"NotoNaskhArabic-Regular.ttf":    &notoNaskhArabicRegular,
	"NotoNaskhArabic-Bold.ttf":       &notoNaskhArabicBold,
	"NotoNastaliqUrdu-Regular.ttf":   &notoNastaliqUrduRegular,
	"NotoNastaliqUrdu-Bold.ttf":      &notoNastaliqUrduBold,
	"NotoSansBengali-Regular.ttf":    &notoSansBengaliRegular,
	"NotoSansBengali-Bold.ttf":       &notoSansBengaliBold,
	"NotoSansGurmukhi-Regular.ttf":   &notoSansGurmukhiRegular,
	"NotoSansGurmukhi-Bold.ttf":      &notoSansGurmukhiBold,
	"NotoSansDevanagari-Regular.ttf": &notoSansDevanagariRegular,
	"NotoSansDevanagari-Bold.ttf":    &notoSansDevanagariBold,
	"DroidSansFallbackFull.ttf":      &droidSansFallbackFull,
}

// Version is pressroom's version, written into every PDF it makes.
const Version = "0.1.0"

// Layouts returns the built-in layouts: NAME.toml (and the images they use)
// at the root.
func Layouts() fs.FS {
	sub, err := fs.Sub(layoutFiles, "layouts")
	if err != nil {
		panic(err) // cannot happen: the folder is embedded at build time
	}
	return sub
}

// Fonts returns the bundled fonts (*.ttf), their licences (OFL.txt,
// LICENSE-Apache-2.0.txt) and SOURCES.md at the root (pkg/font's
// Bundled table names the families and the scripts they are for). The
// folder also has a method ReadFileShared(name string) ([]byte, error),
// which pkg/layout uses: it returns a font's bytes where they lie in the
// binary instead of a 3 MB copy on the heap. Those bytes are read-only
// memory: writing to them crashes the program.
func Fonts() fs.FS {
	sub, err := fs.Sub(fontFiles, "fonts")
	if err != nil {
		panic(err) // cannot happen: the folder is embedded at build time
	}
	return fontFolder{sub}
}

type fontFolder struct{ fs.FS }

// ReadFileShared returns the bytes of a bundled font without copying them;
// the caller must never write to them. Other files are read as fs.ReadFile
// reads them.
func (f fontFolder) ReadFileShared(name string) ([]byte, error) {
	p, ok := sharedFonts[name]
	if !ok {
		return fs.ReadFile(f.FS, name)
	}
	s := *p
	return unsafe.Slice(unsafe.StringData(s), len(s)), nil
}
