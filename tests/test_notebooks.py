"""The committed notebooks: parameters cell, executed, no errors, figures shown, nothing machine-specific."""
import json
import re

import pytest

from analysis.config import NOTEBOOKS_DIR

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("[0-9]*.ipynb"))
EXPECTED = ["1.0-source-profiling", "2.0-claim-comparison", "3.0-framing-sentiment", "4.0-charts"]


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def code_cells(nb):
    return [c for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]


def test_numbered_notebooks_exist():
    stems = [p.stem for p in NOTEBOOKS]
    present = [s for s in EXPECTED if s in stems]
    assert present == EXPECTED[:len(present)] and "1.0-source-profiling" in present


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_first_code_cell_is_parameters_with_corpus(path):
    first = code_cells(load(path))[0]
    assert "parameters" in first["metadata"].get("tags", [])
    assert re.search(r"^CORPUS\s*=", "".join(first["source"]), re.M)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_code_cell_executed_without_error(path):
    cells = code_cells(load(path))
    assert all(c["execution_count"] is not None for c in cells), "re-execute: make notebooks"
    counts = [c["execution_count"] for c in cells]
    assert counts == sorted(counts), "cells were executed out of order"
    assert not [o for c in cells for o in c["outputs"] if o["output_type"] == "error"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_plot_cells_show_a_figure(path):
    for c in code_cells(load(path)):
        src = "".join(c["source"])
        if re.search(r"^_ = .*charts\.", src, re.M):
            kinds = {k for o in c["outputs"] for k in o.get("data", {})}
            assert "image/png" in kinds, f"plot cell shows no figure: {src[:80]!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_machine_specific_output(path):
    text = path.read_text(encoding="utf-8")
    assert "/work/" not in text and "/home/" not in text and "/tmp/" not in text


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_draw_through_the_charts_module(path):
    """Logic lives in analysis/: notebooks call analysis.views.charts rather than plotting inline."""
    for c in code_cells(load(path)):
        src = "".join(c["source"])
        assert "import matplotlib" not in src and "plt." not in src, f"inline plotting in {path.name}: {src[:80]!r}"
