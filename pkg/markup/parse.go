package markup

import (
	"golang.org/x/text/language"

	"bytes"
	"fmt"
	"strings"

	"github.com/pressroom/pressroom/internal/goldmark"
	"github.com/pressroom/pressroom/internal/goldmark/ast"
	"github.com/pressroom/pressroom/internal/goldmark/extension"
	east "github.com/pressroom/pressroom/internal/goldmark/extension/ast"
	"github.com/pressroom/pressroom/internal/goldmark/text"
)

// Parse reads src, a statement text, into blocks of styled runs. Every
// construct the statement format does not allow is reported as a Problem
// at its byte offset in src; placeholder links are reported as warnings.
// The Doc is only fit to render when no Problem is an error.
func Parse(src string, opts Options) (Doc, []Problem) {
	source := []byte(src)
	// Tables are enabled only so that a table is recognised and refused,
	// rather than set as lines full of pipes.
	md := goldmark.New(goldmark.WithExtensions(extension.Linkify, extension.Table))
	root := md.Parser().Parse(text.NewReader(source))
	p := &parser{src: source, opts: opts}
	doc := Doc{Blocks: p.blocks(root)}
	p.looseLinks()
	if opts.InlineOnly && len(doc.Blocks) > 1 {
		p.errorf(doc.Blocks[1].Offset, "write it on one line, or make it two items",
			"a developments item must be a single paragraph")
	}
	return doc, p.problems
}

type parser struct {
	src      []byte
	opts     Options
	problems []Problem
}

func (p *parser) errorf(off int, hint, format string, args ...any) {
	p.problems = append(p.problems, Problem{Offset: p.clamp(off), Message: fmt.Sprintf(format, args...), Hint: hint})
}

func (p *parser) warnf(off int, hint, format string, args ...any) {
	p.problems = append(p.problems, Problem{Offset: p.clamp(off), Warning: true, Message: fmt.Sprintf(format, args...), Hint: hint})
}

func (p *parser) clamp(off int) int {
	return max(0, min(off, len(p.src)))
}

// blockPos is where a block starts, or failing that where its first line
// starts: goldmark does not give every node a position.
func blockPos(n ast.Node) int {
	if pos := n.Pos(); pos >= 0 {
		return pos
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if pos := blockPos(c); pos >= 0 {
			return pos
		}
	}
	return -1
}

func (p *parser) blocks(parent ast.Node) []Block {
	var out []Block
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		// goldmark counts a tab in an indent as the columns it spans, so a
		// position can overshoot; keep it inside the text.
		pos := p.clamp(blockPos(n))
		switch n := n.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			out = append(out, Block{Kind: Paragraph, Inlines: finish(p.inlines(n, 0, "", false, nil)), Offset: pos})
		case *ast.List:
			if p.opts.InlineOnly {
				p.errorf(pos, "make separate points separate items; if the item starts with a number and a full stop, reword it (\"In 2022, …\")",
					"a list is not allowed inside a developments item (a line starting with \"- \" or \"1. \" makes one)")
				continue
			}
			b := Block{Kind: BulletList, Offset: pos}
			if n.IsOrdered() {
				b.Kind, b.Start = OrderedList, n.Start
			}
			for item := n.FirstChild(); item != nil; item = item.NextSibling() {
				b.Items = append(b.Items, Item{Blocks: p.blocks(item)})
			}
			out = append(out, b)
		case *ast.Heading:
			if pos >= 0 && pos < len(p.src) && p.src[pos] == '#' {
				p.errorf(pos, "remove the # signs; for a heading inside the text, write **bold text** on a line of its own",
					"headings are not allowed in statement text")
			} else {
				p.errorf(pos, "remove the line of = or - under it, or leave a blank line between them",
					"a line of = or - under text makes a heading, which is not allowed in statement text")
			}
		case *ast.ThematicBreak:
			p.errorf(pos, "remove the line; a blank line is enough to separate paragraphs",
				"a line of ---, *** or ___ (a horizontal rule) is not allowed in statement text")
		case *ast.CodeBlock:
			p.errorf(pos, "start the lines at the left margin (indent by fewer than four spaces)",
				"lines indented by four or more spaces make a code block, which is not allowed in statement text")
		case *ast.FencedCodeBlock:
			p.errorf(pos, "remove the ``` or ~~~ lines and write the text as a paragraph",
				"code blocks are not allowed in statement text")
		case *ast.Blockquote:
			p.errorf(pos, "remove the > at the start of the line; put a quotation in “quotation marks” instead",
				"block quotes (lines starting with >) are not allowed in statement text")
		case *ast.HTMLBlock:
			p.errorf(pos, "remove the tags; use *emphasis*, **strong** and [text](https://…) for links",
				"raw HTML is not allowed in statement text")
		case *ast.LinkReferenceDefinition:
			p.errorf(pos, "write the link where it is used: [text](https://…)",
				"link reference definitions ([name]: address) are not allowed in statement text")
		case *east.Table:
			p.errorf(pos, "write the rows as a bullet list, one \"- \" line each",
				"tables are not allowed in statement text")
		default:
			p.errorf(pos, "write plain paragraphs, lists, *emphasis*, **strong** and links only",
				"%s is not allowed in statement text", strings.ToLower(n.Kind().String()))
		}
	}
	return out
}

// inlines appends the runs of n's children to out, each with the style and
// link of its surroundings.
func (p *parser) inlines(n ast.Node, style Style, link string, placeholder bool, out []run) []run {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			seg := c.Segment
			if link == "" && !placeholder {
				p.bareDomains(seg.Start, seg.Value(p.src))
			}
			out = p.text(out, seg.Start, seg.Value(p.src), style, link, placeholder)
			switch {
			case c.HardLineBreak():
				if len(out) > 0 {
					out[len(out)-1].LineBreak = true
				}
			case c.SoftLineBreak():
				// The space stands for the line end, which is where it
				// points, past any blanks goldmark trimmed before it.
				end := seg.Stop
				for end < len(p.src) && (p.src[end] == ' ' || p.src[end] == '\t') {
					end++
				}
				out = appendRun(out, Inline{Style: style, Link: link, Placeholder: placeholder, Offset: end}, []byte{' '})
			}
		case *ast.String:
			off := 0
			if len(out) > 0 {
				last := out[len(out)-1]
				off = last.Offset + len(last.text)
			}
			out = appendRun(out, Inline{Style: style, Link: link, Placeholder: placeholder, Offset: off}, c.Value)
		case *ast.Emphasis:
			s := Emphasis
			if c.Level >= 2 {
				s = Strong
			}
			out = p.inlines(c, style|s, link, placeholder, out)
		case *ast.Link:
			if len(c.Title) > 0 {
				p.errorf(c.Pos(), "remove the quoted title after the address",
					"link titles are not allowed in statement text: the title would not be shown")
			}
			dest := string(c.Destination)
			if c.FirstChild() == nil {
				p.errorf(c.Pos(), "write the words to show between the brackets: [our website](https://…)",
					"a link with no text would not be seen")
				continue
			}
			if tag, ok := strings.CutPrefix(dest, "lang:"); ok {
				// [words](lang:en): a passage in another language, so
				// that readers and screen readers know it.
				if _, err := language.Parse(tag); err != nil || tag == "" {
					p.errorf(c.Pos(), "write a BCP 47 language tag after lang:, e.g. [the words](lang:en) or (lang:cy)",
						"%q is not a language tag", tag)
				}
				first := len(out)
				out = p.inlines(c, style, link, placeholder, out)
				for i := first; i < len(out); i++ {
					if out[i].Lang == "" {
						out[i].Lang = tag
					}
				}
				continue
			}
			if dest == "" || dest == "#" {
				p.warnf(c.Pos(), "replace the # with the full address, e.g. [text](https://…), or remove the brackets",
					"placeholder link %q has no address: its text is set without a link", plainText(c, p.src))
				out = p.inlines(c, style, "", true, out)
				continue
			}
			if msg, hint := checkTarget(dest); msg != "" {
				p.errorf(c.Pos(), hint, "%s", msg)
			}
			out = p.inlines(c, style, dest, false, out)
		case *ast.AutoLink:
			label := c.Label(p.src)
			off := p.find(c.Pos(), label)
			target := string(c.URL(p.src))
			switch {
			case c.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(target), "mailto:"):
				target = "mailto:" + target
			case c.Protocol != nil && string(c.Protocol) == "http" && bytes.HasPrefix(bytes.ToLower(label), []byte("www.")):
				// A bare www. address: the web today is https.
				target = "https://" + string(label)
			}
			if msg, hint := checkTarget(target); msg != "" {
				p.errorf(off, hint, "%s", msg)
			}
			out = p.text(out, off, label, style, target, false)
		case *ast.Image:
			p.errorf(c.Pos(), "remove the ![…](…); the layout places the logo",
				"images are not allowed in statement text")
		case *ast.CodeSpan:
			p.errorf(c.Pos(), "remove the backticks (`)",
				"code (text in backticks) is not allowed in statement text")
		case *ast.RawHTML:
			p.errorf(c.Pos(), "remove the tag; use *emphasis*, **strong**, or a blank line for a new paragraph",
				"raw HTML (%s) is not allowed in statement text", firstSegment(c, p.src))
		default:
			p.errorf(c.Pos(), "write plain text, *emphasis*, **strong** and links only",
				"%s is not allowed in statement text", strings.ToLower(c.Kind().String()))
		}
	}
	return out
}

// text appends raw source text as runs, resolving backslash escapes: the
// run is split at each escape so that every character's offset stays true.
func (p *parser) text(out []run, off int, raw []byte, style Style, link string, placeholder bool) []run {
	start := 0
	for i := 0; i < len(raw); i++ {
		if raw[i] == '\\' && i+1 < len(raw) && isASCIIPunct(raw[i+1]) {
			if i > start {
				out = appendRun(out, Inline{Style: style, Link: link, Placeholder: placeholder, Offset: off + start}, raw[start:i])
			}
			start = i + 1
			i++
		}
	}
	if start < len(raw) {
		out = appendRun(out, Inline{Style: style, Link: link, Placeholder: placeholder, Offset: off + start}, raw[start:])
	}
	return out
}

// run is an Inline being built: its text grows in a byte slice, so that
// joining many pieces costs no more than copying them once.
type run struct {
	Inline
	text []byte
}

// appendRun adds a run of text to out, joining it to the last run when it
// continues it in the source with the same style, so renderers see few,
// long runs.
func appendRun(out []run, r Inline, text []byte) []run {
	if n := len(out); n > 0 {
		last := &out[n-1]
		if !last.LineBreak && last.Style == r.Style && last.Link == r.Link && last.Lang == r.Lang &&
			last.Placeholder == r.Placeholder && last.Offset+len(last.text) == r.Offset {
			last.text = append(last.text, text...)
			return out
		}
	}
	return append(out, run{Inline: r, text: append([]byte(nil), text...)})
}

// finish turns built runs into Inlines.
func finish(runs []run) []Inline {
	out := make([]Inline, len(runs))
	for i, r := range runs {
		out[i] = r.Inline
		out[i].Text = string(r.text)
	}
	return out
}

// find returns the offset of label in the source at or just after pos:
// goldmark places some autolinks a character early.
func (p *parser) find(pos int, label []byte) int {
	pos = p.clamp(pos)
	if i := bytes.Index(p.src[pos:], label); i >= 0 {
		return pos + i
	}
	return pos
}

// checkTarget returns a message and hint when a link target may not be
// used: only web, e-mail and telephone links belong in a press release.
func checkTarget(dest string) (msg, hint string) {
	scheme, _, ok := strings.Cut(dest, ":")
	if !ok || !isScheme(scheme) {
		return fmt.Sprintf("link address %q is not a full address", dest),
			"start it with https:// (or mailto: for e-mail, tel: for a phone number)"
	}
	switch strings.ToLower(scheme) {
	case "http", "https", "mailto", "tel":
		return "", ""
	}
	return fmt.Sprintf("links to %s: addresses are not allowed", strings.ToLower(scheme)),
		"use an https://, mailto: or tel: address"
}

func isScheme(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case i > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.'):
		default:
			return false
		}
	}
	return true
}

func isASCIIPunct(b byte) bool {
	return b >= '!' && b <= '/' || b >= ':' && b <= '@' || b >= '[' && b <= '`' || b >= '{' && b <= '~'
}

// plainText is the text of a link as the reader sees it, for messages.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

func firstSegment(n *ast.RawHTML, src []byte) string {
	if n.Segments.Len() == 0 {
		return "a tag"
	}
	seg := n.Segments.At(0)
	s := []rune(string(seg.Value(src)))
	if len(s) > 40 {
		return string(s[:37]) + "..."
	}
	return string(s)
}
