"""How far the draft's proposals take a reviewer on the review page (issue 23), in Chromium.

On articles written for this measurement and kept aside from the rules (``benchmarks/review/*.txt``;
a reader's decisions in ``*.decisions``, written before the proposals were looked at):

- the share of proposals right as proposed, per kind: class (of a new name), observed entity,
  indicator ("new" when the right one is a new indicator), measure, speaker, role (where a
  person who does not speak holds it), relation (a relation the reader lists, proposed with its
  predicate);
- the actions a reviewer takes in Chromium (Debian's /usr/bin/chromium) on the page, by keyboard:
  one key per candidate to accept or reject, and to change a proposal ``e``, Tab to its field,
  Ctrl+A, the value typed (one action; its characters counted apart) and Enter; one click into
  the queue and Ctrl+S to save — beside the lines of TriG the same decisions take by hand today
  (a line per accepted candidate and per term it needs; a relation: its triple and a five-line
  rdf:Statement), measured in the same run;
- Save to validated facts (the page's Ctrl+S: write the review file, promote, anchor, validate),
  timed, then ``validate`` and whether the result answers cq03 (speakers with roles), cq05 (the
  numbers by indicator) and cq06 (the numbers by entity).

Targets: 80% right as proposed; a 40-candidate article in at most 80 actions; Save under 3 s.
First run of hengling.txt (written for this run, before the rules for industries, targets,
silent roles and pronoun speakers): 38/46 = 83% right as proposed (class 15/16, entity 7/8,
indicator 7/8, measure 3/5, speaker 2/3, role 0/1, relation 4/5).

    python -m benchmarks.review [ARTICLE ...]     # from the checkout; all articles by default
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.view import CHROMIUM_ARGS
from transition_kg.ask.queries import run_named
from transition_kg.ask.serve import make_page_server
from transition_kg.cli import run as cli
from transition_kg.core.paths import Project, corpus_dir, find_project
from transition_kg.core.store import open_store
from transition_kg.core.validate import validate
from transition_kg.grow.review import choices, open_session, routes
from transition_kg.see.review import render_review

HERE = Path(__file__).resolve().parent / "review"
TKR, TKG = "https://w3id.org/transition-kg/id/", "https://w3id.org/transition-kg/ontology#"
CHROMIUM = "/usr/bin/chromium"
#: the kind of each field's picker (as the page's lists offer them)
PICKER = {
    "type": "class",
    "observedEntity": "entity",
    "speaker": "entity",
    "roleIn": "entity",
    "subject": "entity",
    "object": "entity",
    "indicator": "indicator",
    "measure": "measure",
    "predicate": "predicate",
}


def read_decisions(path: Path) -> tuple[str, list[list[str]]]:
    """The publication date and the reader's decisions (field, words, value…)."""
    published, rows = "", []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("published "):
            published = line.split()[1]
        elif line.strip() and not line.startswith("#"):
            rows.append([part.strip() for part in line.split("|")])
    return published, rows


def expand(value: str) -> str:
    prefix, _, local = value.rpartition(":")
    return {"tkr": TKR, "tkg": TKG, "": TKG}[prefix] + local


def score(items: list[dict], rows: list[list[str]]) -> tuple[dict[str, list[int]], dict[str, dict]]:
    """Per kind: [right, all]; and the decisions that take the article to the reader's facts."""
    by_words = {i["words"]: i for i in items}
    names = {i["found"].get("Name", i["words"]): i for i in items if i["kind"] == "CandidateMention"}
    tally: dict[str, list[int]] = {}
    decisions: dict[str, dict] = {}
    for field, words, *value in rows:
        item = names.get(words) if field == "class" else by_words.get(words)
        if item is None and field != "class":  # the reader's words inside the candidate's ("about 2,300 workers")
            item = next((i for w, i in by_words.items() if words in w and i["kind"] != "CandidateRelation"), None)
        if field == "role":  # a role of the person named, held where the reader says
            item = next(
                (i for i in items if i["kind"] == "CandidateRole" and i["found"].get("Speaker") == words),
                None,
            )
        if field == "relation":
            item = next(
                (
                    i
                    for i in items
                    if i["kind"] == "CandidateRelation"
                    and i["found"].get("SubjectName") == words
                    and i["found"].get("ObjectName") == value[1]
                ),
                None,
            )
        proposals = item["proposals"] if item else {}
        key = {"class": "type", "entity": "observedEntity", "relation": "predicate", "role": "roleIn"}.get(field, field)
        proposed = proposals.get(key, {}).get("value")
        if field == "class" and "mentionOf" in proposals:  # a name the graph has: no class to give
            right = True
        elif field == "indicator" and value[0] == "new":
            right = "indicatorLabel" in proposals
        else:
            right = proposed == expand(value[0] if field != "relation" else "tkg:" + value[0])
        tally.setdefault(field, [0, 0])
        tally[field][0] += right
        tally[field][1] += 1
        if item is None:
            continue
        decision = decisions.setdefault(item["id"], {"status": "accepted"})
        if not right and field != "indicator":
            decision[key] = value[0] if value[0].startswith("tkr:") else "tkg:" + value[0]
        elif not right:
            decision["indicatorLabel"] = words.split(maxsplit=1)[-1]
    return tally, decisions


def hand_lines(items: list[dict], decisions: dict[str, dict]) -> int:
    """Lines of TriG the same decisions take without proposals."""
    kinds = {i["id"]: i["kind"] for i in items}
    needs = {"CandidateMention": 1, "CandidateObservation": 2, "CandidateQuote": 1, "CandidateRole": 1}
    lines = 0
    for id_ in decisions:
        lines += 6 if kinds[id_] == "CandidateRelation" else 1 + needs.get(kinds[id_], 0)
    return lines


def plan(items: list[dict], rows: list[list[str]], decisions: dict[str, dict]) -> dict[str, dict]:
    """A decision for every candidate: the reader's, else accepted for a name the reader classed
    (or one the graph knows) and for the role of a person the reader named, else rejected."""
    classed = {words for field, words, *_ in rows if field == "class"}
    out = {}
    for item in items:
        found = item["found"]
        name = item["kind"] == "CandidateMention" and (found.get("Name") in classed or "Of" in found)
        role = item["kind"] == "CandidateRole" and found.get("Speaker") in classed
        keep = name or role
        out[item["id"]] = decisions.get(item["id"]) or {"status": "accepted" if keep else "rejected"}
    return out


class Reviewer:
    """A reviewer at the keyboard: each key, click and typed value counted."""

    def __init__(self, page, labels: dict[str, str], fields: dict[str, list[str]]) -> None:
        self.page, self.labels, self.fields = page, labels, fields
        self.actions = self.characters = self.values = 0

    def key(self, key: str) -> None:
        self.page.keyboard.press(key)
        self.actions += 1

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)
        self.actions += 1  # a value typed (or picked from its list) is one action
        self.values += 1
        self.characters += len(text)

    def review(self, items: list[dict], decisions: dict[str, dict]) -> None:
        self.page.click("#queue > li:first-child .kind")  # the first candidate (not one of its fields)
        self.actions += 1
        for item in items:
            decision = decisions[item["id"]]
            changes = {k: v for k, v in decision.items() if k != "status"}
            if decision["status"] == "rejected":
                self.key("r")
            elif not changes:
                self.key("a")
            else:
                self.change(item, changes)

    def change(self, item: dict, changes: dict[str, str]) -> None:
        """``e``, then for each field to change: Tab to it, Ctrl+A, its value; Enter accepts."""
        shown = [f for f in self.fields[item["kind"]] if f != "newEntityLabel"]
        self.key("e")
        at = 0
        for field, value in changes.items():
            where = shown.index("indicator" if field == "indicatorLabel" else field)
            for _ in range(where - at):
                self.key("Tab")
            at = where
            self.key("Control+a")
            self.type(value if field == "indicatorLabel" else self.labels.get(expand(value), value))
        self.key("Enter")


def until(page, expression: str, timeout: float = 60.0) -> None:
    """Wait until ``expression`` (a JS function) is true, asking every 20 ms (the page's CSP
    forbids Playwright's own polling)."""
    end = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > end:
            raise TimeoutError(expression)
        page.wait_for_timeout(20)


def review(article: Path, project_root: Path, corpus: Path, work: Path, browser) -> dict:
    """One article: the proposals scored, reviewed in Chromium by keyboard, Save timed, the
    result validated and asked cq03, cq05 and cq06."""
    published, rows = read_decisions(article.with_suffix(".decisions"))
    root = work / "project"
    for part in ("ontology", "graph", "queries"):
        shutil.copytree(project_root / part, root / part)
    shutil.copytree(corpus, work / "seeds")
    os.environ["TKG_CORPUS"] = str(work / "seeds")
    text = work / article.name
    shutil.copy(article, text)
    base = ["--project", str(root)]
    cli(base + ["new-article", str(text), "--published", published, "--title", article.stem.capitalize()])
    draft = work / "draft.trig"
    cli(base + ["extract", str(text), "--published", published, "-o", str(draft)])
    project = Project(root)
    session = open_session(project, draft, render_review)
    server = make_page_server(routes(), {"review": session}, port=0).start()
    try:
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(server.url + "/")
        until(page, "() => !!window.tkgReview")
        items = page.evaluate("() => tkgReview.items()")
        tally, decisions = score(items, rows)
        decisions = plan(items, rows, decisions)
        offered = choices(project)
        new_names = {TKR + slug: label for slug, label in _new_names(items)}
        labels = {iri: label for kind in offered.values() for iri, label in kind} | new_names
        reviewer = Reviewer(page, labels, _fields())
        reviewer.review(items, decisions)
        until(
            page, "() => fetch('items').then(r => r.json()).then(i => i.every(x => x.decision.status !== 'candidate'))"
        )
        started = time.perf_counter()
        reviewer.key("Control+s")
        until(page, "() => /^(Saved|\\d+ problem)/.test(document.getElementById('status').textContent)")
        seconds = time.perf_counter() - started
        said = page.inner_text("#status")
        taken = {i["id"]: i["decision"] for i in page.evaluate("() => tkgReview.items()")}
        wrong = [k for k, d in decisions.items() if d["status"] == "accepted" and taken[k].get("status") != "promoted"]
    finally:
        server.close()
    valid = cli(base + ["validate"]) == 0
    local = TKR + "article-" + article.stem
    timings = {}  # what Save validates (the article written, and what it rests on) beside the whole project
    for name, graphs in (("whole project", None), ("the article's graph", {local})):
        started = time.perf_counter()
        validate(project, graphs=graphs)
        timings[name] = time.perf_counter() - started
    store = open_store(project)
    quotes = [r for r in run_named(store, "cq03", project).records() if local in r["article"]]
    series = {(expand(v[0]), w) for f, w, *v in rows if f == "entity"}
    indicator = {w: expand(v[0]) for f, w, *v in rows if f == "indicator" and v[0] != "new"}
    answers = {
        "cq03 quotes (with a role)": f"{len(quotes)} ({sum(bool(q.get('role')) for q in quotes)})",
        "cq05 series": sum(
            bool(run_named(store, "cq05", project, place=e, indicator=indicator[w]).records())
            for e, w in series
            if w in indicator
        ),
        "cq06 entities": len({e for e, _ in series if run_named(store, "cq06", project, entity=e).records()}),
    }
    accepted = {k: v for k, v in decisions.items() if v["status"] == "accepted"}
    return {
        "tally": tally,
        "candidates": len(items),
        "actions": reviewer.actions,
        "characters": reviewer.characters,
        "keystrokes": reviewer.actions - reviewer.values + reviewer.characters,
        "lines": hand_lines(items, accepted),
        "seconds": seconds,
        "said": said,
        "not promoted": wrong,
        "valid": valid,
        "validation": timings,
        "answers": answers,
    }


def _new_names(items: list[dict]) -> list[tuple[str, str]]:
    """The draft's new names as the entity picker offers them (slug, name)."""
    from transition_kg.grow.articles import slug

    return [(slug(i["found"]["Name"]), i["found"]["Name"]) for i in items if "Name" in i["found"]]


def _fields() -> dict[str, list[str]]:
    from transition_kg.grow.review import FIELDS

    return {k: list(v) for k, v in FIELDS.items()}


def main() -> None:
    from playwright.sync_api import sync_playwright

    if not os.access(CHROMIUM, os.X_OK):
        sys.exit(f"needs Debian's Chromium at {CHROMIUM}")
    project_root = find_project().root
    corpus = corpus_dir(Project(project_root))
    totals: dict[str, list[int]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for article in sorted(HERE.glob("*.txt")):
            if sys.argv[1:] and article.stem not in sys.argv[1:]:
                continue
            with tempfile.TemporaryDirectory() as work:
                result = review(article, project_root, corpus, Path(work), browser)
            print(f"\n{article.name}: {result['candidates']} candidates")
            for kind, (right, total) in result["tally"].items():
                totals.setdefault(kind, [0, 0])
                totals[kind][0] += right
                totals[kind][1] += total
                print(f"  {kind:<10} {right}/{total} right as proposed")
            print(
                f"  actions in Chromium: {result['actions']} (target: at most {2 * result['candidates']}; "
                f"{result['characters']} characters typed, {result['keystrokes']} keys and clicks counting each); "
                f"TriG by hand: {result['lines']} lines; "
                f"ratio {result['actions'] / max(result['lines'], 1):.2f}"
            )
            print(f"  Save: {result['seconds']:.2f} s (target: under 3 s): {result['said']}")
            whole, scoped = result["validation"].values()
            print(
                f"  validation: whole project {whole:.2f} s, the article's graph (as Save) {scoped:.2f} s; "
                f"ratio {scoped / whole:.2f}"
            )
            print(
                f"  validate: {'ok' if result['valid'] else 'PROBLEMS'}; accepted but not promoted: "
                f"{len(result['not promoted'])}; answers {result['answers']}"
            )
        browser.close()
    right, total = sum(t[0] for t in totals.values()), sum(t[1] for t in totals.values())
    print(f"\nall: {right}/{total} = {right / max(total, 1):.0%} right as proposed (target: 80%)")
    for kind, (r, t) in totals.items():
        print(f"  {kind:<10} {r}/{t} = {r / max(t, 1):.0%}")


if __name__ == "__main__":
    main()
