package loader

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/gazetteer"
	"github.com/newsgraph/kg/nlp"
)

// mentionKind says how a mention names its entity.
type mentionKind int

const (
	byName       mentionKind = iota // "Vladimir Putin", "Putin"
	byAdjective                     // "Russian" for Russia
	byDescriptor                    // "the Russian president" for Putin
)

// mention is one place where the text names an entity.
type mention struct {
	first, last int // token range [first, last)
	start, end  int // byte range
	text        string
	typ         string // kg.Person, kg.Org, kg.Place
	kind        mentionKind
	canon       string // canonical name known from the gazetteer, if any
	firstNameOK bool   // a lone first name may stand for the one person with it
	ent         int    // index into reading.ents, -1 before resolution
	sent        int
}

// entity is one real-world entity of the article.
type entity struct {
	name    string
	typ     string
	forms   []string // every surface form, in order of appearance
	ments   []int
	roles   []heldRole // posts and ties stated with the name
	country string     // for places: the country it lies in (gazetteer)
}

// heldRole is a title the article gives an entity: "Russian President".
type heldRole struct {
	title string // "president"
	of    int    // entity index of the organisation, place or person, or -1
	adj   string // country adjective or possessor text used with it
	// a deputy's post ("vice-chairman"): never "the chairman" or "the boss"
	deputy bool
}

// reading is the state of reading one article.
type reading struct {
	a     *Article
	doc   *nlp.Doc
	ments []*mention
	byTok []int // token index -> mention index, -1 where none
	ents  []*entity
	facts *factSet
	meets []*meeting
	plans []*meeting
	// a meeting with too few named participants yet ("talks between
	// officials and the BBFC"), which a later "X said after the meeting"
	// completes within six sentences
	partial *meeting

	spanDepth int // addSpan's recursion depth
	quots     []kg.Quote

	quoteSpans []quoteSpan
}

func (r *reading) tok(i int) string {
	if i < 0 || i >= len(r.doc.Tokens) {
		return ""
	}
	return r.doc.Tokens[i].Text
}

func (r *reading) lower(i int) string { return strings.ToLower(r.tok(i)) }

// mentionAt returns the mention covering token i, or nil.
func (r *reading) mentionAt(i int) *mention {
	if i < 0 || i >= len(r.byTok) || r.byTok[i] < 0 {
		return nil
	}
	return r.ments[r.byTok[i]]
}

func (r *reading) entOf(m *mention) *entity {
	if m == nil || m.ent < 0 {
		return nil
	}
	return r.ents[m.ent]
}

// findMentions turns recognised names into mentions, typed by the gazetteer
// where it knows the name and by the recogniser otherwise.
func (r *reading) findMentions() {
	toks := r.doc.Tokens
	ents := r.doc.Entities
	for k := 0; k < len(ents); k++ {
		e := ents[k]
		// "Newcastle" + "Evening Chronicle": two organisation names with
		// nothing between them are one
		// "Newcastle" + "Evening Chronicle": a city before a newspaper's name is part of it
		if k+1 < len(ents) && (e.Type == "ORG" || e.Type == "LOC" && mediaHeads[toks[ents[k+1].Last-1].Text]) &&
			ents[k+1].Type == "ORG" && ents[k+1].First == e.Last &&
			!strings.Contains(r.doc.Text[toks[e.Last-1].End:toks[e.Last].Start], "\n") {
			r.addSpan(e.First, ents[k+1].Last, "ORG")
			k++
			continue
		}
		// "St James's Palace": a recogniser splits it at the possessive
		// ("St Egwin's Middle School" too: the building word ends the second part)
		if end, next := r.possessiveName(ents, k); end > 0 {
			r.addSpan(e.First, end, "LOC")
			k = next
			continue
		}
		// "Entertainment" + "and" + "Leisure Software Publishers
		// Association": one name the recogniser split at "and" (never two
		// known names: "Arsenal and Chelsea Football Club")
		if k+1 < len(ents) && (e.Type == "ORG" || e.Type == "MISC") && ents[k+1].Type == "ORG" && ents[k+1].First == e.Last+1 &&
			e.Last == e.First+1 && strings.EqualFold(toks[e.Last].Text, "and") && orgNameWords[toks[ents[k+1].Last-1].Text] &&
			gazetteerName(toks[e.First].Text) == "" && !strings.Contains(r.doc.Text[toks[e.First].Start:toks[ents[k+1].First].Start], "\n") {
			r.addSpan(e.First, ents[k+1].Last, "ORG")
			k++
			continue
		}
		// "Fife College of Further" + "and" + "Higher Education": a
		// recogniser splits "X of A and B" at the "and"
		if end, next := r.ofAndName(ents, k); end > 0 {
			r.addSpan(e.First, end, "ORG")
			k = next
			continue
		}
		first, last := e.First, e.Last
		// "Rabbi Marvin" + "Hier", "MEP Robert" + "Kilroy-Silk", "Ms Kay" +
		// "Lom": a name the recogniser ended a word early, after a given
		// name or after one word that follows a title or an honorific
		if last < len(toks) && toks[last].NER == "O" && toks[last].POS == "NNP" && r.surnameLike(last) && e.Type != "LOC" &&
			gazetteerName(r.doc.Text[toks[first].Start:toks[last-1].End]) == "" && r.doc.SentenceOf(last) == r.doc.SentenceOf(first) {
			afterTitle := e.Type == "PER" && (last-first == 2 && (honours[toks[first].Text] || r.isTitleWord(first, false)) ||
				last-first == 1 && first > 0 && nlp.IsHonorific(toks[first-1].Text))
			if nlp.IsFirstName(toks[last-1].Text) || afterTitle {
				last++
			}
		}
		// "the Brazilian city of Porto" + "Alegre": after "city of" the
		// capitalised words that follow are the place's name
		if first >= 2 && strings.EqualFold(toks[first-1].Text, "of") && placeNouns[strings.ToLower(toks[first-2].Text)] {
			for last < len(toks) && last < e.Last+2 && toks[last].NER == "O" && toks[last].POS == "NNP" && isCapitalised(toks[last].Text) &&
				!nlp.IsTimeWord(toks[last].Text) && r.doc.SentenceOf(last) == r.doc.SentenceOf(first) {
				last++
			}
		}
		// "Van" + "Nistel": a capitalised particle the recogniser left out
		// of a person's name
		if e.Type == "PER" && first > 0 && toks[first-1].NER == "O" && isCapitalised(toks[first-1].Text) &&
			surnameParticles[toks[first-1].Text] && !sentenceStart(r.doc, first-1) {
			first--
		}
		// a party or organisation word right before a person's name that
		// the recogniser left out ("Conservative Graham Brady"): addSpan
		// splits it off again as a mention of its own
		if e.Type == "PER" && first > 0 && toks[first-1].NER == "O" && isCapitalised(toks[first-1].Text) {
			if g, ok := gazetteer.Lookup(toks[first-1].Text); ok && g.Type == kg.Org {
				first--
			}
			// "Prince Harry", "Lord Falconer": a royal or noble title is part of the name
			if first > 0 && notTitles[strings.ToLower(toks[first-1].Text)] {
				first--
			}
		}
		r.addSpan(first, last, e.Type)
	}
	r.properNounsLeftOut()
	r.joinNewspaperNames()
	r.dropNonNames()
	r.index()
}

// possessiveName reads a name that a recogniser split at a possessive,
// from entity k on: "St James's Palace", "St Egwin's Middle School" (a
// building word ends it), "Lewis Boys' School", "Workers' Educational
// Association" (a plural possessive before an organisation's name). It
// returns the end of the whole name and the index of the last entity it
// takes in, or 0 when there is no such name. A known place's possessive
// is not part of a name: "London's Leicester Square".
func (r *reading) possessiveName(ents []nlp.Entity, k int) (end, next int) {
	toks := r.doc.Tokens
	e := ents[k]
	p := e.Last // capitalised words the recogniser left out before the possessive: "Boys"
	for p < e.Last+2 && p < len(toks) && toks[p].NER == "O" && strings.HasPrefix(toks[p].POS, "NNP") && isCapitalised(toks[p].Text) {
		p++
	}
	if p+1 >= len(toks) || !isPossessive(toks[p].Text) || gazetteerName(r.doc.Text[toks[e.First].Start:toks[p-1].End]) != "" {
		return 0, 0
	}
	plural := (toks[p].Text == "'" || toks[p].Text == "’") && strings.HasSuffix(toks[p-1].Text, "s")
	end, next = -1, k
	if k+1 < len(ents) && ents[k+1].First == p+1 && ents[k+1].Last <= p+4 {
		end, next = ents[k+1].Last, k+1
	} else {
		// the name after the possessive, which the recogniser left out
		q := p + 1
		for q < len(toks) && q < p+4 && toks[q].NER == "O" && isCapitalised(toks[q].Text) {
			q++
		}
		// (not "Columbia's Court of Appeals": the name goes on)
		if q > p+1 && !strings.EqualFold(r.tok(q), "of") {
			end = q
		}
	}
	if end < 0 || strings.Contains(r.doc.Text[toks[e.First].Start:toks[end-1].End], "\n") {
		return 0, 0
	}
	head := toks[end-1].Text
	if buildingWords[head] || plural && orgNameWords[head] {
		return end, next
	}
	return 0, 0
}

// ofAndName reads an organisation's name of the form "X of A and B" that
// a recogniser ended at the "and" or cut at the "of", from entity k on:
// "Fife College of Further" + "and Higher Education", "Fife College" +
// "of Further" + "and Higher Education". X ends in a word that ends
// organisations' names (College, Department, Institute), A is one word
// and B up to three, in the same line; neither is a known name ("Bank of
// England and Wales" stays apart), nor is B opened by a given name ("Bank
// of Ruritania and John Smith"); B is often typed a person's by the
// recogniser ("Higher Education"), so its type is not asked. It returns
// the end of the whole name and the index of the last entity it takes in,
// or 0.
func (r *reading) ofAndName(ents []nlp.Entity, k int) (end, next int) {
	toks := r.doc.Tokens
	e := ents[k]
	if e.Type != "ORG" {
		return 0, 0
	}
	next = k
	n := e.Last // the "and"
	if e.Last-e.First < 3 || toks[n-2].Text != "of" {
		// "Fife College" + "of Further": A after the entity, alone or as
		// an entity of its own
		if n+2 >= len(toks) || toks[n].Text != "of" {
			return 0, 0
		}
		if k+1 < len(ents) && ents[k+1].First == n+1 {
			if ents[k+1].Last != n+2 {
				return 0, 0
			}
			next = k + 1
		} else if toks[n+1].NER != "O" {
			return 0, 0
		}
		n += 2
	}
	if n+1 >= len(toks) || toks[n].Text != "and" || !orgNameWords[toks[n-3].Text] ||
		!isCapitalised(toks[n-1].Text) || gazetteerName(toks[n-1].Text) != "" {
		return 0, 0
	}
	end = n + 1
	if next+1 < len(ents) && ents[next+1].First == n+1 {
		if ents[next+1].Last-ents[next+1].First > 3 {
			return 0, 0
		}
		end, next = ents[next+1].Last, next+1
	} else {
		for end < len(toks) && end < n+4 && toks[end].NER == "O" && strings.HasPrefix(toks[end].POS, "NNP") {
			end++
		}
	}
	if end == n+1 || nlp.IsFirstName(toks[n+1].Text) || gazetteerName(r.doc.Text[toks[n+1].Start:toks[end-1].End]) != "" ||
		strings.Contains(r.doc.Text[toks[e.First].Start:toks[end-1].End], "\n") {
		return 0, 0
	}
	for i := n + 1; i < end; i++ {
		if !isCapitalised(toks[i].Text) {
			return 0, 0
		}
	}
	// B is no institution of its own: "Department of Health" + "and State
	// University" (but "Association of Payment and Clearing Services")
	if h := toks[end-1].Text; orgNameWords[h] && !strings.HasSuffix(h, "s") {
		return 0, 0
	}
	return end, next
}

// surnameLike reports whether token i may end a person's name: a
// capitalised word that is no title, honorific, month, day, nationality,
// known place or organisation, and no word that ends organisations' names.
func (r *reading) surnameLike(i int) bool {
	t := r.tok(i)
	return isCapitalised(t) && !isAcronym(t) && !nlp.IsTitle(t) && !nlp.IsHonorific(t) && !nlp.IsTimeWord(t) && !nlp.IsDemonym(t) &&
		gazetteerName(t) == "" && !orgNameWords[t] && !mediaHeads[t] && !clubWords[t] && !nlp.IsCompanySuffix(t) &&
		!r.isTitleWord(i, false)
}

// mediaOpeners open broadcasters' names: "Radio Farda", "TV Azteca".
var mediaOpeners = set(`Radio Television TV`)

// mediaHeads end newspapers' names: "Newcastle Evening Chronicle".
var mediaHeads = set(`Chronicle Times Post Herald Echo Gazette Standard Mail Express Telegraph
	Journal Observer Mirror Record Courier Argus Sentinel Tribune Examiner`)

// joinNewspaperNames makes one organisation of a city and the newspaper
// name after it that were found apart: "Newcastle" + "Evening Chronicle".
func (r *reading) joinNewspaperNames() {
	sort.SliceStable(r.ments, func(i, j int) bool { return r.ments[i].first < r.ments[j].first })
	out := r.ments[:0]
	for k := 0; k < len(r.ments); k++ {
		a := r.ments[k]
		if k+1 < len(r.ments) {
			b := r.ments[k+1]
			// (a place of two words too: "South Wales" + "Evening Post")
			if b.first == a.last && (a.last-a.first == 1 || a.last-a.first == 2 && a.typ == kg.Place) && a.typ != kg.Person && b.typ == kg.Org &&
				mediaHeads[r.doc.Tokens[b.last-1].Text] && a.sent == b.sent {
				a = &mention{first: a.first, last: b.last, start: a.start, end: b.end,
					text: r.doc.Text[a.start:b.end], typ: kg.Org, ent: -1, sent: a.sent}
				k++
			}
		}
		out = append(out, a)
	}
	r.ments = out
}

// workNouns name what a title names: "the film Shall We Dance?", "his new
// book, Lawless World,". Works are not people, organisations or places.
var workNouns = set(`film movie book novel memoir autobiography biography play musical opera album
	song single documentary manifesto poem painting sitcom drama`)

// eventWords end names of events, days and documents, which GUIDE.md does
// not count as entities: "Kyoto Protocol", "Holocaust Memorial Day".
var eventWords = set(`Protocol Treaty Accord Accords Agreement Convention Constitution Day Week Act Bill
	Festival Awards Prize Games Olympics Championship Championships Cup Trophy Open Expo Lecture`)

// dropNonNames removes what a recogniser takes for a name but the text
// shows is not one: titles of works (every mention of the title once one
// follows a work noun), events and documents, and a sentence's first word
// that the tagger reads as a verb ("Born in 1942 ...").
func (r *reading) dropNonNames() {
	toks := r.doc.Tokens
	works := map[string]bool{}
	for _, m := range r.ments {
		i := m.first - 1
		if i >= 0 && toks[i].Text == "," {
			i--
		}
		if i >= 0 && workNouns[strings.ToLower(toks[i].Text)] {
			works[m.text] = true
		}
	}
	sentStart := map[int]bool{}
	for _, s := range r.doc.Sentences {
		sentStart[s.First] = true
	}
	kept := r.ments[:0]
	for _, m := range r.ments {
		known := m.canon != ""
		switch {
		case works[m.text] && !known:
		case eventWords[toks[m.last-1].Text] && m.last-m.first >= 2 && !known:
		case m.last-m.first == 1 && sentStart[m.first] && !known && strings.HasPrefix(toks[m.first].POS, "VB") &&
			toks[m.first].Text != strings.ToUpper(toks[m.first].Text):
		default:
			kept = append(kept, m)
		}
	}
	r.ments = kept
}

// properNounsLeftOut adds the runs of proper nouns (POS NNP/NNPS,
// capitalised, not opening a sentence) that the recogniser left out and no
// mention covers: "Mr Sands told Newsnight" names Newsnight although a
// recogniser trained on Reuters has not seen it. Titles, honorifics,
// months, days and nationality words are not names. The type is the
// gazetteer's, else a person for two or three words, else an organisation.
func (r *reading) properNounsLeftOut() {
	toks := r.doc.Tokens
	covered := make([]bool, len(toks))
	for _, m := range r.ments {
		for i := m.first; i < m.last && i < len(toks); i++ {
			covered[i] = true
		}
	}
	sentStart := make([]bool, len(toks))
	for _, s := range r.doc.Sentences {
		if s.First < len(toks) {
			sentStart[s.First] = true
		}
	}
	name := func(i int) bool {
		t := toks[i]
		if covered[i] || t.NER != "O" || (t.POS != "NNP" && t.POS != "NNPS") || !isCapitalised(t.Text) {
			return false
		}
		// "Evening Chronicle", "Sunday Times": a time word opens a newspaper's name
		timeWord := nlp.IsTimeWord(t.Text) && !(i+1 < len(toks) && mediaHeads[toks[i+1].Text])
		return !nlp.IsTitle(t.Text) && !timeWord && !nlp.IsDemonym(t.Text) && !nlp.IsHonorific(t.Text)
	}
	for i := 0; i < len(toks); i++ {
		// "BBC Radio 4's Today programme", "the Newsnight show": a programme's
		// name, even a time word, before "programme" or "show"
		// (a name the recogniser found for the programme's first words,
		// "Breakfast" of "Breakfast with Frost", gives way to it)
		startsMention := covered[i] && (i == 0 || !covered[i-1])
		if (!covered[i] || startsMention) && isCapitalised(toks[i].Text) && !sentStart[i] && i > 0 &&
			(isPossessive(toks[i-1].Text) || strings.EqualFold(toks[i-1].Text, "the")) {
			j := i + 1 // "Breakfast with Frost", "Talking Point"
			for j < len(toks) && j < i+5 && (isCapitalised(toks[j].Text) || toks[j].Text == "with" || toks[j].Text == "at") {
				j++
			}
			programme := j < len(toks) && (toks[j].Text == "programme" || toks[j].Text == "show") &&
				!strings.Contains(r.doc.Text[toks[i].Start:toks[j].Start], "\n")
			if startsMention && !(programme && j > i+1 && !covered[j-1]) {
				programme = false // only a name the recogniser cut short
			}
			if programme || !covered[i] && j == i+1 && toks[i].NER == "O" && i >= 2 && isPossessive(toks[i-1].Text) && r.broadcaster(i-2) {
				if startsMention {
					r.ments = slices.DeleteFunc(r.ments, func(m *mention) bool { return m.first >= i && m.last <= j })
				}
				for k := i; k < j; k++ {
					covered[k] = true
				}
				r.addSpan(i, j, "ORG")
				i = j - 1
				continue
			}
		}
		// "a Premier League spokesman": a name the gazetteer knows, of words
		// the recogniser left out, even one opening with a title ("Premier")
		if !covered[i] && toks[i].NER == "O" && isCapitalised(toks[i].Text) {
			known := 0
			for n := 4; n >= 2 && known == 0; n-- {
				if i+n > len(toks) || r.doc.SentenceOf(i+n-1) != r.doc.SentenceOf(i) {
					continue
				}
				ok := true
				for k := i; k < i+n; k++ {
					ok = ok && !covered[k] && toks[k].NER == "O" && (isCapitalised(toks[k].Text) || nameParticles[toks[k].Text])
				}
				text := r.doc.Text[toks[i].Start:toks[i+n-1].End]
				if g, found := gazetteer.Lookup(text); ok && found && g.Type != kg.Person && !strings.Contains(text, "\n") {
					known = n
					r.addSpan(i, i+n, map[string]string{kg.Place: "LOC", kg.Org: "ORG"}[g.Type])
				}
			}
			if known > 0 {
				for k := i; k < i+known; k++ {
					covered[k] = true
				}
				i += known - 1
				continue
			}
		}
		// "the Queen", "the Pope": a royal or religious title alone names a person
		if !covered[i] && toks[i].NER == "O" && notTitles[strings.ToLower(toks[i].Text)] && isCapitalised(toks[i].Text) &&
			i > 0 && strings.EqualFold(toks[i-1].Text, "the") && (i+1 >= len(toks) || !isCapitalised(toks[i+1].Text)) {
			r.addSpan(i, i+1, "PER")
			continue
		}
		// "Liberal leader Jeremy Thorpe", "Conservative peer Lord Heseltine":
		// a party or country opening a sentence before a title
		if sentStart[i] && !covered[i] && toks[i].NER == "O" && i+1 < len(toks) && r.isTitleWord(i+1, false) {
			if g, ok := gazetteer.Lookup(toks[i].Text); ok {
				r.addSpan(i, i+1, map[string]string{kg.Place: "LOC", kg.Org: "ORG"}[g.Type])
				continue
			}
			// "PCS leader Mark Serwotka": an acronym before a title is a body
			if isAcronym(toks[i].Text) {
				r.addSpan(i, i+1, "ORG")
				continue
			}
		}
		if !name(i) || sentStart[i] || (i > 0 && isCapitalised(toks[i-1].Text) && !covered[i-1]) {
			continue
		}
		j := i + 1
		for j < len(toks) && name(j) && !sentStart[j] {
			j++
		}
		typ := "ORG"
		if g, ok := gazetteer.Lookup(r.doc.Text[toks[i].Start:toks[j-1].End]); ok {
			typ = map[string]string{kg.Place: "LOC", kg.Org: "ORG"}[g.Type]
		} else if j-i >= 2 && j-i <= 3 && !mediaHeads[toks[j-1].Text] && !orgNameWords[toks[j-1].Text] {
			typ = "PER"
		}
		if typ != "" {
			r.addSpan(i, j, typ)
		}
		i = j - 1
	}
}

// broadcaster reports whether token i ends a broadcaster's name before a
// possessive: "BBC Radio 4's Today", "ITV's News at Ten".
func (r *reading) broadcaster(i int) bool {
	for k := i; k >= 0 && k >= i-3; k-- {
		switch r.doc.Tokens[k].Text {
		case "BBC", "ITV", "Radio", "Channel", "Sky", "CNN", "NBC", "CBS":
			return true
		}
	}
	return false
}

// notTitles are title-like words that belong to a name: "Prince Harry",
// "Lord Falconer", "Queen Elizabeth II".
var notTitles = set(`prince princess king queen lord lady baroness baron sir dame duke duchess earl
	pope sheikh ayatollah rabbi`)

// addSpan turns the recognised name in tokens [first, last) into mentions,
// mending what recognisers get wrong at a name's edges: a leading "the", a
// trailing possessive, a place or adjective run into the name ("UK Foreign
// Secretary Jack Straw", "Russian President Vladimir Putin"), a title run
// into it ("Planning Minister Julio De Vido") and a trailing "of PLACE"
// ("Nestor Kirchner of Argentina").
func (r *reading) addSpan(first, last int, nerType string) {
	// addSpan splits a span and calls itself on the parts, and some rules
	// widen a span again; the depth bound makes sure no pair of rules can
	// hand one span back and forth for ever (it did: "Scottish Daily Mail")
	if r.spanDepth > 8 {
		return
	}
	r.spanDepth++
	defer func() { r.spanDepth-- }()
	toks := r.doc.Tokens
	for first < last && (toks[first].Text == "the" || toks[first].Text == "The") {
		first++
	}
	for last > first && (isPossessive(toks[last-1].Text) || isLowerWord(toks[last-1].Text) && (!nameParticles[toks[last-1].Text] || last-first > 1)) {
		last-- // "Edward will", "MEPs of": a name does not end in a lower-case word
	}
	if first >= last {
		return
	}
	text := func(i, j int) string { return r.doc.Text[toks[i].Start:toks[j-1].End] }
	// a known name the recogniser cut short: "Premier" + "League"
	for k := 2; k >= 1; k-- {
		if first-k >= 0 && isCapitalised(toks[first-k].Text) && toks[first-k].Text != "The" {
			if _, ok := gazetteer.Lookup(text(first-k, last)); ok {
				first -= k
				break
			}
		}
	}
	// "the Newcastle" + "Evening Chronicle": a city the recogniser left
	// out before a newspaper's name
	if nerType == "ORG" && first > 0 && mediaHeads[toks[last-1].Text] && isCapitalised(toks[first-1].Text) {
		// a city's name, not an adjective: "the Scottish Daily Mail" is the
		// Daily Mail's Scottish edition, split off again below
		if first >= 2 && toks[first-2].NER == "B-LOC" && toks[first-1].NER == "I-LOC" {
			first -= 2 // "the South Wales Evening Post": a two-word place the recogniser found
		} else if g, ok := gazetteer.Lookup(toks[first-1].Text); ok && g.Type == kg.Place && !gazetteer.IsAdjective(toks[first-1].Text) {
			first--
		}
	}
	// "director general of Entertainment and" + "Interactive Media
	// Publishers Association": a word the recogniser left out before "and"
	if nerType == "ORG" && first >= 3 && strings.EqualFold(toks[first-1].Text, "and") && orgNameWords[toks[last-1].Text] &&
		toks[first-2].NER == "O" && isCapitalised(toks[first-2].Text) && gazetteerName(toks[first-2].Text) == "" {
		if w := strings.ToLower(toks[first-3].Text); w == "of" || w == "the" || w == "at" || w == "for" {
			first -= 2
		}
	}
	// "Moscow-backed", "Labour-led": a compound adjective, not a name
	if last-first == 1 {
		if t := toks[first].Text; strings.Contains(t, "-") && isLowerWord(t[strings.LastIndex(t, "-")+1:]) {
			return
		}
	}
	// "Paris-based Euronext": the place is read by basedIn, the name starts after it
	if last-first >= 2 && strings.HasSuffix(toks[first].Text, "-based") {
		first++
	}
	// "Ex-Labour": the name inside a hyphenated former-prefix
	if last-first >= 2 {
		if t := toks[first].Text; strings.HasPrefix(strings.ToLower(t), "ex-") {
			if g, ok := gazetteer.Lookup(t[3:]); ok {
				r.ments = append(r.ments, &mention{first: first, last: first + 1, start: toks[first].Start + 3, end: toks[first].End,
					text: t[3:], typ: g.Type, canon: g.Name, ent: -1, sent: r.doc.SentenceOf(first)})
				first++
			}
		}
	}
	// a known place, adjective or organisation at the front of a longer name
	for n := last - first - 1; n >= 1; n-- {
		g, ok := gazetteer.Lookup(text(first, first+n))
		if !ok || !isCapitalised(toks[first+n].Text) {
			continue
		}
		if _, whole := gazetteer.Lookup(text(first, last)); whole {
			break
		}
		// "UK Foreign Secretary Jack Straw", or a person's full name after a
		// party or country ("Conservative Graham Brady")
		rest := last - first - n
		// the rest is a person's name when the recogniser said so, or when
		// it starts with a known given name whatever type the whole got
		restType := nerType
		if rest >= 2 && nlp.IsFirstName(toks[first+n].Text) && !orgNameWords[toks[last-1].Text] {
			restType = "PER"
		}
		personRest := restType == "PER" && rest >= 2 && !orgNameWords[toks[last-1].Text]
		// "US Federal Reserve": a place before a known organisation
		if ro, ok := gazetteer.Lookup(text(first+n, last)); ok && ro.Type == kg.Org && g.Type == kg.Place {
			r.addSpan(first, first+n, "LOC")
			r.addSpan(first+n, last, "ORG")
			return
		}
		if r.titleRun(first+n, last) && !notTitles[strings.ToLower(toks[first+n].Text)] || personRest {
			r.addSpan(first, first+n, map[string]string{kg.Place: "LOC", kg.Org: "ORG"}[g.Type])
			r.addSpan(first+n, last, restType)
			return
		}
	}
	// a title alone ("Attorney General", "PM") is a description, not a name
	allTitle := true
	for i := first; i < last; i++ {
		allTitle = allTitle && r.isTitleWord(i, false)
	}
	if _, known := gazetteer.Lookup(text(first, last)); allTitle && !known {
		if last-first > 1 || !notTitles[strings.ToLower(toks[first].Text)] {
			return
		}
		nerType = "PER" // "the Queen", "the Pope": a royal or religious title alone is a person
	}
	// titles in front of a person's name are not part of it
	k := first
	for k < last-1 && isCapitalised(toks[k].Text) && r.isTitleWord(k, false) && !notTitles[strings.ToLower(toks[k].Text)] {
		k++
	}
	// but a name that only opens with a title-like word is not a title and
	// a name: "New York Stock Exchange", "National Archives", "Board of ..."
	if k > first && r.titleRun(first, k) && (nerType == "PER" || !orgNameWords[toks[last-1].Text] && last-k <= 3) {
		if _, ok := gazetteer.Lookup(text(first, last)); !ok {
			first, nerType = k, "PER"
		}
	}
	// a title inside the span: "Suffolk Chief Constable Alastair McWhirter"
	for i := first + 1; i < last-2; i++ {
		if !r.isTitleWord(i, false) || !isCapitalised(toks[i].Text) || notTitles[strings.ToLower(toks[i].Text)] || r.isTitleWord(i-1, false) {
			continue
		}
		j := i
		for j < last && r.isTitleWord(j, false) {
			j++
		}
		if ts, ok := r.readTitle(i, j); ok && ts.role.predicate != "" && last-j >= 2 && !orgNameWords[toks[last-1].Text] && isCapitalised(toks[i-1].Text) {
			typ := "ORG"
			if g, ok := gazetteer.Lookup(text(first, i)); ok && g.Type == kg.Place {
				typ = "LOC"
			}
			r.addSpan(first, i, typ)
			r.addSpan(j, last, "PER")
			return
		}
		break
	}
	// "Nestor Kirchner of Argentina"
	for i := first + 1; i < last-1; i++ {
		if toks[i].Text != "of" {
			continue
		}
		if g, ok := gazetteer.Lookup(text(i+1, last)); ok && g.Type == kg.Place && nerType == "PER" {
			r.addSpan(first, i, "PER")
			r.addSpan(i+1, last, "LOC")
			return
		}
	}
	name := text(first, last)
	if last-first >= 2 && (nlp.IsHonorific(toks[first].Text) || honours[toks[first].Text]) && !orgNameWords[toks[last-1].Text] {
		nerType = "PER" // "Dr Alvin Gruber" is a person whatever the recogniser said
	}
	// "Mr Perez", "Dr Greenspan": the recogniser leaves an honorific out of
	// the name, but a name right after one is a person's whatever type the
	// recogniser gave it (a country or city's name there is a surname:
	// "Mr Jordan")
	honorific := first > 0 && nlp.IsHonorific(toks[first-1].Text) && !orgNameWords[toks[last-1].Text] && !nlp.IsCompanySuffix(toks[last-1].Text)
	if honorific {
		nerType = "PER"
	}
	if last-first >= 2 && (orgNameWords[toks[last-1].Text] || nlp.IsCompanySuffix(toks[last-1].Text)) && nerType != "MISC" {
		nerType = "ORG" // "Standard Life Investments", "Tata Group": what the name ends in says what it is
	}
	if last-first >= 2 && nerType == "LOC" && mediaHeads[toks[last-1].Text] && !buildingWords[toks[last-1].Text] {
		nerType = "ORG" // "South Wales Evening Post", "Washington Post": a newspaper
	}
	if last-first >= 2 && mediaOpeners[toks[first].Text] && nerType != "PER" {
		nerType = "ORG" // "Radio Farda", "Television Espanola": a broadcaster, not a place
	}
	if nerType == "ORG" && strings.HasSuffix(toks[last-1].Text, "shire") {
		nerType = "LOC" // "Worcestershire": a county
	}
	m := &mention{first: first, last: last, start: toks[first].Start, end: toks[last-1].End,
		text: name, ent: -1, sent: r.doc.SentenceOf(first)}
	if g, ok := gazetteer.Lookup(name); ok && !(nerType == "ORG" && g.Type == kg.Place && isClub(name)) && !(honorific && g.Type != kg.Person) {
		// the gazetteer names it, unless a city is a club here ("Newcastle
		// have fined their striker"); a city standing for its government
		// stays a place, as the guide keeps "Washington" and "Beijing"
		m.typ, m.canon = g.Type, g.Name
		if gazetteer.IsAdjective(name) {
			m.kind = byAdjective
		}
	} else if g, ok := gazetteer.LookupFold(name); ok && name == strings.ToUpper(name) && len(name) > 3 {
		m.typ, m.canon = g.Type, g.Name
	} else {
		switch nerType {
		case "PER":
			m.typ = kg.Person
		case "ORG":
			m.typ = kg.Org
		case "LOC":
			m.typ = kg.Place
		default:
			// MISC that names no place (events, religions, products) is
			// left out, unless an organisation word heads it: "Commission for Africa"
			if !orgNameWords[toks[first].Text] && !orgNameWords[toks[last-1].Text] {
				return
			}
			m.typ = kg.Org
		}
	}
	r.ments = append(r.ments, m)
}

// titleRun reports whether the title-like words from token i on (up to
// last) hold a title itself ("minister", "spokesman", "chief executive"),
// not only words that go with titles ("new", "national", "board").
func (r *reading) titleRun(i, last int) bool {
	for ; i < last && r.isTitleWord(i, false); i++ {
		w := strings.ToLower(r.tok(i))
		if _, ok := titles[w]; ok {
			return true
		}
		if isPluralTitle(w) && !nationalityOnly[strings.TrimSuffix(w, "s")] {
			return true // "aides", "MPs"; an occupation is no post ("tycoons")
		}
	}
	return false
}

// index rebuilds the token -> mention map after mentions change.
func (r *reading) index() {
	sort.SliceStable(r.ments, func(i, j int) bool { return r.ments[i].first < r.ments[j].first })
	r.byTok = make([]int, len(r.doc.Tokens))
	for i := range r.byTok {
		r.byTok[i] = -1
	}
	for k, m := range r.ments {
		for i := m.first; i < m.last; i++ {
			r.byTok[i] = k
		}
	}
	r.relinkMentions()
}

func isPossessive(t string) bool { return t == "'s" || t == "’s" || t == "'" || t == "’" }

// words splits a name into its words, dropping initials' dots for comparison.
func words(name string) []string { return strings.Fields(name) }

func lastWord(name string) string {
	w := words(name)
	if len(w) == 0 {
		return ""
	}
	return w[len(w)-1]
}

// resolve groups mentions into entities: a gazetteer name is its canonical
// entity; a person's surname or first name joins the full name it belongs
// to; a short organisation name or acronym joins the longer one it abbreviates.
func (r *reading) resolve() {
	key := map[string]int{} // type + normalised name -> entity
	newEnt := func(name, typ string) int {
		r.ents = append(r.ents, &entity{name: name, typ: typ})
		k := len(r.ents) - 1
		key[typ+"|"+strings.ToLower(name)] = k
		return k
	}
	link := func(m *mention, k int) {
		m.ent = k
		e := r.ents[k]
		e.ments = append(e.ments, r.indexOf(m))
		if !containsFold(e.forms, m.text) {
			e.forms = append(e.forms, m.text)
		}
	}
	// 1. gazetteer names and full names (two words or more) found first
	for _, m := range r.ments {
		name := m.text
		if m.canon != "" {
			name = m.canon
		} else if m.typ != kg.Person || len(words(kg.NameKey(name))) < 2 {
			continue // "Putin", "Sir Edward": a short form, resolved below
		} else {
			name = withoutHonours(name)
		}
		k, ok := key[m.typ+"|"+strings.ToLower(name)]
		if !ok {
			k = r.samePerson(m, name)
		}
		if k < 0 {
			k = newEnt(name, m.typ)
		}
		link(m, k)
	}
	// 2. the rest: surnames, short organisation names, unknown places —
	// longer names first, so "LSE" in a headline finds the "London Stock
	// Exchange" of the body
	rest := make([]*mention, 0, len(r.ments))
	for _, m := range r.ments {
		if m.ent < 0 {
			rest = append(rest, m)
		}
	}
	// (nicknames last: "the Blues" finds the Chelsea named later)
	sort.SliceStable(rest, func(i, j int) bool {
		ni, nj := clubNicknames[rest[i].text] != nil, clubNicknames[rest[j].text] != nil
		if ni != nj {
			return nj
		}
		return len(words(rest[i].text)) > len(words(rest[j].text))
	})
	for _, m := range rest {
		if k := r.longerForm(m); k >= 0 {
			link(m, k)
			if isAcronym(m.text) {
				key[m.typ+"|"+strings.ToLower(m.text)] = k // "(PCS)" names it for later "PCS"
			}
			continue
		}
		if k, ok := key[m.typ+"|"+strings.ToLower(m.text)]; ok {
			link(m, k)
			continue
		}
		link(m, newEnt(m.text, m.typ))
	}
	// 3. a name the recogniser typed differently in different sentences
	// takes the type most of its mentions have ("Metlife" is an
	// organisation in three sentences and a place in one)
	for _, e := range r.ents {
		if gazetteerName(e.name) != "" || len(e.ments) < 2 {
			continue
		}
		votes := map[string]int{}
		for _, mi := range e.ments {
			m := r.ments[mi]
			if m.kind != byName || m.typ == kg.Person && e.typ == kg.Org && len(words(m.text)) == 1 && len(words(e.name)) >= 2 && !r.personLikeName(e.name) {
				continue // "Care" read as a person's name does not make Care International one
			}
			votes[m.typ]++
		}
		for t, n := range votes {
			if n > votes[e.typ] {
				e.typ = t
			}
		}
	}
	r.retypeByContext()
	// every mention takes its entity's type: "Anil" read as a place is
	// still Anil Ambani, and the rules that follow ask a mention's type
	for _, e := range r.ents {
		for _, mi := range e.ments {
			if m := r.ments[mi]; m.kind == byName {
				m.typ = e.typ
			}
		}
	}
	// 4. a longer organisation name later in the text names the short one
	for _, e := range r.ents {
		for _, f := range e.forms {
			if len(f) > len(e.name) && e.typ == kg.Org && gazetteerName(e.name) == "" {
				e.name = f
			}
		}
	}
}

func gazetteerName(name string) string {
	if g, ok := gazetteer.Lookup(name); ok {
		return g.Name
	}
	return ""
}

func (r *reading) indexOf(m *mention) int {
	for k, x := range r.ments {
		if x == m {
			return k
		}
	}
	return -1
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// samePerson finds an entity that a full name is another spelling of:
// "George Bush" for "George W. Bush" (same first and last word).
func (r *reading) samePerson(m *mention, name string) int {
	if m.typ != kg.Person {
		return -1
	}
	w := words(name)
	for k, e := range r.ents {
		if e.typ != kg.Person {
			continue
		}
		ew := words(e.name)
		// "Van Nistelrooy" after "Ruud van Nistelrooy": the surname with its particle
		if lw, lew := words(kg.NameKey(name)), words(kg.NameKey(e.name)); len(lw) >= 2 && len(lew) > len(lw) &&
			nameParticles[lw[0]] && slices.Equal(lw, lew[len(lew)-len(lw):]) {
			return k
		}
		if len(ew) >= 2 && ew[0] == w[0] && ew[len(ew)-1] == w[len(w)-1] {
			if len(w) > len(ew) {
				e.name = name
			}
			return k
		}
	}
	return -1
}

// longerForm finds the entity a short mention abbreviates: a person's
// surname ("Putin"), a royal's name ("Harry" for "Prince Harry"), the first
// words of an organisation ("Care" for "Care International") or its initials
// ("EU"). The nearest preceding mention wins when several fit.
func (r *reading) longerForm(m *mention) int {
	// "the Blues", "the Gunners": a club's nickname, when the article names the club
	for _, club := range clubNicknames[m.text] {
		for k, e := range r.ents {
			if e.typ == kg.Org && strings.EqualFold(e.name, club) {
				return k
			}
		}
	}
	// "the Public and Commercial Services Union (PCS)": an acronym in
	// brackets right after a name is that name's, whatever its letters
	if isAcronym(m.text) && r.tok(m.first-1) == "(" {
		if p := r.mentionAt(m.first - 2); p != nil && p.ent >= 0 && r.ents[p.ent].typ == kg.Org {
			return p.ent
		}
	}
	// a lone first name ("Anil", "Jeremy", "Sir Edward") may stand for the
	// one person of the article with that first name, never for two
	if w := words(kg.NameKey(m.text)); len(w) == 1 && !(m.typ == kg.Place && gazetteerName(m.text) != "") {
		n := 0
		for _, e := range r.ents {
			if ew := words(kg.NameKey(e.name)); e.typ == kg.Person && len(ew) >= 2 && ew[0] == w[0] {
				n++
			}
		}
		m.firstNameOK = n == 1
	}
	best, bestPos := -1, -1
	for k, e := range r.ents {
		if !abbreviates(m, e) {
			continue
		}
		pos := -1
		for _, mi := range e.ments {
			if r.ments[mi].first < m.first && r.ments[mi].first > pos {
				pos = r.ments[mi].first
			}
		}
		if best < 0 || pos > bestPos {
			best, bestPos = k, pos
		}
	}
	// "Care has since closed its offices" after "Care International": a
	// lone word the recogniser took for a person's, that opens the name of
	// one organisation of the article and is no given name, is that
	// organisation's short name, when the longer name cannot be a person's
	// (not "Dwain" for "Dwain Chambers" typed an organisation)
	if best < 0 && m.typ == kg.Person && m.kind == byName && len(words(m.text)) == 1 && !nlp.IsFirstName(m.text) {
		for k, e := range r.ents {
			if ew := words(e.name); e.typ == kg.Org && len(ew) >= 2 && ew[0] == m.text && !r.personLikeName(e.name) {
				if best >= 0 {
					return -1 // two organisations open with it
				}
				best = k
			}
		}
	}
	return best
}

func abbreviates(m *mention, e *entity) bool {
	if strings.EqualFold(m.text, e.name) {
		return true
	}
	mw, ew := words(m.text), words(e.name)
	if e.typ == kg.Person {
		// "Lord Kinnock" and "Sir Edward" are Neil Kinnock and Edward Heath:
		// compare without honorifics
		mw, ew = words(kg.NameKey(m.text)), words(kg.NameKey(e.name))
		if len(mw) == 1 && len(ew) >= 2 && !(m.typ == kg.Org && isAcronym(m.text)) {
			if m.typ == kg.Place && gazetteerName(m.text) != "" {
				return false
			}
			// a surname; or a first name when the article names no one
			// else so (longerForm sets firstNameOK)
			return mw[0] == ew[len(ew)-1] || mw[0] == ew[0] && m.firstNameOK
		}
		// "Van Nistelrooy" is Ruud van Nistelrooy: a surname with its particle
		if len(mw) >= 2 && len(ew) > len(mw) && nameParticles[mw[0]] && slices.Equal(mw, ew[len(ew)-len(mw):]) {
			return true
		}
		return false
	}
	if len(mw) >= len(ew) {
		return false
	}
	switch e.typ {
	case kg.Org:
		if m.typ == kg.Person {
			return false
		}
		if isAcronym(m.text) {
			return m.text == initials(ew)
		}
		// "United" for Manchester United, "City" for Leicester City: a club by its last word
		if len(mw) == 1 && len(ew) >= 2 && strings.EqualFold(mw[0], ew[len(ew)-1]) &&
			(isClub(e.name) || clubWords[ew[len(ew)-1]] && gazetteerName(ew[0]) != "") { // not "Shareholders United"
			return true
		}
		// "Newcastle" is not the "Newcastle Evening Chronicle": a city
		// opening a newspaper's name is not its short form
		if mediaHeads[ew[len(ew)-1]] && gazetteerName(m.text) != "" {
			return false
		}
		for i := range mw {
			if !strings.EqualFold(mw[i], ew[i]) {
				return false
			}
		}
		return true
	}
	return false
}

func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	for _, c := range s {
		if !unicode.IsUpper(c) {
			return false
		}
	}
	return true
}

func initials(ws []string) string {
	var b strings.Builder
	for _, w := range ws {
		if c := []rune(w)[0]; unicode.IsUpper(c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

func isCapitalised(s string) bool {
	for _, c := range s {
		return unicode.IsUpper(c)
	}
	return false
}

var (
	clubsOnce sync.Once
	clubs     map[string]bool
)

// isClub reports whether a name is a sports club in the recogniser's list.
func isClub(name string) bool {
	clubsOnce.Do(func() {
		clubs = map[string]bool{}
		for _, c := range nlp.GazetteerEntries("clubs") {
			clubs[c] = true
		}
	})
	return clubs[name]
}

// companyWords after "X's" or "X, the ..." say X is an organisation:
// "Metlife's chairman", "Metlife, the US's leading insurance company".
var companyWords = set(`chairman chairwoman chief executive ceo boss board shares shareholders stake
	profits profit sales revenue bid takeover subsidiary unit staff employees workers spokesman
	spokeswoman headquarters customers products brand stock`)

// retypeByContext corrects the type of an entity the gazetteer does not
// know when the article's words say what it is: "the city of X" (a place),
// "his wife X" (a person), "steel producer X", "X's chairman", "an analyst
// at X" (an organisation). Recognisers trained on Reuters often take an
// unknown company name for a place. Only entities change here: resolve then
// gives every mention its entity's type.
func (r *reading) retypeByContext() {
	for _, e := range r.ents {
		// "the Brazilian city of Porto Alegre", "the town of El Alto": a place
		if e.typ != kg.Place && gazetteerName(e.name) == "" {
			for _, mi := range e.ments {
				if m := r.ments[mi]; m.kind == byName && r.lower(m.first-1) == "of" && placeNouns[r.lower(m.first-2)] && !orgNouns[r.lower(m.first-2)] {
					e.typ = kg.Place
					break
				}
			}
		}
		// "his wife Audrey", "her son Ben", "his two sons, Avi and Joel": a
		// name after a family tie is a person
		if e.typ != kg.Person && gazetteerName(e.name) == "" {
			for _, mi := range e.ments {
				if m := r.ments[mi]; m.kind == byName && r.afterFamilyTie(m.first) {
					e.typ = kg.Person
					break
				}
			}
		}
	}
	for _, e := range r.ents {
		// "steel producer Krivorizhstal", "water firm Aguas Argentinas",
		// "newspaper Clarin": a name right after an organisation noun is
		// one, whatever the recogniser took it for
		if e.typ != kg.Org && gazetteerName(e.name) == "" && !nlp.IsFirstName(words(e.name)[0]) {
			for _, mi := range e.ments {
				if m := r.ments[mi]; m.kind == byName && m.first > 0 && orgNouns[r.tok(m.first-1)] && !nameNouns[r.tok(m.first-1)] {
					e.typ = kg.Org
					break
				}
			}
		}
	}
	// "Anil Ambani" beside "Mukesh Ambani": a full name that the
	// recogniser read as a person's wherever it stands whole, and that
	// shares its surname with a person of the article, is a relative's,
	// though the lone first name, a weaker call, outvoted it ("Anil" read
	// as an organisation)
	var relatives []*entity
	for _, e := range r.ents {
		if e.typ == kg.Person || gazetteerName(e.name) != "" || !r.personLikeName(e.name) {
			continue
		}
		perName, otherName := false, false
		for _, mi := range e.ments {
			if m := r.ments[mi]; m.kind == byName && strings.EqualFold(m.text, e.name) {
				perName = perName || m.typ == kg.Person
				otherName = otherName || m.typ != kg.Person
			}
		}
		if !perName || otherName {
			continue
		}
		w := words(kg.NameKey(e.name))
		for _, p := range r.ents {
			pw := words(kg.NameKey(p.name))
			if p != e && p.typ == kg.Person && len(pw) >= 2 && pw[len(pw)-1] == w[len(w)-1] && pw[0] != w[0] {
				relatives = append(relatives, e)
				break
			}
		}
	}
	for _, e := range relatives {
		e.typ = kg.Person
	}
	for _, e := range r.ents {
		if e.typ != kg.Place && e.typ != kg.Person || gazetteerName(e.name) != "" {
			continue
		}
		org := false
		for _, mi := range e.ments {
			m := r.ments[mi]
			if m.kind != byName {
				continue
			}
			next := m.last
			if e.typ == kg.Person {
				// "Unison, Britain's biggest union, said": a name the
				// recogniser took for a person's, in apposition to a phrase
				// that an organisation noun ends (not "Ann Lee, the union's
				// leader")
				if (r.tok(next) == "," || isDash(r.tok(next))) && r.orgApposition(next+1) {
					org = true
				}
				continue
			}
			if isPossessive(r.tok(next)) && companyWords[r.lower(next+1)] {
				org = true // "Metlife's chairman"
			}
			if r.tok(next) == "," || isDash(r.tok(next)) {
				// "Metlife, the US's leading insurance company", "IPCL - India's
				// second-largest petrochemicals company -"
				if w := r.lower(next + 1); (w == "the" || w == "a") && r.nounAfterWords(next+2, orgNouns) {
					org = true
				} else if pm := r.mentionAt(next + 1); pm != nil && pm != m && isPossessive(r.tok(pm.last)) && r.nounAfterWords(pm.last+1, orgNouns) {
					org = true
				}
			}
			if w := r.lower(m.first - 1); (w == "at" || w == "for") && nationalityOnly[r.lower(m.first-2)] {
				org = true // "an analyst at Gartmore"
			}
		}
		if org {
			e.typ = kg.Org
		}
	}
}

// afterFamilyTie reports whether the name at token i follows a family
// tie: "wife Audrey", "sons, Avi", "sons, Avi and Joel".
func (r *reading) afterFamilyTie(i int) bool {
	k := i - 1
	if r.tok(k) == "and" {
		p := r.mentionAt(k - 1)
		if p == nil {
			return false
		}
		k = p.first - 1
	}
	if r.tok(k) == "," {
		k--
	}
	t, ok := titles[r.lower(k)]
	if !ok {
		if s, plural := pluralTitles[r.lower(k)]; plural {
			t, ok = titles[s]
		}
	}
	return ok && t.predicate == kg.RelativeOf
}

// clubNicknames are what sports reports call clubs; a nickname joins the
// club only when the article names that club too.
var clubNicknames = map[string][]string{
	"Blues": {"Chelsea", "Everton", "Birmingham City", "Birmingham"}, "Gunners": {"Arsenal"},
	"Magpies": {"Newcastle United", "Newcastle"}, "Red Devils": {"Manchester United"},
	"Reds": {"Liverpool", "Manchester United"}, "Toffees": {"Everton"}, "Hammers": {"West Ham United", "West Ham"},
	"Spurs": {"Tottenham Hotspur", "Tottenham"}, "Villans": {"Aston Villa"}, "Saints": {"Southampton"},
	"Gers": {"Rangers"}, "Hoops": {"Celtic"},
}

// clubWords end football clubs' names, which go by them alone: "United", "Rovers".
var clubWords = set(`United City Rovers Athletic Wanderers Albion Hotspur Villa Rangers Celtic`)

// nameNouns are organisation nouns that also stand before places or
// people's names: "the party Labour" is rare, "council leader X" common.
var nameNouns = set(`party council court government team side club union`)

// nounAfterWords reports whether one of nouns comes within five tokens
// from i, through words, possessives and names ("the US's leading insurance company").
func (r *reading) nounAfterWords(i int, nouns map[string]bool) bool {
	for k := i; k < i+6 && k < len(r.doc.Tokens); k++ {
		w := r.lower(k)
		if nouns[w] {
			return true
		}
		if w == "," || w == "." || w == ";" {
			return false
		}
	}
	return false
}

// buildingWords name a building or place after a possessive: "St James's Palace".
var buildingWords = set(`Palace Square Hall Park Cathedral Church Hospital College School Bridge Street
	Road Gardens Abbey Castle Court House Chapel Field Green Lane Place Tower Theatre`)

// surnameParticles open surnames when capitalised: "Van Nistelrooy", "De Gaulle".
var surnameParticles = set(`Van Von De Da Di Du Der Den Del Della Le La Bin Al El Ter`)

// nameParticles are lower-case words inside names: "Aguas de Barcelona", "Ludwig van Beethoven".
var nameParticles = set(`de da di du van von der den del la le bin al el y of and`)

// honours lead a full name without being part of it: "Lord James Callaghan"
// is James Callaghan (the title stays an alias). Royal titles stay: "Prince
// Harry" is the name.
var honours = set(`Lord Lady Sir Dame Baroness Baron Rabbi Sheikh Dr Mr Mrs Ms`)

func withoutHonours(name string) string {
	w := words(name)
	for len(w) > 2 && honours[w[0]] {
		w = w[1:]
	}
	return strings.Join(w, " ")
}

// personLikeName reports whether name could be a person's full name: two
// or three capitalised words, none of them a known name (place,
// organisation) or a word that ends organisations' or newspapers' names.
func (r *reading) personLikeName(name string) bool {
	w := words(name)
	if len(w) < 2 || len(w) > 3 {
		return false
	}
	for _, x := range w {
		if !isCapitalised(x) || gazetteerName(x) != "" || orgNameWords[x] || mediaHeads[x] || clubWords[x] ||
			nlp.IsCompanySuffix(x) || nlp.IsTitle(x) {
			return false
		}
	}
	return true
}

// orgApposition reports whether the noun phrase from token i, opened by an
// article or a possessive name, is headed by an organisation noun that ends
// it: "the country's biggest union,", "Britain's largest bank.".
func (r *reading) orgApposition(i int) bool {
	k := i
	if w := r.lower(k); w == "the" || w == "a" || w == "an" {
		k++
	} else if pm := r.mentionAt(k); pm != nil && isPossessive(r.tok(pm.last)) {
		k = pm.last + 1
	} else {
		return false
	}
	for end := k + 5; k < end && k < len(r.doc.Tokens); k++ {
		if isPossessive(r.tok(k)) {
			continue // "the country's"
		}
		pos := r.doc.Tokens[k].POS
		if orgNouns[r.lower(k)] && strings.HasPrefix(pos, "NN") {
			switch next := r.tok(k + 1); next {
			case ",", ".", ";", ":", ")", "and":
				return true
			default:
				return isDash(next)
			}
		}
		if !(strings.HasPrefix(pos, "JJ") || strings.HasPrefix(pos, "NN") || pos == "CD" || pos == "RBS" || pos == "VBN") {
			return false
		}
	}
	return false
}

// sentenceStart reports whether token i opens a sentence of doc.
func sentenceStart(doc *nlp.Doc, i int) bool {
	s := doc.SentenceOf(i)
	return s >= 0 && s < len(doc.Sentences) && doc.Sentences[s].First == i
}
