package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// The limits on what a .docx may unpack to. A real press release is a few
// hundred kilobytes at most; the limits are far above that, and far below
// what a zip bomb would unpack to.
const (
	maxEntries     = 2000     // files in the zip
	maxDocument    = 20 << 20 // word/document.xml, uncompressed
	maxPart        = 4 << 20  // styles, numbering, relationships, properties
	maxTotal       = 40 << 20 // everything read, together
	maxXMLDepth    = 256      // element nesting in any part
	maxStyleChain  = 32       // basedOn links followed
	maxBlockLength = 1 << 20  // characters of text in one paragraph
)

// errNotWord is the start of every "not a Word document" message.
const errNotWord = "this is not a Word document"

// pkg is an opened .docx: its zip and how much has been read from it.
type pkg struct {
	files map[string]*zip.File
	read  int64
}

func openPackage(src []byte) (*pkg, error) {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		if errors.Is(err, zip.ErrFormat) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, fmt.Errorf("%s: it is not a zip file, or the zip is damaged or cut short", errNotWord)
		}
		return nil, fmt.Errorf("%s: %s", errNotWord, lower(err.Error()))
	}
	if len(zr.File) > maxEntries {
		return nil, fmt.Errorf("%s: its zip holds %d files (more than %d); refused as a possible zip bomb", errNotWord, len(zr.File), maxEntries)
	}
	p := &pkg{files: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		// Part names are case-insensitive in Office Open XML.
		name := strings.ToLower(strings.TrimPrefix(f.Name, "/"))
		if _, dup := p.files[name]; !dup {
			p.files[name] = f
		}
	}
	if p.files["word/document.xml"] == nil {
		return nil, fmt.Errorf("%s: the zip has no word/document.xml", errNotWord)
	}
	return p, nil
}

// part reads one part of the package, or returns nil, nil when it is not
// there. It refuses a part that unpacks to more than limit bytes, or that
// takes the whole read past maxTotal.
func (p *pkg) part(name string, limit int64) ([]byte, error) {
	f := p.files[strings.ToLower(name)]
	if f == nil {
		return nil, nil
	}
	tooBig := func() error {
		return fmt.Errorf("%s unpacks to more than %d MB; refused as a possible zip bomb", name, limit>>20)
	}
	if f.UncompressedSize64 > uint64(limit) {
		return nil, tooBig()
	}
	if p.read+int64(f.UncompressedSize64) > maxTotal {
		return nil, fmt.Errorf("the document unpacks to more than %d MB; refused as a possible zip bomb", maxTotal>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: cannot open %s: %s", errNotWord, name, lower(err.Error()))
	}
	defer rc.Close()
	// The size in the zip's directory may lie: read through a limit too.
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: cannot unpack %s (the zip is damaged or cut short): %s", errNotWord, name, lower(err.Error()))
	}
	if int64(len(data)) > limit {
		return nil, tooBig()
	}
	p.read += int64(len(data))
	if p.read > maxTotal {
		return nil, fmt.Errorf("the document unpacks to more than %d MB; refused as a possible zip bomb", maxTotal>>20)
	}
	return data, nil
}

// lower starts a message from a library in lower case, as ours do, unless
// its first word is an acronym ("XML syntax error").
func lower(s string) string {
	if len(s) < 2 || s[1] >= 'A' && s[1] <= 'Z' {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
