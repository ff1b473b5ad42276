// Package emailtest runs an SMTP server inside a test: on 127.0.0.1 at a
// free port, with a certificate made for the test, STARTTLS or TLS from
// the start, and AUTH PLAIN for one user. It records what arrives.
package emailtest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"math/big"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// The one account the server knows.
const (
	User     = "press"
	Password = "s3cret"
)

// Local parts of recipients the server treats specially.
const (
	// Refused recipients ("nobody@…") are refused at RCPT.
	Refused = "nobody"
	// Vanish makes the server keep the message, then drop the connection
	// without replying to the end of the data: the client cannot know
	// whether it was delivered.
	Vanish = "vanish"
	// Slow makes the server wait SlowReply before it replies to the end
	// of the data, as a server that scans messages does.
	Slow = "slow"
)

// SlowReply is how long the server waits before accepting a message to Slow.
const SlowReply = 1500 * time.Millisecond

// Option changes the server before it starts.
type Option func(*smtp.Server)

// WithSMTPUTF8 makes the server offer SMTPUTF8 (RFC 6531), so that it
// accepts addresses that are not ASCII.
func WithSMTPUTF8() Option { return func(s *smtp.Server) { s.EnableSMTPUTF8 = true } }

// Delivery is one message the server accepted.
type Delivery struct {
	From  string
	Rcpts []string
	Data  []byte
	User  string // who authenticated
	TLS   bool   // whether it came over TLS
}

// Server is a running test server.
type Server struct {
	Host   string // "127.0.0.1"
	Port   int
	CAPEM  []byte      // the certificate, PEM, for a client to trust
	Client *tls.Config // a client configuration trusting only it

	mu         sync.Mutex
	deliveries []Delivery
}

// Deliveries returns what has arrived so far.
func (s *Server) Deliveries() []Delivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Delivery(nil), s.deliveries...)
}

// Start runs a server until the test ends. With implicit it speaks TLS
// from the first byte (smtps), else it offers STARTTLS.
func Start(t testing.TB, implicit bool, opts ...Option) *Server {
	t.Helper()
	serverTLS, caPEM, clientTLS := selfSigned(t)
	s := &Server{Host: "127.0.0.1", CAPEM: caPEM, Client: clientTLS}
	srv := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		return &session{server: s, conn: c}, nil
	}))
	srv.Domain = "localhost"
	srv.TLSConfig = serverTLS
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	for _, o := range opts {
		o(srv)
	}
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
	s.Port = l.Addr().(*net.TCPAddr).Port
	return s
}

func selfSigned(t testing.TB) (server *tls.Config, caPEM []byte, client *tls.Config) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "pressroom test"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
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
		pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		&tls.Config{RootCAs: pool, ServerName: "127.0.0.1"}
}

type session struct {
	server *Server
	conn   *smtp.Conn
	user   string
	from   string
	rcpts  []string
}

func (s *session) AuthMechanisms() []string { return []string{sasl.Plain} }

func (s *session) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, pass string) error {
		if user != User || pass != Password {
			return smtp.ErrAuthFailed
		}
		s.user = user
		return nil
	}), nil
}

func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	if s.user == "" {
		return smtp.ErrAuthRequired
	}
	s.from = from
	return nil
}

func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	if strings.HasPrefix(to, Refused+"@") {
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
	s.server.mu.Lock()
	defer s.server.mu.Unlock()
	s.server.deliveries = append(s.server.deliveries, Delivery{From: s.from, Rcpts: s.rcpts, Data: b, User: s.user, TLS: isTLS})
	for _, r := range s.rcpts {
		switch {
		case strings.HasPrefix(r, Vanish+"@"):
			s.conn.Close()
		case strings.HasPrefix(r, Slow+"@"):
			time.Sleep(SlowReply)
		}
	}
	return nil
}

func (s *session) Reset()        { s.from, s.rcpts = "", nil }
func (s *session) Logout() error { return nil }
