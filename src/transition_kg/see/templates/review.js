"use strict";
// The review page: the article with its candidates marked, the queue with their proposals, and
// window.tkgReview (items, decide, save). Decisions are kept in the review file beside the draft:
// each one is written as it is taken, and Save promotes (then anchors and validates).

const DATA = JSON.parse(document.getElementById("data").textContent);
const ITEMS = DATA.items;
const BY_ID = new Map(ITEMS.map(item => [item.id, item]));
const TEXT_FIELDS = new Set(["indicatorLabel", "title", "newEntityLabel"]);
const PICKER = {mentionOf: "entity", type: "class", observedEntity: "entity", indicator: "indicator", unit: "unit",
  measure: "measure", speaker: "entity", roleIn: "entity", subject: "entity", object: "entity",
  predicate: "predicate", basis: "basis", newEntityType: "class"};
// the field a new entity made in place fills (a name no picker knows, typed there, is a new entity's label)
const NEW_FOR = {CandidateObservation: "observedEntity", CandidateQuote: "speaker", CandidateRole: "speaker"};
// each field in words, not its RDF name (its data-field keeps the name the page API uses)
const SHOWN_AS = {mentionOf: "already in the graph as", type: "kind of thing, if new", observedEntity: "about",
  indicator: "what is counted", indicatorLabel: "name of a new indicator", unit: "unit",
  measure: "measure (level, increase, target…)", speaker: "said by", roleIn: "in (organisation)",
  title: "role, as written", subject: "from", predicate: "relation", object: "to",
  basis: "basis (stated or contextual)", newEntityType: "kind, if new"};
const SHOWN_FOR = {CandidateRole: {speaker: "person"}};
const STATUS = {candidate: "not decided yet", accepted: "accepted", rejected: "rejected", promoted: "written to the graph"};
const LABELS = new Map(), IRIS = {};
for (const [kind, list] of Object.entries(DATA.choices)) {
  IRIS[kind] = new Map();
  for (const [iri, label] of list) { IRIS[kind].set(label, iri); LABELS.set(iri, label); }
}
for (const item of ITEMS) for (const p of Object.values(item.proposals)) if (!LABELS.has(p.value)) LABELS.set(p.value, p.label);
const problems = new Map();  // item id → its problems' messages
let current = 0, writing = Promise.resolve(), pending = null;

const $ = id => document.getElementById(id);
const shown = (field, value) => TEXT_FIELDS.has(field) ? value : (LABELS.get(value) || value);
const valueOf = (item, field) => (field === NEW_FOR[item.kind] && item.decision.newEntityLabel) ||
  item.decision[field] || (item.proposals[field] || {}).value || (field === "newEntityType" && NEW_FOR[item.kind] === "speaker" ? IRIS.class.get("person") || "" : "");
const KIND = {CandidateMention: "name", CandidateObservation: "number", CandidateQuote: "quote",
  CandidateRole: "role", CandidateRelation: "relation", CandidateDate: "date"};

function status(text, done) { $("status").textContent = text; $("status").className = done ? "done" : ""; }

function progress() {
  const decided = ITEMS.filter(i => i.decision.status !== "candidate").length;
  $("progress").textContent = `${decided} of ${ITEMS.length} decided`;
}

// the article, each candidate (but relations, which span names) marked where its words are
function renderArticle() {
  const article = $("article"), text = DATA.text;
  article.textContent = "";
  let at = 0;
  const marked = ITEMS.filter(i => i.kind !== "CandidateRelation" && i.end > i.start).sort((a, b) => a.start - b.start);
  for (const item of marked) {
    if (item.start < at || item.end > text.length) continue;  // overlapping: the queue still has it
    article.appendChild(document.createTextNode(text.slice(at, item.start)));
    const mark = el("mark", {"data-id": item.id, class: item.decision.status, title: KIND[item.kind]}, text.slice(item.start, item.end));
    mark.addEventListener("click", () => select(ITEMS.indexOf(item), true));
    article.appendChild(mark);
    at = item.end;
  }
  article.appendChild(document.createTextNode(text.slice(at)));
}

function fieldInput(item, field) {
  const id = `f-${item.id}-${field}`.replace(/[^\w-]/g, "_");
  const input = el("input", {id, type: "text", autocomplete: "off", "data-field": field, value: shown(field, valueOf(item, field))});
  if (PICKER[field]) input.setAttribute("list", `choices-${PICKER[field]}`);
  const proposal = item.proposals[field];
  const sure = proposal && proposal.confidence != null && !item.decision[field] ? el("span", {class: proposal.confidence < 0.5 ? "sure unsure" : "sure"},
    ` ${Math.round(proposal.confidence * 100)}%`) : "";
  return el("label", {for: id}, (SHOWN_FOR[item.kind] || {})[field] || SHOWN_AS[field] || field, sure, input);
}

function renderItem(item) {
  const li = el("li", {id: `item-${item.id}`, tabindex: "-1", class: item.decision.status, "aria-label": `${KIND[item.kind]}: ${item.words}`});
  const date = item.kind === "CandidateDate";  // no fact of its own, so no confidence to show
  li.appendChild(el("div", {class: "head"}, el("span", {class: "kind"}, KIND[item.kind]), el("span", {class: "words"}, item.words),
    el("span", {class: "sure"}, [date || item.confidence == null ? "" : `${Math.round(item.confidence * 100)}%`, item.because]
      .filter(Boolean).join(" · "))));
  if (date) li.appendChild(el("p", {class: "note"}, "Not a fact of its own: its year goes on the numbers it dates. Accept or reject, it is the same."));
  if (item.kind === "CandidateRelation") {
    const p = f => shown(f, valueOf(item, f));
    li.appendChild(el("p", {class: "relation"}, `${p("subject")} — ${p("predicate")} — ${p("object")}`));
  }
  const fields = (DATA.fields[item.kind] || []).filter(f => f !== "newEntityLabel");  // typed in the entity's field
  if (fields.length) li.appendChild(el("div", {class: "fields"}, ...fields.map(f => fieldInput(item, f))));
  const accept = el("button", {type: "button", class: "act"}, "Accept");
  const reject = el("button", {type: "button", class: "act"}, "Reject");
  accept.addEventListener("click", () => acceptEdited(item));
  reject.addEventListener("click", () => decide(item.id, {status: "rejected"}));
  li.appendChild(el("div", {class: "actions"}, accept, reject, el("span", {class: "sure"}, STATUS[item.decision.status] || item.decision.status)));
  for (const message of problems.get(item.id) || []) li.appendChild(el("p", {class: "problem"}, plain(message)));
  li.addEventListener("focusin", () => select(ITEMS.indexOf(item), false));  // its fields too
  return li;
}

function renderQueue() {
  const queue = $("queue");
  queue.textContent = "";
  for (const item of ITEMS) queue.appendChild(renderItem(item));
  select(current, false);
}

function select(index, focus) {
  current = Math.max(0, Math.min(ITEMS.length - 1, index));
  const item = ITEMS[current];
  if (!item) return;
  for (const node of document.querySelectorAll(".current")) node.classList.remove("current");
  for (const node of document.querySelectorAll("#queue > li")) node.tabIndex = -1;
  const li = $(`item-${item.id}`), mark = document.querySelector(`mark[data-id="${CSS.escape(item.id)}"]`);
  if (mark) { mark.classList.add("current"); if (focus) mark.scrollIntoView({block: "nearest"}); }
  if (li) { li.classList.add("current"); li.tabIndex = 0; if (focus) { li.focus(); li.scrollIntoView({block: "nearest"}); } }
}

// the field values the reviewer changed, as a decision's fields (a label from the pickers gives its
// IRI), and the fields whose typed value no list knows (nothing is taken from those)
function edits(item) {
  const out = {}, unknown = [];
  for (const input of document.querySelectorAll(`#${CSS.escape(`item-${item.id}`)} input[data-field]`)) {
    const field = input.dataset.field, typed = input.value.trim();
    if (typed === shown(field, valueOf(item, field))) {
      if (field === NEW_FOR[item.kind] && item.decision.newEntityLabel) out.newEntityLabel = item.decision.newEntityLabel;
      else if (item.decision[field]) out[field] = item.decision[field];
      else if (field === "newEntityType" && typed) out[field] = IRIS.class.get(typed) || typed;
      continue;
    }
    if (TEXT_FIELDS.has(field)) { out[field] = typed; continue; }
    const iri = (IRIS[PICKER[field]] || new Map()).get(typed);
    if (iri) out[field] = iri;
    else if (field === "indicator" && typed) out.indicatorLabel = typed;  // a new indicator, made in place
    else if (field === NEW_FOR[item.kind] && typed && !/^[a-z]+:\S+$/.test(typed)) out.newEntityLabel = typed;  // a new entity
    else if (/^[a-z]+:\S+$/.test(typed)) out[field] = typed;  // an IRI or prefixed name, typed
    else if (typed) unknown.push(input);
  }
  if (!out.newEntityLabel) delete out.newEntityType;  // a class only for a new entity
  return {out, unknown};
}

// accept the candidate with the fields as changed; false (and said beside the field) when a typed
// value is in no list
function acceptEdited(item) {
  const {out, unknown} = edits(item);
  const li = $(`item-${item.id}`);
  for (const old of li.querySelectorAll(".typed")) old.remove();
  for (const input of li.querySelectorAll("[aria-invalid]")) { input.removeAttribute("aria-invalid"); input.removeAttribute("aria-describedby"); }
  if (!unknown.length) { decide(item.id, {status: "accepted", ...out}); return true; }
  for (const input of unknown) {
    const field = input.dataset.field, list = DATA.choices[PICKER[field]] || [];
    const some = list.length <= 30 ? `: ${list.map(([, label]) => label).join(", ")}` : " (it shows them as you type)";
    const note = el("p", {class: "problem typed", id: `${input.id}-problem`},
      `${SHOWN_AS[field] || field}: "${input.value.trim()}" is not in the list, so nothing was accepted; pick one from the list${some}`);
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", note.id);
    li.appendChild(note);
  }
  unknown[0].focus();
  status(`Not accepted: ${item.words} has a value that is not in its list`);
  return false;
}

// a problem in the page's words: the fields by their names on the page, the graph's things by their labels
function plain(message) {
  return message.replace(/\b(?:tkg|rdf):(\w+)/g, (whole, name) => SHOWN_AS[name] ? `"${SHOWN_AS[name]}"` : whole)
    .replace(/\btkr:([\w-]+)/g, (whole, local) => LABELS.get(`https://w3id.org/transition-kg/id/${local}`) || whole);
}

function rerender(item) {
  const old = $(`item-${item.id}`);
  if (old) old.replaceWith(renderItem(item));
  const mark = document.querySelector(`mark[data-id="${CSS.escape(item.id)}"]`);
  if (mark) mark.className = item.decision.status;
  select(current, false);
  progress();
}

async function post(promote) {
  const decisions = {};
  for (const item of ITEMS) if (item.decision.status !== "candidate") decisions[item.id] = item.decision;
  const answer = await fetch("save", {method: "POST", headers: {"Content-Type": "application/json"},
    body: JSON.stringify({decisions, promote})});
  const body = await answer.text();
  if (!answer.ok) return {problems: [{id: null, message: body.trim()}], written: []};
  return JSON.parse(body);
}

// take a decision: {status: "accepted"} (the proposals as they are), {status: "rejected"}, or
// {status: "accepted", field: value…} overriding proposals; it is written to the review file
function decide(id, decision) {
  const item = BY_ID.get(id);
  if (!item) throw new Error(`no such candidate: ${id}`);
  if (!decision || !["accepted", "rejected", "candidate"].includes(decision.status)) throw new Error("decision.status: accepted, rejected or candidate");
  item.decision = {...decision};
  problems.delete(id);
  rerender(item);
  clearTimeout(pending);
  pending = setTimeout(() => { writing = writing.then(() => post(false)).then(shownProblems); }, 150);
  return item.decision;
}

// each problem beside its candidate; only the candidates whose problems changed are drawn again
// (a field being typed in elsewhere keeps its text)
function shownProblems(answer) {
  const before = new Map(problems);
  problems.clear();
  const general = [];
  for (const p of answer.problems) {
    if (p.id && BY_ID.has(p.id)) problems.set(p.id, [...(problems.get(p.id) || []), p.message]);
    else general.push(p.message);
  }
  for (const id of new Set([...before.keys(), ...problems.keys()])) {
    if (JSON.stringify(before.get(id)) !== JSON.stringify(problems.get(id))) rerender(BY_ID.get(id));
  }
  return general;
}

async function save() {
  clearTimeout(pending);
  status("Saving…");
  await writing;
  const answer = await post(true);
  const general = shownProblems(answer);
  if (answer.problems.length) {
    status(`${answer.problems.length} problem(s), nothing written to the graph${general.length ? ": " + plain(general[0]) : ": each is in red beside its candidate"}`);
    const first = ITEMS.findIndex(i => problems.has(i.id));
    if (first >= 0) select(first, true);
  } else {
    const fresh = await (await fetch("items")).json();  // what was promoted is not promoted again
    for (const item of fresh) if (BY_ID.has(item.id)) BY_ID.get(item.id).decision = item.decision;
    renderArticle(); renderQueue(); progress();
    status(`Saved: ${answer.written.length} facts and entities written, the project validates.`, true);  // once shown
  }
  return answer.problems;
}

function items() {
  return ITEMS.map(i => JSON.parse(JSON.stringify({id: i.id, kind: i.kind, words: i.words, found: i.found,
    proposals: i.proposals, confidence: i.confidence, decision: i.decision})));
}

document.addEventListener("keydown", event => {
  if ((event.ctrlKey || event.metaKey) && event.key === "s") { event.preventDefault(); save(); return; }
  const item = ITEMS[current];
  if (event.target.tagName === "INPUT") {
    if (event.key === "Escape") { event.preventDefault(); select(current, true); }
    else if (event.key === "Enter" && item) { event.preventDefault(); if (acceptEdited(item)) select(current + 1, true); }
    return;
  }
  if (event.target.tagName === "BUTTON" && (event.key === "Enter" || event.key === " ")) return;
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const keys = {
    j: () => select(current + 1, true), ArrowDown: () => select(current + 1, true),
    k: () => select(current - 1, true), ArrowUp: () => select(current - 1, true),
    a: () => { if (acceptEdited(item)) select(current + 1, true); },
    r: () => { decide(item.id, {status: "rejected"}); select(current + 1, true); },
    e: () => { const input = $(`item-${item.id}`).querySelector("input"); if (input) input.focus(); },
  };
  if (keys[event.key] && item) { event.preventDefault(); keys[event.key](); }
});
$("save").addEventListener("click", save);
$("accept-all").addEventListener("click", () => {
  for (const item of ITEMS) if (item.decision.status === "candidate") item.decision = {status: "accepted"};
  renderArticle(); renderQueue(); progress();
  writing = writing.then(() => post(false)).then(shownProblems);
});

window.tkgReview = {items, decide, save};
renderArticle();
renderQueue();
progress();
