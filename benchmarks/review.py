"""How far the draft's proposals take a reviewer (issue 23).

On articles written for this measurement and kept aside from the rules (``benchmarks/review/*.txt``;
a reader's decisions in ``*.decisions``, written before the proposals were looked at):

- the share of proposals right as proposed, per kind: class (of a new name), observed entity,
  indicator ("new" when the right one is a new indicator), speaker, relation (a relation the
  reader lists, proposed with its predicate);
- the actions a reviewer takes on the page (one key per candidate to accept or reject, one edit
  per proposal to change, one Save), beside the lines of TriG the same decisions take by hand
  (a line per accepted candidate and per term it needs; a relation: its triple and a five-line
  rdf:Statement);
- Save to validated facts (write the review file, promote, anchor, validate), timed, and
  whether the result answers cq03, cq05 and cq06.

Targets: 80% right as proposed; at most 2 actions per candidate; Save under 3 s.

    python benchmarks/review.py
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from transition_kg.ask.queries import run_named
from transition_kg.cli import run as cli
from transition_kg.core.paths import Project, corpus_dir, find_project
from transition_kg.core.store import open_store
from transition_kg.grow.review import open_session

HERE = Path(__file__).resolve().parent / "review"
TKR, TKG = "https://w3id.org/transition-kg/id/", "https://w3id.org/transition-kg/ontology#"


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


def review(article: Path, project_root: Path, corpus: Path, work: Path) -> dict:
    """One article: the proposals scored, the actions counted, Save timed on a copy of the project."""
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
    session = open_session(project, draft, lambda data: "")
    items = session.items()
    tally, decisions = score(items, rows)
    for item in items:  # the rest: rejected
        decisions.setdefault(item["id"], {"status": "rejected"})
    edits = sum(len(d) - 1 for d in decisions.values())
    started = time.perf_counter()
    answer = session.save(decisions)
    seconds = time.perf_counter() - started
    store = open_store(project)
    local = TKR + "article-" + article.stem
    answers = {
        "cq03": sum(local in r["article"] for r in run_named(store, "cq03", project).records()),
        "cq06": sum(
            len(run_named(store, "cq06", project, entity=expand(v[0])).records()) > 0
            for f, _, *v in rows
            if f == "entity"
        ),
    }
    accepted = {k: v for k, v in decisions.items() if v["status"] == "accepted"}
    return {
        "tally": tally,
        "candidates": len(items),
        "actions": len(items) + edits + 1,
        "lines": hand_lines(items, accepted),
        "seconds": seconds,
        "problems": answer["problems"],
        "answers": answers,
    }


def main() -> None:
    project_root = find_project().root
    corpus = corpus_dir(Project(project_root))
    totals: dict[str, list[int]] = {}
    for article in sorted(HERE.glob("*.txt")):
        if sys.argv[1:] and article.stem not in sys.argv[1:]:
            continue
        with tempfile.TemporaryDirectory() as work:
            result = review(article, project_root, corpus, Path(work))
        print(f"\n{article.name}: {result['candidates']} candidates")
        for kind, (right, total) in result["tally"].items():
            totals.setdefault(kind, [0, 0])
            totals[kind][0] += right
            totals[kind][1] += total
            print(f"  {kind:<10} {right}/{total} right as proposed")
        print(
            f"  actions on the page: {result['actions']} (target: at most {2 * result['candidates']}); "
            f"TriG by hand: {result['lines']} lines"
        )
        verdict = (
            "validates" if not result["problems"] else f"{len(result['problems'])} problems: {result['problems'][:2]}"
        )
        print(f"  Save: {result['seconds']:.2f} s (target: under 3 s), {verdict}; answers {result['answers']}")
    right, total = sum(t[0] for t in totals.values()), sum(t[1] for t in totals.values())
    print(f"\nall: {right}/{total} = {right / max(total, 1):.0%} right as proposed (target: 80%)")
    for kind, (r, t) in totals.items():
        print(f"  {kind:<10} {r / max(t, 1):.0%}")


if __name__ == "__main__":
    main()
