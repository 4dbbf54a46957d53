package loader

import (
	"strings"

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/gazetteer"
)

// orgNouns are common nouns that say what kind of organisation a name is:
// "Argentine newspaper Clarin", "US banking giant Citigroup".
var orgNouns = set(`firm company group bank newspaper paper daily tabloid broadcaster channel network
	station agency producer maker manufacturer giant exchange bourse airline carrier retailer chain
	operator insurer lender brewer supermarket club team side party university college school
	charity organisation organization institute think-tank association union federation council
	court ministry department government service magazine website publisher studio label
	conglomerate utility conglomerate business corporation developer provider supplier unit
	subsidiary watchdog regulator body campaign foundation trust fund broadcaster newspapers
	outfit house label rival rivals partner giant multinational consortium`)

// placeNouns say what kind of place a name is: "the Kenyan capital Nairobi".
var placeNouns = set(`capital city town village region province state port county district island
	resort suburb area enclave territory republic`)

// directions may stand between "in" and a place: "Basra in southern Iraq".
var directions = set(`northern southern eastern western central north south east west north-east
	north-west south-east south-west north-eastern north-western south-eastern south-western
	nearby neighbouring neighboring rural coastal`)

// locations reads where places and organisations lie, as the text says it:
//
//	"Basra in southern Iraq", "Liffe in London"          X in PLACE
//	"Westminster Hall, London", "Nairobi, Kenya"          PLACE, PLACE (not in a list)
//	"London's Leicester Square", "France's Suez"          PLACE's X
//	"Paris-based Euronext"                                PLACE-based X
//	"the Kenyan capital Nairobi", "the town of El Alto"   ADJ/PLACE capital|town [of] X
//	"Argentine newspaper Clarin", "US banking giant Citigroup", "US Federal Reserve"
//	"Metlife, the US's leading insurance company"
func (r *reading) locations() {
	for i := range r.doc.Tokens {
		m := r.mentionAt(i)
		if m == nil || m.first != i {
			r.basedIn(i)
			continue
		}
		sent := m.sent
		x := r.entOf(m)
		if x == nil {
			continue
		}
		// X in (direction) PLACE
		if (x.typ == kg.Org || x.typ == kg.Place && m.kind == byName) && r.lower(m.last) == "in" {
			j := m.last + 1
			if directions[r.lower(j)] {
				j++
			}
			// not "a meeting of the Forum for Oceans in Lisbon":
			// there the place is the meeting's
			if p := r.mentionAt(j); p != nil && p.typ == kg.Place && p.kind == byName && p.first == j && r.endsPhrase(p.last) && !r.eventOf(m.first) {
				r.facts.add(m.ent, kg.LocatedIn, p.ent, sent)
			}
		}
		// PLACE, PLACE — but not "France, Germany and Italy"
		if x.typ == kg.Place && m.kind == byName && r.tok(m.last) == "," && !isCountry(x.name) {
			if p := r.mentionAt(m.last + 1); p != nil && p.typ == kg.Place && p.kind == byName && p.first == m.last+1 {
				after := r.lower(p.last)
				list := after == "and" || after == "or" || after == "," && r.mentionAt(p.last+1) != nil
				before := r.lower(m.first - 1)
				list = list || before == "," || before == "and"
				// "In Argentina, Suez's subsidiary ...": a fronted phrase, not an apposition
				fronted := m.first-1 == r.doc.Sentences[sent].First && (before == "in" || before == "at" || before == "from")
				list = list || fronted
				if !list && r.wider(p.ent, m.ent) {
					r.facts.add(m.ent, kg.LocatedIn, p.ent, sent)
				}
			}
		}
		// PLACE's X
		if x.typ == kg.Place && isPossessive(r.tok(m.last)) {
			if y := r.mentionAt(m.last + 1); y != nil && r.entOf(y) != nil && r.entOf(y).name == x.name {
				continue
			}
			if y := r.mentionAt(m.last + 1); y != nil && y.kind == byName && y.first == m.last+1 && (y.typ == kg.Org || y.typ == kg.Place) && r.endsPhrase(y.last) {
				r.facts.add(y.ent, kg.LocatedIn, m.ent, sent)
			}
		}
		// ADJ/PLACE [modifiers] orgNoun ORG, ADJ placeNoun [of] PLACE, PLACE ORG
		if x.typ == kg.Place {
			r.describedByPlace(m)
		}
		// "Metlife, the US's leading insurance company", "IPCL - India's
		// second-largest petrochemicals company -"
		if x.typ == kg.Org && m.kind == byName && (r.tok(m.last) == "," || isDash(r.tok(m.last))) {
			j := m.last + 1
			if w := r.lower(j); w == "the" || w == "a" || w == "an" {
				j++
			}
			if pl := r.mentionAt(j); pl != nil && pl.first == j && pl.typ == kg.Place && r.nounAfter(pl.last, orgNouns) {
				r.facts.add(m.ent, kg.LocatedIn, pl.ent, sent)
			}
		}
	}
}

// containerNouns are places a possessor lies in: "Frankfurt's state of Hessen".
var containerNouns = set(`state province region county district`)

// eventOf reports whether the name at token i is what an event is "of":
// "a meeting of the Commission for Africa".
func (r *reading) eventOf(i int) bool {
	if r.lower(i-1) == "the" {
		i--
	}
	return r.lower(i-1) == "of" && eventNouns[r.lower(i-2)]
}

var eventNouns = set(`meeting meetings summit conference session gathering talks congress assembly
	convention rally hearing`)

// endsPhrase reports whether a name ending before token i ends its noun
// phrase: not "Suez in Argentina row" or "the UK's G8 presidency", where
// the name only modifies the noun after it.
func (r *reading) endsPhrase(i int) bool {
	t := r.tok(i)
	if t == "" || !isLowerWord(t) || phraseEnders[t] {
		return true
	}
	// a verb, adverb or function word after the name ends it ("Italy's
	// Banca Lombarda rose"); a noun goes on ("Britain's EU commissioners")
	pos := r.doc.Tokens[i].POS
	return !strings.HasPrefix(pos, "NN") && !strings.HasPrefix(pos, "JJ") && pos != "VBG" && pos != "CD"
}

// phraseEnders are lower-case words that may follow a complete noun phrase.
var phraseEnders = set(`the a an it he she they we i his her their its there this these those
	and or but which who whom whose where when that with has have had is was are were
	said says to for on since after before as by from in at of will would could can may might
	also has had announced reported confirmed`)

// wider reports whether place outer can contain place inner: a country
// holds anything but a country; otherwise we do not know the sizes and
// trust the comma.
func (r *reading) wider(outer, inner int) bool {
	o, in := r.ents[outer].name, r.ents[inner].name
	if isCountry(in) {
		return false
	}
	if c := gazetteer.CountryOf(in); c != "" && isCountry(o) && c != o {
		return false // "Paris, Texas" is not what the gazetteer knows; do not guess
	}
	return true
}

// describedByPlace reads "Argentine newspaper Clarin", "the Kenyan capital
// Nairobi", "the Californian town of Santa Maria", "US Federal Reserve".
func (r *reading) describedByPlace(m *mention) {
	j := m.last
	if isPossessive(r.tok(j)) {
		j++ // "the US's leading insurance company" after a name is handled by the apposition
	}
	// PLACE ORG: "US Federal Reserve"
	// (not "London UKIP MEP Gerard Batten": there the place is the MEP's seat)
	// (not "a 4th German Reich", "the Fifth French Republic": an ordinal
	// makes it one of a country's regimes, not an organisation there)
	if y := r.mentionAt(j); y != nil && y.first == j && y.typ == kg.Org && y.kind == byName && j == m.last && titles[r.lower(y.last)].predicate != kg.MemberOf &&
		!isOrdinal(r.tok(m.first-1)) {
		r.facts.add(y.ent, kg.LocatedIn, m.ent, m.sent)
		return
	}
	sawNoun := ""
	for k := j; k < j+5 && k < len(r.doc.Tokens); k++ {
		w := r.lower(k)
		if y := r.mentionAt(k); y != nil {
			if y.first != k || y.kind != byName || sawNoun == "" {
				return
			}
			if j > m.last && containerNouns[sawNoun] && y.typ == kg.Place {
				// "Frankfurt's state of Hessen": the city lies in the state
				r.facts.add(m.ent, kg.LocatedIn, y.ent, m.sent)
			} else if orgNouns[sawNoun] && y.typ == kg.Org || placeNouns[sawNoun] && y.typ == kg.Place && !isCountry(r.ents[y.ent].name) {
				r.facts.add(y.ent, kg.LocatedIn, m.ent, m.sent)
			}
			return
		}
		// "India's biggest conglomerate, Reliance Group", "Germany's
		// central bank, the Bundesbank": the name in apposition
		if (w == "," || isDash(r.tok(k))) && orgNouns[sawNoun] {
			n := k + 1
			if r.lower(n) == "the" {
				n++
			}
			if y := r.mentionAt(n); y != nil && y.first == n && y.typ == kg.Org && y.kind == byName {
				r.facts.add(y.ent, kg.LocatedIn, m.ent, m.sent)
			}
			return
		}
		switch {
		case orgNouns[w] || placeNouns[w]:
			sawNoun = w
		case w == "of" && placeNouns[sawNoun]:
		case sawNoun == "" && isLowerWord(r.tok(k)):
		default:
			return
		}
	}
}

// nounAfter reports whether, from token i, lower-case words lead to one of
// nouns: "'s leading insurance company".
func (r *reading) nounAfter(i int, nouns map[string]bool) bool {
	if isPossessive(r.tok(i)) {
		i++
	}
	for k := i; k < i+5; k++ {
		w := r.lower(k)
		if nouns[w] {
			return true
		}
		if !isLowerWord(r.tok(k)) {
			return false
		}
	}
	return false
}

func isLowerWord(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c == '-') {
			return false
		}
	}
	return true
}

// basedIn reads "Paris-based Euronext" at token i.
func (r *reading) basedIn(i int) {
	t := r.tok(i)
	base, ok := strings.CutSuffix(t, "-based")
	if !ok {
		return
	}
	y := r.mentionAt(i + 1)
	if y == nil || y.typ == kg.Person || y.kind != byName {
		return
	}
	if e := r.ents[y.ent]; e.typ == kg.Place && gazetteerName(e.name) == "" {
		e.typ = kg.Org // "Paris-based Euronext": what is based somewhere is an organisation
		for _, mi := range e.ments {
			r.ments[mi].typ = kg.Org
		}
	}
	p := r.placeNamed(base, i)
	if p >= 0 && r.ents[y.ent].typ == kg.Org {
		r.facts.add(y.ent, kg.LocatedIn, p, r.doc.SentenceOf(i))
	}
}

// placeNamed returns the entity of a place named inside a token (as in
// "Paris-based"), adding it when the article names it nowhere else.
func (r *reading) placeNamed(name string, tok int) int {
	canon := name
	if g, ok := gazetteer.Lookup(name); ok && g.Type == kg.Place {
		canon = g.Name
	} else if !isCapitalised(name) {
		return -1
	}
	for k, e := range r.ents {
		if e.typ == kg.Place && strings.EqualFold(e.name, canon) {
			return k
		}
	}
	t := r.doc.Tokens[tok]
	r.ents = append(r.ents, &entity{name: canon, typ: kg.Place, forms: []string{name}})
	k := len(r.ents) - 1
	m := &mention{first: tok, last: tok + 1, start: t.Start, end: t.Start + len(name), text: name,
		typ: kg.Place, ent: k, sent: r.doc.SentenceOf(tok)}
	r.ments = append(r.ments, m)
	r.ents[k].ments = append(r.ents[k].ments, len(r.ments)-1)
	return k
}

// isOrdinal reports whether w is an ordinal number: "4th", "third", "Fifth".
func isOrdinal(w string) bool {
	w = strings.ToLower(w)
	switch w {
	case "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth":
		return true
	}
	d := strings.TrimLeft(w, "0123456789")
	return len(d) < len(w) && (d == "st" || d == "nd" || d == "rd" || d == "th")
}
