"use strict";
// The network page's own SPARQL store (view --with-sparql; see/pagestore.py): Oxigraph's
// WebAssembly build in a worker, loaded once the network is drawn from the quads the page holds
// (the project's graphs and the inferred graph). A query is read as the embedded store reads it,
// with the library's own patterns (#store-data): the house prefixes built in, the union of the
// graphs as the default graph unless the query names its dataset (FROM); SERVICE is refused (the
// page asks nothing of the network). A query runs until it answers, is stopped (its worker ended,
// and another loaded) or passes the timeout. The Query tab is serve's workbench, in a frame that
// asks through tkg: an empty answer comes with the endpoint's hints, and a result is shown as a
// network in the page's own network (tkg.result), its link asking again. The page's API: tkg.sparql(text) and tkg.named(name, params), promises of
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
    opened = post({op: "open", wasm: text("oxigraph-wasm"), quads: text("quads")}, 0).then(({quads, times}) => {
      window.tkg.storeTimes = times;  // the worker's steps, in ms (benchmarks/pagestore.py)
      return quads;
    }).finally(() => URL.revokeObjectURL(url));
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
  async function answer(query, triples = false) {  // {value: the answer's text (a graph's Turtle, or N-Triples), graph}
    const read_ = read(query);
    await window.tkg.storeReady;
    await opened;
    try {
      const format = read_.graph ? (triples ? "application/n-triples" : "text/turtle") : undefined;
      const value = await post({op: "query", text: read_.text, format, union: read_.union}, STORE.timeout);
      return {value: read_.star && !read_.graph ? inOrder(value, read_.star) : value, graph: read_.graph};
    } catch (error) {
      throw new Error(located(error.message, read_.shift));
    }
  }
  async function sparql(query) {
    const {value, graph} = await answer(query);
    return graph ? value : JSON.parse(value);
  }

  // --- an empty answer's hints, as core/hints.py gives them, asked of the page's store ---------
  const TKG = STORE.prefixes.tkg, TKR = STORE.prefixes.tkr;
  const rowsOf = async query => JSON.parse(await post({op: "query", text: query, union: true}, STORE.timeout)).results.bindings;
  let declared = null;  // the local names of the tkg: terms the ontology's graph says anything of
  const declaredTerms = () => declared || (declared = rowsOf(`SELECT DISTINCT ?t WHERE { GRAPH <${STORE.ontologyGraph}> { ?t ?p ?o } `
    + `FILTER(isIRI(?t) && STRSTARTS(STR(?t), "${TKG}")) }`).then(rows => rows.map(r => r.t.value.slice(TKG.length)).sort()));
  function matching(a, b, alo = 0, ahi = a.length, blo = 0, bhi = b.length) {  // difflib's matching characters of a and b
    let besti = alo, bestj = blo, best = 0, before = new Map();
    for (let i = alo; i < ahi; i++) {
      const now = new Map();
      for (let j = blo; j < bhi; j++) {
        if (a[i] !== b[j]) continue;
        const k = (before.get(j - 1) || 0) + 1;
        now.set(j, k);
        if (k > best) { besti = i - k + 1; bestj = j - k + 1; best = k; }
      }
      before = now;
    }
    return best && best + matching(a, b, alo, besti, blo, bestj) + matching(a, b, besti + best, ahi, bestj + best, bhi);
  }
  function closest(word, words) {  // difflib.get_close_matches(word, words, n=1, cutoff=0.6)
    let found = null;
    for (const w of words) {
      const ratio = 2 * matching(w, word) / (w.length + word.length);
      if (ratio >= 0.6 && (!found || ratio > found[0] || (ratio === found[0] && w > found[1]))) found = [ratio, w];
    }
    return found && found[1];
  }
  async function hints(query, limit = 5) {  // why an answer may be empty, a line each
    const found = [], scan = query.replace(every("blanks"), m => " ".repeat(m.length));
    const names = [...new Map([...scan.matchAll(every("mentioned"))].map(m => [m[0], m])).values()];
    const terms = names.filter(m => m[1] === "tkg").map(m => m[2]);
    if (terms.length) {
      const known = await declaredTerms();
      for (const local of terms.slice(0, limit).filter(local => !known.includes(local))) {
        const close = closest(local, known);
        found.push(`tkg:${local} is not a term of the ontology` + (close ? `; did you mean tkg:${close}?` : ": tkg: terms are listed by transition-kg docs"));
      }
    }
    if (terms.includes("year") && !terms.some(t => STORE.times.includes(t))) {
      const other = `ASK { { GRAPH ?g { ?s <${TKG}asOf> ?t } } UNION { GRAPH ?h { ?s <${TKG}endYear> ?t } } }`;
      if (JSON.parse(await post({op: "query", text: other, union: true}, STORE.timeout)).boolean) found.push(STORE.timeHint);
    }
    for (const local of names.filter(m => m[1] === "tkr").map(m => m[2]).slice(0, limit)) {
      const ask = `ASK { GRAPH ?g { { <${TKR}${local}> ?p ?o } UNION { ?s ?p <${TKR}${local}> } } }`;
      if (!JSON.parse(await post({op: "query", text: ask, union: true}, STORE.timeout)).boolean) {
        found.push(`tkr:${local} is in no graph: the search query finds entities by label`);
      }
    }
    for (const m of [...query.matchAll(every("plain"))].slice(0, limit)) {
      const text = m[1] !== undefined ? m[1] : m[2], escaped = text.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
      const values = STORE.languages.map(language => `"${escaped}"@${language}`).join(" ");
      const tagged = await rowsOf(`SELECT ?l WHERE { VALUES ?l { ${values} } GRAPH ?g { ?s ?p ?l } } LIMIT 1`);
      if (tagged.length) found.push(`the graph's "${text}" is tagged @${tagged[0].l["xml:lang"]}: write "${text}"@${tagged[0].l["xml:lang"]}`);
    }
    return found;
  }
  function empty(value) {  // no rows, or no (an answer the endpoint gives hints with)
    const answer = JSON.parse(value);
    return answer.boolean === false || (answer.results !== undefined && answer.results.bindings.length === 0);
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

  // --- a result as a network, as serve's /view?query= draws it (see/graph.py's from_result): the
  // nodes it names, a SELECT's rows linking their first IRI to the others (labelled by column), a
  // CONSTRUCT's triples between IRIs but rdf:type; shown alone in the page's network ----------------
  const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
  async function links(query) {  // [[from, to or null, label]]
    const {value, graph} = await answer(query, true);
    if (graph) {
      return [...value.matchAll(/^<([^>]*)> <([^>]*)> <([^>]*)> \.$/gm)].filter(m => m[2] !== RDF_TYPE).map(m => [m[1], m[3], shortIri(m[2])]);
    }
    const {head, results} = JSON.parse(value);
    if (!results) throw new Error("an ASK query has no graph to show");
    return results.bindings.flatMap(row => {
      const iris = head.vars.filter(v => row[v] && row[v].type === "uri").map(v => [v, row[v].value]);
      return iris.length === 1 ? [[iris[0][1], null, ""]] : iris.slice(1).map(([v, iri]) => [iris[0][1], iri, v]);
    });
  }
  async function asNetwork(query, question) {  // the result shown alone in the network, the question kept in the link
    const found = await links(query);
    if (!window.tkg.result) throw new Error("the network is not drawn yet");
    const shown = window.tkg.result({links: found, question});
    if (!shown) {  // cq05's rows name a unit and an article: say what is never drawn, and what is
      const iris = new Set(found.flatMap(([from, to]) => to ? [from, to] : [from])).size;
      throw new Error(`none of the result's ${iris} IRIs is drawn in the network (units, indicators and articles ` +
                      "are not nodes): select the places, people, organisations or facts themselves to show them");
    }
    openTab(false);
    return shown;
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

  const linked = new URLSearchParams(location.hash.slice(1));
  const api = {
    sparql,
    named: async (name, params) => sparql(await bound(name, params)),
    stop: () => end("the query was stopped"),
    // for the workbench's frame: {ok, text, graph} as the endpoint answers, a named query bound, a card opened
    ask: query => answer(query).then(async ({value, graph}) => ({ok: true, text: value, graph,
                                                                 hints: !graph && empty(value) ? await hints(query).catch(() => []) : []}),
                                      error => ({ok: false, text: error.message})),
    bind: (name, values) => bound(name, values).then(text => ({ok: true, text}), error => ({ok: false, text: error.message})),
    card: iri => { openTab(false); if (window.tkg.show) window.tkg.show(iri); },
    asNetwork: (query, question) => asNetwork(query, question).then(() => ({ok: true}), error => ({ok: false, text: error.message})),
    // the link's question for the workbench, read before the network writes its view there (a
    // result shown as a network is the network's: the workbench does not run it)
    fragment: linked.get("show") === "network" ? "" : location.hash,
  };
  window.tkg = Object.assign(window.tkg || {}, api);

  // loaded once the network is first drawn (or after 3 s, whatever the network does): compiling and
  // loading while it is drawn delays the drawing as much on a busy machine (benchmarks/pagestore.py)
  const started = performance.now();
  window.tkg.storeReady = new Promise(resolve => {
    const drawn = () => performance.getEntriesByName("tkg-drawn").length || performance.now() - started > 3000;
    const wait = () => (drawn() ? resolve() : setTimeout(wait, 10));
    wait();
  }).then(startWorker);
  window.tkg.storeReady.then(async quads => {
    performance.mark("tkg-store-ready");
    // said for a reader: the statements (the project's graphs and the inferred one) and the articles they come from
    const counted = await sparql("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a tkg:Article }").catch(() => null);
    const articles = counted ? Number(counted.results.bindings[0].n.value) : 0;
    const from = articles ? ` from ${articles.toLocaleString("en")} article${articles === 1 ? "" : "s"}` : "";
    storeStatus.textContent = `Ask the graph in SPARQL, here in this file: ${quads.toLocaleString("en")} statements${from}, no server needed`;
  }, error => { storeStatus.className = "error"; storeStatus.textContent = `the store could not load: ${error.message}`; });

  frame.srcdoc = STORE.workbench;  // after tkg has what the frame asks for
  if (linked.get("show") === "network" && (linked.has("named") || linked.has("query"))) {  // a result shown as a network
    const params = Object.fromEntries([...linked].filter(([k]) => k.startsWith("p.")).map(([k, v]) => [k.slice(2), v]));
    const question = new URLSearchParams([...linked].filter(([k]) => k === "named" || k === "query" || k.startsWith("p."))).toString();
    (linked.get("named") ? bound(linked.get("named"), params) : Promise.resolve(linked.get("query")))
      .then(query => asNetwork(query, question))
      .catch(error => { openTab(true); storeStatus.className = "error"; storeStatus.textContent = `the link's result: ${error.message}`; });
  } else if (linked.has("named") || linked.has("query")) openTab(true);  // a link to a question: the workbench runs it
})();
