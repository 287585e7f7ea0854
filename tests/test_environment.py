"""environment.yml and pyproject.toml must list the same dependencies."""
import re
import tomllib

from analysis.config import ROOT

NAME = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$")


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pyproject_deps() -> dict[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    out = {}
    for spec in data["project"]["dependencies"]:
        m = NAME.match(spec)
        out[_norm(m.group(1))] = m.group(2).replace(" ", "")
    return out


def conda_deps() -> dict[str, str]:
    out, in_deps = {}, False
    for line in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("dependencies:"):
            in_deps = True
            continue
        if in_deps and re.match(r"^  - [^ ]", line):
            spec = line[4:].strip()
            if spec.endswith(":"):  # the "pip:" sub-list
                continue
            m = NAME.match(spec)
            out[_norm(m.group(1))] = m.group(2).replace(" ", "")
    return out


def test_same_packages_and_bounds():
    py, conda = pyproject_deps(), conda_deps()
    conda.pop("python", None)
    conda.pop("pip", None)
    assert py == conda


def test_environment_installs_the_project_itself():
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s+- -e \.\s*$", text, re.M), "environment.yml must pip-install the project (-e .)"


def test_python_bound_matches():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert f"python{data['project']['requires-python']}" in text.replace(" ", "")
