package email

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"io"
	"math/big"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"github.com/pressroom/pressroom/pkg/release/releasetest"
)

// selfSigned makes a certificate for 127.0.0.1 and a client configuration
// that trusts only it.
func selfSigned(t *testing.T) (server, client *tls.Config) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "pressroom test"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1)},
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}},
		&tls.Config{RootCAs: pool, ServerName: "127.0.0.1"}
}

// mailbox is what the test server received.
type mailbox struct {
	mu       sync.Mutex
	from     string
	rcpts    []string
	data     [][]byte
	authUser string
	tls      bool
}

type session struct {
	box    *mailbox
	conn   *smtp.Conn
	authed bool
	from   string
	rcpts  []string
}

func (s *session) AuthMechanisms() []string { return []string{sasl.Plain} }

func (s *session) Auth(mech string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(identity, user, pass string) error {
		if user != "press" || pass != "s3cret" {
			return smtp.ErrAuthFailed
		}
		s.authed = true
		s.box.mu.Lock()
		s.box.authUser = user
		s.box.mu.Unlock()
		return nil
	}), nil
}

func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	if !s.authed {
		return smtp.ErrAuthRequired
	}
	s.from = from
	return nil
}

func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	if strings.HasPrefix(to, "nobody@") {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such user here"}
	}
	s.rcpts = append(s.rcpts, to)
	return nil
}

func (s *session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	_, isTLS := s.conn.TLSConnectionState()
	s.box.mu.Lock()
	defer s.box.mu.Unlock()
	s.box.from, s.box.rcpts, s.box.tls = s.from, s.rcpts, isTLS
	s.box.data = append(s.box.data, b)
	return nil
}

func (s *session) Reset()        { s.from, s.rcpts = "", nil }
func (s *session) Logout() error { return nil }

// startServer runs an SMTP server on 127.0.0.1 at a free port, speaking
// STARTTLS or, with implicit, TLS from the start.
func startServer(t *testing.T, implicit bool) (*mailbox, Server) {
	t.Helper()
	serverTLS, clientTLS := selfSigned(t)
	box := &mailbox{}
	srv := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		return &session{box: box, conn: c}, nil
	}))
	srv.Domain = "localhost"
	srv.TLSConfig = serverTLS
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	var l net.Listener
	var err error
	if implicit {
		l, err = tls.Listen("tcp", "127.0.0.1:0", serverTLS)
	} else {
		l, err = net.Listen("tcp", "127.0.0.1:0")
	}
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	port := l.Addr().(*net.TCPAddr).Port
	return box, Server{Host: "127.0.0.1", Port: port, ImplicitTLS: implicit, Username: "press", Password: "s3cret",
		TLSConfig: clientTLS, Timeout: 10 * time.Second}
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
			box.mu.Lock()
			defer box.mu.Unlock()
			if len(box.data) != 1 || !box.tls || box.authUser != "press" {
				t.Fatalf("server got %d messages (tls %v, user %q), want 1 over TLS as press", len(box.data), box.tls, box.authUser)
			}
			if box.from != "press@example.org" || strings.Join(box.rcpts, " ") != "desk@news.example hidden@news.example" {
				t.Errorf("envelope from %q to %q", box.from, box.rcpts)
			}
			msg, leaves, _ := parseMessage(t, box.data[0])
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
			func(*Server) {}, "refused a recipient, so the message was sent to nobody"},
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
			box.mu.Lock()
			defer box.mu.Unlock()
			if len(box.data) != 0 {
				t.Errorf("the server received %d messages after a failure", len(box.data))
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
