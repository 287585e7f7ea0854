"""Old names of ``analysis.map.quotes`` and ``analysis.map.attributions``, found in the package's modules."""
from __future__ import annotations

import importlib

#: the package's modules, searched in this order for a name the old modules had
MODULES = ("lexicon", "cues", "marks", "sentences", "phrases", "coref", "context", "speakers", "direct",
           "sources", "gender", "affiliation", "indirect", "table")


def lookup(module_name: str):
    """A module ``__getattr__`` that finds any other name in the package's modules.

    >>> lookup("analysis.map.quotes")("_np_back").__module__
    'analysis.map.attribution.phrases'
    """
    def __getattr__(name: str):
        if not name.startswith("__"):
            for m in MODULES:
                mod = importlib.import_module(f"analysis.map.attribution.{m}")
                if name in vars(mod):
                    return vars(mod)[name]
        raise AttributeError(f"module {module_name!r} has no attribute {name!r}")

    return __getattr__
