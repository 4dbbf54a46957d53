package loader

import (
	"strings"
	"unicode/utf8"

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/nlp"
)

// quoteSpan is a quotation found in the text: tokens (open, close) exclusive.
type quoteSpan struct {
	open, close int // token indexes of the marks; close may be -1 (unclosed)
	start, end  int // byte range of the quoted text
}

// findQuotes pairs quotation marks. Curly marks pair by direction; a
// straight mark opens when glued to the word after it and closes when glued
// to the word before. A quotation left open ends where the next one opens
// or at the paragraph's end (BBC text runs paragraphs of one quotation
// together: `said: "I am glad ... "Once again ...`). A mistyped closing
// mark at a paragraph start (`”We will ...`) opens. Single marks count only
// where they cannot be apostrophes (headlines: Blair 'pressing US on climate').
func (r *reading) findQuotes() []quoteSpan {
	toks := r.doc.Tokens
	text := r.doc.Text
	var out []quoteSpan
	open := -1
	openKind := ""
	closeAt := func(i, endByte int) {
		if open >= 0 {
			start := toks[open].End
			if endByte > start {
				out = append(out, quoteSpan{open: open, close: i, start: start, end: endByte})
			}
		}
		open, openKind = -1, ""
	}
	for i, t := range toks {
		// a paragraph break closes an open quotation
		if open >= 0 && i > 0 && strings.Contains(text[toks[i-1].End:t.Start], "\n\n") {
			closeAt(-1, toks[i-1].End)
		}
		kind, opens, closes := quoteMark(text, toks, i)
		if kind == "" {
			continue
		}
		switch {
		case open < 0 && opens:
			open, openKind = i, kind
		case open >= 0 && closes && kind == openKind:
			closeAt(i, t.Start)
		case open >= 0 && opens && kind == openKind:
			// a new quotation opens before the old one closed
			end := t.Start
			for end > toks[open].End && (text[end-1] == ' ' || text[end-1] == '\n') {
				end--
			}
			closeAt(-1, end)
			open, openKind = i, kind
		}
	}
	if open >= 0 {
		closeAt(-1, toks[len(toks)-1].End)
	}
	return out
}

// quoteMark classifies token i: its kind ("double" or "single") and
// whether it can open or close a quotation.
func quoteMark(text string, toks []nlp.Token, i int) (kind string, opens, closes bool) {
	t := toks[i]
	before := i > 0 && toks[i-1].End == t.Start          // glued to the previous token
	after := i+1 < len(toks) && toks[i+1].Start == t.End // glued to the next token
	switch t.Text {
	case "“":
		return "double", true, false
	case "”":
		// a mistyped closing mark at the start of a paragraph opens
		if after && (i == 0 || strings.Contains(text[toks[i-1].End:t.Start], "\n")) {
			return "double", true, false
		}
		return "double", false, true
	case "\"":
		switch {
		case after && !before:
			return "double", true, false
		case before && !after:
			return "double", false, true
		case before && after:
			// `,"said` or `word"word`: decide by what is glued
			prev := toks[i-1].Text
			r, _ := utf8.DecodeRuneInString(prev)
			if strings.ContainsRune(".,!?;:", r) {
				return "double", false, true
			}
			return "double", true, true
		}
		return "double", true, true
	case "‘":
		return "single", true, false
	case "'", "’":
		// an apostrophe inside or after a word (Soviets') is no quotation mark
		switch {
		case after && !before:
			return "single", true, false
		case before && !after, before && after && isPunct(toks[i+1].Text):
			// closes ('silly', and the plural possessive Soviets' closes only an open quotation)
			return "single", false, true
		}
	}
	return "", false, false
}

func isPunct(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(".,!?;:", r)
}

// attribution says how a quotation names its speaker.
type attribution int

const (
	unattributed attribution = iota
	byNamed                  // "Peskov said", "said Stuart Quint", "according to the Kremlin"
	byPronoun                // "he said"
	byAdded                  // "he added": the last speaker goes on
)

// readQuotes finds every quotation and who said it. A pronoun ("he said")
// is the person an intervening sentence made its subject since the last
// quotation, else the last speaker, else the person last spoken of; "he
// added" and a quotation that just goes on keep the last speaker.
func (r *reading) readQuotes() {
	var last *mention
	lastSent := -10
	for _, q := range r.quoteSpans {
		txt := strings.TrimSpace(r.doc.Text[q.start:q.end])
		txt = strings.TrimRight(txt, ",")
		if txt == "" {
			continue
		}
		single := r.tok(q.open) == "'" || r.tok(q.open) == "‘" || r.tok(q.open) == "’"
		if single && (strings.Count(txt, " ") < 1 || r.doc.SentenceOf(q.open) > 0 && len(txt) < 12) {
			continue // a single scare-quoted word, or an apostrophe pair
		}
		sent := r.doc.SentenceOf(q.open)
		sp, how := r.speakerOf(q)
		recent := last != nil && sent-lastSent <= 3
		switch how {
		case byPronoun:
			sp = r.subjectBetween(lastSent+1, sent)
			if sp == nil && recent && last.typ == kg.Person { // "he" is never the FA
				sp = last
			}
			if sp == nil {
				sp = r.personBefore(q.open)
			}
		case byAdded:
			if recent {
				sp = last
			} else if sp == nil {
				sp = r.personBefore(q.open)
			}
		case unattributed:
			if r.continues(q) && sent > 0 {
				// a quotation opening a sentence goes on from the sentence
				// before: its speaker ("..., he added. "At least $10bn ...")
				if subj := r.speakerIn(sent - 1); subj != nil {
					sp = subj
				}
			}
			if sp == nil && recent && sent-lastSent <= 1 && r.continues(q) {
				sp = last
			}
			if sp == nil && r.continues(q) && sent > 0 && !r.quotedIn(sent-1) {
				// "X repeated his party's calls for ... . "The public
				// interest ..."": the person the sentence before was about
				sp = r.sentenceSubject(sent - 1)
			}
			if sp == nil && r.a.Title != "" && sent == 0 {
				// a headline's quotation is said by whoever the lead sentence
				// quotes: "..., Downing Street has indicated"
				lead := minInt(1, len(r.doc.Sentences)-1)
				if m := r.speakerIn(lead); m != nil {
					sp = m
				} else if subj := r.speakerNear(r.doc.Sentences[lead].First); len(subj) > 0 {
					sp = subj[0]
				}
			}
		}
		name := ""
		if e := r.entOf(sp); e != nil {
			name = e.name
			last, lastSent = sp, r.sentenceAtByte(q.end)
		}
		r.quots = append(r.quots, kg.Quote{Text: txt, Speaker: name, Evidence: []int{sent}, Start: q.start, End: q.end})
	}
}

// speakerIn returns who speaks in sentence p outside quotations: the
// subject of its speech verb, a pronoun resolved ("he added").
func (r *reading) speakerIn(p int) *mention {
	s := r.doc.Sentences[p]
	for k := s.First; k < s.Last; k++ {
		if !speechVerbs[r.lower(k)] || r.insideQuote(k) {
			continue
		}
		if w := r.lower(k - 1); w == "he" || w == "she" {
			return r.personBefore(k - 1)
		}
		if m := r.participleSubject(k); m != nil {
			return m
		}
		if subj := r.subjectsBefore(k); len(subj) > 0 {
			return subj[0]
		}
	}
	return nil
}

// participleSubject returns the sentence's subject for a speech verb in
// -ing after a comma ("X reiterated calls for ..., warning:"), else nil.
func (r *reading) participleSubject(k int) *mention {
	if !strings.HasSuffix(r.lower(k), "ing") || r.tok(k-1) != "," {
		return nil
	}
	return r.sentenceSubject(r.doc.SentenceOf(k))
}

// quotedIn reports whether sentence p holds a quotation.
func (r *reading) quotedIn(p int) bool {
	s := r.doc.Sentences[p]
	for k := s.First; k < s.Last; k++ {
		if r.insideQuote(k) {
			return true
		}
	}
	return false
}

// subjectBetween returns the person that sentences [from, to) make their
// subject (the first person named outside quotations), the latest first.
func (r *reading) subjectBetween(from, to int) *mention {
	for p := to - 1; p >= from && p >= 0; p-- {
		if m := r.sentenceSubject(p); m != nil {
			return m
		}
	}
	return nil
}

// sentenceSubject returns the person sentence p is about: the first person
// named outside quotations, unless a pronoun comes first ("He denied ..."
// names no new person: the topic carries on from before).
func (r *reading) sentenceSubject(p int) *mention {
	s := r.doc.Sentences[p]
	for k := s.First; k < s.Last; k++ {
		if r.insideQuote(k) {
			continue
		}
		if w := r.lower(k); w == "he" || w == "she" {
			return nil
		}
		if m := r.mentionAt(k); m != nil && m.typ == kg.Person {
			return m
		}
	}
	return nil
}

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}

// sentenceAtByte returns the sentence holding byte offset b (or the last before it).
func (r *reading) sentenceAtByte(b int) int {
	best := 0
	for i, s := range r.doc.Sentences {
		if s.Start <= b {
			best = i
		}
	}
	return best
}

// continues reports whether a quotation opens a sentence with nothing
// attributing it: the speaker of the one before goes on.
func (r *reading) continues(q quoteSpan) bool {
	s := r.doc.Sentences[r.doc.SentenceOf(q.open)]
	return q.open == s.First
}

// unnamedSpeakers stand for the body they speak for: "a Premier League
// spokesman said" is the Premier League speaking.
var unnamedSpeakers = set(`spokesman spokeswoman spokesperson official officials source sources
	statement bosses executives chief representative aide aides`)

// afterVerb reads the speaker named after a speech verb at token k: "said
// Stuart Quinn", "said the Times", "said a Football League spokesman",
// "said a spokeswoman for EU energy commissioner Paul Ormond".
func (r *reading) afterVerb(k int) *mention {
	i := k + 1
	// "said the Times", "said Mr Palmer" (when the honorific is not part of the name)
	for r.lower(i) == "the" || r.lower(i) == "a" || r.lower(i) == "an" || r.mentionAt(i) == nil && nlp.IsHonorific(r.tok(i)) {
		i++
	}
	// "said Culture Secretary Tessa Jowell", "said UK Foreign Secretary
	// Jack Straw": titles, and a place owning them, before the name
	j := i
	for n := 0; n < 6; n++ {
		if pm := r.mentionAt(j); pm != nil && !actor(pm) && r.isTitleWord(pm.last, false) {
			j = pm.last
			continue
		}
		if r.mentionAt(j) != nil || !r.isTitleWord(j, false) || !isCapitalised(r.tok(j)) && !titleModifiers[r.lower(j)] {
			break
		}
		j++
	}
	if m := r.mentionAt(j); j > i && m != nil && m.typ == kg.Person {
		return m
	}
	m := r.mentionAt(i)
	if m != nil && actor(m) && (r.speakerEnds(m.last) || unnamedSpeakers[r.lower(m.last)] || r.isTitleWord(m.last, false)) {
		// also "a Premier League spokesman": the body speaks; but not
		// "said G7 ministers had ...", where the name opens the clause said
		return m
	}
	// "said a spokesman." with no owner: the body that spoke last, in this
	// or the three sentences before ("Downing Street has indicated")
	if unnamedSpeakers[r.lower(i)] && r.speakerEnds(i+1) {
		return r.bodyThatSpoke(k)
	}
	if unnamedSpeakers[r.lower(i)] && (r.lower(i+1) == "for" || r.lower(i+1) == "at") {
		j := i + 2
		for r.lower(j) == "the" || r.isTitleWord(j, false) && r.mentionAt(j) == nil {
			j++
		}
		if m := r.mentionAt(j); m != nil && actor(m) {
			return m
		}
	}
	return nil
}

// namedBefore returns the person a speech verb before token i (in the
// same sentence, from first) has as its subject: "Ferguson admitted
// that ...", or nil.
func (r *reading) namedBefore(i, first int) *mention {
	for k := i - 1; k >= first; k-- {
		if speechVerbs[r.lower(k)] && !r.insideQuote(k) {
			if subj := r.subjectsBefore(k); len(subj) == 1 && subj[0].typ == kg.Person {
				return subj[0]
			}
			return nil
		}
	}
	return nil
}

// bodyThatSpoke returns the last organisation before token k, within four
// sentences, that is the subject of a speech verb, or nil.
func (r *reading) bodyThatSpoke(k int) *mention {
	from := r.doc.Sentences[max(r.doc.SentenceOf(k)-3, 0)].First
	for v := k - 1; v >= from; v-- {
		if !speechVerbs[r.lower(v)] || r.insideQuote(v) {
			continue
		}
		if subj := r.subjectsBefore(v); len(subj) == 1 && subj[0].typ == kg.Org {
			return subj[0]
		}
	}
	return nil
}

// orgBefore returns the last organisation named in the sentence before
// token i, outside quotations.
func (r *reading) orgBefore(i int) *mention {
	s := r.doc.Sentences[r.doc.SentenceOf(i)]
	for k := i - 1; k >= s.First; k-- {
		if m := r.mentionAt(k); m != nil && m.typ == kg.Org && !r.insideQuote(k) {
			return m
		}
	}
	return nil
}

// unnamedSourceOf reads "A senior source at the club told ...", "a
// spokesman for the company said" between from and the verb at k: the
// body the unnamed speaker belongs to.
func (r *reading) unnamedSourceOf(from, k int) *mention {
	for i := from; i < k-2; i++ {
		if !unnamedSpeakers[r.lower(i)] {
			continue
		}
		p := r.lower(i + 1)
		if p != "at" && p != "for" && p != "from" {
			return nil
		}
		j := i + 2
		if r.lower(j) == "the" {
			j++
		}
		if m := r.mentionAt(j); m != nil && m.typ == kg.Org {
			return m
		}
		for j < k-1 && isLowerWord(r.tok(j)) && !orgNouns[r.lower(j)] {
			j++ // "a spokesman for the supporters club said"
		}
		if j == k-1 && orgNouns[r.lower(j)] {
			if o := r.orgCalled(r.lower(j), j); o >= 0 {
				return r.mentionOf(o, 0, j) // the organisation's last mention before
			}
		}
		return nil
	}
	return nil
}

// speakerEnds reports whether token i ends a speaker's name after "said":
// punctuation, a quotation mark, or the end of the text.
func (r *reading) speakerEnds(i int) bool {
	switch r.tok(i) {
	case "", ",", ".", ":", ";", "\"", "“", "”", "'", "-", "–", "—", "(":
		return true
	}
	w := r.lower(i)
	return w == "in" || w == "on" || w == "at" || w == "after" || w == "before" || w == "when" || w == "who" || w == "yesterday" || w == "today"
}

// speakerOf finds who said a quotation and how the text says so: "...,
// X said", "X said: ...", "... he added", "said X", "according to X",
// "described as ... by X".
func (r *reading) speakerOf(q quoteSpan) (*mention, attribution) {
	after := q.close + 1
	if q.close < 0 {
		after = -1
	}
	s := r.doc.Sentences[r.doc.SentenceOf(q.open)]
	// after the quote: `", Peskov said.` / `," said Stuart Quint, an analyst` / `," he added.`
	if after > 0 && after < len(r.doc.Tokens) {
		s := r.doc.Sentences[r.doc.SentenceOf(q.close)]
		i := after
		for i < s.Last && r.tok(i) == "," {
			i++
		}
		end := min(s.Last, i+25) // "..., Rabbi Aaron Fein, founder of the human rights group the Tolerance Centre, said"
		for k := i; k < end; k++ {
			w := r.lower(k)
			if !speechVerbs[w] {
				continue
			}
			added := w == "added" || w == "adds"
			// "..., said a spokesman": after a comma the speaker follows the verb
			if r.tok(k-1) == "," && k > i {
				if m := r.afterVerb(k); m != nil {
					return m, byNamed
				}
			}
			// "..., it has confirmed": the organisation the sentence names last
			if r.lower(k-1) == "it" || r.lower(k-2) == "it" && auxiliary[r.lower(k-1)] {
				if m := r.orgBefore(q.open); m != nil {
					return m, byNamed
				}
			}
			// "X said" / "he said" before the verb
			for j := k - 1; j >= i; j-- {
				if pr := r.tok(j); personPronouns[pr] && (strings.EqualFold(pr, "he") || strings.EqualFold(pr, "she")) {
					if added {
						return nil, byAdded
					}
					// "X admitted that ... "...", but he believes ...": the
					// speaker named before the quotation is who "he" is
					if m := r.namedBefore(q.open, s.First); m != nil {
						return m, byNamed
					}
					return nil, byPronoun
				}
				if m := r.mentionAt(j); m != nil && actor(m) && m.typ != kg.Place {
					if subj := r.subjectsBefore(k); len(subj) > 0 {
						return r.headOf(subj[0]), byNamed
					}
					return r.headOf(m), byNamed
				}
			}
			// "said X"
			if m := r.afterVerb(k); m != nil {
				return m, byNamed
			}
			if added {
				return nil, byAdded
			}
			break
		}
		// "described as "very productive" by President Trump"
		if r.lower(after) == "by" {
			if obj := r.objectsAfter(after-1, false); len(obj) > 0 {
				return obj[0], byNamed
			}
		}
	}
	// before the quote in the same sentence: `Peskov said: "..."` or `X said it was a "..."`
	for k := q.open - 1; k >= s.First; k-- {
		w := r.lower(k)
		if !speechVerbs[w] && w != "according" {
			continue
		}
		if w == "according" && r.lower(k+1) == "to" {
			if m := r.mentionAt(k + 2); m != nil && actor(m) {
				return m, byNamed
			}
		}
		if k > s.First && (r.lower(k-1) == "he" || r.lower(k-1) == "she") {
			return nil, byPronoun
		}
		// "Relief adviser Max Lorne praised the plan and said ...":
		// the subject of the first verb says it
		if r.lower(k-1) == "and" {
			if m := r.sentenceSubject(r.doc.SentenceOf(k)); m != nil {
				return m, byNamed
			}
		}
		// "Tory leader X reiterated calls for ... by the Attorney General,
		// warning: "...": a participle after a comma has the sentence's subject
		if m := r.participleSubject(k); m != nil {
			return m, byNamed
		}
		if subj := r.subjectsBefore(k); len(subj) > 0 {
			return subj[0], byNamed
		}
		if m := r.unnamedSourceOf(s.First, k); m != nil {
			return m, byNamed
		}
		if m := r.afterVerb(k); m != nil {
			return m, byNamed
		}
	}
	// the sentence's subject when it reports speech or thought after the quote
	for k := s.First; k < s.Last; k++ {
		if speechVerbs[r.lower(k)] {
			if subj := r.subjectsBefore(k); len(subj) > 0 {
				return subj[0], byNamed
			}
		}
	}
	// the sentence's first person: "Mr Hale wants his partners to shake
	// off their "state of drift""
	for k := s.First; k < q.open; k++ {
		if m := r.mentionAt(k); m != nil && m.typ == kg.Person {
			return m, byNamed
		}
	}
	return nil, unattributed
}

// headOf returns the person an appositive speaker phrase is about:
// in `Rabbi Marvin Hier, founder of ... said` it is the first name.
func (r *reading) headOf(m *mention) *mention {
	s := r.doc.Sentences[r.doc.SentenceOf(m.first)]
	for k := s.First; k < m.first; k++ {
		if r.tok(k) == "," && k+1 < len(r.doc.Tokens) {
			if p := r.mentionAt(k + 1); p != nil && p.typ == kg.Person && r.hasCommaBetween(p.last, m.first) {
				return p
			}
		}
	}
	return m
}

func (r *reading) hasCommaBetween(a, b int) bool {
	for i := a; i < b; i++ {
		if r.tok(i) == "," {
			return true
		}
	}
	return false
}

// insideQuote reports whether token k lies inside a quotation.
func (r *reading) insideQuote(k int) bool {
	if k < 0 || k >= len(r.doc.Tokens) {
		return false
	}
	pos := r.doc.Tokens[k].Start
	for _, q := range r.quoteSpans {
		if pos >= q.start && pos < q.end {
			return true
		}
	}
	return false
}
