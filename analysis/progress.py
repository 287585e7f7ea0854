"""Progress bars for long work: tqdm on a terminal or in a notebook, nothing elsewhere.

A bar shows when ``quiet`` is false, the ``ANALYSIS_QUIET`` environment variable is unset
(or ``0``), and the output is a terminal or a Jupyter kernel. So a CI log (not a TTY) stays
clean, and so do notebooks run under nbval or papermill when ``ANALYSIS_QUIET=1`` is set
(the Makefile and :mod:`analysis.views.report` set it). In a notebook the bar is a widget when
ipywidgets is installed, else text.

>>> with bar(total=3, desc="files", quiet=True) as b:
...     b.update(3)
>>> enabled(quiet=True)
False
"""
from __future__ import annotations

import os
import sys

QUIET_ENV = "ANALYSIS_QUIET"
#: Seconds before a bar appears (quick work prints nothing) and between its redraws.
DELAY = 0.5
MININTERVAL = 0.5


def _in_kernel() -> bool:
    shell = sys.modules.get("IPython")
    try:
        ip = shell.get_ipython() if shell else None
    except Exception:  # noqa: BLE001
        return False
    return ip is not None and "IPKernelApp" in getattr(ip, "config", {})


def enabled(*, quiet: bool = False) -> bool:
    """Whether progress bars are shown (see the module docstring)."""
    if quiet or os.environ.get(QUIET_ENV, "").strip() not in ("", "0"):
        return False
    if _in_kernel():
        return True
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


class _NoBar:
    """Stands in for a tqdm bar when bars are off."""

    n = 0

    def update(self, n=1) -> None:
        self.n += n

    def set_postfix_str(self, *a, **k) -> None:
        pass

    def set_description_str(self, *a, **k) -> None:
        pass

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        pass


def _tqdm_class():
    if _in_kernel():
        try:
            import ipywidgets  # noqa: F401

            from tqdm.notebook import tqdm
            return tqdm
        except ImportError:
            pass
    from tqdm import tqdm

    return tqdm


def bar(*, total=None, desc: str = "", unit: str = "it", quiet: bool = False):
    """A tqdm bar (or a silent stand-in) to use as a context manager."""
    if not enabled(quiet=quiet):
        return _NoBar()
    tqdm = _tqdm_class()
    tqdm.monitor_interval = 0  # no monitor thread (worker processes are started by forking)
    return tqdm(total=total, desc=desc, unit=unit, delay=DELAY, mininterval=MININTERVAL,
                dynamic_ncols=True, leave=True, file=sys.stderr)
