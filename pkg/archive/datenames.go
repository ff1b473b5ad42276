package archive

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/pressroom/pressroom/pkg/release"
)

// A written date is read by the date patterns and names CLDR gives each
// language pressroom has a table for (release.DateReadings: the same
// data pressroom writes dates from). Here live only the forms CLDR does
// not have, each from real releases:
//   - English ordinals and "of" ("Tuesday 17th of December 2024") and the
//     weekday forms "Tues", "Thur", "Thurs";
//   - Welsh ordinals ("1af", "2il", "3ydd", "5ed", "7fed", "11eg") and the
//     soft-mutated months Welsh takes after "o" and "ar" ("ar Fawrth"),
//     as TermCymru and the Welsh Government's releases write them;
//   - Polish "r." (roku) after the year ("Strasburg, 4 lipca 2017 r.", the
//     European Commission's Polish releases).
var readingExtras = map[string]struct {
	months   map[string]time.Month
	weekdays []string
	ordinals []string // written after the day
	of       bool     // "of" after the day
	roku     bool     // "r." after the year
}{
	"en":    {weekdays: []string{"Tues", "Thur", "Thurs"}, ordinals: []string{"st", "nd", "rd", "th"}, of: true},
	"en-GB": {weekdays: []string{"Tues", "Thur", "Thurs"}, ordinals: []string{"st", "nd", "rd", "th"}, of: true},
	"cy": {
		months:   map[string]time.Month{"fawrth": 3, "fai": 5, "fehefin": 6, "orffennaf": 7, "fedi": 9, "dachwedd": 11, "ragfyr": 12},
		ordinals: []string{"af", "il", "ydd", "ed", "fed", "eg", "ain"},
	},
	"pl": {roku: true},
}

const (
	// space is a space of any kind: CLDR writes U+00A0 and U+202F in
	// names and patterns, and word processors keep them.
	space = `[\s\p{Zs}]`
	// sep is what may stand between a date's fields where a pattern has
	// spaces or punctuation: CLDR's "d MMMM، y" is also written "2 مئی
	// 2025", and Arabic text carries direction marks.
	sep = `[\s\p{Zs}\x{200E}\x{200F}\x{061C},،.]*`
	// marks are the direction marks CLDR puts in Arabic numeric dates
	// ("dd‏/MM‏/y").
	marks = `[\x{200E}\x{200F}\x{061C}]?`
)

// dateForm is a date pattern's shape, as a regexp, with the group
// numbers of its fields (0 for none), and the names of the months its
// languages write. Languages whose patterns have one shape share a form
// ("d MMMM y": English, Welsh, Polish, Urdu …), so that a text is read
// by a few regexps, not one per language and pattern; no name stands for
// two months in two languages (TestDateNamesAreOneMonthEach).
type dateForm struct {
	re                       *regexp.Regexp
	day, month, month2, year int
	numericMonth             bool
	months                   map[string]time.Month
}

// dateTables is everything the date reader needs, built once.
type dateTables struct {
	forms   []dateForm
	digits  map[rune]int // every digit a table writes, to its value
	iso     *regexp.Regexp
	numeric *regexp.Regexp
}

var loadDateTables = sync.OnceValue(buildDateTables)

// The places in a form's shape where its languages' words go.
const (
	monthsHere    = "\x00months\x00"
	weekdaysHere  = "\x00weekdays\x00"
	afterDayHere  = "\x00day\x00"
	afterYearHere = "\x00year\x00"
)

// shapeGroup gathers what the languages of one shape write.
type shapeGroup struct {
	form                 dateForm
	shape                string
	monthNames, dayNames []string
	ordinals             []string
	of, roku             bool
}

func buildDateTables() *dateTables {
	t := &dateTables{digits: map[rune]int{}}
	for d := '0'; d <= '9'; d++ {
		t.digits[d] = int(d - '0')
	}
	readings := release.DateReadings()
	for _, r := range readings {
		for _, set := range r.Digits {
			for v, d := range []rune(set) {
				t.digits[d] = v
			}
		}
	}
	var class strings.Builder
	class.WriteByte('[')
	for _, d := range slices.Sorted(maps.Keys(t.digits)) {
		class.WriteString(regexp.QuoteMeta(string(d)))
	}
	class.WriteByte(']')
	dig := class.String()
	t.iso = regexp.MustCompile(bounded(`(` + dig + `{4})-(` + dig + `{2})-(` + dig + `{2})`))
	t.numeric = regexp.MustCompile(bounded(`(` + dig + `{1,2})` + marks + `([/.-])` + marks + `(` + dig + `{1,2})` + marks + `([/.-])` + marks + `(` + dig + `{4}|` + dig + `{2})`))
	var groups []*shapeGroup
	for _, r := range readings {
		ex := readingExtras[r.Lang]
		var monthNames, dayNames []string
		months := map[string]time.Month{}
		for m, names := range r.Months {
			for _, n := range names {
				months[foldName(n)] = time.Month(m + 1)
				monthNames = append(monthNames, n)
			}
		}
		for n, m := range ex.months {
			months[foldName(n)] = m
			monthNames = append(monthNames, n)
		}
		for _, names := range r.Weekdays {
			dayNames = append(dayNames, names...)
		}
		dayNames = append(dayNames, ex.weekdays...)
		for _, p := range r.Patterns {
			f, shape, ok := compileForm(p, dig)
			if !ok {
				continue
			}
			i := slices.IndexFunc(groups, func(g *shapeGroup) bool { return g.shape == shape })
			if i < 0 {
				f.months = map[string]time.Month{}
				groups = append(groups, &shapeGroup{form: f, shape: shape})
				i = len(groups) - 1
			}
			g := groups[i]
			for k, m := range months {
				if _, ok := g.form.months[k]; !ok {
					g.form.months[k] = m
				}
			}
			g.monthNames = append(g.monthNames, monthNames...)
			g.dayNames = append(g.dayNames, dayNames...)
			g.ordinals = append(g.ordinals, ex.ordinals...)
			g.of = g.of || ex.of
			g.roku = g.roku || ex.roku
		}
	}
	for _, g := range groups {
		afterDay, afterYear := "", ""
		if len(g.ordinals) > 0 {
			slices.Sort(g.ordinals)
			afterDay = `(?:` + strings.Join(slices.Compact(g.ordinals), "|") + `)?`
		}
		if g.of {
			afterDay += `(?:` + space + `+of)?`
		}
		if g.roku {
			afterYear = `(?:` + space + `*r(?:\.|$))?`
		}
		expr := strings.NewReplacer(monthsHere, alternation(g.monthNames), weekdaysHere, alternation(g.dayNames),
			afterDayHere, afterDay, afterYearHere, afterYear).Replace(g.shape)
		g.form.re = regexp.MustCompile(bounded(expr))
		t.forms = append(t.forms, g.form)
	}
	return t
}

// compileForm turns a CLDR date pattern into the shape of a regexp, with
// places for the names and extras of the languages that share it.
// Spaces and punctuation between fields may be written or left out;
// quoted words ("'de'") and letters (年) must be there. A pattern with no
// month name and no letters ("dd/MM/y") is left to the numeric reader,
// and one with fields a release's date does not have (eras, two-digit
// years) is not used.
func compileForm(pattern, dig string) (dateForm, string, bool) {
	var f dateForm
	group := 1 // group 1 is the date (bounded)
	hasWeekday, hasName, hasLetters := false, false, false
	var body strings.Builder
	literal := func(lit string) {
		body.WriteString(sep)
		if strings.IndexFunc(lit, unicode.IsLetter) < 0 {
			return
		}
		hasLetters = true
		for _, w := range strings.Fields(lit) {
			body.WriteString(regexp.QuoteMeta(w) + sep)
		}
	}
	for i := 0; i < len(pattern); {
		c := pattern[i]
		if c == '\'' {
			j := strings.IndexByte(pattern[i+1:], '\'')
			if j < 0 {
				return f, "", false
			}
			lit := pattern[i+1 : i+1+j]
			if lit == "" {
				lit = "'"
			}
			literal(lit)
			i += j + 2
			continue
		}
		if !isPatternLetter(c) {
			j := i
			for j < len(pattern) && pattern[j] != '\'' && !isPatternLetter(pattern[j]) {
				j++
			}
			literal(pattern[i:j])
			i = j
			continue
		}
		n := 1
		for i+n < len(pattern) && pattern[i+n] == c {
			n++
		}
		i += n
		switch {
		case c == 'd':
			group++
			f.day = group
			body.WriteString(`(` + dig + `{1,2})` + afterDayHere)
		case (c == 'M' || c == 'L') && n >= 3:
			group += 2
			f.month, f.month2 = group-1, group
			hasName = true
			// "تموز/ يوليو": a Levant name and the Gulf one, side by side.
			body.WriteString(`(` + monthsHere + `)\.?(?:` + space + `*/` + space + `*(` + monthsHere + `)\.?)?`)
		case c == 'M' || c == 'L':
			group++
			f.month, f.numericMonth = group, true
			body.WriteString(`(` + dig + `{1,2})`)
		case c == 'y' && n != 2:
			group++
			f.year = group
			body.WriteString(`(` + dig + `{4})` + afterYearHere)
		case c == 'E' || c == 'c':
			hasWeekday = true
			body.WriteString(`(?:` + weekdaysHere + `)\.?`)
		default:
			return f, "", false
		}
	}
	if f.day == 0 || f.month == 0 || f.year == 0 || !hasName && !hasLetters {
		return f, "", false
	}
	shape := body.String()
	if !hasWeekday {
		// A weekday before the date, as releases write it whatever the
		// pattern ("Tuesday 17 December 2024", "dydd Gwener 21 Awst").
		shape = `(?:(?:` + weekdaysHere + `)\.?[\s\p{Zs},،]+)?` + shape
	}
	return f, shape, true
}

func isPatternLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// alternation is a regexp matching any of names, the longest first, each
// written by nameExpr.
func alternation(names []string) string {
	var exprs []string
	for _, n := range names {
		n = strings.TrimSuffix(n, ".")
		if n == "" {
			continue
		}
		exprs = append(exprs, nameExpr(n))
	}
	// The longest first, as leftmost-first matching takes the first
	// alternative that matches ("Sept" before "Sep"), each once.
	slices.Sort(exprs)
	exprs = slices.Compact(exprs)
	slices.SortStableFunc(exprs, func(a, b string) int { return len(b) - len(a) })
	return strings.Join(exprs, "|")
}

// The letters a name is written with in more than one way: Arabic-script
// writers type alef with or without hamza, Arabic or Persian yeh and kaf,
// Arabic or Urdu heh; Indic writers type a nukta letter as one character
// or two, or leave the nukta out ("13 ਫਰਵਰੀ, 2024").
var letterVariants = [][]rune{
	{'ا', 'أ', 'إ', 'آ'},
	{'ي', 'ی', 'ى'},
	{'ك', 'ک'},
	{'ه', 'ہ', 'ە'},
}

func isNukta(r rune) bool { return r == '\u093C' || r == '\u09BC' || r == '\u0A3C' }

// precomposed maps a letter and nukta to the one character Unicode also
// has for them (ਫ + ◌਼ → ਫ਼).
var precomposed = sync.OnceValue(func() map[string]rune {
	m := map[string]rune{}
	for r := rune(0x0900); r < 0x0A80; r++ {
		d := []rune(norm.NFD.String(string(r)))
		if len(d) == 2 && isNukta(d[1]) {
			m[string(d)] = r
		}
	}
	return m
})

// nameExpr is a regexp matching a name as writers type it: a letter
// Unicode can write as one character or as several (Polish "ś", Bengali
// "ো", Arabic "ئ") in either form, and a letter of letterVariants as any
// of its variants.
func nameExpr(name string) string {
	rs := []rune(norm.NFC.String(name))
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if unicode.IsSpace(r) {
			for i+1 < len(rs) && unicode.IsSpace(rs[i+1]) {
				i++
			}
			b.WriteString(space + `+`)
			continue
		}
		if i+1 < len(rs) && isNukta(rs[i+1]) {
			alt := regexp.QuoteMeta(string(r)) + regexp.QuoteMeta(string(rs[i+1])) + `?`
			if p, ok := precomposed()[string(rs[i:i+2])]; ok {
				alt += `|` + regexp.QuoteMeta(string(p))
			}
			b.WriteString(`(?:` + alt + `)`)
			i++
			continue
		}
		alts := []string{regexp.QuoteMeta(string(r))}
		for _, v := range letterVariants {
			if slices.Contains(v, r) {
				alts = []string{`[` + string(v) + `]`}
				break
			}
		}
		if d := norm.NFD.String(string(r)); d != string(r) {
			alts = append(alts, regexp.QuoteMeta(d))
		}
		if len(alts) == 1 {
			b.WriteString(alts[0])
		} else {
			b.WriteString(`(?:` + strings.Join(alts, "|") + `)`)
		}
	}
	return b.String()
}

// foldName writes a name as the month tables key it: composed (NFC, in
// which a nukta stays a character of its own), lower case, one space, no
// nukta, and one letter for each of letterVariants.
func foldName(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(norm.NFC.String(s)), " "))
	s = strings.TrimSuffix(s, ".")
	return strings.Map(func(r rune) rune {
		if isNukta(r) {
			return -1
		}
		for _, v := range letterVariants {
			if slices.Contains(v, r) {
				return v[0]
			}
		}
		return r
	}, s)
}

// number reads digits of any of the tables' digit sets.
func (t *dateTables) number(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + t.digits[r]
	}
	return n
}

// hasDigit reports whether s has a digit a date could be written with.
func (t *dateTables) hasDigit(s string) bool {
	for _, r := range s {
		if _, ok := t.digits[r]; ok {
			return true
		}
	}
	return false
}

// bounded wraps a date's regexp so that the date touches no letter or
// digit ("12 May 2025" is not a date in "112 May 20250", nor in Bengali
// "ক২ মে ২০২৫"), Go's \b knowing only ASCII: group 1 is the date, its
// own groups count from 2.
func bounded(expr string) string {
	return `(?i)(?:^|[^\p{L}\p{M}\p{N}_])(` + expr + `)(?:$|[^\p{L}\p{M}\p{N}_])`
}

// eachMatch calls fn with each date re finds in s, in order, until fn
// returns true; m[2]:m[3] is the date. A search goes on from the end of
// the last date (dates do not overlap), so the whole takes time in
// proportion to s.
func eachMatch(re *regexp.Regexp, s string, fn func(m []int) bool) {
	for at := 0; at < len(s); {
		m := re.FindStringSubmatchIndex(s[at:])
		if m == nil {
			return
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += at
			}
		}
		if fn(m) {
			return
		}
		// The next search starts on the character after the date, which
		// is the next date's boundary.
		if m[3] <= at {
			return
		}
		at = m[3]
	}
}
