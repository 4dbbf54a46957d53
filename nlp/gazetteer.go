package nlp

import (
	"bufio"
	"embed"
	"sort"
	"strings"
	"sync"
)

//go:embed gazetteer/*.txt
var gazetteerFS embed.FS

// Gazetteer list ids (bit positions in the recogniser's features).
const (
	gazCountry = iota
	gazCity
	gazRegion
	gazDemonym
	gazOrg
	gazCompanySuffix
	gazTitle
	gazFirstName
	gazClub
	gazMisc
	gazTime
	numGaz
)

var gazFiles = [numGaz]string{
	gazCountry:       "countries.txt",
	gazCity:          "cities.txt",
	gazRegion:        "regions.txt",
	gazDemonym:       "demonyms.txt",
	gazOrg:           "organisations.txt",
	gazCompanySuffix: "company_suffixes.txt",
	gazTitle:         "titles.txt",
	gazFirstName:     "first_names.txt",
	gazClub:          "clubs.txt",
	gazMisc:          "misc.txt",
	gazTime:          "time_words.txt",
}

type gazEntry struct{ name, value string }

type gazetteer struct {
	lists   [numGaz][]gazEntry
	phrases map[uint64]uint16 // chained lower-case token hashes -> list bits
	starts  map[uint64]bool   // lower-case hashes of the first tokens of multi-token entries
	maxLen  int
	// exported look-ups
	demonym map[string]string // lower-case demonym -> country ("" when none)
	country map[string]string // lower-case name -> canonical country
	city    map[string]string // lower-case city -> country
	title   map[string]bool   // lower-case title
	time    map[string]bool   // month and day names
	first   map[string]bool   // given names
	suffix  map[string]bool   // company suffix (case-sensitive)
}

var (
	gazOnce sync.Once
	gazData *gazetteer
)

func loadGazetteer() *gazetteer {
	gazOnce.Do(func() {
		g := &gazetteer{phrases: map[uint64]uint16{}, starts: map[uint64]bool{}, demonym: map[string]string{}, country: map[string]string{},
			city: map[string]string{}, title: map[string]bool{}, time: map[string]bool{}, first: map[string]bool{}, suffix: map[string]bool{}}
		var lx lexer
		var lexs []lex
		add := func(list int, name string) {
			toks := Tokenize(name)
			if len(toks) == 0 {
				return
			}
			lexs = lexs[:0]
			for _, t := range toks {
				var l lex
				lx.compute(t.Text, &l)
				lexs = append(lexs, l)
			}
			h := phraseSeed
			for _, l := range lexs {
				h = mix(h, l.lower)
			}
			g.phrases[h] |= 1 << list
			g.maxLen = max(g.maxLen, len(toks))
			if len(lexs) > 1 {
				g.starts[lexs[0].lower] = true
			}
		}
		for list, file := range gazFiles {
			data, err := gazetteerFS.ReadFile("gazetteer/" + file)
			if err != nil {
				panic(err) // embedded: cannot happen
			}
			sc := bufio.NewScanner(strings.NewReader(string(data)))
			for sc.Scan() {
				line := sc.Text()
				if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
					continue
				}
				name, value, _ := strings.Cut(line, "\t")
				name, value = strings.TrimSpace(name), strings.TrimSpace(value)
				g.lists[list] = append(g.lists[list], gazEntry{name, value})
				add(list, name)
				low := strings.ToLower(name)
				switch list {
				case gazDemonym:
					g.demonym[low] = value
					if p := demonymPlural(name); p != "" {
						add(list, p)
						if _, ok := g.demonym[strings.ToLower(p)]; !ok {
							g.demonym[strings.ToLower(p)] = value
						}
					}
				case gazCountry:
					if value == "" {
						value = name
					}
					g.country[low] = value
				case gazCity:
					g.city[low] = value
				case gazTitle:
					g.title[low] = true
				case gazTime:
					g.time[name] = true
				case gazFirstName:
					g.first[name] = true
				case gazCompanySuffix:
					g.suffix[name] = true
				}
			}
		}
		gazData = g
	})
	return gazData
}

const phraseSeed uint64 = 0x5bd1e9955bd1e995

// demonymPlural returns the plural of a people noun (Russian -> Russians), or "".
func demonymPlural(s string) string {
	switch {
	case strings.HasSuffix(s, "ese"), strings.HasSuffix(s, "sh"), strings.HasSuffix(s, "ch"),
		strings.HasSuffix(s, "s"), strings.HasSuffix(s, "i") && !strings.HasSuffix(s, "ni"):
		return ""
	}
	return s + "s"
}

// match marks gazetteer matches over one sentence: gaz[i].u for a one-token
// match, .b for the first token of a longer match and .i for the others.
// A match must start with a capitalised token (so "china" and "turkey" in
// lower case do not match), except for titles.
func (g *gazetteer) match(lexs []lex, gaz []gazBits) {
	for i := range gaz {
		gaz[i] = gazBits{}
	}
	for i := range lexs {
		capStart := lexs[i].flags&(fCapInit|fAllCaps) != 0
		h := uint64(phraseSeed)
		maxLen := 1
		if capStart && g.starts[lexs[i].lower] {
			maxLen = g.maxLen
		}
		for n := 1; n <= maxLen && i+n <= len(lexs); n++ {
			h = mix(h, lexs[i+n-1].lower)
			bits, ok := g.phrases[h]
			if !ok {
				continue
			}
			if !capStart {
				bits &= 1 << gazTitle
				if bits == 0 {
					continue
				}
			}
			if n == 1 {
				gaz[i].u |= bits
				continue
			}
			gaz[i].b |= bits
			for j := i + 1; j < i+n; j++ {
				gaz[j].i |= bits
			}
		}
	}
}

// CountryOfDemonym returns the country of a nationality adjective or demonym
// ("Russian", "Russians" -> "Russia"; case-insensitive), or "" when the word
// is not one or names no single country ("Arab", "European").
func CountryOfDemonym(word string) string {
	return loadGazetteer().demonym[strings.ToLower(strings.TrimSpace(word))]
}

// IsDemonym reports whether word is a nationality, regional or religious
// adjective or demonym in the project's list ("German", "Arab", "Muslim").
func IsDemonym(word string) bool {
	_, ok := loadGazetteer().demonym[strings.ToLower(strings.TrimSpace(word))]
	return ok
}

// IsCountry reports whether name is a country or a common name for one
// ("Britain", "US", "Holland"); case-insensitive.
func IsCountry(name string) bool {
	_, ok := loadGazetteer().country[strings.ToLower(strings.TrimSpace(name))]
	return ok
}

// CanonicalCountry maps a country name or alias to the list's canonical
// name ("US" -> "United States", "Britain" -> "United Kingdom"), or "".
func CanonicalCountry(name string) string {
	return loadGazetteer().country[strings.ToLower(strings.TrimSpace(name))]
}

// CountryOfCity returns the country of a capital or major city in the list
// ("Paris" -> "France"), or "".
func CountryOfCity(name string) string {
	return loadGazetteer().city[strings.ToLower(strings.TrimSpace(name))]
}

// IsTitle reports whether s is a title or role that describes a person
// ("President", "prime minister", "spokesman", "Mr."); case-insensitive.
func IsTitle(s string) bool {
	return loadGazetteer().title[strings.ToLower(strings.TrimSpace(s))]
}

// IsTimeWord reports whether word names a month or a day of the week
// ("March", "Monday", "Sept"); case-sensitive.
func IsTimeWord(word string) bool {
	return loadGazetteer().time[word]
}

// IsFirstName reports whether word is a given name in the project's list
// ("Tony", "Gerhard"); case-sensitive.
func IsFirstName(word string) bool {
	return loadGazetteer().first[word]
}

// IsHonorific reports whether word is an honorific that precedes a name and
// is not part of it ("Mr", "Mrs.", "Dr").
func IsHonorific(word string) bool { return honorifics[word] }

// IsCompanySuffix reports whether word typically ends an organisation name
// ("Inc", "plc", "AG", "Group"); case-sensitive.
func IsCompanySuffix(word string) bool {
	return loadGazetteer().suffix[word]
}

// GazetteerLists returns the names of the embedded lists.
func GazetteerLists() []string {
	var out []string
	for _, f := range gazFiles {
		out = append(out, strings.TrimSuffix(f, ".txt"))
	}
	sort.Strings(out)
	return out
}

// GazetteerEntries returns the names in one list (see GazetteerLists),
// e.g. "countries", in file order; nil for an unknown list.
func GazetteerEntries(list string) []string {
	g := loadGazetteer()
	for i, f := range gazFiles {
		if strings.TrimSuffix(f, ".txt") == list {
			out := make([]string, len(g.lists[i]))
			for j, e := range g.lists[i] {
				out[j] = e.name
			}
			return out
		}
	}
	return nil
}
