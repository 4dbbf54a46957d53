package loader

import (
	"strings"
	"testing"
)

func TestMeetingDates(t *testing.T) {
	tests := []struct {
		text string
		want string // the date of the first meeting
	}{
		{"date 2025-12-02 Steve Witkoff met Vladimir Putin in Moscow on Tuesday.", "2025-12-02"}, // the article's own weekday
		{"date 2025-12-04 Steve Witkoff met Vladimir Putin on Tuesday.", "2025-12-02"},           // the Tuesday before a Thursday
		{"date 2025-12-02 Steve Witkoff met Vladimir Putin in August 2025.", "2025-08"},
		{"date 2025-12-02 Steve Witkoff has met with Vladimir Putin five times, beginning in February 2025.", "2025-02"},
		{"date 2025-12-02 Steve Witkoff met Vladimir Putin last week.", "2025-11"},
		{"date 2025-12-02 Steve Witkoff met Vladimir Putin on 19 October.", "2025-10-19"},
		{"date 2025-12-02 Steve Witkoff met Vladimir Putin yesterday.", "2025-12-01"},
		{"Heath met Jeremy Thorpe at Downing Street on 13 February 2003.", "2003-02-13"}, // no date line, a full date
		{"Heath met Jeremy Thorpe in 1974.", "1974"},
		// no date line: the one year the lead names sets the story's time
		{"The Tories lost power in 1974 after a hung parliament. Days later Sir Edwin Hale met Jonah Thorne at Downing Street.", "1974"},
		{"The Tories lost power in 1974. In 1979 they won again. Sir Edwin Hale met Jonah Thorne at Downing Street.", ""},
		{"Fans recall 1994, when talks between Yusuf Arad and Mr Perez came close to a deal.", "1994"},
		{"Ms Anne Kitt said she received a telephone call on 13 February 2003 from a Jaxon associate, Mark Shaffer.", "2003-02-13"}, // a call is a meeting
		{"Steve Witkoff met Vladimir Putin on Tuesday.", ""},                                                                        // no date line: Tuesday of when?
		{"date 2025-12-02 Steve Witkoff met Vladimir Putin. They may meet again next Monday.", ""},                                  // a plan is no date
	}
	for _, tt := range tests {
		x := extractText(t, tt.text)
		if len(x.Meetings) == 0 {
			t.Errorf("%q: no meeting", tt.text)
			continue
		}
		if got := x.Meetings[0].Date; got != tt.want {
			t.Errorf("%q: date %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		name, text string
		want       map[string]string // quotation prefix -> speaker
	}{
		{"curly quotes, speaker after",
			"Kremlin spokesman Dmitry Peskov spoke on Tuesday.\n\n“We have no doubt that this will be a very important step,” Peskov said.",
			map[string]string{"We have no doubt": "Dmitry Peskov"}},
		{"a mistyped closing mark opens a paragraph; he said after the last speaker",
			"“Ukraine will be waiting for signals from the delegation,” Volodymyr Zelensky said.\n\n”We will receive signals of one kind or another,” he said.",
			map[string]string{"Ukraine will be waiting": "Volodymyr Zelensky", "We will receive signals": "Volodymyr Zelensky"}},
		{"he added continues the last speaker",
			"“The most important thing is he can’t afford it,” Abbas Gallyamov said.\n\n“If Trump will really press him, Putin will agree,” he added.",
			map[string]string{"If Trump will really press him": "Abbas Gallyamov"}},
		{"he said after a sentence about someone else",
			"“It would be suicidal,” Abbas Gallyamov said.\n\nVladimir Putin did not sound conciliatory on Tuesday.\n\n“We are not going to fight Europe,” he said.",
			map[string]string{"We are not going to fight Europe": "Vladimir Putin"}},
		{"BBC paragraphs run together: a new quotation opens before the old one closes",
			`Shadow Foreign Secretary Alan Crewe said: "I am glad the foreign secretary is going at last. "Once again this government has shown poor judgement."`,
			map[string]string{"I am glad the foreign secretary": "Alan Crewe", "Once again this government": "Alan Crewe"}},
		{"said X after the quotation",
			`"This deal employs some of the group's spare cash," said Stuart Quint, an analyst at Gartmore.`,
			map[string]string{"This deal employs": "Stuart Quint"}},
		{"a quotation described by someone",
			"Their last encounter was described as “very productive” by President Donald Trump.",
			map[string]string{"very productive": "Donald Trump"}},
		{"a headline quotation is said by whoever the lead sentence quotes",
			"Turkey deal 'to help world peace'\n\nA deal bringing Turkey closer to the EU is of \"fundamental importance\" to peace, Tony Blair has said.",
			map[string]string{"to help world peace": "Tony Blair", "fundamental importance": "Tony Blair"}},
		{"said, then titles, then the name",
			`"Children deserve to be protected," said Culture Secretary Anna Whitlow after the meeting.`,
			map[string]string{"Children deserve": "Anna Whitlow"}},
		{"a participle after a comma has the sentence's subject, not the last name before it",
			"Attorney General Lord Ashcombe denied the claims.\n\nOpposition leader Mark Halvorsen repeated calls for advice given by the Attorney General to be published, warning: \"This will not go away.\" \"The government needs to act.\"",
			map[string]string{"This will not go away": "Mark Halvorsen", "The government needs to act": "Mark Halvorsen"}},
		{"an unattributed quotation after a sentence about a person",
			"Green spokesman Tom Ellery repeated his party's calls for the report. \"The public interest is served only by disclosure.\"",
			map[string]string{"The public interest": "Tom Ellery"}},
		{"said NAME opening another clause is not the speaker; 'and said' has the sentence's subject",
			`Relief policy adviser Max Lorne praised the communique and said G7 finance chiefs had "cleared the first test of the year".`,
			map[string]string{"cleared the first test": "Max Lorne"}},
		{"'it has confirmed' after a quotation: the organisation named last",
			`The tycoon has approached the Leeds United board with "more detailed proposals", it has confirmed.`,
			map[string]string{"more detailed proposals": "Leeds United"}},
		{"a source at the club speaks for the club",
			"Leeds United rejected the bid. A source at the club said to the Guardian: \"This time it is a new offer.\"",
			map[string]string{"This time it is a new offer": "Leeds United"}},
		{"'but he believes' after a quotation: the person named before it, never the body quoted last",
			"The Football League said the player was \"severely warned\". Fergal Dunne admitted on Saturday that the tackle \"might have caused a bad injury\", but he believes the others started it.",
			map[string]string{"might have caused a bad injury": "Fergal Dunne"}},
		{"'our correspondent' is the correspondent named before",
			"Both sides want a deal, said BBC labour affairs correspondent Stephen Capel. Ministers think this will be the \"less painful\" choice, our correspondent added.",
			map[string]string{"less painful": "Stephen Capel"}},
		{"', said a spokesman' after a name in the clause: the body that spoke before",
			"Tony Blair is pushing the US on emissions, Downing Street has indicated. Climate change was a topic the prime minister \"wanted to move forward\" during the UK's term at the head of the G8 and EU, said a spokesman.",
			map[string]string{"wanted to move forward": "Downing Street"}},
		{"said Mr NAME, the honorific outside the name",
			"Terry Palmer runs the venue. \"Two years ago I came back to Neath to help the town,\" said Mr Palmer.",
			map[string]string{"Two years ago I came back": "Terry Palmer"}},
		{"a spokesman for the supporters' club speaks for the club named last",
			"The Supporters Trust rejects the offer. A spokesman for the supporters club told us: \"Nothing has changed at all.\"",
			map[string]string{"Nothing has changed": "Supporters Trust"}},
		{"'the Rovers boss' is the manager the article named, club known or not",
			"Rovers manager Tom Harlan praised his players. \"We were superb today,\" the Rovers boss said. " +
				"Arsenal coach Ned Farrow was gloomy. \"We never got going,\" the Arsenal boss said.",
			map[string]string{"We were superb today": "Tom Harlan", "We never got going": "Ned Farrow"}},
		{"an unnamed spokesman speaks for his organisation",
			`"We cannot give a timetable yet," a Premier League spokesman confirmed.`,
			map[string]string{"We cannot give a timetable yet": "Premier League"}},
	}
	for _, tt := range tests {
		x := extractText(t, tt.text)
		got := map[string]string{}
		for _, q := range x.Quotes {
			got[q.Text] = q.Speaker
		}
		for prefix, speaker := range tt.want {
			found := false
			for text, sp := range got {
				if strings.HasPrefix(text, prefix) {
					found = true
					if sp != speaker {
						t.Errorf("%s: %q said by %q, want %q", tt.name, prefix, sp, speaker)
					}
				}
			}
			if !found {
				t.Errorf("%s: quotation %q not found in %v", tt.name, prefix, got)
			}
		}
	}
}

func TestScareQuotesAndApostrophes(t *testing.T) {
	x := extractText(t, "The Soviets' 1945 liberation was 'silly', critics said of Mr Blair's plan.")
	for _, q := range x.Quotes {
		t.Errorf("found a quotation in apostrophes and a one-word scare quote: %q", q.Text)
	}
}
