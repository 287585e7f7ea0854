"""Attributions, direct or indirect, and who the speakers are: now in the package
:mod:`analysis.map.attribution` (the table in ``attribution.table``, indirect speech in
``attribution.indirect``, affiliation and gender). This module re-exports them, and finds any other name the old module
had in the package. The notebook views of the table are :mod:`analysis.views.attributions`.

>>> find_attributions.__module__
'analysis.map.attribution.table'
"""
from .attribution._compat import lookup
from .attribution.affiliation import affiliation
from .attribution.cues import CUE_KINDS, CUES, CUES_PATH
from .attribution.gender import gender, one_gender_per_person
from .attribution.indirect import Attribution
from .attribution.table import attribution_rows, find_attributions, with_speaker_details

__all__ = ["Attribution", "CUE_KINDS", "CUES", "CUES_PATH", "affiliation", "attribution_rows",
           "find_attributions", "gender", "one_gender_per_person", "with_speaker_details"]
__getattr__ = lookup(__name__)

# the old module's own names for what the package calls otherwise
from .attribution.cues import _ATTR_CUE_RE as _CUE_RE  # noqa: E402
from .attribution.indirect import _SUBJECT_APPOS_RE as _APPOS_GAP_RE  # noqa: E402
