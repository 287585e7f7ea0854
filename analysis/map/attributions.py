"""Attributions, direct or indirect, and who the speakers are: now in the package
:mod:`analysis.map.attribution` (the table in ``attribution.table``, indirect speech in
``attribution.indirect``, affiliation and gender, the notebook views in ``attribution.views``).
This module re-exports them, and finds any other name the old module had in the package.

>>> find_attributions.__module__, gender_shares.__module__
('analysis.map.attribution.table', 'analysis.map.attribution.views')
"""
from .attribution._compat import lookup
from .attribution.affiliation import affiliation
from .attribution.cues import CUE_KINDS, CUES, CUES_PATH
from .attribution.gender import gender
from .attribution.indirect import Attribution
from .attribution.table import attribution_rows, find_attributions, with_speaker_details
from .attribution.views import affiliations, attribution_counts, gender_shares, indirect_table

__all__ = ["Attribution", "CUE_KINDS", "CUES", "CUES_PATH", "affiliation", "affiliations", "attribution_counts",
           "attribution_rows", "find_attributions", "gender", "gender_shares", "indirect_table",
           "with_speaker_details"]
__getattr__ = lookup(__name__)

# the old module's own names for what the package calls otherwise
from .attribution.cues import _ATTR_CUE_RE as _CUE_RE  # noqa: E402
from .attribution.indirect import _SUBJECT_APPOS_RE as _APPOS_GAP_RE  # noqa: E402
