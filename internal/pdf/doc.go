// Package pdf reads and writes the object syntax of PDF (ISO 32000-1,
// section 7) as far as pressroom's finishing pass needs it: the object
// model (Dict, Array, Name, String, Ref, Stream …), a lexer and parser
// for whole files with a classic cross-reference table (what fpdf
// writes, compressed or not), a scanner for the marked content of page
// content streams, and a Writer that lays out a new file.
//
// The parser is written for hostile input: it bounds nesting, stream
// lengths and decompressed sizes, and returns an error rather than
// panicking on any bytes. It keeps numbers as written and dictionary
// keys in order, so that an object read and written again comes out as
// it went in.
//
// It knows nothing of tagging, PDF/UA or PDF/A: those are pkg/pdfua's.
package pdf
