"""Direct quotes, their speakers, scare quotes, and cited sources. (Stub; being written.)"""
from __future__ import annotations

from .records import Mention, Parsed, Quote, ScareQuote, Source


def find_quotes(parsed: Parsed, mentions: list[Mention]) -> tuple[list[Quote], list[ScareQuote]]:
    return [], []


def find_sources(parsed: Parsed, quotes: list[Quote], mentions: list[Mention]) -> list[Source]:
    return []
