"""Find mentions of actors, organisations, people, places and media. (Stub; being written.)"""
from __future__ import annotations

from .records import Mention, Parsed


def find_mentions(parsed: Parsed) -> list[Mention]:
    return []
