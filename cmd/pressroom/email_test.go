package main

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/pkg/email/emailtest"
)

// attachments returns the attached files of a message by name, read with
// net/mail and mime/multipart as a mail program would.
func attachments(t *testing.T, raw []byte) (*mail.Message, map[string][]byte) {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	found := map[string][]byte{}
	var walk func(ct string, r io.Reader)
	walk = func(ct string, r io.Reader) {
		mt, params, err := mime.ParseMediaType(ct)
		if err != nil || !strings.HasPrefix(mt, "multipart/") {
			return
		}
		mr := multipart.NewReader(r, params["boundary"])
		for {
			p, err := mr.NextRawPart()
			if err == io.EOF {
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if _, d, err := mime.ParseMediaType(p.Header.Get("Content-Disposition")); err == nil && d["filename"] != "" {
				b, err := io.ReadAll(base64.NewDecoder(base64.StdEncoding, p))
				if err != nil {
					t.Fatal(err)
				}
				found[d["filename"]] = b
				continue
			}
			walk(p.Header.Get("Content-Type"), p)
		}
	}
	walk(msg.Header.Get("Content-Type"), msg.Body)
	return msg, found
}

func runWith(env map[string]string, args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(append([]string{"pressroom"}, args...), strings.NewReader(""), &o, &e, func(k string) string {
		if v, ok := env[k]; ok {
			return v
		}
		return fixedEnv(k)
	})
	return code, o.String(), e.String()
}

// TestEmailAttachesTheRenderedPDF: the PDF in the draft is byte for byte
// the file render writes for the same input, and two runs give the same
// draft.
func TestEmailAttachesTheRenderedPDF(t *testing.T) {
	dir := t.TempDir()
	for _, file := range examples(t) {
		name := goldenName(file)
		pdf := filepath.Join(dir, name+".pdf")
		runPressroom(t, "render", file, "-o", pdf)
		want, err := os.ReadFile(pdf)
		if err != nil {
			t.Fatal(err)
		}
		var drafts [2][]byte
		for i := range drafts {
			eml := filepath.Join(dir, fmt.Sprintf("%s-%d.eml", name, i))
			runPressroom(t, "email", file, "--to", "Newsdesk <desk@news.example>", "-o", eml)
			if drafts[i], err = os.ReadFile(eml); err != nil {
				t.Fatal(err)
			}
		}
		if !bytes.Equal(drafts[0], drafts[1]) {
			t.Errorf("%s: two runs wrote different drafts", name)
		}
		msg, files := attachments(t, drafts[0])
		if len(files) != 1 {
			t.Fatalf("%s: %d attachments, want the PDF", name, len(files))
		}
		for fname, got := range files {
			if !strings.HasSuffix(fname, ".pdf") || !bytes.Equal(got, want) {
				t.Errorf("%s: attachment %q (%d bytes) is not the rendered PDF (%d bytes)", name, fname, len(got), len(want))
			}
		}
		if msg.Header.Get("X-Unsent") != "1" || msg.Header.Get("To") != `"Newsdesk" <desk@news.example>` {
			t.Errorf("%s: X-Unsent %q, To %q", name, msg.Header.Get("X-Unsent"), msg.Header.Get("To"))
		}
	}
}

func TestEmailSend(t *testing.T) {
	dir := t.TempDir()
	seed, embargoed := "../../examples/seed-statement.toml", "../../examples/embargoed-press-release.toml"
	for _, tt := range []struct {
		name      string
		file      string
		args      []string
		password  string
		wantCode  int
		wantOut   string
		delivered int
	}{
		{"sent", seed, nil, emailtest.Password, 0, "server: 2.0.0 OK", 1},
		{"embargoed refused", embargoed, nil, emailtest.Password, 1, "under embargo", 0},
		{"embargoed agreed", embargoed, []string{"--embargo-ok"}, emailtest.Password, 0, "EMBARGOED: £2.4m", 1},
		{"wrong password", seed, nil, "guess", 1, "refused the user name or password; nothing was sent (SMTP AUTH failed: 535 \"5.7.8 Authentication failed\")\n    hint: check the user name in --smtp", 0},
		{"refused recipient", seed, []string{"--cc", emailtest.Refused + "@news.example"}, emailtest.Password, 1, "sent to nobody", 0},
		{"no password", seed, nil, "", 2, "no password", 0},
		{"bad address", seed, []string{"--cc", "desk at news"}, emailtest.Password, 2, `--cc "desk at news" is not an e-mail address`, 0},
		{"header injection", seed, []string{"--subject", "Hi\r\nBcc: victim@example.org"}, emailtest.Password, 2, "line break", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			server := emailtest.Start(t, false)
			ca := filepath.Join(dir, "ca.pem")
			if err := os.WriteFile(ca, server.CAPEM, 0o644); err != nil {
				t.Fatal(err)
			}
			args := append([]string{"email", tt.file, "--to", "desk@news.example", "--from", "press@example.org", "--send",
				"--smtp", fmt.Sprintf("smtp://%s@%s:%d", emailtest.User, server.Host, server.Port), "--smtp-ca", ca}, tt.args...)
			code, stdout, stderr := runWith(map[string]string{"PRESSROOM_SMTP_PASSWORD": tt.password}, args...)
			if code != tt.wantCode || !strings.Contains(stdout+stderr, tt.wantOut) {
				t.Errorf("exit %d, want %d with %q\nstdout: %s\nstderr: %s", code, tt.wantCode, tt.wantOut, stdout, stderr)
			}
			if got := server.Deliveries(); len(got) != tt.delivered {
				t.Errorf("%d messages arrived, want %d", len(got), tt.delivered)
			}
		})
	}
}
