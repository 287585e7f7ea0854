"""The package's layers (docs/DESIGN.md): map -> store -> corpus -> views, imports pointing back only.

Every import in analysis/, at module level or inside a function, is resolved and checked: the
per-article map never imports the store, a corpus stage or a view; corpus stages never import the
store or a view; the store never imports a view.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import analysis

PKG = Path(analysis.__file__).parent
SHARED = {"config", "records", "tables", "progress", "__init__", "__main__"}
#: what each layer must not import
FORBIDDEN = {"map": {"store", "corpus", "views"}, "corpus": {"store", "views"}, "store": {"views"}}


def layer(module: str) -> str:
    """'analysis.map.parse' -> 'map'; 'analysis.store' -> 'store'; shared modules -> 'shared'."""
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    return "shared" if top in SHARED else top


def module_name(path: Path) -> str:
    rel = path.relative_to(PKG.parent).with_suffix("")
    parts = list(rel.parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, source: str | None = None) -> list[tuple[int, str]]:
    """(line, absolute module) of every import in the file, relative ones resolved."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text() if source is None else source)):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names if a.name.startswith("analysis")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            if not mod.startswith("analysis"):
                continue
            if node.module is None or mod in ("analysis", "analysis.map", "analysis.corpus", "analysis.views"):
                out += [(node.lineno, f"{mod}.{a.name}") for a in node.names]  # from . import x
            else:
                out.append((node.lineno, mod))
    return out


MODULES = sorted(p for p in PKG.rglob("*.py"))


def test_every_module_is_in_a_layer():
    layers = {layer(module_name(p)) for p in MODULES}
    assert layers <= {"shared", "map", "store", "corpus", "views"}, layers
    assert {"map", "store", "corpus", "views"} <= layers


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PKG)))
def test_imports_point_back_only(path):
    own = layer(module_name(path))
    bad = [f"line {n}: {m}" for n, m in imports(path) if layer(m) in FORBIDDEN.get(own, ())]
    assert not bad, f"{path.relative_to(PKG)} ({own}) imports a later layer: {bad}"


@pytest.mark.parametrize("code, expected", [
    ("from ..views.profile import labels", ["analysis.views.profile"]),
    ("from .. import store", ["analysis.store"]),
    ("from . import parse, load", ["analysis.map.parse", "analysis.map.load"]),
])
def test_imports_are_resolved(code, expected):
    # as if in analysis/map/x.py: its relative imports resolve against analysis.map
    assert [m for _, m in imports(PKG / "map" / "x.py", code)] == expected
