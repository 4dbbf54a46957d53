// Package eval scores extractions against gold files with the rules of
// ../shared/eval/score.py (FORMAT.md), so `kg eval` and score.py give the
// same figures on the same output. It also finds a gold file's article text.
package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	kg "github.com/newsgraph/kg"
)

// Gold is one annotated article (FORMAT.md), plus where its text lives.
type Gold struct {
	Article   string        `json:"article"`
	Source    string        `json:"source,omitempty"` // path of the text, relative to the shared folder
	Date      *string       `json:"date"`
	Entities  []kg.Entity   `json:"entities"`
	Relations []kg.Relation `json:"relations"`
	Optional  []kg.Relation `json:"optional"`
	Forbidden []kg.Relation `json:"forbidden"`
	Meetings  []goldMeeting `json:"meetings"`
	Quotes    []kg.Quote    `json:"quotes"`

	names map[string]int // normalised name or alias -> entity index
	path  string
}

type goldMeeting struct {
	Participants []string `json:"participants"`
	Place        *string  `json:"place"`
	Date         *string  `json:"date"`
}

// Norm normalises a name as score.py does (kg.NameKey implements exactly
// its rules; names_test.go in this package pins them).
func Norm(s string) string { return kg.NameKey(s) }

// LoadGold reads one gold file.
func LoadGold(path string) (*Gold, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	g := &Gold{path: path}
	if err := json.Unmarshal(b, g); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	g.names = map[string]int{}
	for i, e := range g.Entities {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if _, ok := g.names[Norm(n)]; !ok {
				g.names[Norm(n)] = i
			}
		}
	}
	return g, nil
}

// LoadGoldDir reads every NAME.gold.json in dir, sorted by file name.
func LoadGoldDir(dir string) ([]*Gold, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no *.gold.json files in %s", dir)
	}
	sort.Strings(files)
	var out []*Gold
	for _, f := range files {
		g, err := LoadGold(f)
		if err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, nil
}

// Path is where the gold file was read from.
func (g *Gold) Path() string { return g.path }

func (g *Gold) resolve(name string, aliases ...string) (int, bool) {
	for _, n := range append([]string{name}, aliases...) {
		if i, ok := g.names[Norm(n)]; ok {
			return i, true
		}
	}
	return 0, false
}

type triple struct {
	s    int
	pred string
	o    int
}

func canon(s int, p string, o int) triple {
	if kg.Symmetric(p) && o < s {
		s, o = o, s
	}
	return triple{s, p, o}
}

func (g *Gold) triples(rels []kg.Relation, key string) (map[triple]bool, error) {
	out := map[triple]bool{}
	for _, r := range rels {
		s, ok1 := g.resolve(r.Subject)
		o, ok2 := g.resolve(r.Object)
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("gold %s: %s names an unknown entity: %s %s %s", g.Article, key, r.Subject, r.Predicate, r.Object)
		}
		out[canon(s, r.Predicate, o)] = true
	}
	return out, nil
}

func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > max {
		s = string(r[:max]) + "…"
	}
	return s
}

// PRF is precision, recall and F1.
type PRF struct{ P, R, F float64 }

func prf(tp, fp, fn int) PRF {
	var x PRF
	if tp+fp > 0 {
		x.P = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		x.R = float64(tp) / float64(tp+fn)
	}
	if x.P+x.R > 0 {
		x.F = 2 * x.P * x.R / (x.P + x.R)
	}
	return x
}

// ArticleResult holds one article's relation figures and errors.
type ArticleResult struct {
	Article   string
	Relations PRF
	TP, FP    int
	FN        int
	Missed    []string // gold relations not found
	Wrong     []string // system relations not in gold
	Forbidden []string // forbidden relations asserted
}

// Result holds the figures score.py prints.
type Result struct {
	Articles         int
	Missing          []string // gold articles with no system output
	Entities         PRF
	EntitiesTyped    PRF
	Relations        PRF
	TP, FP, FN       int
	ForbiddenCount   int
	Meetings         PRF
	MeetingDateAcc   *float64
	MeetingPlaceAcc  *float64
	QuotesFound      *float64
	QuoteSpeakerAcc  *float64
	PerArticle       []ArticleResult
	MeetingDateN     int
	MeetingPlaceN    int
	QuoteGold        int
	QuoteSystemCount int
}

func ratio(a, n int) *float64 {
	if n == 0 {
		return nil
	}
	v := float64(a) / float64(n)
	return &v
}

// Score compares system extractions with gold files, matched by the base
// name of their "article" fields.
func Score(golds []*Gold, system []*kg.Extraction) (*Result, error) {
	sys := map[string]*kg.Extraction{}
	for _, x := range system {
		sys[filepath.Base(x.Article)] = x
	}
	var c struct {
		etp, efp, efn, ttp, tfp, tfn, rtp, rfp, rfn, forb int
		mtp, mfp, mfn, mdate, mdateN, mplace, mplaceN     int
		qgold, qfound, qspeaker, qsys                     int
	}
	res := &Result{Articles: len(golds)}
	for _, g := range golds {
		art := filepath.Base(g.Article)
		x := sys[art]
		if x == nil {
			res.Missing = append(res.Missing, art)
			x = &kg.Extraction{}
		}
		// entities
		entMap := map[string]int{}
		matched, typed := map[int]bool{}, map[int]bool{}
		efp, tfp := 0, 0
		for _, e := range x.Entities {
			i, ok := g.resolve(e.Name, e.Aliases...)
			if ok {
				for _, n := range append([]string{e.Name}, e.Aliases...) {
					if _, seen := entMap[Norm(n)]; !seen {
						entMap[Norm(n)] = i
					}
				}
			}
			if !ok || matched[i] {
				efp++
				tfp++
				continue
			}
			matched[i] = true
			if strings.ToUpper(e.Type) == g.Entities[i].Type {
				typed[i] = true
			} else {
				tfp++
			}
		}
		ng := len(g.Entities)
		c.etp += len(matched)
		c.efp += efp
		c.efn += ng - len(matched)
		c.ttp += len(typed)
		c.tfp += tfp
		c.tfn += ng - len(typed)
		sysResolve := func(name string) (int, bool) {
			if i, ok := entMap[Norm(name)]; ok {
				return i, true
			}
			return g.resolve(name)
		}
		// relations
		goldT, err := g.triples(g.Relations, "relations")
		if err != nil {
			return nil, err
		}
		optT, err := g.triples(g.Optional, "optional")
		if err != nil {
			return nil, err
		}
		forbT, err := g.triples(g.Forbidden, "forbidden")
		if err != nil {
			return nil, err
		}
		sysT := map[triple]bool{}
		why := map[triple]string{} // the evidence sentence of each system triple
		type strTriple struct{ s, p, o string }
		unres := map[strTriple]bool{}
		for _, r := range x.Relations {
			s, ok1 := sysResolve(r.Subject)
			o, ok2 := sysResolve(r.Object)
			if !ok1 || !ok2 {
				unres[strTriple{Norm(r.Subject), r.Predicate, Norm(r.Object)}] = true
				continue
			}
			t := canon(s, r.Predicate, o)
			sysT[t] = true
			if _, ok := why[t]; !ok && len(r.Evidence) > 0 && r.Evidence[0] >= 0 && r.Evidence[0] < len(x.Sentences) {
				why[t] = x.Sentences[r.Evidence[0]].Text
			}
		}
		for t := range optT {
			delete(sysT, t)
		}
		goldReq := map[triple]bool{}
		for t := range goldT {
			if !optT[t] {
				goldReq[t] = true
			}
		}
		ar := ArticleResult{Article: art}
		name := func(t triple) string {
			return g.Entities[t.s].Name + " " + t.pred + " " + g.Entities[t.o].Name
		}
		for t := range sysT {
			if goldReq[t] {
				ar.TP++
			} else {
				ar.FP++
				w := name(t)
				if ev := why[t]; ev != "" {
					w += "  ← " + oneLine(ev, 160)
				}
				ar.Wrong = append(ar.Wrong, w)
			}
			if forbT[t] {
				c.forb++
				ar.Forbidden = append(ar.Forbidden, name(t))
			}
		}
		for t := range goldReq {
			if !sysT[t] {
				ar.FN++
				ar.Missed = append(ar.Missed, name(t))
			}
		}
		sort.Strings(ar.Wrong)
		var unk []string
		for t := range unres {
			unk = append(unk, t.s+" "+t.p+" "+t.o+" (unknown entity)")
		}
		sort.Strings(unk)
		ar.Wrong = append(ar.Wrong, unk...)
		ar.FP += len(unres)
		sort.Strings(ar.Missed)
		sort.Strings(ar.Forbidden)
		ar.Relations = prf(ar.TP, ar.FP, ar.FN)
		c.rtp += ar.TP
		c.rfp += ar.FP
		c.rfn += ar.FN
		res.PerArticle = append(res.PerArticle, ar)
		// meetings
		type gm struct {
			parts map[int]bool
			m     goldMeeting
		}
		var gms []gm
		for _, m := range g.Meetings {
			p := map[int]bool{}
			for _, n := range m.Participants {
				i, ok := g.resolve(n)
				if !ok {
					i = -1 // score.py keeps None in the set
				}
				p[i] = true
			}
			gms = append(gms, gm{p, m})
		}
		used := map[int]bool{}
		for _, sm := range x.Meetings {
			parts := map[int]bool{}
			for _, n := range sm.Participants {
				if i, ok := sysResolve(n); ok {
					parts[i] = true
				}
			}
			best, bj := -1, 0.0
			for k, g := range gms {
				if used[k] {
					continue
				}
				inter, union := 0, len(g.parts)
				for p := range parts {
					if g.parts[p] {
						inter++
					} else {
						union++
					}
				}
				j := 0.0
				if union > 0 {
					j = float64(inter) / float64(union)
				}
				if j > bj {
					best, bj = k, j
				}
			}
			if best >= 0 && bj >= 0.5 {
				used[best] = true
				c.mtp++
				m := gms[best].m
				if m.Date != nil && *m.Date != "" {
					c.mdateN++
					if strings.HasPrefix(sm.Date, *m.Date) {
						c.mdate++
					}
				}
				if m.Place != nil && *m.Place != "" {
					c.mplaceN++
					if sm.Place != "" {
						sp, ok1 := sysResolve(sm.Place)
						gp, ok2 := g.resolve(*m.Place)
						if ok1 == ok2 && sp == gp && ok1 || !ok1 && !ok2 {
							c.mplace++
						}
					}
				}
			} else {
				c.mfp++
			}
		}
		c.mfn += len(gms) - len(used)
		// quotes
		type sq struct {
			text    string
			speaker string
		}
		var sqs []sq
		for _, q := range x.Quotes {
			sqs = append(sqs, sq{Norm(q.Text), q.Speaker})
		}
		c.qsys += len(sqs)
		for _, q := range g.Quotes {
			c.qgold++
			gt := Norm(q.Text)
			found := false
			var speaker string
			for _, s := range sqs {
				if len([]rune(s.text)) >= 12 && (strings.Contains(s.text, gt) || strings.Contains(gt, s.text)) {
					found, speaker = true, s.speaker
					break
				}
			}
			if found {
				c.qfound++
				if speaker != "" {
					si, ok1 := sysResolve(speaker)
					gi, ok2 := g.resolve(q.Speaker)
					if ok1 == ok2 && (si == gi || !ok1) {
						c.qspeaker++
					}
				}
			}
		}
	}
	res.Entities = prf(c.etp, c.efp, c.efn)
	res.EntitiesTyped = prf(c.ttp, c.tfp, c.tfn)
	res.Relations = prf(c.rtp, c.rfp, c.rfn)
	res.TP, res.FP, res.FN = c.rtp, c.rfp, c.rfn
	res.ForbiddenCount = c.forb
	res.Meetings = prf(c.mtp, c.mfp, c.mfn)
	res.MeetingDateAcc = ratio(c.mdate, c.mdateN)
	res.MeetingPlaceAcc = ratio(c.mplace, c.mplaceN)
	res.QuotesFound = ratio(c.qfound, c.qgold)
	res.QuoteSpeakerAcc = ratio(c.qspeaker, c.qgold)
	res.MeetingDateN, res.MeetingPlaceN = c.mdateN, c.mplaceN
	res.QuoteGold, res.QuoteSystemCount = c.qgold, c.qsys
	return res, nil
}
