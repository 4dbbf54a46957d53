// profile NAME
// Everything the graph holds about one entity: type, names, relations in
// and out with the articles that state them, meetings, and quotes it said.
function lit(v) {
  if (typeof v !== "string") return v;
  var m = v.match(/^"((?:[^"\\]|\\.)*)"/);
  return m ? m[1] : v;
}
function label(id) {
  var l = g.V(id).Out("<rdfs:label>").ToValue();
  return l === null ? id : lit(l);
}
function short(iri) {
  return iri.replace(/^<https:\/\/newsgraph\.example\/ns#(.*)>$/, "$1");
}
var rels = ["<kg:met>", "<kg:accompanied>", "<kg:advises>", "<kg:envoy_of>", "<kg:spokesperson_of>",
  "<kg:head_of>", "<kg:works_for>", "<kg:member_of>", "<kg:relative_of>", "<kg:nationality>",
  "<kg:spoke_to>", "<kg:visited>", "<kg:located_in>"];

g.V().Has("<kg:key>", keys[0]).Unique().ForEach(function (e) {
  var out = { id: e.id, name: label(e.id), type: g.V(e.id).Out("<rdf:type>").Unique().ToArray().map(function (t) { return short(t).replace(/^<https:\/\/schema\.org\/(.*)>$/, "$1"); }),
    aliases: g.V(e.id).Out("<schema:alternateName>").Unique().ToArray().map(lit), relations: [], meetings: [], quotes: [], articles: [] };
  rels.forEach(function (p) {
    g.V(e.id).Out(p).Unique().ForEach(function (o) { out.relations.push({ subject: out.name, predicate: short(p), object: label(o.id) }); });
    g.V(e.id).In(p).Unique().ForEach(function (s) { out.relations.push({ subject: label(s.id), predicate: short(p), object: out.name }); });
  });
  g.V(e.id).In("<kg:participant>").Has("<rdf:type>", "<kg:Meeting>").ForEach(function (m) {
    var date = g.V(m.id).Out("<kg:date>").ToValue();
    var place = g.V(m.id).Out("<kg:place>").ToValue();
    out.meetings.push({ with: g.V(m.id).Out("<kg:participant>").ToArray().filter(function (x) { return x !== e.id; }).map(label),
      date: date === null ? null : lit(date), place: place === null ? null : label(place) });
  });
  g.V(e.id).In("<kg:speaker>").ForEach(function (q) {
    out.quotes.push(lit(g.V(q.id).Out("<kg:text>").ToValue()));
  });
  g.V(e.id).In("<schema:mentions>").ForEach(function (a) {
    out.articles.push(lit(g.V(a.id).Out("<schema:name>").ToValue()));
  });
  g.Emit(out);
});
