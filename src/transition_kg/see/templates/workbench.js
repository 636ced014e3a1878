"use strict";
// The SPARQL workbench (serve's /): an editor that highlights and completes, the named queries
// with their parameters (bound by the server's library), results as a table with labels, a
// chart, CSV and JSON, and a link that reproduces the query. Its data is the JSON island #data
// (WorkbenchData, see/workbench.py): the named queries, the prefixes and the ontology's terms.
// It asks through ASK: serve's /sparql and /named, or, as the Query tab of a network page with
// its own store (view --with-sparql; this page is then a frame of it), the page's store.
const DATA = JSON.parse(document.getElementById("data").textContent);
const JSON_RESULTS = "application/sparql-results+json";
const ASK = DATA.inPage ? {
  // the page's store (query.js), found when asked: the frame's parent
  sparql: text => parent.tkg.ask(text),
  bind: (name, values) => parent.tkg.bind(name, values),
  stop: () => parent.tkg.stop(),
  open: iri => ({href: "#node=" + encodeURIComponent(iri), click: () => parent.tkg.card(iri)}),
  network: text => parent.tkg.asNetwork(text, question()),  // the result's nodes, shown alone in the page's network
  hash: () => parent.tkg.fragment,
  keep: hash => parent.history.replaceState(null, "", hash),
} : {
  running: new Set(),  // the requests under way: Stop aborts them, and the server ends their workers
  async sparql(text) {  // {ok, graph (a CONSTRUCT's Turtle), text, hints}
    const controller = new AbortController();
    this.running.add(controller);
    let response;
    try {
      response = await fetch("/sparql", {method: "POST", body: text, signal: controller.signal,
        headers: {"Content-Type": "application/sparql-query", "Accept": JSON_RESULTS + ", text/turtle;q=0.9"}});
    } catch (e) {
      return {ok: false, text: controller.signal.aborted ? "stopped" : String(e)};
    } finally { this.running.delete(controller); }
    return {ok: response.ok, status: response.status, text: await response.text(),
            graph: (response.headers.get("Content-Type") || "").startsWith("text/turtle"),
            hints: JSON.parse(response.headers.get("X-TKG-Hints") || "[]")};
  },
  stop() { for (const c of this.running) c.abort(); },
  async bind(name, values) {  // the library binds the parameters: {ok, text}
    const response = await fetch(`/named/${encodeURIComponent(name)}?${new URLSearchParams(values)}`);
    return {ok: response.ok, text: await response.text()};
  },
  open: iri => ({href: "/view?focus=" + encodeURIComponent(iri) + "#node=" + encodeURIComponent(iri), target: "_blank"}),
  network: text => { window.open("/view?query=" + encodeURIComponent(text), "_blank"); },
  hash: () => location.hash,
  keep: hash => history.replaceState(null, "", hash),
};
async function rowsOf(text) {  // a SELECT's bindings, or null when it was refused
  const answer = await ASK.sparql(text);
  return answer.ok ? JSON.parse(answer.text).results.bindings : null;
}
async function searched(text) {  // the entities whose labels hold the text: the search query, bound by the library
  const prepared = await ASK.bind("search", {text});
  return prepared.ok ? rowsOf(prepared.text) : null;
}
const area = document.getElementById("query"), highlight = document.getElementById("highlight");
const status = document.getElementById("status"), results = document.getElementById("results");
const chartBox = document.getElementById("chart"), form = document.getElementById("form");
const complete = document.getElementById("complete");
let current = null;   // the named query shown, if any
let bound = null;     // the text the library bound for it (an edit of the text leaves the named query)
let last = null;      // the last result: {vars, rows}

// --- highlighting: the text drawn under a transparent textarea, token by token -----------------
const TOKEN = /(#[^\n]*)|("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(<[^<>"{}|^`\\\s]*>)|([?$][A-Za-z_0-9]+)|\b([A-Za-z][\w-]*:[\w.-]*)|\b(\d+(?:\.\d+)?)\b|\b(SELECT|CONSTRUCT|DESCRIBE|ASK|WHERE|FROM|NAMED|GRAPH|OPTIONAL|UNION|MINUS|FILTER|BIND|VALUES|SERVICE|PREFIX|BASE|DISTINCT|REDUCED|ORDER|BY|GROUP|HAVING|LIMIT|OFFSET|ASC|DESC|AS|NOT|EXISTS|IN|a|COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT|STR|LANG|LANGMATCHES|REGEX|CONTAINS|STRSTARTS|LCASE|UCASE|IF|COALESCE|BOUND|isIRI|isLiteral|YEAR|true|false)\b/gi;
let bad = null;  // [line, column] of the last error
function paint() {
  const text = area.value;
  const out = document.createDocumentFragment();
  let at = 0;
  const kinds = ["com", "str", "iri", "var", "pn", "num", "kw"];
  const badAt = bad ? offsetOf(text, bad[0], bad[1]) : -1;
  const atEnd = badAt >= 0 && (badAt >= text.length || text[badAt] === "\n");  // the end of a line, or of the query
  const plain = (from, to) => {
    if (atEnd && badAt >= from && badAt <= to) {  // marked by a space of its own, where a word is missing
      out.appendChild(document.createTextNode(text.slice(from, badAt)));
      out.appendChild(el("span", {class: "bad", title: "here"}, " "));
      out.appendChild(document.createTextNode(text.slice(badAt, to)));
    } else if (badAt >= from && badAt < to) {
      out.appendChild(document.createTextNode(text.slice(from, badAt)));
      const end = Math.min(to, text.slice(badAt).search(/\s|$/) + badAt || badAt + 1);
      out.appendChild(el("span", {class: "bad"}, text.slice(badAt, Math.max(end, badAt + 1))));
      out.appendChild(document.createTextNode(text.slice(Math.max(end, badAt + 1), to)));
    } else out.appendChild(document.createTextNode(text.slice(from, to)));
  };
  for (const m of text.matchAll(TOKEN)) {
    plain(at, m.index);
    const kind = kinds[m.slice(1).findIndex(g => g !== undefined)];
    const cls = badAt >= m.index && badAt < m.index + m[0].length ? kind + " bad" : kind;
    out.appendChild(el("span", {class: cls}, m[0]));
    at = m.index + m[0].length;
  }
  plain(at, text.length);
  out.appendChild(document.createTextNode("\n"));
  highlight.replaceChildren(out);
  area.style.height = highlight.offsetHeight + "px";
}
function offsetOf(text, line, column) {
  const lines = text.split("\n");
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
  return offset + Math.max(0, column - 1);
}
area.addEventListener("input", () => { bad = null; paint(); suggest(); });

// --- completion: prefixes and the ontology's terms ---------------------------------------------
const WORDS = [...Object.keys(DATA.prefixes || {}).map(p => p + ":"), ...(DATA.terms || [])];
let choices = [], chosen = 0;
function wordBefore() {
  const upto = area.value.slice(0, area.selectionStart);
  const m = upto.match(/[A-Za-z][\w-]*:?[\w.-]*$/);
  return m ? m[0] : "";
}
function suggest() {
  const word = wordBefore();
  if (/^tkr:[^:]{2,}$/.test(word)) return suggestEntities(word.slice(4), word);
  const found = word.length >= 2 ? WORDS.filter(w => w.toLowerCase().startsWith(word.toLowerCase()) && w !== word) : [];
  show(found.slice(0, 12).map(w => ({insert: w, shown: w})));
}
// entities by label: after "tkr:" as you type, anywhere with Ctrl+Space (the search query, by the label index)
let asked = 0;
async function suggestEntities(text, word) {
  const mine = ++asked;
  const rows = await searched(text);
  if (!rows || mine !== asked || wordBefore() !== word) return;
  const seen = new Set();
  show(rows.map(r => ({insert: shortIri(r.entity.value), shown: `${shortIri(r.entity.value)} — ${r.label.value}`}))
           .filter(c => !seen.has(c.insert) && seen.add(c.insert)).slice(0, 12));
}
function show(found) {
  choices = found;
  complete.replaceChildren(...choices.map((c, i) => el("li", {role: "option", "aria-selected": String(i === 0)}, c.shown)));
  chosen = 0;
  complete.hidden = choices.length === 0;
  if (!complete.hidden) {
    const lines = area.value.slice(0, area.selectionStart).split("\n");
    complete.style.top = (lines.length * 19 + 8) + "px";
    complete.style.left = Math.min(lines[lines.length - 1].length * 7.8 + 8, area.clientWidth - 200) + "px";
  }
}
function accept(i) {
  const word = wordBefore(), start = area.selectionStart - word.length;
  area.setRangeText(choices[i].insert, start, area.selectionStart, "end");
  complete.hidden = true; choices = [];
  paint();
}
complete.addEventListener("mousedown", e => { const i = [...complete.children].indexOf(e.target); if (i >= 0) { e.preventDefault(); accept(i); } });
area.addEventListener("keydown", e => {
  if ((e.ctrlKey || e.metaKey) && e.key === "Enter") { e.preventDefault(); run(); return; }
  if (e.ctrlKey && e.key === " ") {  // entities whose labels hold the word before the cursor
    e.preventDefault();
    const word = wordBefore();
    if (word.replace(/^tkr:/, "").length >= 2) suggestEntities(word.replace(/^tkr:/, ""), word);
    return;
  }
  if (complete.hidden) return;
  if (e.key === "ArrowDown" || e.key === "ArrowUp") {
    e.preventDefault();
    chosen = (chosen + (e.key === "ArrowDown" ? 1 : choices.length - 1)) % choices.length;
    [...complete.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === chosen)));
  } else if (e.key === "Tab" || e.key === "Enter") { e.preventDefault(); accept(chosen); }
  else if (e.key === "Escape") { complete.hidden = true; }
});
area.addEventListener("blur", () => { complete.hidden = true; });

// --- named queries and their parameters ----------------------------------------------------------
const named = document.getElementById("named");
// on a phone the list is a picker, folded (workbench.css): this button opens it, a choice folds it
const namedToggle = document.getElementById("named-toggle");
namedToggle.addEventListener("click", () => namedToggle.setAttribute("aria-expanded", String(namedToggle.getAttribute("aria-expanded") !== "true")));
for (const q of DATA.examples || []) {
  const button = el("button", {type: "button", "data-name": q.name}, q.name, el("small", {}, q.title));
  button.addEventListener("click", () => { namedToggle.setAttribute("aria-expanded", "false"); choose(q.name); });
  named.appendChild(el("li", {}, button));
}
const pickerSays = () => { namedToggle.textContent = current ? `Named query: ${current.name}` : `Named queries: ${named.children.length} to choose from`; };
pickerSays();
// a parameter's type in words, for its field's label
const TYPE_WORDS = {IRI: "a name or an IRI", string: "words", integer: "a whole number", decimal: "a number", year: "a year"};
function choose(name, values) {
  current = (DATA.examples || []).find(q => q.name === name) || null;
  for (const b of named.querySelectorAll("button")) b.setAttribute("aria-current", String(!!current && b.dataset.name === name));
  pickerSays();
  document.getElementById("title").textContent = current ? `${current.name} — ${current.title}` : "Your query";
  document.getElementById("description").textContent = current ? current.description : "";
  form.replaceChildren();
  status.className = ""; status.textContent = "";  // an error belongs to the query it came from
  results.replaceChildren(); chartBox.replaceChildren();
  bound = null;
  if (!current) return;
  for (const p of current.params) {
    const input = el("input", {name: p.name, value: (values && values[p.name]) || p.default || "",
                               "aria-labelledby": "l-" + p.name, "aria-describedby": "d-" + p.name});
    input.addEventListener("change", () => bindNamed());
    input.addEventListener("keydown", e => { if (e.key === "Enter") { e.preventDefault(); run().catch(fail); } });
    if (p.type === "IRI") picker(input, p);
    form.appendChild(el("label", {}, el("span", {id: "l-" + p.name}, `${p.name} — ${TYPE_WORDS[p.type] || p.type}`),
                        input, el("small", {id: "d-" + p.name}, p.description || "")));
  }
  area.value = bound = current.text;
  bad = null; paint();
  return bindNamed();
}
function given() {
  const values = {};
  for (const input of form.querySelectorAll("input")) if (input.value.trim()) values[input.name] = input.value.trim();
  return values;
}
async function bindNamed() {
  // the library binds the parameters (typed, never pasted into the text; a label names its
  // entity, as on the command line); the editor shows what runs
  const {ok, text} = await ASK.bind(current.name, given());
  if (!ok) { status.className = "error"; status.textContent = text.trim(); return false; }
  area.value = bound = text; bad = null; paint();
  return true;
}
// an IRI parameter suggests entities by label as you type (the search query, by the label index)
let searching = 0;
function picker(input, p) {
  const list = el("datalist", {id: "dl-" + p.name});
  input.setAttribute("list", list.id);
  input.setAttribute("autocomplete", "off");
  input.addEventListener("input", () => {
    const text = input.value.trim(), mine = ++searching;
    if (text.length < 2 || text.includes(":")) return;
    setTimeout(async () => {
      if (mine !== searching) return;  // typed on: only the last keystroke asks
      let rows = await searched(text);
      if (!rows || mine !== searching) return;
      if (p.kind && rows.length) {  // the entities of the kind the query asks for (subclasses too), when there are some
        const values = [...new Set(rows.map(r => r.entity.value))].slice(0, 200).map(i => `<${i}>`).join(" ");
        const kinds = await rowsOf(`SELECT DISTINCT ?e WHERE { VALUES ?e { ${values} } GRAPH ?g { ?e a <${p.kind}> } }`);
        if (!kinds || mine !== searching) return;
        const fitting = new Set(kinds.map(b => b.e.value));
        if (fitting.size) rows = rows.filter(r => fitting.has(r.entity.value));
      }
      rows = rows.slice(0, 12);
      list.replaceChildren(...rows.map(r => el("option", {value: shortIri(r.entity.value),
        label: `${r.label.value} — ${r.kind ? shortIri(r.kind.value) : ""}`})));
    }, 150);
  });
  form.appendChild(list);
}
// the text edited by hand is your own query: the named query's title and form leave the screen
area.addEventListener("input", () => { if (current && area.value !== bound) choose(null); });

// --- running, results, labels ------------------------------------------------------------------
const PREFIXES = Object.entries(DATA.prefixes || {}).sort((a, b) => b[1].length - a[1].length);
function shortIri(iri) {
  for (const [p, ns] of PREFIXES) if (iri.startsWith(ns) && /^[\w.-]*$/.test(iri.slice(ns.length))) return p + ":" + iri.slice(ns.length);
  return iri;
}
async function labelsOf(iris) {
  if (!iris.length) return new Map();
  const values = iris.slice(0, 500).map(i => `<${i}>`).join(" ");
  const q = `SELECT ?x (SAMPLE(?l) AS ?label) WHERE { VALUES ?x { ${values} } GRAPH ?g { { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?l }
    UNION { ?x <http://purl.org/dc/terms/title> ?l } } FILTER(lang(?l) IN ("en", "")) } GROUP BY ?x`;
  const rows = await rowsOf(q);
  return new Map((rows || []).map(b => [b.x.value, b.label.value]));
}
const NUMBERS = /#(integer|decimal|double|float|long|int|short|nonNegativeInteger|positiveInteger)$/;
function cell(term, labels) {
  if (!term) return document.createTextNode("");
  if (term.type === "uri") {
    const {click, ...attrs} = ASK.open(term.value);
    const link = el("a", {...attrs, title: term.value}, labels.get(term.value) || shortIri(term.value));
    if (click) link.addEventListener("click", e => { e.preventDefault(); click(); });
    return labels.has(term.value) ? el("span", {}, link, el("small", {}, shortIri(term.value))) : link;
  }
  if (NUMBERS.test(term.datatype || "") && /^[+-]?\d+(\.\d+)?$/.test(term.value)) {  // as readers write them: 15,000,000,000
    const [whole, part] = term.value.replace(/^\+/, "").split(".");
    return el("span", {class: "number"}, BigInt(whole).toLocaleString("en") + (part ? "." + part : ""));
  }
  return document.createTextNode(term["xml:lang"] ? `${term.value} @${term["xml:lang"]}` : term.value);
}
function value(term) {
  if (!term) return "";
  const n = Number(term.value);
  return term.type === "literal" && term.value.trim() !== "" && !isNaN(n) ? n : term.value;
}
let labelsNow = new Map();
function table(sortBy, descending) {
  const rows = last.rows.slice();
  if (sortBy) rows.sort((a, b) => {
    const x = value(a[sortBy]), y = value(b[sortBy]);
    const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return descending ? -order : order;
  });
  const head = el("tr", {}, ...last.vars.map(v => {
    const button = el("button", {type: "button"}, v + (sortBy === v ? (descending ? " ▼" : " ▲") : ""));
    button.addEventListener("click", () => table(v, sortBy === v ? !descending : false));
    return el("th", {scope: "col", "aria-sort": sortBy === v ? (descending ? "descending" : "ascending") : "none"}, button);
  }));
  const body = el("tbody", {}, ...rows.map(r => el("tr", {}, ...last.vars.map(v => el("td", {}, cell(r[v], labelsNow))))));
  results.replaceChildren(el("table", {}, el("thead", {}, head), body));
}
function readable(n) {
  // a number as an axis says it, whole: 61 billion, 6.3 billion, 700,000
  for (const [size, word] of [[1e12, "trillion"], [1e9, "billion"], [1e6, "million"]]) {
    if (Math.abs(n) >= size && Number.isInteger(n * 10 / size)) return `${(n / size).toLocaleString("en")} ${word}`;
  }
  return n.toLocaleString("en");
}
function askedAbout() {
  // the entities a named query's fields name (Datong, tkr:indicator-…), as IRIs where written as
  // one: what its charts are about, which the result's columns may not say
  if (!current) return [];
  return current.params.filter(p => p.type === "IRI").map(p => (form.querySelector(`input[name="${p.name}"]`) || {}).value)
    .filter(Boolean).map(v => {
      const m = v.trim().match(/^([\w-]*):([\w.-]*)$/), ns = m && PREFIXES.find(([p]) => p === m[1]);
      return ns ? ns[1] + m[2] : v.trim();
    });
}
function chart(about = []) {
  // a line chart when the result has a year and a number: one chart per series (the same
  // indicator and unit, when the result has those columns), never one line through numbers of
  // different units; series of fewer than two years are not drawn; the caption starts with
  // what the named query was asked about ("Datong · days of good air quality · day")
  chartBox.replaceChildren();
  const year = last.vars.find(v => /year/i.test(v) && last.rows.some(r => r[v] && /^\d{4}/.test(r[v].value)));
  const number = last.vars.find(v => v !== year && last.rows.some(r => r[v]) &&
                                    last.rows.every(r => !r[v] || typeof value(r[v]) === "number"));
  if (!year || !number) return;
  const by = ["indicator", "unit", "measure"].filter(v => last.vars.includes(v));
  const asked = about.map(v => labelsNow.get(v) || shortIri(v));
  const name = r => [...asked.filter(a => !by.some(v => r[v] && (labelsNow.get(r[v].value) || shortIri(r[v].value)) === a)),
                     ...by.map(v => r[v] ? (labelsNow.get(r[v].value) || shortIri(r[v].value)) : "")].filter(Boolean).join(" · ");
  const series = new Map();
  for (const r of last.rows) {
    if (!r[year] || !r[number] || !/^\d{4}/.test(r[year].value)) continue;
    const key = by.map(v => r[v] ? r[v].value : "").join(" ");
    if (!series.has(key)) series.set(key, {title: name(r), points: []});
    series.get(key).points.push([Number(r[year].value.slice(0, 4)), value(r[number])]);
  }
  for (const {title, points} of [...series.values()].filter(s => new Set(s.points.map(p => p[0])).size >= 2).slice(0, 6)) {
    points.sort((a, b) => a[0] - b[0]);
    const figure = el("figure", {class: "series-chart"}, el("figcaption", {}, title || `${number} by ${year}`));
    figure.appendChild(lineChart(points.map(p => ({x: p[0], y: p[1], tick: readable(p[1])})),
                                 {width: 520, height: 180, left: 90, bottom: 24, nudge: [5, 4],
                                  label: `${title || number} by ${year}: ` + points.map(p => `${p[0]}: ${readable(p[1])}`).join("; ")}));
    chartBox.appendChild(figure);
  }
}
const PROPERTIES = new Set([...(DATA.properties || []), "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
                            "http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#altLabel"]);
function graphShaped() {
  // two columns of things, and none of properties: the network view would draw a property as a
  // node (and a statement's subject bound outside the result would be lost), as entity-card's rows would
  const uris = v => last.rows.filter(r => r[v] && r[v].type === "uri");
  const columns = last.vars.filter(v => uris(v).length);
  const ofProperties = columns.filter(v => uris(v).every(r => PROPERTIES.has(r[v].value)));
  return columns.length >= 2 && ofProperties.length === 0;
}
function download(kind) {
  let text, type;
  if (kind === "json") {
    text = JSON.stringify({head: {vars: last.vars}, results: {bindings: last.rows}}, null, 1); type = "application/sparql-results+json";
  } else {
    // as the command line writes it: a label column after each column of IRIs
    const quote = s => /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
    const columns = last.vars.flatMap(v => last.rows.some(r => r[v] && r[v].type === "uri")
      ? [[v, r => r[v] ? r[v].value : ""], [v + "Label", r => r[v] && r[v].type === "uri" ? labelsNow.get(r[v].value) || "" : ""]]
      : [[v, r => r[v] ? r[v].value : ""]]);
    text = [columns.map(c => c[0]).join(","), ...last.rows.map(r => columns.map(c => quote(c[1](r))).join(","))].join("\r\n") + "\r\n";
    type = "text/csv";
  }
  const a = el("a", {href: URL.createObjectURL(new Blob([text], {type})), download: `${current ? current.name : "query"}.${kind}`});
  document.body.appendChild(a); a.click(); a.remove();
}
function question() {
  // one state: the named query and its parameters, or your own text; a link reproduces it
  return new URLSearchParams(current ? {named: current.name, ...Object.fromEntries(Object.entries(given()).map(([k, v]) => ["p." + k, v]))}
                                     : {query: area.value}).toString();
}
function writeLink() {
  try { ASK.keep("#" + question()); } catch (e) { /* a page without an address */ }
}

async function run() {
  // a named query runs with its parameters bound first: a field that names nothing stops it
  if (current && !(await bindNamed())) return;
  status.className = "";
  status.textContent = "running…";
  results.replaceChildren(); chartBox.replaceChildren();
  for (const id of ["csv", "json", "network"]) document.getElementById(id).disabled = true;
  writeLink();
  const started = performance.now(), stop = document.getElementById("stop");
  stop.hidden = false;
  const answer = await ASK.sparql(area.value).finally(() => { stop.hidden = true; });
  const text = answer.text;
  const ms = Math.round(performance.now() - started);
  if (!answer.ok) {
    status.className = "error";
    const where = text.match(/query:(\d+):(\d+):/);
    bad = where ? [Number(where[1]), Number(where[2])] : null;
    paint();
    status.textContent = (where ? `line ${where[1]}, column ${where[2]}: ` : answer.status ? `${answer.status}: ` : "") + text.trim().replace(/^malformed query: query:\d+:\d+: /, "");
    return;
  }
  if (answer.graph) {
    results.replaceChildren(el("pre", {class: "graph"}, text));
    document.getElementById("network").disabled = false;
    status.textContent = "a graph, in " + ms + " ms";
    reveal();
    return;
  }
  const data = JSON.parse(text);
  // an empty answer comes with the endpoint's hints: why it may be empty, and what to write
  const hints = answer.hints || [];
  const hinted = () => { if (hints.length) results.appendChild(el("ul", {class: "hints", "aria-label": "Hints"},
                                                              ...hints.map(h => el("li", {}, "hint: " + h)))); };
  if ("boolean" in data) {
    results.textContent = data.boolean ? "yes" : "no"; hinted();
    status.textContent = "answered in " + ms + " ms"; reveal(); return;
  }
  last = {vars: data.head.vars, rows: data.results.bindings};
  const iris = [...new Set(last.rows.flatMap(r => Object.values(r).filter(t => t.type === "uri").map(t => t.value)))];
  const about = askedAbout();
  labelsNow = await labelsOf([...iris, ...about.filter(v => /^https?:\/\//.test(v))]);
  table(null, false);
  hinted();
  chart(about);
  for (const id of ["csv", "json"]) document.getElementById(id).disabled = false;
  document.getElementById("network").disabled = !graphShaped();
  status.textContent = last.rows.length + " rows in " + ms + " ms";
  reveal();
}
function reveal() {
  // an answer below the screen (on a phone, under the editor) is brought up, the bar's status above it
  if (results.getBoundingClientRect().top > innerHeight - 48) document.querySelector(".bar").scrollIntoView({block: "start"});
}
const fail = e => { status.className = "error"; status.textContent = String(e); };
document.getElementById("run").addEventListener("click", () => run().catch(fail));
document.getElementById("stop").addEventListener("click", () => ASK.stop());
document.getElementById("csv").addEventListener("click", () => download("csv"));
document.getElementById("json").addEventListener("click", () => download("json"));
document.getElementById("network").addEventListener("click", async () => {
  const shown = await ASK.network(area.value);  // the page's network answers {ok, text}; serve's opens a tab
  if (shown && !shown.ok) { status.className = "error"; status.textContent = shown.text; }
});
document.getElementById("link").addEventListener("click", async () => {
  writeLink();
  const href = DATA.inPage ? parent.location.href : location.href;
  try { await navigator.clipboard.writeText(href); status.textContent = "link copied"; }
  catch (e) { status.textContent = "copy this link: " + href; }
});

form.addEventListener("submit", e => { e.preventDefault(); run().catch(fail); });  // Enter runs, never reloads

// a link reproduces the query (the named query with its parameters, or your own text), and runs it
const start = new URLSearchParams(ASK.hash().slice(1));
if (start.get("named")) {
  const values = Object.fromEntries([...start].filter(([k]) => k.startsWith("p.")).map(([k, v]) => [k.slice(2), v]));
  choose(start.get("named"), values).then(ok => ok && run()).catch(fail);
} else if (start.get("query") !== null) {
  area.value = start.get("query");
  paint();
  run().catch(fail);
}
paint();
