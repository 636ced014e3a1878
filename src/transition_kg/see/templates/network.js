"use strict";
// The network page: vis-network draws the graph, this script draws the labels by importance,
// finds nodes, writes the entity card, filters by class and year and keeps the view in the
// link. Its data is the JSON island #data (NetworkData, see/network.py): the nodes and edges
// deflated in base64, the cards in packs of data.cardPack nodes (in the order of the nodes) and
// vis-network's options. window.tkg is its API for tests and notebooks (see api()).

// --- what the page holds -----------------------------------------------------------------------
let NODES, EDGES, BY_ID;  // every node the page holds (the most important first), every edge, the nodes by id
const NEIGHBOURS = new Map(), EDGES_OF = new Map();  // node → the nodes an edge joins it to; → the indices of its edges
// what vis draws: the nodes of the view, not those held back (a focus's next ring, or the facts
// of a large graph) until they come into view; tooltips, labels in every language and cards stay
// in NODES and are read when needed
const inVis = new Set();
const hiddenNow = new Set();  // the drawn nodes vis hides; only changes are sent to vis
let nodes, edges, network;  // vis's data sets and network
// the selected node, the facts' year, the articles' year, the story told (an article's index, or
// null for the overview), the hidden families and articles, the nodes expanded: kept in the link
const state = {node: null, year: null, published: null, article: null, hide: new Set(), skip: new Set(), expanded: new Set()};
// a query's result shown alone (the page's own store, query.js): {ids: the nodes it names, links:
// [from, to, label] drawn as its rows link them, missing: how many of its IRIs are not nodes here,
// question: the query as a link gives it}; null when none
let RESULT = null;
let years = [], minYear = null, maxYear = null;
let FOCUS = null, STORY = null;  // a focus page's entity; the story the page opens on (view --article)
let ARTICLES = [], firstPublished = null, lastPublished = null;  // the articles (ArticleItem), their years
// the cards, unpacked a pack at a time once the network is drawn
let PACKS = [], CARD_PACK = 1, PACK_OF = new Map();
const CARDS = new Map(), unpacking = new Map();
let hovered = null, drawnLabels = [];
const labelWidths = new Map();
const ink = {text: "", halo: ""};  // the theme's colours of the labels, read once

const details = document.getElementById("details");
const yearInput = document.getElementById("year");
const yearValue = document.getElementById("year-value");
const publishedInput = document.getElementById("published");
const publishedValue = document.getElementById("published-value");
const picker = document.getElementById("article");
const search = document.getElementById("search");
const results = document.getElementById("results");
const tooltip = el("div", {class: "vis-tooltip", role: "tooltip"});

async function unpack(text) {
  const bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(text) : Uint8Array.from(atob(text), c => c.charCodeAt(0));
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"))).text();
}

async function start() {
  performance.mark("tkg-start");
  const data = JSON.parse(document.getElementById("data").textContent);
  ARTICLES = data.articles || [];
  FOCUS = data.focus || null;
  STORY = data.article || null;
  const [nodesText, edgesText] = await Promise.all([unpack(data.nodes), unpack(data.edges)]);
  NODES = JSON.parse(nodesText);
  EDGES = JSON.parse(edgesText);
  BY_ID = new Map(NODES.map(n => [n.id, n]));
  joinEdges();
  draw(data.options);
  holdCards(data.cards, data.cardPack);
  listenToNetwork();
  readYears();
  listenToControls();
  listenForGettingAround();
  window.tkg = Object.assign(window.tkg || {}, api());  // beside what another script put there (the page's store)
  readFragment();
}

// --- drawing -----------------------------------------------------------------------------------
function joinEdges() {
  EDGES.forEach((e, i) => {
    for (const [a, b] of [[e.from, e.to], [e.to, e.from]]) {
      if (!NEIGHBOURS.has(a)) { NEIGHBOURS.set(a, new Set()); EDGES_OF.set(a, []); }
      NEIGHBOURS.get(a).add(b);
      EDGES_OF.get(a).push(i);
    }
  });
}

function visNode(n, at) {
  inVis.add(n.id);
  const item = {id: n.id, name: n.name, kind: n.kind, group: n.group, year: n.year, fact: n.fact, color: n.color, shape: n.shape, value: n.value};
  const p = at || (n.x !== undefined ? {x: n.x, y: n.y} : null);
  if (p) { item.x = p.x; item.y = p.y; }
  return item;
}

function edgeTip(id) {  // "e3": the graph's edge 3; "q3": the result's link 3
  if (id.startsWith("e")) return EDGES[Number(id.slice(1))].tip;
  const [from, to, label] = RESULT.links[Number(id.slice(1))];
  return [`${BY_ID.get(from).name} → ${label} → ${BY_ID.get(to).name}`, "from the query"];
}

function visEdge(i) {  // edge i, if both its ends are drawn
  const e = EDGES[i];
  return inVis.has(e.from) && inVis.has(e.to) ? [{id: "e" + i, from: e.from, to: e.to, arrows: e.arrows}] : [];
}

function draw(options) {
  // vis draws in order, the last on top: the hubs (first in NODES) last
  nodes = new vis.DataSet(NODES.filter(n => !n.reserve).reverse().map(n => visNode(n)));
  edges = new vis.DataSet(EDGES.flatMap((e, i) => visEdge(i)));
  performance.mark("tkg-data");
  network = new vis.Network(document.getElementById("graph"), {nodes, edges}, options);
  performance.mark("tkg-network");
}

// a card asked for before its pack is unpacked is shown by title and class, then filled
function holdCards(packs, size) {
  PACKS = packs;
  CARD_PACK = size;
  PACK_OF = new Map(NODES.map((n, i) => [n.id, Math.floor(i / CARD_PACK)]));
}

function unpackCards(k) {
  if (!unpacking.has(k)) {
    unpacking.set(k, unpack(PACKS[k]).then(text => { for (const [id, card] of Object.entries(JSON.parse(text))) CARDS.set(id, card); }));
  }
  return unpacking.get(k);
}

function cardOf(id) {
  if (!CARDS.has(id) && PACK_OF.has(id)) unpackCards(PACK_OF.get(id)).then(() => { if (state.node === id) renderCard(BY_ID.get(id)); });
  return CARDS.get(id);
}

// tooltips, made when the pointer is on a node or an edge (not one element per node at load)
function tip(lines) {
  const box = el("div", {class: "tkg-tip"});
  for (const line of lines) box.appendChild(el("div", {}, line));
  return box;
}

function showTip(lines, pointer) {
  tooltip.replaceChildren(tip(lines));
  tooltip.style.left = (pointer.x + 14) + "px";
  tooltip.style.top = (pointer.y + 14) + "px";
  tooltip.style.visibility = "visible";
}

function hideTip() { tooltip.style.visibility = "hidden"; }

function listenToNetwork() {
  hideTip();
  document.getElementById("graph").appendChild(tooltip);
  network.on("hoverNode", params => { hovered = params.node; showTip(BY_ID.get(params.node).tip, params.pointer.DOM); });
  network.on("hoverEdge", params => showTip(edgeTip(String(params.edge)), params.pointer.DOM));
  network.on("blurNode", () => { hovered = null; hideTip(); });
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.once("afterDrawing", async () => {
    performance.mark("tkg-drawn");
    for (let k = 0; k < PACKS.length; k++) await unpackCards(k);
    performance.mark("tkg-cards");
    window.tkg.ready = true;
    document.body.dataset.ready = "1";
  });
  // once laid out, stop the simulation: nodes stay where they settled and the page stays quick
  network.once("stabilizationIterationsDone", () => {
    network.setOptions({physics: {enabled: false}});
    upright();
    if (state.node) frame(state.node); else fitShown();
  });
  const css = getComputedStyle(document.documentElement);
  ink.text = css.getPropertyValue("--ink").trim();
  ink.halo = css.getPropertyValue("--halo").trim();
  network.on("afterDrawing", drawLabels);
  network.on("click", params => { if (params.nodes.length) show(params.nodes[0], true); else clear(); });
}

// --- labels: drawn over the canvas in screen pixels, by importance (the selected and hovered
// node and the selected node's neighbours, then the hubs, entities by meaning and links, facts),
// each below, above, right or left of its node where it overlaps no label already drawn and no
// node; a small node's label once zoomed in enough ------------------------------------------------
// a label once its node is drawn this many pixels wide (an entity's sooner than a fact's)
const TITLE_STEPS = [0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6, -8, 8, -10, 10, -12, 12, -15, 15];  // lines away from its middle
const LABEL_SIDES = [[0, 1], [0, -1], [1, 0], [-1, 0], [0.7, 0.7], [-0.7, 0.7], [0.7, -0.7], [-0.7, -0.7]];  // where a label may go
// a label's places: [side x, side y, lines further, slid by this much of its width]
const NEAR_SPOTS = LABEL_SIDES.slice(0, 4).map(([ux, uy]) => [ux, uy, 0, 0]);
const spots = steps => [...NEAR_SPOTS.slice(0, 2), [0, 0, 0, 0], ...NEAR_SPOTS.slice(2),
                        ...steps.flatMap(k => LABEL_SIDES.map(([ux, uy]) => [ux, uy, k, 0])).slice(4)]
  .flatMap(([ux, uy, k]) => ux ? [[ux, uy, k, 0]] : [[ux, uy, k, 0], [ux, uy, k, -0.3], [ux, uy, k, 0.3]]);  // above or below: slid aside too
// a hub's or a chosen node's: touching it, clear of every node; then as close, over the dots too
// small to be labelled (they yield their room to a name: the facts', and a hub's the entities' too);
// then a little further off
const CLOSE_SPOTS = spots([0]), NEXT_SPOTS = spots([0, 0.6]).filter(([, , k]) => k > 0), FAR_SPOTS = spots([0, 0.6, 1.3, 2]).filter(([, , k]) => k > 0.6);
const NODE_REACH = 1.2;  // a node's shape reaches this many times its size from its centre (a triangle's tip 1.16)
const LABEL_PX = 12, HUB_PX = 15, TITLE_PX = 14, TITLE_LINE = 34, TITLES_UP_TO = 3000, ENTITY_MIN_RADIUS = 3, FACT_MIN_RADIUS = 7, MAX_LABELS = 100, CELL = 64;
// the dots too small for their labels a label may cover: a node's label the facts', a hub's or a story's title the entities' too
const FACT_DOT = 1, ENTITY_DOT = 2;
const NARROW = 600, TITLE_LINE_NARROW = 26;  // a graph narrower than this many CSS pixels (a phone) has titles in shorter lines
const LABEL_AREA = 24000;  // CSS pixels² of the graph a label: the view stays readable (39 at a desk, 7 on a phone)

class Labels {  // one frame's labels, and the boxes they and the nodes kept clear take
  constructor(ctx, m, first) {
    this.ctx = ctx;
    this.m = m;  // network → device pixels
    this.ratio = window.devicePixelRatio || 1;
    this.W = ctx.canvas.width;
    this.H = ctx.canvas.height;
    this.body = network.body.nodes;  // vis's drawn nodes (positions and sizes after layout and drags)
    this.grid = new Map();  // cell → the boxes taken that touch it
    this.first = new Set(first);
    this.fontHub = null;
    this.titles = 0;  // the stories' titles drawn
    const r = this.ratio;
    this.fonts = [`${LABEL_PX * r}px system-ui, sans-serif`, `600 ${HUB_PX * r}px system-ui, sans-serif`];
    ctx.textAlign = "center"; ctx.textBaseline = "top"; ctx.lineJoin = "round";
    ctx.strokeStyle = ink.halo; ctx.fillStyle = ink.text; ctx.lineWidth = 3 * r;
  }

  cells(box) {
    const keys = [];
    for (let gx = Math.floor(box[0] / CELL); gx <= Math.floor(box[2] / CELL); gx++) {
      for (let gy = Math.floor(box[1] / CELL); gy <= Math.floor(box[3] / CELL); gy++) keys.push(gx + "," + gy);
    }
    return keys;
  }

  free(box, own, over = 0) {  // clear of every box taken (but the node's own, and the minor dots' up to `over`)
    return this.cells(box).every(key => (this.grid.get(key) || []).every(b => b === own || b.dot <= over ||
      !(box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])));
  }

  take(box) {
    for (const key of this.cells(box)) { if (!this.grid.has(key)) this.grid.set(key, []); this.grid.get(key).push(box); }
  }

  cssFont() { return this.ctx.font.replace(/[\d.]+px/, size => parseFloat(size) / this.ratio + "px"); }

  css(box) { return box.map(c => c / this.ratio); }  // a box in CSS pixels

  // an article's title, at (x, y) in network coordinates or as near as it fits, over no label and no
  // node (but the minor dots, if it must), nearer its own story's middle than any other story's (others)
  title(i, x, y, others) {
    const r = this.ratio, ctx = this.ctx, m = this.m, px = TITLE_PX * r;
    const lines = titleLines(ARTICLES[i].title, this.W / r < NARROW ? TITLE_LINE_NARROW : TITLE_LINE);
    ctx.font = `italic 600 ${px}px system-ui, sans-serif`;
    this.fontHub = null;
    const w = Math.max(...lines.map(line => ctx.measureText(line).width)), h = px * 1.25 * lines.length;
    const screen = ([a, b]) => [m.a * a + m.e, m.d * b + m.f], [sx, sy] = screen([x, y]), away = others.map(screen);
    for (const [dy, over] of [0, ENTITY_DOT].flatMap(over => TITLE_STEPS.map(dy => [dy, over]))) {  // clear of the dots, or over them
      for (const dx of [0, -0.25, 0.25, -0.5, 0.5, -0.75, 0.75, -1, 1, -1.25, 1.25]) {
        const cx = Math.min(Math.max(sx + dx * w, w / 2 + 2 * r), this.W - w / 2 - 2 * r), top = sy - h / 2 + dy * px * 1.4;
        const box = [cx - w / 2 - 2 * r, top, cx + w / 2 + 2 * r, top + h], near = Math.hypot(cx - sx, top + h / 2 - sy);
        if (away.some(([ax, ay]) => Math.hypot(cx - ax, top + h / 2 - ay) < near)) continue;
        if (top < 0 || box[3] > this.H || !this.free(box, null, over)) continue;
        this.take(box);
        lines.forEach((line, k) => { ctx.strokeText(line, cx, top + k * px * 1.25); ctx.fillText(line, cx, top + k * px * 1.25); });
        drawnLabels.push({id: ARTICLES[i].id, text: lines.join(" "), lines, font: this.cssFont(), box: this.css(box), article: true});
        this.titles++;
        return;
      }
    }
  }

  onScreen(id) {  // a drawn node's centre and radius in device pixels, if it is on the screen
    const v = this.body[id], m = this.m;
    if (!v || v.options.hidden) return null;
    const radius = v.options.size * m.a, x = m.a * v.x + m.e, y = m.d * v.y + m.f;
    return x > -radius && y > -radius && x < this.W + radius && y < this.H + radius ? {x, y, radius} : null;
  }

  disks() {  // no label over any node drawn on the screen (the square around its shape) but its own
    this.own = new Map();
    for (const id of inVis) {
      const seen = this.onScreen(id);
      if (!seen) continue;
      const d = seen.radius * NODE_REACH + this.ratio, box = [seen.x - d, seen.y - d, seen.x + d, seen.y + d];
      const n = BY_ID.get(id);
      if (this.minor(n, seen.radius)) box.dot = n.fact ? FACT_DOT : ENTITY_DOT;  // a dot too small for its label yields its room
      this.own.set(id, box);
      this.take(box);
    }
  }

  minor(n, radius) {  // a dot drawn too small for its label
    return !this.first.has(n.id) && !n.hub && radius < (n.fact ? FACT_MIN_RADIUS : ENTITY_MIN_RADIUS) * this.ratio;
  }

  place(n) {
    const seen = this.onScreen(n.id), r = this.ratio, ctx = this.ctx;
    if (!seen || this.minor(n, seen.radius)) return;
    const {x, y, radius} = seen;
    const px = (n.hub ? HUB_PX : LABEL_PX) * r;
    if (!!n.hub !== this.fontHub) { this.fontHub = !!n.hub; ctx.font = this.fonts[this.fontHub ? 1 : 0]; }  // setting a font parses it: only on a change
    if (!labelWidths.has(n.id)) labelWidths.set(n.id, ctx.measureText(n.label).width / r);
    const w = labelWidths.get(n.id) * r, h = px * 1.2, pad = 2 * r, reach = radius * NODE_REACH + 3 * r;
    // below its node, above it, to its right, to its left (a hub's or a chosen node's also over
    // itself, aslant, over the minor dots, a little further off): the first place clear of labels and other nodes
    const tries = n.hub || this.first.has(n.id) ? [[CLOSE_SPOTS, 0], [CLOSE_SPOTS, FACT_DOT], ...(n.hub ? [[CLOSE_SPOTS, ENTITY_DOT]] : []),
      [NEXT_SPOTS, 0], [NEXT_SPOTS, FACT_DOT], [FAR_SPOTS, 0], [FAR_SPOTS, FACT_DOT]] : [[NEAR_SPOTS, 0]];
    for (const [where, over] of tries) {
      for (const [ux, uy, k, slide] of where) {
        const d = reach + k * h, top = y + uy * d - (uy > 0 ? 0 : uy < 0 ? h : h / 2);
        const cx = Math.min(Math.max(x + ux * d + Math.sign(ux) * (w / 2 + pad) + slide * w, w / 2 + pad), this.W - w / 2 - pad);  // whole on the screen
        const box = [cx - w / 2 - pad, top, cx + w / 2 + pad, top + h];
        if (top < 0 || box[3] > this.H || !this.free(box, this.own.get(n.id), over)) continue;
        this.take(box);
        ctx.strokeText(n.label, cx, top);
        ctx.fillText(n.label, cx, top);
        drawnLabels.push({id: n.id, text: n.label, lines: [n.label], font: this.cssFont(), box: this.css(box), hub: !!n.hub});
        return;
      }
    }
  }
}

function drawLabels(ctx) {
  const first = [];
  if (state.node) first.push(state.node);
  if (hovered) first.push(hovered);
  // the neighbours' names before their facts' long labels
  if (state.node) first.push(...[...(NEIGHBOURS.get(state.node) || [])].sort((a, b) => BY_ID.get(a).fact - BY_ID.get(b).fact));
  drawnLabels = [];
  const m = ctx.getTransform();
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  const labels = new Labels(ctx, m, first);
  const bar = tools.getBoundingClientRect(), at = graph.getBoundingClientRect(), r = labels.ratio;  // no label under the buttons
  labels.take([(bar.left - at.left) * r, (bar.top - at.top) * r, (bar.right - at.left) * r, (bar.bottom - at.top) * r]);
  labels.disks();  // no label over a node
  const most = Math.min(MAX_LABELS, Math.round(labels.W * labels.H / (r * r * LABEL_AREA)));
  for (const id of first) if (BY_ID.has(id)) labels.place(BY_ID.get(id));
  let titled = false;
  for (const n of NODES) {  // the hubs first, then the stories' titles (more than the most), then the others
    if (!n.hub && !titled) { titled = true; storyTitles(labels); }
    if (drawnLabels.length - labels.titles >= most) { if (titled) break; continue; }
    if (!labels.first.has(n.id)) labels.place(n);
  }
  if (!titled) storyTitles(labels);
  ctx.restore();
}

function titleLines(title, most) {  // a title in at most two lines of about `most` characters
  const lines = [""];
  for (const word of title.split(" ")) {
    const last = lines.length - 1;
    if (lines[last] && (lines[last] + " " + word).length > most) lines.push(word); else lines[last] += (lines[last] ? " " : "") + word;
  }
  return lines.length > 2 ? [lines[0], lines.slice(1).join(" ").slice(0, most - 1).trimEnd() + "…"] : lines;
}

// the overview names each story: an article's title amid the nodes only it names
function storyTitles(labels) {
  if (state.node || state.article !== null || !ARTICLES.length || inVis.size > TITLES_UP_TO) return;
  const sums = ARTICLES.map(() => [0, 0, 0]);
  for (const id of inVis) {
    if (hiddenNow.has(id)) continue;
    const n = BY_ID.get(id), v = labels.body[id];
    if (v && n.articles.length === 1) { const sum = sums[n.articles[0]]; sum[0] += v.x; sum[1] += v.y; sum[2]++; }
  }
  const middles = sums.map(([x, y, count]) => count >= 3 ? [x / count, y / count] : null);
  middles.forEach((at, i) => {
    if (at && !state.skip.has(i)) labels.title(i, at[0], at[1], middles.filter((other, k) => other && k !== i && !state.skip.has(k)));
  });
}

// --- what is shown -----------------------------------------------------------------------------
function shown(id) { return inVis.has(id) && !hiddenNow.has(id); }

function frame(id) {
  // the node and its shown neighbours in view, no closer than scale 1
  const around = [id, ...[...(NEIGHBOURS.get(id) || [])].filter(shown)];
  network.fit({nodes: around, animation: false, maxZoomLevel: 1.0});
  network.selectNodes([id]);
}

function inView(n) {  // a node of the view, or one pulled in: expanded, around a node expanded, or in a result shown
  return !n.reserve || (RESULT !== null && RESULT.ids.has(n.id)) || (state.expanded.size > 0 && (state.expanded.has(n.id) ||
                                                    [...(NEIGHBOURS.get(n.id) || [])].some(m => state.expanded.has(m))));
}

function later(year) {
  return state.year !== null && Number.isInteger(year) && year > state.year;
}

function unpublished(n) {  // every article naming it was published after the articles' year
  return state.published !== null && n.articles.length > 0 &&
    n.articles.every(i => Number.isInteger(ARTICLES[i].year) && ARTICLES[i].year > state.published);
}

function outOfStory(n) {  // not in the story told, or named only by articles filtered out
  if (state.article !== null) return !n.articles.includes(state.article);
  return n.articles.length > 0 && n.articles.every(i => state.skip.has(i));
}

function outOfResult(n) { return RESULT !== null && !RESULT.ids.has(n.id); }

function hiddenByFilters(n) {
  return state.hide.has(n.group) || later(n.year) || unpublished(n) || outOfStory(n) || outOfResult(n);
}

// a query's result alone: the nodes it names (the filters cleared) and its rows' links, dashed
function showResult({links, question}) {
  dropResult();
  const named = new Set(links.flatMap(([from, to]) => (to === null ? [from] : [from, to])));
  const ids = new Set([...named].filter(id => BY_ID.has(id)));
  if (!ids.size) return 0;
  const drawn = links.filter(([from, to]) => ids.has(from) && ids.has(to));
  RESULT = {ids, links: drawn, missing: named.size - ids.size, question};
  state.node = null; state.article = null; state.year = null; state.published = null;
  state.hide.clear(); state.skip.clear();
  if (years.length) yearInput.value = maxYear;
  if (lastPublished !== null) publishedInput.value = lastPublished;
  network.unselectAll(); details.replaceChildren();
  apply();
  edges.add(drawn.map(([from, to, label], i) => ({id: "q" + i, from, to, label, arrows: "to", dashes: true})));
  fitShown();
  return ids.size;
}

function dropResult() {
  if (RESULT === null) return;
  edges.remove(RESULT.links.map((_, i) => "q" + i));
  RESULT = null;
}

function readYears() {
  const published = ARTICLES.map(a => a.year).filter(y => Number.isInteger(y));
  firstPublished = published.length ? Math.min(...published) : null;
  lastPublished = published.length ? Math.max(...published) : null;
  if (published.length > 1 && firstPublished < lastPublished) {
    publishedInput.min = firstPublished; publishedInput.max = lastPublished; publishedInput.value = lastPublished;
  } else {
    publishedInput.disabled = true;
  }
  years = NODES.map(n => n.year).filter(y => Number.isInteger(y));
  minYear = years.length ? Math.min(...years) : null;
  maxYear = years.length ? Math.max(...years) : null;
  if (years.length) {
    yearInput.min = minYear; yearInput.max = maxYear; yearInput.value = maxYear;
  } else {
    yearInput.disabled = true;
  }
}

function yearText() {
  return state.year === null ? (years.length ? "all years" : "no years") : String(state.year);
}

function publishedText() {
  return state.published === null ? (ARTICLES.length ? "all articles" : "no dates") : String(state.published);
}

// the filters on, in words: under the controls, and on the card while it is open
function filtersText() {
  const on = [];
  if (state.article !== null) on.push(`the story of “${ARTICLES[state.article].title}”`);
  if (state.year !== null) on.push(`facts about years up to ${state.year}`);
  if (state.published !== null) on.push(`articles published up to ${state.published}`);
  if (state.hide.size) on.push("hiding " + [...state.hide].sort().join(", "));
  if (state.skip.size) on.push("leaving out " + [...state.skip].map(i => `“${ARTICLES[i].title}”`).join(", "));
  if (RESULT !== null) on.push(`the ${RESULT.ids.size} nodes a query's result names` + (RESULT.missing ? ` (${RESULT.missing} more of its IRIs are not nodes of this network)` : ""));
  return on.length ? "Showing " + on.join("; ") + "." : "";
}

function articleKey(i) { return ARTICLES[i].id.split("/").pop(); }

function articleAt(key) {  // an article's index from its IRI or the last part of it
  const i = ARTICLES.findIndex(a => a.id === key || articleKey(ARTICLES.indexOf(a)) === key);
  return i >= 0 ? i : null;
}

function writeFragment() {
  const params = new URLSearchParams();
  if (state.node) params.set("node", state.node);
  if (state.article !== null) params.set("article", articleKey(state.article));
  if (state.year !== null) params.set("year", state.year);
  if (state.published !== null) params.set("published", state.published);
  if (state.hide.size) params.set("hide", [...state.hide].sort().join(","));
  if (state.skip.size) params.set("skip", [...state.skip].map(articleKey).sort().join(","));
  if (state.expanded.size) params.set("expand", [...state.expanded].sort().join(" "));
  if (RESULT !== null) {  // the question, asked again when the link is opened
    for (const [k, v] of new URLSearchParams(RESULT.question)) params.set(k, v);
    params.set("show", "network");
  }
  const text = params.toString();
  try {
    history.replaceState(null, "", text ? "#" + text : location.pathname + location.search);
  } catch (error) {  // shown inline in a notebook (an iframe's srcdoc), the page has no address to keep it in
  }
}

function readFragment() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (params.get("show") !== "network") dropResult();  // a result's link is read by query.js, which asks the store
  state.hide = new Set((params.get("hide") || "").split(",").filter(Boolean));
  state.skip = new Set((params.get("skip") || "").split(",").map(articleAt).filter(i => i !== null));
  state.article = articleAt(params.get("article") || (location.hash ? "" : STORY || ""));  // a link's, or the page's own
  const p = params.get("published");
  state.published = p !== null && /^\d{4}$/.test(p) && lastPublished !== null && Number(p) < lastPublished ? Number(p) : null;
  if (lastPublished !== null) publishedInput.value = state.published === null ? lastPublished : Math.max(state.published, firstPublished);
  state.expanded = new Set((params.get("expand") || "").split(" ").filter(id => BY_ID.has(id)));
  const y = params.get("year");
  state.year = y !== null && /^\d{4}$/.test(y) ? Number(y) : null;
  if (state.year !== null && years.length) yearInput.value = Math.min(Math.max(state.year, minYear), maxYear);
  apply();
  const id = params.get("node") || (location.hash ? null : FOCUS);  // a focus page opens its entity's card
  if (id && BY_ID.has(id)) show(id);
}

function apply() {
  const updates = [], coming = [];
  for (const n of NODES) {
    const hidden = hiddenByFilters(n) || !inView(n);
    if (!inVis.has(n.id)) {
      if (!hidden) coming.push(n);
    } else if (hidden !== hiddenNow.has(n.id)) {
      updates.push({id: n.id, hidden});
      if (hidden) hiddenNow.add(n.id); else hiddenNow.delete(n.id);
    }
  }
  if (updates.length) nodes.update(updates);
  if (coming.length) bring(coming);
  yearValue.textContent = yearText();
  publishedValue.textContent = publishedText();
  picker.value = state.article === null ? "" : ARTICLES[state.article].id;
  document.getElementById("filters").textContent = filtersText();
  writeLegend();
  if (state.node) renderCard(BY_ID.get(state.node));
  if (document.getElementById("table").open) fillTable();
  writeFragment();
}

// the legend's counts: the nodes each family and each article has among those the other filters show
function writeLegend() {
  const groups = new Map(), articles = new Map();
  for (const n of NODES) {
    if (!inView(n) || later(n.year) || unpublished(n) || outOfResult(n)) continue;
    if (!outOfStory(n)) groups.set(n.group, (groups.get(n.group) || 0) + 1);
    if (!state.hide.has(n.group)) for (const i of n.articles) articles.set(i, (articles.get(i) || 0) + 1);
  }
  for (const box of document.querySelectorAll("#legend input")) {
    const group = box.dataset.group, i = Number(box.dataset.article);
    box.checked = group !== undefined ? !state.hide.has(group) : !state.skip.has(i) && (state.article === null || state.article === i);
    const count = (group !== undefined ? groups.get(group) : articles.get(i)) || 0;
    box.parentElement.querySelector(".count").textContent = String(count);
    box.parentElement.hidden = count === 0 && box.checked;  // an entry for what is there, or was filtered out
    const kinds = box.parentElement.nextElementSibling;
    if (kinds && kinds.classList.contains("kinds")) kinds.hidden = box.parentElement.hidden;
  }
}

function legend() {  // the legend's entries: each family and article with the nodes it has shown
  return [...document.querySelectorAll("#legend label")].filter(label => !label.hidden).map(label => ({
    name: label.querySelector(".name").textContent,
    count: Number(label.querySelector(".count").textContent),
    kind: label.querySelector("input").dataset.group !== undefined ? "family" : "article",
  }));
}

// on a screen taller than wide (a phone), the laid-out graph turned upright and its stories set
// further apart: each node moved away from the middle by its articles' pull, the shared ones between
const SPREAD = 0.6;
function upright() {
  const screen = graph.getBoundingClientRect(), ids = [...inVis], at = network.getPositions(ids);
  if (screen.height <= screen.width || !ids.length) return;
  const xs = ids.map(id => at[id].x), ys = ids.map(id => at[id].y);
  const turn = Math.max(...xs) - Math.min(...xs) > Math.max(...ys) - Math.min(...ys);
  const p = id => turn ? {x: -at[id].y, y: at[id].x} : at[id];
  const mean = list => list.length ? list.reduce((a, q) => ({x: a.x + q.x / list.length, y: a.y + q.y / list.length}), {x: 0, y: 0}) : null;
  const middle = mean(ids.map(p));
  const pulls = ARTICLES.map((_, i) => {
    const own = mean(ids.filter(id => BY_ID.get(id).articles.length === 1 && BY_ID.get(id).articles[0] === i).map(p));
    return own ? {x: SPREAD * (own.x - middle.x), y: SPREAD * (own.y - middle.y)} : {x: 0, y: 0};
  });
  for (const id of ids) {
    const q = p(id), pull = mean(BY_ID.get(id).articles.map(i => pulls[i])) || {x: 0, y: 0};
    network.moveNode(id, q.x + pull.x, q.y + pull.y);
  }
}

function fitShown() {
  const ids = NODES.filter(n => shown(n.id)).map(n => n.id);
  network.fit({nodes: ids.length ? ids : undefined, animation: false});
}

// one article's story alone (its index), or the overview (null)
function tell(i) {
  if (i !== null) dropResult();
  state.article = i;
  if (i !== null) state.skip.delete(i);
  if (state.node && hiddenByFilters(BY_ID.get(state.node))) { state.node = null; network.unselectAll(); details.replaceChildren(); }
  apply();
  fitShown();
}

function bring(list) {
  // held nodes come into the drawing in a ring around the expanded node that pulls them in
  const rings = new Map();
  for (const n of list) {
    const anchor = [...(NEIGHBOURS.get(n.id) || [])].find(m => state.expanded.has(m) && inVis.has(m));
    if (!rings.has(anchor)) rings.set(anchor, []);
    rings.get(anchor).push(n);
  }
  const added = [];
  for (const [anchor, ring] of rings) {
    const at = anchor !== undefined ? network.getPositions([anchor])[anchor] : null;
    const r = 140 + 4 * ring.length;
    ring.forEach((n, i) => added.push(visNode(n, at && {x: at.x + r * Math.cos(2 * Math.PI * i / ring.length),
                                                         y: at.y + r * Math.sin(2 * Math.PI * i / ring.length)})));
  }
  nodes.add(added);
  const fresh = new Map();  // their edges, once each (two nodes brought together share one)
  for (const n of added) for (const i of EDGES_OF.get(n.id) || []) for (const e of visEdge(i)) fresh.set(i, e);
  edges.add([...fresh.values()]);
}

function expand(id) {
  state.expanded.add(id);
  apply();
  return [...(NEIGHBOURS.get(id) || [])].filter(shown).length;
}

// a phone's layout (network.css): the side panel, and the card in it, under the graph
const PHONE = matchMedia("(max-width: 760px)");

function show(id, focus) {  // open a node's card; the focus moves to it when a reader asked (a click, Enter), on a phone unless false
  const node = BY_ID.get(id);
  if (!node) return false;
  if (outOfResult(node)) dropResult();
  state.node = id;
  if (!inView(node)) {  // brought in with a drawn neighbour's ring, or else with its own
    const drawn = [...(NEIGHBOURS.get(id) || [])].find(m => inVis.has(m));
    state.expanded.add(drawn !== undefined ? drawn : id);
  }
  state.hide.delete(node.group);
  if (outOfStory(node)) { state.article = null; for (const i of node.articles) state.skip.delete(i); }
  apply();  // draws what it needs, writes the card and the link
  frame(id);
  cursor = id;
  if (PHONE.matches && focus !== false) {  // on a phone the card is under the graph: brought up, its heading focused
    details.scrollIntoView({block: "start"});
    details.querySelector("h2").focus({preventScroll: true});
    return true;
  }
  details.scrollIntoView({block: "nearest"});
  if (focus) details.focus({preventScroll: true});
  return true;
}

function clear() {
  const back = details.contains(document.activeElement) ? state.node : null;
  state.node = null;
  network.unselectAll();
  details.replaceChildren();
  writeFragment();
  if (back) { cursor = back; network.selectNodes([back]); graph.focus(); }  // focus back to the node
}

// --- getting around: the buttons, and the keys on the focused graph ---------------------------
let cursor = null;  // the node the arrow keys are on
const graph = document.getElementById("graph"), tools = document.getElementById("tools");

function zoom(factor) {
  network.moveTo({scale: network.getScale() * factor, position: network.getViewPosition(), animation: false});
}

// the shown neighbour of the cursor most nearly in the arrow's direction (or, first, the biggest hub)
function step(key) {
  const [dx, dy] = {ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1]}[key];
  if (!cursor || !shown(cursor)) return NODES.find(n => shown(n.id))?.id || null;
  const at = network.getPositions([cursor])[cursor];
  let best = null, score = 0;
  for (const m of NEIGHBOURS.get(cursor) || []) {
    if (!shown(m)) continue;
    const p = network.getPositions([m])[m], x = p.x - at.x, y = p.y - at.y, d = Math.hypot(x, y) || 1;
    const s = (x * dx + y * dy) / d;
    if (s > score) { best = m; score = s; }
  }
  return best || cursor;
}

function onKey(event) {
  if (event.key.startsWith("Arrow")) {
    cursor = step(event.key);
    if (cursor) {
      network.selectNodes([cursor]);
      hovered = cursor;
      showTipOf(cursor);
      network.redraw();
    }
  } else if (event.key === "Enter" && cursor) {
    hideTip();
    show(cursor, true);
  } else if (event.key === "+" || event.key === "=") zoom(1.25);
  else if (event.key === "-") zoom(0.8);
  else if (event.key === "Escape") { hideTip(); clear(); } else return;
  event.preventDefault();
}

function showTipOf(id) {  // the tooltip of a node reached by the keys, beside it
  const p = network.canvasToDOM(network.getPositions([id])[id]);
  showTip(BY_ID.get(id).tip, p);
}

// --- the tour: a few steps a story, made from the graph: the story, its place, its people ------
let tourSteps = [], tourAt = 0;

function tourOf() {
  const steps = [];
  const most = (i, group) => NODES.filter(n => n.group === group && n.articles.includes(i) && !n.reserve)
                                  .sort((a, b) => (a.articles.length > 1) - (b.articles.length > 1) || b.value - a.value);  // its own first
  ARTICLES.forEach((a, i) => {
    const places = most(i, "places"), people = most(i, "people");
    steps.push({article: i, node: null, text: `Story ${i + 1} of ${ARTICLES.length}: “${a.title}”` + (a.date ? ` (${a.date})` : "")
                + `, ${a.count} nodes. Its places, people, numbers and claims are shown alone.`});
    if (places.length) steps.push({article: i, node: places[0].id, text: `Its place: ${places[0].name}, with its numbers and what was said of it.`});
    for (const person of people.slice(0, 2)) steps.push({article: i, node: person.id, text: `Who is in it: ${person.name}, their roles and what they said.`});
  });
  return steps;
}

function tourGo(k) {
  tourAt = Math.max(0, Math.min(k, tourSteps.length - 1));
  const step = tourSteps[tourAt];
  document.getElementById("tour").hidden = false;
  document.getElementById("tour-text").textContent = `${tourAt + 1}/${tourSteps.length}. ${step.text}`;
  tell(step.article);
  if (step.node) show(step.node, false);  // the focus stays on the tour's buttons
  document.getElementById("tour-back").disabled = tourAt === 0;
  document.getElementById("tour-next").disabled = tourAt === tourSteps.length - 1;
}

function tourEnd() {
  document.getElementById("tour").hidden = true;
  clear();
  tell(null);
}

function listenForGettingAround() {
  const start = document.getElementById("tour-start");
  tourSteps = tourOf();
  start.hidden = tourSteps.length === 0;
  start.addEventListener("click", () => { tourGo(0); document.getElementById("tour-next").focus(); });
  document.getElementById("tour-back").addEventListener("click", () => tourGo(tourAt - 1));
  document.getElementById("tour-next").addEventListener("click", () => tourGo(tourAt + 1));
  document.getElementById("tour-end").addEventListener("click", tourEnd);
  document.getElementById("fit").addEventListener("click", fitShown);
  document.getElementById("zoom-in").addEventListener("click", () => zoom(1.25));
  document.getElementById("zoom-out").addEventListener("click", () => zoom(0.8));
  document.getElementById("overview").addEventListener("click", () => { clear(); dropResult(); state.skip.clear(); state.hide.clear(); tell(null); });
  graph.addEventListener("keydown", onKey);
  details.addEventListener("keydown", event => { if (event.key === "Escape" && state.node) clear(); });
  // search results by arrow keys: down from the box into them, up and down between them
  search.addEventListener("keydown", event => {
    if (event.key === "ArrowDown" && results.querySelector("button")) { event.preventDefault(); results.querySelector("button").focus(); }
  });
  results.addEventListener("keydown", event => {
    const buttons = [...results.querySelectorAll("button")], i = buttons.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && i + 1 < buttons.length) buttons[i + 1].focus();
    else if (event.key === "ArrowUp") (i > 0 ? buttons[i - 1] : search).focus();
    else if (event.key === "Escape") search.focus();
    else return;
    event.preventDefault();
  });
}

// --- the entity card ---------------------------------------------------------------------------
const same = text => (text || "").replace(/[“”"\s]+/g, " ").trim();

// the sentence an evidence's words lie in, as a key: null when the article's text is not at hand
function sentence(e) {
  return typeof e.before === "string" ? `${e.article}|${e.start - e.before.length}|${e.before}${e.words}${e.after}` : null;
}

// the text around the marked words, kept to about CONTEXT characters on each side (cut at a word),
// the rest behind an ellipsis a reader can open
// (marked words themselves past LONG_WORDS, as a long quote's, to their first LONG_WORDS)
const CONTEXT = 40, LONG_WORDS = 260, REFERENCE = 80;  // characters; the words a repeated sentence names, at most

function cut(text, before, keep = CONTEXT) {
  if (text.length <= keep + 10) return [text];
  const at = before ? text.indexOf(" ", text.length - keep) + 1 : text.lastIndexOf(" ", keep);
  if (at <= 0) return [text];
  const [hidden, kept] = before ? [text.slice(0, at), text.slice(at)] : [text.slice(at), text.slice(0, at)];
  const more = el("button", {type: "button", class: "more-text", title: "Show the whole sentence", "aria-label": "Show the whole sentence"}, "…");
  more.addEventListener("click", () => more.replaceWith(hidden));
  return before ? [more, kept] : [kept, more];
}

// evidence words in their sentence, marked, with the words of the others in the same sentence, the
// context around them cut; the words alone when the article's text is not at hand (the page's
// notice says why, once)
function passage(e, others) {
  if (sentence(e) === null) return [e.words];
  const start = e.start - e.before.length, text = e.before + e.words + e.after, parts = [];
  const spans = [e, ...(others || []).filter(o => sentence(o) === sentence(e))].map(o => [o.start - start, o.end - start]);
  let at = 0;
  for (const [a, b] of spans.sort((x, y) => x[0] - y[0])) {
    if (a < at) continue;  // overlapping words stay in the mark before
    const gap = text.slice(at, a);
    parts.push(...(at > 0 ? [gap] : cut(gap, true)), el("mark", {}, ...cut(text.slice(a, b), false, LONG_WORDS)));
    at = b;
  }
  return [...parts, ...cut(text.slice(at), false)];
}

// the passages the open card has shown, each once: a later place within one refers to it by its words
const shownPassages = [];  // {article, from, to, marked: the words marked there}

function passageOf(e, others) {  // where a passage lies and the words marked in it
  const from = e.start - e.before.length, to = e.end + e.after.length;
  return {article: e.article, from, to, marked: [e, ...(others || [])].filter(o => sentence(o) === sentence(e)).map(o => same(o.words))};
}

// a passage in quotation marks, unless it opens on the article's own mark (“"steering…" read as two quotes)
function quoted(parts) {
  const text = parts.map(p => typeof p === "string" ? p : p.textContent).join("");
  return /^\s*["“‘']/.test(text) ? parts : ["“", ...parts, "”"];
}

function once(e, others) {
  if (sentence(e) === null) return quoted(passage(e, others));
  const here = passageOf(e, others), seen = shownPassages.find(p => p.article === here.article && p.from <= here.from && here.to <= p.to);
  if (!seen) {
    shownPassages.push(here);
    return quoted(passage(e, others));
  }
  const words = here.marked.find(w => !seen.marked.includes(w));
  return words ? ["(same sentence as above: “", el("mark", {}, ...cut(words, false, REFERENCE)), "”)"] : ["(same sentence as above)"];
}

// a fact's evidence: its words in their passage (not again when they are the words shown above
// them, as a quote's are, nor a sentence the card has shown), the article named unless its section
// named it; where in the article, in the line's title
function evidence(list, named, shown, others) {
  const box = el("div", {class: "ev"});
  for (const e of list || []) {
    const source = named && named.has(e.article) ? "" : `${e.article}` + (e.date ? ` (${e.date})` : "");
    const words = shown !== undefined && same(e.words) === same(shown) ? null : once(e, others);
    const note = (source ? " — " + source : "") + (e.context ? " (read from the context)" : "");
    if (!words && !note) continue;
    const attrs = e.start !== null && e.start !== undefined ? {title: `characters ${e.start}–${e.end} of the article`} : {};
    box.appendChild(el("div", attrs, ...(words || []), words ? note : note.trimStart()));
  }
  return box;
}

// a section's article, named once under its heading when all its evidence comes from one
function fromOne(items) {
  const found = new Map();
  for (const item of items) for (const e of item.ev || []) found.set(e.article, e.date);
  if (found.size !== 1) return new Set();
  const [[article, date]] = found;
  details.appendChild(el("div", {class: "from"}, `From ${article}` + (date ? ` (${date})` : "")));
  return new Set([article]);
}

function nodeLink(id, text) {
  if (id && BY_ID.has(id)) {
    const button = el("button", {class: "link", type: "button"}, text);
    button.addEventListener("click", () => show(id, true));
    return button;
  }
  return document.createTextNode(text);
}

function chart(points, unit) {
  // a series' chart: points [year, value, amount, filtered]; beside the axis the number of each
  // amount ("more than …" stays in its point's title), without the unit the heading names; the
  // points after the facts' year shown hollow, and said so
  const tick = amount => {
    const short = amount.replace(/ \(.*\)$/, "").replace(/^\D+(?=\d)/, "");
    return unit && short.endsWith(" " + unit + "s") ? short.slice(0, -unit.length - 2)
      : unit && short.endsWith(" " + unit) ? short.slice(0, -unit.length - 1) : short;
  };
  const said = p => `${p[0]}: ${p[2]}` + (p[3] ? " (after the years shown)" : "");
  return lineChart(points.map(p => ({x: p[0], y: p[1], tick: tick(p[2]), title: said(p), faded: p[3]})),
                   {width: 340, height: 96, left: 78, bottom: 22, nudge: [4, 3], label: "series: " + points.map(said).join("; ")});
}

function cardHead(node, card) {
  details.appendChild(el("h2", {tabindex: "-1"}, card.title));
  details.appendChild(el("div", {class: "kind"}, card.kind + (card.also.length ? " · also " + card.also.join(", ") : "")
                                 + (node.fact ? (Number.isInteger(node.year) ? ` · ${node.year}` : " · no year given") : "")));
  const outside = [...(NEIGHBOURS.get(node.id) || [])].filter(m => BY_ID.get(m).reserve && !inView(BY_ID.get(m)));
  if (outside.length) {
    const more = el("button", {type: "button", id: "expand"}, `Show its ${outside.length} other neighbour${outside.length > 1 ? "s" : ""}`);
    more.addEventListener("click", () => expand(node.id));
    details.appendChild(more);
  }
  if (card.ev.length) details.appendChild(evidence(card.ev));
}

const FOLD_ROWS = 4;  // a group of more numbers is folded, with its count
const FOLD_ITEMS = 8, SHOW_ITEMS = 5;  // a longer list shows its first items, the rest folded with their count

function folded(list) {
  if (list.children.length <= FOLD_ITEMS) return list;
  const rest = el("ul");
  for (const item of [...list.children].slice(SHOW_ITEMS)) rest.appendChild(item);
  return el("div", {}, list, el("details", {class: "more"}, el("summary", {}, `${rest.children.length} more`), rest));
}

function cardNumbers(numbers) {
  details.appendChild(el("h3", {}, "Numbers"));
  const named = fromOne(numbers);
  const series = new Map();
  for (const n of numbers) {
    if (Number.isInteger(n.year) && n.value !== null && n.measure === "level") {
      const key = n.what + "|" + n.unit;
      if (!series.has(key)) series.set(key, []);
      series.get(key).push([n.year, n.value, n.amount, later(n.year)]);
    }
  }
  for (const [key, points] of series) {
    const distinct = new Set(points.map(p => p[0]));
    if (distinct.size >= 2) {
      points.sort((a, b) => a[0] - b[0]);
      const [what, unit] = key.split("|");
      details.appendChild(el("div", {}, what + (unit && unit !== "count" ? ` (${unit})` : "")));
      details.appendChild(chart(points, unit));
    }
  }
  // grouped by indicator, each sorted by year; levels first, then changes and multiples
  const groups = new Map();
  const year = n => Number.isInteger(n.year) ? n.year : 9999;
  const sorted = [...numbers].sort((a, b) => (a.measure === "level" ? 0 : 1) - (b.measure === "level" ? 0 : 1) || year(a) - year(b));
  for (const n of sorted) {
    const key = (n.measure === "level" ? "" : "change|") + n.what;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(n);
  }
  let changes = false;
  for (const [key, list] of groups) {
    if (key.startsWith("change|") && !changes) { changes = true; details.appendChild(el("h4", {}, "Changes and multiples")); }
    const body = el("tbody");
    let run = [];  // rows whose one evidence lies in the next row's sentence: it is shown once, under the last
    list.forEach((n, k) => {
      const attrs = {"data-year": Number.isInteger(n.year) ? n.year : ""};
      if (later(n.year)) attrs.class = "later";
      const one = ev => ev.length === 1 ? sentence(ev[0]) : null, joined = k + 1 < list.length && one(n.ev) !== null && one(n.ev) === one(list[k + 1].ev);
      body.appendChild(el("tr", attrs, el("td", {}, nodeLink(n.id, n.amount + (Number.isInteger(n.year) ? "" : " · no year")),
                                           joined ? null : evidence(n.ev, named, undefined, run))));
      run = joined ? [...run, n.ev[0]] : [];
    });
    const table = el("table", {}, body);
    const what = list[0].what;
    if (list.length > FOLD_ROWS) {
      details.appendChild(el("details", {class: "group"}, el("summary", {}, `${what} (${list.length})`), table));
    } else {
      details.appendChild(el("div", {class: "what"}, what));
      details.appendChild(table);
    }
  }
}

function cardQuotes(quotes) {
  const reported = quotes.some(q => q.kind === "reported speech");
  details.appendChild(el("h3", {}, reported ? "Who said what" : "Quotes"));
  const named = fromOne(quotes);
  for (const q of quotes) {
    const who = el("div", {}, "— ", nodeLink(q.speakerId, q.speaker), q.role ? `, ${q.role}` : "",
                   q.kind === "reported speech" ? " (reported speech, in the article's words)" : "");
    const e = (q.ev || []).find(e => same(e.words) === same(q.words) && typeof e.before === "string");  // its passage
    if (e) shownPassages.push(passageOf(e));
    const words = e ? passage(e) : [q.kind === "reported speech" ? q.words : `“${q.words}”`];
    details.appendChild(el("blockquote", later(q.year) ? {class: "later"} : {}, el("div", {}, ...words), who, evidence(q.ev, named, q.words)));
  }
}

function cardFacts(facts) {
  details.appendChild(el("h3", {}, "What the articles say"));
  const named = fromOne(facts);
  const list = el("ul");
  for (const f of facts) {
    list.appendChild(el("li", later(f.year) ? {class: "later"} : {}, nodeLink(f.id, f.text), ` (${f.kind}`
                        + (Number.isInteger(f.year) ? `, ${f.year})` : ")"), evidence(f.ev, named)));
  }
  details.appendChild(folded(list));
}

function cardRelations(relations) {
  details.appendChild(el("h3", {}, "Relations"));
  const named = fromOne(relations);
  const list = el("ul");
  for (const r of relations) {
    const text = r.dir === "out" ? [`${r.prop} `, nodeLink(r.otherId, r.other)] : [nodeLink(r.otherId, r.other), ` ${r.prop} this`];
    const source = (r.ev.length && r.ev.every(e => e.article === r.source) ? "" : ` — ${r.source}`) + (r.context ? " (from context)" : "");
    list.appendChild(el("li", {}, ...text, source ? el("span", {class: "ev"}, source) : null, evidence(r.ev, named)));
  }
  details.appendChild(folded(list));
}

function cardNearby(facts) {  // a fact's card: the other facts of the same passage
  details.appendChild(el("h3", {}, "Said in the same passage"));
  const list = el("ul");
  for (const f of facts) list.appendChild(el("li", later(f.year) ? {class: "later"} : {}, nodeLink(f.id, f.text), ` (${f.kind})`));
  details.appendChild(folded(list));
}

function cardMentions(mentions) {
  details.appendChild(el("h3", {}, "Mentioned in"));
  const list = el("ul");
  for (const m of mentions) list.appendChild(el("li", {}, `${m.article}: “${m.words}”`));
  details.appendChild(folded(list));
}

function renderCard(node) {
  const headed = !!document.activeElement && document.activeElement === details.querySelector("h2");  // kept when the card is written again
  details.replaceChildren();
  shownPassages.length = 0;
  if (!node) return;
  const card = cardOf(node.id) || {title: node.name || node.label, kind: node.kind, also: [], ev: [], numbers: [], quotes: [],
                                   facts: [], relations: [], mentions: []};
  cardHead(node, card);
  if (headed) details.querySelector("h2").focus({preventScroll: true});
  const filters = filtersText();
  if (filters) details.appendChild(el("p", {class: "filters"}, filters));
  const numbers = card.numbers.filter(n => n.id !== node.id);  // a number's own card says it in its title and words
  if (numbers.length) cardNumbers(numbers);
  if (card.quotes.length) cardQuotes(card.quotes);
  if (card.facts.length) cardFacts(card.facts);
  if (card.relations.length) cardRelations(card.relations);
  if (card.nearby && card.nearby.length) cardNearby(card.nearby);
  if (card.mentions.length) cardMentions(card.mentions);
}

// --- search: an exact label first; then entities before facts; a label starting with the text,
// then a word starting with it, then containing it; shorter labels first ------------------------
function matches(text) {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  const ranked = [];
  for (const n of NODES) {
    let best = 9;
    for (const label of n.labels) {
      const l = label.toLowerCase();
      const rank = l === q ? 0 : l.startsWith(q) ? 1 : (" " + l).includes(" " + q) ? 2 : l.includes(q) ? 3 : 9;
      best = Math.min(best, rank);
    }
    if (best < 9) ranked.push([best === 0 ? 0 : 1, n.fact ? 1 : 0, best, n.label.length, n.label, n]);
  }
  ranked.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3] || (a[4] < b[4] ? -1 : a[4] > b[4] ? 1 : 0));
  return ranked.slice(0, 20).map(r => r[5]);
}

function listResults() {
  results.replaceChildren();
  for (const n of matches(search.value)) {
    const button = el("button", {type: "button"}, n.labels.join(" · ") + " (" + n.kind + ")");
    button.addEventListener("click", () => show(n.id, true));
    results.appendChild(el("li", {}, button));
  }
}

// --- filters, year, link, table ----------------------------------------------------------------
async function copyLink() {
  const copied = document.getElementById("copied");
  try {
    await navigator.clipboard.writeText(location.href);
    copied.textContent = "Link copied";
  } catch (error) {
    copied.textContent = "Copy this link: " + location.href;
  }
}

function fillTable() {
  const body = document.querySelector("#table tbody");
  body.replaceChildren();
  const degree = new Map();
  for (const e of EDGES) for (const end of [e.from, e.to]) degree.set(end, (degree.get(end) || 0) + 1);
  const list = NODES.filter(n => shown(n.id)).sort((a, b) => (degree.get(b.id) || 0) - (degree.get(a.id) || 0));
  for (const n of list.slice(0, 2000)) {
    body.appendChild(el("tr", {}, el("td", {}, nodeLink(n.id, n.label)), el("td", {}, n.kind),
                        el("td", {}, Number.isInteger(n.year) ? String(n.year) : ""), el("td", {}, String(degree.get(n.id) || 0))));
  }
}

function listenToControls() {
  search.addEventListener("input", listResults);
  search.addEventListener("keydown", event => {
    if (event.key === "Escape") { search.value = ""; results.replaceChildren(); }
    if (event.key === "Enter") { const first = matches(search.value)[0]; if (first) show(first.id, true); }
  });
  for (const box of document.querySelectorAll("#legend input")) {
    box.addEventListener("change", () => {
      const group = box.dataset.group, i = Number(box.dataset.article);
      if (group !== undefined) { if (box.checked) state.hide.delete(group); else state.hide.add(group); }
      else { state.article = null; if (box.checked) state.skip.delete(i); else state.skip.add(i); }
      apply();
    });
  }
  picker.addEventListener("change", () => tell(picker.value ? articleAt(picker.value) : null));
  publishedInput.addEventListener("input", () => {
    const y = Number(publishedInput.value);
    state.published = y >= lastPublished ? null : y;
    apply();
  });
  yearInput.addEventListener("input", () => {
    const y = Number(yearInput.value);
    state.year = y >= maxYear ? null : y;
    apply();
  });
  if (location.protocol === "about:") document.getElementById("copy").hidden = true;  // inline in a notebook: no address to copy
  document.getElementById("copy").addEventListener("click", copyLink);
  document.getElementById("table").addEventListener("toggle", event => { if (event.target.open) fillTable(); });
  window.addEventListener("hashchange", readFragment);
}

// the page's API, for tests and notebooks: tkg.show(iri), tkg.year(y or null), tkg.published(y or
// null), tkg.article(iri or null), tkg.legend(), tkg.labels(), the card in #details
function api() {
  return {
    network, nodes, edges, ready: false, show, clear, expand,
    result: showResult,  // a query's result alone: {links: [[from, to or null, label]], question}; the nodes shown
    held: {nodes: NODES.length, edges: EDGES.length},  // what the page holds; nodes and edges are what it draws
    labels: () => drawnLabels,  // the labels of the last frame: id, text, lines, font, box [left, top, right, bottom] in CSS pixels, hub or article
    legend,
    article(iri) {  // show one article's story (its IRI), or the overview (null); its IRI, null, or false if unknown
      const i = iri === null || iri === undefined || iri === "" ? null : articleAt(iri);
      if (iri && i === null) return false;
      tell(i);
      return i === null ? null : ARTICLES[i].id;
    },
    published(y) {  // the articles' time control, as year is the facts'
      state.published = y === null || y === undefined || lastPublished === null || y >= lastPublished ? null : Number(y);
      if (lastPublished !== null) publishedInput.value = state.published === null ? lastPublished : Math.max(state.published, firstPublished);
      apply();
      return state.published;
    },
    year(y) {
      state.year = y === null || y === undefined || (maxYear !== null && y >= maxYear) ? null : Number(y);
      if (years.length) yearInput.value = state.year === null ? maxYear : Math.max(state.year, minYear);
      apply();
      return state.year;
    },
  };
}

start();
