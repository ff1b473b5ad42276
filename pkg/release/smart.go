package release

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/pkg/font"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/markup"
	"github.com/pressroom/pressroom/pkg/statement"
)

// Smart punctuation: the typewriter marks a statement is typed with, set
// as a typesetter would. It is applied to the release's words (the text
// of markup runs, never their link targets), so the PDF, the plain text,
// the HTML page and the e-mail all say the same, and it leaves alone
// every token that is an address, a number to dial or code:
//
//	"  →  “ ”     by context: opening after a space, a bracket or a dash
//	'  →  ‘ ’     ’ inside and at the end of words (don't, parents') and
//	              before a year cut short ('90s); ‘ otherwise at a word's start
//	--- → —       -- → –       " - " → " – "       2022-26 → 2022–26
//	... → …

// Smarten returns text with smart punctuation.
func Smarten(text string) string {
	out := smartenRuns([]string{text})
	return out[0]
}

// smartenRuns sets the texts of consecutive runs as one text, so that a
// quote at the end of one run is read with the letter that opens the
// next: "The '" + "Campaign" + "' launched" keeps its pair of quotes.
// A run is returned with the same number of runs, each changed only
// within itself.
func smartenRuns(texts []string) []string {
	n, plain := 0, true
	for _, t := range texts {
		n += utf8.RuneCountInString(t)
		plain = plain && !strings.ContainsAny(t, "-.\"'") && utf8.ValidString(t)
	}
	if plain {
		// Nothing to set (most names, roles and headings): the texts as
		// they are, which is what setting them character by character
		// gives.
		return append([]string(nil), texts...)
	}
	cs := make([]smartChar, 0, n)
	var offs []int32 // byte offset in the run's text of each of its characters
	for i, t := range texts {
		start := len(cs)
		offs = offs[:0]
		for b, r := range t {
			cs = append(cs, smartChar{r: r, run: int32(i)})
			offs = append(offs, int32(b))
		}
		offs = append(offs, int32(len(t)))
		// Protect the tokens that are addresses, numbers or code.
		k := start
		for k < len(cs) {
			if unicode.IsSpace(cs[k].r) {
				k++
				continue
			}
			e := k
			for e < len(cs) && !unicode.IsSpace(cs[e].r) {
				e++
			}
			if lo, hi, ok := protectedCore(t[offs[k-start]:offs[e-start]]); ok {
				for j := k + lo; j < k+hi; j++ {
					cs[j].protect = true
				}
			}
			k = e
		}
	}
	at := func(i int) rune {
		if i < 0 || i >= len(cs) {
			return ' '
		}
		return cs[i].r
	}
	// same reports whether the characters i..j (inclusive) are all in
	// one run and none is protected.
	same := func(i, j int) bool {
		if i < 0 || j >= len(cs) {
			return false
		}
		for k := i; k <= j; k++ {
			if cs[k].run != cs[i].run || cs[k].protect {
				return false
			}
		}
		return true
	}
	outs := make([]strings.Builder, len(texts))
	for i, t := range texts {
		outs[i].Grow(len(t) + len(t)/8) // a curly quote or a dash is 3 bytes
	}
	var prev rune = ' ' // the last character written, as set
	for i := 0; i < len(cs); i++ {
		c := cs[i]
		w := &outs[c.run]
		emit := func(s string) {
			w.WriteString(s)
			prev, _ = utf8.DecodeLastRuneInString(s)
		}
		keep := func() {
			w.WriteRune(c.r)
			prev = c.r
		}
		if c.protect {
			keep()
			continue
		}
		switch c.r {
		case '-':
			switch {
			case at(i+1) == '-' && at(i+2) == '-' && same(i, i+2):
				emit("—")
				i += 2
			case at(i+1) == '-' && same(i, i+1):
				emit("–")
				i++
			case isSpaceRune(at(i-1)) && isSpaceRune(at(i+1)) && i > 0 && i+1 < len(cs):
				emit("–") // "9am - 5pm", "Birmingham - The"
			case yearRange(i, at):
				emit("–")
			default:
				keep()
			}
		case '.':
			if at(i+1) == '.' && at(i+2) == '.' && same(i, i+2) {
				emit("…")
				i += 2
				continue
			}
			keep()
		case '"':
			if opens(prev) {
				emit("“")
			} else {
				emit("”")
			}
		case '\'':
			next := at(i + 1)
			switch {
			case isWordRune(prev):
				emit("’") // don't, O'Brien, parents', 1990's
			case elision(runesFrom(cs, i+1, 6)):
				emit("’") // '90s, 'tis
			case opens(prev) && !isSpaceRune(next):
				emit("‘")
			default:
				emit("’")
			}
		default:
			keep()
		}
	}
	out := make([]string, len(texts))
	for i := range outs {
		out[i] = outs[i].String()
	}
	return out
}

// yearRange reports whether the hyphen at i joins a range of years
// ("2022-26", "2023-2024"), set with an en dash; a number to dial or a
// code ("0121-464", "2022-26-01") keeps its hyphen.
func yearRange(i int, at func(int) rune) bool {
	digits := func(from, step int) int {
		n := 0
		for k := from; at(k) >= '0' && at(k) <= '9'; k += step {
			n++
			if n > 5 {
				break
			}
		}
		return n
	}
	before, after := digits(i-1, -1), digits(i+1, 1)
	if before != 4 || (after != 2 && after != 4) {
		return false
	}
	if c := at(i - 5); c != ' ' && !strings.ContainsRune("(‘“[", c) {
		return false
	}
	if c := at(i + 1 + after); c == '-' || c == '/' || c == '.' && at(i+2+after) >= '0' && at(i+2+after) <= '9' || isWordRune(c) {
		return false
	}
	century := string([]rune{at(i - 4), at(i - 3)})
	return century == "19" || century == "20"
}

// opens reports whether a quote after prev opens: at the start, after a
// space, a bracket, a dash or an opening quote.
func opens(prev rune) bool {
	return isSpaceRune(prev) || strings.ContainsRune("([{‘“–—/-", prev)
}

func isSpaceRune(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// smartChar is one character of the runs being set, with the run it
// belongs to and whether it is part of a token left alone.
type smartChar struct {
	r       rune
	run     int32
	protect bool
}

func runesFrom(cs []smartChar, from, n int) []rune {
	var out []rune
	for k := from; k < len(cs) && k < from+n; k++ {
		out = append(out, cs[k].r)
	}
	return out
}

// elision reports whether the letters after a word-initial ' make it an
// apostrophe: a year cut short ("'90s", "'24") or a word cut at the front.
func elision(next []rune) bool {
	if len(next) >= 2 && unicode.IsDigit(next[0]) && unicode.IsDigit(next[1]) {
		return len(next) == 2 || !unicode.IsDigit(next[2])
	}
	s := strings.ToLower(string(next))
	for _, w := range []string{"tis", "twas", "til", "em", "cause", "n'", "n "} {
		if strings.HasPrefix(s, w) {
			rest := strings.TrimPrefix(s, w)
			if w == "n'" || w == "n " || rest == "" || !unicode.IsLetter([]rune(rest)[0]) {
				return true
			}
		}
	}
	return false
}

// protectedCore finds, in a token (a word between spaces), the part that
// is an address, a number to dial or code, which smart punctuation never
// touches, as character (not byte) indices. The token's opening and
// closing punctuation stays outside, so a quoted address still gets its
// quotes. It is asked of every word of a release, so it works on the
// token in place: slicing and converting each token cost a cold render
// hundreds of allocations.
func protectedCore(tok string) (lo, hi int, ok bool) {
	if !utf8.ValidString(tok) {
		// Broken UTF-8 is read as U+FFFD, as the token's characters are.
		tok = string([]rune(tok))
	}
	if strings.ContainsAny(tok, "_`{}<>\\=|") {
		return 0, utf8.RuneCountInString(tok), true // code: snake_case, key="value", a path
	}
	b, e := 0, len(tok)
	for b < e {
		r, size := utf8.DecodeRuneInString(tok[b:])
		if !strings.ContainsRune("\"'([{‘“<", r) {
			break
		}
		b += size
	}
	for e > b {
		r, size := utf8.DecodeLastRuneInString(tok[b:e])
		if !strings.ContainsRune("\"')]}’”>.,;:!?", r) {
			break
		}
		e -= size
	}
	if b >= e {
		return 0, 0, false
	}
	core := tok[b:e]
	lo = utf8.RuneCountInString(tok[:b])
	hi = lo + utf8.RuneCountInString(core)
	switch {
	case strings.Contains(core, "://"), lowerPrefix(core, "www."),
		lowerPrefix(core, "mailto:"), lowerPrefix(core, "tel:"):
		return lo, hi, true // a web address
	case strings.Contains(core, "@") && strings.Contains(core[strings.Index(core, "@"):], "."):
		return lo, hi, true // an e-mail address
	case strings.ContainsAny(core, "_`{}<>\\=|") || strings.Contains(core, "()"):
		return lo, hi, true // code: snake_case, a=b, f(), a path
	case strings.HasPrefix(core, "--") && len(core) > 2 && unicode.IsLetter(rune(core[2])):
		return lo, hi, true // a command-line flag
	case strings.Contains(core, "/") && !strings.Contains(core, " ") && strings.Count(core, "/") >= 2:
		return lo, hi, true // a path or an address
	case phoneLike(core):
		return lo, hi, true
	}
	return 0, 0, false
}

// lowerPrefix reports whether strings.ToLower(s) starts with prefix (in
// lower case ASCII), without making the lower-case copy.
func lowerPrefix(s, prefix string) bool {
	i := 0
	for _, r := range s {
		if i == len(prefix) {
			return true
		}
		if unicode.ToLower(r) != rune(prefix[i]) {
			return false
		}
		i++
	}
	return i == len(prefix)
}

// phoneLike is a number to dial written with hyphens, dots or brackets:
// "0800-123-4567", "+44(0)121-464-2612", "0121.464.2612".
func phoneLike(s string) bool {
	digits, seps := 0, 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune("+-.()", r):
			seps++
		default:
			return false
		}
	}
	return digits >= 7 && (seps >= 2 || s[0] == '0' || s[0] == '+')
}

// smartenInlines sets the runs of one paragraph, returning new runs.
func smartenInlines(ins []markup.Inline) []markup.Inline {
	if len(ins) == 0 {
		return ins
	}
	texts := make([]string, len(ins))
	for i, in := range ins {
		texts[i] = in.Text
		if in.LineBreak {
			texts[i] += "\n" // a hard break is a space to the quotes
		}
	}
	texts = smartenRuns(texts)
	out := make([]markup.Inline, len(ins))
	for i, in := range ins {
		if in.LineBreak {
			texts[i] = strings.TrimSuffix(texts[i], "\n")
		}
		in.Text = texts[i]
		out[i] = in
	}
	return out
}

// smartenDoc returns a copy of d with smart punctuation; d is not changed.
func smartenDoc(d markup.Doc) markup.Doc {
	return markup.Doc{Blocks: smartenBlocks(d.Blocks)}
}

func smartenBlocks(bs []markup.Block) []markup.Block {
	if bs == nil {
		return nil
	}
	out := make([]markup.Block, len(bs))
	for i, b := range bs {
		b.Inlines = smartenInlines(b.Inlines)
		if b.Items != nil {
			items := make([]markup.Item, len(b.Items))
			for k, it := range b.Items {
				items[k] = markup.Item{Blocks: smartenBlocks(it.Blocks)}
			}
			b.Items = items
		}
		out[i] = b
	}
	return out
}

// smarten sets every word of r a reader sees with smart punctuation,
// except contact details (addresses and numbers) and the reference (a
// code). Values shared with the statement are copied, not changed.
func (r *Release) smarten() {
	for _, p := range []*string{&r.Organisation, &r.Kind, &r.ReleaseLine, &r.Headline, &r.Subheadline, &r.Dateline} {
		*p = Smarten(*p)
	}
	r.Summary = smartenDoc(r.Summary)
	if d := r.Developments; d != nil {
		nd := &statement.Developments{Intro: Smarten(d.Intro)}
		for _, it := range d.Items {
			nd.Items = append(nd.Items, smartenInlines(it))
		}
		r.Developments = nd
	}
	sigs := make([]Signature, len(r.Signatures))
	for i, s := range r.Signatures {
		s.Names = append([]string(nil), s.Names...)
		for k := range s.Names {
			s.Names[k] = Smarten(s.Names[k])
		}
		s.Text, s.Role, s.Organisation = Smarten(s.Text), Smarten(s.Role), Smarten(s.Organisation)
		sigs[i] = s
	}
	if r.Signatures != nil {
		r.Signatures = sigs
	}
	for _, sec := range []*Section{r.Notes, r.About} {
		if sec != nil {
			sec.Heading = Smarten(sec.Heading)
			sec.Body = smartenDoc(sec.Body)
		}
	}
	for i := range r.Contacts {
		c := &r.Contacts[i]
		c.Purpose, c.Name, c.Role, c.Organisation = Smarten(c.Purpose), Smarten(c.Name), Smarten(c.Role), Smarten(c.Organisation)
	}
	r.ContactsHeading = Smarten(r.ContactsHeading)
	r.Pages.RunningHeader = Smarten(r.Pages.RunningHeader)
	r.Publisher.Name = Smarten(r.Publisher.Name)
	r.Publisher.Notice = Smarten(r.Publisher.Notice)
}

// smartLanguage reports whether the rules of Smarten are the language's
// own: English, Welsh, Irish and Scottish Gaelic quote with ‘ ’ and “ ”.
// French quotes with « », German with „ “, Polish with „ ”, and in
// Punjabi or Urdu an apostrophe marks an elision, not a quotation: their
// text is left as typed rather than set by English rules.
func smartLanguage(tag string) bool {
	base, _, _ := strings.Cut(strings.ToLower(tag), "-")
	switch base {
	case "", "en", "cy", "ga", "gd":
		return true
	}
	return false
}

// smartMarks are the characters smart punctuation writes.
const smartMarks = "‘’“”–—…"

// canSetSmart reports whether the layout's fonts show every mark smart
// punctuation writes, in every style (or through a fallback); a brand
// font without curly quotes keeps the marks as typed rather than lose
// them. A layout built by hand without fonts is taken to have them.
func canSetSmart(l *layout.Layout) bool {
	var styles []*font.Font
	for _, fam := range []layout.Family{l.Fonts.Body, l.Fonts.Heading} {
		for _, f := range []*font.Font{fam.Regular, fam.Bold, fam.Italic, fam.BoldItalic} {
			if f != nil {
				styles = append(styles, f)
			}
		}
	}
	for _, r := range smartMarks {
		for _, f := range styles {
			if f.Has(r) {
				continue
			}
			found := false
			for _, fb := range l.Fonts.Fallbacks {
				if fb != nil && fb.Has(r) {
					found = true
					break
				}
			}
			if !found {
				return false
			}
		}
	}
	return true
}
