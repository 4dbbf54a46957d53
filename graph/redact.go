package graph

import (
	"fmt"
	"io"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"

	"github.com/cayleygraph/cayley/clog"
)

// Cayley logs through clog, and its SQL store logs the whole connection
// string, password included, when a login fails. kg routes clog through a
// logger that drops informational lines and writes warnings and errors to
// stderr with every password it has seen, and anything shaped like one,
// blotted out.

const redacted = "xxxxx"

var (
	secretsMu sync.RWMutex
	secrets   []string // passwords of the DSNs opened so far

	// user:password@ in URLs, password=... in key/value DSNs
	urlPassword = regexp.MustCompile(`(://[^:/@\s"']*:)([^@\s"']*)(@)`)
	kvPassword  = regexp.MustCompile(`(?i)(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s"']+)`)
)

// addSecret remembers a password so that Redact removes it wherever it
// shows up (in a %#v of a DSN, in a driver's error).
func addSecret(s string) {
	if len(s) < 3 { // a one- or two-letter "password" would blot out half of every line
		return
	}
	secretsMu.Lock()
	defer secretsMu.Unlock()
	for _, x := range secrets {
		if x == s {
			return
		}
	}
	secrets = append(secrets, s)
}

// Redact removes passwords from a line or an error message: those of DSNs
// kg has opened, and any user:password@ or password=... it finds.
func Redact(s string) string {
	s = urlPassword.ReplaceAllString(s, "${1}"+redacted+"${3}")
	s = kvPassword.ReplaceAllString(s, "${1}"+redacted)
	secretsMu.RLock()
	defer secretsMu.RUnlock()
	for _, x := range secrets {
		s = strings.ReplaceAll(s, x, redacted)
		// the same password as it appears percent-encoded in a URL
		if e := url.QueryEscape(x); e != x {
			s = strings.ReplaceAll(s, e, redacted)
		}
	}
	return s
}

// dsnPassword returns the password a DSN carries ("" when none): URL form
// (postgres://user:pass@host/db) or key/value form (password=pass).
func dsnPassword(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		if p, ok := u.User.Password(); ok {
			return p
		}
		return ""
	}
	// an unparsable URL: take what sits between the user's colon and the @
	if m := urlPassword.FindStringSubmatch(dsn); m != nil {
		if p, err := url.QueryUnescape(m[2]); err == nil {
			return p
		}
		return m[2]
	}
	if m := kvPassword.FindStringSubmatch(dsn); m != nil {
		return strings.Trim(m[2], "'")
	}
	return ""
}

// redactErr wraps err so that its message carries no password.
type redactErr struct{ err error }

func (e redactErr) Error() string { return Redact(e.err.Error()) }
func (e redactErr) Unwrap() error { return e.err }

func redactError(err error) error {
	if err == nil {
		return nil
	}
	return redactErr{err}
}

// LogOutput is where Cayley's warnings and errors go (redacted); nil drops
// them. It is os.Stderr unless a program says otherwise.
var (
	logMu     sync.Mutex
	logOutput io.Writer = os.Stderr
)

// SetLogOutput sets where Cayley's warnings and errors go (nil: nowhere).
func SetLogOutput(w io.Writer) {
	logMu.Lock()
	logOutput = w
	logMu.Unlock()
}

type redactingLogger struct{}

func (redactingLogger) write(level, format string, args ...any) {
	logMu.Lock()
	defer logMu.Unlock()
	if logOutput == nil {
		return
	}
	fmt.Fprintf(logOutput, "kg: cayley %s: %s\n", level, Redact(fmt.Sprintf(format, args...)))
}

func (redactingLogger) Infof(string, ...any) {}
func (l redactingLogger) Warningf(format string, args ...any) {
	l.write("warning", format, args...)
}
func (l redactingLogger) Errorf(format string, args ...any) { l.write("error", format, args...) }
func (l redactingLogger) Fatalf(format string, args ...any) {
	l.write("fatal", format, args...)
	os.Exit(1)
}
func (redactingLogger) V(int) bool { return false }
func (redactingLogger) SetV(int)   {}

func init() {
	// Cayley logs through the standard logger by default ("Running in
	// nosync mode", SQL connection strings with their passwords).
	clog.SetLogger(redactingLogger{})
}
