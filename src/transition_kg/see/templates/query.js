"use strict";
// The network page's own SPARQL store (view --with-sparql; see/pagestore.py): Oxigraph's
// WebAssembly build in a worker (started at once, loaded once the network is drawn) from the quads the page holds
// (the project's graphs and the inferred graph). A query is read as the embedded store reads it,
// with the library's own patterns (#store-data): the house prefixes built in, the union of the
// graphs as the default graph unless the query names its dataset (FROM); SERVICE is refused (the
// page asks nothing of the network). A query runs until it answers, is stopped (its worker ended,
// and another loaded) or passes the timeout. The Query tab is serve's workbench, in a frame that
// asks through tkg. The page's API: tkg.sparql(text) and tkg.named(name, params), promises of
// SPARQL JSON results (a graph's Turtle for CONSTRUCT and DESCRIBE), rejected with a one-line
// message; tkg.storeReady (settles when the store is loaded: its number of quads); tkg.stop().
(() => {
  const STORE = JSON.parse(document.getElementById("store-data").textContent);
  const P = Object.fromEntries(Object.entries(STORE.patterns).map(([k, [source, flags]]) => [k, new RegExp(source, flags)]));
  const every = name => new RegExp(P[name].source, P[name].flags + "g");
  const SLOT = "urn:tkg:param:";
  const text = id => document.getElementById(id).textContent;
  const tab = document.getElementById("query-tab"), frame = document.getElementById("workbench");
  const storeStatus = document.getElementById("store-status");
  let worker = null, opened = null, asked = 0;
  const waiting = new Map();  // message id → {resolve, reject, timer}

  // --- the worker: started, asked, ended ------------------------------------------------------
  function startWorker() {
    const code = text("oxigraph-glue") + "\n" + text("query-worker");
    const url = URL.createObjectURL(new Blob([code], {type: "text/javascript"}));
    worker = new Worker(url);
    worker.onmessage = ({data}) => {
      const asking = waiting.get(data.id);
      if (!asking) return;
      waiting.delete(data.id);
      clearTimeout(asking.timer);
      if (data.ok) asking.resolve(data.value); else asking.reject(new Error(data.value));
    };
    worker.onerror = event => end(`the store stopped: ${event.message || "the worker failed"}`);
    // inflated and compiled at once on the worker's thread, loaded once the network is drawn
    post({op: "open", wasm: text("oxigraph-wasm"), quads: text("quads")}, 0)
      .catch(() => {}).finally(() => URL.revokeObjectURL(url));  // its failure is the load's
    opened = drawn.then(() => post({op: "load"}, 0)).then(({quads, times}) => {
      window.tkg.storeTimes = times;  // the worker's steps, in ms (benchmarks/pagestore.py)
      return quads;
    });
    return opened;
  }
  function post(message, seconds) {
    return new Promise((resolve, reject) => {
      const id = ++asked;
      const timer = seconds ? setTimeout(() => end(`the query ran past the ${seconds} s timeout and was stopped`), seconds * 1000) : null;
      waiting.set(id, {resolve, reject, timer});
      worker.postMessage({...message, id});
    });
  }
  function end(why) {  // the worker ended, what it was asked refused with why, and a new one loaded
    worker.terminate();
    for (const asking of waiting.values()) { clearTimeout(asking.timer); asking.reject(new Error(why)); }
    waiting.clear();
    startWorker().catch(() => {});
  }

  // --- a query, read as the embedded store reads it --------------------------------------------
  function read(query) {
    const scan = query.replace(every("blanks"), m => " ".repeat(m.length));
    if (P.service.test(scan)) {
      throw new Error("SERVICE is refused: the page's store answers from the quads it holds and asks no other endpoint");
    }
    const declared = new Set([...scan.matchAll(every("declared"))].map(m => m[1]));
    // the house prefixes a query does not declare, on its first line (its own PREFIX wins)
    const head = Object.entries(STORE.prefixes).filter(([p]) => !declared.has(p)).map(([p, ns]) => `PREFIX ${p}: <${ns}> `).join("");
    const form = (scan.match(P.form) || [])[1] || "";
    return {text: head + query, shift: head.length, graph: /^(CONSTRUCT|DESCRIBE)$/i.test(form), union: !P.dataset.test(scan),
            star: starOrder(scan)};
  }
  function starOrder(scan) {  // for SELECT *, where each variable first appears (as core/sparql.py's star_in_order)
    let end = 0;
    for (const m of scan.matchAll(every("prologue"))) {
      if (scan.slice(end, m.index).trim()) break;
      end = m.index + m[0].length;
    }
    if (!P.star.test(scan.slice(end))) return null;
    const first = new Map();
    for (const m of scan.matchAll(every("variable"))) if (!first.has(m[1])) first.set(m[1], m.index);
    return first;
  }
  function inOrder(json, first) {  // SELECT *'s columns in the order they appear, not Oxigraph's (alphabetical)
    const answer = JSON.parse(json), at = v => (first.has(v) ? first.get(v) : Infinity);
    answer.head.vars.sort((a, b) => at(a) - at(b));
    return JSON.stringify(answer);
  }
  function located(message, shift) {  // Oxigraph's "error at LINE:COLUMN: …", as the endpoint words it
    const at = message.match(/error at (\d+):(\d+): ([\s\S]*)/);
    if (!at) return message.split("\n")[0];
    const line = Number(at[1]), column = Number(at[2]) - (line === 1 ? shift : 0);
    return `malformed query: query:${line}:${Math.max(column, 1)}: syntax error: ${at[3].split(/\s+/).join(" ")}`;
  }
  async function answer(query) {  // {value: the answer's text, graph}
    const read_ = read(query);
    await window.tkg.storeReady;
    await opened;
    try {
      const value = await post({op: "query", text: read_.text, graph: read_.graph, union: read_.union}, STORE.timeout);
      return {value: read_.star && !read_.graph ? inOrder(value, read_.star) : value, graph: read_.graph};
    } catch (error) {
      throw new Error(located(error.message, read_.shift));
    }
  }
  async function sparql(query) {
    const {value, graph} = await answer(query);
    return graph ? value : JSON.parse(value);
  }

  // --- named queries: the library bound each parameter to <urn:tkg:param:NAME>; the page writes its term there
  const quoted = s => '"' + s.replace(/[\\"\n\r]/g, c => ({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})[c]) + '"';
  function expand(name) {  // a prefixed name, <IRI> or absolute IRI's IRI; null when it is none
    name = name.trim();
    if (name.startsWith("<") && name.endsWith(">")) return name.slice(1, -1);
    const m = name.match(P.name);
    if (m && (m[1] || "") in STORE.prefixes && !m[2].startsWith("//")) return STORE.prefixes[m[1] || ""] + m[2];
    return P.absolute.test(name) ? name : null;
  }
  function shortIri(iri) {
    const found = Object.entries(STORE.prefixes).find(([, ns]) => iri.startsWith(ns) && /^[\w.-]*$/.test(iri.slice(ns.length)));
    return found ? found[0] + ":" + iri.slice(found[1].length) : iri;
  }
  async function term(p, raw) {
    const refused = what => new Error(`${p.name}=${raw}: ${what}`);
    if (p.type === "string") return quoted(raw);
    if (p.type !== "IRI") {
      if (!P[p.type].test(raw)) throw refused(`not ${p.type === "integer" ? "an" : "a"} ${p.type}`);
      return `${quoted(raw)}^^<${STORE.datatypes[p.type]}>`;
    }
    const inner = raw.startsWith("<") && raw.endsWith(">") ? raw.slice(1, -1) : raw;
    const iri = expand(raw);
    if (iri !== null && !P.forbidden.test(inner)) return `<${iri}>`;
    const prefixed = raw.match(P.prefixed);
    if (prefixed || P.forbidden.test(raw.replace(/ /g, ""))) {  // only plain words (spaces allowed) may be a label
      if (P.forbidden.test(inner)) throw refused('not an IRI (spaces and <>"{}|^`\\ are not allowed)');
      throw refused(`unknown prefix '${prefixed[1] || ""}' (known: ${Object.keys(STORE.prefixes).join(", ")})`);
    }
    const found = (await sparql(STORE.labelQuery.replace(`<${SLOT}label>`, quoted(raw.toLowerCase())))).results.bindings;
    if (found.length === 1) return `<${found[0].s.value}>`;
    if (found.length) throw refused(`${found.length} entities have that label (${found.slice(0, 5).map(r => shortIri(r.s.value)).join(", ")}); give one of them`);
    throw refused("not an IRI, and no entity has that label (give a label, a prefixed name such as tkr:datong, or a full IRI)");
  }
  function namedQuery(name) {  // by its name, or the one whose name starts with it (cq05)
    const names = Object.keys(STORE.named);
    const starting = names.filter(n => n.startsWith(name + "-")).length ? names.filter(n => n.startsWith(name + "-")) : names.filter(n => n.startsWith(name));
    const found = STORE.named[name] ? name : name && starting.length === 1 ? starting[0] : null;
    if (!found) throw new Error(`unknown query '${name}'; known: ${names.join(", ")}`);
    return [found, STORE.named[found]];
  }
  async function bound(name, given) {  // the named query's text with its parameters (defaults fill the rest)
    const [found, query] = namedQuery(name);
    const values = Object.fromEntries(Object.entries(given || {}).filter(([, v]) => v !== "" && v !== null && v !== undefined));
    const unknown = Object.keys(values).filter(k => !query.params.some(p => p.name === k)).sort();
    if (unknown.length) throw new Error(`${unknown[0]}: ${found} has no such parameter (its parameters: ${query.params.map(p => p.name).join(", ") || "none"})`);
    let bound = query.text;
    for (const p of query.params) {
      const raw = values[p.name] !== undefined ? String(values[p.name]) : p.default;
      if (raw === null) throw new Error(`${p.name}: required by ${found} (${p.type})`);
      bound = bound.split(`<${SLOT}${p.name}>`).join(await term(p, raw));
    }
    return bound;
  }

  // --- the Query tab: the workbench in a frame, asking through tkg -----------------------------
  function openTab(open) {
    tab.hidden = !open;
    for (const id of ["side", "view"]) document.getElementById(id).inert = open;
    (open ? frame : document.getElementById("graph")).focus();
  }
  const queryButton = Object.assign(document.createElement("button"), {type: "button", id: "query-open", textContent: "Query"});
  queryButton.addEventListener("click", () => openTab(true));
  document.getElementById("tools").appendChild(queryButton);
  document.getElementById("network-open").addEventListener("click", () => openTab(false));

  const api = {
    sparql,
    named: async (name, params) => sparql(await bound(name, params)),
    stop: () => end("the query was stopped"),
    // for the workbench's frame: {ok, text, graph} as the endpoint answers, a named query bound, a card opened
    ask: query => answer(query).then(({value, graph}) => ({ok: true, text: value, graph}), error => ({ok: false, text: error.message})),
    bind: (name, values) => bound(name, values).then(text => ({ok: true, text}), error => ({ok: false, text: error.message})),
    card: iri => { openTab(false); if (window.tkg.show) window.tkg.show(iri); },
    fragment: location.hash,  // the link's question, read before the network writes its view there
  };
  window.tkg = Object.assign(window.tkg || {}, api);

  // the network first drawn (or 3 s passed, whatever the network does): the store loads then
  const started = performance.now();
  const drawn = new Promise(resolve => {
    const wait = () => (performance.getEntriesByName("tkg-drawn").length || performance.now() - started > 3000 ? resolve() : setTimeout(wait, 10));
    wait();
  });
  window.tkg.storeReady = startWorker();
  window.tkg.storeReady.then(quads => {
    performance.mark("tkg-store-ready");
    storeStatus.textContent = `the store holds ${quads.toLocaleString("en")} quads (the project's graphs and the inferred graph)`;
  }, error => { storeStatus.className = "error"; storeStatus.textContent = `the store could not load: ${error.message}`; });

  frame.srcdoc = STORE.workbench;  // after tkg has what the frame asks for
  const wanted = new URLSearchParams(api.fragment.slice(1));
  if (wanted.has("named") || wanted.has("query")) openTab(true);  // a link to a question: the workbench runs it
})();
