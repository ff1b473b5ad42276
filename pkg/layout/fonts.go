package layout

import (
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pressroom/pressroom/pkg/font"
	"github.com/pressroom/pressroom/pkg/input"
)

// bundledFamilies are the fonts built into pressroom (font.Bundled), by
// the name a layout uses: regular, bold, italic and bold italic files.
// Built once; read-only.
var bundledFamilies = func() map[string][]string {
	m := map[string][]string{}
	for _, f := range font.Bundled() {
		m[f.Name] = f.Files[:]
	}
	return m
}()

// maxFontSize is the largest font file read: big enough for any Latin,
// Greek and Cyrillic family, small enough to refuse a mistaken file.
const maxFontSize = 64 << 20

// builtinPrefix starts a path to a file shipped with the built-in layouts.
const builtinPrefix = "builtin:"

type fontResult struct {
	font *font.Font
	err  error
}

// bundledName returns the bundled family a layout names, ignoring case.
func bundledName(name string) (string, bool) {
	for n := range bundledFamilies {
		if strings.EqualFold(strings.Join(strings.Fields(name), " "), n) {
			return n, true
		}
	}
	return "", false
}

func bundledNames() string {
	var names []string
	// font.Bundled's order: the text family, its fallbacks, then the
	// families of other scripts.
	for _, f := range font.Bundled() {
		names = append(names, fmt.Sprintf("%q", f.Name))
	}
	return strings.Join(names, ", ")
}

// sharedFiles is a folder that can give a file's bytes without copying
// them (pressroom.Fonts: the fonts built into the binary), for the caller
// only to read: parsed fonts keep the bytes they were given and never
// write to them.
type sharedFiles interface {
	ReadFileShared(name string) ([]byte, error)
}

// bundledFont parses one bundled font file, once per Library.
func (lib *Library) bundledFont(file string) (*font.Font, error) {
	r := get(lib, lib.faces, "bundled:"+file, func() fontResult {
		var data []byte
		var err error
		if shared, ok := lib.fonts.(sharedFiles); ok {
			data, err = shared.ReadFileShared(file)
		} else {
			data, err = fs.ReadFile(lib.fonts, file)
		}
		if err != nil {
			return fontResult{err: fmt.Errorf("cannot read the bundled font %s: %w", file, err)}
		}
		lib.fontParses.Add(1)
		f, err := font.ParseBundled(data)
		return fontResult{font: f, err: err}
	})
	return r.font, r.err
}

// fileFont parses a font file named in a layout, once per Library, and
// adds it to lay's Files.
func (lib *Library) fileFont(lay *Layout, src *source, p string) (*font.Font, error) {
	key, shown, read, err := lib.opener(src, p)
	if err != nil {
		return nil, err
	}
	lay.Files = append(lay.Files, shown)
	r := get(lib, lib.faces, key, func() fontResult {
		data, err := read(maxFontSize, "font files")
		if err != nil {
			return fontResult{err: err}
		}
		lib.fontParses.Add(1)
		f, err := font.Parse(data)
		if err != nil {
			return fontResult{err: fmt.Errorf("%s: %w", shown, err)}
		}
		return fontResult{font: f}
	})
	return r.font, r.err
}

// opener returns a cache key for the file p named in src, the path to show
// in messages, and a function reading it (at most limit bytes; what names
// such files in a message about size): from the built-in layouts for a
// built-in, else relative to the layout file's folder, through
// input.ReadFile. A file outside src's scope is refused here, before the
// cache, so a refusal under one scope never answers for another. Its
// errors name the file.
func (lib *Library) opener(src *source, p string) (key, shown string, read func(limit int64, what string) ([]byte, error), err error) {
	// "builtin:NAME" names a file of the built-in layouts from any layout,
	// so a copy of a built-in (pressroom layouts show) works anywhere.
	rest, named := strings.CutPrefix(p, builtinPrefix)
	if src.builtin || named {
		name := builtinPath(rest)
		return "builtin:" + name, p, func(int64, string) ([]byte, error) {
			data, err := fs.ReadFile(lib.builtins, name)
			if err != nil {
				return nil, fmt.Errorf("cannot read %s: %s", p, plainError(err))
			}
			return data, nil
		}, nil
	}
	full := p
	if !filepath.IsAbs(p) {
		full = filepath.Join(src.dir, p)
	}
	real, err := input.Within(full, src.scope.Roots, src.scope.Hint)
	if err != nil {
		return "", full, nil, err
	}
	key = real
	if abs, err := filepath.Abs(real); err == nil {
		key = abs
	}
	return "file:" + key, full, func(limit int64, what string) ([]byte, error) {
		data, err := input.ReadFile(real, limit, what)
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %s", full, plainError(err))
		}
		return data, nil
	}, nil
}

func (lib *Library) decodeFonts(d *decoder, lay *Layout) {
	lay.Fonts.Body = lib.family(d, lay, "fonts.body")
	lay.Fonts.Heading = lib.family(d, lay, "fonts.heading")
	lay.Fonts.Script = lib.scriptFamily

	s, ok := d.set["fonts.fallbacks"]
	if !ok {
		d.missing("fonts.fallbacks")
		return
	}
	list, ok := s.v.([]any)
	if !ok {
		d.diag.Errorf(s.valuePos(), `write a list in square brackets, e.g. fallbacks = ["Noto Sans Math", "Noto Sans Symbols 2"]`,
			"fonts.fallbacks must be a list of font names or files, not %s", describe(s.v))
		return
	}
	for i, v := range list {
		name, ok := v.(string)
		if !ok {
			d.diag.Errorf(s.valuePos(), "write each fallback in quotes", "fonts.fallbacks[%d] must be text, not %s", i+1, describe(v))
			continue
		}
		if n, ok := bundledName(name); ok {
			f, err := lib.bundledFont(bundledFamilies[n][0])
			if err != nil {
				d.diag.Errorf(s.valuePos(), "", "fonts.fallbacks: %v", err)
				continue
			}
			lay.Fonts.Fallbacks = append(lay.Fonts.Fallbacks, f)
			continue
		}
		if !isFontPath(name) {
			d.diag.Errorf(s.valuePos(), "bundled fonts: "+bundledNames()+"; or give a .ttf file's path",
				"fonts.fallbacks: there is no bundled font called %q", name)
			continue
		}
		f, err := lib.fileFont(lay, s.src, name)
		if err != nil {
			d.diag.Errorf(s.valuePos(), fontHint(err), "fonts.fallbacks: %v", err)
			continue
		}
		lay.Fonts.Fallbacks = append(lay.Fonts.Fallbacks, f)
	}
}

func isFontPath(s string) bool {
	lower := strings.ToLower(s)
	return strings.ContainsAny(s, `/\`) || strings.HasSuffix(lower, ".ttf") || strings.HasSuffix(lower, ".otf") || strings.HasSuffix(lower, ".ttc")
}

func fontHint(err error) string {
	if h := input.Hint(err); h != "" {
		return h
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "cannot read"):
		return "check the path: it is relative to the layout file"
	case strings.Contains(msg, "does not allow embedding"):
		return "a PDF must embed its fonts: choose another font, or get a licence and a file that allow embedding"
	case strings.Contains(msg, "damaged") || strings.Contains(msg, "invalid") || strings.Contains(msg, "malformed"):
		return "the font file is damaged: download or export it again, or choose another font"
	case strings.Contains(msg, "TrueType"):
		return "use a TrueType font file (.ttf) with a Unicode character map"
	}
	return ""
}

var styleKeys = []string{"regular", "bold", "italic", "bold-italic"}

// family reads fonts.body or fonts.heading: a bundled family's name, or a
// table of TrueType files by style.
func (lib *Library) family(d *decoder, lay *Layout, key string) Family {
	s, ok := d.set[key]
	if !ok {
		d.missing(key)
		return Family{}
	}
	switch v := s.v.(type) {
	case string:
		n, ok := bundledName(v)
		if !ok {
			hint := "bundled fonts: " + bundledNames() + `; or give files: [` + key + `] regular = "MyFont-Regular.ttf", bold = …`
			d.diag.Errorf(s.valuePos(), hint, "%s: there is no bundled font called %q", key, v)
			return Family{}
		}
		fam := Family{Name: n}
		files := bundledFamilies[n]
		for i, dst := range []**font.Font{&fam.Regular, &fam.Bold, &fam.Italic, &fam.BoldItalic} {
			file := files[0]
			if i < len(files) {
				file = files[i]
			}
			f, err := lib.bundledFont(file)
			if err != nil {
				d.diag.Errorf(s.valuePos(), "", "%s: %v", key, err)
				return Family{}
			}
			*dst = f
		}
		return fam
	case map[string]any:
		fam := Family{}
		for _, k := range slices.Sorted(maps.Keys(v)) {
			if !slices.Contains(styleKeys, k) {
				unknownKey(s.src, key+"."+k, styleKeys, key+".", d.diag)
			}
		}
		if _, ok := v["regular"]; !ok {
			d.diag.Errorf(s.keyPos(), `add regular = "MyFont-Regular.ttf"`, "%s needs a regular font file", key)
			return Family{}
		}
		for i, dst := range []**font.Font{&fam.Regular, &fam.Bold, &fam.Italic, &fam.BoldItalic} {
			style := styleKeys[i]
			raw, ok := v[style]
			if !ok {
				continue
			}
			pos := s.src.spotOf(key + "." + style).value
			p, ok := raw.(string)
			if !ok {
				d.diag.Errorf(pos, fmt.Sprintf(`write the font file's path in quotes: %s = "MyFont.ttf"`, style),
					"%s.%s must be a file's path, not %s", key, style, describe(raw))
				continue
			}
			f, err := lib.fileFont(lay, s.src, p)
			if err != nil {
				d.diag.Errorf(pos, fontHint(err), "%s.%s: %v", key, style, err)
				continue
			}
			*dst = f
		}
		if fam.Regular == nil {
			return Family{}
		}
		fam.Name = fam.Regular.Name
		for _, dst := range []**font.Font{&fam.Bold, &fam.Italic, &fam.BoldItalic} {
			if *dst == nil {
				*dst = fam.Regular
			}
		}
		return fam
	default:
		d.diag.Errorf(s.valuePos(), `write a bundled font's name, e.g. body = "Noto Sans", or a table of files`,
			"%s must be a font name or a table of files, not %s", key, describe(s.v))
		return Family{}
	}
}
