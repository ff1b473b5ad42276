package release

import (
	"fmt"
	"strconv"
	"strings"
)

// ZoneKind says which zone an embargo time is in.
type ZoneKind int

// The zones an embargo line names.
const (
	GMT    ZoneKind = iota // UK winter time (the GMT metazone)
	BST                    // British Summer Time (Europe/London's daylight time)
	UTC                    // UTC, an offset of zero outside UK winter time
	Offset                 // any other offset from UTC
)

// Zone is the zone of an embargo time: its kind and, for Offset (and
// BST), its offset from UTC in seconds.
type Zone struct {
	Kind   ZoneKind
	Offset int
}

// ZoneName names z as w's language does. British and American English
// write what pressroom always has: GMT, BST, UTC and UTC+02:00 (the first
// three are also CLDR's en-GB short names). Every other language takes
// CLDR's names, in this order:
//
//  1. the language's own abbreviation, when it has one that is not
//     English's (Irish "MAG" for GMT, "ASB" for British Summer Time);
//  2. else its long name, when that is not English's (Welsh "Amser
//     Safonol Greenwich", "Amser Haf Prydain"; German "Mittlere
//     Greenwich-Zeit");
//  3. else CLDR's localised GMT format, short form ("GMT", "GMT+2",
//     French "UTC+2", in the language's digits), which is also how any
//     other offset is written.
//
// An English abbreviation or name that CLDR merely repeats in another
// language (Welsh "GMT", Scottish Gaelic "Greenwich Mean Time") is not
// that language's own, so step 3 writes the offset instead.
func (w *Words) ZoneName(z Zone) string {
	if w.cldr == nil {
		return englishZone(z)
	}
	c := w.cldr
	var name, en, enGB zoneName
	switch z.Kind {
	case GMT:
		name, en, enGB = c.Zones.GMT, cldrLocales["en"].Zones.GMT, cldrLocales["en-GB"].Zones.GMT
	case BST:
		name, en, enGB = c.Zones.BST, cldrLocales["en"].Zones.BST, cldrLocales["en-GB"].Zones.BST
	case UTC:
		name, en, enGB = c.Zones.UTC, cldrLocales["en"].Zones.UTC, cldrLocales["en-GB"].Zones.UTC
	default:
		return c.gmtOffset(z.Offset)
	}
	english := func(s string, which func(zoneName) string) bool {
		return s == which(en) || s == which(enGB)
	}
	if s := name.Short; s != "" && !english(s, func(n zoneName) string { return n.Short }) {
		return s
	}
	if s := name.Long; s != "" && !english(s, func(n zoneName) string { return n.Long }) {
		return s
	}
	return c.gmtOffset(z.Offset)
}

// gmtOffset writes an offset in CLDR's short localised GMT format:
// gmtZeroFormat for zero, else gmtFormat around hourFormat's pattern for
// the sign, hours without a leading zero and minutes only when there
// are some ("GMT+1", "GMT+5:30", French "UTC−3" with a minus sign).
func (c *cldrLocale) gmtOffset(off int) string {
	z := c.Zones
	if off == 0 {
		return z.GMTZeroFormat
	}
	pos, neg, _ := strings.Cut(z.HourFormat, ";")
	pattern := pos
	if off < 0 {
		pattern, off = neg, -off
	}
	h, m := off/3600, off%3600/60
	// Drop the minutes with the separator before them when they are zero.
	if i := strings.Index(pattern, "mm"); i >= 0 && m == 0 {
		j := strings.LastIndex(pattern[:i], "H")
		pattern = pattern[:j+1] + pattern[i+2:]
	}
	pattern = strings.Replace(pattern, "HH", "H", 1)
	s := strings.NewReplacer("H", c.digits(strconv.Itoa(h)), "mm", c.digits(pad(m, 2))).Replace(pattern)
	return strings.Replace(z.GMTFormat, "{0}", s, 1)
}

// englishZone is the zone as pressroom has always written it in English.
func englishZone(z Zone) string {
	switch z.Kind {
	case GMT:
		return "GMT"
	case BST:
		return "BST"
	case UTC:
		return "UTC"
	}
	off := z.Offset
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("UTC%c%02d:%02d", sign, off/3600, off%3600/60)
}
