package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/kg/gazetteer"
)

// The rule recogniser finds names as runs of capitalised words and types
// them from the gazetteer, titles and name-like word endings. It is the
// fallback the trained model is measured against, and it needs no training.

// capitalisedCommon are words that start sentences or headlines capitalised
// without being names.
var capitalisedCommon = toSet(`A An The This That These Those He She It They We I You His Her Its Their Our My Your
But And Or So If When While After Before As At In On Of For From To With Without By About Into Over Under
Since Until Although Though Because However Meanwhile Also Still Yet Now Then There Here Where What Which Who
Whom Whose Why How Some Many Most More Much All Any Each Every No Not Only Even Just One Two Three Four Five
Six Seven Eight Nine Ten Last Next First Second Third New Other Another Such Both Either Neither Mr Mrs Ms Dr
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
September October November December Officials Critics Ministers Analysts According Despite Speaking Asked
Under Between Among Against Around During Within Across Following Including Earlier Later Today Yesterday
Tomorrow Tonight Altogether Overall Instead Indeed Perhaps Meanwhile Nevertheless Furthermore Moreover
Separately Elsewhere Recently Currently Already Previously Sources Shares Profits Sales Prices`)

// titleWords precede a person's name without being part of it (CoNLL convention).
var titleWords = toSet(`Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. President Prime Minister Secretary Chancellor Senator Sen. Gen.
General Governor Gov. Judge Justice Rabbi Rev. Reverend Father Sister Professor Prof. Sir Dame Lord Lady Baroness
Baron Archbishop Bishop Pope Ambassador Envoy Spokesman Spokeswoman Chairman Chief Executive Director Coach
Manager Captain Commander Colonel Lieutenant Sergeant Officer Mayor Speaker Deputy Foreign Home Defence Defense
Shadow Finance Interior Trade Health Education Culture Justice Premier Vice Former Ex Acting Interim King Queen
Prince Princess Duke Duchess Emperor Sheikh Ayatollah President-elect MP MEP Congressman Congresswoman`)

// royalTitles stay part of the name: "Prince Harry", "Queen Elizabeth".
var royalTitles = toSet(`Prince Princess King Queen Duke Duchess Lord Lady Sir Dame Pope`)

// orgWords end (or make) organisation names.
var orgWords = toSet(`Party Council Union Commission Committee Bank Group Inc Inc. Corp Corp. Corporation Ltd Ltd. plc Plc
Co Co. Company Companies International Center Centre Coalition Ministry Department Office Agency Association
Organisation Organization Institute Foundation Fund University College School Court Parliament Assembly Senate
Congress Army Navy Force Forces Police Service Services Times News Post Journal Herald Telegraph Guardian
Independent Mirror Express Gazette Press Airways Airlines Motors Holdings Capital Securities Partners Trust
Network Television TV Radio Channel Club FC United City Rovers Athletic Federation League Board Authority
Industries Systems Technologies Entertainment Records Studios Pictures Labs Communications Telecom Energy
Oil Petroleum Insurance Investments Management Society Federation Alliance Front Movement Brigade Campaign
Exchange Reserve Treasury Cabinet Government Administration Commonwealth Tribunal Church Mosque Museum Hospital`)

var placeWords = toSet(`Street Road Square Avenue Hall Palace Castle Abbey Cathedral Bridge Park Airport Island Islands
River Lake Mountains Valley Bay Coast County Province Region State Kingdom Republic`)

// nameConnectors may sit inside a name: "Bank of England", "Travelers Life & Annuity".
var nameConnectors = toSet(`of & de du da van von der den bin al el la le y for`)

func toSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

func isCapitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// ruleEntities finds and types names in doc's sentences.
func ruleEntities(doc *Doc) []Entity {
	var out []Entity
	toks := doc.Tokens
	for _, s := range doc.Sentences {
		i := s.First
		for i < s.Last {
			if !isCapitalised(toks[i].Text) || (toks[i].Text == strings.ToUpper(toks[i].Text) && len(toks[i].Text) == 1) {
				i++
				continue
			}
			j := i + 1
			for j < s.Last {
				t := toks[j].Text
				if isCapitalised(t) && !strings.HasSuffix(t, ".") {
					j++
					continue
				}
				if (nameConnectors[t] || t == "-") && j+1 < s.Last && isCapitalised(toks[j+1].Text) {
					j += 2
					continue
				}
				if strings.HasSuffix(t, ".") && len(t) == 2 && isCapitalised(t) { // initial: George W. Bush
					j++
					continue
				}
				break
			}
			out = append(out, typeRun(doc, i, j, i == s.First)...)
			i = j
		}
	}
	// a lone word that is the surname of a person named in full is that person
	surnames := map[string]bool{}
	for _, e := range out {
		if e.Type == "PER" && e.Last-e.First > 1 {
			surnames[toks[e.Last-1].Text] = true
		}
	}
	for k, e := range out {
		if e.Last-e.First == 1 && e.Type != "PER" && surnames[e.Text] {
			out[k].Type = "PER"
		}
	}
	return out
}

// typeRun trims a run of capitalised tokens [i, j) to a name and types it.
func typeRun(doc *Doc, i, j int, sentenceStart bool) []Entity {
	toks := doc.Tokens
	afterTitle := false
	for i < j {
		t := toks[i].Text
		if titleWords[t] && !royalTitles[t] && j-i > 1 {
			i++
			afterTitle = true
			continue
		}
		if capitalisedCommon[t] && (sentenceStart || !isCapitalised(t[1:])) && !(j-i > 1 && royalTitles[t]) {
			i++
			sentenceStart = false
			continue
		}
		if j-i > 1 && gazetteer.IsAdjective(t) && titleWords[toks[i+1].Text] {
			// "Russian President Vladimir Putin": the adjective is a name of its own
			adj := Entity{First: i, Last: i + 1, Start: toks[i].Start, End: toks[i].End, Type: "MISC", Text: t}
			return append([]Entity{adj}, typeRun(doc, i+1, j, false)...)
		}
		if titleWords[t] && !royalTitles[t] && j-i > 1 {
			i++
			afterTitle = true
			continue
		}
		break
	}
	for j > i && nameConnectors[toks[j-1].Text] {
		j--
	}
	if i >= j {
		return nil
	}
	text := doc.Text[toks[i].Start:toks[j-1].End]
	typ := ""
	if e, ok := gazetteer.Lookup(text); ok {
		typ = map[string]string{"PLACE": "LOC", "ORG": "ORG"}[e.Type]
		if gazetteer.IsAdjective(text) {
			typ = "MISC"
		}
	}
	last := toks[j-1].Text
	switch {
	case typ != "":
	case afterTitle:
		typ = "PER"
	case orgWords[last] || (j-i == 1 && len(last) > 1 && last == strings.ToUpper(last)):
		typ = "ORG"
	case placeWords[last]:
		typ = "LOC"
	case royalTitles[toks[i].Text]:
		typ = "PER"
	case j-i >= 2 && j-i <= 3:
		typ = "PER"
	default:
		typ = "ORG"
	}
	return []Entity{{First: i, Last: j, Start: toks[i].Start, End: toks[j-1].End, Type: typ, Text: text}}
}
