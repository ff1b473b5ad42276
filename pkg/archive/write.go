package archive

import (
	"fmt"
	"strings"

	"github.com/pressroom/pressroom/pkg/diag"
)

// writeTOML writes the draft as a statement file, each key with a short
// comment saying where it came from and how sure the recogniser was, and
// the dropped pieces listed at the end, so that the file itself tells its
// editor what to check.
func writeTOML(d *Draft, found []Finding, dropped []Dropped, from, format string, unit string) []byte {
	w := &tomlWriter{found: map[string][]Finding{}, unit: unit}
	for _, f := range found {
		w.found[f.Field] = append(w.found[f.Field], f)
	}
	// A file name may hold control characters; a comment may not.
	fmt.Fprintf(&w.b, "# Imported by pressroom from %s (%s).\n", diag.Path(from), format)
	w.b.WriteString("# Each key says where it came from and how sure the import was (sure, likely,\n")
	w.b.WriteString("# guess): check the likely and guessed ones before you publish.\n\n")
	w.str("layout", d.Layout)
	w.str("organisation", d.Organisation)
	w.str("kind", d.Kind)
	w.str("headline", d.Headline)
	w.str("subheadline", d.Subheadline)
	if d.Date.Year != 0 {
		w.comment("date")
		fmt.Fprintf(&w.b, "date = %s\n", d.Date)
	}
	w.str("dateline", d.Dateline)
	if e := d.Embargo; e != nil {
		w.comment("embargo")
		zone := ""
		switch e.Zone {
		case "GMT", "UTC":
			zone = "Z"
		case "BST":
			zone = "+01:00"
		default:
			if strings.HasPrefix(e.Zone, "+") || strings.HasPrefix(e.Zone, "-") {
				zone = e.Zone // an offset the line named ("GMT+2")
			}
		}
		fmt.Fprintf(&w.b, "embargo = %sT%02d:%02d:00%s\n", e.Date, e.Hour, e.Minute, zone)
	}
	w.str("reference", d.Reference)
	w.str("lang", d.Lang)
	if len(d.Summary) > 0 {
		w.b.WriteByte('\n')
		w.multi("summary", "summary", strings.Join(d.Summary, "\n\n"))
	}
	if dev := d.Developments; dev != nil {
		w.b.WriteString("\n[developments]\n")
		w.comment("developments")
		w.fieldStr("developments.intro", "intro", dev.Intro)
		w.b.WriteString("items = [\n")
		for _, it := range dev.Items {
			fmt.Fprintf(&w.b, "  %s,\n", quote(it))
		}
		w.b.WriteString("]\n")
	}
	for i, s := range d.Signatories {
		w.b.WriteString("\n[[signatories]]\n")
		w.comment(fmt.Sprintf("signatories[%d]", i))
		w.fieldStr(fmt.Sprintf("signatories[%d].name", i), "name", s.Name)
		w.fieldStr(fmt.Sprintf("signatories[%d].role", i), "role", s.Role)
		w.fieldStr(fmt.Sprintf("signatories[%d].organisation", i), "organisation", s.Organisation)
	}
	for _, sec := range []struct {
		name string
		s    *DraftSection
	}{{"notes", d.Notes}, {"about", d.About}} {
		if sec.s == nil || len(sec.s.Body) == 0 {
			continue
		}
		fmt.Fprintf(&w.b, "\n[%s]\n", sec.name)
		w.comment(sec.name)
		w.fieldStr(sec.name+".heading", "heading", sec.s.Heading)
		w.multi(sec.name+".body", "body", strings.Join(sec.s.Body, "\n\n"))
	}
	for i, c := range d.Contacts {
		k := fmt.Sprintf("contacts[%d]", i)
		w.b.WriteString("\n[[contacts]]\n")
		w.fieldStr(k+".purpose", "purpose", c.Purpose)
		w.fieldStr(k+".name", "name", c.Name)
		w.fieldStr(k+".role", "role", c.Role)
		w.fieldStr(k+".organisation", "organisation", c.Organisation)
		w.fieldStr(k+".email", "email", c.Email)
		w.fieldStr(k+".phone", "phone", c.Phone)
		w.fieldStr(k+".mobile", "mobile", c.Mobile)
		w.fieldStr(k+".office", "office", c.Office)
		w.fieldStr(k+".website", "website", c.Website)
	}
	if len(dropped) > 0 {
		w.b.WriteString("\n# Left out of the statement:\n")
		for _, d := range dropped {
			where := ""
			if d.Line > 0 {
				where = fmt.Sprintf("%s %d: ", unit, d.Line)
			}
			fmt.Fprintf(&w.b, "#   %s%s (%s)\n", where, diag.Visible(oneLine(d.Text)), d.Why)
		}
	}
	return []byte(w.b.String())
}

type tomlWriter struct {
	b     strings.Builder
	found map[string][]Finding
	unit  string
}

// comment writes where a key's value came from.
func (w *tomlWriter) comment(field string) {
	fs := w.found[field]
	if len(fs) == 0 {
		return
	}
	f := fs[0]
	where := ""
	if f.Line > 0 {
		where = fmt.Sprintf("%s %d, ", w.unit, f.Line)
	}
	fmt.Fprintf(&w.b, "# %s%s: %s\n", where, f.Confidence, diag.Visible(oneLine(f.Why)))
}

func (w *tomlWriter) str(key, value string) {
	if value == "" {
		return
	}
	w.comment(key)
	fmt.Fprintf(&w.b, "%s = %s\n", key, quote(value))
}

func (w *tomlWriter) fieldStr(field, key, value string) {
	if value == "" {
		return
	}
	w.comment(field)
	fmt.Fprintf(&w.b, "%s = %s\n", key, quote(value))
}

// multi writes a multi-line text: as a literal string when it holds
// backslashes (markup escapes stay readable), else as a basic one.
func (w *tomlWriter) multi(field, key, value string) {
	w.comment(field)
	if strings.Contains(value, `\`) && !strings.Contains(value, "'''") && !hasControl(value) && !strings.HasSuffix(value, "'") {
		fmt.Fprintf(&w.b, "%s = '''\n%s\n'''\n", key, value)
		return
	}
	var b strings.Builder
	for _, r := range value {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	fmt.Fprintf(&w.b, "%s = \"\"\"\n%s\n\"\"\"\n", key, b.String())
}

func hasControl(s string) bool {
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f {
			return true
		}
	}
	return false
}

// quote writes a one-line TOML string: literal when it holds a backslash
// and no single quote (so markup escapes stay readable), else basic.
func quote(s string) string {
	if strings.Contains(s, `\`) && !strings.ContainsAny(s, "'\n\r") && !hasControl(s) {
		return "'" + s + "'"
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
