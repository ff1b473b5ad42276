// Package archive reads releases kept in the forms press offices archive
// them in — plain text, Markdown, web pages, Word documents and e-mails —
// and turns each into a statement file, reporting every decision it made
// so that a person can check it in a minute.
//
// The work is a pipeline: Sniff tells the format; a reader (this package's
// text reader, or htmldoc, docx and eml) turns the file into a source.Doc
// of blocks; the recogniser decides which block is the headline, the
// date, the summary, a contact; the writer writes the statement's TOML
// with the same decisions as short comments.
package archive
