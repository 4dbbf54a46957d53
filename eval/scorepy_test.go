package eval

import (
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	kg "github.com/newsgraph/kg"
	"github.com/newsgraph/kg/loader"
)

// The Go scorer gives score.py's figures, to the last digit, on real
// extractions (with their misses and false positives) of the shared dev set
// and the project's own gold files.
func TestScoreEqualsScorePy(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed: cannot run score.py")
	}
	script := sharedPath(t, "eval/score.py")
	for _, dir := range []string{sharedPath(t, "eval/dev"), "../testdata/gold", "../testdata/heldout"} {
		golds, err := LoadGoldDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		x, err := loader.New()
		if err != nil {
			t.Fatal(err)
		}
		var system []*kg.Extraction
		out := filepath.Join(t.TempDir(), "system.jsonl")
		f, err := os.Create(out)
		if err != nil {
			t.Fatal(err)
		}
		enc := json.NewEncoder(f)
		for _, g := range golds {
			p, err := g.TextPath()
			if err != nil {
				t.Skip(err)
			}
			a, err := loader.ReadFile(p, g.Name(), loader.ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			e := x.Extract(a)
			e.Article = g.Name()
			system = append(system, e)
			if err := enc.Encode(e); err != nil {
				t.Fatal(err)
			}
		}
		f.Close()
		got, err := Score(golds, system)
		if err != nil {
			t.Fatal(err)
		}
		b, err := exec.Command(py, script, dir, out, "--json").Output()
		if err != nil {
			t.Fatalf("score.py: %v", err)
		}
		var want struct {
			Entities, EntitiesTyped, Relations, Meetings []float64
			Counts                                       struct{ TP, FP, FN int }
			Forbidden                                    int      `json:"forbidden_asserted"`
			DateAcc                                      *float64 `json:"meeting_date_acc"`
			PlaceAcc                                     *float64 `json:"meeting_place_acc"`
			QuotesFound                                  *float64 `json:"quotes_found"`
			SpeakerAcc                                   *float64 `json:"quote_speaker_acc"`
		}
		var raw map[string]json.RawMessage
		if err := json.Unmarshal(b, &raw); err != nil {
			t.Fatal(err)
		}
		json.Unmarshal(raw["entities"], &want.Entities)
		json.Unmarshal(raw["entities_typed"], &want.EntitiesTyped)
		json.Unmarshal(raw["relations"], &want.Relations)
		json.Unmarshal(raw["meetings"], &want.Meetings)
		json.Unmarshal(raw["relation_counts"], &want.Counts)
		json.Unmarshal(b, &want)
		near := func(name string, a, b float64) {
			if math.Abs(a-b) > 1e-9 {
				t.Errorf("%s: %s = %v, score.py says %v", dir, name, a, b)
			}
		}
		prf := func(name string, p PRF, w []float64) {
			if len(w) != 3 {
				t.Fatalf("%s: score.py gave %v for %s", dir, w, name)
			}
			near(name+" P", p.P, w[0])
			near(name+" R", p.R, w[1])
			near(name+" F1", p.F, w[2])
		}
		prf("entities", got.Entities, want.Entities)
		prf("typed entities", got.EntitiesTyped, want.EntitiesTyped)
		prf("relations", got.Relations, want.Relations)
		prf("meetings", got.Meetings, want.Meetings)
		if got.TP != want.Counts.TP || got.FP != want.Counts.FP || got.FN != want.Counts.FN {
			t.Errorf("%s: relation counts %d/%d/%d, score.py %+v", dir, got.TP, got.FP, got.FN, want.Counts)
		}
		if got.ForbiddenCount != want.Forbidden {
			t.Errorf("%s: forbidden %d, score.py %d", dir, got.ForbiddenCount, want.Forbidden)
		}
		for _, c := range []struct {
			name string
			a, b *float64
		}{{"date accuracy", got.MeetingDateAcc, want.DateAcc}, {"place accuracy", got.MeetingPlaceAcc, want.PlaceAcc},
			{"quotes found", got.QuotesFound, want.QuotesFound}, {"speaker accuracy", got.QuoteSpeakerAcc, want.SpeakerAcc}} {
			if (c.a == nil) != (c.b == nil) {
				t.Errorf("%s: %s %v, score.py %v", dir, c.name, c.a, c.b)
			} else if c.a != nil {
				near(c.name, *c.a, *c.b)
			}
		}
	}
}
