// Package loader reads news articles and extracts what a careful reader
// takes from them (../shared/eval/GUIDE.md): entities with their aliases,
// relations in the closed vocabulary, meetings and quotes, each with the
// sentence that states it. It knows nothing of Cayley: its product is a
// kg.Extraction.
package loader

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html"
	"os"
	"regexp"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Article is one news article as read from a file.
type Article struct {
	ID       string   // name in the graph and in JSON: the file's base name by default
	Path     string   // where it was read from
	Date     string   // YYYY-MM-DD from a "date" line, or ""
	Title    string   // the headline, when the first line stands alone
	Text     string   // headline and body, decoded; every offset refers to it
	Hash     string   // sha256 of the file's bytes, hex
	Warnings []string // what was repaired while reading (encoding, line ends)
}

// ErrEmpty, ErrBinary and ErrEncoding say why a file is not an article.
var (
	ErrEmpty    = errors.New("no article text")
	ErrBinary   = errors.New("binary data (NUL bytes), not text")
	ErrEncoding = errors.New("not valid UTF-8")
)

// ReadOptions change how strictly text is read.
type ReadOptions struct {
	// Strict refuses text that is not valid UTF-8 instead of reading it as
	// Windows-1252 with a warning.
	Strict bool
	// MaxBytes refuses files larger than this (0: DefaultMaxBytes). A news
	// article is tens of kilobytes; a 50 MB file is a dump, not an article.
	MaxBytes int64
}

// DefaultMaxBytes is the largest file read as one article unless told otherwise.
const DefaultMaxBytes = 8 << 20

// ErrTooLarge says a file is too large to be one article.
var ErrTooLarge = errors.New("too large for one article")

// ReadFile reads an article file; id names it (the base name when empty).
func ReadFile(path, id string, opt ReadOptions) (*Article, error) {
	max := opt.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	if st, err := os.Stat(path); err == nil && st.Size() > max {
		return nil, fmt.Errorf("%w: %d bytes, more than %d (split it into articles, or raise --max-size)", ErrTooLarge, st.Size(), max)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if id == "" {
		id = baseName(path)
	}
	a, err := Parse(b, opt)
	if err != nil {
		return nil, err
	}
	a.ID, a.Path = id, path
	return a, nil
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// dateLine matches an optional "date YYYY-MM-DD" at the very start; in the
// seed article the first paragraph runs straight on after it.
var dateLine = regexp.MustCompile(`^\s*date[:\s]\s*(\d{4}-\d{2}-\d{2})\b[ \t]*\n?`)

// Parse decodes an article's bytes: UTF-8 (with or without a byte-order
// mark), UTF-16 with a byte-order mark, or, failing UTF-8, Windows-1252.
// CRLF line ends become LF and HTML entities (&#233;) are decoded. A first
// line that stands alone (followed by a blank line) is the headline.
func Parse(b []byte, opt ReadOptions) (*Article, error) {
	sum := sha256.Sum256(b)
	a := &Article{Hash: hex.EncodeToString(sum[:])}
	text, err := decode(b, opt, &a.Warnings)
	if err != nil {
		return nil, err
	}
	if strings.Contains(text, "\r") {
		text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	}
	if strings.ContainsRune(text, '&') {
		text = html.UnescapeString(text)
	}
	if m := dateLine.FindStringSubmatchIndex(text); m != nil {
		a.Date = text[m[2]:m[3]]
		text = text[m[1]:]
	}
	text = strings.TrimSpace(text)
	if text == "" {
		if a.Date != "" {
			return nil, fmt.Errorf("%w: only a date line", ErrEmpty)
		}
		return nil, ErrEmpty
	}
	if first, rest, ok := strings.Cut(text, "\n"); ok {
		// a headline: short, alone on its line, with no full stop
		first = strings.TrimSpace(first)
		if next, _, _ := strings.Cut(rest, "\n"); strings.TrimSpace(next) == "" && len(first) <= 150 && !strings.HasSuffix(first, ".") {
			a.Title = first
		}
	}
	a.Text = text
	return a, nil
}

// decode turns bytes into text, noting any repair in warnings.
func decode(b []byte, opt ReadOptions, warnings *[]string) (string, error) {
	switch {
	case len(b) == 0:
		return "", ErrEmpty
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		*warnings = append(*warnings, "decoded from UTF-16")
		return decodeUTF16(b[2:], b[0] == 0xFE), nil
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return "", fmt.Errorf("%w at byte %d", ErrBinary, i)
	}
	if utf8.Valid(b) {
		return string(b), nil
	}
	bad := firstInvalid(b)
	if opt.Strict {
		return "", fmt.Errorf("%w at byte %d (run without --strict to read it as Windows-1252)", ErrEncoding, bad)
	}
	*warnings = append(*warnings, fmt.Sprintf("not valid UTF-8 at byte %d: read as Windows-1252", bad))
	return decodeWindows1252(b), nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, w := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && w <= 1 {
			return i
		}
		i += w
	}
	return -1
}

func decodeUTF16(b []byte, bigEndian bool) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		if bigEndian {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		} else {
			u = append(u, uint16(b[i+1])<<8|uint16(b[i]))
		}
	}
	return string(utf16.Decode(u))
}

// cp1252 maps the bytes 0x80-0x9F of Windows-1252; the rest is Latin-1.
var cp1252 = [32]rune{
	'€', '\uFFFD', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\uFFFD', 'Ž', '\uFFFD',
	'\uFFFD', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\uFFFD', 'ž', 'Ÿ',
}

// decodeWindows1252 keeps valid UTF-8 sequences and reads every other byte
// as Windows-1252, so a file that is mostly UTF-8 with one stray "£" byte
// (as in the BBC corpus) comes out right.
func decodeWindows1252(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + 16)
	for i := 0; i < len(b); {
		r, w := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || w > 1 {
			sb.WriteRune(r)
			i += w
			continue
		}
		c := b[i]
		if c >= 0x80 && c <= 0x9F {
			sb.WriteRune(cp1252[c-0x80])
		} else {
			sb.WriteRune(rune(c))
		}
		i++
	}
	return sb.String()
}
