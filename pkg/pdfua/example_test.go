package pdfua_test

import (
	"fmt"

	"github.com/pressroom/pressroom/pkg/pdfua"
)

// A renderer adds elements in reading order and writes the operators the
// tagger returns into the page content around what it draws; each link
// annotation gets its target from LinkURI. After the PDF library has
// written the file, pdfua.Finish(fpdfBytes, tg, meta) returns the tagged
// PDF/UA-1 and PDF/A-2b file.
func ExampleTagger() {
	tg := pdfua.NewTagger()
	tg.StartPage(1) // first thing on each new page

	fmt.Println(tg.BeginArtifact(pdfua.Header)) // the header band
	fmt.Println(tg.End())

	fmt.Println(tg.Begin(tg.Add(pdfua.Root, pdfua.H1))) // the headline
	fmt.Println(tg.End())

	p := tg.Add(pdfua.Root, pdfua.P)
	fmt.Println(tg.Begin(p)) // "Read "
	fmt.Println(tg.End())
	link := tg.AddLink(p, "the review (https://example.org/review)")
	fmt.Println(tg.Begin(link)) // "the review"
	fmt.Println(tg.End())
	_ = tg.LinkURI(link, "https://example.org/review") // the target to give fpdf's LinkString

	list := tg.Add(pdfua.Root, pdfua.L)
	tg.SetListNumbering(list, "Disc")
	item := tg.Add(list, pdfua.LI)
	fmt.Println(tg.Begin(tg.Add(item, pdfua.Lbl))) // "•"
	fmt.Println(tg.End())
	fmt.Println(tg.Begin(tg.Add(item, pdfua.LBody))) // the item's text
	fmt.Println(tg.End())
	fmt.Println(tg.Err())
	// Output:
	// /Artifact <</Type /Pagination /Subtype /Header>> BDC
	// EMC
	// /H1 <</MCID 0>> BDC
	// EMC
	// /P <</MCID 1>> BDC
	// EMC
	// /Link <</MCID 2>> BDC
	// EMC
	// /Lbl <</MCID 3>> BDC
	// EMC
	// /LBody <</MCID 4>> BDC
	// EMC
	// <nil>
}
