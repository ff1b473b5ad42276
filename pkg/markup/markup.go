// Package markup reads the small, safe part of CommonMark that statement
// texts may hold (paragraphs, hard breaks, emphasis, strong, links, lists)
// into blocks of styled inline runs.
//
// Parsing is done by goldmark; this package only walks goldmark's tree,
// keeps what the statement format allows and reports everything else as a
// Problem with its byte offset in the source text.
package markup

// Style is a set of inline styles.
type Style uint8

const (
	// Emphasis is *text*, set in italics.
	Emphasis Style = 1 << iota
	// Strong is **text**, set in bold.
	Strong
)

// Inline is one run of text with a single style and link target.
type Inline struct {
	Text  string
	Style Style
	// Link is the target (http, https, mailto or tel) when the run is
	// linked; empty otherwise. Placeholder links ("#" or empty) are not
	// links: their text is set plain and Placeholder is true.
	Link        string
	Placeholder bool
	// LineBreak marks a hard line break (a trailing backslash) after Text.
	LineBreak bool
	// Lang is the language of a passage in another language than the
	// statement's, marked [words](lang:en); empty for the statement's.
	Lang string
	// Offset is the byte offset of the run's first character in the source.
	Offset int
}

// BlockKind says what a Block is.
type BlockKind int

const (
	// Paragraph is a run of inline text.
	Paragraph BlockKind = iota
	// BulletList is a "- " list; its Items hold the entries.
	BulletList
	// OrderedList is a "1. " list; Start is its first number.
	OrderedList
)

// Block is a paragraph or a list.
type Block struct {
	Kind    BlockKind
	Inlines []Inline // Paragraph only
	Items   []Item   // lists only
	Start   int      // OrderedList only: the first item's number
	Offset  int      // byte offset of the block's start in the source
}

// Item is one entry of a list: its own blocks (usually one paragraph,
// possibly a nested list).
type Item struct {
	Blocks []Block
}

// Doc is a parsed text: its blocks in order.
type Doc struct {
	Blocks []Block
}

// Problem is markup the statement format does not allow, or a link that
// needs a look. Offset is a byte offset into the source text.
type Problem struct {
	Offset  int
	Warning bool
	Message string
	Hint    string
}

// Options says what a text may contain.
type Options struct {
	// InlineOnly is set for texts that must be one paragraph with no
	// lists (a developments item).
	InlineOnly bool
}
