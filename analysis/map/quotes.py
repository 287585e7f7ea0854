"""Direct quotes, their speakers, scare quotes, and cited sources: now in the package
:mod:`analysis.map.attribution` (``find_quotes`` in ``attribution.direct``, ``find_sources`` in
``attribution.sources``). This module re-exports them, and finds any other name the old module
had in the package.

>>> find_quotes.__module__, find_sources.__module__
('analysis.map.attribution.direct', 'analysis.map.attribution.sources')
"""
from .attribution._compat import lookup
from .attribution.cues import CUE_VERBS, CUES_PATH, PARTICIPLE_CUES, SOURCE_ONLY_CUES
from .attribution.direct import find_quotes
from .attribution.sources import find_sources

__all__ = ["CUE_VERBS", "CUES_PATH", "PARTICIPLE_CUES", "SOURCE_ONLY_CUES", "find_quotes", "find_sources"]
__getattr__ = lookup(__name__)
