// Package source is the common form in which the readers of archived
// releases (plain text and Markdown, web pages, Word documents, e-mails)
// hand a release to the recogniser in pkg/archive.
//
// A reader does not decide what a block *is* in the statement (headline,
// summary, contact): it only says what the file showed — a title, a
// heading, a paragraph, a list item — with the text already written in the
// statement's markup and the place in the file it came from. Deciding is
// the recogniser's job, done once for every format.
package source

// Unit says what a Block's Line counts: lines of the file, or paragraphs
// of a Word document (which has no lines a person could find).
type Unit string

const (
	// Lines counts lines of the file (or of the decoded e-mail part), from 1.
	Lines Unit = "line"
	// Paragraphs counts the paragraphs of a Word document, from 1.
	Paragraphs Unit = "paragraph"
)

// Kind says what a block looked like in the source.
type Kind int

const (
	// Paragraph is running text: a plain-text paragraph, an HTML <p>, a
	// Word paragraph in a body style.
	Paragraph Kind = iota
	// Heading is a section heading; Level says which (1–6).
	Heading
	// Title is the document's own title: Word's Title style, a page's
	// main <h1>, a Markdown "# " heading at the top.
	Title
	// Subtitle is a standfirst: Word's Subtitle style, GOV.UK's lead
	// paragraph.
	Subtitle
	// ListItem is one entry of a list; Level is its depth (0 at the top)
	// and Ordered says whether it was numbered.
	ListItem
)

// String names the kind in reports ("paragraph", "list item").
func (k Kind) String() string {
	switch k {
	case Heading:
		return "heading"
	case Title:
		return "title"
	case Subtitle:
		return "subtitle"
	case ListItem:
		return "list item"
	}
	return "paragraph"
}

// Role is a reader's hint about a block, taken from the source's own
// markup (an HTML class, a Word style name), never guessed from the
// words. The recogniser may use it as evidence.
type Role string

const (
	// NoRole means the source said nothing beyond the Kind.
	NoRole Role = ""
	// Lede marks a standfirst the source itself labelled (GOV.UK's
	// gem-c-lead-paragraph, a CMS "intro"/"summary" class).
	Lede Role = "lede"
	// ContactCard marks a contact block the source labelled (GOV.UK's
	// vcard, an hCard, a CMS "contact" class).
	ContactCard Role = "contact"
	// Label marks the small label above a title ("Press release",
	// GOV.UK's gem-c-title__context).
	Label Role = "label"
	// Quote marks a block quotation; the statement has no quotes, so the
	// recogniser keeps the text as a paragraph.
	Quote Role = "quote"
)

// Doc is one archived release as a reader saw it.
type Doc struct {
	// Format names the reader: "text", "markdown", "html", "docx", "eml".
	Format string
	// Unit says what Block.Line and Evidence.Line count.
	Unit Unit
	// Blocks are the body's blocks in reading order.
	Blocks []Block
	// Evidence is what the source says outside its body: an e-mail's
	// Subject and Date, a page's <title>, its published date.
	Evidence []Evidence
	// Dropped lists what the reader left out as page furniture (menus,
	// cookie banners, share links), so that the report can say so.
	Dropped []Drop
}

// Block is one paragraph, heading or list item.
type Block struct {
	Kind    Kind
	Level   int  // Heading: 1–6; ListItem: depth from 0
	Ordered bool // ListItem: numbered
	Role    Role
	// Lines are the block's lines in order. A plain-text paragraph keeps
	// the line breaks of the file (a signature or a contact block is
	// read line by line); an HTML or Word paragraph has one line per
	// hard break (<br>, w:br).
	Lines []Line
}

// Line is one line of a block.
type Line struct {
	// Text is the line in the statement's markup: **strong**, *emphasis*,
	// [text](url) and <url> links; literal text is written with Escape,
	// so that the statement's markup reads back exactly these words.
	Text string
	// Line is where it is in the source, counted in the Doc's Unit.
	Line int
}

// Evidence is one fact the source states outside its body.
type Evidence struct {
	// Key is one of the Evidence* constants.
	Key   string
	Value string // plain text, not markup
	Line  int
}

// The keys of Evidence.
const (
	EvidenceSubject   = "subject"   // an e-mail's Subject header
	EvidenceDate      = "date"      // an e-mail's Date header (RFC 5322 form)
	EvidenceTitle     = "title"     // a page's <title> or og:title
	EvidencePublished = "published" // a page's published date (GOV.UK metadata, <time>, JSON-LD)
	EvidenceKind      = "kind"      // a page's document type label ("Press release")
	EvidenceFrom      = "from"      // the issuing organisation (GOV.UK "From:")
	EvidenceLanguage  = "lang"      // the page's or document's language (BCP 47)
)

// Drop is one piece of the source that a reader or the recogniser left
// out, and why.
type Drop struct {
	Line int
	Text string // what was left out, shortened for the report
	Why  string // e.g. "cookie banner", "share links", "end mark"
}

// Text returns the block's lines joined with line breaks, in markup.
func (b Block) Text() string {
	switch len(b.Lines) {
	case 0:
		return ""
	case 1:
		return b.Lines[0].Text
	}
	n := 0
	for _, l := range b.Lines {
		n += len(l.Text) + 1
	}
	buf := make([]byte, 0, n)
	for i, l := range b.Lines {
		if i > 0 {
			buf = append(buf, '\n')
		}
		buf = append(buf, l.Text...)
	}
	return string(buf)
}

// FirstLine returns where the block starts (0 when it has no lines).
func (b Block) FirstLine() int {
	if len(b.Lines) == 0 {
		return 0
	}
	return b.Lines[0].Line
}
