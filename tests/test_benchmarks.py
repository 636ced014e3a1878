"""The synthetic graphs the benchmarks measure are shaped like the real one: they pass the
vocabulary check and the shapes."""

from __future__ import annotations

from benchmarks.scale import generate
from transition_kg.core.load import load
from transition_kg.core.paths import Project
from transition_kg.core.validate import check_shacl, check_vocabulary


def test_synthetic_scale_graph_passes_the_shapes(tmp_path):
    generate(3000, tmp_path / "p")
    project = Project(tmp_path / "p")
    loaded = load(project)
    assert len(loaded.store) > 3000
    assert check_vocabulary(loaded, project) == []
    assert check_shacl(loaded, loaded.shapes, project) == []
