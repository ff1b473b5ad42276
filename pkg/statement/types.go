package statement

import (
	"time"

	"github.com/pressroom/pressroom/internal/tomlpos"
	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/markup"
)

// Statement is one parsed statement file, with every key of format version 1
// (see the README). Optional keys that are absent are zero values; defaults
// that depend on the layout (organisation, kind, About heading) are left
// empty here and filled in by the layout or renderer.
type Statement struct {
	// File is the statement's path as given by the user; positions name it.
	File string

	Layout       string // built-in layout name or a path relative to File
	Organisation string
	Kind         string
	Headline     string
	Subheadline  string
	Date         Date
	Dateline     string
	Embargo      *Embargo
	Reference    string
	Lang         string // defaults to "en-GB"
	Keywords     []string
	// Translation is the file of the same release in another language,
	// as written (relative to File); empty when there is none.
	// pipeline.Load reads it and checks the pair.
	Translation string

	Summary      markup.Doc
	Developments *Developments
	Signatories  []Signatory
	Notes        *Section
	About        *Section
	Contacts     []Contact

	// texts and where they are, for Locate and Texts.
	fields []Field
	src    []byte         // the file
	index  *tomlpos.Index // turns file offsets into lines and columns
	places map[string]tomlpos.Place
}

// Date is a calendar date with no time or zone (a TOML local date).
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// Time returns the date at midnight UTC.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.Year == 0 && d.Month == 0 && d.Day == 0 }

// Embargo is the moment before which the release must not be published.
type Embargo struct {
	// Time is the moment. When HasZone is false the file gave a local
	// date-time; Time then carries it in UTC and the layout names the
	// zone it assumes (for UK users, UK time).
	Time    time.Time
	HasZone bool
}

// Developments is the list the release announces.
type Developments struct {
	Intro string
	Items [][]markup.Inline
}

// Signatory is one person who signs the statement.
type Signatory struct {
	Name         string
	Role         string
	Organisation string // defaults to the statement's organisation
}

// Section is the note to editors or the About text.
type Section struct {
	Heading string // empty means the default heading
	Body    markup.Doc
}

// Contact is one media contact. At least one of Email, Phone, Mobile,
// Office and Website is set.
type Contact struct {
	Purpose      string
	Name         string
	Role         string
	Organisation string
	Email        string
	Phone        string
	Mobile       string
	Office       string
	Website      string
}

// Field is one string value of the file and the key it came from, e.g.
// "summary", "developments.items[2]", "contacts[0].email".
type Field struct {
	Key   string
	Value string // the decoded string, as the program sees it
	// Pos is where the value starts in the file: its opening quote.
	Pos diag.Pos
	// quote is the byte offset of the opening quote in the file; text
	// maps offsets in Value back to the file.
	quote int
	text  tomlpos.String
}

// Texts returns every string value of the statement with its key, in file
// order, so that later stages (e.g. a font-coverage check) can point at the
// exact place of a problem with Locate.
func (s *Statement) Texts() []Field { return s.fields }

// Locate returns the position in the file of the byte at offset off in the
// decoded value of key (as listed by Texts). It accounts for escapes and
// multi-line strings. An unknown key gives the file with no line.
func (s *Statement) Locate(key string, off int) diag.Pos {
	for _, f := range s.fields {
		if f.Key == key {
			return s.locate(f, off)
		}
	}
	return diag.Pos{File: s.File}
}

// KeyPos returns where key (a path as Texts names it: "date",
// "contacts[0].email") is written in the file: its value's start, or the
// key's when the value has no place of its own (a table). An absent key
// gives the file with no line.
func (s *Statement) KeyPos(key string) diag.Pos {
	if s == nil || s.index == nil {
		return diag.Pos{File: s.fileName()}
	}
	pl, ok := s.places[key]
	if !ok {
		return diag.Pos{File: s.File}
	}
	off := pl.Value
	if off < 0 {
		off = pl.Key
	}
	if off < 0 {
		return diag.Pos{File: s.File}
	}
	line, col := s.index.Pos(off)
	return diag.Pos{File: s.File, Line: line, Col: col}
}

func (s *Statement) fileName() string {
	if s == nil {
		return ""
	}
	return s.File
}

// Source returns the file's bytes as parsed (for a fingerprint of what a
// PDF is made from); the caller must not change them.
func (s *Statement) Source() []byte { return s.src }
