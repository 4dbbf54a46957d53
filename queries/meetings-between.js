// meetings-between FROM TO
// Meetings dated between two dates (YYYY, YYYY-MM or YYYY-MM-DD, both
// included), in date order, with participants, place and article.
function lit(v) {
  if (typeof v !== "string") return v;
  var m = v.match(/^"((?:[^"\\]|\\.)*)"/);
  return m ? m[1] : v;
}
function label(id) {
  var l = g.V(id).Out("<rdfs:label>").ToValue();
  return l === null ? id : lit(l);
}
var lo = args[0], hi = args[1];
var rows = [];
g.V().Has("<rdf:type>", "<kg:Meeting>").ForEach(function (m) {
  var d = g.V(m.id).Out("<kg:date>").ToValue();
  if (d === null) return;
  d = lit(d);
  // a date is in range when it starts no earlier than lo and no later than hi
  if (d.slice(0, lo.length) < lo || d.slice(0, hi.length) > hi) return;
  var place = g.V(m.id).Out("<kg:place>").ToValue();
  var article = g.V(m.id).Out("<prov:wasDerivedFrom>").ToValue();
  rows.push({ date: d, participants: g.V(m.id).Out("<kg:participant>").ToArray().map(label).sort(),
    place: place === null ? null : label(place),
    article: article === null ? null : lit(g.V(article).Out("<schema:name>").ToValue()) });
});
rows.sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : 0; });
rows.forEach(function (r) { g.Emit(r); });
