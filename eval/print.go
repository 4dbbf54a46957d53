package eval

import (
	"fmt"
	"io"
)

// Print writes the figures in score.py's layout (and, with detail, each
// article's missed and wrong relations first, as score.py --detail does).
func Print(w io.Writer, r *Result, detail bool) {
	f3 := func(x PRF) string { return fmt.Sprintf("P %.3f R %.3f F1 %.3f", x.P, x.R, x.F) }
	opt := func(v *float64) string {
		if v == nil {
			return "None"
		}
		return fmt.Sprintf("%.3f", *v)
	}
	if detail {
		for _, a := range r.PerArticle {
			fmt.Fprintf(w, "== %s: relations %s\n", a.Article, f3(a.Relations))
			for _, m := range a.Missed {
				fmt.Fprintln(w, "   missed:", m)
			}
			for _, m := range a.Wrong {
				fmt.Fprintln(w, "   wrong: ", m)
			}
			for _, m := range a.Forbidden {
				fmt.Fprintln(w, "   FORBIDDEN:", m)
			}
		}
	}
	fmt.Fprintln(w, "articles", r.Articles, "missing", len(r.Missing))
	fmt.Fprintln(w, "entities       ", f3(r.Entities))
	fmt.Fprintln(w, "entities typed ", f3(r.EntitiesTyped))
	fmt.Fprintln(w, "meetings       ", f3(r.Meetings), "date acc", opt(r.MeetingDateAcc), "place acc", opt(r.MeetingPlaceAcc))
	fmt.Fprintln(w, "quotes found", opt(r.QuotesFound), "speaker acc", opt(r.QuoteSpeakerAcc))
	fmt.Fprintln(w, "forbidden asserted", r.ForbiddenCount)
	fmt.Fprintf(w, "relations       %s {'tp': %d, 'fp': %d, 'fn': %d}\n", f3(r.Relations), r.TP, r.FP, r.FN)
}
