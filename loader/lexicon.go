package loader

import "strings"

// The word lists the rules read. One list per idea, each in one place.

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[strings.ReplaceAll(w, "_", " ")] = true
	}
	return m
}

// role is what a title word says about its holder.
type role struct {
	predicate string // kg predicate towards the organisation, place or person named with it
	personal  bool   // a tie to a person rather than a post ("son-in-law", "aide")
}

// titles maps a title (lower case; "_" stands for a space in the lists) to the relation it gives.
// head_of for the top post, works_for below it, and the specific ties of the guide.
var titles = func() map[string]role {
	m := map[string]role{}
	add := func(p string, personal bool, words string) {
		for w := range set(words) {
			m[w] = role{predicate: p, personal: personal}
		}
	}
	add("head_of", false, `pm chief principal headteacher head_teacher rector dean general_secretary president prime_minister premier chancellor king queen leader chief_executive
		chief_exec ceo chairman chairwoman chairperson chair head boss secretary_general secretary-general
		director_general director-general governor mayor emir sultan monarch managing_director
		president-elect dictator ruler commander-in-chief`)
	add("works_for", false, `minister secretary official officer director executive economist analyst
		correspondent editor reporter employee manager vice_president vice-president deputy deputy_leader
		speechwriter strategist lawyer chief_economist treasurer chief_operating_officer coo cfo
		chief_financial_officer finance_director president_of_operations commissioner general
		prosecutor attorney_general ambassador diplomat coach
		producer designer engineer scientist researcher head_coach trader striker
		midfielder defender goalkeeper player footballer chancellor_of_the_exchequer foreign_secretary
		home_secretary culture_secretary health_secretary education_secretary defence_secretary
		trade_secretary transport_secretary work_and_pensions_secretary environment_secretary
		secretary_of_state defence_minister defense_secretary finance_minister foreign_minister
		interior_minister justice_minister trade_minister chief_of_staff staffer aide-de-camp clerk
		team-mate teammate colleague board_member associate`)
	add("member_of", false, `mp mep member senator congressman congresswoman lawmaker legislator peer
		councillor backbencher candidate activist`)
	add("spokesperson_of", false, `spokesman spokeswoman spokesperson press_secretary mouthpiece`)
	add("advises", true, `adviser advisor aide aides advisers advisors counsellor counselor consultant`)
	add("envoy_of", true, `envoy emissary representative negotiator special_representative`)
	add("relative_of", true, `son daughter wife husband brother sister father mother son-in-law
		daughter-in-law father-in-law mother-in-law brother-in-law sister-in-law grandson granddaughter
		grandfather grandmother nephew niece uncle aunt cousin widow widower spouse fiancee fiance
		stepson stepdaughter stepfather stepmother grandchild half-brother half-sister twin
		sons daughters brothers sisters children child parents`)
	return m
}()

// plural title forms map to their singular.
var pluralTitles = map[string]string{
	"aides": "aide", "advisers": "adviser", "advisors": "advisor", "ministers": "minister",
	"officials": "official", "spokesmen": "spokesman", "envoys": "envoy", "leaders": "leader",
	"presidents": "president", "executives": "executive", "analysts": "analyst", "sons": "son",
	"daughters": "daughter", "brothers": "brother", "sisters": "sister", "members": "member",
	"footballers": "footballer", "players": "player",
}

// titleModifiers may stand between a possessor and its title without
// changing the tie: "Trump's special envoy", "the Russian president's foreign
// policy and economic aides".
var titleModifiers = set(`special foreign policy economic political senior chief top personal former
	ex new veteran influential leading longtime long-time close trusted interim acting outgoing
	incoming current then shadow deputy assistant principal executive national security defence
	defense finance financial trade home health education culture transport environment
	energy justice interior press communications media legal military sports technical
	managing general executive non-executive independent first second third junior main
	regional international global european senior-most longstanding younger elder older eldest
	youngest late third fourth affairs economy planning agriculture industry employment housing
	two three four both past present labour business arts science technology diplomatic royal
	political-affairs world europe africa asia middle-east`)

// nationalityOnly are occupations that, with a country adjective, say where
// the person is from rather than whom they serve ("Russian political analyst").
var nationalityOnly = set(`analyst journalist writer author actor actress singer musician artist
	director film-maker filmmaker player athlete runner golfer boxer tennis cyclist driver
	businessman businesswoman tycoon billionaire millionaire entrepreneur investor banker
	economist scientist academic professor student worker hostage citizen national tourist
	activist campaigner dissident blogger photographer model designer chef comedian poet
	novelist composer star striker midfielder defender goalkeeper coach manager lawyer doctor
	surgeon architect engineer pilot soldier commentator expert historian philosopher
	political_analyst political_scientist aid_worker lecturer teacher nurse priest missionary
	team-mate teammate charity_worker volunteer blogger tourist pensioner graduate cleric imam monk
	footballer`)

// speechVerbs introduce what someone said.
var speechVerbs = set(`said says say told tells tell added adds argued argues insisted insists
	suggested suggests warned warns explained explains stressed stresses claimed claims declared
	declares announced announces noted notes wrote writes asked asks replied replies urged urges
	admitted admits acknowledged acknowledges conceded concedes predicted predicts believes
	believed thinks thought described describes commented comments continued continues
	maintained maintains remarked remarks revealed reveals confirmed confirms denied denies
	stated states vowed vows pledged pledges promised promises accused accuses called calls
	urging telling saying adding arguing insisting warning explaining stressing claiming
	noting asking replying describing recalled recalls observed observes indicated indicates
	signalled signaled hinted hints reported reports predicted told_reporters branded brands
	agreed agrees countered counters responded responds`)

// pronouns that can stand for a person who speaks or acts.
var personPronouns = set(`he she He She him her Him Her his His`)

// modal and hedging words: a meeting or visit under one of these did not
// (yet) happen (GUIDE.md: "Not facts").
var hedges = set(`will would may might could should shall can 'll ’ll wo won't wouldn't
	plan plans planned planning intend intends intended intending hope hopes hoped hoping
	expect expects expected want wants wanted wish wishes wishing due set scheduled
	aim aims aimed seek seeks sought try tries tried attempt propose proposes proposed
	offer offers offered invite invites invited invitation ready willing keen eager prepared
	if unless whether possible possibly potential likely unlikely maybe perhaps
	deny denies denied denying refuse refuses refused refusing decline declines declined
	not n't never no cancel cancelled canceled postpone postponed call_for called_for urged
	urge asked ask demand demanded going upcoming forthcoming future next proposal
	request requested requests ahead`)

// meetingVerbs say two parties met.
var meetingVerbs = set(`met meets meet meeting held holds hold hosted hosts host received receives
	welcomed welcomes talked talks negotiated negotiates conferred confers visited visits
	joined joins`)

// meetingNouns name a meeting.
var meetingNouns = set(`meeting meetings talks summit encounter encounters discussions negotiations
	session audience visit visits conversation call phone_call call`)

// weekdays and months for dates.
var weekdays = map[string]int{"Sunday": 0, "Monday": 1, "Tuesday": 2, "Wednesday": 3, "Thursday": 4, "Friday": 5, "Saturday": 6}

var months = map[string]int{"January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6,
	"July": 7, "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
	"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9,
	"Oct": 10, "Nov": 11, "Dec": 12}

// orgNameWords end organisation names, never a person's: "India
// Petrochemicals Limited", "Simon Wiesenthal Center".
var orgNameWords = set(`Limited Ltd Inc Corp Corporation plc Plc Group Bank Holdings Company Co Party
	Council Union Commission Committee Center Centre Association Institute Foundation Fund
	University College School Court Agency Ministry Department Office Service Services
	International Industries Airways Airlines Motors Trust Society Federation League Club
	Exchange Archives Board Tribunal Authority Bureau Organisation Organization Network
	Investments Securities Partners Capital Insurance Energy Telecom Media Press Publishers`)
