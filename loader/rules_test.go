package loader

import (
	"strings"
	"testing"

	kg "github.com/newsgraph/kg"
)

// extractText reads a text as an article (with an optional date line).
func extractText(t *testing.T, text string) *kg.Extraction {
	t.Helper()
	a, err := Parse([]byte(text), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a.ID = "test.txt"
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return x.Extract(a)
}

func hasRelation(x *kg.Extraction, s, p, o string) bool {
	for _, r := range x.Relations {
		if r.Predicate != p {
			continue
		}
		if r.Subject == s && r.Object == o || kg.Symmetric(p) && r.Subject == o && r.Object == s {
			return true
		}
	}
	return false
}

func relationList(x *kg.Extraction) string {
	var b strings.Builder
	for _, r := range x.Relations {
		b.WriteString("\n\t" + r.Subject + " " + r.Predicate + " " + r.Object)
	}
	return b.String()
}

// Each rule with the sentence that motivated it. "want" triples must be
// found, "not" triples must not (traps: plans, hypotheticals, look-alikes).
// relationRule is a sentence with the triples it must and must not give.
type relationRule struct {
	text string
	want [][3]string
	not  [][3]string
}

var relationRules = []relationRule{
	// titles before a name
	{"President Donald Trump’s special envoy Steve Witkoff, accompanied by Trump’s son-in-law Jared Kushner, met with Russian President Vladimir Putin in Moscow on Tuesday.",
		[][3]string{{"Steve Witkoff", "envoy_of", "Donald Trump"}, {"Jared Kushner", "relative_of", "Donald Trump"},
			{"Vladimir Putin", "head_of", "Russia"}, {"Jared Kushner", "accompanied", "Steve Witkoff"},
			{"Steve Witkoff", "met", "Vladimir Putin"}, {"Jared Kushner", "met", "Vladimir Putin"}, {"Steve Witkoff", "visited", "Moscow"}},
		[][3]string{{"Vladimir Putin", "visited", "Moscow"}}},
	{"Kremlin spokesman Dmitry Peskov said on Tuesday that the talks would go on.",
		[][3]string{{"Dmitry Peskov", "spokesperson_of", "Kremlin"}}, nil},
	{"Russian political analyst Abbas Gallyamov, a former speechwriter for President Vladimir Putin, told NBC News that a deal was near.",
		[][3]string{{"Abbas Gallyamov", "nationality", "Russia"}, {"Abbas Gallyamov", "works_for", "Vladimir Putin"}, {"Abbas Gallyamov", "spoke_to", "NBC News"}}, nil},
	{"Harold Venn, Corlith's chairman and chief executive, said it was a fair price.",
		[][3]string{{"Harold Venn", "head_of", "Corlith"}}, nil},
	{"\"This deal employs some of the capital,\" said Stuart Quint, an analyst at Gartmore.",
		[][3]string{{"Stuart Quint", "works_for", "Gartmore"}}, nil},
	{"Conservative Alan Pryce said the levy was a crucial issue.",
		[][3]string{{"Alan Pryce", "member_of", "Conservative Party"}}, nil},
	{"Tory leader Michael Howard said the deal was good.",
		[][3]string{{"Michael Howard", "head_of", "Conservative Party"}}, nil},
	{"He went to Uganda to plead for the freedom of a British lecturer, Martin Oakes, who was under a prison sentence.",
		[][3]string{{"Martin Oakes", "nationality", "United Kingdom"}}, nil},
	{"Former Labour prime minister Lord Pemberton has died.",
		[][3]string{{"Lord Pemberton", "member_of", "Labour Party"}}, nil},
	{"Ravi Kapoor, vice-chairman of Delta Polymers Limited, stayed away from the vote.",
		[][3]string{{"Ravi Kapoor", "works_for", "Delta Polymers Limited"}},
		[][3]string{{"Ravi Kapoor", "head_of", "Delta Polymers Limited"}}},
	{"Nordic Exchange chief Pierre Lamy met LSE chief executive Helen Varga in London.",
		[][3]string{{"Pierre Lamy", "head_of", "Nordic Exchange"}, {"Pierre Lamy", "met", "Helen Varga"}}, nil},
	{"Gere, 55, signed photographs, accompanied by his wife Elena Marsh.",
		[][3]string{{"Elena Marsh", "relative_of", "Gere"}, {"Elena Marsh", "accompanied", "Gere"}}, nil},
	{"Newcastle have fined their Welsh striker Owen Pryce a week's wages.",
		[][3]string{{"Owen Pryce", "works_for", "Newcastle"}, {"Owen Pryce", "nationality", "Wales"}}, nil},
	{"Paris-based Euronext has also said it is interested.",
		[][3]string{{"Euronext", "located_in", "Paris"}}, nil},
	{"Tony Blair rowed across the pond in Ludlow, Shropshire, while on a visit with Education Secretary Jane Holloway.",
		[][3]string{{"Jane Holloway", "accompanied", "Tony Blair"}, {"Tony Blair", "visited", "Ludlow"}, {"Jane Holloway", "visited", "Ludlow"}}, nil},
	{"Born in 1921, Lord Henry Ashby became a clerk at the Inland Revenue.",
		[][3]string{{"Henry Ashby", "works_for", "Inland Revenue"}}, nil},
	{"Liberal leader Jeremy Thorpe seemed ready to join a coalition.",
		[][3]string{{"Jeremy Thorpe", "head_of", "Liberal Party"}}, nil},
	{"Conservative peer Lord Michael Heseltine said he and Lord Callaghan became friends.",
		[][3]string{{"Michael Heseltine", "member_of", "Conservative Party"}}, nil},
	{"Tony Blair is urging European leaders to face up to the crisis.",
		nil, [][3]string{{"Tony Blair", "head_of", "Europe"}}},
	// places
	{"Supplies were flown to Basra in southern Iraq on Monday.",
		[][3]string{{"Basra", "located_in", "Iraq"}}, nil},
	{"The Queen will host a service in Westminster Hall, London.",
		[][3]string{{"Westminster Hall", "located_in", "London"}}, nil},
	{"Hundreds waited in the rain to greet the cast in London's Leicester Square.",
		[][3]string{{"Leicester Square", "located_in", "London"}}, nil},
	{"However, the operator told the Argentine newspaper Clarin it would refuse the terms.",
		[][3]string{{"Clarin", "located_in", "Argentina"}}, nil},
	{"He attended talks in France, Germany and Italy.",
		nil, [][3]string{{"France", "located_in", "Germany"}, {"Germany", "located_in", "Italy"}}},
	{"Water firm Suez in Argentina row",
		nil, [][3]string{{"Suez", "located_in", "Argentina"}}},
	// meetings, visits, the press
	{"Mr Straw, speaking at a joint press conference with Chinese Foreign Minister Li Zhaoxing, repeated the warning.",
		[][3]string{{"Straw", "met", "Li Zhaoxing"}, {"Li Zhaoxing", "works_for", "China"}}, nil},
	{"Mr Straw, visiting Beijing, noted that arms embargoes applied to Burma.",
		[][3]string{{"Straw", "visited", "Beijing"}}, nil},
	{"Last week in Paris, President Nestor Kirchner of Argentina discussed the problem with French president Jacques Chirac.",
		[][3]string{{"Nestor Kirchner", "met", "Jacques Chirac"}, {"Nestor Kirchner", "head_of", "Argentina"}, {"Nestor Kirchner", "visited", "Paris"}},
		[][3]string{{"Jacques Chirac", "visited", "Paris"}}},
	{"Influential senator John McCain recently visited Mr Tony Blair.",
		[][3]string{{"John McCain", "met", "Tony Blair"}}, nil},
	{"Arsenal defender Ashley Cole reportedly met Chelsea boss Jose Mourinho in a London hotel.",
		[][3]string{{"Ashley Cole", "met", "Jose Mourinho"}, {"Ashley Cole", "works_for", "Arsenal"}}, nil},
	{"\"We expect a clear answer,\" Mr Pavel Hrytsenko told the Associated Press in an interview.",
		[][3]string{{"Pavel Hrytsenko", "spoke_to", "Associated Press"}}, nil},
	{"In the weeks before his trial Reza Tavakoli gave interviews to Radio Farda and the BBC Persian Service.",
		[][3]string{{"Reza Tavakoli", "spoke_to", "BBC Persian Service"}, {"Reza Tavakoli", "spoke_to", "Radio Farda"}}, nil},
	{"UK chancellor Gordon Brown is touring Africa. On Thursday, Mr Brown visited a clinic in the Kenyan capital Nairobi.",
		[][3]string{{"Gordon Brown", "visited", "Nairobi"}, {"Gordon Brown", "works_for", "United Kingdom"}}, nil},
	{"French President Jacques Chirac arrived late. Mr Chirac told reporters in Brussels that the rebate was unjustified.",
		[][3]string{{"Jacques Chirac", "visited", "Brussels"}}, nil},
	{"Jeremy Paxman is a presenter.",
		nil, [][3]string{{"Jeremy Paxman", "works_for", "presenter"}}},
	{"Mr Hollis told Newsnight the ministers had hired a legal team.",
		[][3]string{{"Hollis", "spoke_to", "Newsnight"}}, nil},
	{"Tony Blair told Labour members the Tories had nothing new to offer.",
		nil, [][3]string{{"Tony Blair", "spoke_to", "Labour Party"}}},
	{"Two councillors who back Mr Howard Flight met Mr Russell Tanguay in Arundel on Tuesday.",
		nil, [][3]string{{"Howard Flight", "met", "Russell Tanguay"}}},
	{"Verizon has held merger talks with MCI, Reuters quoted insiders as saying.",
		nil, [][3]string{{"Reuters", "met", "Verizon"}}},
	// a title and a person after "for": the person owns the post
	{"Nothing was agreed, said Marta Lind, a spokeswoman for EU energy commissioner Paul Ormond.",
		[][3]string{{"Marta Lind", "spokesperson_of", "Paul Ormond"}},
		[][3]string{{"Marta Lind", "spokesperson_of", "European Union"}}},
	// "PERSON, from ORG," speaks as its employee; a party is not an employer
	{"Dana Kowal, from the UK's Open Rights Group, said the bill went too far.",
		[][3]string{{"Dana Kowal", "works_for", "Open Rights Group"}}, nil},
	// an organisation noun before a name makes it an organisation, placed by the demonym
	{"Investors doubted the sale of Polish copper producer Miedzwal to a rival.",
		[][3]string{{"Miedzwal", "located_in", "Poland"}}, nil},
	// multi-word organisation names keep their title-like first words
	{"Officials at the New York Stock Exchange met staff of the National Archives in Washington.",
		[][3]string{{"New York Stock Exchange", "met", "National Archives"}}, nil},
	// the one told may come after a country adjective and what kind of body it is
	{"The water company told the Chilean newspaper El Pulso it would not accept any change.",
		[][3]string{{"El Pulso", "located_in", "Chile"}}, nil},
	{"Ruth Okafor told the Nigerian newspaper Daily Lantern that the deal was off.",
		[][3]string{{"Ruth Okafor", "spoke_to", "Daily Lantern"}}, nil},
	// a British cabinet office in an article about the UK; a shadow one is no post
	{"Foreign Secretary Jack Straw warned the UK was ready to block the move.",
		[][3]string{{"Jack Straw", "works_for", "United Kingdom"}}, nil},
	{"Shadow Foreign Secretary Michael Ancram said the UK should have sent a minister.",
		nil, [][3]string{{"Michael Ancram", "works_for", "United Kingdom"}}},
	// a country's organisation; a town and its county
	{"Shares in Italy's Banca Lombarda rose on Monday.",
		[][3]string{{"Banca Lombarda", "located_in", "Italy"}}, nil},
	{"The minister sailed across the lake in Bromsgrove, Worcestershire, on Friday.",
		[][3]string{{"Bromsgrove", "located_in", "Worcestershire"}}, nil},
	{"Officials in Hamburg's state of Saxony complained.",
		[][3]string{{"Hamburg", "located_in", "Saxony"}}, [][3]string{{"Saxony", "located_in", "Hamburg"}}},
	{"She chaired a meeting of the Forum for Oceans in Lisbon.",
		nil, [][3]string{{"Forum for Oceans", "located_in", "Lisbon"}}},
	{"She was until last year one of Britain's EU commissioners.",
		nil, [][3]string{{"European Union", "located_in", "United Kingdom"}}},
	{"Newcastle beat Leeds. Club chairman Fred Marsh told the Newcastle Evening Chronicle: \"It is about respect.\"",
		[][3]string{{"Fred Marsh", "spoke_to", "Newcastle Evening Chronicle"}}, nil},
	{"Club chairman Fred Marsh told the Newcastle Evening Chronicle the fine stood. Newcastle have fined their striker Ben Ogle.",
		nil, [][3]string{{"Ben Ogle", "works_for", "Newcastle Evening Chronicle"}}},
	// an interview is a meeting, and the one interviewed spoke to the interviewer
	{"The defence protested after Mr Tom Bashford, who interviewed Michael Jaxon for the documentary, refused to answer.",
		[][3]string{{"Tom Bashford", "met", "Michael Jaxon"}, {"Michael Jaxon", "spoke_to", "Tom Bashford"}}, nil},
	// a phone call from the named person after the title
	{"Ms Anne Kitt said she received a phone call from a Jaxon associate, Mark Shaffer, who said the family had left.",
		[][3]string{{"Anne Kitt", "met", "Mark Shaffer"}}, [][3]string{{"Anne Kitt", "met", "Jaxon"}}},
	{"Anne Kitt hopes to get a phone call from Mark Shaffer next week.",
		nil, [][3]string{{"Anne Kitt", "met", "Mark Shaffer"}}},
	// counterparts hold the same kind of post (GUIDE.md)
	{"Spanish Foreign Minister Miguel Moratinos met his British counterpart Jack Straw in Madrid.",
		[][3]string{{"Jack Straw", "works_for", "United Kingdom"}, {"Miguel Moratinos", "met", "Jack Straw"}}, nil},
	{"Orbis chief Jean-Paul Mercier is scheduled to meet his LSE counterpart Helen Varga on Friday.",
		[][3]string{{"Helen Varga", "head_of", "LSE"}}, [][3]string{{"Jean-Paul Mercier", "met", "Helen Varga"}}},
	// a modifier before the country adjective; "the company's" for the company last named
	{"Lord Hartley, who leaves a widow and three sons, was the longest living former British PM ever.",
		[][3]string{{"Lord Hartley", "head_of", "United Kingdom"}}, nil},
	{"Anil Mehta left the room. The board of Solara Energy restated its support for Anil, who is the company's chief.",
		[][3]string{{"Anil Mehta", "head_of", "Solara Energy"}}, nil},
	// not facts (GUIDE.md): planned, hoped for, denied, hypothetical
	{"Next month Foreign Secretary Jack Straw will visit Auschwitz with survivors.",
		nil, [][3]string{{"Jack Straw", "visited", "Auschwitz"}}},
	{"Jacques Chirac says he would be happy to meet Iyad Allawi.",
		nil, [][3]string{{"Jacques Chirac", "met", "Iyad Allawi"}}},
	{"If the signals work out, then we may meet with Steve Witkoff very quickly, Volodymyr Zelensky said.",
		nil, [][3]string{{"Volodymyr Zelensky", "met", "Steve Witkoff"}}},
	{"George Galloway denied he planned to visit Iraq.",
		nil, [][3]string{{"George Galloway", "visited", "Iraq"}}},
	{"Werner Seifert is scheduled to meet Clara Furse on Friday.",
		nil, [][3]string{{"Werner Seifert", "met", "Clara Furse"}}},
	{"His remarks about President George Bush met a frosty reception from Jacques Chirac.",
		nil, [][3]string{{"George Bush", "met", "Jacques Chirac"}}},
	{"Ms Laine said the show was broadcast in the US and Europe.",
		nil, [][3]string{{"Laine", "visited", "United States"}}},
}

func TestRelationRules(t *testing.T) { checkRelationRules(t, relationRules) }

func checkRelationRules(t *testing.T, rules []relationRule) {
	t.Helper()
	for _, tt := range rules {
		x := extractText(t, tt.text)
		for _, w := range tt.want {
			if !hasRelation(x, w[0], w[1], w[2]) {
				t.Errorf("%q\n  missing %s %s %s; got:%s", tt.text, w[0], w[1], w[2], relationList(x))
			}
		}
		for _, w := range tt.not {
			if hasRelation(x, w[0], w[1], w[2]) {
				t.Errorf("%q\n  asserts %s %s %s, which the text does not say", tt.text, w[0], w[1], w[2])
			}
		}
	}
}

// Names a recogniser finds that the guide does not count: works, events,
// documents, and a sentence's first word read as a verb.
func TestNotEntities(t *testing.T) {
	tests := []struct {
		text string
		not  []string
		want []string
	}{
		{"Critics praised the film Shall We Dance? and Nora Vance said she was proud of Shall We Dance.",
			[]string{"Shall We Dance"}, []string{"Nora Vance"}},
		{"In his new book, Lawless World, Philippe Marr argues the war broke the law.",
			[]string{"Lawless World"}, []string{"Philippe Marr"}},
		{"Ministers met in Kyoto to discuss the Kyoto Protocol and the National Holocaust Memorial Day.",
			[]string{"Kyoto Protocol", "National Holocaust Memorial Day"}, nil},
		{"Born in 1942 in Tredegar, Owen Lewis went on to lead the party.",
			[]string{"Born"}, []string{"Owen Lewis", "Tredegar"}},
	}
	for _, tt := range tests {
		x := extractText(t, tt.text)
		names := map[string]bool{}
		for _, e := range x.Entities {
			names[e.Name] = true
			for _, a := range e.Aliases {
				names[a] = true
			}
		}
		for _, n := range tt.not {
			if names[n] {
				t.Errorf("%q: %q is not an entity; got %v", tt.text, n, names)
			}
		}
		for _, n := range tt.want {
			if !names[n] {
				t.Errorf("%q: entity %q missing; got %v", tt.text, n, names)
			}
		}
	}
}
