// meetings
// Every meeting in the graph, in date order (undated last), with its
// participants, place, article and the sentence that tells it.
function lit(v) {
  if (typeof v !== "string") return v;
  var m = v.match(/^"((?:[^"\\]|\\.)*)"/);
  return m ? m[1] : v;
}
function label(id) {
  var l = g.V(id).Out("<rdfs:label>").ToValue();
  return l === null ? id : lit(l);
}
var rows = [];
g.V().Has("<rdf:type>", "<kg:Meeting>").ForEach(function (m) {
  var d = g.V(m.id).Out("<kg:date>").ToValue();
  var place = g.V(m.id).Out("<kg:place>").ToValue();
  var article = g.V(m.id).Out("<prov:wasDerivedFrom>").ToValue();
  var ev = g.V(m.id).Out("<kg:evidence>").ToValue();
  rows.push({ date: d === null ? null : lit(d), participants: g.V(m.id).Out("<kg:participant>").ToArray().map(label).sort(),
    place: place === null ? null : label(place),
    article: article === null ? null : lit(g.V(article).Out("<schema:name>").ToValue()),
    evidence: ev === null ? null : lit(g.V(ev).Out("<kg:text>").ToValue()) });
});
rows.sort(function (a, b) {
  var da = a.date || "~", db = b.date || "~";
  return da < db ? -1 : da > db ? 1 : (a.article < b.article ? -1 : 1);
});
rows.forEach(function (r) { g.Emit(r); });
