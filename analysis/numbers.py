"""Numbers and quantities with value, unit and qualifier. (Stub; being written.)"""
from __future__ import annotations

from .records import Number, Parsed


def find_numbers(parsed: Parsed) -> list[Number]:
    return []
