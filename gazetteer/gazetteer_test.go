package gazetteer

import "testing"

func TestLookup(t *testing.T) {
	tests := []struct {
		form, name, typ string
	}{
		{"British", "United Kingdom", "PLACE"},  // "British troops" names the UK
		{"the UK", "United Kingdom", "PLACE"},   // leading "the" is not part of the name
		{"Europeans", "Europe", "PLACE"},        // "the Europeans" in the seed article
		{"Russian", "Russia", "PLACE"},          // "Russian President Vladimir Putin"
		{"U.S.", "United States", "PLACE"},      // dotted abbreviation
		{"Tories", "Conservative Party", "ORG"}, // "The Tories said ..."
		{"EU", "European Union", "ORG"},         // "Blair tells EU"
		{"Number 10", "Downing Street", "ORG"},  // "his time at Number 10"
		{"Soviets", "Soviet Union", "PLACE"},    // "the Soviets' 1945 liberation"
	}
	for _, tt := range tests {
		e, ok := Lookup(tt.form)
		if !ok || e.Name != tt.name || e.Type != tt.typ {
			t.Errorf("Lookup(%q) = %+v, %v; want %s %s", tt.form, e, ok, tt.name, tt.typ)
		}
	}
	if _, ok := Lookup("labour"); ok {
		t.Error(`Lookup("labour") matched: lower-case "labour" is a word, not the party`)
	}
	if e, ok := LookupFold("BRITISH"); !ok || e.Name != "United Kingdom" {
		t.Errorf("LookupFold(BRITISH) = %v, %v", e, ok)
	}
}

func TestIsAdjective(t *testing.T) {
	for _, w := range []string{"Russian", "Europeans", "British", "Ukrainian", "French"} {
		if !IsAdjective(w) {
			t.Errorf("IsAdjective(%q) = false", w)
		}
	}
	for _, w := range []string{"Russia", "UK", "Britain", "Tory", "Labour"} {
		if IsAdjective(w) {
			t.Errorf("IsAdjective(%q) = true", w)
		}
	}
}

func TestEveryFormIsUnambiguous(t *testing.T) {
	seen := map[string]string{}
	for _, e := range Entries() {
		for _, f := range append(append([]string{e.Name}, e.Aliases...), e.Adjectives...) {
			f = TrimThe(f)
			if prev, ok := seen[f]; ok && prev != e.Name {
				t.Errorf("%q names both %s and %s", f, prev, e.Name)
			}
			seen[f] = e.Name
		}
	}
}

func TestCountryOf(t *testing.T) {
	for city, country := range map[string]string{"Moscow": "Russia", "Brussels": "Belgium", "Britain": "United Kingdom", "Baghdad": "Iraq", "Atlantis": ""} {
		if got := CountryOf(city); got != country {
			t.Errorf("CountryOf(%q) = %q, want %q", city, got, country)
		}
	}
}
