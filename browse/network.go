package browse

import (
	"context"
	"fmt"
	"regexp"
	"sort"

	"github.com/cayleygraph/quad"

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/graph"
)

// Filter says which part of the who-met-whom network to read.
type Filter struct {
	Around    []string // names of the people at the centre ("" or none: everyone)
	Hops      int      // how far from them (default 1)
	Since     string   // YYYY, YYYY-MM or YYYY-MM-DD; "" for no bound
	Until     string
	Relations bool // also the other relations (advises, envoy_of, ...) of the people shown
	MaxNodes  int  // keep at most this many people, nearest and best connected first (0: all)
}

var dateRe = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// Check reports a malformed filter.
func (f Filter) Check() error {
	for _, d := range []string{f.Since, f.Until} {
		if d != "" && !dateRe.MatchString(d) {
			return fmt.Errorf("date %q: give YYYY, YYYY-MM or YYYY-MM-DD", d)
		}
	}
	if f.Hops < 0 {
		return fmt.Errorf("hops %d: give 1 or more", f.Hops)
	}
	return nil
}

// inRange reports whether a date (of any precision) may lie between since
// and until: its period overlaps the range, so "2025" is in a range from
// 2025-03, and "" (no date) is in no bounded range.
func (f Filter) inRange(d string) bool {
	if f.Since == "" && f.Until == "" {
		return true
	}
	if d == "" {
		return false
	}
	cmp := func(a, b string) int {
		n := min(len(a), len(b))
		switch {
		case a[:n] < b[:n]:
			return -1
		case a[:n] > b[:n]:
			return 1
		}
		return 0
	}
	return (f.Since == "" || cmp(d, f.Since) >= 0) && (f.Until == "" || cmp(d, f.Until) <= 0)
}

// Network is the who-met-whom network: people, one pair per two people who
// met, and (when asked) the other relations of those people.
type Network struct {
	People    []Person `json:"people"`
	Pairs     []Pair   `json:"pairs"`
	Relations []Link   `json:"relations"`
	Others    []Ref    `json:"others"` // entities reached only by relations
	Focus     []string `json:"focus"`  // ids of the people at the centre
	Truncated bool     `json:"truncated,omitempty"`
}

// Person is a node of the network.
type Person struct {
	Ref
	Met int `json:"met"` // how many people they met (in the date range, in the whole graph)
}

// Pair is two people who met, with every meeting that says so.
type Pair struct {
	A        string    `json:"a"` // ids, A < B
	B        string    `json:"b"`
	Meetings int       `json:"meetings"` // distinct meetings (one date told by several articles is one)
	Dates    []string  `json:"dates"`    // the meetings' dates, where known
	Articles []Article `json:"articles"`
}

// Link is a relation other than met between two entities.
type Link struct {
	Subject   string    `json:"subject"` // ids
	Predicate string    `json:"predicate"`
	Object    string    `json:"object"`
	Articles  []Article `json:"articles"`
}

type pairKey struct{ a, b quad.IRI }

func newPairKey(x, y quad.IRI) pairKey {
	if y < x {
		x, y = y, x
	}
	return pairKey{x, y}
}

type pairAcc struct {
	meetings map[string]bool // date, or the meeting's IRI when undated
	dates    map[string]bool
	articles map[quad.IRI]bool
}

// Network reads the who-met-whom network: who met whom comes from the
// kg:Meeting nodes (people only) and from kg:met edges that no meeting
// carries. A meeting is dated by its own date, else by its article's
// publication date, for Since and Until.
//
// kg:met edges are found through the rdf:Statement that kg stores with
// every relation, and through the edges of the people at the centre: a
// store has no index by predicate. A kg:met edge imported without its
// statement (kg import of someone else's RDF) therefore shows only around
// one of its two people.
func (b *Browser) Network(ctx context.Context, f Filter) (*Network, error) {
	if err := f.Check(); err != nil {
		return nil, err
	}
	if f.Hops == 0 {
		f.Hops = 1
	}
	r := b.reader(ctx)
	isPerson := func(v quad.Value) (quad.IRI, bool) {
		i, ok := v.(quad.IRI)
		return i, ok && b.st.IRIs.TypeOfEntity(i) == kg.Person
	}
	pairs := map[pairKey]*pairAcc{}
	acc := func(k pairKey) *pairAcc {
		p := pairs[k]
		if p == nil {
			p = &pairAcc{meetings: map[string]bool{}, dates: map[string]bool{}, articles: map[quad.IRI]bool{}}
			pairs[k] = p
		}
		return p
	}
	// meetings
	var meetingNodes []quad.IRI
	err := r.each(quad.Object, graph.KGMeeting, func(q quad.Quad) {
		if m, ok := q.Subject.(quad.IRI); ok && q.Predicate == graph.RDFType {
			meetingNodes = append(meetingNodes, m)
		}
	})
	if err != nil {
		return nil, err
	}
	told := map[pairKey]map[quad.IRI]bool{} // pair -> articles whose meetings tell it
	for _, m := range meetingNodes {
		p, err := r.props(m)
		if err != nil {
			return nil, err
		}
		art, _ := first(p[graph.ProvDerived]).(quad.IRI)
		date := text(first(p[graph.KGDate]))
		when := date
		if when == "" && art != "" {
			when = r.article(art).Date
		}
		if !f.inRange(when) {
			continue
		}
		var people []quad.IRI
		for _, v := range p[graph.KGParticipant] {
			if i, ok := isPerson(v); ok {
				people = append(people, i)
			}
		}
		for i := range people {
			for j := i + 1; j < len(people); j++ {
				if people[i] == people[j] {
					continue
				}
				k := newPairKey(people[i], people[j])
				pa := acc(k)
				if date != "" {
					pa.meetings[date] = true
					pa.dates[date] = true
				} else {
					pa.meetings[string(m)] = true
				}
				if art != "" {
					pa.articles[art] = true
					if told[k] == nil {
						told[k] = map[quad.IRI]bool{}
					}
					told[k][art] = true
				}
			}
		}
	}
	// kg:met edges no meeting carries, found through their rdf:Statement
	// (every relation kg stores has one; a store has no predicate index,
	// so scanning kg:met itself would read every quad), and, for the
	// people at the centre, through their own edges too
	type metEdge struct {
		s, o quad.IRI
		art  quad.IRI
	}
	var edges []metEdge
	err = r.each(quad.Object, graph.Predicate(kg.Met), func(q quad.Quad) {
		if st, ok := q.Subject.(quad.IRI); ok && q.Predicate == graph.RDFPredicate {
			edges = append(edges, metEdge{s: st}) // resolved below
		}
	})
	if err != nil {
		return nil, err
	}
	for i, e := range edges {
		p, err := r.props(e.s)
		if err != nil {
			return nil, err
		}
		s, _ := first(p[graph.RDFSubject]).(quad.IRI)
		o, _ := first(p[graph.RDFObject]).(quad.IRI)
		art, _ := first(p[graph.ProvDerived]).(quad.IRI)
		edges[i] = metEdge{s, o, art}
	}
	centre, err := b.centre(ctx, f.Around)
	if err != nil {
		return nil, err
	}
	for _, c := range centre {
		for _, d := range []quad.Direction{quad.Subject, quad.Object} {
			err := r.each(d, c, func(q quad.Quad) {
				if q.Predicate == graph.Predicate(kg.Met) {
					s, _ := q.Subject.(quad.IRI)
					o, _ := q.Object.(quad.IRI)
					art, _ := q.Label.(quad.IRI)
					edges = append(edges, metEdge{s, o, art})
				}
			})
			if err != nil {
				return nil, err
			}
		}
	}
	for _, e := range edges {
		s, ok1 := isPerson(e.s)
		o, ok2 := isPerson(e.o)
		if !ok1 || !ok2 || s == o {
			continue
		}
		k := newPairKey(s, o)
		if told[k][e.art] {
			continue
		}
		if e.art != "" && !f.inRange(r.article(e.art).Date) || e.art == "" && !f.inRange("") {
			continue
		}
		pa := acc(k)
		if e.art != "" {
			pa.articles[e.art] = true
			pa.meetings["met "+string(e.art)] = true
		} else {
			pa.meetings["met"] = true
		}
	}

	// degrees over the whole (date-filtered) network
	partners := map[quad.IRI]map[quad.IRI]bool{}
	for k := range pairs {
		for _, x := range [][2]quad.IRI{{k.a, k.b}, {k.b, k.a}} {
			if partners[x[0]] == nil {
				partners[x[0]] = map[quad.IRI]bool{}
			}
			partners[x[0]][x[1]] = true
		}
	}

	// who to show: everyone, or the people within Hops of the centre
	out := &Network{People: []Person{}, Pairs: []Pair{}, Relations: []Link{}, Others: []Ref{}, Focus: []string{}}
	dist := map[quad.IRI]int{}
	if len(centre) > 0 {
		frontier := centre
		for _, c := range centre {
			dist[c] = 0
			out.Focus = append(out.Focus, b.ID(c))
		}
		for h := 1; h <= f.Hops && len(frontier) > 0; h++ {
			var next []quad.IRI
			for _, n := range frontier {
				for m := range partners[n] {
					if _, ok := dist[m]; !ok {
						dist[m] = h
						next = append(next, m)
					}
				}
			}
			frontier = next
		}
	} else {
		for n := range partners {
			dist[n] = 0
		}
	}
	shown := make([]quad.IRI, 0, len(dist))
	for n := range dist {
		shown = append(shown, n)
	}
	// nearest first, then the best connected, then by name
	sort.Slice(shown, func(i, j int) bool {
		a, b := shown[i], shown[j]
		if dist[a] != dist[b] {
			return dist[a] < dist[b]
		}
		if len(partners[a]) != len(partners[b]) {
			return len(partners[a]) > len(partners[b])
		}
		return r.label(a) < r.label(b)
	})
	if f.MaxNodes > 0 && len(shown) > f.MaxNodes {
		shown = shown[:f.MaxNodes]
		out.Truncated = true
	}
	in := map[quad.IRI]bool{}
	for _, n := range shown {
		in[n] = true
		out.People = append(out.People, Person{Ref: r.ref(n), Met: len(partners[n])})
	}
	for k, pa := range pairs {
		if !in[k.a] || !in[k.b] {
			continue
		}
		p := Pair{A: b.ID(k.a), B: b.ID(k.b), Meetings: len(pa.meetings), Dates: sortedKeys(pa.dates), Articles: []Article{}}
		for a := range pa.articles {
			p.Articles = append(p.Articles, r.article(a))
		}
		sort.Slice(p.Articles, func(i, j int) bool { return p.Articles[i].Name < p.Articles[j].Name })
		out.Pairs = append(out.Pairs, p)
	}
	sort.Slice(out.Pairs, func(i, j int) bool {
		if out.Pairs[i].A != out.Pairs[j].A {
			return out.Pairs[i].A < out.Pairs[j].A
		}
		return out.Pairs[i].B < out.Pairs[j].B
	})
	if f.Relations {
		if err := b.links(r, f, in, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// centre resolves the names of the people at the centre.
func (b *Browser) centre(ctx context.Context, names []string) ([]quad.IRI, error) {
	var out []quad.IRI
	for _, name := range names {
		if name == "" {
			continue
		}
		found, err := b.Resolve(ctx, name, kg.Person)
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%w: no person goes by %q", ErrNotFound, name)
		}
		out = append(out, found...)
	}
	return out, nil
}

// links adds the relations other than met that touch a person shown, and
// the entities at their other end.
func (b *Browser) links(r *reader, f Filter, in map[quad.IRI]bool, out *Network) error {
	type key struct {
		s, o quad.IRI
		p    string
	}
	found := map[key]map[quad.IRI]bool{}
	others := map[quad.IRI]bool{}
	// each person's own edges, both ways: indexed, unlike a predicate
	people := make([]quad.IRI, 0, len(in))
	for n := range in {
		people = append(people, n)
	}
	sort.Slice(people, func(i, j int) bool { return people[i] < people[j] })
	for _, n := range people {
		for _, d := range []quad.Direction{quad.Subject, quad.Object} {
			err := r.each(d, n, func(q quad.Quad) {
				p, isRel := relName(q.Predicate)
				s, ok1 := q.Subject.(quad.IRI)
				o, ok2 := q.Object.(quad.IRI)
				art, _ := q.Label.(quad.IRI)
				if !isRel || p == kg.Met || !ok1 || !ok2 {
					return
				}
				if (f.Since != "" || f.Until != "") && (art == "" || !f.inRange(r.article(art).Date)) {
					return
				}
				k := key{s, o, p}
				if found[k] == nil {
					found[k] = map[quad.IRI]bool{}
				}
				if art != "" {
					found[k][art] = true
				}
				for _, x := range []quad.IRI{s, o} {
					if !in[x] {
						others[x] = true
					}
				}
			})
			if err != nil {
				return err
			}
		}
	}
	for k, arts := range found {
		l := Link{Subject: b.ID(k.s), Predicate: k.p, Object: b.ID(k.o), Articles: []Article{}}
		for a := range arts {
			l.Articles = append(l.Articles, r.article(a))
		}
		sort.Slice(l.Articles, func(i, j int) bool { return l.Articles[i].Name < l.Articles[j].Name })
		out.Relations = append(out.Relations, l)
	}
	sort.Slice(out.Relations, func(i, j int) bool {
		a, c := out.Relations[i], out.Relations[j]
		if a.Subject != c.Subject {
			return a.Subject < c.Subject
		}
		if a.Predicate != c.Predicate {
			return relationOrder(a.Predicate) < relationOrder(c.Predicate)
		}
		return a.Object < c.Object
	})
	for o := range others {
		out.Others = append(out.Others, r.ref(o))
	}
	sort.Slice(out.Others, func(i, j int) bool { return out.Others[i].ID < out.Others[j].ID })
	return nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
