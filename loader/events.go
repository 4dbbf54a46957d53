package loader

import (
	"strings"

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/gazetteer"
	"github.com/newsgraph/kg/nlp"
)

// meeting is an event read from the text; planned ones never become facts.
type meeting struct {
	parts   []int // entity indexes
	place   int   // entity index or -1
	date    string
	sents   []int
	visitor map[int]bool // participants who travelled to the place
}

// clauseStart returns the first token of the clause holding token v: after
// the last ";", ":" or "but"/"while" before it in the sentence.
func (r *reading) clauseStart(v int) int {
	s := r.doc.Sentences[r.doc.SentenceOf(v)]
	for i := v - 1; i >= s.First; i-- {
		switch r.lower(i) {
		case ";", ":", "but", "while", "whereas", "although", "though", "“", "”", "\"":
			return i + 1
		}
	}
	return s.First
}

// clauseEnd returns one past the last token of the clause holding token v.
func (r *reading) clauseEnd(v int) int {
	s := r.doc.Sentences[r.doc.SentenceOf(v)]
	for i := v + 1; i < s.Last; i++ {
		switch r.lower(i) {
		case ";", ":", "but", "while", "whereas", "although", "though", "“", "”", "\"", "because", "which":
			return i
		}
	}
	return s.Last
}

// actor reports whether a mention can act (meet, speak, travel).
func actor(m *mention) bool { return m != nil && m.typ != kg.Place && m.kind != byAdjective }

// subjectsBefore finds who does the action at token v: the nearest person
// or organisation before it in the clause, skipping auxiliaries, adverbs
// and a parenthetical between commas ("Witkoff, accompanied by Kushner,
// met ..."), plus any joined to it by "and". A pronoun subject resolves to
// the person last spoken of.
func (r *reading) subjectsBefore(v int) []*mention {
	start := r.clauseStart(v)
	i := v - 1
	for i >= start {
		w := r.lower(i)
		if w == "," {
			// skip back over a parenthetical ", accompanied by X,"
			j := i - 1
			for j >= start && r.lower(j) != "," {
				j--
			}
			if j >= start {
				i = j - 1
				continue
			}
			i--
			continue
		}
		if unnamedSpeakers[w] && i == v-1 || unnamedSpeakers[w] && auxiliary[r.lower(i+1)] {
			// "a Premier League spokesman said": the body speaks
			j := i - 1
			if isPossessive(r.tok(j)) {
				j--
			}
			if m := r.mentionAt(j); m != nil && actor(m) && m.last == j+1 {
				return []*mention{m}
			}
			return nil
		}
		if m := r.mentionAt(i); m != nil {
			if isPossessive(r.tok(m.last)) || !actor(m) {
				i = m.first - 1
				continue
			}
			if k := r.relativeBefore(m.first, start); k >= 0 {
				// "councillors who back Mr Flight met ...": Flight is in the relative clause
				i = k - 1
				continue
			}
			return r.coordinatedBefore(m, start)
		}
		if personPronouns[r.tok(i)] && (w == "he" || w == "she") {
			if p := r.personBefore(i); p != nil {
				return []*mention{p}
			}
			return nil
		}
		if w == "who" || w == "which" {
			i--
			continue
		}
		if isVerbish(w) && !auxiliary[w] && !(hedges[w] && r.lower(i+1) == "to") {
			return nil // a verb of another clause ("hoped to" belongs to this one)
		}
		i--
	}
	return nil
}

// relativeBefore returns the token of a "who"/"which"/"that" opening a
// relative clause a few words before token i, or -1.
func (r *reading) relativeBefore(i, start int) int {
	for k := i - 1; k >= start && k >= i-3; k-- {
		switch r.lower(k) {
		case "who", "which", "that", "whom":
			return k
		case ",", ".", ";":
			return -1
		}
	}
	return -1
}

// coordinatedBefore adds the mentions joined to m by "and" or "," before it.
func (r *reading) coordinatedBefore(m *mention, start int) []*mention {
	out := []*mention{m}
	i := m.first - 1
	for i >= start && (r.lower(i) == "and" || r.lower(i) == "," && len(out) > 1) {
		// a list closes with "and" ("A, B and C met"); a comma alone is an
		// aside ("According to Mr Sandell, Lord Garside had warned ...")
		p := r.mentionAt(i - 1)
		if p == nil || !actor(p) || p.typ != m.typ {
			break
		}
		out = append(out, p)
		i = p.first - 1
	}
	return out
}

// objectsAfter finds the persons or organisations right after token v (and
// "with"/"by"), with any joined by "and" or ",": "met with Witkoff and Kushner".
func (r *reading) objectsAfter(v int, places bool) []*mention {
	end := r.clauseEnd(v)
	var out []*mention
	// each name of the list may stand up to six words after the verb or
	// the "and" before it: "met Rovers boss Ian Marsh and chief
	// executive Paul Dent"
	i, lead := v+1, v
	for i < end && i <= lead+6 {
		if m := r.mentionAt(i); m != nil {
			if isNumber(r.tok(m.last)) && isPossessive(r.tok(m.last+1)) {
				i = m.last + 2 // "BBC Radio 4's Today programme"
				continue
			}
			if isPossessive(r.tok(m.last)) || m.kind == byAdjective {
				// "Trump's envoy Witkoff", "the Argentine newspaper Clarin"
				i = m.last
				if isPossessive(r.tok(i)) {
					i++
				}
				continue
			}
			if !(actor(m) || places && m.typ == kg.Place && m.kind == byName) {
				break
			}
			if m.typ != kg.Person && r.isTitleWord(m.last, false) {
				// "LSE chief executive Clara Furse": the organisation owns the title
				j := m.last
				for j < end && r.mentionAt(j) == nil && r.isTitleWord(j, false) {
					j++
				}
				if p := r.mentionAt(j); p != nil && p.typ == kg.Person {
					i = j
					continue
				}
			}
			out = append(out, m)
			i = m.last
			if r.lower(i) == "and" || r.lower(i) == "," && r.listGoesOn(i) {
				lead = i
				i++
				continue
			}
			break
		}
		// only words that can stand before a name: "with", "the", titles
		// ("met with Russian President Vladimir Putin"); anything else means
		// the verb's object is not a name ("met a cool reception from ...")
		w := r.lower(i)
		if !objectLead[w] && !r.isTitleWord(i, true) && !orgNouns[w] && !placeNouns[w] && !personPronouns[r.tok(i)] {
			break
		}
		i++
	}
	return out
}

// listGoesOn reports whether the comma at token i continues a list of
// names closed by "and" or "or" ("A, B and C"), not an aside (", Reuters
// quoted sources as saying").
func (r *reading) listGoesOn(i int) bool {
	for i < len(r.doc.Tokens) && r.tok(i) == "," {
		m := r.mentionAt(i + 1)
		if m == nil || m.first != i+1 {
			return false
		}
		i = m.last
		if w := r.lower(i); w == "and" || w == "or" {
			return true
		}
	}
	return false
}

// objectLead are the words allowed between a verb and the name it governs.
var objectLead = set(`with by the a an his her their its to in at of newly new then mr mrs ms dr counterpart counterparts
	sir lord lady baroness baron dame prince princess king queen rabbi`)

func isBe(w string) bool {
	return w == "is" || w == "are" || w == "was" || w == "were" || w == "been" || w == "be"
}

// mediaNouns follow a medium's name without making it a modifier.
var mediaNouns = set(`newspaper paper programme program show website site radio television tv channel
	magazine agency news`)

// travelVerbs say someone went somewhere ("flew to Basra").
var travelVerbs = set(`flew fly flies flying travelled traveled travel travels travelling traveling
	arrived arrive arrives arriving went go goes going came come comes coming returned return
	returns headed head heads`)

// auxiliary words that sit between a subject and its verb.
var auxiliary = set(`has have had was were is are be been being did does do also recently
	reportedly later then finally already first last earlier again briefly once twice
	yesterday today personally privately secretly jointly separately formally informally`)

// isVerbish guesses whether a lower-case word is a verb that starts a new
// clause, so a subject search must stop there.
func isVerbish(w string) bool {
	return speechVerbs[w] || strings.HasSuffix(w, "ed") && len(w) > 4 || w == "is" || w == "was"
}

// personBefore resolves "he", "she", "his" or "her" at token i to a person:
// the nearest person named before it in the same sentence, else the
// subject (first person named, outside quotations) of the closest earlier
// sentence that names one. News prose keeps its topic as subject, so this
// beats "the last name seen", which is often an object or a quoted name.
func (r *reading) personBefore(i int) *mention {
	si := r.doc.SentenceOf(i)
	if si < 0 {
		return nil
	}
	s := r.doc.Sentences[si]
	for k := i - 1; k >= s.First; k-- {
		if m := r.mentionAt(k); m != nil && m.typ == kg.Person && !r.insideQuote(k) {
			if isPossessive(r.tok(m.last)) && r.mentionAt(m.last+1) != nil {
				k = m.first
				continue
			}
			return m
		}
	}
	for p := si - 1; p >= 0 && p >= si-6; p-- {
		if m := r.sentenceSubject(p); m != nil {
			return m
		}
	}
	return nil
}

// hedged reports whether the action at token v is planned, hoped for,
// denied or hypothetical: a modal, negation or plan word between the
// clause start and v, "to meet", or a conditional clause.
func (r *reading) hedged(v int) bool {
	start := r.clauseStart(v)
	s := r.doc.Sentences[r.doc.SentenceOf(v)]
	for i := v - 1; i >= start && i >= v-8; i-- {
		w := r.lower(i)
		if hedges[w] || w == "to" && i == v-1 {
			return true
		}
	}
	for i := s.First; i < v; i++ {
		if w := r.lower(i); w == "if" || w == "unless" || w == "whether" {
			return true
		}
	}
	// "meet" in its base form without "did" is a plan or a wish
	if w := r.lower(v); w == "meet" || w == "visit" || w == "hold" || w == "host" {
		switch r.lower(v - 1) {
		case "did", "didn't", "a", "an", "the", "his", "her", "their", "its", "this", "that", "last", "recent", "first", "second", "brief", "official", "state", "surprise":
			return false // "did meet", or the noun: "on a visit", "his visit to Poland"
		}
		return true
	}
	// "is meeting", "are to meet"
	if (r.lower(v-1) == "is" || r.lower(v-1) == "are") && strings.HasSuffix(r.lower(v), "ing") {
		return true
	}
	return false
}

func ents(ms []*mention) []int {
	var out []int
	for _, m := range ms {
		if m.ent >= 0 && !containsInt(out, m.ent) {
			out = append(out, m.ent)
		}
	}
	return out
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// readEvents finds meetings, visits, companions and interviews.
func (r *reading) readEvents() {
	for _, s := range r.doc.Sentences {
		for v := s.First; v < s.Last; v++ {
			w := r.lower(v)
			switch {
			case w == "accompanied" && r.lower(v+1) == "by":
				r.accompanied(v)
			case w == "told" || w == "tells" || w == "tell" || w == "telling":
				r.told(v)
			case w == "interview" || w == "interviewed" || w == "interviews" || w == "statement":
				r.interview(v)
			case (w == "confirmed" || w == "said" || w == "explained" || w == "admitted" || w == "revealed" || w == "spoke" || w == "speaking" || w == "talking") && r.lower(v+1) == "to":
				r.interview(v)
			case w == "discussed" || w == "discuss" || w == "discusses":
				r.discussed(v)
			case (w == "works" || w == "worked" || w == "working") && r.lower(v+1) == "for":
				r.worksFor(v)
			case w == "visiting" && r.tok(v-1) == ",":
				r.visitingApposition(v)
			case w == "visit" && (r.lower(v-1) == "a" || r.lower(v-1) == "an") && (r.lower(v-2) == "on" || r.lower(v-2) == "during"):
				r.onAVisit(v)
			case (w == "in" || w == "at") && v > s.First:
				r.beingIn(v)
			case w == "visited" || w == "visits" || w == "visit" || w == "visiting" || w == "toured":
				r.visit(v)
			case w == "arrived" || w == "attended":
				r.attended(v)
				if travelVerbs[w] {
					r.travel(v)
				}
			case travelVerbs[w]:
				r.travel(v)
			case w == "met" || w == "meets" || w == "meet" || w == "meeting" && r.mentionAt(v+1) != nil && isBe(r.lower(v-1)):
				r.met(v, v)
			case (w == "talks" || w == "meeting" || w == "meetings" || w == "discussions" || w == "negotiations" || w == "conference" || w == "summit") &&
				(r.lower(v+1) == "with" || r.lower(v+1) == "between"):
				r.metNoun(v)
			case (w == "received" || w == "hosted" || w == "welcomed") && r.mentionAt(v+1) != nil:
				r.met(v, v)
			case (w == "call" || w == "calls") && (r.lower(v-1) == "a" || r.lower(v-1) == "phone" || r.lower(v-1) == "telephone"):
				r.callFrom(v)
			case (w == "warned" || w == "informed" || w == "briefed" || w == "assured") && r.mentionAt(v+1) != nil && r.mentionAt(v+1).typ == kg.Person:
				r.told(v) // "had warned Tony Blair in a document that ..."
			case w == "for" && v == s.First:
				r.speakingFor(v)
			case w == "summoned" || w == "called":
				r.summoned(v)
			case w == "received" || w == "receives":
				r.honouredBy(v)
			case w == "introduced":
				r.met(v, v) // "Mr Brown introduced Dr Greenspan to the guests": both were there
			case w == "after" && r.afterMeetingWords(v+1):
				r.afterTheMeeting(v)
			case w == "phoned" || w == "telephoned" || w == "rang":
				r.met(v, v) // "Gill phoned Dein three times": a call is a meeting
			case w == "appearance" && (r.lower(v+1) == "in" || r.lower(v+1) == "at"):
				r.appearance(v)
			case w == "tour" || w == "trip":
				r.tourOf(v)
			case w == "joined" && r.lower(v-1) == "was":
				r.joinedAtMeeting(v)
			case (w == "encounter" || w == "meeting" || w == "talks") && (r.lower(v-1) == "last" || r.lower(v-1) == "first" || r.lower(v-1) == "previous") && (r.lower(v-2) == "their"):
				r.theirMeeting(v)
			}
		}
	}
}

// met reads "A met (with) B", "A held talks with B", "B received A".
func (r *reading) met(v, verbEnd int) {
	subj := r.subjectsBefore(v)
	obj := r.objectsAfter(verbEnd, false)
	if len(subj) == 0 && len(obj) > 0 && !r.hedged(v) {
		// "Five public sector unions met John Prescott in Gateshead": one
		// named side, which "a spokesman for Unison said after the meeting"
		// may complete
		r.partial = &meeting{parts: ents(obj), place: r.placeAfter(v), sents: []int{r.doc.SentenceOf(v)}}
	}
	if len(subj) == 0 || len(obj) == 0 {
		// "A and B met"
		if len(subj) >= 2 && len(obj) == 0 {
			r.addMeeting(v, ents(subj), nil)
		}
		return
	}
	r.addMeeting(v, ents(append(subj, obj...)), ents(subj))
}

// metNoun reads "talks with B", "a meeting between A and B", "A's meeting with B".
func (r *reading) metNoun(v int) {
	obj := r.objectsAfter(v+1, false)
	if len(obj) == 0 && r.lower(v+1) == "with" {
		return
	}
	var subj []*mention
	if r.lower(v+1) == "between" {
		// "talks between Yassir Arafat and Mr Peres": the names after "between"
	} else if m := r.mentionAt(v - 2); m != nil && isPossessive(r.tok(v-1)) && actor(m) {
		subj = []*mention{m} // "Witkoff's talks with Putin"
	} else if r.lower(v-1) == "his" || r.lower(v-1) == "her" || r.lower(v-1) == "their" {
		if p := r.personBefore(v); p != nil {
			subj = []*mention{p}
		}
	} else {
		// "A held talks with B", "A is in talks with B", "A, speaking at a
		// news conference with B, ...": the subject of the verb before
		for k := v - 1; k >= r.clauseStart(v) && k >= v-6; k-- {
			w := r.lower(k)
			if w == "held" || w == "hold" || w == "holds" || w == "had" || w == "holding" || w == "in" && k == v-1 {
				subj = r.subjectsBefore(k)
				break
			}
			if w == "speaking" || w == "attending" || w == "during" {
				if m := r.mentionAt(k - 2); m != nil && r.tok(k-1) == "," && actor(m) {
					subj = []*mention{m}
				} else {
					subj = r.subjectsBefore(k)
				}
				break
			}
		}
	}
	if r.lower(v+1) == "between" && !r.hedged(v) {
		// unnamed groups may stand between the names: "a meeting between
		// ministry officials, trade representatives and the Video Rating Board"
		var named []int
		for k := v + 2; k < r.clauseEnd(v); k++ {
			if m := r.mentionAt(k); m != nil && m.first == k && actor(m) && !r.isTitleWord(m.last, false) && !containsInt(named, m.ent) {
				named = append(named, m.ent)
			}
		}
		if len(named) == 1 {
			r.partial = &meeting{parts: named, place: -1, sents: []int{r.doc.SentenceOf(v)}}
		}
	}
	all := ents(append(subj, obj...))
	if len(all) < 2 || len(subj) == 0 && r.lower(v+1) != "between" {
		// "the meeting with Witkoff": a meeting already told of
		r.mentionedMeeting(v, ents(obj))
		return
	}
	r.addMeeting(v, all, ents(subj))
}

// joinedAtMeeting reads "Putin was joined at his meeting with Witkoff and
// Kushner by Ushakov and Dmitriev": the joiners met everyone there.
func (r *reading) joinedAtMeeting(v int) {
	subj := r.subjectsBefore(v - 1)
	end := r.clauseEnd(v)
	var with, by []*mention
	for i := v + 1; i < end; i++ {
		switch r.lower(i) {
		case "with":
			if with == nil {
				with = r.objectsAfter(i, false)
			}
		case "by":
			if by == nil {
				by = r.objectsAfter(i, false)
			}
		}
	}
	if len(by) == 0 {
		return
	}
	r.addMeeting(v, ents(append(append(subj, with...), by...)), nil)
}

// theirMeeting reads "Their last encounter, in August 2025": the pair of
// the meeting told just before, on another date.
func (r *reading) theirMeeting(v int) {
	if len(r.meets) == 0 {
		return
	}
	prev := r.meets[len(r.meets)-1]
	parts := prev.parts
	if len(parts) > 2 {
		return
	}
	s := r.doc.Sentences[r.doc.SentenceOf(v)]
	date := r.dateIn(v, s.Last)
	if r.hedged(v) {
		return
	}
	m := &meeting{parts: append([]int(nil), parts...), place: -1, date: date, sents: []int{r.doc.SentenceOf(v)}}
	r.meets = append(r.meets, m)
}

// mentionedMeeting adds the sentence of "the meeting with X" to the meeting
// told before with X in it, as more evidence.
func (r *reading) mentionedMeeting(v int, parts []int) {
	sent := r.doc.SentenceOf(v)
	s := r.doc.Sentences[sent]
	date := r.dateIn(s.First, s.Last)
	var found *meeting
	for i := len(r.meets) - 1; i >= 0; i-- {
		m := r.meets[i]
		if len(parts) == 0 || !subset(parts, m.parts) {
			continue
		}
		if found == nil || date != "" && m.date == date && found.date != date {
			found = m // the latest such meeting, or the one on the date this sentence gives
		}
	}
	if found != nil && !containsInt(found.sents, sent) {
		found.sents = append(found.sents, sent)
	}
}

func subset(a, b []int) bool {
	for _, x := range a {
		if !containsInt(b, x) {
			return false
		}
	}
	return true
}

// addMeeting records a meeting of parts told at token v; travellers are
// the ones who came (the subject and their companions).
func (r *reading) addMeeting(v int, parts, travellers []int) {
	if len(parts) < 2 {
		return
	}
	sent := r.doc.SentenceOf(v)
	s := r.doc.Sentences[sent]
	// the date of this clause ("... in negotiations with the Gunners over a
	// deal which ends in 2007" dates the deal, not the talks)
	m := &meeting{parts: parts, place: r.placeAfter(v), date: r.dateIn(s.First, r.clauseEnd(v)), sents: []int{sent}, visitor: map[int]bool{}}
	if m.place < 0 {
		m.place = r.visitedNear(parts, sent)
	}
	for _, t := range travellers {
		m.visitor[t] = true
		for _, c := range r.companionsIn(t, sent) {
			m.visitor[c] = true
			if !containsInt(m.parts, c) {
				m.parts = append(m.parts, c)
			}
		}
	}
	if r.hedged(v) {
		r.plans = append(r.plans, m)
		return
	}
	// the same meeting told again: same people, no other date
	for _, old := range r.meets {
		if overlap(old.parts, m.parts) >= 2 && (old.date == "" || m.date == "" || old.date == m.date) && sent-old.sents[0] <= 3 {
			for _, p := range m.parts {
				if !containsInt(old.parts, p) {
					old.parts = append(old.parts, p)
				}
			}
			if old.place < 0 {
				old.place = m.place
			}
			if old.date == "" {
				old.date = m.date
			}
			for t := range m.visitor {
				old.visitor[t] = true
			}
			if !containsInt(old.sents, sent) {
				old.sents = append(old.sents, sent)
			}
			return
		}
	}
	r.meets = append(r.meets, m)
}

// visitedNear returns the place one of parts is said to have visited in
// this sentence or the two before ("Mr Straw, visiting Beijing, ... Mr
// Straw, speaking at a news conference with Li Zhaoxing"), or -1.
func (r *reading) visitedNear(parts []int, sent int) int {
	for _, k := range r.facts.order {
		if k.pred != kg.Visited || !containsInt(parts, k.s) {
			continue
		}
		for _, e := range r.facts.ev[k] {
			if e <= sent && e >= sent-2 {
				return k.o
			}
		}
	}
	return -1
}

func overlap(a, b []int) int {
	n := 0
	for _, x := range a {
		if containsInt(b, x) {
			n++
		}
	}
	return n
}

// placeAfter finds "in Moscow" or "at Number 10" in the clause after token v.
// Failing that, a place fronted at the sentence's start counts: "Last week
// in Paris, President Kirchner discussed ...". "in a London hotel" is London.
func (r *reading) placeAfter(v int) int {
	at := func(i int) int {
		if w := r.lower(i); w != "in" && w != "at" {
			return -1
		}
		j := i + 1
		for r.lower(j) == "the" || r.lower(j) == "a" || r.lower(j) == "an" {
			j++
		}
		// "in the Kenyan capital Nairobi"
		if a := r.mentionAt(j); a != nil && a.kind == byAdjective && placeNouns[r.lower(a.last)] {
			j = a.last + 1
		}
		if m := r.mentionAt(j); m != nil && m.first == j && m.kind == byName && (m.typ == kg.Place || m.typ == kg.Org && isSeat(r.ents[m.ent].name)) {
			return m.ent
		}
		return -1
	}
	end := r.clauseEnd(v)
	for i := v + 1; i < end; i++ {
		if p := at(i); p >= 0 {
			return p
		}
	}
	s := r.doc.Sentences[r.doc.SentenceOf(v)]
	for i := s.First; i < v && i <= s.First+3; i++ {
		if p := at(i); p >= 0 {
			return p
		}
	}
	return -1
}

// isSeat reports whether an organisation is also a building one can be
// received at ("Downing Street", "the Kremlin", "the White House").
func isSeat(name string) bool {
	switch name {
	case "Downing Street", "Kremlin", "White House", "Elysee", "Elysee Palace", "Pentagon":
		return true
	}
	return false
}

// companions returns who accompanied entity e in the article.
func (r *reading) companions(e int) []int {
	var out []int
	for _, k := range r.facts.order {
		if k.pred == kg.Accompanied && k.o == e {
			out = append(out, k.s)
		}
	}
	return out
}

// companionsIn returns who accompanied entity e according to sentence sent.
func (r *reading) companionsIn(e, sent int) []int {
	var out []int
	for _, k := range r.facts.order {
		if k.pred == kg.Accompanied && k.o == e && containsInt(r.facts.ev[k], sent) {
			out = append(out, k.s)
		}
	}
	return out
}

// accompanied reads "X, accompanied by Y," and "X was accompanied by Y".
func (r *reading) accompanied(v int) {
	by := r.objectsAfter(v+1, false)
	subj := r.subjectsBefore(v)
	if len(subj) == 0 {
		// "Witkoff, accompanied by ..." : the name right before the comma
		if m := r.mentionAt(v - 2); m != nil && r.tok(v-1) == "," && actor(m) {
			subj = []*mention{m}
		}
	}
	if len(subj) == 0 || len(by) == 0 || r.hedged(v) {
		return
	}
	sent := r.doc.SentenceOf(v)
	for _, b := range ents(by) {
		r.facts.add(b, kg.Accompanied, subj[0].ent, sent)
	}
}

// told reads "A told NBC News", "Blair tells EU".
// toldDirectly reports whether the one told is named right after the verb,
// through at most a determiner, a country adjective and what kind of body
// it is: "told Newsnight", "told the Argentine newspaper Clarin".
func (r *reading) toldDirectly(v int, o *mention) bool {
	if o.first <= v+2 {
		return true
	}
	for i := v + 1; i < o.first; i++ {
		w := r.lower(i)
		if m := r.mentionAt(i); m != nil && m.kind == byAdjective {
			i = m.last - 1
			continue
		}
		// an owner: "told BBC Radio 4's Today programme"
		if m := r.mentionAt(i); m != nil && (isPossessive(r.tok(m.last)) || isNumber(r.tok(m.last)) && isPossessive(r.tok(m.last+1))) {
			i = m.last
			if !isPossessive(r.tok(i)) {
				i++
			}
			continue
		}
		if w != "the" && w != "a" && !mediaNouns[w] && !orgNouns[w] {
			return false
		}
	}
	return true
}

func (r *reading) told(v int) {
	obj := r.objectsAfter(v, false)
	if len(obj) == 0 || !r.toldDirectly(v, obj[0]) || r.hedged(v) {
		return
	}
	// "told Labour members": the name only qualifies who was told; "told
	// the Guardian newspaper" and "told BBC Radio 4's Today programme" still count
	if o := obj[0]; !r.endsPhrase(o.last) && !mediaNouns[r.lower(o.last)] && !isPossessive(r.tok(o.last)) && !isNumber(r.tok(o.last)) {
		return
	}
	subj := r.subjectsBefore(v)
	if len(subj) == 0 {
		subj = r.speakerNear(v)
	}
	sent := r.doc.SentenceOf(v)
	for _, s := range ents(subj) {
		r.facts.add(s, kg.SpokeTo, obj[0].ent, sent)
	}
	// "When he was in Tokyo, Machimura told the British minister ...": told
	// face to face where the sentence places them
	if obj[0].typ == kg.Person && len(subj) > 0 {
		for i := r.doc.Sentences[sent].First; i < v; i++ {
			if r.lower(i) == "in" || r.lower(i) == "at" {
				if p := r.mentionAt(i + 1); p != nil && p.typ == kg.Place && p.kind == byName {
					r.addMeeting(v, ents(append(subj, obj[0])), nil)
					break
				}
			}
		}
	}
}

// interview reads "in an interview with The Times", "was interviewed by
// X", "gave interviews to X and Y", "In a statement to Newsnight",
// "confirmed to BBC Sport".
// interviewed reads "X interviewed Y" and "X, who interviewed Y,": Y
// spoke to X, and an interview is a meeting (GUIDE.md: in person or not).
func (r *reading) interviewed(v int) {
	obj := r.objectsAfter(v, false)
	if len(obj) == 0 || obj[0].first > v+3 || r.hedged(v) || r.insideQuote(v) {
		return
	}
	subj := r.subjectsBefore(v)
	if len(subj) != 1 || subj[0].typ != kg.Person {
		return
	}
	sent := r.doc.SentenceOf(v)
	for _, o := range ents(obj) {
		r.facts.add(o, kg.SpokeTo, subj[0].ent, sent)
	}
	if obj[0].typ == kg.Person {
		r.addMeeting(v, ents(append(subj, obj[0])), nil)
	}
}

// callFrom reads "X received a phone call ... from Y": a call is a
// meeting (GUIDE.md: "in person or not").
func (r *reading) callFrom(v int) {
	verb := v - 2
	if r.lower(v-1) == "phone" || r.lower(v-1) == "telephone" {
		verb--
	}
	if w := r.lower(verb); w != "received" && w != "got" && w != "took" && w != "had" || r.insideQuote(v) {
		return
	}
	end := min(r.clauseEnd(v), v+12)
	from := -1
	for k := v + 1; k < end; k++ {
		if r.lower(k) == "from" {
			from = k
			break
		}
	}
	if from < 0 {
		return
	}
	// the first person named after "from", through titles and what owns
	// them: "from a Jackson associate, Marc Schaffel"
	var caller *mention
	for k := from + 1; k < min(from+9, len(r.doc.Tokens)) && caller == nil; k++ {
		if m := r.mentionAt(k); m != nil {
			if m.typ == kg.Person && !r.isTitleWord(m.last, false) && !isPossessive(r.tok(m.last)) {
				caller = m
			}
			k = m.last - 1
			continue
		}
		if w := r.lower(k); !objectLead[w] && !r.isTitleWord(k, true) {
			return
		}
	}
	if caller == nil {
		return
	}
	var callee *mention
	if w := r.lower(verb - 1); w == "he" || w == "she" {
		callee = r.personBefore(verb - 1)
	} else if subj := r.subjectsBefore(verb); len(subj) == 1 {
		callee = subj[0]
	}
	if callee == nil || callee.typ != kg.Person {
		return
	}
	r.addMeeting(v, []int{callee.ent, caller.ent}, nil)
}

func (r *reading) interview(v int) {
	if p := r.lower(v + 1); p != "with" && p != "by" && p != "on" && p != "to" {
		if w := r.lower(v); w == "interviewed" || w == "interviews" {
			r.interviewed(v)
		}
		return
	}
	obj := r.objectsAfter(v+1, false)
	if len(obj) == 0 || r.hedged(v) || r.insideQuote(v) {
		return
	}
	if w := r.lower(v); w != "interview" && w != "interviews" && w != "interviewed" && w != "statement" && obj[0].typ == kg.Person {
		return // "admitted to Graeme": only a statement to the press is told here
	}
	subj := r.subjectsBefore(v)
	if len(subj) == 0 {
		subj = r.speakerNear(v)
	}
	sent := r.doc.SentenceOf(v)
	for _, s := range ents(subj) {
		for _, o := range ents(obj) {
			r.facts.add(s, kg.SpokeTo, o, sent)
		}
	}
}

// discussed reads "A discussed X with B": A and B met.
func (r *reading) discussed(v int) {
	end := r.clauseEnd(v)
	for i := v + 1; i < end && i < v+12; i++ {
		if r.lower(i) != "with" {
			continue
		}
		subj := r.subjectsBefore(v)
		obj := r.objectsAfter(i, false)
		if len(subj) > 0 && len(obj) > 0 {
			r.addMeeting(v, ents(append(subj, obj...)), ents(subj))
		}
		return
	}
}

// worksFor reads "X works for Y", "X, who worked for Y", and the stranded
// "Relief Action, the aid agency she works for".
func (r *reading) worksFor(v int) {
	if r.hedged(v) && r.lower(v-1) != "she" && r.lower(v-1) != "he" {
		return
	}
	sent := r.doc.SentenceOf(v)
	subj := r.subjectsBefore(v)
	if len(subj) == 0 && (r.lower(v-1) == "he" || r.lower(v-1) == "she") {
		if p := r.personBefore(v - 1); p != nil {
			subj = []*mention{p}
		}
	}
	if len(subj) == 0 || subj[0].typ != kg.Person {
		return
	}
	obj := r.objectsAfter(v+1, false)
	if len(obj) == 0 && (r.tok(v+2) == "," || r.tok(v+2) == ".") {
		// stranded: "ORG, the aid agency she works for,"
		for k := v - 1; k >= r.doc.Sentences[sent].First && k >= v-10; k-- {
			if r.tok(k) == "," {
				if m := r.mentionAt(k - 1); m != nil && m.typ == kg.Org {
					obj = []*mention{m}
				}
				break
			}
		}
	}
	for _, o := range obj {
		if o.ent != subj[0].ent {
			r.facts.add(subj[0].ent, kg.WorksFor, o.ent, sent)
		}
	}
}

// speakingFor reads "For the Conservatives, shadow health secretary Tim
// Carrow said: ...": the person answers for the party or body.
func (r *reading) speakingFor(v int) {
	i := v + 1
	if r.lower(i) == "the" {
		i++
	}
	org := r.mentionAt(i)
	if org == nil || org.first != i || org.typ != kg.Org || r.tok(org.last) != "," {
		return
	}
	s := r.doc.Sentences[r.doc.SentenceOf(v)]
	for k := org.last + 1; k < s.Last && k < org.last+10; k++ {
		if speechVerbs[r.lower(k)] {
			if subj := r.subjectsBefore(k); len(subj) == 1 && subj[0].typ == kg.Person && subj[0].first > org.last {
				r.facts.add(subj[0].ent, kg.SpokespersonOf, org.ent, r.doc.SentenceOf(v))
			}
			return
		}
	}
}

// summoned reads "Sir Edwin summoned the Liberal leader back to Downing
// Street": the one summoned came to the place, and they met there.
func (r *reading) summoned(v int) {
	obj := r.objectsAfter(v, false)
	if len(obj) == 0 || obj[0].typ != kg.Person || r.hedged(v) || r.insideQuote(v) {
		return
	}
	i := obj[0].last
	if r.lower(i) == "back" {
		i++
	}
	if r.lower(i) != "to" {
		return
	}
	j := i + 1
	if r.lower(j) == "the" {
		j++
	}
	p := r.mentionAt(j)
	if p == nil || p.first != j || !(p.typ == kg.Place || isSeat(r.ents[p.ent].name)) {
		return
	}
	subj := r.subjectsBefore(v)
	if len(subj) != 1 || subj[0].typ != kg.Person {
		return
	}
	r.visitFact(obj[0].ent, p.ent, r.doc.SentenceOf(v))
	r.addMeeting(v, []int{subj[0].ent, obj[0].ent}, nil)
}

// awards are given in person: "received an honorary degree from the King
// at Windsor in 2011".
var awards = set(`knighthood damehood peerage medal honour honor award obe mbe cbe title degree`)

// honouredBy reads "X received an honour from Y": they met, where and when
// the clause says.
func (r *reading) honouredBy(v int) {
	k := v + 1
	for k < v+5 && (isLowerWord(r.tok(k)) || isAcronym(r.tok(k))) && !awards[r.lower(k)] {
		k++
	}
	if !awards[r.lower(k)] || r.lower(k+1) != "from" || r.hedged(v) || r.insideQuote(v) {
		return
	}
	var giver *mention
	for j := k + 2; j < k+5; j++ {
		if m := r.mentionAt(j); m != nil {
			giver = m
			break
		}
	}
	if giver == nil || giver.typ != kg.Person {
		return
	}
	var who *mention
	if r.lower(v-1) == "who" && r.tok(v-2) != "" {
		who = r.personBefore(v - 1)
	} else if subj := r.subjectsBefore(v); len(subj) == 1 {
		who = subj[0]
	}
	if who == nil || who.typ != kg.Person {
		return
	}
	r.addMeeting(k, []int{who.ent, giver.ent}, []int{who.ent})
}

// attended reads "The premier and his deputy arrived a minute apart for
// the meeting of the party's MPs", "X attended talks
// with Y": the subjects took part in the meeting, with the body or person
// it was "of" or "with".
func (r *reading) attended(v int) {
	if r.hedged(v) || r.insideQuote(v) {
		return
	}
	subj := r.subjectsBefore(v)
	if len(subj) == 0 {
		return
	}
	end := r.clauseEnd(v)
	for k := v + 1; k < end && k < v+12; k++ {
		w := r.lower(k)
		if w != "meeting" && w != "talks" && w != "summit" && w != "conference" {
			continue
		}
		parts := ents(subj)
		if p := r.lower(k + 1); p == "of" || p == "with" {
			for _, o := range r.objectsAfter(k+1, false) {
				if !containsInt(parts, o.ent) {
					parts = append(parts, o.ent)
				}
			}
		}
		r.addMeeting(k, parts, nil)
		return
	}
}

// afterTheMeeting reads "..., said Culture Secretary Tess Jarrow after
// the meeting": the person took part in the meeting just told of.
func (r *reading) afterTheMeeting(v int) {
	sent := r.doc.SentenceOf(v)
	pm := r.partial
	if pm == nil || sent-pm.sents[0] > 6 || r.insideQuote(v) {
		return
	}
	// the speaker: a person, or the body "a spokesman for Unison" speaks for
	var who *mention
	if subj := r.subjectsBefore(v); len(subj) == 1 && actor(subj[0]) {
		who = subj[0]
	}
	for k := v - 1; who == nil && k >= r.doc.Sentences[sent].First; k-- {
		if m := r.mentionAt(k); m != nil && actor(m) && !r.insideQuote(k) {
			who = m
		}
	}
	if who == nil || containsInt(pm.parts, who.ent) {
		return
	}
	r.partial = nil
	m := &meeting{parts: append(append([]int{}, pm.parts...), who.ent), place: pm.place, sents: []int{pm.sents[0], sent}, visitor: map[int]bool{}}
	r.meets = append(r.meets, m)
}

// afterMeetingWords reports whether tokens from i read "the meeting",
// "the talks" or "Saturday's meeting".
func (r *reading) afterMeetingWords(i int) bool {
	if r.lower(i) == "the" || isPossessive(r.tok(i+1)) && nlp.IsTimeWord(r.tok(i)) {
		if r.lower(i) != "the" {
			i++
		}
		w := r.lower(i + 1)
		return w == "meeting" || w == "talks"
	}
	return false
}

// appearance reads "the vice president made a brief appearance in Oslo": the
// subject of "made" was there.
func (r *reading) appearance(v int) {
	p := r.mentionAt(v + 2)
	if p == nil || p.first != v+2 || p.typ != kg.Place || r.hedged(v) || r.insideQuote(v) {
		return
	}
	for k := v - 1; k >= v-4 && k >= 0; k-- {
		if w := r.lower(k); w == "made" || w == "makes" {
			if subj := r.subjectsBefore(k); len(subj) == 1 && subj[0].typ == kg.Person {
				r.visitFact(subj[0].ent, p.ent, r.doc.SentenceOf(v))
			}
			return
		}
	}
}

// storyYear is the year an article without a date line is set in, when it
// says so in its headline or first sentences and names no other year: "The
// Tories lost power in 1974 ..." dates the talks it goes on to tell.
func (r *reading) storyYear() string {
	if r.a.Date != "" {
		return ""
	}
	year, lead := "", 0
	if len(r.doc.Sentences) > 2 {
		lead = r.doc.Sentences[2].First
	} else {
		lead = len(r.doc.Tokens)
	}
	inLead := false
	for i, t := range r.doc.Tokens {
		if len(t.Text) != 4 || !isNumber(t.Text) || t.Text < "1900" || t.Text > "2100" {
			continue
		}
		if year != "" && t.Text != year {
			return "" // two years: the story spans them
		}
		year = t.Text
		inLead = inLead || i < lead
	}
	if !inLead {
		return ""
	}
	return year
}

// tourOf reads "his six-day tour of Africa" and "during his African
// tour": the person "his" stands for visited the place.
func (r *reading) tourOf(v int) {
	var place *mention
	if r.lower(v+1) == "of" || r.lower(v+1) == "to" {
		if p := r.mentionAt(v + 2); p != nil && p.first == v+2 && p.typ == kg.Place && p.kind == byName {
			place = p
		}
	}
	k := v - 1
	if p := r.mentionAt(k); p != nil && p.typ == kg.Place && p.kind == byAdjective {
		place, k = p, p.first-1 // "his African tour"
	}
	for k > v-4 && k >= 0 && isLowerWord(r.tok(k)) && r.lower(k) != "his" && r.lower(k) != "her" {
		k-- // "six-day", "whirlwind"
	}
	if place == nil || (r.lower(k) != "his" && r.lower(k) != "her") || r.hedged(v) || r.insideQuote(v) {
		return
	}
	who := r.personBefore(k)
	if who == nil {
		return
	}
	r.visitFact(who.ent, place.ent, r.doc.SentenceOf(v))
}

// onAVisit reads "the prime minister rowed across a lake in Ludlow,
// Shropshire, while on a visit with Health Secretary Ann Moss": the
// subject visited the place the sentence names, and whoever was "with"
// him accompanied him.
func (r *reading) onAVisit(v int) {
	if r.hedged(v) {
		return
	}
	sent := r.doc.SentenceOf(v)
	s := r.doc.Sentences[sent]
	var subj *mention
	for k := s.First; k < v; k++ {
		if m := r.mentionAt(k); m != nil && m.typ == kg.Person {
			subj = m
			break
		}
	}
	if subj == nil {
		return
	}
	if r.lower(v+1) == "with" {
		for _, c := range r.objectsAfter(v+1, false) {
			if c.typ == kg.Person {
				r.facts.add(c.ent, kg.Accompanied, subj.ent, sent)
			}
		}
	}
	if r.lower(v+1) == "to" {
		return // "on a visit to X" is read by visit
	}
	for k := s.First; k < s.Last; k++ {
		if r.lower(k) != "in" && r.lower(k) != "at" {
			continue
		}
		if p := r.mentionAt(k + 1); p != nil && p.first == k+1 && p.kind == byName && (p.typ == kg.Place || isSeat(r.ents[p.ent].name)) {
			r.visitFact(subj.ent, p.ent, sent)
			break
		}
	}
}

// visitingApposition reads "Mr Straw, visiting Beijing, noted ...".
func (r *reading) visitingApposition(v int) {
	m := r.mentionAt(v - 2)
	if m == nil || m.typ != kg.Person || r.hedged(v) {
		return
	}
	for _, o := range r.objectsAfter(v, true) {
		if o.typ == kg.Place || isSeat(r.ents[o.ent].name) {
			r.visitFact(m.ent, o.ent, r.doc.SentenceOf(v))
		}
	}
}

// beingIn reads a person being somewhere away from home at token v ("in"
// or "at" before a place), which the guide counts as a visit:
//
//	"When he was in Oslo", "Dr Lind, who has been in the UK"         (was in / been in)
//	"Mr Hale is at a summit in Vienna"                                (is at ... in)
//	"Lavagna told the French media in Paris", "Last week in Paris, President Kirchner ..."
//	    (an Argentine minister in Paris: a foreigner in a city has travelled there)
func (r *reading) beingIn(v int) {
	j := v + 1
	if directions[r.lower(j)] || r.lower(j) == "the" {
		j++
	}
	// "in the Kenyan capital Nairobi"
	if a := r.mentionAt(j); a != nil && a.kind == byAdjective && placeNouns[r.lower(a.last)] {
		j = a.last + 1
	}
	p := r.mentionAt(j)
	if p == nil || p.first != j || p.kind != byName || !(p.typ == kg.Place || isSeat(r.ents[p.ent].name)) {
		return
	}
	if r.hedged(v) || !r.endsPhrase(p.last) {
		return
	}
	sent := r.doc.SentenceOf(v)
	// "was in", "has been in", "is at a summit in"
	k := v - 1
	for k > v-5 && k >= 0 && beFiller[r.lower(k)] {
		k--
	}
	if isBe(r.lower(k)) && !bornLike[r.lower(v-1)] {
		subj := r.subjectsBefore(k)
		if len(subj) == 0 && (r.lower(k-1) == "he" || r.lower(k-1) == "she") {
			if m := r.personBefore(k - 1); m != nil {
				subj = []*mention{m}
			}
		}
		for _, s := range subj {
			if s.typ == kg.Person {
				r.visitFact(s.ent, p.ent, sent)
			}
		}
		return
	}
	// a foreigner acting in a city
	country := gazetteer.CountryOf(r.ents[p.ent].name)
	if country == "" || isCountry(r.ents[p.ent].name) {
		return
	}
	var subj []*mention
	s := r.doc.Sentences[sent]
	if v == s.First+1 || r.tok(p.last) == "," && v <= s.First+3 {
		// fronted: "Last week in Paris, President Kirchner discussed ..."
		for i := p.last; i < s.Last; i++ {
			if m := r.mentionAt(i); m != nil && m.typ == kg.Person {
				subj = []*mention{m}
				break
			}
		}
	} else if bornLike[r.lower(v-1)] {
		return
	} else {
		subj = r.subjectsBefore(v)
		if len(subj) == 0 {
			// "Chirac told reporters in Brussels": the subject of the verb before
			for k := v - 1; k >= s.First && k >= v-8; k-- {
				if isVerbish(r.lower(k)) || travelVerbs[r.lower(k)] || meetingVerbs[r.lower(k)] {
					subj = r.subjectsBefore(k)
					break
				}
			}
		}
	}
	for _, m := range subj {
		if m.typ == kg.Person && r.foreignTo(m.ent, country) {
			r.visitFact(m.ent, p.ent, sent)
		}
	}
}

// beFiller may stand between "was" and "in PLACE" in a sentence that
// places someone: "is at a summit in Brussels", "was still in Tokyo"
// (never a verb: "was televised in the US" places nobody).
var beFiller = set(`a an the at on for still also already recently briefly then now once summit
	visit trip tour talks meeting meetings conference ceremony official state`)

// bornLike are words before "in PLACE" that say where someone lives or
// comes from, not where they went.
var bornLike = set(`born raised based educated elected jailed imprisoned buried grew lives lived
	living resident settled headquartered registered listed`)

// foreignTo reports whether the article ties person e to a country other
// than country (nationality, head of state, minister) and to none equal.
func (r *reading) foreignTo(e int, country string) bool {
	foreign := false
	for _, k := range r.facts.order {
		if k.s != e || !(k.pred == kg.HeadOf || k.pred == kg.WorksFor || k.pred == kg.Nationality) {
			continue
		}
		o := r.ents[k.o]
		if o.typ != kg.Place || !isCountry(o.name) {
			continue
		}
		if o.name == country {
			return false
		}
		foreign = true
	}
	return foreign
}

// speakerNear returns the subject of the speech verb in v's sentence.
func (r *reading) speakerNear(v int) []*mention {
	s := r.doc.Sentences[r.doc.SentenceOf(v)]
	for i := s.First; i < s.Last; i++ {
		if speechVerbs[r.lower(i)] {
			if subj := r.subjectsBefore(i); len(subj) > 0 {
				return subj
			}
		}
	}
	return nil
}

// visit reads "McCain visited Mr Blair", "A visited Basra", "A's visit to B".
func (r *reading) visit(v int) {
	w := r.lower(v)
	if r.hedged(v) {
		r.plannedTrip(v, v)
		return
	}
	sent := r.doc.SentenceOf(v)
	if w == "visit" || w == "visits" && r.lower(v+1) == "to" {
		// the noun: "his visit to Poland"
		if r.lower(v+1) != "to" {
			return
		}
		var subj []*mention
		if m := r.mentionAt(v - 2); m != nil && isPossessive(r.tok(v-1)) {
			subj = []*mention{m}
		} else if r.lower(v-1) == "his" || r.lower(v-1) == "her" {
			if p := r.personBefore(v); p != nil {
				subj = []*mention{p}
			}
		}
		for _, o := range r.objectsAfter(v+1, true) {
			for _, s := range ents(subj) {
				r.visitFact(s, o.ent, sent)
			}
		}
		return
	}
	subj := r.subjectsBefore(v)
	obj := r.objectsAfter(v, true)
	for _, o := range obj {
		for _, s := range ents(subj) {
			if o.typ == kg.Place || o.typ == kg.Org && isSeat(r.ents[o.ent].name) {
				r.visitFact(s, o.ent, sent)
			} else {
				r.addMeeting(v, []int{s, o.ent}, []int{s})
			}
		}
	}
	if len(obj) == 0 {
		// "Mr Okoro visited clinics in the Kenyan capital Nairobi"
		if p := r.placeAfter(v); p >= 0 {
			for _, s := range ents(subj) {
				if r.ents[s].typ == kg.Person {
					r.visitFact(s, p, sent)
				}
			}
		}
	}
}

// travel reads "A flew to Basra", "A arrived in Moscow".
func (r *reading) travel(v int) {
	if p := r.lower(v + 1); p != "to" && p != "in" && p != "at" && p != "into" {
		return
	}
	if r.hedged(v) {
		r.plannedTrip(v, v+1)
		return
	}
	subj := r.subjectsBefore(v)
	obj := r.objectsAfter(v+1, true)
	sent := r.doc.SentenceOf(v)
	for _, o := range obj {
		if o.typ != kg.Place && !(o.typ == kg.Org && isSeat(r.ents[o.ent].name)) {
			continue
		}
		for _, s := range ents(subj) {
			r.visitFact(s, o.ent, sent)
		}
	}
}

// plannedTrip keeps a visit that is only planned, hoped for or denied
// ("will visit Auschwitz", "is due to travel to Cairo") as a planned event,
// never as a visited fact.
func (r *reading) plannedTrip(v, objFrom int) {
	subj := r.subjectsBefore(v)
	if len(subj) == 0 {
		return
	}
	sent := r.doc.SentenceOf(v)
	for _, o := range r.objectsAfter(objFrom, true) {
		if o.typ != kg.Place && !isSeat(r.ents[o.ent].name) {
			continue
		}
		s := r.doc.Sentences[sent]
		r.plans = append(r.plans, &meeting{parts: ents(subj), place: o.ent, date: r.dateIn(s.First, s.Last), sents: []int{sent}})
	}
}

// visitFact records that person s went to place p, with their companions.
func (r *reading) visitFact(s, p, sent int) {
	r.facts.add(s, kg.Visited, p, sent)
	for _, c := range r.companions(s) {
		r.facts.add(c, kg.Visited, p, sent)
	}
}

// local reports whether entity e belongs to the country a place lies in:
// its head, a minister or a national of it ("Putin" in Moscow).
func (r *reading) local(e, place int) bool {
	country := gazetteer.CountryOf(r.ents[place].name)
	if country == "" {
		return false
	}
	for _, k := range r.facts.order {
		if k.s == e && (k.pred == kg.HeadOf || k.pred == kg.WorksFor || k.pred == kg.Nationality) && r.ents[k.o].name == country {
			return true
		}
	}
	return false
}

// meetingFacts turns meetings into met and visited facts.
func (r *reading) meetingFacts() {
	if y := r.storyYear(); y != "" {
		for _, m := range r.meets {
			if m.date == "" {
				m.date = y
			}
		}
	}
	for _, m := range r.meets {
		for i, a := range m.parts {
			for _, b := range m.parts[i+1:] {
				for _, s := range m.sents {
					r.facts.add(a, kg.Met, b, s)
				}
			}
		}
		if m.place < 0 {
			continue
		}
		for _, p := range m.parts {
			if m.visitor[p] && !r.local(p, m.place) && r.ents[p].typ == kg.Person {
				r.visitFact(p, m.place, m.sents[0])
			}
		}
	}
}
