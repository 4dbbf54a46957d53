// why SUBJECT PREDICATE OBJECT
// The sentences that state a relation, with their articles: why the graph
// says "Steve Witkoff met Vladimir Putin". PREDICATE is one of the kg:
// relations (met, advises, works_for, ...); met and relative_of hold both ways.
function lit(v) {
  if (typeof v !== "string") return v;
  var m = v.match(/^"((?:[^"\\]|\\.)*)"/);
  return m ? m[1] : v;
}
function label(id) {
  var l = g.V(id).Out("<rdfs:label>").ToValue();
  return l === null ? id : lit(l);
}
var pred = g.IRI("kg:" + args[1]);
var symmetric = args[1] === "met" || args[1] === "relative_of";
var subjects = g.V().Has("<kg:key>", keys[0]).Unique().ToArray();
var objects = g.V().Has("<kg:key>", keys[2]).Unique().ToArray();
var rows = [];
function statements(s, o) {
  g.V().Has("<rdf:subject>", s).Has("<rdf:predicate>", pred).Has("<rdf:object>", o).ForEach(function (st) {
    g.V(st.id).Out("<kg:evidence>").ForEach(function (sent) {
      var article = g.V(sent.id).Out("<schema:isPartOf>").ToValue();
      rows.push({ subject: label(s), predicate: args[1], object: label(o),
        article: article === null ? null : lit(g.V(article).Out("<schema:name>").ToValue()),
        sentence: g.V(sent.id).Out("<kg:index>").ToValue(),
        text: lit(g.V(sent.id).Out("<kg:text>").ToValue()) });
    });
  });
}
subjects.forEach(function (s) {
  objects.forEach(function (o) {
    statements(s, o);
    if (symmetric) statements(o, s);
  });
});
rows.sort(function (a, b) {
  return a.article < b.article ? -1 : a.article > b.article ? 1 : a.sentence - b.sentence;
});
rows.forEach(function (r) { g.Emit(r); });
