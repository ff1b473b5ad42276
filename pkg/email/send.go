package email

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/textproto"
	"net/url"
	"strconv"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
	"github.com/wneessen/go-mail/smtp"
)

// Server says how to reach an SMTP server. This is the one place in
// pressroom's packages that touches the network, and only when the user
// asks to send.
type Server struct {
	Host string
	Port int // 0: 465 with ImplicitTLS, else 587
	// ImplicitTLS speaks TLS from the first byte (smtps, port 465);
	// otherwise the connection must be upgraded with STARTTLS. Plain
	// text is never used: the password and the embargoed release would
	// cross the network readable.
	ImplicitTLS bool
	Username    string
	Password    string
	// TLSConfig checks the server's certificate; nil means the system's
	// roots for Host.
	TLSConfig *tls.Config
	// Timeout bounds connecting and each step before the end of the
	// message; 0 means 30 seconds.
	Timeout time.Duration
	// FinalReplyTimeout is how long to wait for the server's reply to
	// the end of the message; 0 means the 10 minutes of RFC 5321.
	FinalReplyTimeout time.Duration
}

// ParseServerURL reads smtp://user@host:587 (STARTTLS) or
// smtps://user@host:465 (TLS). A password in the URL is refused: it would
// sit in shell history and process lists.
func ParseServerURL(raw string) (Server, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return Server{}, fmt.Errorf("smtp url %q: %w", raw, err)
	}
	var s Server
	switch strings.ToLower(u.Scheme) {
	case "smtp":
	case "smtps":
		s.ImplicitTLS = true
	default:
		return Server{}, fmt.Errorf("smtp url %q: the scheme must be smtp:// (STARTTLS) or smtps:// (TLS)", raw)
	}
	if u.User != nil {
		if _, has := u.User.Password(); has {
			return Server{}, fmt.Errorf("smtp url %q holds a password; give it in PRESSROOM_SMTP_PASSWORD or --password-file instead", u.Redacted())
		}
		s.Username = u.User.Username()
	}
	s.Host = u.Hostname()
	if s.Host == "" {
		return Server{}, fmt.Errorf("smtp url %q names no host", raw)
	}
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 {
			return Server{}, fmt.Errorf("smtp url %q: port %q is not a port number", raw, p)
		}
		s.Port = n
	}
	if u.Path != "" && u.Path != "/" || u.RawQuery != "" {
		return Server{}, fmt.Errorf("smtp url %q: only smtp://user@host:port is understood", raw)
	}
	return s, nil
}

// Send sends the message (without X-Unsent and without a Bcc header;
// Bcc recipients get it through the envelope only) and returns the
// server's reply to the message. Every recipient must be accepted before
// the message is transmitted: when the server refuses any of them, the
// transaction is reset and nobody receives it.
//
// An error says whether anything may have been delivered: before the end
// of the message was sent, nothing was; after it, when the connection
// breaks or the reply does not come, the server may have the message, and
// the error is an *UncertainError.
func (m *Message) Send(ctx context.Context, s Server) (string, error) {
	if m.from == "" {
		return "", errors.New("a sender is needed to send: give --from")
	}
	if m.rcpts == 0 {
		return "", errors.New("no recipients: give --to, --cc or --bcc")
	}
	port := s.Port
	if port == 0 {
		port = 587
		if s.ImplicitTLS {
			port = 465
		}
	}
	timeout := s.Timeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	final := s.FinalReplyTimeout
	if final == 0 {
		final = finalReplyTimeout
	}
	tlsConfig := s.TLSConfig
	if tlsConfig == nil {
		tlsConfig = &tls.Config{ServerName: s.Host, MinVersion: tls.VersionTLS12}
	}
	opts := []gomail.Option{
		gomail.WithPort(port),
		gomail.WithTimeout(timeout),
		gomail.WithTLSConfig(tlsConfig),
		gomail.WithHELO("localhost"),
	}
	if s.ImplicitTLS {
		opts = append(opts, gomail.WithSSL())
	} else {
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if s.Username != "" {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(s.Username), gomail.WithPassword(s.Password))
	}
	where := "smtp " + net.JoinHostPort(s.Host, strconv.Itoa(port))
	client, err := gomail.NewClient(s.Host, opts...)
	if err != nil {
		return "", fmt.Errorf("%s: %w", where, err)
	}
	conn, err := client.DialToSMTPClientWithContext(ctx)
	if err != nil {
		return "", &SendError{Err: fmt.Errorf("%s: %w", where, explain(err)), Hint: connectHint(err, s.ImplicitTLS, port)}
	}
	defer conn.Close()
	reply, err := m.transact(conn, timeout, final)
	if err != nil {
		return "", fmt.Errorf("%s: %w", where, err)
	}
	// The server has the message: a failed QUIT changes nothing.
	_ = conn.Quit()
	return reply, nil
}

// finalReplyTimeout is how long a server may take to answer the end of a
// message: RFC 5321 §4.5.3.2.6 asks clients to wait at least 10 minutes,
// because the server may be checking or delivering it meanwhile. Giving up
// sooner leaves the user not knowing whether the release went out.
const finalReplyTimeout = 10 * time.Minute

// transact runs one mail transaction on a connected, authenticated client.
// go-mail's own Send gives the whole transaction one deadline and does not
// say whether the message was complete when it failed; this does both.
func (m *Message) transact(c *smtp.Client, timeout, final time.Duration) (string, error) {
	from, err := m.outgoing.GetSender(false)
	if err != nil {
		return "", fmt.Errorf("nothing was sent: %w", err)
	}
	rcpts, err := m.outgoing.GetRecipients()
	if err != nil {
		return "", fmt.Errorf("nothing was sent: %w", err)
	}
	// An address that is not ASCII can only travel where the server
	// says it understands it (RFC 6531); elsewhere it would be mangled
	// or bounced after the user was told it was sent.
	if utf8, _ := c.Extension("SMTPUTF8"); !utf8 {
		for _, a := range append([]string{from}, rcpts...) {
			if a = strings.Trim(a, "<>"); !isASCII(a) {
				return "", &FieldError{Field: "address", Value: a, Err: ErrNotASCII}
			}
		}
	}
	if err := c.UpdateDeadline(timeout); err != nil {
		return "", fmt.Errorf("nothing was sent: %w", err)
	}
	if err := c.Mail(from); err != nil {
		return "", &SendError{Err: explain(err), Hint: "the server refused the sender: --from must usually be the address you log in with (the user name in --smtp) or one your account may send as"}
	}
	for _, r := range rcpts {
		if err := c.Rcpt(r); err != nil {
			_ = c.Reset()
			return "", &SendError{Err: fmt.Errorf("the server refused a recipient, %s, so the message was sent to nobody (%w)", strings.Trim(r, "<>"), err),
				Hint: "check that address (the server's reason is in brackets), correct it or leave it out, and send again"}
		}
	}
	w, err := c.Data()
	if err != nil {
		return "", explain(err)
	}
	if _, err := m.outgoing.WriteTo(w); err != nil {
		return "", fmt.Errorf("nothing was sent: the connection broke while the message was being sent (%w)", err)
	}
	if err := c.UpdateDeadline(final); err != nil {
		return "", &UncertainError{Err: err}
	}
	if err := w.Close(); err != nil {
		var reply *textproto.Error
		if errors.As(err, &reply) {
			return "", fmt.Errorf("the server refused the message; nothing was delivered (%w)", err)
		}
		return "", &UncertainError{Err: err}
	}
	if dc, ok := w.(*smtp.DataCloser); ok {
		return dc.ServerResponse(), nil
	}
	return "", nil
}

// ErrNotASCII is the error of an address that is not ASCII when the server
// does not offer SMTPUTF8.
var ErrNotASCII = errors.New("is not plain ASCII, and this mail server does not accept such addresses (it does not offer SMTPUTF8); nothing was sent: use the address's ASCII form (ask the recipient) or another server")

// UncertainError is a failure after the whole message was sent, while
// waiting for the server's reply: the server may have delivered it.
type UncertainError struct{ Err error }

func (e *UncertainError) Error() string {
	return fmt.Sprintf("delivery is uncertain: the whole message was sent, but the server did not confirm it (%v); "+
		"it may have been delivered, so ask a recipient or the mail server's administrator before sending again, which may deliver it twice", e.Err)
}

func (e *UncertainError) Unwrap() error { return e.Err }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// SendError is a failed send with what to check: the server's or the
// system's own words stay in Err.
type SendError struct {
	Err  error
	Hint string
}

func (e *SendError) Error() string { return e.Err.Error() }

func (e *SendError) Unwrap() error { return e.Err }

// Hint returns what to check after a failed Send, in the command line's
// words (--smtp, --password-file, --smtp-ca); empty when there is nothing
// to add.
func Hint(err error) string {
	var se *SendError
	if errors.As(err, &se) {
		return se.Hint
	}
	return ""
}

// connectHint says what to check when connecting, the TLS handshake or
// logging in failed.
func connectHint(err error, implicit bool, port int) string {
	var cert *tls.CertificateVerificationError
	var unknown x509.UnknownAuthorityError
	var host x509.HostnameError
	msg := err.Error()
	switch {
	case isAuthFailure(msg):
		return "check the user name in --smtp (smtp://USER@host:587) and the password, in the file --password-file names or in PRESSROOM_SMTP_PASSWORD; " +
			"many providers (Microsoft 365, Gmail) want an app password made for this, not the usual one"
	case errors.As(err, &cert), errors.As(err, &unknown), errors.As(err, &host):
		return "this computer does not trust the server's certificate: check the server's name in --smtp; " +
			"if your organisation has its own certificate authority, give its certificate (a PEM file from your IT team) with --smtp-ca FILE"
	case strings.Contains(msg, "STARTTLS"):
		return "the server offers no encryption on this port: give smtps://host:465 in --smtp if it has it, or ask your mail provider"
	}
	scheme := "smtp://"
	if implicit {
		scheme = "smtps://"
	}
	return fmt.Sprintf("check the server's name and port in --smtp (or PRESSROOM_SMTP_URL) against your mail provider's settings: "+
		"port 587 goes with smtp:// (STARTTLS), port 465 with smtps:// (TLS); this try was %s on port %d", scheme, port)
}

func isAuthFailure(msg string) bool {
	return strings.Contains(msg, "535") || strings.Contains(strings.ToLower(msg), "authentication failed")
}

// explain adds what a user can do to an error met before the message was
// sent.
func explain(err error) error {
	msg := err.Error()
	switch {
	case isAuthFailure(msg):
		return fmt.Errorf("the server refused the user name or password; nothing was sent (%w)", err)
	case strings.Contains(msg, "STARTTLS"):
		return fmt.Errorf("the server does not offer STARTTLS, and pressroom will not send in clear text; try smtps://…:465 (%w)", err)
	}
	return fmt.Errorf("nothing was sent: %w", err)
}
