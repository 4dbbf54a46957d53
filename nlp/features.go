package nlp

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// Feature keys are 64-bit hashes: a template id mixed with hashes of the
// values it conjoins. Word forms are hashed once per token (FNV-1a over the
// normalised bytes), so building a feature costs a multiply-xor mix and no
// allocation.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func fnvString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// mix combines a hash with a value (a strong 64-bit finaliser).
func mix(a, b uint64) uint64 {
	h := a*0x9E3779B97F4A7C15 ^ b
	h ^= h >> 32
	h *= 0xd6e8feb86659fd93
	h ^= h >> 32
	h *= 0xd6e8feb86659fd93
	h ^= h >> 32
	return h
}

func feat1(t uint64, a uint64) uint64    { return mix(t, a) }
func feat2(t uint64, a, b uint64) uint64 { return mix(mix(t, a), b) }

// token flags
const (
	fCapInit  = 1 << iota // first letter upper case
	fAllCaps              // all letters upper case, at least one letter
	fHasDigit             // contains a digit
	fAllDigit             // only digits (after normalisation of , .)
	fHasHyph              // contains a hyphen
	fPunct                // no letter or digit
	fMixed                // upper case after the first letter in a non-all-caps word
	fHasPeriod
	fHasLower
)

// lex holds the per-token values that features are built from.
type lex struct {
	word, lower, shape uint64 // normalised exact form, lower case, collapsed shape
	raw                uint64 // the token as written
	pre, suf           [4]uint64
	flags              uint16
	nletters           uint16
	cluster            uint32 // word-cluster path bits (0 = unknown)
	clen               uint8  // length of the cluster path
	capsBucket         uint8  // how often the word is capitalised in unlabelled text (0 = unknown)
	amb                uint64 // ambiguity class: the POS tags the word has in train (0 = seen fewer than ambMinCount times)
	hyLast             uint64 // lower case of the part after the last hyphen (0 = no hyphen)
	hySuf              uint64 // its last three letters
}

// lexer computes lex values with reusable buffers (no allocation).
type lexer struct {
	norm, low, shape []byte
	res              *resources
	noAffix          bool // leave pre/suf, hyphen parts and the lexicon's values unset (the pipeline's word cache has them)
}

// normRune maps typographic variants to their CoNLL/Penn spellings.
func normRune(r rune) string {
	switch r {
	case '’', '‘', '‛', '′':
		return "'"
	case '“', '”', '„', '″', '«', '»':
		return "\""
	case '–', '—', '―':
		return "--"
	case '…':
		return "..."
	}
	return ""
}

func (lx *lexer) compute(s string, out *lex) {
	norm, low, shape := lx.norm[:0], lx.low[:0], lx.shape[:0]
	var flags uint16
	letters, uppers, digits := 0, 0, 0
	var last byte
	addShape := func(c byte) {
		if c != last || len(shape) == 0 {
			shape = append(shape, c)
			last = c
		}
	}
	first := true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z':
				letters++
				flags |= fHasLower
				norm = append(norm, c)
				low = append(low, c)
				addShape('x')
			case c >= 'A' && c <= 'Z':
				letters++
				uppers++
				if first {
					flags |= fCapInit
				} else if flags&fHasLower != 0 {
					flags |= fMixed
				}
				norm = append(norm, c)
				low = append(low, c+32)
				addShape('X')
			case c >= '0' && c <= '9':
				digits++
				norm = append(norm, '0')
				low = append(low, '0')
				addShape('d')
			default:
				if c == '-' {
					flags |= fHasHyph
				} else if c == '.' {
					flags |= fHasPeriod
				}
				norm = append(norm, c)
				low = append(low, c)
				addShape(c)
			}
			first = false
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if m := normRune(r); m != "" {
			norm = append(norm, m...)
			low = append(low, m...)
			for j := 0; j < len(m); j++ {
				addShape(m[j])
			}
			first = false
			continue
		}
		switch {
		case unicode.IsUpper(r):
			letters++
			uppers++
			if first {
				flags |= fCapInit
			} else if flags&fHasLower != 0 {
				flags |= fMixed
			}
			norm = utf8.AppendRune(norm, r)
			low = utf8.AppendRune(low, unicode.ToLower(r))
			addShape('X')
		case unicode.IsLetter(r):
			letters++
			flags |= fHasLower
			norm = utf8.AppendRune(norm, r)
			low = utf8.AppendRune(low, r)
			addShape('x')
		case unicode.IsDigit(r):
			digits++
			norm = append(norm, '0')
			low = append(low, '0')
			addShape('d')
		default:
			norm = utf8.AppendRune(norm, r)
			low = utf8.AppendRune(low, r)
			addShape('o')
		}
		first = false
	}
	if letters > 0 && uppers == letters {
		flags |= fAllCaps
	}
	if digits > 0 {
		flags |= fHasDigit
		if letters == 0 {
			flags |= fAllDigit
		}
	}
	if letters == 0 && digits == 0 {
		flags |= fPunct
	}
	out.raw = fnvString(s)
	out.flags = flags
	out.nletters = uint16(letters)
	out.word = fnvBytes(norm)
	out.lower = fnvBytes(low)
	out.shape = fnvBytes(shape)
	for k := 0; k < 4 && !lx.noAffix; k++ {
		if k < len(low) {
			out.pre[k] = fnvBytes(low[:k+1])
			out.suf[k] = fnvBytes(low[len(low)-k-1:])
		} else {
			out.pre[k] = out.lower
			out.suf[k] = out.lower
		}
	}
	out.cluster, out.clen, out.capsBucket = 0, 0, 0
	out.amb, out.hyLast, out.hySuf = 0, 0, 0
	if lx.res != nil && !lx.noAffix {
		if wi, ok := lx.res.words[out.lower]; ok {
			out.cluster, out.clen, out.capsBucket = wi.cluster, wi.clen, wi.capsBucket
		}
		out.amb = lx.res.amb[out.word]
	}
	if flags&fHasHyph != 0 && !lx.noAffix {
		if h := bytes.LastIndexByte(low, '-'); h > 0 && h < len(low)-1 {
			part := low[h+1:]
			out.hyLast = fnvBytes(part)
			out.hySuf = fnvBytes(part[max(0, len(part)-3):])
		}
	}
	lx.norm, lx.low, lx.shape = norm, low, shape
}

// wordInfo is what the unlabelled-text statistics say about a lower-case word.
type wordInfo struct {
	cluster    uint32
	clen       uint8
	capsBucket uint8
}

// resources are the non-perceptron tables shared by the taggers.
type resources struct {
	words   map[uint64]wordInfo // lower-case hash -> info
	posDict map[uint64]uint8    // normalised word hash -> unambiguous POS tag index
	amb     map[uint64]uint64   // normalised word hash -> ambiguity class: bit t = seen with POS tag t in train
}
