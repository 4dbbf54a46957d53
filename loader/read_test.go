package loader

import (
	"errors"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name       string
		in         []byte
		date       string
		title      string
		textPrefix string
		warn       string
	}{
		{"seed date line runs into the first paragraph", []byte(" date 2025-12-02 President Donald Trump’s special envoy met Putin."),
			"2025-12-02", "", "President Donald Trump’s", ""},
		{"BBC headline stands alone", []byte("Straw to attend Auschwitz service\n\nForeign Secretary Jack Straw will visit."),
			"", "Straw to attend Auschwitz service", "Straw to attend", ""},
		{"no headline when the first line is a paragraph", []byte("He said so.\nAnd more."), "", "", "He said so.", ""},
		{"HTML entities decoded", []byte("He signed a communiqu&#233; today."), "", "", "He signed a communiqué", ""},
		{"CRLF line ends", []byte("Title\r\n\r\nBody text.\r\n"), "", "Title", "Title\n\nBody", ""},
		{"UTF-8 byte-order mark dropped", []byte("\xEF\xBB\xBFHello world."), "", "", "Hello world.", ""},
		{"UTF-16LE with BOM", []byte{0xFF, 0xFE, 'H', 0, 'i', 0, '.', 0}, "", "", "Hi.", "UTF-16"},
		{"UTF-16BE with BOM", []byte{0xFE, 0xFF, 0, 'H', 0, 'i', 0, '.'}, "", "", "Hi.", "UTF-16"},
		// sport/199.txt in the BBC corpus has a lone Latin-1 pound sign
		{"Latin-1 pound sign read as Windows-1252", []byte("It cost \xA35m and \xE2\x82\xAC3m."), "", "", "It cost £5m and €3m.", "Windows-1252"},
		{"Windows-1252 curly quotes", []byte("\x93Yes,\x94 he said."), "", "", "“Yes,” he said.", "Windows-1252"},
	}
	for _, tt := range tests {
		a, err := Parse(tt.in, ReadOptions{})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if a.Date != tt.date || a.Title != tt.title || !strings.HasPrefix(a.Text, tt.textPrefix) {
			t.Errorf("%s: got date %q title %q text %q", tt.name, a.Date, a.Title, a.Text)
		}
		if got := strings.Join(a.Warnings, ";"); !strings.Contains(got, tt.warn) || tt.warn == "" && got != "" {
			t.Errorf("%s: warnings %q, want %q", tt.name, got, tt.warn)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		opt  ReadOptions
		want error
		msg  string
	}{
		{"empty file", nil, ReadOptions{}, ErrEmpty, ""},
		{"only whitespace", []byte(" \n\n "), ReadOptions{}, ErrEmpty, ""},
		{"only a date line", []byte("date 2025-12-02\n"), ReadOptions{}, ErrEmpty, "only a date line"},
		{"binary", []byte("PK\x03\x04\x00\x00abc"), ReadOptions{}, ErrBinary, "at byte 4"},
		{"invalid UTF-8 under --strict", []byte("cost \xA35m"), ReadOptions{Strict: true}, ErrEncoding, "at byte 5"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in, tt.opt)
		if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: got %v, want %v containing %q", tt.name, err, tt.want, tt.msg)
		}
	}
}
