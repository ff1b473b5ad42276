// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
)

// UTF8Font is a TrueType font parsed once for use in any number of
// documents, also concurrently: parsing a font costs more than laying out
// a short document, so a program that writes many documents parses each
// font once and adds the parsed font to every document with
// AddUTF8FontParsed. Each document still embeds only the glyphs it uses.
//
// A UTF8Font is never modified after ParseUTF8Font returns it, except for
// a cache of the font IDs it has been given, which is safe for concurrent
// use. It keeps the font bytes it was given, so they must not be changed
// afterwards.
type UTF8Font struct {
	file *utf8FontFile
	desc FontDescType
	up   int
	ut   int
	// ids caches the font ID (a SHA-1 over the JSON of the definition,
	// with its 65,536 widths) by font key: it depends only on the parsed
	// font and the family and style it is added under, and hashing the
	// widths for every document cost about 6 % of a short render. It is
	// computed when the font is first added, so a font parsed but never
	// used costs nothing.
	ids sync.Map // font key → string
}

// ParseUTF8Font parses a TrueType font (as AddUTF8FontFromBytes accepts)
// for use with AddUTF8FontParsed. A font that is not TrueType, is
// truncated or malformed, has no Unicode cmap, or forbids embedding is an
// error; nothing is printed.
func ParseUTF8Font(data []byte) (font *UTF8Font, err error) {
	defer func() {
		// The parser indexes the font without bounds checks of its own.
		if r := recover(); r != nil {
			font, err = nil, fmt.Errorf("fpdf: malformed TrueType font: %v", r)
		}
	}()
	// Cap the slice at its length: the parser slices without checking
	// the length, and must fail rather than read beyond it.
	utf := newUTF8Font(&fileReader{array: data[:len(data):len(data)]})
	if err := utf.parseFile(); err != nil {
		return nil, fmt.Errorf("fpdf: %s", strings.TrimSpace(err.Error()))
	}
	font = &UTF8Font{
		file: utf,
		desc: FontDescType{
			Ascent:       int(utf.Ascent),
			Descent:      int(utf.Descent),
			CapHeight:    utf.CapHeight,
			Flags:        utf.Flags,
			FontBBox:     utf.Bbox,
			ItalicAngle:  utf.ItalicAngle,
			StemV:        utf.StemV,
			MissingWidth: round(utf.DefaultWidth),
		},
		up: int(round(utf.UnderlinePosition)),
		ut: round(utf.UnderlineThickness),
	}
	return font, nil
}

// AddUTF8FontParsed makes a font parsed by ParseUTF8Font available in the
// document under a family and style, as AddUTF8FontFromBytes does with
// the same bytes, and with the same output. The document only reads the
// parsed font, so other documents may use it at the same time.
func (f *Fpdf) AddUTF8FontParsed(familyStr, styleStr string, font *UTF8Font) {
	if f.err != nil {
		return
	}
	if font == nil {
		f.err = errors.New("fpdf: AddUTF8FontParsed: nil font")
		return
	}
	fontkey := getFontKey(fontFamilyEscape(familyStr), styleStr)
	if _, ok := f.fonts[fontkey]; ok {
		return
	}
	var sbarr map[int]int
	if f.aliasNbPagesStr == "" {
		sbarr = makeSubsetRange(57)
	} else {
		sbarr = makeSubsetRange(32)
	}
	def := fontDefType{
		Tp:        "UTF8",
		Name:      fontkey,
		Desc:      font.desc,
		Up:        font.up,
		Ut:        font.ut,
		utf8Cw:    font.file.CharWidths,
		utf8File:  font.file,
		usedRunes: sbarr,
	}
	if id, ok := font.ids.Load(fontkey); ok {
		def.i = id.(string)
	} else {
		var err error
		if def.i, err = generateFontID(def); err != nil {
			f.err = err
			return
		}
		font.ids.Store(fontkey, def.i)
	}
	f.fonts[fontkey] = def
}

// ParsedImage is an image decoded once for use in any number of
// documents, also concurrently: decoding and compressing a PNG logo again
// for every document costs more than the rest of a short document's
// images. Register it in each document with RegisterParsedImage.
//
// A ParsedImage is never modified after ParseImage returns it.
type ParsedImage struct {
	info ImageInfoType
	// version is the PDF version the image needs (1.4 for a PNG alpha
	// channel, 1.5 for 16 bits per channel).
	version pdfVersion
}

// ParseImage decodes an image as RegisterImageOptionsReader does;
// options.ImageType is required ("JPG", "JPEG", "PNG" or "GIF").
func ParseImage(r io.Reader, options ImageOptions) (img *ParsedImage, err error) {
	defer func() {
		if p := recover(); p != nil {
			img, err = nil, fmt.Errorf("fpdf: malformed image: %v", p)
		}
	}()
	// The parsers report through an Fpdf: give them a scratch one.
	scratch := &Fpdf{k: 1, pdfVersion: pdfVers1_3}
	var info *ImageInfoType
	switch strings.ToLower(options.ImageType) {
	case "jpg", "jpeg":
		info = scratch.parsejpg(r)
	case "png":
		info = scratch.parsepng(r, options.ReadDpi)
	case "gif":
		info = scratch.parsegif(r)
	case "":
		return nil, errors.New("fpdf: ParseImage: the image type must be given")
	default:
		return nil, fmt.Errorf("fpdf: unsupported image type: %s", options.ImageType)
	}
	if scratch.err != nil {
		return nil, scratch.err
	}
	return &ParsedImage{info: *info, version: scratch.pdfVersion}, nil
}

// Width returns the width of the image in pixels.
func (img *ParsedImage) Width() float64 { return img.info.w }

// Height returns the height of the image in pixels.
func (img *ParsedImage) Height() float64 { return img.info.h }

// RegisterParsedImage registers an image decoded by ParseImage under a
// name, as RegisterImageOptionsReader does with the same image, and with
// the same output. The returned ImageInfoType belongs to this document
// (SetDpi on it affects only this document); the decoded data is shared
// and only read.
func (f *Fpdf) RegisterParsedImage(imgName string, img *ParsedImage) (info *ImageInfoType) {
	if f.err != nil {
		return nil
	}
	if img == nil {
		f.err = errors.New("fpdf: RegisterParsedImage: nil image")
		return nil
	}
	if info, ok := f.images[imgName]; ok {
		return info
	}
	info = new(ImageInfoType)
	*info = img.info
	info.scale = f.k
	if f.pdfVersion < img.version {
		f.pdfVersion = img.version
	}
	if info.i, f.err = generateImageID(info); f.err != nil {
		return nil
	}
	f.images[imgName] = info
	return info
}
