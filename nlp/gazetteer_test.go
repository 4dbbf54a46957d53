package nlp

import (
	"slices"
	"testing"
)

func TestGazetteerAPI(t *testing.T) {
	strTests := []struct {
		name string
		f    func(string) string
		in   string
		want string
	}{
		{"demonym", CountryOfDemonym, "Russian", "Russia"},
		{"demonym plural", CountryOfDemonym, "Russians", "Russia"},
		{"demonym case-insensitive", CountryOfDemonym, "german", "Germany"},
		{"demonym British", CountryOfDemonym, "British", "United Kingdom"},
		{"demonym without a country", CountryOfDemonym, "Arab", ""},
		{"not a demonym", CountryOfDemonym, "Table", ""},
		{"canonical US", CanonicalCountry, "US", "United States"},
		{"canonical Britain", CanonicalCountry, "Britain", "United Kingdom"},
		{"canonical itself", CanonicalCountry, "France", "France"},
		{"city", CountryOfCity, "Paris", "France"},
		{"multi-word city", CountryOfCity, "Buenos Aires", "Argentina"},
		{"not a city", CountryOfCity, "Atlantis", ""},
	}
	for _, tc := range strTests {
		if got := tc.f(tc.in); got != tc.want {
			t.Errorf("%s: f(%q) = %q, want %q", tc.name, tc.in, got, tc.want)
		}
	}
	boolTests := []struct {
		name string
		f    func(string) bool
		in   string
		want bool
	}{
		{"IsCountry", IsCountry, "Holland", true},
		{"IsCountry city", IsCountry, "Paris", false},
		{"IsDemonym", IsDemonym, "Arab", true},
		{"IsDemonym no", IsDemonym, "London", false},
		{"IsTitle", IsTitle, "Spokesman", true},
		{"IsTitle multi-word", IsTitle, "prime minister", true},
		{"IsTitle no", IsTitle, "banana", false},
		{"IsCompanySuffix", IsCompanySuffix, "plc", true},
		{"IsCompanySuffix case-sensitive", IsCompanySuffix, "INCORPORATED", false},
		{"IsTimeWord", IsTimeWord, "Monday", true},
		{"IsTimeWord abbreviation", IsTimeWord, "Sept", true},
		{"IsTimeWord lower case", IsTimeWord, "may", false},
		{"IsHonorific", IsHonorific, "Mr", true},
		{"IsFirstName", IsFirstName, "Graham", true},
		{"IsFirstName no", IsFirstName, "Brady", false},
		{"IsHonorific with stop", IsHonorific, "Mrs.", true},
		{"IsHonorific title", IsHonorific, "President", false},
	}
	for _, tc := range boolTests {
		if got := tc.f(tc.in); got != tc.want {
			t.Errorf("%s(%q) = %v, want %v", tc.name, tc.in, got, tc.want)
		}
	}
	if !slices.Contains(GazetteerLists(), "countries") || !slices.Contains(GazetteerEntries("countries"), "Japan") {
		t.Errorf("lists %v; countries lacks Japan", GazetteerLists())
	}
	if GazetteerEntries("nope") != nil {
		t.Error("unknown list gave entries")
	}
}

func TestGazetteerMatch(t *testing.T) {
	g := loadGazetteer()
	toks := Tokenize("the new york office of Manchester United and china")
	var lx lexer
	lexs := make([]lex, len(toks))
	for i, tk := range toks {
		lx.compute(tk.Text, &lexs[i])
	}
	gaz := make([]gazBits, len(toks))
	g.match(lexs, gaz)
	// "new york" is lower case: no match; "Manchester United" is a club (B, I);
	// lower-case "china" does not match the country.
	if gaz[1].b|gaz[1].u != 0 {
		t.Errorf("lower-case new york matched: %+v", gaz[1])
	}
	if gaz[5].b&(1<<gazClub) == 0 || gaz[6].i&(1<<gazClub) == 0 {
		t.Errorf("Manchester United not matched as a club: %+v %+v", gaz[5], gaz[6])
	}
	if gaz[8].u != 0 {
		t.Errorf("lower-case china matched: %+v", gaz[8])
	}
}
