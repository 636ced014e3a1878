"""Build: validate, then write the project with its inferred graph to ``build/``.

Only orchestration lives here: :func:`transition_kg.core.validate.validate` loads and checks,
:func:`transition_kg.core.infer.infer` made the inferred graph while loading, and the outputs
(N-Quads and TriG, written by pyoxigraph) go through :func:`transition_kg.core.files.write_atomic`.

The outputs are two files, so a build stopped between them could leave one new and one old:
``transition-kg.manifest.json`` is removed first and written last, naming the build and each
output's sha256, so a reader that finds it knows both files are of that build. Temporary
files a killed build left behind are removed by the next.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .errors import ValidationFailed
from .files import remove, write_atomic
from .load import Loaded
from .paths import Project
from .stats import Stats, stats
from .validate import Report, validate
from .vocab import PREFIXES

OUTPUTS = {"transition-kg.nq": "N_QUADS", "transition-kg.trig": "TRIG"}
MANIFEST = "transition-kg.manifest.json"


def validated(project: Project, corpus: Path | None = None) -> tuple[Report, Loaded]:
    """The project validated and loaded (with its inferred graph); ValidationFailed on problems."""
    report, loaded = validate(project, corpus)
    if not report.ok:
        raise ValidationFailed(report.problems)
    return report, loaded


def build(
    project: Project, out_dir: Path | None = None, corpus: Path | None = None
) -> tuple[Report, Stats, list[Path]]:
    """Validate, write every output; raise ValidationFailed (nothing written) on problems."""
    import pyoxigraph as ox

    report, loaded = validated(project, corpus)
    out_dir = Path(out_dir or project.build_dir)
    rendered = {
        name: loaded.store.dump(format=getattr(ox.RdfFormat, fmt), prefixes=PREFIXES if fmt == "TRIG" else None)
        for name, fmt in OUTPUTS.items()
    }
    for stale in [*out_dir.glob(".transition-kg.*.tmp"), out_dir / MANIFEST] if out_dir.is_dir() else []:
        remove(stale)
    written = []
    for name, data in rendered.items():
        write_atomic(out_dir / name, data)
        written.append(out_dir / name)
    manifest: dict[str, object] = {"files": {name: hashlib.sha256(data).hexdigest() for name, data in rendered.items()}}
    manifest["build"] = hashlib.sha256(json.dumps(manifest, sort_keys=True).encode()).hexdigest()[:16]
    write_atomic(out_dir / MANIFEST, (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode())
    return report, stats(loaded), written + [out_dir / MANIFEST]
