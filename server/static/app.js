// newsgraph page: search a person, see the who-met-whom network around
// them (SVG drawn by Graphviz on the server, in the DOM, with pan and
// zoom), click anyone to read the facts with their evidence; and a Gizmo
// console. Plain JS, no build step, nothing loaded from elsewhere.
"use strict";

const $ = (sel, root = document) => root.querySelector(sel);

// ---------- helpers ----------

async function api(path, opts) {
  const res = await fetch(path, opts);
  let body = null;
  try { body = await res.json(); } catch (e) { /* not JSON */ }
  if (!res.ok) {
    const err = new Error((body && body.error) || res.status + " " + res.statusText);
    err.status = res.status;
    err.code = body && body.code;
    throw err;
  }
  return body;
}

// el("div", {class: "x", onclick: f}, child, "text", ...): text is always text, never HTML.
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "class") e.className = v;
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

// "2025-12-02" -> "2 December 2025", "2025-02" -> "February 2025"
function niceDate(d) {
  if (!d) return "";
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(d);
  if (!m) return d;
  if (m[3]) return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  if (m[2]) return `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  return m[1];
}

const KIND = { PERSON: "Person", ORG: "Organisation", PLACE: "Place" };
const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
const verb = (p) => p.replace(/_/g, " ");

function debounce(fn, ms) {
  let t;
  return (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); };
}

// ---------- state ----------

const state = {
  focus: null,      // name the network is centred on (null: everyone)
  selected: null,   // entity id shown in the profile
  hops: 1,
  relations: false,
  nodes: [],        // [{dom, id, name, kind}] of the drawing shown
  edges: [],
  pairs: [],
};

// ---------- pan and zoom over an SVG's viewBox ----------

function panZoom(container, svg, onPick) {
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  const vb = svg.viewBox.baseVal;
  const home = { x: vb.x, y: vb.y, w: vb.width, h: vb.height };
  // a little air around the drawing
  const pad = 0.04;
  const fit = () => set(home.x - home.w * pad, home.y - home.h * pad, home.w * (1 + 2 * pad), home.h * (1 + 2 * pad));
  function set(x, y, w, h) {
    svg.setAttribute("viewBox", `${x} ${y} ${w} ${h}`);
  }
  function toSvg(cx, cy) {
    const m = svg.getScreenCTM();
    if (!m) return { x: 0, y: 0 };
    const p = new DOMPoint(cx, cy).matrixTransform(m.inverse());
    return { x: p.x, y: p.y };
  }
  function zoom(factor, cx, cy) {
    const v = svg.viewBox.baseVal;
    const w = Math.min(Math.max(v.width * factor, home.w / 12), home.w * 4);
    const f = w / v.width;
    const r = container.getBoundingClientRect();
    const p = toSvg(cx === undefined ? r.left + r.width / 2 : cx, cy === undefined ? r.top + r.height / 2 : cy);
    set(p.x - (p.x - v.x) * f, p.y - (p.y - v.y) * f, v.width * f, v.height * f);
  }
  container.onwheel = (e) => {
    e.preventDefault();
    zoom(Math.exp(e.deltaY * 0.0015), e.clientX, e.clientY);
  };
  let drag = null;
  container.onpointerdown = (e) => {
    if (e.button !== 0) return;
    const node = e.target.closest && e.target.closest("g.node");
    drag = { x: e.clientX, y: e.clientY, moved: false, node, id: e.pointerId };
  };
  container.onpointermove = (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) {
      drag.moved = true;
      container.classList.add("dragging");
      container.setPointerCapture(e.pointerId);
    }
    const a = toSvg(drag.x, drag.y), b = toSvg(e.clientX, e.clientY);
    const v = svg.viewBox.baseVal;
    set(v.x - (b.x - a.x), v.y - (b.y - a.y), v.width, v.height);
    drag.x = e.clientX;
    drag.y = e.clientY;
  };
  const end = (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    container.classList.remove("dragging");
    if (!drag.moved && drag.node && e.type === "pointerup") onPick(drag.node);
    drag = null;
  };
  container.onpointerup = end;
  container.onpointercancel = end;
  // the first view: the whole drawing if its names stay readable, else
  // readable and centred on the person at the centre
  function start(centre) {
    fit();
    const r = container.getBoundingClientRect();
    const v = svg.viewBox.baseVal;
    const minScale = 0.85;
    if (!r.width || Math.min(r.width / v.width, r.height / v.height) >= minScale) return;
    let c = { x: v.x + v.width / 2, y: v.y + v.height / 2 };
    if (centre) {
      const b = centre.getBoundingClientRect();
      c = toSvg(b.left + b.width / 2, b.top + b.height / 2);
    }
    const w = r.width / minScale, h = r.height / minScale;
    set(c.x - w / 2, c.y - h / 2, w, h);
  }
  return { zoom, fit, start };
}

let view = null; // the pan-zoom of the network shown

function mountSVG(container, markup) {
  const doc = new DOMParser().parseFromString(markup, "image/svg+xml");
  const svg = doc.documentElement;
  if (svg.nodeName !== "svg") throw new Error("the drawing could not be read");
  // keep only drawing: no scripts or links can come in with it
  svg.querySelectorAll("script, foreignObject").forEach((n) => n.remove());
  svg.querySelectorAll("a").forEach((a) => { a.removeAttribute("href"); a.removeAttributeNS("http://www.w3.org/1999/xlink", "href"); });
  container.replaceChildren(document.importNode(svg, true));
  return container.querySelector("svg");
}

// wire the drawing's nodes to the entities they show
function wireNodes(svg, nodes, onPick) {
  const byDom = new Map();
  for (const n of nodes) {
    const g = svg.getElementById(n.dom);
    if (!g) continue;
    g.dataset.id = n.id;
    g.dataset.name = n.name;
    g.setAttribute("role", "button");
    g.setAttribute("tabindex", "0");
    g.setAttribute("aria-label", n.name);
    g.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); onPick(g); } });
    byDom.set(n.dom, n);
  }
  return byDom;
}

// ---------- the network ----------

async function loadNetwork() {
  const box = $("#network");
  const params = new URLSearchParams();
  if (state.focus) params.append("around", state.focus);
  params.set("hops", state.hops);
  if (state.relations) params.set("relations", "1");
  $("#net-dek").textContent = "Drawing…";
  let data;
  try {
    data = await api("/api/network?" + params);
  } catch (e) {
    box.replaceChildren(el("div", { class: "message error" }, e.message));
    $("#net-dek").textContent = "";
    return;
  }
  const n = data.network;
  $("#net-title").textContent = data.title;
  const people = n.people.length;
  let dek = `${plural(people, "person", "people")} · ${plural(n.pairs.length, "pair", "pairs")} who met`;
  if (state.relations) dek += ` · ${plural(n.relations.length, "other relation", "other relations")}`;
  if (n.truncated) dek += " · the best connected shown";
  $("#net-dek").textContent = dek;
  state.nodes = data.nodes;
  state.pairs = n.pairs;
  state.relationsData = n.relations;
  if (!data.svg) {
    box.replaceChildren(el("div", { class: "message" },
      state.focus ? `No meetings of ${state.focus} in the graph yet.` : "No meetings in the graph yet: ingest some articles."));
    view = null;
    return;
  }
  if (!state.selected) showLeaders(n);
  const svg = mountSVG(box, data.svg);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", data.title);
  wireNodes(svg, data.nodes, (g) => selectEntity(g.dataset.id));
  view = panZoom(box, svg, (g) => selectEntity(g.dataset.id));
  view.start(svg.querySelector("g.node.focus"));
  highlight();
}

// dim all but the selected person and whom they met
function highlight() {
  const svg = $("#network svg");
  if (!svg) return;
  svg.querySelectorAll(".selected, .near").forEach((x) => x.classList.remove("selected", "near"));
  const id = state.selected;
  const node = id && [...svg.querySelectorAll("g.node")].find((g) => g.dataset.id === id);
  if (!node) { svg.classList.remove("dimmed"); return; }
  node.classList.add("selected", "near");
  const near = new Set([id]);
  for (const p of state.pairs) {
    if (p.a === id) near.add(p.b);
    if (p.b === id) near.add(p.a);
  }
  for (const l of state.relationsData || []) {
    if (l.subject === id) near.add(l.object);
    if (l.object === id) near.add(l.subject);
  }
  svg.querySelectorAll("g.node").forEach((g) => { if (near.has(g.dataset.id)) g.classList.add("near"); });
  // edges carry the two names in their <title>: "A--B"
  const names = new Map(state.nodes.map((n) => [n.name, n.id]));
  svg.querySelectorAll("g.edge").forEach((g) => {
    const t = (g.querySelector("title") || {}).textContent || "";
    const [a, b] = t.split(/--|->/);
    if (names.get(a) === id || names.get(b) === id) g.classList.add("near");
  });
  svg.classList.add("dimmed");
}

// ---------- the profile ----------

// before anyone is picked: the best connected people of the drawing
function showLeaders(n) {
  const top = [...n.people].sort((a, b) => b.met - a.met || a.name.localeCompare(b.name)).slice(0, 8);
  const panel = $("#profile");
  panel.replaceChildren(el("div", { class: "empty" },
    el("h2", {}, "Pick a person"),
    el("p", {}, "Search above, or click anyone in the network, to see who they met, when and where, what they said, " +
      "and how they relate to others: each fact with the sentence that states it and the article it comes from."),
    top.length ? section("Most connected here", null, el("ol", { class: "leaders" }, top.map((p) =>
      el("li", {}, el("button", { type: "button", class: "link", onclick: () => focusOn(p.name, p.id) }, p.name),
        el("span", { class: "meta" }, ` met ${plural(p.met, "person", "people")}`))))) : null));
}

function person(ref) {
  return el("button", { type: "button", class: "link", onclick: () => selectEntity(ref.id) }, ref.name);
}

function people(refs) {
  const out = [];
  refs.forEach((r, i) => {
    if (i > 0) out.push(i === refs.length - 1 ? " and " : ", ");
    out.push(person(r));
  });
  return out;
}

function source(article) {
  if (!article || !article.name) return null;
  return el("div", { class: "source" },
    el("span", { class: "file" }, article.name),
    article.title ? ` · ${article.title}` : "",
    article.date ? ` · ${niceDate(article.date)}` : "");
}

function evidence(list) {
  return (list || []).map((ev) => [
    el("blockquote", { class: "evidence" }, ev.text),
    source(ev.article),
  ]);
}

function section(title, count, ...body) {
  return el("section", {}, el("h3", {}, title, count !== null ? el("span", { class: "count" }, count) : null), ...body);
}

async function selectEntity(id) {
  state.selected = id;
  highlight();
  const panel = $("#profile");
  let e;
  try {
    e = await api("/api/entity/" + id.split("/").map(encodeURIComponent).join("/"));
  } catch (err) {
    panel.replaceChildren(el("p", { class: "error" }, err.message));
    return;
  }
  if (state.selected !== id) return; // another click came first
  const kids = [];
  const kind = KIND[e.type] || "Entity";
  kids.push(el("div", { class: "kind" }, `${kind} · in ${plural(e.articles.length, "article", "articles")}`));
  kids.push(el("h2", { class: "name" }, e.name));
  if (e.aliases.length) kids.push(el("p", { class: "aka" }, "Also: " + e.aliases.join(", ")));
  if (e.type === "PERSON") {
    const centred = state.focus && state.focus === e.name;
    kids.push(el("div", { class: "actions" },
      centred ? null : el("button", { type: "button", class: "btn", onclick: () => focusOn(e.name, e.id) }, "Centre the network on " + e.name)));
  }
  if (e.met.length) {
    kids.push(section("Met", e.met.length, el("div", { class: "chips" },
      e.met.map((m) => el("button", { type: "button", class: "chip", onclick: () => selectEntity(m.id) }, m.name)))));
  }
  if (e.meetings.length) {
    kids.push(section("Meetings", e.meetings.length, e.meetings.map((m) => {
      const others = m.participants.filter((p) => p.id !== e.id);
      return el("article", { class: "fact meeting" },
        el("div", { class: "fact-head" },
          m.date ? el("time", { datetime: m.date }, niceDate(m.date)) : el("span", { class: "place" }, "Date not given"),
          m.place ? el("span", { class: "place" }, " · " + m.place.name) : null,
          m.planned ? el("span", { class: "planned" }, "planned") : null),
        others.length ? el("div", { class: "with" }, "with ", people(others)) : null,
        evidence(m.evidence),
        m.evidence.length ? null : source(m.article));
    })));
  }
  if (e.relations.length) {
    kids.push(section("Relations", e.relations.length, e.relations.map((r) =>
      el("article", { class: "fact relation" },
        el("div", { class: "fact-head" },
          r.subject.id === e.id ? el("span", {}, r.subject.name) : person(r.subject),
          " ", el("span", { class: "rel" }, verb(r.predicate)), " ",
          r.object.id === e.id ? el("span", {}, r.object.name) : person(r.object)),
        evidence(r.evidence),
        r.evidence.length ? null : r.articles.map(source)))));
  }
  if (e.quotes.length) {
    kids.push(section("Quotes", e.quotes.length, e.quotes.map((q) =>
      el("article", { class: "fact quote" },
        el("p", { class: "pull" }, q.text),
        q.evidence.length ? el("div", { class: "context" }, "In the article:", evidence(q.evidence)) : source(q.article)))));
  }
  if (e.articles.length) {
    kids.push(section("Articles", e.articles.length, el("ul", { class: "articles" },
      e.articles.map((a) => el("li", {}, source(a))))));
  }
  panel.replaceChildren(...kids);
  panel.scrollTop = 0;
}

// centre the network on a person and open their profile
async function focusOn(name, id) {
  state.focus = name;
  const url = new URL(location.href);
  url.searchParams.set("focus", name);
  history.replaceState(null, "", url);
  showTab("network");
  await loadNetwork();
  if (id) await selectEntity(id);
}

// ---------- search ----------

function setupSearch() {
  const input = $("#q"), list = $("#suggestions");
  let hits = [], active = -1;
  const close = () => { list.hidden = true; input.setAttribute("aria-expanded", "false"); active = -1; };
  const choose = (h) => {
    close();
    input.value = h.name;
    if (h.type === "PERSON") focusOn(h.name, h.id);
    else { showTab("network"); selectEntity(h.id); }
  };
  const render = () => {
    list.replaceChildren(...(hits.length ? hits.map((h, i) =>
      el("li", { role: "option", id: "opt-" + i, "aria-selected": i === active ? "true" : "false",
        onmousedown: (ev) => { ev.preventDefault(); choose(h); } },
        el("span", { class: "name" }, h.name),
        el("span", { class: "kind" }, KIND[h.type] || ""),
        el("span", { class: "meta" }, plural(h.articles, "article", "articles"))))
      : [el("li", { class: "none" }, "Nobody by that name")]));
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    input.setAttribute("aria-activedescendant", active >= 0 ? "opt-" + active : "");
  };
  const lookup = debounce(async () => {
    const q = input.value.trim();
    if (!q) { close(); return; }
    try {
      const r = await api("/api/entities?q=" + encodeURIComponent(q) + "&limit=8");
      if (input.value.trim() !== q) return;
      hits = r.results;
      active = hits.length ? 0 : -1;
      render();
    } catch (e) { close(); }
  }, 120);
  input.addEventListener("input", lookup);
  input.addEventListener("keydown", (e) => {
    if (list.hidden) return;
    if (e.key === "ArrowDown") { active = Math.min(active + 1, hits.length - 1); render(); e.preventDefault(); }
    else if (e.key === "ArrowUp") { active = Math.max(active - 1, 0); render(); e.preventDefault(); }
    else if (e.key === "Escape") close();
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
  $("#search").addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!list.hidden && active >= 0 && hits[active]) { choose(hits[active]); return; }
    const q = input.value.trim();
    if (!q) return;
    const r = await api("/api/entities?q=" + encodeURIComponent(q) + "&limit=1");
    if (r.results.length) choose(r.results[0]);
    else { hits = []; render(); }
  });
}

// ---------- tabs and controls ----------

function showTab(which) {
  for (const t of ["network", "console"]) {
    $("#tab-" + t).setAttribute("aria-selected", String(t === which));
    $("#view-" + t).hidden = t !== which;
  }
}

function setupControls() {
  $("#tab-network").onclick = () => showTab("network");
  $("#tab-console").onclick = () => { showTab("console"); $("#gizmo").focus(); };
  document.querySelectorAll(".seg button").forEach((b) => {
    b.onclick = () => {
      state.hops = Number(b.dataset.hops);
      document.querySelectorAll(".seg button").forEach((x) => x.setAttribute("aria-pressed", String(x === b)));
      loadNetwork();
    };
  });
  $("#relations").onchange = (e) => { state.relations = e.target.checked; loadNetwork(); };
  $("#zoom-in").onclick = () => view && view.zoom(1 / 1.3);
  $("#zoom-out").onclick = () => view && view.zoom(1.3);
  $("#zoom-fit").onclick = () => view && view.fit();
}

// ---------- Gizmo console ----------

const EXAMPLES = [
  ["Everyone Putin met", 'g.V().Has("<kg:key>", "putin").Tag("source")\n  .Both("<kg:met>").Tag("target")\n  .All()'],
  ["Who met whom (as a graph)", 'g.V().Has("<rdf:type>", "<schema:Person>").Tag("source")\n  .Out("<kg:met>").Tag("target")\n  .All()'],
  ["Meetings: date, place, who", 'g.V().Has("<rdf:type>", "<kg:Meeting>")\n  .Save("<kg:date>", "date")\n  .Save("<prov:wasDerivedFrom>", "article")\n  .Out("<kg:participant>").Save("<rdfs:label>", "who")\n  .All()'],
  ["Quotes and who said them", 'g.V().Has("<rdf:type>", "<kg:Quote>")\n  .Save("<kg:text>", "quote")\n  .Out("<kg:speaker>").Save("<rdfs:label>", "speaker")\n  .All()'],
  ["Who advises whom", 'g.V().Tag("source")\n  .Out("<kg:advises>").Tag("target")\n  .All()'],
  ["Count the people", 'g.emit(g.V().Has("<rdf:type>", "<schema:Person>").Count())'],
];

function cell(v, labels) {
  if (v === null || v === undefined) return el("td", {}, "");
  if (typeof v === "string") {
    const ref = labels[v];
    if (ref) return el("td", {}, el("button", { type: "button", class: "link", onclick: () => { showTab("network"); selectEntity(ref.id); } }, ref.name),
      el("span", { class: "iri" }, v.slice(1, -1)));
    const typed = /^"((?:[^"\\]|\\.)*)"\^\^<[^>]+>$/.exec(v);
    return el("td", {}, typed ? typed[1] : v);
  }
  return el("td", {}, typeof v === "object" ? JSON.stringify(v) : String(v));
}

function renderTable(res) {
  const box = $("#result-table");
  if (!res.result.length) { box.replaceChildren(el("p", { class: "empty" }, "No results.")); return; }
  const rows = res.result.map((r) => (r !== null && typeof r === "object" && !Array.isArray(r)) ? r : { value: r });
  const cols = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
  // id first, then the tags in the order they came
  cols.sort((a, b) => (a === "id" ? -1 : b === "id" ? 1 : 0));
  box.replaceChildren(el("table", {},
    el("thead", {}, el("tr", {}, cols.map((c) => el("th", { scope: "col" }, c)))),
    el("tbody", {}, rows.map((r) => el("tr", {}, cols.map((c) => cell(r[c], res.labels)))))));
}

function renderGraph(res) {
  const box = $("#result-graph");
  if (!res.svg) {
    box.replaceChildren(el("div", { class: "message" }, "Nothing to draw: the results hold no IRIs (tag two nodes \"source\" and \"target\", or emit ids)."));
    return;
  }
  const svg = mountSVG(box, res.svg);
  const pick = (g) => { showTab("network"); selectEntity(g.dataset.id.replace(/^<.*\/id\/(.*)>$/, "$1")); };
  const ids = res.nodes.map((n) => ({ ...n, id: (res.labels[n.id] || { id: n.id }).id }));
  wireNodes(svg, ids, pick);
  box.hidden = false;
  panZoom(box, svg, pick);
  box.hidden = $("#rt-graph").getAttribute("aria-selected") !== "true";
}

async function runQuery() {
  const status = $("#query-status"), button = $("#run");
  status.className = "status";
  status.textContent = "Running…";
  button.disabled = true;
  try {
    const res = await api("/api/query?graph=1&limit=500", {
      method: "POST", headers: { "Content-Type": "text/plain; charset=utf-8" }, body: $("#gizmo").value,
    });
    status.textContent = `${plural(res.result.length, "result", "results")}${res.truncated ? ` (the first ${res.limit})` : ""} in ${res.took_ms} ms`;
    renderTable(res);
    renderGraph(res);
  } catch (e) {
    status.className = "status error";
    status.textContent = e.message;
  } finally {
    button.disabled = false;
  }
}

function setupConsole() {
  const sel = $("#examples");
  EXAMPLES.forEach(([name], i) => sel.append(el("option", { value: i }, name)));
  $("#gizmo").value = EXAMPLES[0][1];
  sel.onchange = () => { $("#gizmo").value = EXAMPLES[Number(sel.value)][1]; };
  $("#run").onclick = runQuery;
  $("#gizmo").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); runQuery(); }
  });
  const tabs = { table: $("#rt-table"), graph: $("#rt-graph") };
  for (const [name, tab] of Object.entries(tabs)) {
    tab.onclick = () => {
      for (const [n, t] of Object.entries(tabs)) {
        t.setAttribute("aria-selected", String(n === name));
        $("#result-" + n).hidden = n !== name;
      }
      if (name === "graph") {
        const svg = $("#result-graph svg");
        if (svg) panZoom($("#result-graph"), svg, () => {}).fit();
      }
    };
  }
}

// ---------- start ----------

async function start() {
  setupSearch();
  setupControls();
  setupConsole();
  api("/api/stats").then((s) => {
    $("#footer").textContent = `${plural(s.articles, "article", "articles")} · ${plural(s.people, "person", "people")} · ` +
      `${plural(s.meetings, "meeting", "meetings")} · ${plural(s.quotes, "quote", "quotes")} · read-only ${s.store} store`;
  }).catch(() => {});
  const focus = new URLSearchParams(location.search).get("focus");
  if (focus) {
    $("#q").value = focus;
    try {
      const r = await api("/api/entities?q=" + encodeURIComponent(focus) + "&limit=5");
      const hit = r.results.find((h) => h.type === "PERSON") || r.results[0];
      if (hit && hit.type === "PERSON") { await focusOn(hit.name, hit.id); return; }
      if (hit) { await loadNetwork(); await selectEntity(hit.id); return; }
      $("#profile").replaceChildren(el("p", { class: "error" }, `Nobody called “${focus}” in the graph.`));
    } catch (e) { /* fall through to the whole network */ }
  }
  await loadNetwork();
}

document.addEventListener("DOMContentLoaded", start);
