"""export.csv_lines writes exactly what csv.writer writes."""
from __future__ import annotations

import csv
import io
import random

import pytest

from analysis.export import csv_lines


def reference(rows) -> str:
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return buf.getvalue()


@pytest.mark.parametrize("rows", [
    [],
    [()],
    [("",)], [(None,)], [("x",)], [(0,)],
    [("a", 1, 2.5, None, True, False, "")],
    [('He said "no", twice', "line\nbreak", "cr\rhere", "crlf\r\n", "a,b", "'single'")],
    [(-0.0, float("nan"), float("inf"), 1e-300, 10**30, 0.1 + 0.2)],
    [("\u2028", "\x00", "\t", " lead", "trail ", '"', '""', ",")],
    [("x", None), (None, "y"), ("",), ()],
])
def test_same_as_csv_writer(rows):
    assert csv_lines(rows) == reference(rows)


def test_every_character():
    rows = [(chr(c), f"a{chr(c)}b", c) for c in range(0x3100) if not 0xD800 <= c < 0xE000]
    assert csv_lines(rows) == reference(rows)


def test_random_rows():
    rng = random.Random(0)
    chars = ['"', ",", "\n", "\r", " ", "a", "\t", "'", "\u201c", ";"]
    values = [None, "", 0, -1, 1.5, -0.0, True, 3.0e-7]
    for _ in range(2000):
        row = tuple(rng.choice(values) if rng.random() < 0.4 else
                    "".join(rng.choice(chars) for _ in range(rng.randint(0, 6)))
                    for _ in range(rng.randint(0, 5)))
        assert csv_lines([row, row]) == reference([row, row]), row
