package main

import (
	"bytes"
	"cmp"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/diag"
	"github.com/pressroom/pressroom/pkg/email"
	"github.com/pressroom/pressroom/pkg/input"
	"github.com/pressroom/pressroom/pkg/pipeline"
	"github.com/pressroom/pressroom/pkg/plaintext"
	"github.com/pressroom/pressroom/pkg/release"
	"github.com/pressroom/pressroom/pkg/render"
	"github.com/pressroom/pressroom/pkg/webpage"
)

func emailCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "email",
		Usage:     "make an e-mail draft of a statement with the PDF attached, or send it",
		ArgsUsage: "FILE",
		Description: "Writes an e-mail (.eml) that opens as an editable draft in Outlook, Thunderbird\n" +
			"and Apple Mail: the plain text and the web page as the body, the PDF attached.\n" +
			"It goes next to the statement (seed-statement.toml → seed-statement.eml), or to\n" +
			"-o FILE, or to standard output with --stdout.\n" +
			"The subject is the headline, with \"EMBARGOED: \" in front while the embargo holds.\n" +
			"A statement with a translation gives one message with both languages (Welsh\n" +
			"first), the bilingual PDF, and the subject in both: \"Welsh / English\".\n" +
			"\n" +
			"With --send it goes through your SMTP server instead (STARTTLS or TLS, never\n" +
			"plain): give the server as --smtp smtp://user@host:587 or smtps://user@host:465,\n" +
			"or in PRESSROOM_SMTP_URL, and the password in PRESSROOM_SMTP_PASSWORD or a file\n" +
			"named by --password-file. An embargoed release is only sent with --embargo-ok.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the draft to `OUT.eml` instead of next to the statement"},
			&cli.BoolFlag{Name: "stdout", Usage: "write the draft to standard output"},
			&cli.GenericFlag{Name: "to", Value: &addressFlag{}, Usage: "a recipient `ADDR`ess; repeat the flag or separate with commas"},
			&cli.GenericFlag{Name: "cc", Value: &addressFlag{}, Usage: "a copy recipient `ADDR`ess"},
			&cli.GenericFlag{Name: "bcc", Value: &addressFlag{}, Usage: "a blind copy recipient `ADDR`ess"},
			&cli.StringFlag{Name: "from", Usage: "the sender `ADDR`ess (default: the first contact with an email)"},
			&cli.StringFlag{Name: "subject", Usage: "the subject `TEXT` (default: the headline)"},
			&cli.BoolFlag{Name: "send", Usage: "send the message through SMTP instead of only writing a draft"},
			&cli.BoolFlag{Name: "embargo-ok", Usage: "send even though the release is still under embargo"},
			&cli.StringFlag{Name: "smtp", Usage: "the mail server as `URL`: smtp://user@host:587 or smtps://user@host:465 (default: $PRESSROOM_SMTP_URL)"},
			&cli.StringFlag{Name: "password-file", Usage: "read the SMTP password from `FILE` (default: $PRESSROOM_SMTP_PASSWORD)"},
			&cli.StringFlag{Name: "smtp-ca", Usage: "trust the server certificate's issuer in `FILE` (PEM), for an organisation's own CA"},
			&cli.StringFlag{Name: "layout", Usage: "a built-in layout `NAME`, or a layout file's path, instead of the statement's own"},
			&cli.BoolFlag{Name: "separate", Usage: "for a statement with a translation, write one draft per language (beside each statement, or OUT.LANG.eml with -o), each with its own PDF"},
			trustFlag(),
		},
		Action: func(c *cli.Context) error {
			const example = "pressroom new my-statement.toml && pressroom email my-statement.toml --to desk@news.example -o release.eml"
			file, err := oneFile(c, example)
			if err != nil {
				return err
			}
			e.trustPaths = c.Bool("trust-paths")
			out, stdout := c.String("output"), c.Bool("stdout")
			if c.Bool("separate") && (stdout || c.Bool("send")) {
				return usageError{msg: "--separate writes one draft per language, as files: it cannot go with --stdout or --send",
					try: "pressroom email --separate " + file}
			}
			separateOut := out
			switch {
			case out != "" && stdout:
				return usageError{msg: "-o and --stdout both say where the draft goes: give one", try: "pressroom email " + file + " -o " + out}
			case out == "" && !stdout && !c.Bool("send"):
				if file == "-" {
					return usageError{msg: "a statement read from standard input has no file to write the draft beside: give -o FILE.eml or --stdout",
						try: "pressroom email - --to desk@news.example -o release.eml < statement.toml"}
				}
				out = strings.TrimSuffix(file, filepath.Ext(file)) + ".eml"
			}
			f := emailFlags{
				to: addresses(c, "to"), cc: addresses(c, "cc"), bcc: addresses(c, "bcc"),
				from: c.String("from"), subject: c.String("subject"), send: c.Bool("send"), file: file,
			}
			var server email.Server
			if f.send {
				// Everything about the server is checked before any work,
				// so a mistake there costs nothing and sends nothing.
				if server, err = e.smtpServer(c.String("smtp"), c.String("password-file"), c.String("smtp-ca")); err != nil {
					return err
				}
			}
			in, err := e.loadRelease(c.Command.Name, file, c.String("layout"))
			if err != nil {
				return err
			}
			if c.Bool("separate") && in.job.Translation != nil {
				return e.separateDrafts(in, file, separateOut, f)
			}
			if out != "" && out != "-" {
				// Refused before anything is sent.
				if err := e.checkOutputs(guardJob(file, in.job), out); err != nil {
					return err
				}
			}
			r := in.release
			var pdf bytes.Buffer
			if err := e.renderPDF(&pdf, in); err != nil {
				return err
			}
			m, err := buildEmail(e, in.releases, pdf.Bytes(), f)
			if err != nil {
				return err
			}
			if f.send && m.Embargoed && !c.Bool("embargo-ok") {
				fmt.Fprintf(e.stderr, "%s: error: the release is under embargo (%s); nothing was sent\n    hint: send it after the embargo ends, or add --embargo-ok if every recipient has agreed to the embargo\n", file, r.ReleaseLine)
				return exitError{code: exitProblem}
			}
			if out != "" || stdout {
				if err := e.emit(out, guardJob(file, in.job), func(w io.Writer) error { _, err := m.WriteTo(w); return err }); err != nil {
					return err
				}
				if out != "" {
					fmt.Fprintf(e.stderr, "wrote %s\n", out)
				}
			}
			if !f.send {
				return nil
			}
			ctx, cancel := context.WithTimeout(c.Context, 2*time.Minute)
			defer cancel()
			reply, err := m.Send(ctx, server)
			if err != nil {
				if hint := email.Hint(err); hint != "" {
					fmt.Fprintf(e.stderr, "pressroom: %s\n    hint: %s\n", diag.Visible(err.Error()), diag.Visible(hint))
					return exitError{code: exitProblem}
				}
				return err
			}
			fmt.Fprintf(e.stdout, "sent %q with %s attached\nserver: %s\n", m.Subject, m.Attachment, reply)
			return nil
		},
	}
}

// addressFlag collects every value of a repeated address flag as given.
// urfave/cli's string slices split at commas, which would cut
// "Smith, John" <j@example.org> in two; the addresses are split by
// net/mail instead, which knows about quotes.
type addressFlag []string

func (a *addressFlag) Set(v string) error { *a = append(*a, v); return nil }

func (a *addressFlag) String() string {
	if a == nil {
		return ""
	}
	return strings.Join(*a, ", ")
}

func addresses(c *cli.Context, name string) []string {
	if a, ok := c.Generic(name).(*addressFlag); ok && a != nil {
		return *a
	}
	return nil
}

// emailFlags are the header values the user gave.
type emailFlags struct {
	to, cc, bcc   []string
	from, subject string
	send          bool
	file          string // the statement, for try: lines
}

// buildEmail makes the message: text and HTML of rels (the halves of a
// bilingual statement, or the statement alone), pdf attached. The
// Date header is SOURCE_DATE_EPOCH, else the clock when sending, else the
// statement's date; the embargo is judged at SOURCE_DATE_EPOCH or the
// clock, in the layout's embargo zone for embargoes written without one.
func buildEmail(e *env, rels []*release.Release, pdf []byte, f emailFlags) (*email.Message, error) {
	now, err := clockToday(e.getenv)
	if err != nil {
		return nil, usageError{msg: err.Error(), try: "SOURCE_DATE_EPOCH=1734393600 pressroom email " + cmp.Or(f.file, "my-statement.toml")}
	}
	var date time.Time
	if e.getenv("SOURCE_DATE_EPOCH") != "" || f.send {
		date = now
	}
	from := cmp.Or(f.from, email.DefaultSender(rels[0]))
	var html, text bytes.Buffer
	if err := webpage.WriteAll(&html, rels); err != nil {
		return nil, err
	}
	if err := plaintext.WriteAll(&text, rels); err != nil {
		return nil, err
	}
	m, err := email.BuildAll(rels, email.Content{Text: text.String(), HTML: html.String(), PDF: pdf}, email.Options{
		From: from, To: f.to, Cc: f.cc, Bcc: f.bcc, Subject: f.subject,
		Date: date, Now: now, UserAgent: "pressroom " + pressroom.Version,
	})
	var fe *email.FieldError
	if errors.As(err, &fe) {
		flag := "--" + fe.Field
		switch {
		case fe.Field == "from" && f.from == "":
			flag = "contacts.email (the default sender)"
		case fe.Field == "subject" && f.subject == "":
			flag = "headline (the default subject)"
		}
		return nil, usageError{msg: fmt.Sprintf("%s %q %v", flag, fe.Value, fe.Err),
			try: "pressroom email " + cmp.Or(f.file, "my-statement.toml") + " --to \"Newsdesk <news@example.org>\" --subject \"One line of text\""}
	}
	return m, err
}

// separateDrafts writes one draft per language of a bilingual statement
// (email --separate): each half's text, page and PDF alone, named by
// separateName.
func (e *env) separateDrafts(in loaded, file, out string, f emailFlags) error {
	return e.emitHalves(in, file, out, ".eml", func(h *pipeline.Job, r *release.Release) (func(io.Writer) error, error) {
		half := in
		half.release, half.releases, half.layout = r, []*release.Release{r}, h.Layout
		var pdf bytes.Buffer
		if err := e.renderPDF(&pdf, half); err != nil {
			return nil, err
		}
		m, err := buildEmail(e, half.releases, pdf.Bytes(), f)
		if err != nil {
			return nil, err
		}
		return func(w io.Writer) error { _, err := m.WriteTo(w); return err }, nil
	})
}

// renderPDF typesets the statement exactly as render does for the same
// input and SOURCE_DATE_EPOCH, so the attachment is the same file.
// Warnings loadRelease has shown already are not repeated.
func (e *env) renderPDF(w io.Writer, in loaded) error {
	var created time.Time
	if e.getenv("SOURCE_DATE_EPOCH") != "" {
		t, err := clockToday(e.getenv)
		if err != nil {
			return usageError{msg: err.Error(), try: "SOURCE_DATE_EPOCH=1734393600 pressroom email FILE"}
		}
		created = t
	}
	res, err := render.RenderAll(w, in.releases, in.layout, render.Options{Created: created, Version: pressroom.Version})
	shown := map[string]bool{}
	for _, d := range in.warnings {
		shown[d.String()] = true
	}
	for _, d := range res.Warnings {
		if !shown[d.String()] {
			fmt.Fprintln(e.stderr, d.String())
		}
	}
	var le *diag.ListError
	if errors.As(err, &le) {
		le.List.Write(e.stderr)
		return exitError{code: exitProblem}
	}
	return err
}

// smtpServer reads the server's address from --smtp or
// PRESSROOM_SMTP_URL, and the password from --password-file or
// PRESSROOM_SMTP_PASSWORD: never from a flag, which other users of the
// machine could read in the process list.
func (e *env) smtpServer(flagURL, passwordFile, caFile string) (email.Server, error) {
	raw := flagURL
	if raw == "" {
		raw = e.getenv("PRESSROOM_SMTP_URL")
	}
	const try = "PRESSROOM_SMTP_URL=smtp://you@mail.example.org:587 PRESSROOM_SMTP_PASSWORD=… pressroom email FILE --to news@example.org --send"
	if raw == "" {
		return email.Server{}, usageError{msg: "--send needs a mail server: give --smtp or set PRESSROOM_SMTP_URL", try: try}
	}
	s, err := email.ParseServerURL(raw)
	if err != nil {
		return email.Server{}, usageError{msg: err.Error(), try: try}
	}
	switch {
	case passwordFile != "":
		b, err := input.ReadFile(passwordFile, 64<<10, "password files")
		if err != nil {
			return email.Server{}, fmt.Errorf("--password-file: %w", err)
		}
		s.Password = strings.TrimRight(string(b), "\r\n")
	default:
		s.Password = e.getenv("PRESSROOM_SMTP_PASSWORD")
	}
	if s.Username != "" && s.Password == "" {
		return email.Server{}, usageError{msg: "the mail server has a user name but no password: set PRESSROOM_SMTP_PASSWORD or give --password-file", try: try}
	}
	if caFile != "" {
		pem, err := input.ReadFile(caFile, 1<<20, "certificate files")
		if err != nil {
			return email.Server{}, fmt.Errorf("--smtp-ca: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return email.Server{}, fmt.Errorf("--smtp-ca %s: no PEM certificate in the file", caFile)
		}
		s.TLSConfig = &tls.Config{RootCAs: pool, ServerName: s.Host, MinVersion: tls.VersionTLS12}
	}
	return s, nil
}
