// who-met NAME
// Everyone NAME met, with the date and place of each meeting, the article
// that tells it and the sentence that says so. NAME may be any name the
// person goes by ("Putin", "President Vladimir Putin").
function lit(v) {
  if (typeof v !== "string") return v;
  var m = v.match(/^"((?:[^"\\]|\\.)*)"/);
  return m ? m[1] : v;
}
// each lookup is a query of its own: remember the answers (the same people
// take part in many meetings)
var memo = {};
function one(id, pred) {
  var k = id + " " + pred;
  if (k in memo) return memo[k];
  var v = g.V(id).Out(pred).ToValue();
  return (memo[k] = v === null ? null : lit(v));
}
function label(id) { var l = one(id, "<rdfs:label>"); return l === null ? id : l; }

var rows = [];
var seen = {};
g.V().Has("<kg:key>", keys[0]).Unique().Has("<rdf:type>", "<schema:Person>").Unique().ForEach(function (p) {
  var me = label(p.id);
  g.V(p.id).In("<kg:participant>").Has("<rdf:type>", "<kg:Meeting>").ForEach(function (m) {
    var place = g.V(m.id).Out("<kg:place>").ToValue();
    var article = g.V(m.id).Out("<prov:wasDerivedFrom>").ToValue();
    var ev = g.V(m.id).Out("<kg:evidence>").ToValue();
    g.V(m.id).Out("<kg:participant>").ForEach(function (o) {
      if (o.id === p.id) return;
      seen[p.id + " " + o.id] = true;
      rows.push({
        name: me, met: label(o.id), date: one(m.id, "<kg:date>"),
        place: place === null ? null : label(place),
        article: article === null ? null : one(article, "<schema:name>"),
        evidence: ev === null ? null : one(ev, "<kg:text>")
      });
    });
  });
  // met edges that no meeting node carries (imported data, for one)
  g.V(p.id).Both("<kg:met>").Unique().ForEach(function (o) {
    if (seen[p.id + " " + o.id]) return;
    seen[p.id + " " + o.id] = true;
    rows.push({ name: me, met: label(o.id), date: null, place: null, article: null, evidence: null });
  });
});
rows.sort(function (a, b) {
  var da = a.date || "", db = b.date || "";
  if (da !== db) return da < db ? -1 : 1;
  if (a.met !== b.met) return a.met < b.met ? -1 : 1;
  var aa = a.article || "", ab = b.article || "";
  return aa < ab ? -1 : aa > ab ? 1 : 0;
});
rows.forEach(function (r) { g.Emit(r); });
