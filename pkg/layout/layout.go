// Package layout reads brand layouts — page, colours, fonts, logo, wording —
// from TOML files, built-in or the user's, and resolves them into a Layout
// ready to render with. A layout is data: its wording (release line, marks,
// date style, embargo zone) is applied to a statement by pkg/release, and
// this package knows nothing of statements.
package layout

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/input"
)

// DefaultName is the built-in layout used when a statement names none.
const DefaultName = "default"

// Library loads layouts and keeps what it has loaded, so that a process
// rendering many statements parses each font and decodes each logo once.
// It is safe for concurrent use; the Layouts it returns are read-only.
type Library struct {
	builtins fs.FS // the built-in layouts: NAME.toml at its root
	fonts    fs.FS // the bundled fonts: *.ttf at its root

	mu      sync.Mutex
	layouts map[string]*once[loaded]
	faces   map[string]*once[fontResult]
	logos   map[string]*once[logoResult]

	// fontParses counts font.Parse calls, so tests can see each font is
	// parsed once however many goroutines ask.
	fontParses atomic.Int64
}

type loaded struct {
	layout *Layout
	diags  diag.List
}

// once holds a value computed by the first caller that asks for it; the
// others wait for it.
type once[T any] struct {
	do  sync.Once
	val T
}

// get returns the entry for key in m, making it under lib.mu if needed.
func get[T any](lib *Library, m map[string]*once[T], key string, compute func() T) T {
	lib.mu.Lock()
	e, ok := m[key]
	if !ok {
		e = &once[T]{}
		m[key] = e
	}
	lib.mu.Unlock()
	e.do.Do(func() { e.val = compute() })
	return e.val
}

// NewLibrary returns a library over the built-in layouts and bundled fonts.
func NewLibrary(builtins, fonts fs.FS) *Library {
	return &Library{
		builtins: builtins, fonts: fonts,
		layouts: map[string]*once[loaded]{},
		faces:   map[string]*once[fontResult]{},
		logos:   map[string]*once[logoResult]{},
	}
}

// Builtin is one built-in layout, for listing.
type Builtin struct {
	Name        string
	Description string
}

// Builtins lists the built-in layouts by name, with the description each
// file gives.
func (lib *Library) Builtins() []Builtin {
	entries, err := fs.ReadDir(lib.builtins, ".")
	if err != nil {
		return nil
	}
	var out []Builtin
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".toml")
		if !ok || e.IsDir() {
			continue
		}
		b := Builtin{Name: name}
		if data, err := fs.ReadFile(lib.builtins, e.Name()); err == nil {
			if src, _ := parseSource(e.Name(), data); src != nil {
				b.Description, _ = src.tree["description"].(string)
			}
		}
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool {
		// The default first: it is what a user gets without asking.
		if (out[i].Name == DefaultName) != (out[j].Name == DefaultName) {
			return out[i].Name == DefaultName
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// Source returns a built-in layout's TOML text, for a user to copy.
func (lib *Library) Source(name string) ([]byte, error) {
	if !lib.isBuiltin(name) {
		return nil, fmt.Errorf("no built-in layout is called %q", name)
	}
	return fs.ReadFile(lib.builtins, name+".toml")
}

// IsPath reports whether ref names a layout file rather than a built-in:
// it has a folder separator or ends in .toml.
func IsPath(ref string) bool {
	return strings.ContainsAny(ref, `/\`) || strings.HasSuffix(strings.ToLower(ref), ".toml")
}

func (lib *Library) isBuiltin(name string) bool {
	if name == "" || IsPath(name) || !fs.ValidPath(name+".toml") {
		return false
	}
	_, err := fs.Stat(lib.builtins, name+".toml")
	return err == nil
}

func (lib *Library) builtinNames() []string {
	var names []string
	for _, b := range lib.Builtins() {
		names = append(names, b.Name)
	}
	return names
}

// Scope limits the files a layout file may name (its logo and fonts) to
// the folders the user gave and the layout's own folder, so that a
// statement or layout from elsewhere (an archive, an e-mail) cannot make
// pressroom read any file of the machine. The zero Scope allows any file.
type Scope struct {
	// Roots are the folders the user gave: the statement's folder, or
	// batch's input folders. Empty: files may be anywhere.
	Roots []string
	// Hint tells the user how to allow a file outside them, for the
	// refusal's hint (the flag that does it).
	Hint string
	// Named says the layout's own path was written in a file (a
	// statement's layout key), not given by the user: then the layout
	// file must be in Roots too.
	Named bool
}

// allow is the scope of the layout file at path: the roots and the
// file's own folder.
func (sc Scope) allow(path string) Scope {
	if len(sc.Roots) == 0 {
		return sc
	}
	sc.Roots = append(slices.Clip(sc.Roots), filepath.Dir(path))
	return sc
}

func (sc Scope) key() string {
	if len(sc.Roots) == 0 {
		return ""
	}
	return "\x00" + strings.Join(sc.Roots, "\x00")
}

// Load returns the layout named by ref: a built-in name ("default") or a
// path to a layout file, relative to the folder dir (the statement's folder
// when the name came from a statement; the working folder for a flag). An
// empty ref means the default layout. The list holds every error in the
// layout file with its position; the layout is nil when it has errors.
// Load reports no warnings: Lint does, for check.
//
// Each layout is loaded once per Library: later calls with the same ref
// (or the same file by another relative path) return the same *Layout.
func (lib *Library) Load(ref, dir string) (*Layout, diag.List) {
	return lib.LoadIn(ref, dir, Scope{})
}

// LoadIn is Load with the files the layout file may name limited to
// scope, and the layout file itself when scope.Named (a name the user gave
// on the command line may be anywhere). A refusal is an error on ref with
// no line, for the caller to place on the key that named it.
func (lib *Library) LoadIn(ref, dir string, scope Scope) (*Layout, diag.List) {
	if ref == "" {
		ref = DefaultName
	}
	if !IsPath(ref) {
		if !lib.isBuiltin(ref) {
			var l diag.List
			hint := fmt.Sprintf("built-in layouts: %s; or give a layout file's path, ending in .toml", strings.Join(lib.builtinNames(), ", "))
			if best := diag.Suggest(ref, lib.builtinNames()); best != "" {
				hint = fmt.Sprintf("did you mean %q? (or give a layout file's path, ending in .toml)", best)
			}
			l.Errorf(diag.Pos{File: ref}, hint, "there is no built-in layout called %q", ref)
			return nil, l
		}
		r := get(lib, lib.layouts, "builtin:"+ref, func() loaded {
			return lib.loadBuiltin(ref)
		})
		return r.layout, r.diags
	}
	name := ref
	if !filepath.IsAbs(ref) && dir != "" {
		name = filepath.Join(dir, ref)
	}
	if scope.Named {
		if _, err := input.Within(name, scope.Roots, scope.Hint); err != nil {
			var l diag.List
			l.Errorf(diag.Pos{File: ref}, input.Hint(err), "the layout file %s %s", ref, strings.TrimPrefix(input.Reason(err), "it "))
			return nil, l
		}
	}
	key := name
	if abs, err := filepath.Abs(name); err == nil {
		key = abs
	}
	r := get(lib, lib.layouts, "file:"+key+scope.key(), func() loaded {
		return lib.loadFile(name, scope)
	})
	return r.layout, r.diags
}

// Check reads the layout file at path on its own, as `pressroom check`
// does for a layout: every error, then Lint's warnings when there are no
// errors. It does not keep what it loads.
func (lib *Library) Check(path string) diag.List {
	return lib.CheckIn(path, Scope{})
}

// CheckIn is Check with the files the layout may name limited to scope.
func (lib *Library) CheckIn(path string, scope Scope) diag.List {
	r := lib.loadFile(path, scope)
	l := r.diags
	if r.layout != nil {
		l = append(l, r.layout.Lint()...)
	}
	l.Sort()
	return l
}

func (lib *Library) loadBuiltin(name string) (r loaded) {
	defer recoverAsError(name+".toml", &r)
	data, err := fs.ReadFile(lib.builtins, name+".toml")
	if err != nil {
		var l diag.List
		l.Errorf(diag.Pos{File: name + ".toml"}, "", "cannot read the built-in layout: %v", err)
		return loaded{diags: l}
	}
	src, l := parseSource(name+".toml", data)
	if src == nil {
		return loaded{diags: l}
	}
	src.builtin = true
	r = lib.resolve(name, src)
	r.diags = withKeys(r.diags, src.spots)
	return r
}

func (lib *Library) loadFile(name string, scope Scope) (r loaded) {
	defer recoverAsError(name, &r)
	var l diag.List
	data, err := input.ReadFile(name, maxFileSize, "layout files")
	if err != nil {
		hint := input.Hint(err)
		if os.IsNotExist(err) {
			hint = "check the path: it is relative to the statement file (or, with --layout, to the current folder)"
		}
		l.Errorf(diag.Pos{File: name}, hint, "cannot read the layout file: %s", plainError(err))
		return loaded{diags: l}
	}
	src, l := parseSource(name, data)
	if src == nil {
		return loaded{diags: l}
	}
	src.dir = filepath.Dir(name)
	src.scope = scope.allow(name)
	r = lib.resolve(name, src)
	r.diags = withKeys(r.diags, src.spots)
	if r.layout != nil {
		r.layout.Files = append([]string{name}, r.layout.Files...)
	}
	return r
}

// recoverAsError turns a panic while loading into an error on the file: a
// safety net, so that a bug met by one odd layout file stops that file,
// not the whole run.
func recoverAsError(file string, r *loaded) {
	if p := recover(); p != nil {
		var l diag.List
		l.Errorf(diag.Pos{File: file}, "please report this with the layout file", "internal error while reading the layout: %v", p)
		*r = loaded{diags: l}
	}
}

// plainError drops the operation and path Go puts in front of a file
// error: the message already names the file.
func plainError(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	var ie *input.Error
	if errors.As(err, &ie) {
		return "it " + ie.Reason
	}
	return err.Error()
}

// resolve merges src over the built-in it extends and turns the result
// into a Layout: colours, sizes, fonts parsed and the logo decoded.
func (lib *Library) resolve(name string, src *source) loaded {
	var l diag.List
	set := map[string]setting{}
	base := ""
	if v, ok := src.tree["extends"]; ok {
		s, isStr := v.(string)
		sp := src.spotOf("extends")
		switch {
		case !isStr:
			l.Errorf(sp.value, `write the name of a built-in layout in quotes, e.g. extends = "default"`, "extends must be text, not %s", describe(v))
		case !lib.isBuiltin(s):
			hint := fmt.Sprintf("built-in layouts: %s", strings.Join(lib.builtinNames(), ", "))
			if best := diag.Suggest(s, lib.builtinNames()); best != "" {
				hint = fmt.Sprintf("did you mean %q?", best)
			}
			l.Errorf(sp.value, hint, "extends: there is no built-in layout called %q", s)
		case src.builtin:
			l.Errorf(sp.key, "", "a built-in layout may not extend another")
		default:
			base = s
		}
		if base == "" && !src.builtin {
			// Check the rest of the file against the default, rather
			// than report every key as missing.
			base = DefaultName
		}
	} else if !src.builtin {
		// A layout file that extends nothing starts from the default.
		base = DefaultName
	}
	if base != "" {
		data, err := fs.ReadFile(lib.builtins, base+".toml")
		if err != nil {
			l.Errorf(diag.Pos{File: src.name}, "", "cannot read the built-in layout %q: %v", base, err)
			return loaded{diags: l}
		}
		bsrc, bl := parseSource(base+".toml", data)
		if bsrc == nil {
			return loaded{diags: append(l, bl...)}
		}
		bsrc.builtin = true
		flatten(bsrc, set, &l)
		delete(set, "description")
	}
	flatten(src, set, &l)

	d := &decoder{file: src.name, set: set, diag: &l}
	lay := &Layout{Name: name, where: map[string]diag.Pos{}}
	for k, s := range set {
		lay.where[k] = s.valuePos()
	}
	if _, ok := set["description"]; ok {
		lay.Description = d.str("description")
	}
	lib.decode(d, lay)
	if l.HasErrors() {
		l.Sort()
		return loaded{diags: l}
	}
	return loaded{layout: lay}
}

// pageSizes are the papers a layout may name, in millimetres.
var pageSizes = map[string][2]float64{
	"A4":     {210, 297},
	"Letter": {215.9, 279.4},
}

func (lib *Library) decode(d *decoder, lay *Layout) {
	p := &lay.Page
	p.Size = d.choice("page.size", "A4", "Letter")
	p.Width, p.Height = pageSizes[p.Size][0], pageSizes[p.Size][1]
	p.Top = d.number("page.margin-top", 5, 80, "mm")
	p.Right = d.number("page.margin-right", 5, 60, "mm")
	p.Bottom = d.number("page.margin-bottom", 5, 80, "mm")
	p.Left = d.number("page.margin-left", 5, 60, "mm")
	lay.PageNumbers = d.boolean("page.page-numbers")

	o := &lay.Organisation
	o.Name = d.str("organisation.name")
	o.Address = d.str("organisation.address")
	o.Website = d.str("organisation.website")
	o.Phone = d.str("organisation.phone")
	o.Registration = d.str("organisation.registration")

	c := &lay.Colours
	c.Primary = d.colour("colours.primary")
	c.OnPrimary = d.colour("colours.on-primary")
	c.Accent = d.colour("colours.accent")
	c.Text = d.colour("colours.text")
	c.Muted = d.colour("colours.muted")
	c.Rule = d.colour("colours.rule")
	c.Background = d.colour("colours.background")

	t := &lay.Type
	t.Body = d.number("type.body", 6, 24, "pt")
	t.Headline = d.number("type.headline", 10, 60, "pt")
	t.Subheadline = d.number("type.subheadline", 8, 40, "pt")
	t.Heading = d.number("type.heading", 8, 40, "pt")
	t.Label = d.number("type.label", 6, 30, "pt")
	t.Small = d.number("type.small", 5, 16, "pt")
	t.LineHeight = d.number("type.line-height", 1, 3, "times the size")
	t.Paragraph = d.number("type.paragraph-space", 0, 30, "mm")
	lay.Align = d.choice("type.align", "left", "justify")
	lay.SmartPunctuation = d.boolean("type.smart-punctuation")
	lay.Hyphenate = d.boolean("type.hyphenate")

	lay.Header = HeaderStyle(d.choice("header.style", "band", "letterhead", "rule"))

	w := &lay.Text
	w.Kind = d.str("text.kind")
	w.Immediate = d.str("text.immediate")
	w.Embargoed = d.str("text.embargoed")
	if s, ok := d.set["text.embargoed"]; ok && w.Embargoed != "" && !strings.Contains(w.Embargoed, "{time}") {
		d.diag.Errorf(s.valuePos(), `write where the time goes, e.g. embargoed = "Embargoed until {time}"`,
			"text.embargoed must contain {time}")
	}
	w.EmbargoZone = d.str("text.embargo-zone")
	if s, ok := d.set["text.embargo-zone"]; ok {
		if _, ok := s.v.(string); ok {
			if _, err := ParseZone(w.EmbargoZone); err != nil {
				d.diag.Errorf(s.valuePos(), `write "UK" (GMT in winter, BST in summer), "UTC" or an offset such as "+02:00"`,
					"text.embargo-zone: %v", err)
			}
		}
	}
	w.EndMark = d.str("text.end-mark")
	w.MoreMark = d.str("text.more-mark")
	w.FooterNotice = d.str("text.footer-notice")
	w.DatePrefix = d.str("text.date-prefix")
	lay.DateStyle = DateStyle(d.choice("text.date-style", "ordinal", "day-month", "month-day", "iso"))
	for _, key := range slices.Sorted(maps.Keys(d.set)) {
		rest, ok := strings.CutPrefix(key, "words.")
		if !ok {
			continue
		}
		i := strings.LastIndexByte(rest, '.')
		if lay.Words == nil {
			lay.Words = map[string]map[string]string{}
		}
		if lay.Words[rest[:i]] == nil {
			lay.Words[rest[:i]] = map[string]string{}
		}
		lay.Words[rest[:i]][rest[i+1:]] = d.str(key)
	}

	lib.decodeFonts(d, lay)
	lib.decodeLogo(d, lay)
}

// builtinPath joins a path written in a built-in layout, which always uses
// forward slashes.
func builtinPath(p string) string { return path.Clean(p) }
