package loader

import (
	"strings"

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/gazetteer"
)

// titleSpan is a run of title words read between a possessor and a name:
// "special envoy", "foreign policy and economic aides", "son-in-law".
type titleSpan struct {
	title   string // the head title, in its singular lower-case form ("aide")
	role    role
	former  bool // "former", "ex-": only works_for survives (GUIDE.md)
	deputy  bool // "deputy", "vice": below the top post
	first   int  // first token of the span
	last    int  // one past its last token
	nonPost bool // an occupation that says nationality, not a post
}

// readTitle reads title words in tokens [from, to) and returns the head
// title, the rightmost one ("foreign policy aide" is an aide). Every token
// must be a title word, a modifier or a joining "and"/","/"of".
func (r *reading) readTitle(from, to int) (titleSpan, bool) {
	ts := titleSpan{first: from, last: to}
	if from >= to {
		return ts, false
	}
	for i := from; i < to; i++ {
		w := strings.ToLower(r.tok(i))
		for _, pre := range []string{"ex-", "former-"} {
			if strings.HasPrefix(w, pre) {
				ts.former = true
				w = w[len(pre):]
			}
		}
		if k := strings.Index(w, "-"); k > 0 && (w[:k] == "vice" || w[:k] == "deputy") {
			// "vice-chairman", "Vice-Prime Minister": below the top post
			ts.deputy = true
			if ro, ok := titles[w[k+1:]]; ok {
				ts.title, ts.role = w[k+1:], ro
				continue
			}
		}
		switch w {
		case "former", "ex", "then", "late":
			ts.former = true
		case "deputy", "vice", "assistant", "junior", "under-secretary":
			ts.deputy = true
		}
		// the longest title phrase starting here: "prime minister", "chief executive"
		found := false
		for n := min(5, to-i); n >= 1; n-- {
			phrase := r.phrase(i, i+n)
			if s, ok := pluralTitles[phrase]; ok {
				phrase = s
			}
			if ro, ok := titles[phrase]; ok {
				ts.title, ts.role = phrase, ro
				ts.nonPost = nationalityOnly[phrase]
				i += n - 1
				found = true
				break
			}
			if nationalityOnly[phrase] || nationalityOnly[strings.TrimSuffix(phrase, "s")] {
				ts.title, ts.role, ts.nonPost = strings.TrimSuffix(phrase, "s"), role{}, true
				if nationalityOnly[phrase] {
					ts.title = phrase
				}
				i += n - 1
				found = true
				break
			}
		}
		if !found && !titleModifiers[w] && w != "of" && w != "and" && w != "&" && w != "," && w != "" {
			return ts, false
		}
	}
	return ts, ts.title != ""
}

// phrase joins tokens [i, j) as a lexicon key: "prime minister".
func (r *reading) phrase(i, j int) string {
	parts := make([]string, 0, j-i)
	for k := i; k < j; k++ {
		parts = append(parts, strings.ToLower(r.tok(k)))
	}
	return strings.Join(parts, " ")
}

// possessor is what a title belongs to: an entity named just before it
// ("Kremlin spokesman", "Trump's envoy", "the Russian president's aides").
type possessor struct {
	ent       int // entity index, -1 when none
	adjective bool
	first     int  // first token of the possessor phrase
	former    bool // "Ex-Labour MP": the tie is a past one
}

// possessorBefore reads the entity that ends at token i-1 (before a title),
// with or without a possessive 's.
func (r *reading) possessorBefore(i int) possessor {
	p := possessor{ent: -1, first: i}
	j := i - 1
	if isPossessive(r.tok(j)) {
		j--
	}
	if m := r.mentionAt(j); m != nil && m.last == j+1 {
		p.ent, p.adjective, p.first = m.ent, m.kind == byAdjective, m.first
		p.former = strings.HasPrefix(strings.ToLower(r.tok(m.first)), "ex-")
		if m.first > 0 && (r.tok(m.first-1) == "the" || r.tok(m.first-1) == "The") {
			p.first = m.first - 1
		}
		// "Arsenal and England defender": both own the title
		return p
	}
	switch r.lower(j) {
	case "his", "her":
		// "his wife Carey Lowell", "her third husband Marc Anthony": the
		// sentence's subject when it is a person ("Anil has accused Jain, a
		// confidant of his brother Mukesh": Anil's brother), else the last person
		// Inside a quotation "his" is the speaker's to resolve, not ours:
		// `"... the death of his wife Audrey ...," he said` is not the speaker's wife.
		if r.insideQuote(j) {
			break
		}
		m := r.subjectPerson(j)
		if m == nil {
			m = r.personBefore(j)
		}
		if m != nil {
			p.ent, p.first = m.ent, j
		}
	case "club", "party", "company", "firm", "union", "group", "bank", "charity":
		// "club manager Sir Alex Ferguson", "party leader Roger Knapman":
		// the organisation of that kind last named
		if r.mentionAt(j-1) == nil && !isPossessive(r.tok(j-1)) {
			if o := r.orgCalled(r.lower(j), j); o >= 0 {
				p.ent, p.first = o, j
			}
		}
	case "whose":
		// "Gordon Brown, whose minister father John"
		if m := r.mentionAt(j - 2); m != nil && r.tok(j-1) == "," && m.typ == kg.Person {
			p.ent, p.first = m.ent, j
		}
	case "their", "its":
		// "Rovers have fined their Welsh striker Dai Morgan": the
		// subject of the verb before
		for k := j - 1; k >= 0 && k >= j-4; k-- {
			if isVerbish(r.lower(k)) || strings.HasSuffix(r.lower(k), "s") && r.mentionAt(k) == nil {
				if subj := r.subjectsBefore(k); len(subj) > 0 && subj[0].typ == kg.Org {
					p.ent, p.first = subj[0].ent, j
				}
				break
			}
		}
	}
	return p
}

// subjectPerson returns the first person named in token i's sentence
// before i, outside quotations, when nothing but a person opens the
// sentence's subject.
func (r *reading) subjectPerson(i int) *mention {
	s := r.doc.Sentences[r.doc.SentenceOf(i)]
	for k := s.First; k < i; k++ {
		if r.insideQuote(k) {
			continue
		}
		if m := r.mentionAt(k); m != nil {
			if m.typ == kg.Person && !isPossessive(r.tok(m.last)) {
				return m
			}
			return nil
		}
	}
	return nil
}

// possessorsBefore returns the possessor before a title and any joined to
// it by "and": "Arsenal and England defender Cole".
func (r *reading) possessorsBefore(i int) []possessor {
	p := r.possessorBefore(i)
	if p.ent < 0 {
		return nil
	}
	out := []possessor{p}
	if p.adjective {
		// "their Welsh striker": the pronoun owns the post, the adjective says nationality
		if q := r.possessorBefore(p.first); q.ent >= 0 && q.ent != p.ent {
			out = append(out, q)
		}
	}
	if r.lower(p.first-1) == "and" {
		if q := r.possessorBefore(p.first - 1); q.ent >= 0 && r.ents[q.ent].typ == kg.Org {
			out = append(out, q)
		}
	}
	return out
}

// titleRelations reads every "possessor title NAME" before a person's name
// and every "NAME, possessor's title" after it, and records the relations
// and roles they state.
func (r *reading) titleRelations() {
	for k, m := range r.ments {
		if m.typ != kg.Person || m.kind != byName {
			continue
		}
		r.titleBeforeName(k, m)
	}
	for _, m := range r.ments {
		if m.typ == kg.Person && m.kind == byName {
			r.counterpart(m)
		}
	}
	r.resolveDescriptors()
	for k, m := range r.ments {
		if m.kind != byName {
			continue
		}
		r.appositive(k, m)
	}
	r.copular()
	r.memberships()
}

// counterpart reads "Spanish Foreign Minister Moratinos met his British
// counterpart Jack Straw": the counterpart holds the same kind of post
// (GUIDE.md) in the country or organisation named before "counterpart".
func (r *reading) counterpart(m *mention) {
	i := m.first - 1
	if w := r.lower(i); w != "counterpart" && w != "counterparts" {
		return
	}
	owner := r.mentionAt(i - 1)
	if owner == nil || owner.typ == kg.Person {
		return
	}
	if w := r.lower(owner.first - 1); w != "his" && w != "her" && w != "their" {
		return
	}
	// whose counterpart: the first person of the sentence, with a post
	s := r.doc.Sentences[m.sent]
	var holder *mention
	for k := s.First; k < owner.first && holder == nil; k++ {
		if x := r.mentionAt(k); x != nil && x.typ == kg.Person && !r.insideQuote(k) && !isPossessive(r.tok(x.last)) {
			holder = x
		}
	}
	if holder == nil {
		return
	}
	for _, ro := range r.ents[holder.ent].roles {
		if t, ok := titles[ro.title]; ok && (t.predicate == kg.HeadOf || t.predicate == kg.WorksFor) {
			ts := titleSpan{title: ro.title, role: t, first: i, last: i + 1}
			if ro.title == "chancellor" {
				ts.role.predicate = kg.WorksFor
			}
			r.applyTitle(m.ent, ts, possessor{ent: owner.ent, adjective: owner.kind == byAdjective, first: owner.first}, m.sent)
			return
		}
	}
}

// titleBeforeName reads "Russian President Vladimir Putin", "Kremlin
// spokesman Dmitry Peskov", "Trump's son-in-law Jared Kushner".
func (r *reading) titleBeforeName(k int, m *mention) {
	ts, ps, ok := r.titleBefore(m)
	if !ok && r.tok(m.first-1) == "and" {
		// "his two sons, Avi and Joel": the second name shares a plural
		// title (not "Lords Leader Baroness Amos and Baroness Royall")
		if prev := r.mentionAt(m.first - 2); prev != nil && prev.typ == kg.Person && prev.kind == byName {
			ts, ps, ok = r.titleBefore(prev)
			if !isPluralTitle(r.lower(ts.last - 1)) {
				ok = false
			}
		}
	}
	if !ok {
		if ts.first == m.first {
			r.partyBeforeName(m)
		}
		return
	}
	if len(ps) == 0 {
		r.applyTitle(m.ent, ts, possessor{ent: -1}, m.sent)
	}
	for _, p := range ps {
		t := ts
		t.former = t.former || p.former
		r.applyTitle(m.ent, t, p, m.sent)
	}
}

// titleBefore reads the title before a person's name and what owns it.
// A title after "and" shares the owner of the title before it: "Rovers boss
// Ian Marsh and chief executive Paul Dent".
func (r *reading) titleBefore(m *mention) (titleSpan, []possessor, bool) {
	end := m.first
	// "a British lecturer, Dennis Hills", "Jackson's lawyer, David LeGrand"
	if r.tok(end-1) == "," && r.mentionAt(end-2) == nil && r.isTitleWord(end-2, false) && !r.insideQuote(end-2) {
		end--
	}
	// the title runs left from the name up to a possessor or a stop
	// ("past and present footballers": "and" between two modifiers)
	start := end
	for start > 0 && r.mentionAt(start-1) == nil && (r.isTitleWord(start-1, false) ||
		r.lower(start-1) == "and" && titleModifiers[r.lower(start-2)] && titleModifiers[r.lower(start)]) {
		start--
	}
	// "the Irish racing tycoons Jim McMahon and John Maginn": one
	// unknown word between a country adjective and an occupation
	if start < end && start >= 2 && isLowerWord(r.tok(start-1)) && !phraseEnders[r.lower(start-1)] {
		if a := r.mentionAt(start - 2); a != nil && a.kind == byAdjective && nationalityOnly[strings.TrimSuffix(r.lower(end-1), "s")] {
			ts, ok := r.readTitle(start, end)
			if ok {
				return ts, []possessor{{ent: a.ent, adjective: true, first: a.first}}, true
			}
		}
	}
	if start == end {
		return titleSpan{first: start}, nil, false
	}
	ts, ok := r.readTitle(start, end)
	if !ok {
		return ts, nil, false
	}
	ps := r.possessorsBefore(start)
	if len(ps) == 0 && r.lower(m.last) == "of" {
		// "President Nestor Kirchner of Argentina"
		if pm := r.mentionAt(m.last + 1); pm != nil && pm.typ != kg.Person {
			ps = []possessor{{ent: pm.ent, adjective: pm.kind == byAdjective, first: pm.first}}
		}
	}
	if len(ps) == 0 && r.lower(start-1) == "and" {
		if prev := r.mentionAt(start - 2); prev != nil && prev.typ == kg.Person && prev != m {
			if _, pps, ok := r.titleBefore(prev); ok {
				ps = pps
			}
		}
	}
	return ts, ps, true
}

// memberships reads membership stated of a place or organisation, and a
// party named as someone's: "Cyprus is an EU member", "EU member Italy",
// "his newly-founded party, the Respect Coalition".
func (r *reading) memberships() {
	for v := range r.doc.Tokens {
		w := r.lower(v)
		if w != "member" && w != "members" && w != "party" {
			continue
		}
		sent := r.doc.SentenceOf(v)
		owner := r.mentionAt(v - 1)
		if w == "party" {
			// "his newly-founded party, the Respect Coalition"
			k := v - 1
			for k >= 0 && isLowerWord(r.tok(k)) && r.lower(k) != "his" && r.lower(k) != "her" && k > v-4 {
				k--
			}
			if r.lower(k) != "his" && r.lower(k) != "her" || r.tok(v+1) != "," {
				continue
			}
			j := v + 2
			if r.lower(j) == "the" {
				j++
			}
			p, who := r.mentionAt(j), r.personBefore(k)
			if p != nil && p.typ == kg.Org && who != nil && !r.hedged(v) {
				r.facts.add(who.ent, kg.MemberOf, p.ent, sent)
			}
			continue
		}
		if owner == nil || owner.typ != kg.Org || owner.kind != byName {
			continue
		}
		// "EU member Italy"
		if x := r.mentionAt(v + 1); x != nil && x.first == v+1 && x.typ != kg.Person {
			r.facts.add(x.ent, kg.MemberOf, owner.ent, sent)
			continue
		}
		// "Cyprus is an EU member" (not "wants to be", "will be")
		j := owner.first - 1
		if r.lower(j) == "a" || r.lower(j) == "an" {
			j--
		}
		if w := r.lower(j); (w == "is" || w == "was" || w == "became") && !r.hedged(j) {
			for k := j - 1; k >= r.doc.Sentences[sent].First && k >= j-4; k-- {
				if x := r.mentionAt(k); x != nil && x.typ != kg.Person && x.kind == byName {
					r.facts.add(x.ent, kg.MemberOf, owner.ent, sent)
					break
				}
			}
		}
	}
}

// copular reads a title given with a verb: "Lord Hartley became a clerk at
// the Inland Revenue", "she has since become chair of the British Council",
// "Hartley was the oldest surviving former British PM", "Anil, who is the
// company's chief".
func (r *reading) copular() {
	for v := range r.doc.Tokens {
		w := r.lower(v)
		if w != "is" && w != "was" && w != "became" && w != "become" && w != "becomes" && w != "remains" && w != "remained" {
			continue
		}
		if r.insideQuote(v) || r.hedged(v) && w != "is" && w != "was" {
			continue
		}
		var holder *mention
		if r.lower(v-1) == "who" && r.tok(v-2) == "," {
			holder = r.mentionAt(v - 3)
		} else if subj := r.subjectsBefore(v); len(subj) == 1 {
			holder = subj[0]
		}
		if holder == nil || holder.typ != kg.Person {
			continue
		}
		r.describe([]int{holder.ent}, v+1, r.doc.SentenceOf(v))
	}
}

// partyBeforeName reads a party name or adjective right before a person:
// "Conservative Graham Brady" is a member of the Conservative Party.
func (r *reading) partyBeforeName(m *mention) {
	p := r.mentionAt(m.first - 1)
	possessive := isPossessive(r.tok(m.first - 1))
	if possessive {
		p = r.mentionAt(m.first - 2) // "Labour's Paul Flynn"
	}
	if p == nil || p.typ != kg.Org || p.kind != byName {
		return
	}
	switch {
	case isParty(r.ents[p.ent].name):
		r.facts.add(m.ent, kg.MemberOf, p.ent, m.sent)
	case possessive && !r.isTitleWord(m.last, false):
		// "Arsenal's Ashley Cole", "the BBC's Nick Robinson": theirs, as staff
		r.facts.add(m.ent, kg.WorksFor, p.ent, m.sent)
	}
}

// isParty reports whether an organisation is a political party.
func isParty(name string) bool {
	switch name {
	case "Liberal Democrats", "Plaid Cymru", "Respect Coalition", "Sinn Fein", "Likud", "Hamas", "Fatah":
		return true
	}
	return strings.HasSuffix(name, " Party") || strings.HasSuffix(name, " party")
}

// isTitleWord says whether token i can be part of a title phrase; joins
// lets "and" and "," join two titles ("chairman and chief executive").
func (r *reading) isTitleWord(i int, joins bool) bool {
	w := strings.ToLower(r.tok(i))
	switch w {
	case "":
		return false
	case "and", "&", ",":
		return joins
	}
	for _, pre := range []string{"ex-", "former-", "vice-", "deputy-", "under-"} {
		w = strings.TrimPrefix(w, pre)
	}
	if titleModifiers[w] || nationalityOnly[w] || titleWordParts[w] {
		return true
	}
	// "MPs", "MEPs", "councillors", "tycoons": a plural title
	if isPluralTitle(w) {
		return true
	}
	if _, ok := titles[w]; ok {
		return true
	}
	_, ok := pluralTitles[w]
	return ok
}

// titleWordParts holds every word of the multi-word titles ("prime", "minister").
var titleWordParts = func() map[string]bool {
	m := map[string]bool{}
	for t := range titles {
		for _, w := range strings.Fields(t) {
			if w != "of" && w != "the" && w != "and" {
				m[w] = true
			}
		}
	}
	return m
}()

// stateOffices are posts in a government: with a party before them ("Labour
// prime minister") they say the holder belongs to the party, not that he
// leads it.
var stateOffices = set(`president prime_minister premier chancellor minister secretary
	foreign_secretary home_secretary mayor governor senator`)

// applyTitle records what a title held by entity h says. Former posts
// count (GUIDE.md: "former posts count"); a deputy's post is below the top.
func (r *reading) applyTitle(h int, ts titleSpan, p possessor, sent int) {
	if h < 0 {
		return
	}
	holder := r.ents[h]
	holder.roles = append(holder.roles, heldRole{title: ts.title, of: p.ent, deputy: ts.deputy})
	// an MEP is a Member of the European Parliament, whatever party owns
	// the title ("UKIP MEP Nigel Farage"), when the article names it
	if ep := r.entityNamed("European Parliament"); ts.title == "mep" && ep >= 0 && !ts.former {
		r.facts.add(h, kg.MemberOf, ep, sent)
	}
	if p.ent < 0 {
		// "Foreign Secretary Jack Straw" in an article that names the UK:
		// the office exists only in the British government (a shadow
		// secretary holds none)
		if uk := r.entityNamed("United Kingdom"); britishOffices[ts.title] && uk >= 0 && !r.shadow(ts) {
			r.facts.add(h, kg.WorksFor, uk, sent)
		}
		return
	}
	pe := r.ents[p.ent]
	pred := ts.role.predicate
	switch {
	case ts.nonPost && pe.typ == kg.Place && isCountry(pe.name):
		pred = kg.Nationality // "Russian political analyst Abbas Gallyamov"
	case ts.nonPost && pe.typ != kg.Person:
		pred = kg.WorksFor // "an analyst at Gartmore", "Gartmore analyst"
	case ts.nonPost && pred == "":
		return
	case pe.typ == kg.Org && isParty(pe.name) && stateOffices[ts.title]:
		pred = kg.MemberOf // "Former Labour prime minister Lord Callaghan"
	case pred == kg.HeadOf && ts.deputy:
		pred = kg.WorksFor // "deputy prime minister", "vice-chairman"
	case pred == kg.HeadOf && ts.title == "chancellor" && pe.name != "Germany" && pe.name != "Austria":
		pred = kg.WorksFor // the UK's chancellor is a minister
	case pred == kg.HeadOf && pe.typ == kg.Person:
		pred = kg.WorksFor // "Putin's chief of staff"
	case pred == kg.HeadOf && ts.title == "boss" && isClub(pe.name):
		pred = kg.WorksFor // "Blues boss Jose Mourinho": a club's manager, below its chairman
	case pred == kg.RelativeOf && pe.typ != kg.Person:
		return
	case pred == kg.Advises && pe.typ != kg.Person && !isSeat(pe.name):
		// "Oxfam senior policy adviser Max Lawson" works there; a
		// "Downing Street adviser" advises the office of its leader
		pred = kg.WorksFor
	case pred == kg.MemberOf && pe.typ == kg.Place:
		pred = kg.WorksFor // "British MP": serves the country
	case pred == kg.WorksFor && pe.typ == kg.Org && isParty(pe.name):
		pred = kg.MemberOf // "UKIP's deputy leader": a party has members, not staff
	}
	if pred == "" {
		return
	}
	r.facts.add(h, pred, p.ent, sent)
}

// isPluralTitle reports whether w is a title in the plural: "sons",
// "aides", "MPs", "tycoons".
func isPluralTitle(w string) bool {
	if _, ok := pluralTitles[w]; ok {
		return true
	}
	s, ok := strings.CutSuffix(w, "s")
	if !ok || len(s) < 2 {
		return false
	}
	_, title := titles[s]
	return title || nationalityOnly[s]
}

// britishOffices are cabinet posts by those names only in the UK.
var britishOffices = set(`foreign_secretary home_secretary culture_secretary health_secretary
	education_secretary defence_secretary transport_secretary work_and_pensions_secretary
	environment_secretary chancellor_of_the_exchequer`)

// shadow reports whether a title span is an opposition post ("shadow foreign secretary").
func (r *reading) shadow(ts titleSpan) bool {
	for i := max(ts.first-1, 0); i < ts.last; i++ {
		if r.lower(i) == "shadow" {
			return true
		}
	}
	return false
}

// entityNamed returns the article's entity with this canonical name, or -1.
func (r *reading) entityNamed(name string) int {
	for k, e := range r.ents {
		if e.name == name {
			return k
		}
	}
	return -1
}

func isCountry(name string) bool {
	g, ok := gazetteer.Lookup(name)
	return ok && g.Type == kg.Place && g.Country == ""
}

// appositive reads the title after a name: "Robert Benmosche, Metlife's
// chairman and chief executive", "Stuart Quint, an analyst at Gartmore",
// "Yury Ushakov and Kirill Dmitriev, the Russian president's foreign policy
// and economic aides", "Abbas Gallyamov, a former speechwriter for President Putin".
func (r *reading) appositive(k int, m *mention) {
	// the names the apposition describes: this one and any joined by "and"
	holders := []int{m.ent}
	i := m.last
	for r.tok(i) == "and" || r.tok(i) == "," && r.mentionAt(i+1) != nil && r.mentionAt(i+1).typ == m.typ {
		n := r.mentionAt(i + 1)
		if n == nil || n.typ != m.typ || n.kind != byName {
			break
		}
		holders = append(holders, n.ent)
		i = n.last
	}
	if r.tok(i) != "," && !isDash(r.tok(i)) {
		return
	}
	i++
	// "Dana Kowal, from the UK's Open Rights Group, said": a person from an
	// organisation speaks for it as its employee
	if r.lower(i) == "from" && m.typ == kg.Person {
		if p := r.ownerAfter(i + 1); p.ent >= 0 && r.ents[p.ent].typ == kg.Org && !isParty(r.ents[p.ent].name) {
			if end := r.mentionOf(p.ent, i+1, i+8); end != nil && (r.tok(end.last) == "," || isDash(r.tok(end.last))) {
				for _, h := range holders {
					r.facts.add(h, kg.WorksFor, p.ent, m.sent)
				}
			}
		}
		return
	}
	// "Abbas Gallyamov, a Russian political analyst and a former speechwriter
	// for Putin": each description after "and a" is read the same way
	for i >= 0 {
		i = r.describe(holders, i, m.sent)
	}
}

// describe reads one description of holders starting at token i (after the
// comma of an apposition) and returns where a further one joined by "and
// a" starts, or -1.
func (r *reading) describe(holders []int, i, sent int) int {
	if r.lower(i) == "who" && (r.lower(i+1) == "is" || r.lower(i+1) == "was") {
		return -1 // read by copular
	}
	// skip an age: "Mrs Hassan, 59,"
	if isNumber(r.tok(i)) && r.tok(i+1) == "," {
		i += 2
	}
	determined := false
	switch r.lower(i) {
	case "a", "an", "the", "its", "his", "her", "their":
		i++
		determined = true
	}
	// "the longest living former British PM": describing words before the
	// title, after a determiner (never a verb: "is urging European leaders")
	for k := 0; determined && k < 3 && isLowerWord(r.tok(i)) && !r.isTitleWord(i, false) && r.mentionAt(i) == nil && !phraseEnders[r.lower(i)]; k++ {
		i++
	}
	// "the longest living former British PM": a modifier before the possessor
	former := false
	for titleModifiers[r.lower(i)] && r.mentionAt(i+1) != nil && r.mentionAt(i+1).kind == byAdjective {
		former = former || r.lower(i) == "former" || r.lower(i) == "ex" || r.lower(i) == "late"
		i++
	}
	// possessor first: "Metlife's chairman", "the Russian president's aides"
	p := possessor{ent: -1}
	if isPossessive(r.tok(i)) && orgNouns[r.lower(i-1)] {
		// "Anil, who is the company's chief": the organisation last named so
		if o := r.orgCalled(r.lower(i-1), i-1); o >= 0 {
			p = possessor{ent: o, first: i - 1}
			i++
		}
	} else if pm := r.mentionAt(i); pm != nil {
		j := pm.last
		if isPossessive(r.tok(j)) {
			p = possessor{ent: pm.ent, adjective: pm.kind == byAdjective, first: pm.first}
			i = j + 1
		} else if pm.kind == byAdjective || pm.typ != kg.Person {
			// "the US's leading" or "a Russian analyst" or "Gartmore analyst"
			p = possessor{ent: pm.ent, adjective: pm.kind == byAdjective, first: pm.first}
			i = pm.last
		}
	}
	end := i
	for end < len(r.doc.Tokens) && r.mentionAt(end) == nil && r.isTitleWord(end, true) && !(r.tok(end) == "," && r.tok(end+1) == "the") {
		end++
	}
	for end > i && r.tok(end-1) == "," {
		end--
	}
	next := -1
	for k := i; k < end; k++ {
		if r.lower(k) == "and" && (r.lower(k+1) == "a" || r.lower(k+1) == "an") {
			end, next = k, k+1 // "a Russian political analyst | and a former speechwriter"
			break
		}
	}
	ts, ok := r.readTitle(i, end)
	if !ok {
		return next
	}
	ts.former = ts.former || former
	// possessor after: "an analyst at Gartmore", "a speechwriter for President
	// Putin", "son-in-law of former-President Brenko", "head of the policy
	// think tank, the Social Research Unit", "principal of the college"
	if p.ent < 0 {
		switch r.lower(end) {
		case "at", "for", "of", "to", "with", "in", "from":
			p = r.ownerAfter(end + 1)
			if pm := r.mentionOf(p.ent, end+1, end+4); pm != nil && p.ent >= 0 && !r.endsPhrase(pm.last) {
				// "head of UK bonds for Northgate Life Investments": the
				// name qualifies a unit; the post is in the body after it
				p = possessor{ent: -1}
				k := pm.last
				for k < pm.last+4 && isLowerWord(r.tok(k)) && r.lower(k) != "for" && r.lower(k) != "at" {
					k++
				}
				if w := r.lower(k); w == "for" || w == "at" {
					if q := r.ownerAfter(k + 1); q.ent >= 0 && r.ents[q.ent].typ == kg.Org {
						p = q
						ts.role.predicate = kg.WorksFor
					}
				}
			}
			if r.lower(end) == "from" && p.ent >= 0 && r.ents[p.ent].typ == kg.Place {
				p = possessor{ent: -1} // "a business adviser from Swansea": where he is from
			}
			if r.lower(end) == "in" && p.ent >= 0 && r.ents[p.ent].typ == kg.Place {
				ts.nonPost = false // "a minister in Spain" is still a post there
			}
		}
	}
	for _, h := range holders {
		r.applyTitle(h, ts, p, sent)
	}
	return next
}

// mentionOf returns the first mention of entity e in tokens [from, to).
func (r *reading) mentionOf(e, from, to int) *mention {
	for k := from; k < to && k < len(r.doc.Tokens); k++ {
		if m := r.mentionAt(k); m != nil && m.ent == e {
			return m
		}
	}
	return nil
}

func isDash(s string) bool { return s == "-" || s == "–" || s == "—" || s == "--" }

// ownerAfter reads the organisation, place or person a title belongs to,
// named from token j on: "President Putin", "the Bundesbank", "the policy
// think tank, the Social Research Unit", "the college" (the
// organisation of the article whose name holds that word).
func (r *reading) ownerAfter(j int) possessor {
	start := j
	for r.lower(j) == "the" || r.mentionAt(j) == nil && r.isTitleWord(j, false) {
		j++
	}
	if pm := r.mentionAt(j); pm != nil {
		// "a spokeswoman for EU energy commissioner Paul Ormond": the
		// person after the organisation and a title is the owner
		if pm.typ != kg.Person {
			k := pm.last
			for k < pm.last+4 && r.mentionAt(k) == nil && r.isTitleWord(k, false) {
				k++
			}
			if pe := r.mentionAt(k); k > pm.last && pe != nil && pe.typ == kg.Person && r.titleRun(pm.last, k) {
				return possessor{ent: pe.ent, first: pe.first}
			}
		}
		if isPossessive(r.tok(pm.last)) {
			// "a senior member of Germany's central bank, the Bundesbank"
			if q := r.ownerAfter(pm.last + 1); q.ent >= 0 {
				return q
			}
		}
		return possessor{ent: pm.ent, adjective: pm.kind == byAdjective, first: pm.first}
	}
	// "the college": an organisation named before whose name has that word
	if r.lower(start) == "the" && orgNouns[r.lower(start+1)] {
		if o := r.orgCalled(r.lower(start+1), start); o >= 0 {
			return possessor{ent: o, first: start}
		}
	}
	// a description, then the name: "the social policy think tank, the CRG"
	for k := j; k < j+7 && k < len(r.doc.Tokens); k++ {
		if r.tok(k) == "," || isDash(r.tok(k)) {
			n := k + 1
			if r.lower(n) == "the" {
				n++
			}
			if pm := r.mentionAt(n); pm != nil && pm.typ == kg.Org {
				return possessor{ent: pm.ent, first: pm.first}
			}
			break
		}
		if !isLowerWord(r.tok(k)) {
			break
		}
	}
	return possessor{ent: -1}
}

// orgCalled finds the organisation a common noun stands for before token i:
// the latest one whose name holds the word ("the college" for "Fife College
// of Further and Higher Education"), or for "the company", "the firm", "the
// group" the latest organisation named.
func (r *reading) orgCalled(noun string, i int) int {
	generic := noun == "company" || noun == "firm" || noun == "group" || noun == "business" || noun == "corporation" || noun == "club"
	for k := i - 1; k >= 0; k-- {
		m := r.mentionAt(k)
		if m == nil || m.typ != kg.Org || m.kind != byName {
			continue
		}
		name := strings.ToLower(r.ents[m.ent].name)
		if generic && r.lower(m.last) == noun {
			// "Reliance Energy, another Reliance Group company": the name
			// qualifying the noun is not the company meant
			k = m.first
			continue
		}
		if generic || strings.Contains(" "+name+" ", " "+noun+" ") {
			return m.ent
		}
		// "party leader X": the party last named; "club manager X": the club
		if noun == "party" && isParty(r.ents[m.ent].name) || noun == "club" && isClub(r.ents[m.ent].name) {
			return m.ent
		}
		k = m.first
	}
	return -1
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// resolveDescriptors turns "the Russian president", "the prime minister",
// "the foreign secretary" into mentions of the one entity the article gave
// that title (with that country, when one is said).
func (r *reading) resolveDescriptors() {
	var added []*mention
	for i := 0; i < len(r.doc.Tokens); i++ {
		// "the Russian president"; "our correspondent" (the BBC's, named before)
		if w := r.lower(i); w != "the" && w != "our" || r.mentionAt(i) != nil {
			continue
		}
		j := i + 1
		country := -1
		// "the Russian president", "the UK chancellor", "the Tory leader"
		if m := r.mentionAt(j); m != nil && m.first == j && (m.kind == byAdjective || m.typ != kg.Person) && !isPossessive(r.tok(m.last)) {
			country = m.ent
			j = m.last
		}
		// the longest title phrase: "prime minister", "foreign secretary", "president"
		for n := 3; n >= 1; n-- {
			if j+n > len(r.doc.Tokens) {
				continue
			}
			ph := r.phrase(j, j+n)
			if _, ok := titles[ph]; !ok || notTitles[ph] {
				continue // "the Queen" is a name, not a description
			}
			if m := r.mentionAt(j + n); m != nil && m.typ == kg.Person {
				break // "the prime minister Tony Blair" is a title before a name
			}
			h := r.holderOf(ph, country)
			if h < 0 && titles[ph].predicate == kg.HeadOf && country < 0 || h < 0 && titles[ph].predicate == kg.HeadOf && r.ents[country].typ == kg.Place {
				h = r.protagonist(i, ph, country)
			}
			if h >= 0 {
				text := r.doc.Text[r.doc.Tokens[i].Start:r.doc.Tokens[j+n-1].End]
				dm := &mention{first: i, last: j + n, start: r.doc.Tokens[i].Start, end: r.doc.Tokens[j+n-1].End,
					text: text, typ: r.ents[h].typ, kind: byDescriptor, ent: h, sent: r.doc.SentenceOf(i)}
				added = append(added, dm)
				if country >= 0 && !(clubRoles[ph] && r.managerOf(h, country)) {
					// "the UK chancellor" says whom the post is in (but "the
					// Rovers boss" is the manager the article named, not its head)
					ts := titleSpan{title: ph, role: titles[ph]}
					r.applyTitle(h, ts, possessor{ent: country}, dm.sent)
				}
				if !containsFold(r.ents[h].forms, text) {
					r.ents[h].forms = append(r.ents[h].forms, text)
				}
			}
			i = j + n - 1
			break
		}
	}
	if len(added) == 0 {
		return
	}
	// a descriptor replaces the adjective mention inside it
	keep := r.ments[:0]
	for _, m := range r.ments {
		inside := false
		for _, d := range added {
			if m.first >= d.first && m.last <= d.last {
				inside = true
			}
		}
		if !inside {
			keep = append(keep, m)
		}
	}
	r.ments = append(keep, added...)
	r.index()
}

// protagonist resolves "the prime minister" or "the UK leader" when no one
// in the article holds that title by name: the person the article is about
// (named most often, and within the last three sentences), if no one else
// the article names holds a top post of that country or none.
func (r *reading) protagonist(at int, title string, country int) int {
	count := map[int]int{}
	for _, m := range r.ments {
		if m.typ == kg.Person && m.kind == byName {
			count[m.ent]++
		}
	}
	sent := r.doc.SentenceOf(at)
	eligible := func(e int) bool {
		// in the reader's mind: named in this or the three sentences before
		recent := false
		for _, mi := range r.ents[e].ments {
			if s := r.ments[mi].sent; s <= sent && s >= sent-3 {
				recent = true
			}
		}
		// and holding no other top post that rules this one out ("President Bush")
		for _, ro := range r.ents[e].roles {
			if ro.title != title && titles[ro.title].predicate == kg.HeadOf && (country < 0 || ro.of == country) {
				return false
			}
		}
		return recent
	}
	best, n, second := -1, 0, 0
	for e, c := range count {
		if !eligible(e) {
			continue
		}
		switch {
		case c > n:
			best, n, second = e, c, n
		case c > second:
			second = c
		}
	}
	if best < 0 || n < 2 || n == second {
		return -1
	}
	return best
}

// relinkMentions rebuilds every entity's mention list after r.ments changed.
func (r *reading) relinkMentions() {
	for _, e := range r.ents {
		e.ments = e.ments[:0]
	}
	for k, m := range r.ments {
		if m.ent >= 0 {
			r.ents[m.ent].ments = append(r.ents[m.ent].ments, k)
		}
	}
}

// holderOf finds the one person the article gave a title, in a country when
// one is given; -1 when none or several fit.
func (r *reading) holderOf(title string, country int) int {
	// the best match wins: same title (and country, when said), then a role
	// with no country known, then the same family of title ("the British
	// minister" for a foreign secretary of the UK)
	best, bestScore, tie := -1, 0, false
	for k, e := range r.ents {
		score := 0
		for _, ro := range e.roles {
			if ro.deputy {
				continue // "the Arsenal boss" is not its vice-chairman
			}
			sc := 0
			switch {
			case ro.title == title && (country < 0 || ro.of == country):
				sc = 3
			case ro.title == title && ro.of < 0:
				sc = 2
			case titleFamily(ro.title) != "" && titleFamily(ro.title) == titleFamily(title) && country >= 0 && ro.of == country:
				sc = 1
			case clubRoles[ro.title] && clubRoles[title] && country >= 0 && ro.of == country:
				sc = 1 // "the Rovers boss" is the manager the article named
			}
			score = max(score, sc)
		}
		switch {
		case score > bestScore:
			best, bestScore, tie = k, score, false
		case score == bestScore && score > 0:
			tie = true
		}
	}
	if tie {
		return -1
	}
	return best
}

// managerOf reports whether the article gave person e one of clubRoles at org.
func (r *reading) managerOf(e, org int) bool {
	for _, ro := range r.ents[e].roles {
		if clubRoles[ro.title] && ro.of == org {
			return true
		}
	}
	return false
}

// clubRoles are the titles a sports club's manager goes by.
var clubRoles = map[string]bool{"boss": true, "manager": true, "coach": true, "head coach": true}

// titleFamily groups titles a descriptor may use for one another.
func titleFamily(t string) string {
	switch {
	case strings.Contains(t, "minister") && t != "prime minister" || strings.Contains(t, "secretary") || t == "chancellor":
		return "minister"
	case titles[t].predicate == kg.HeadOf:
		return "leader"
	}
	return ""
}
