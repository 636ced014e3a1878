"""Build: validate, then write the project with its inferred graph to ``build/``.

Only orchestration lives here: :func:`transition_kg.validate.validate` loads and checks,
:func:`transition_kg.infer.infer` made the inferred graph while loading, and the outputs
(N-Quads and TriG, written by pyoxigraph) go through :func:`transition_kg.files.write_atomic`.
"""

from __future__ import annotations

from pathlib import Path

from .errors import ValidationFailed
from .files import write_atomic
from .load import Loaded
from .paths import Project
from .stats import Stats, stats
from .validate import Report, validate
from .vocab import PREFIXES

OUTPUTS = {"transition-kg.nq": "N_QUADS", "transition-kg.trig": "TRIG"}


def validated(project: Project, corpus: Path | None = None) -> tuple[Report, Loaded]:
    """The project validated and loaded (with its inferred graph); ValidationFailed on problems."""
    report, loaded = validate(project, corpus)
    if not report.ok:
        raise ValidationFailed(report.problems)
    return report, loaded


def build(project: Project, out_dir: Path | None = None, corpus: Path | None = None) -> tuple[Report, Stats, list[Path]]:
    """Validate, write every output; raise ValidationFailed (nothing written) on problems."""
    import pyoxigraph as ox

    report, loaded = validated(project, corpus)
    out_dir = out_dir or project.build_dir
    rendered = {name: loaded.store.dump(format=getattr(ox.RdfFormat, fmt), prefixes=PREFIXES if fmt == "TRIG" else None)
                for name, fmt in OUTPUTS.items()}
    written = []
    for name, data in rendered.items():
        write_atomic(out_dir / name, data)
        written.append(out_dir / name)
    return report, stats(loaded), written
