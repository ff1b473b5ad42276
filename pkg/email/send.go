package email

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
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
	Timeout   time.Duration // 0: 30 seconds
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
	client, err := gomail.NewClient(s.Host, opts...)
	if err != nil {
		return "", fmt.Errorf("smtp %s: %w", net.JoinHostPort(s.Host, strconv.Itoa(port)), err)
	}
	if err := client.DialAndSendWithContext(ctx, m.outgoing); err != nil {
		return "", fmt.Errorf("smtp %s: %w", net.JoinHostPort(s.Host, strconv.Itoa(port)), explain(err))
	}
	return m.outgoing.ServerResponse(), nil
}

// explain adds what a user can do to go-mail's error.
func explain(err error) error {
	var se *gomail.SendError
	if errors.As(err, &se) {
		switch se.Reason {
		case gomail.ErrSMTPRcptTo:
			return fmt.Errorf("the server refused a recipient, so the message was sent to nobody (%w)", err)
		}
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "535") || strings.Contains(strings.ToLower(msg), "authentication failed"):
		return fmt.Errorf("the server refused the user name or password; nothing was sent (%w)", err)
	case strings.Contains(msg, "STARTTLS"):
		return fmt.Errorf("the server does not offer STARTTLS, and pressroom will not send in clear text; try smtps://…:465 (%w)", err)
	}
	return fmt.Errorf("nothing was sent: %w", err)
}
