// path FROM TO
// How two entities are connected: the shortest chain of relations (met,
// advises, works_for, ...) between them, at most five steps, with whom it
// passes through.
function lit(v) {
  if (typeof v !== "string") return v;
  var m = v.match(/^"((?:[^"\\]|\\.)*)"/);
  return m ? m[1] : v;
}
function label(id) {
  var l = g.V(id).Out("<rdfs:label>").ToValue();
  return l === null ? id : lit(l);
}
var rels = ["<kg:met>", "<kg:accompanied>", "<kg:advises>", "<kg:envoy_of>", "<kg:spokesperson_of>",
  "<kg:head_of>", "<kg:works_for>", "<kg:member_of>", "<kg:relative_of>", "<kg:nationality>",
  "<kg:spoke_to>", "<kg:visited>", "<kg:located_in>"];
var from = g.V().Has("<kg:key>", keys[0]).Unique().ToArray();
var to = {};
g.V().Has("<kg:key>", keys[1]).Unique().ToArray().forEach(function (t) { to[t] = true; });

// breadth-first search; prev[node] = [previous node, predicate, forward?]
var prev = {}, frontier = [], found = null;
from.forEach(function (f) { prev[f] = null; frontier.push(f); if (to[f]) found = f; });
for (var depth = 0; depth < 5 && !found && frontier.length > 0; depth++) {
  var next = [];
  for (var i = 0; i < frontier.length && !found; i++) {
    var n = frontier[i];
    for (var k = 0; k < rels.length && !found; k++) {
      var step = function (o, fwd) {
        if (found || o in prev) return;
        prev[o] = [n, rels[k], fwd];
        next.push(o);
        if (to[o]) found = o;
      };
      g.V(n).Out(rels[k]).ToArray().forEach(function (o) { step(o, true); });
      g.V(n).In(rels[k]).ToArray().forEach(function (o) { step(o, false); });
    }
  }
  frontier = next;
}
if (found) {
  var steps = [];
  for (var cur = found; prev[cur] !== null; cur = prev[cur][0]) {
    var p = prev[cur];
    var pred = p[1].replace(/^<https:\/\/newsgraph\.example\/ns#(.*)>$/, "$1");
    steps.unshift(p[2] ? { subject: label(p[0]), predicate: pred, object: label(cur) }
                       : { subject: label(cur), predicate: pred, object: label(p[0]) });
  }
  g.Emit({ from: label(from[0]), to: label(found), length: steps.length, steps: steps });
}
