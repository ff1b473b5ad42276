package email

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/pkg/email/emailtest"
	"github.com/pressroom/pressroom/pkg/release/releasetest"
)

// startServer runs the test SMTP server and says how to reach it.
func startServer(t *testing.T, implicit bool) (*emailtest.Server, Server) {
	t.Helper()
	box := emailtest.Start(t, implicit)
	return box, Server{Host: box.Host, Port: box.Port, ImplicitTLS: implicit, Username: emailtest.User,
		Password: emailtest.Password, TLSConfig: box.Client, Timeout: 10 * time.Second}
}

func TestSend(t *testing.T) {
	for _, implicit := range []bool{false, true} {
		name := "starttls"
		if implicit {
			name = "tls"
		}
		t.Run(name, func(t *testing.T) {
			box, server := startServer(t, implicit)
			r := releasetest.Seed()
			c := content(t, r)
			m, err := Build(r, c, Options{From: "Press Office <press@example.org>", To: []string{"desk@news.example"},
				Bcc: []string{"hidden@news.example"}, Date: time.Unix(1734427800, 0).UTC()})
			if err != nil {
				t.Fatal(err)
			}
			reply, err := m.Send(context.Background(), server)
			if err != nil {
				t.Fatalf("send: %v", err)
			}
			if !strings.Contains(reply, "OK") {
				t.Errorf("server reply %q, want the server's OK", reply)
			}
			got := box.Deliveries()
			if len(got) != 1 || !got[0].TLS || got[0].User != emailtest.User {
				t.Fatalf("server got %+v, want 1 message over TLS as %s", got, emailtest.User)
			}
			if got[0].From != "press@example.org" || strings.Join(got[0].Rcpts, " ") != "desk@news.example hidden@news.example" {
				t.Errorf("envelope from %q to %q", got[0].From, got[0].Rcpts)
			}
			msg, leaves, _ := parseMessage(t, got[0].Data)
			if msg.Header.Get("Bcc") != "" || msg.Header.Get("X-Unsent") != "" {
				t.Errorf("the sent message shows Bcc %q / X-Unsent %q", msg.Header.Get("Bcc"), msg.Header.Get("X-Unsent"))
			}
			if len(leaves) != 3 || crlf(leaves[0].body) != c.Text || crlf(leaves[1].body) != c.HTML || !bytes.Equal(leaves[2].body, c.PDF) {
				t.Errorf("what arrived differs from what was built")
			}
			// The draft and the sent message share their identity.
			var draft bytes.Buffer
			m.WriteTo(&draft)
			if !bytes.Contains(draft.Bytes(), []byte(msg.Header.Get("Message-Id"))) {
				t.Error("the sent message has another Message-ID than the draft")
			}
		})
	}
}

func TestSendFailures(t *testing.T) {
	r := releasetest.Seed()
	c := content(t, r)
	for _, tt := range []struct {
		name  string
		opts  Options
		serve func(*Server)
		want  string
	}{
		{"refused recipient", Options{From: "press@example.org", To: []string{"desk@news.example", "nobody@news.example"}},
			func(*Server) {}, "refused a recipient, nobody@news.example, so the message was sent to nobody"},
		{"wrong password", Options{From: "press@example.org", To: []string{"desk@news.example"}},
			func(s *Server) { s.Password = "guess" }, "refused the user name or password"},
		{"untrusted certificate", Options{From: "press@example.org", To: []string{"desk@news.example"}},
			func(s *Server) { s.TLSConfig = &tls.Config{ServerName: "127.0.0.1"} }, "certificate"},
		{"no sender", Options{To: []string{"desk@news.example"}}, func(*Server) {}, "give --from"},
		{"no recipient", Options{From: "press@example.org"}, func(*Server) {}, "no recipients"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			box, server := startServer(t, false)
			tt.serve(&server)
			m, err := Build(r, c, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			_, err = m.Send(context.Background(), server)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want one saying %q", err, tt.want)
			}
			if got := box.Deliveries(); len(got) != 0 {
				t.Errorf("the server received %d messages after a failure", len(got))
			}
		})
	}
	// Nobody listening.
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	m, _ := Build(r, c, Options{From: "press@example.org", To: []string{"a@example.org"}})
	if _, err := m.Send(context.Background(), Server{Host: "127.0.0.1", Port: port, Timeout: 2 * time.Second}); err == nil {
		t.Error("sending to a closed port worked")
	} else if !strings.Contains(err.Error(), "nothing was sent") {
		t.Errorf("err = %v", err)
	}
}

func TestParseServerURL(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Server
		err  string
	}{
		{"smtp://press@mail.example.org:587", Server{Host: "mail.example.org", Port: 587, Username: "press"}, ""},
		{"smtps://mail.example.org", Server{Host: "mail.example.org", ImplicitTLS: true}, ""},
		{"smtp://press%40example.org@[::1]:2525", Server{Host: "::1", Port: 2525, Username: "press@example.org"}, ""},
		{"smtp://press:pw@mail.example.org", Server{}, "holds a password"},
		{"http://mail.example.org", Server{}, "scheme must be"},
		{"smtp://:25", Server{}, "names no host"},
		{"smtp://mail.example.org:99999", Server{}, "not a port"},
	} {
		got, err := ParseServerURL(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: err = %v, want %q", tt.in, err, tt.err)
			}
			if err != nil && strings.Contains(err.Error(), "pw") {
				t.Errorf("%s: the error shows the password: %v", tt.in, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%s: got %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
}

// TestSendTrust checks what a user is told when it matters most: whether
// the release may have gone out.
func TestSendTrust(t *testing.T) {
	r := releasetest.Seed()
	c := content(t, r)
	build := func(to string) *Message {
		m, err := Build(r, c, Options{From: "press@example.org", To: []string{to}})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	serverFor := func(box *emailtest.Server) Server {
		return Server{Host: box.Host, Port: box.Port, Username: emailtest.User, Password: emailtest.Password,
			TLSConfig: box.Client, Timeout: time.Second}
	}

	t.Run("connection lost after the message", func(t *testing.T) {
		box := emailtest.Start(t, false)
		_, err := build(emailtest.Vanish+"@news.example").Send(context.Background(), serverFor(box))
		var uncertain *UncertainError
		if !errors.As(err, &uncertain) || !strings.Contains(err.Error(), "delivery is uncertain") ||
			!strings.Contains(err.Error(), "twice") || strings.Contains(err.Error(), "nothing was sent") {
			t.Errorf("err = %v, want one saying delivery is uncertain and a resend may duplicate", err)
		}
		if len(box.Deliveries()) != 1 {
			t.Errorf("the server has %d messages, want the 1 it kept", len(box.Deliveries()))
		}
	})

	t.Run("slow reply to the end of the message", func(t *testing.T) {
		// The server takes longer than Timeout to accept: RFC 5321 gives
		// it 10 minutes for that reply.
		box := emailtest.Start(t, false)
		if _, err := build(emailtest.Slow+"@news.example").Send(context.Background(), serverFor(box)); err != nil {
			t.Errorf("send: %v", err)
		}
	})

	t.Run("address that is not ASCII", func(t *testing.T) {
		box := emailtest.Start(t, false)
		_, err := build("josé@news.example").Send(context.Background(), serverFor(box))
		if err == nil || !strings.Contains(err.Error(), "SMTPUTF8") || !strings.Contains(err.Error(), "nothing was sent") {
			t.Errorf("err = %v, want a refusal naming SMTPUTF8", err)
		}
		if len(box.Deliveries()) != 0 {
			t.Error("the server received the message")
		}
		box = emailtest.Start(t, false, emailtest.WithSMTPUTF8())
		if _, err := build("josé@news.example").Send(context.Background(), serverFor(box)); err != nil {
			t.Errorf("with SMTPUTF8: %v", err)
		}
		if got := box.Deliveries(); len(got) != 1 || got[0].Rcpts[0] != "josé@news.example" {
			t.Errorf("with SMTPUTF8 the server got %+v", got)
		}
	})
}

// A failed send says what to check, in the words of the command line
// (--smtp, its port and scheme, the password, --smtp-ca), and keeps the
// server's or the network's own message.
func TestSendHints(t *testing.T) {
	r := releasetest.Seed()
	c := content(t, r)
	m, err := Build(r, c, Options{From: "press@example.org", To: []string{"desk@news.example"}})
	if err != nil {
		t.Fatal(err)
	}
	closed := func() int {
		l, _ := net.Listen("tcp", "127.0.0.1:0")
		defer l.Close()
		return l.Addr().(*net.TCPAddr).Port
	}()
	for _, tt := range []struct {
		name    string
		server  func(t *testing.T) Server
		err     string   // kept in the error: the server's or system's words
		hint    []string // in the hint
		notSent bool
	}{
		{"nobody listening", func(*testing.T) Server {
			return Server{Host: "127.0.0.1", Port: closed, Timeout: 2 * time.Second}
		}, "connection refused", []string{"--smtp", "587", "465", "smtp://", "smtps://"}, true},
		{"smtps:// to a STARTTLS port", func(t *testing.T) Server {
			_, s := startServer(t, false)
			s.ImplicitTLS = true
			return s
		}, "", []string{"port 587 goes with smtp://", "465 with smtps://"}, true},
		{"smtp:// to a TLS port", func(t *testing.T) Server {
			_, s := startServer(t, true)
			s.ImplicitTLS, s.Timeout = false, time.Second
			return s
		}, "", []string{"port 587 goes with smtp://", "465 with smtps://"}, true},
		{"wrong password", func(t *testing.T) Server {
			_, s := startServer(t, false)
			s.Password = "guess"
			return s
		}, "535", []string{"user name", "--smtp", "--password-file", "PRESSROOM_SMTP_PASSWORD"}, true},
		{"untrusted certificate", func(t *testing.T) Server {
			_, s := startServer(t, false)
			s.TLSConfig = &tls.Config{ServerName: "127.0.0.1"}
			return s
		}, "certificate", []string{"--smtp-ca"}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := m.Send(context.Background(), tt.server(t))
			if err == nil {
				t.Fatal("sent")
			}
			if !strings.Contains(err.Error(), tt.err) || tt.notSent && !strings.Contains(err.Error(), "nothing was sent") {
				t.Errorf("err = %v, want the words %q and that nothing was sent", err, tt.err)
			}
			h := Hint(err)
			for _, w := range tt.hint {
				if !strings.Contains(h, w) {
					t.Errorf("hint %q lacks %q (err: %v)", h, w, err)
				}
			}
		})
	}
}
