"""docs/notebook.ipynb, executed as a reader would run it: every cell runs, and the outputs
show the rows, the DataFrame, the series and the network."""

from __future__ import annotations

import pytest

from .conftest import ROOT

nbformat = pytest.importorskip(
    "nbformat", reason="the notebook test needs the dev extra (nbformat, nbclient, ipykernel)"
)
nbclient = pytest.importorskip(
    "nbclient", reason="the notebook test needs the dev extra (nbformat, nbclient, ipykernel)"
)


def test_the_notebook_runs_and_shows_what_it_says():
    notebook = nbformat.read(ROOT / "docs" / "notebook.ipynb", as_version=4)
    nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "docs")}}
    ).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"].get("text/html", "") for o in outputs if o.output_type == "execute_result"]
    cq01, cities, ask, tourism, network = html
    assert "<caption>2 rows</caption>" in cq01 and "Qitaihe" in cq01 and "Heilongjiang" in cq01
    assert "tkr:datong" in cities and "tkr:shanxi" in cities
    assert ask == "<p><strong>yes</strong></p>"
    assert "15000000000" in tourism and "61000000000" in tourism  # the DataFrame's table
    assert network.startswith("<iframe srcdoc=") and "height:720px" in network and "vis-network" in network
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "[(2001, 49), (2024, 314)]" in printed
    assert "tkr:unit-yuan" in tourism  # short names in the DataFrame, not full IRIs
    plain = [o["data"].get("text/plain", "") for o in outputs if o.output_type == "execute_result"]
    assert plain[-1].startswith("<network page: ") and " 0 nodes" not in plain[-1]  # counts what it shows
    plots = [o for o in outputs if o.output_type == "display_data" and "image/png" in o.get("data", {})]
    assert len(plots) == 1  # the time series is drawn inline, not into a file
