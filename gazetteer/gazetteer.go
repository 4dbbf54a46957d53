// Package gazetteer holds the name lists newsgraph keeps itself: countries and
// regions with the adjectives and demonyms that stand for them, and
// organisations with fixed short names. The loader uses them to give a
// mention its canonical entity ("British" is the United Kingdom, "Tories" the
// Conservative Party); the tagger may use them as features.
package gazetteer

import (
	"bufio"
	_ "embed"
	"strings"
	"sync"
)

//go:embed places.tsv
var placesTSV string

//go:embed orgs.tsv
var orgsTSV string

//go:embed cities.tsv
var citiesTSV string

// Entry is one canonical entity and every other name for it.
type Entry struct {
	Name       string
	Type       string   // "PLACE" or "ORG"
	Aliases    []string // other names: "UK", "Britain"
	Adjectives []string // nationality adjectives and demonyms: "British", "Britons"
	Country    string   // for a city: the country it lies in (background knowledge)
}

var (
	once    sync.Once
	byForm  map[string]*Entry // exact surface form -> entry
	byLower map[string]*Entry // lower-cased form, for ALL-CAPS text
	isAdj   map[string]bool
	entries []*Entry
)

func load() {
	byForm = map[string]*Entry{}
	byLower = map[string]*Entry{}
	isAdj = map[string]bool{}
	read(placesTSV, "PLACE")
	read(orgsTSV, "ORG")
	readCities(citiesTSV)
}

// readCities parses "city TAB country" lines.
func readCities(tsv string) {
	sc := bufio.NewScanner(strings.NewReader(tsv))
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, country, _ := strings.Cut(line, "\t")
		if _, dup := byForm[name]; dup {
			byForm[name].Country = country
			continue
		}
		e := &Entry{Name: name, Type: "PLACE", Country: country}
		entries = append(entries, e)
		byForm[name] = e
		byLower[strings.ToLower(name)] = e
	}
}

// read parses "name TAB aliases [TAB adjectives]" lines; fields are ", "-separated.
func read(tsv, typ string) {
	sc := bufio.NewScanner(strings.NewReader(tsv))
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		e := &Entry{Name: strings.TrimSpace(cols[0]), Type: typ}
		if len(cols) > 1 {
			e.Aliases = split(cols[1])
		}
		if len(cols) > 2 {
			e.Adjectives = split(cols[2])
		}
		entries = append(entries, e)
		for _, form := range append(append([]string{e.Name}, e.Aliases...), e.Adjectives...) {
			form = TrimThe(form)
			if _, dup := byForm[form]; !dup {
				byForm[form] = e
			}
			if _, dup := byLower[strings.ToLower(form)]; !dup {
				byLower[strings.ToLower(form)] = e
			}
		}
		for _, a := range e.Adjectives {
			isAdj[a] = true
		}
	}
}

func split(s string) []string {
	var out []string
	for _, a := range strings.Split(s, ",") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// TrimThe drops a leading "the " or "The ".
func TrimThe(s string) string {
	for _, p := range []string{"the ", "The "} {
		if strings.HasPrefix(s, p) {
			return s[len(p):]
		}
	}
	return s
}

// Lookup finds the entity a name stands for: "Britain", "British", "the UK"
// all give the United Kingdom. Matching is exact on the surface form (after
// a leading "the"), so "labour" in lower case is not the Labour Party.
func Lookup(name string) (*Entry, bool) {
	once.Do(load)
	e, ok := byForm[TrimThe(strings.TrimSpace(name))]
	return e, ok
}

// LookupFold is Lookup ignoring case, for ALL-CAPS text such as headlines.
func LookupFold(name string) (*Entry, bool) {
	once.Do(load)
	e, ok := byLower[strings.ToLower(TrimThe(strings.TrimSpace(name)))]
	return e, ok
}

// IsAdjective reports whether word is a nationality adjective or demonym
// ("Russian", "Europeans", "Tory" is not: parties are listed as aliases).
func IsAdjective(word string) bool {
	once.Do(load)
	return isAdj[word]
}

// CountryOf returns the country a place lies in ("Moscow" gives "Russia"), the
// country itself for a country, or "" when the list does not know.
func CountryOf(place string) string {
	e, ok := Lookup(place)
	if !ok || e.Type != "PLACE" {
		return ""
	}
	if e.Country != "" {
		return e.Country
	}
	return e.Name
}

// Entries returns every entry, places first, in file order.
func Entries() []*Entry {
	once.Do(load)
	return entries
}
