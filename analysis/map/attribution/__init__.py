"""Who is cited, and how: direct quotes, cited sources, every attribution (direct or indirect),
and who the speakers are (affiliation, gender).

One module a job (imports point down this list only):

* :mod:`.lexicon` word lists (titles, roles, kinds of names); :mod:`.cues` the cue lexicon
  ``data/cues.csv``
* :mod:`.marks` quotation-mark pairing; :mod:`.sentences` sentence bounds; :mod:`.phrases`
  tokens and noun phrases
* :mod:`.coref` pronouns and descriptions; :mod:`.context` the per-article context
* :mod:`.speakers` speaker phrases -> speakers
* :mod:`.direct` quotes in quotation marks (:func:`find_quotes`); :mod:`.sources` cited sources
  (:func:`find_sources`)
* :mod:`.gender`, :mod:`.affiliation` who the speakers are
* :mod:`.indirect` reported speech around one cue; :mod:`.table` the ``attributions`` table
  (:func:`find_attributions`, :func:`attribution_rows`, :func:`with_speaker_details`)

The notebook views of the table are :mod:`analysis.views.attributions`.

``analysis.map.quotes`` and ``analysis.map.attributions`` re-export these names for older code.
"""
from .affiliation import affiliation
from .cues import CUE_KINDS, CUE_VERBS, CUES, CUES_PATH, PARTICIPLE_CUES, SOURCE_ONLY_CUES
from .direct import find_quotes
from .gender import gender, one_gender_per_person
from .indirect import Attribution
from .sources import find_sources
from .table import attribution_rows, find_attributions, with_speaker_details

__all__ = [
    "Attribution", "CUE_KINDS", "CUE_VERBS", "CUES", "CUES_PATH", "PARTICIPLE_CUES", "SOURCE_ONLY_CUES",
    "affiliation", "attribution_rows", "find_attributions", "find_quotes", "find_sources", "gender",
    "one_gender_per_person", "with_speaker_details",
]
