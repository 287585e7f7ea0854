"""Run the numbered notebooks and render them as self-contained HTML reports.

For each ``notebooks/[0-9]*.ipynb`` (in numeric order) the notebook is executed with
papermill into a temporary copy (the committed notebook is never touched), with ``CORPUS``
injected as an absolute path when one is given, in the notebook's own folder so relative
paths work, on the ``python3`` kernel of *this* interpreter. The executed copy is rendered
by nbconvert into ``<out_dir>/<stem>.html`` (figures embedded as ``data:`` URIs, no remote
scripts), and ``<out_dir>/index.html`` links every report.

Before the notebooks run, each corpus is analysed once into the store (:mod:`analysis.store`,
on every core); the kernels get the store's location (``ANALYSIS_STORE``), so every
notebook's ``load(CORPUS)`` reads it instead of analysing again, and a second report run of
the same corpus analyses nothing.

    python -m analysis.views.report [--corpus PATH] [--out DIR] [--hide-code] [--notebook NAME ...]
                              [--store DIR] [--jobs N] [--dask ADDRESS]

>>> _numeric_key(Path("10.0-b.ipynb")) > _numeric_key(Path("2.0-a.ipynb"))
True
>>> first_heading({"cells": [{"cell_type": "markdown", "source": "## Claims <b>\\ntext"}]})
'Claims <b>'
"""
from __future__ import annotations

import argparse
import ast
import datetime as _dt
import html
import logging
import os
import re
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from .. import config

log = logging.getLogger(__name__)

NOTEBOOK_GLOB = "[0-9]*.ipynb"
INDEX_NAME = "index.html"
KERNEL_NAME = "python3"
START_TIMEOUT = 120  # seconds to wait for the kernel to start
INDEX_TITLE = "Coverage comparison reports"
#: Where notebooks may save figures, relative to the reports folder (config.FIGURES_DIR).
FIGURES_SUBDIR = Path(os.path.relpath(config.FIGURES_DIR, config.REPORTS_DIR))
_PAPERMILL_HELPER_TAGS = {"injected-parameters", "papermill-error-cell-tag"}
_IMAGE_SUFFIXES = {".png", ".svg", ".jpg", ".jpeg", ".gif", ".pdf"}

# Lab template without the remote <script src=...> tags (require.js, MathJax): the
# reports must open offline. Mermaid/widget loaders only fire when the notebook uses them.
_TEMPLATE_NAME = "analysis_report.html.j2"
_TEMPLATE_SOURCE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
"""


class ReportError(RuntimeError):
    """One or more notebooks failed (or none were found); ``results`` holds every outcome."""

    def __init__(self, message: str, results: Sequence["NotebookResult"] = (), index: Path | None = None):
        super().__init__(message)
        self.results = list(results)
        self.index = index


@dataclass
class NotebookResult:
    """What happened to one notebook."""

    notebook: Path
    title: str
    corpus: Path | None
    html: Path | None = None
    ok: bool = False
    error: str = ""
    seconds: float = 0.0
    figures: list[Path] = field(default_factory=list)


# ----------------------------------------------------------------------------- discovery


def _numeric_key(path: Path) -> tuple:
    """Sort key: the leading dotted number as integers ("10.0" after "2.0"), then the name."""
    m = re.match(r"\d+(?:\.\d+)*", path.name)
    nums = tuple(int(x) for x in m.group(0).split(".")) if m else ()
    return (nums, path.name)


def find_notebooks(names: Iterable[str | os.PathLike] | None = None, *, notebooks_dir: Path | None = None) -> list[Path]:
    """The notebooks to run, in numeric order.

    ``names`` may hold paths to ``.ipynb`` files, file names or stems in ``notebooks_dir``, or
    a unique prefix of a stem (``"2.0"``, ``"2.0-claim"``). None means every ``[0-9]*.ipynb``.
    """
    folder = Path(notebooks_dir or config.NOTEBOOKS_DIR)
    available = sorted(folder.glob(NOTEBOOK_GLOB), key=_numeric_key) if folder.is_dir() else []
    if names is None:
        return available
    chosen: list[Path] = []
    for name in names:
        p = Path(name)
        if p.suffix == ".ipynb" and p.is_file():
            chosen.append(p.resolve())
            continue
        s = str(name)
        hits = [nb for nb in available if s in (nb.name, nb.stem)]
        if not hits:
            hits = [nb for nb in available if nb.stem.startswith(s)
                    and (len(nb.stem) == len(s) or not nb.stem[len(s)].isdigit())]
        if len(hits) != 1:
            what = "matches no notebook" if not hits else "is ambiguous (" + ", ".join(h.name for h in hits) + ")"
            listing = ", ".join(nb.name for nb in available) or f"none matching {NOTEBOOK_GLOB}"
            raise ReportError(f"--notebook {s!r} {what} in {folder}; available: {listing}")
        chosen.append(hits[0].resolve())
    # keep the user's order but drop duplicates
    return list(dict.fromkeys(chosen))


def first_heading(nb) -> str:
    """Text of the first markdown heading (``# Title`` or setext) in a notebook, or ""."""
    for cell in nb["cells"]:
        if cell.get("cell_type") != "markdown":
            continue
        src = cell.get("source", "")
        src = "".join(src) if isinstance(src, list) else src
        lines = src.splitlines()
        for i, line in enumerate(lines):
            m = re.match(r"\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$", line)
            if m and m.group(1):
                return m.group(1)
            if i and re.match(r"\s{0,3}(=+|-+)\s*$", line) and lines[i - 1].strip():
                return lines[i - 1].strip()
    return ""


def _default_corpus(nb, notebook: Path) -> Path | None:
    """The ``CORPUS`` default in the notebook's ``parameters`` cell, resolved from its folder."""
    for cell in nb["cells"]:
        if cell.get("cell_type") == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            try:
                tree = ast.parse(cell["source"])
            except SyntaxError:
                return None
            for node in tree.body:
                if isinstance(node, (ast.Assign, ast.AnnAssign)):
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                    if any(isinstance(t, ast.Name) and t.id == "CORPUS" for t in targets):
                        try:
                            value = ast.literal_eval(node.value)
                        except (ValueError, SyntaxError, TypeError):
                            return None
                        if isinstance(value, (str, os.PathLike)):
                            p = Path(value).expanduser()
                            return (p if p.is_absolute() else notebook.parent / p).resolve()
            return None
    return None


def _parameter_names(nb) -> set[str]:
    """Names assigned in the notebook's ``parameters`` cell."""
    for cell in nb["cells"]:
        if cell.get("cell_type") == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            try:
                tree = ast.parse(cell["source"])
            except SyntaxError:
                return set()
            return {t.id for node in tree.body if isinstance(node, (ast.Assign, ast.AnnAssign))
                    for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
                    if isinstance(t, ast.Name)}
    return set()


def _relative_to(path: Path, folder: Path) -> str:
    """``path`` relative to ``folder`` (the kernel's cwd), so reports show no machine-specific
    absolute paths; the absolute path where no relative one exists (another drive)."""
    try:
        return Path(os.path.relpath(path, folder)).as_posix()
    except ValueError:
        return str(path)


def count_files(path: Path | None) -> int | None:
    """Regular, non-hidden files under ``path`` (1 for a file, None when it does not exist)."""
    if path is None or not path.exists():
        return None
    if path.is_file():
        return 1
    return sum(1 for p in path.rglob("*")
               if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts))


# ----------------------------------------------------------------------------- execution


def _kernel_manager_class(stderr=None, env: dict | None = None):
    """An AsyncKernelManager that always starts ipykernel on ``sys.executable``.

    A ``python3`` kernelspec in the user's ~/.local/share/jupyter may point at another
    Python; the reports must run on the interpreter (venv) that runs this module.
    ``stderr``: open file for the kernel's stderr (kept out of the CLI's output);
    ``env``: more environment variables for the kernel.
    """
    from jupyter_client.kernelspec import KernelSpec
    from jupyter_client.manager import AsyncKernelManager

    try:
        from ipykernel.kernelspec import RESOURCES as resource_dir
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ReportError(f"ipykernel is not installed in {sys.prefix}; pip install ipykernel") from exc

    spec = KernelSpec(
        argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        display_name=f"Python 3 ({sys.prefix})",
        language="python",
        resource_dir=resource_dir,
        # inline figures even when the caller exports MPLBACKEND=agg (as `make test` does for pytest)
        env={"PYDEVD_DISABLE_FILE_VALIDATION": "1", "MPLBACKEND": "module://matplotlib_inline.backend_inline",
             **(env or {})},
    )

    class ThisPythonKernelManager(AsyncKernelManager):
        @property
        def kernel_spec(self):
            return spec

        async def start_kernel(self, **kw):
            if stderr is not None:
                kw.setdefault("stderr", stderr)
            return await super().start_kernel(**kw)

    return ThisPythonKernelManager


def _failed_cell(nb) -> tuple[int, object] | None:
    """(1-based index in the *original* notebook, cell) of the failing cell, if known."""
    index = 0
    running = None
    for cell in nb.cells:
        if _PAPERMILL_HELPER_TAGS & set(cell.get("metadata", {}).get("tags", [])):
            continue
        index += 1
        pm = cell.get("metadata", {}).get("papermill", {})
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])) or pm.get("exception") is True:
            return index, cell
        if pm.get("status") == "running" and running is None:
            running = (index, cell)
    return running


def _describe_failure(notebook: Path, executed: Path, exc: BaseException) -> str:
    import nbformat

    from nbconvert.filters import strip_ansi

    where = "an unknown cell"
    try:
        nb = nbformat.read(executed, as_version=4)
        hit = _failed_cell(nb)
    except Exception:  # noqa: BLE001 - the executed copy may not exist
        hit = None
    if hit:
        index, cell = hit
        count = cell.get("execution_count")
        where = f"cell {index}" + (f" (In [{count}])" if count else "")
        # IPython marks the failing line of the cell with "----> 7 code" in the first frame.
        tb = strip_ansi("\n".join(getattr(exc, "traceback", None) or []))
        m = re.search(r"^-+>\s*(\d+)\s(.*)$", tb, re.M)
        if m:
            code = m.group(2).strip()
            where += f", line {m.group(1)}: {code[:77] + '...' if len(code) > 80 else code}"
        else:
            lines = [ln.strip() for ln in cell.get("source", "").splitlines() if ln.strip()]
            if lines:
                where += f": {lines[0][:77] + '...' if len(lines[0]) > 80 else lines[0]}"
    ename, evalue = getattr(exc, "ename", None), getattr(exc, "evalue", None)
    if ename:
        msg = f"{ename}: {evalue}" if evalue else ename
    else:
        first = next((ln.strip() for ln in str(exc).splitlines() if ln.strip()), "")
        msg = f"{type(exc).__name__}: {first}".rstrip(": ")
        if type(exc).__name__ == "CellTimeoutError":
            msg += " (raise the limit with --timeout SECONDS)"
    return f"{notebook.name} failed at {where}\n{strip_ansi(msg).strip()}"


def _tail(path: Path, lines: int = 15) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    keep = [ln for ln in text.splitlines() if ln.strip() and "running over TCP without encryption" not in ln]
    return "\n".join(keep[-lines:])


def _render_html(nb, dest: Path, *, title: str, hide_code: bool, notebook_dir: Path) -> None:
    import jinja2
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab",
        extra_loaders=[jinja2.DictLoader({_TEMPLATE_NAME: _TEMPLATE_SOURCE})],
        template_file=_TEMPLATE_NAME,
        embed_images=True,
        exclude_input=hide_code,
        exclude_input_prompt=hide_code,
        exclude_output_prompt=hide_code,
    )
    nb.metadata["title"] = title  # the template escapes it for <title>
    # "path": markdown images relative to the notebook (inside its folder) get embedded too
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title, "path": str(notebook_dir)}})
    dest.write_text(body, encoding="utf-8")


def _run_one(notebook: Path, *, out_dir: Path, work: Path, corpus: Path | None,
             parameters: dict, hide_code: bool, timeout: float,
             figures_dir: Path | None = None, env: dict | None = None) -> NotebookResult:
    import nbformat
    import papermill

    source = nbformat.read(notebook, as_version=4)
    title = first_heading(source) or notebook.stem
    result = NotebookResult(notebook=notebook, title=title,
                            corpus=corpus if corpus is not None else _default_corpus(source, notebook))
    executed = work / notebook.name
    params = dict(parameters)
    if corpus is not None:
        params["CORPUS"] = _relative_to(corpus, notebook.parent)
    if figures_dir is not None and "FIGURES" in _parameter_names(source) and "FIGURES" not in params:
        params["FIGURES"] = _relative_to(figures_dir, notebook.parent)  # figures land beside the reports
    kernel_log = work / f"{notebook.stem}.kernel.log"
    t0 = time.perf_counter()
    try:
        with open(kernel_log, "wb") as kernel_stderr:
            papermill.execute_notebook(
                str(notebook), str(executed),
                parameters=params,
                kernel_name=KERNEL_NAME,
                language="python",
                cwd=str(notebook.parent),
                progress_bar=False,
                log_output=False,
                start_timeout=START_TIMEOUT,
                execution_timeout=timeout,
                kernel_manager_class=_kernel_manager_class(kernel_stderr, env),
            )
        result.ok = True
    except ReportError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure is reported, not raised mid-run
        result.error = _describe_failure(notebook, executed, exc)
        if type(exc).__name__ not in ("PapermillExecutionError", "CellTimeoutError"):
            # the kernel died or did not start: its log may say why
            tail = _tail(kernel_log)
            if tail:
                result.error += "\nkernel stderr (last lines):\n" + tail
    result.seconds = time.perf_counter() - t0

    # Render what we have (a failed notebook's report shows the traceback).
    dest = out_dir / f"{notebook.stem}.html"
    try:
        nb = nbformat.read(executed, as_version=4) if executed.exists() else source
        _render_html(nb, dest, title=title, hide_code=hide_code, notebook_dir=notebook.parent)
        result.html = dest
    except Exception as exc:  # noqa: BLE001
        msg = f"{notebook.name}: could not render HTML: {type(exc).__name__}: {exc}"
        result.ok = False
        result.error = f"{result.error}\n{msg}" if result.error else msg
    return result


# ----------------------------------------------------------------------------- index


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("analysis")
    except Exception:  # noqa: BLE001
        return getattr(sys.modules.get("analysis"), "__version__", "unknown")


def _now() -> _dt.datetime:
    """Local time, or SOURCE_DATE_EPOCH (UTC) when set, for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), tz=_dt.timezone.utc)
    return _dt.datetime.now().astimezone()


def _href(path: Path, base: Path) -> str:
    rel = os.path.relpath(path, base)
    return urllib.parse.quote(Path(rel).as_posix())


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:60rem;
padding:0 1rem;color:#1d1d1f;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.5rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dt{font-weight:600}dd{margin:0;word-break:break-all}table{border-collapse:collapse;width:100%;margin-top:1rem}
th,td{border-bottom:1px solid #ddd;padding:.4rem .5rem;text-align:left;vertical-align:top}
.ok{color:#17692d;font-weight:600}.failed{color:#b00020;font-weight:600}
pre{white-space:pre-wrap;margin:.3rem 0 0;font-size:.85rem;background:#fff4f4;padding:.4rem}
.muted{color:#666}code{font-size:.9em}
"""


def _corpus_text(path: Path | None) -> str:
    if path is None:
        return "(the notebook's default)"
    n = count_files(path)
    count = "missing" if n is None else f"{n} file{'s' if n != 1 else ''}"
    return f"{path} ({count})"


def write_index(results: Sequence[NotebookResult], *, out_dir: Path, corpus: Path | None,
                hide_code: bool = False, note: str = "") -> Path:
    """Write ``<out_dir>/index.html`` for ``results``; every text is HTML-escaped."""
    e = lambda s: html.escape(str(s), quote=True)  # noqa: E731
    corpora = list(dict.fromkeys(r.corpus for r in results)) if corpus is None else [corpus]
    corpus_items = "".join(f"<div>{e(_corpus_text(c))}</div>" for c in corpora) or e(_corpus_text(corpus))
    n_failed = sum(not r.ok for r in results)
    rows = []
    for i, r in enumerate(results, 1):
        name = f"<a href=\"{e(_href(r.html, out_dir))}\">{e(r.title)}</a>" if r.html else e(r.title)
        status = ("<span class=\"ok\">ok</span>" if r.ok
                  else "<span class=\"failed\">failed</span>" + (f"<pre>{e(r.error)}</pre>" if r.error else ""))
        figs = ""
        if r.figures:
            figs = "<div class=\"muted\">figures: " + ", ".join(
                f"<a href=\"{e(_href(f, out_dir))}\">{e(f.name)}</a>" for f in r.figures) + "</div>"
        rows.append(
            f"<tr class=\"{'ok' if r.ok else 'failed'}-row\"><td>{i}</td><td>{name}"
            f"<div class=\"muted\"><code>{e(r.notebook.name)}</code></div>{figs}</td>"
            f"<td>{status}</td><td>{r.seconds:.1f}&nbsp;s</td></tr>"
        )
    summary = (f"{len(results)} notebook{'s' if len(results) != 1 else ''}, "
               + (f"{n_failed} failed" if n_failed else "all ok"))
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(INDEX_TITLE)}</title>
<style>{_CSS}</style>
</head>
<body>
<h1>{e(INDEX_TITLE)}</h1>
<dl>
<dt>Corpus</dt><dd class="corpus">{corpus_items}</dd>
<dt>Generated</dt><dd class="generated">{e(_now().isoformat(timespec="seconds"))}</dd>
<dt>Package</dt><dd class="version">analysis {e(_version())}</dd>
<dt>Code cells</dt><dd>{"hidden" if hide_code else "shown"}</dd>
<dt>Status</dt><dd class="summary">{e(summary)}</dd>
</dl>
{f'<p class="failed">{e(note)}</p>' if note else ""}
<table>
<thead><tr><th>#</th><th>Report</th><th>Status</th><th>Run time</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
</body>
</html>
"""
    out_dir.mkdir(parents=True, exist_ok=True)
    index = out_dir / INDEX_NAME
    index.write_text(page, encoding="utf-8")
    return index


# ----------------------------------------------------------------------------- public API


def analyse_corpora(corpora: Iterable[Path], *, store=None, jobs: int | None = None,
                    dask: str | None = None, quiet: bool = False) -> Path:
    """Bring each corpus's stored analysis up to date (once, before the notebooks load it).

    Returns the store root the notebooks' kernels are pointed at. A corpus that cannot be
    analysed here is only logged: its notebooks then say what went wrong.
    """
    from .. import store as stores

    root = Path(store).expanduser().resolve() if store is not None else stores.default_root()
    for c in dict.fromkeys(corpora):
        if c is None or not c.exists():
            continue
        try:
            res = stores.update(c, store=root, jobs=jobs, dask=dask, quiet=quiet)
        except Exception as exc:  # noqa: BLE001 - the notebooks will report it with context
            log.warning("could not analyse %s into the store %s (%s: %s); each notebook analyses it itself",
                        c, root, type(exc).__name__, exc)
            continue
        log.info("corpus %s: %d files, %d analysed (%d articles), %d reused from the store, %.1f s",
                 c, res.files, res.analysed_files, res.analysed_articles, res.reused_files, res.seconds)
    return root


def _notebook_corpus(notebook: Path) -> Path | None:
    import nbformat

    try:
        return _default_corpus(nbformat.read(notebook, as_version=4), notebook)
    except Exception:  # noqa: BLE001 - an unreadable notebook fails later, with its own message
        return None


def render_reports(*, corpus=None, notebooks=None, out_dir=None, hide_code=False, timeout=600,
                   parameters: dict | None = None, store=None, jobs: int | None = None,
                   dask: str | None = None, quiet: bool = False) -> list[Path]:
    """Execute the notebooks and write ``<out_dir>/<stem>.html`` plus ``<out_dir>/index.html``.

    ``corpus``: folder/file injected as ``CORPUS`` (absolute); None keeps each notebook's
    default. ``notebooks``: names/paths (see :func:`find_notebooks`); None = all numbered
    notebooks in ``config.NOTEBOOKS_DIR``. ``out_dir``: default ``config.REPORTS_DIR``.
    ``hide_code``: leave code cells out of the HTML. ``timeout``: seconds per cell.
    ``parameters``: extra papermill parameters. The corpus is first analysed into the store
    (:func:`analyse_corpora`; ``store``, ``jobs``, ``dask`` as for :func:`analysis.store.load`,
    ``quiet``: no progress bars) and the kernels read it from there.

    Returns the report paths in notebook order, then the index. Raises :class:`ReportError`
    (after writing the index) when a notebook fails or no notebook is found.
    """
    out_dir = Path(out_dir if out_dir is not None else config.REPORTS_DIR).resolve()
    corpus_path = Path(corpus).expanduser().resolve() if corpus is not None else None
    if corpus_path is not None and not corpus_path.exists():
        raise ReportError(f"corpus {corpus_path} does not exist; pass --corpus PATH to a folder of articles")
    selected = find_notebooks(notebooks)
    out_dir.mkdir(parents=True, exist_ok=True)
    if not selected:
        note = f"No notebooks matching {NOTEBOOK_GLOB} in {config.NOTEBOOKS_DIR}."
        index = write_index([], out_dir=out_dir, corpus=corpus_path, hide_code=hide_code, note=note)
        raise ReportError(note, [], index)

    corpora = [corpus_path] if corpus_path is not None else [_notebook_corpus(nb) for nb in selected]
    root = analyse_corpora(corpora, store=store, jobs=jobs, dask=dask, quiet=quiet)
    # the kernels find the same store, and show no progress bars in the reports
    env = {"ANALYSIS_STORE": str(root), "ANALYSIS_QUIET": "1"}
    figures_dir = out_dir / FIGURES_SUBDIR
    results: list[NotebookResult] = []
    with tempfile.TemporaryDirectory(prefix="analysis-report-") as work:
        jobs_args = [(i, len(selected), nb, dict(out_dir=out_dir, work=Path(work), corpus=corpus_path,
                      parameters=parameters or {}, hide_code=hide_code, timeout=timeout,
                      figures_dir=figures_dir, env=env)) for i, nb in enumerate(selected, 1)]
        # notebooks are independent readers of the store: run as many at once as there are
        # cores (or --jobs), each in its own process (papermill changes the working folder,
        # which threads would share) and kernel; results keep notebook order
        workers = max(1, min(len(selected), jobs or os.cpu_count() or 1))
        if workers == 1:
            done = [_run_indexed(x) for x in jobs_args]
        else:
            import multiprocessing as mp
            from concurrent.futures import ProcessPoolExecutor

            ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
            with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
                done = list(pool.map(_run_indexed, jobs_args))
        results = [r for _, r, _ in done]
        windows = {i: w for i, _, w in done}
        _assign_figures(results, selected, windows, figures_dir)
    index = write_index(results, out_dir=out_dir, corpus=corpus_path, hide_code=hide_code)
    failed = [r for r in results if not r.ok]
    if failed:
        raise ReportError("\n\n".join(r.error for r in failed) + f"\n\nIndex with the failures: {index}",
                          results, index)
    return [r.html for r in results if r.html] + [index]


def _run_indexed(job) -> tuple[int, "NotebookResult", tuple[float, float]]:
    """One notebook of a report run: (its number, its result, its start and end time)."""
    i, total, nb, kwargs = job
    log.info("[%d/%d] %s ...", i, total, nb.name)
    started = time.time() - 1
    r = _run_one(nb, **kwargs)
    log.info("[%d/%d] %s %s (%.1f s)%s", i, total, nb.name,
             "ok" if r.ok else "FAILED", r.seconds, f" -> {r.html}" if r.html else "")
    return i, r, (started, time.time() + 1)


def _assign_figures(results, selected, windows, figures_dir: Path) -> None:
    """Each figure (re)written into ``figures_dir`` during this run goes to the notebook named
    by its prefix ("4.0-actor-tone.png" -> notebook 4.0), else to the notebooks that were
    running when it was written."""
    if not figures_dir.is_dir():
        return
    start = min((w[0] for w in windows.values()), default=0.0)
    prefixes = {i: nb.stem.split("-")[0] + "-" for i, nb in enumerate(selected, 1)}
    for p in sorted(figures_dir.glob("*")):
        if p.suffix.lower() not in _IMAGE_SUFFIXES or not p.is_file() or p.stat().st_mtime < start:
            continue
        owners = [i for i, pre in prefixes.items() if p.name.startswith(pre)]
        if not owners:
            t = p.stat().st_mtime
            owners = [i for i, (a, b) in windows.items() if a <= t <= b]
        for i in owners:
            results[i - 1].figures.append(p)


def _parse_param(text: str) -> tuple[str, object]:
    name, sep, raw = text.partition("=")
    if not sep or not name.isidentifier():
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    try:
        value = ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        value = raw
    return name, value


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analysis.views.report",
        description="Execute the numbered notebooks (papermill) and render HTML reports with an index.",
    )
    parser.add_argument("--corpus", metavar="PATH", help="corpus folder/file injected as CORPUS (default: each notebook's own)")
    parser.add_argument("--out", metavar="DIR", help=f"output folder (default: {config.REPORTS_DIR})")
    parser.add_argument("--hide-code", action="store_true", help="leave code cells out of the reports")
    parser.add_argument("--notebook", metavar="NAME", nargs="+", action="extend",
                        help="only these notebooks (path, file name, stem or unique prefix such as 2.0)")
    parser.add_argument("-p", "--parameter", metavar="NAME=VALUE", type=_parse_param, action="append", default=[],
                        help="extra notebook parameter (VALUE is a Python literal or a string)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds allowed per cell (default 600)")
    parser.add_argument("--store", metavar="DIR", default=None,
                        help="root of stored analyses (default: $ANALYSIS_STORE, else ~/.cache/news-analysis)")
    parser.add_argument("--jobs", type=int, default=None, metavar="N",
                        help="worker processes analysing the corpus (default: every core)")
    parser.add_argument("--dask", metavar="ADDRESS", default=None,
                        help="analyse on a dask.distributed cluster ('local' or tcp://HOST:PORT)")
    parser.add_argument("-q", "--quiet", action="store_true", help="only print errors (no progress bars)")
    args = parser.parse_args(argv)

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("report: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.WARNING if args.quiet else logging.INFO)
    log.propagate = False
    try:
        paths = render_reports(corpus=args.corpus, notebooks=args.notebook, out_dir=args.out,
                               hide_code=args.hide_code, timeout=args.timeout,
                               parameters=dict(args.parameter), store=args.store, jobs=args.jobs,
                               dask=args.dask, quiet=args.quiet)
    except ReportError as exc:
        print(f"report: error: {exc}", file=sys.stderr)
        return 1
    finally:
        log.removeHandler(handler)
    print(paths[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
