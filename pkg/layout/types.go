package layout

import (
	"image"

	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/font"
	"github.com/pressroom/pressroom/pkg/vector"
)

// Layout is one organisation's look, fully resolved: every value set (from
// the layout file, what it extends, and the built-in defaults), fonts parsed
// and the logo decoded. A Layout is read-only once loaded and may be shared
// by any number of concurrent renders.
type Layout struct {
	Name        string // built-in name, or the file's path
	Description string // one line, for `pressroom layouts`

	Page         Page
	Organisation Organisation
	Logo         *Logo // nil: the organisation's name is set as a wordmark
	Colours      Colours
	Fonts        Fonts
	Type         TypeScale
	Header       HeaderStyle
	Text         Wording
	// Words sets labels for one language: language tag (as written
	// under [words.TAG]) → label key (WordKeys) → wording.
	Words     map[string]map[string]string `json:",omitempty"`
	DateStyle DateStyle
	// Align is "left" (the default) or "justify"; check warns on justify.
	Align string
	// SmartPunctuation sets typewriter punctuation as a typesetter
	// would: curly quotes and apostrophes, en and em dashes, an ellipsis.
	SmartPunctuation bool
	// Hyphenate lets the body's longer words break at the end of a line,
	// by the statement's language (pkg/hyphenate), where that evens the
	// right edge.
	Hyphenate bool
	// PageNumbers shows "Page N of M" on releases of more than one page.
	PageNumbers bool

	// Files are the user's files the layout was read from: the layout
	// file, its fonts and logo (none for a built-in), so that no output
	// is written over one of them. Paths cannot change a PDF's bytes, so
	// they are left out of the batch fingerprint's JSON.
	Files []string `json:"-"`

	// where holds the position each key's value came from (the user's
	// file or the built-in it extends), so that Lint can point at it.
	where map[string]diag.Pos
}

// Page is the paper and its margins, in millimetres.
type Page struct {
	Size                     string // "A4" or "Letter"
	Width, Height            float64
	Top, Right, Bottom, Left float64
}

// Organisation is who the layout belongs to, printed in header or footer.
type Organisation struct {
	Name         string
	Address      string
	Website      string
	Phone        string
	Registration string // e.g. "Registered charity 1234567"
}

// Logo is a decoded image, decoded once per process.
type Logo struct {
	Path  string      // where it came from, for messages
	Image image.Image // decoded pixels; nil for a built-in logo or an SVG
	// Vector is an SVG logo's drawing, nil for a PNG or JPEG; the file's
	// bytes (Data) stand for it in the batch fingerprint.
	Vector *vector.Drawing `json:"-"`
	Size   image.Point     // width and height in pixels (an SVG's viewBox, rounded up)
	Data   []byte          // the bytes to embed (PNG or JPEG): the file's, or a re-encoding the PDF writer takes; an SVG's file
	Format string          // "png", "jpeg" or "svg"
	Width  float64         // width on the page in mm; height keeps the aspect ratio
	Align  string          // "left" or "right"
	Alt    string          // alternative text; empty means decorative
	// Wordmark asks for the organisation's name to be set beside the
	// logo: the built-in logos are marks without a name.
	Wordmark bool
}

// Aspect returns the logo's height over its width: exact for an SVG
// (its viewBox), from the pixel size otherwise; 0 when unknown.
func (l *Logo) Aspect() float64 {
	if l.Vector != nil {
		return l.Vector.Height / l.Vector.Width
	}
	if px := l.Pixels(); px.X > 0 && px.Y > 0 {
		return float64(px.Y) / float64(px.X)
	}
	return 0
}

// Pixels returns the logo's width and height in pixels: Size, or the
// decoded image's when Size is not set.
func (l *Logo) Pixels() image.Point {
	if l.Size.X > 0 && l.Size.Y > 0 {
		return l.Size
	}
	if l.Image != nil {
		return l.Image.Bounds().Size()
	}
	return image.Point{}
}

// Colour is an sRGB colour.
type Colour struct{ R, G, B uint8 }

// Colours are the layout's palette.
type Colours struct {
	Primary    Colour // header band, headline
	OnPrimary  Colour // text set on the primary colour
	Accent     Colour // kind label, links, rules of emphasis
	Text       Colour // body text
	Muted      Colour // dates, footers, small print
	Rule       Colour // thin rules
	Background Colour // the page (white unless a layout says otherwise)
}

// Fonts are the families a layout sets text in, each with four styles,
// and the fallbacks tried in order for characters the family lacks.
type Fonts struct {
	Body      Family
	Heading   Family
	Fallbacks []*font.Font
	// Script is the end of the fallback chain: the built-in family for
	// text of a script (ISO 15924, "Beng") in a language ("ur"), parsed
	// once by the Library. Nil in a layout built by hand. Not part of a
	// layout's fingerprint (pkg/pipeline): the program's version is.
	Script func(script, lang string) (Family, bool) `json:"-"`
}

// Family is a font in four styles. A missing style falls back to Regular.
type Family struct {
	Name                              string
	Regular, Bold, Italic, BoldItalic *font.Font
}

// TypeScale is the sizes (points) and spacing of the text.
type TypeScale struct {
	Body        float64 // at least 11
	Headline    float64
	Subheadline float64
	Heading     float64 // section headings: Note to editors, About, Contacts
	Label       float64 // the kind label
	Small       float64 // footer, running header, small print
	LineHeight  float64 // multiple of the size, about 1.4
	Paragraph   float64 // space between paragraphs, in mm
}

// HeaderStyle is how the top of page 1 looks: "band" (a coloured band with
// the wordmark or logo), "letterhead" (logo top left, address block, rule)
// or "rule" (plain, a thin rule).
type HeaderStyle string

// Wording is the fixed words a layout prints.
type Wording struct {
	Kind      string // default kind label, e.g. "Press release"
	Immediate string // release line without an embargo; empty prints none
	// Embargoed is the release line under embargo; "{time}" is replaced by
	// the embargo time in the layout's style, e.g. "Embargoed until {time}".
	Embargoed    string
	EmbargoZone  string // the zone name for local embargo times, e.g. "UK time"
	EndMark      string // "ENDS"
	MoreMark     string // "- more -"
	FooterNotice string // a standing notice printed on every page
	DatePrefix   string // e.g. "Date: "; empty for none
}

// DateStyle is how dates are written: "ordinal" (17th December 2024),
// "day-month" (17 December 2024), "month-day" (December 17, 2024) or
// "iso" (2024-12-17).
type DateStyle string
