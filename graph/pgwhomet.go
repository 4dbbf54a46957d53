package graph

import (
	"context"
	"fmt"

	"github.com/cayleygraph/quad"

	kg "github.com/newsgraph/kg"
)

// WhoMetFacts is everything who-met shows about the people a name key
// names, read from PostgreSQL in one query: each lookup who-met does on
// an embedded store (an index seek in memory) costs a round trip there,
// and a dozen of them made who-met take 45 ms for Tony Blair on a million
// quads. The lists are in the order the lookups give them (Subjects and
// Objects: by hash; participants: first written first), and First holds
// the first-written object of every (subject, predicate) pair who-met
// reads, nil where there is none.
type WhoMetFacts struct {
	People       []quad.Value                // the nodes with the key that are schema:Person
	Meetings     map[quad.Value][]quad.Value // person -> its kg:Meeting nodes
	Participants map[quad.Value][]quad.Value // meeting -> kg:participant objects
	MetOut       map[quad.Value][]quad.Value // person -> objects of its kg:met quads
	MetIn        map[quad.Value][]quad.Value // person -> subjects of kg:met quads naming it
	First        map[[2]quad.Value]quad.Value
}

// whoMetSQL: $1 the key, then the IRIs of whoMetPreds in order.
// Distinct nodes are found before their type is checked: a name key is
// stated once per article (616 quads for Tony Blair), a type check per
// quad took 8 ms. The type checks are scalar subqueries, probed per node:
// as EXISTS, PostgreSQL's generic plan for the prepared statement merged
// them with every schema:Person quad (44,000 rows, 16 ms). Likewise a label: a person's label is stated once per
// article that names them, and finding the first written means reading
// every one of those rows; most people have one label, read from the index
// alone, and only those with several are ordered by horizon.
const whoMetSQL = `WITH people AS (
	SELECT h FROM (SELECT DISTINCT k.subject_hash AS h FROM quads k WHERE k.object_hash = $1 AND k.predicate_hash = $2) d
	WHERE (SELECT 1 FROM quads t WHERE t.subject_hash = d.h AND t.predicate_hash = $3 AND t.object_hash = $4 LIMIT 1) IS NOT NULL),
meetings AS (
	SELECT p, m FROM (SELECT DISTINCT q.object_hash AS p, q.subject_hash AS m FROM people
		JOIN quads q ON q.object_hash = people.h AND q.predicate_hash = $5) d
	WHERE (SELECT 1 FROM quads t WHERE t.subject_hash = d.m AND t.predicate_hash = $3 AND t.object_hash = $6 LIMIT 1) IS NOT NULL),
parts AS (
	SELECT q.subject_hash AS m, q.object_hash AS o, min(q.horizon) AS h FROM quads q
	WHERE q.subject_hash IN (SELECT m FROM meetings) AND q.predicate_hash = $5 GROUP BY 1, 2),
mfirst AS (
	SELECT ms.m AS s, w.p, x.o FROM (SELECT DISTINCT m FROM meetings) ms
	CROSS JOIN (VALUES ($7::bytea), ($8::bytea), ($9::bytea), ($10::bytea)) AS w(p)
	CROSS JOIN LATERAL (SELECT q.object_hash AS o FROM quads q
		WHERE q.subject_hash = ms.m AND q.predicate_hash = w.p ORDER BY q.horizon LIMIT 1) x),
mets AS (
	SELECT 5 AS k, q.subject_hash AS a, q.object_hash AS b FROM people JOIN quads q ON q.subject_hash = people.h AND q.predicate_hash = $11
	UNION
	SELECT 6, q.object_hash, q.subject_hash FROM people JOIN quads q ON q.object_hash = people.h AND q.predicate_hash = $11),
wanted AS (
	SELECT h AS s, $12::bytea AS p FROM people
	UNION SELECT o, $12 FROM parts
	UNION SELECT o, $12 FROM mfirst WHERE p = $7
	UNION SELECT b, $12 FROM mets
	UNION SELECT o, $13 FROM mfirst WHERE p = $9
	UNION SELECT o, $14 FROM mfirst WHERE p = $10),
second AS (
	SELECT w.s, w.p, x.o FROM wanted w
	CROSS JOIN LATERAL (SELECT CASE WHEN count(*) = 1 THEN (array_agg(d.o))[1] ELSE
			(SELECT q.object_hash FROM quads q WHERE q.subject_hash = w.s AND q.predicate_hash = w.p ORDER BY q.horizon LIMIT 1) END AS o
		FROM (SELECT DISTINCT q.object_hash AS o FROM quads q WHERE q.subject_hash = w.s AND q.predicate_hash = w.p) d
		HAVING count(*) > 0) x)
SELECT x.kind, x.pc, ` + "%[1]s" + `, ` + "%[2]s" + ` FROM (
	SELECT 1 AS kind, h AS a, 0 AS pc, NULL::bytea AS b, h AS oh, 0::bigint AS n FROM people
	UNION ALL SELECT 2, p, 0, m, m, 0 FROM meetings
	UNION ALL SELECT 3, m, 0, o, NULL, h FROM parts
	UNION ALL SELECT 4, s, CASE p WHEN $7 THEN 7 WHEN $8 THEN 8 WHEN $9 THEN 9 ELSE 10 END, o, NULL, 0 FROM mfirst
	UNION ALL SELECT 4, s, CASE p WHEN $12 THEN 12 WHEN $13 THEN 13 ELSE 14 END, o, NULL, 0 FROM second
	UNION ALL SELECT k, a, 0, b, b, 0 FROM mets) x
JOIN nodes na ON na.hash = x.a
LEFT JOIN nodes nb ON nb.hash = x.b
ORDER BY x.kind, x.a, x.oh, x.n`

// whoMetQuery is whoMetSQL with its value columns.
var whoMetQuery = fmt.Sprintf(whoMetSQL, fmt.Sprintf(valueSQL, "na"), fmt.Sprintf(valueSQL, "nb"))

// whoMetPreds are the predicates whoMetSQL names, $2 to $14.
var whoMetPreds = []quad.IRI{KGKey, RDFType, SchemaPerson, KGParticipant, KGMeeting,
	KGPlace, KGDate, ProvDerived, KGEvidence, Predicate(kg.Met), RDFSLabel, SchemaName, KGText}

// WhoMetFacts reads what who-met shows about the people with name key
// key, in one query. PostgreSQL only: the embedded stores answer each
// lookup from memory (RoundTrips says which).
func (s *Store) WhoMetFacts(ctx context.Context, key string) (*WhoMetFacts, error) {
	if s.pg == nil {
		return nil, fmt.Errorf("WhoMetFacts reads PostgreSQL only (this store is %s)", s.Kind)
	}
	args := []any{hashOf(quad.String(key))}
	for _, p := range whoMetPreds {
		args = append(args, hashOf(p))
	}
	stmt, err := s.pg.prepared(ctx, whoMetQuery)
	if err != nil {
		return nil, err
	}
	rows, err := stmt.QueryContext(ctx, args...)
	if err != nil {
		return nil, redactError(err)
	}
	defer rows.Close()
	f := &WhoMetFacts{Meetings: map[quad.Value][]quad.Value{}, Participants: map[quad.Value][]quad.Value{},
		MetOut: map[quad.Value][]quad.Value{}, MetIn: map[quad.Value][]quad.Value{}, First: map[[2]quad.Value]quad.Value{}}
	var kind, pc int
	var cols [2]valueCols
	dest := []any{&kind, &pc}
	for i := range cols {
		dest = append(dest, cols[i].dest()...)
	}
	for rows.Next() {
		cols = [2]valueCols{}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		var v [2]quad.Value
		for i := range cols {
			if v[i], err = cols[i].value(); err != nil {
				return nil, err
			}
		}
		a, b := v[0], v[1]
		switch kind {
		case 1:
			f.People = append(f.People, a)
		case 2:
			f.Meetings[a] = append(f.Meetings[a], b)
		case 3:
			f.Participants[a] = append(f.Participants[a], b)
		case 4: // pc is the predicate's parameter number
			if pc < 2 || pc-2 >= len(whoMetPreds) {
				return nil, fmt.Errorf("who-met query: predicate code %d", pc)
			}
			f.First[[2]quad.Value{a, whoMetPreds[pc-2]}] = b
		case 5:
			f.MetOut[a] = append(f.MetOut[a], b)
		case 6:
			f.MetIn[a] = append(f.MetIn[a], b)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, redactError(err)
	}
	f.fillAbsent()
	return f, nil
}

// fillAbsent records nil for every pair who-met reads that has no quad,
// so that a reader answers it without asking the store.
func (f *WhoMetFacts) fillAbsent() {
	need := func(s quad.Value, p quad.IRI) {
		if s == nil {
			return
		}
		if _, ok := f.First[[2]quad.Value{s, p}]; !ok {
			f.First[[2]quad.Value{s, p}] = nil
		}
	}
	for _, p := range f.People {
		need(p, RDFSLabel)
		for _, o := range append(f.MetOut[p], f.MetIn[p]...) {
			need(o, RDFSLabel)
		}
		for _, m := range f.Meetings[p] {
			for _, pred := range []quad.IRI{KGPlace, KGDate, ProvDerived, KGEvidence} {
				need(m, pred)
			}
			need(f.First[[2]quad.Value{m, KGPlace}], RDFSLabel)
			need(f.First[[2]quad.Value{m, ProvDerived}], SchemaName)
			need(f.First[[2]quad.Value{m, KGEvidence}], KGText)
			for _, o := range f.Participants[m] {
				need(o, RDFSLabel)
			}
		}
	}
}
