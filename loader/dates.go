package loader

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// dateIn finds a date expression in tokens [from, to) and resolves it
// against the article's date (YYYY-MM-DD, or "" when the article has none).
// It returns YYYY-MM-DD, YYYY-MM or YYYY, or "" when the text gives none
// that can be resolved:
//
//	"on Tuesday" in an article dated Tuesday 2025-12-02   -> 2025-12-02
//	"in August 2025"                                      -> 2025-08
//	"on 19 October" in an article dated 2025-12-02        -> 2025-10-19
//	"last week", "yesterday", "today"                     -> relative to the date line
func (r *reading) dateIn(from, to int) string {
	var base time.Time
	if r.a.Date != "" {
		base, _ = time.Parse("2006-01-02", r.a.Date)
	}
	for i := from; i < to; i++ {
		w := r.tok(i)
		if d, ok := weekdays[w]; ok && !base.IsZero() {
			// the most recent such day on or before the article's date
			back := (int(base.Weekday()) - d + 7) % 7
			if r.lower(i-1) == "next" || r.lower(i+1) == "next" {
				continue
			}
			return base.AddDate(0, 0, -back).Format("2006-01-02")
		}
		if m, ok := months[w]; ok && (len(w) > 3 || strings.HasSuffix(r.tok(i+1), ".") || isNumber(r.tok(i+1)) || isNumber(r.tok(i-1))) {
			if w == "May" && !isNumber(r.tok(i+1)) && !isNumber(r.tok(i-1)) && r.lower(i-1) != "in" {
				continue // the verb "may"
			}
			day := 0
			if n, err := strconv.Atoi(r.tok(i - 1)); err == nil && n >= 1 && n <= 31 {
				day = n // "19 October"
			} else if n, err := strconv.Atoi(strings.TrimRight(r.tok(i+1), ",")); err == nil && n >= 1 && n <= 31 {
				day = n // "October 19"
			}
			year := 0
			for k := i + 1; k <= i+3 && k < to; k++ {
				if n, err := strconv.Atoi(r.tok(k)); err == nil && n >= 1900 && n <= 2100 {
					year = n
					break
				}
			}
			if year == 0 && !base.IsZero() {
				year = base.Year()
				if m > int(base.Month()) {
					year-- // "in August" in a January article is last August
				}
			}
			if year == 0 && day > 0 {
				// no date line: "on 13 March" in an article that speaks of
				// "March 17 2003" is in the year the text last named
				year = r.yearBefore(i)
			}
			switch {
			case year == 0:
				continue
			case day > 0:
				return fmt.Sprintf("%04d-%02d-%02d", year, m, day)
			default:
				return fmt.Sprintf("%04d-%02d", year, m)
			}
		}
		if base.IsZero() {
			continue
		}
		switch strings.ToLower(w) {
		case "yesterday":
			return base.AddDate(0, 0, -1).Format("2006-01-02")
		case "today", "tonight":
			return base.Format("2006-01-02")
		case "last":
			switch r.lower(i + 1) {
			case "week":
				return base.AddDate(0, 0, -7).Format("2006-01")
			case "month":
				return base.AddDate(0, -1, 0).Format("2006-01")
			case "year":
				return base.AddDate(-1, 0, 0).Format("2006")
			}
		case "earlier":
			if r.lower(i+1) == "this" && r.lower(i+2) == "week" {
				return base.Format("2006-01")
			}
		}
	}
	// a bare year: "in 2003", "back to 1994, when talks ..."
	for i := from; i < to; i++ {
		if n, err := strconv.Atoi(r.tok(i)); err == nil && n >= 1900 && n <= 2100 &&
			(r.lower(i-1) == "in" || r.lower(i-1) == "since" || r.tok(i+1) == "," && r.lower(i+2) == "when") {
			return strconv.Itoa(n)
		}
	}
	return ""
}

// yearBefore returns the last year (1900-2100) the text names before token
// i, or the first after it, or 0.
func (r *reading) yearBefore(i int) int {
	isYear := func(k int) int {
		if n, err := strconv.Atoi(r.tok(k)); err == nil && n >= 1900 && n <= 2100 && len(r.tok(k)) == 4 {
			return n
		}
		return 0
	}
	for k := i - 1; k >= 0; k-- {
		if y := isYear(k); y > 0 {
			return y
		}
	}
	for k := i + 1; k < len(r.doc.Tokens); k++ {
		if y := isYear(k); y > 0 {
			return y
		}
	}
	return 0
}
