"""The examples in the library's docstrings run and give what they say."""
import doctest
import importlib
import pkgutil

import pytest

import analysis

MODULES = sorted(m.name for m in pkgutil.walk_packages(analysis.__path__, "analysis."))


def test_modules_found():
    assert {"analysis.map.parse", "analysis.map.quotes", "analysis.views.charts"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} of {result.attempted} docstring examples failed in {name}"
