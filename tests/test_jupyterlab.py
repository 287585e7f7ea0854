"""A real JupyterLab server from this venv: REST listing, a kernel, cells run over its websocket.

The server runs on 127.0.0.1 with a random port and token, its config/data/runtime/settings
dirs in tmp (nothing touches the user's ~/.jupyter), no update checks or news fetches. REST
calls use urllib only; the kernel channel uses tornado's websocket client (tornado ships
with jupyter_server). The fixture notebook's code cells are executed one by one; the
numbered notebooks in notebooks/ are checked to be listed (the fixture folder is listed
when there are none yet). Whole module: ~10 s.
"""
from __future__ import annotations

import asyncio
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import nbformat
import pytest

from analysis import config

ROOT = config.ROOT
FIXTURE_DIR = config.TESTS_DIR / "fixtures" / "notebooks"
FIXTURE = FIXTURE_DIR / "1.0-fixture-report.ipynb"
STARTUP_TIMEOUT = 40  # seconds for /api/status to answer
CELL_TIMEOUT = 30  # seconds per cell


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _api_path(path: Path) -> str:
    return path.resolve().relative_to(ROOT.resolve()).as_posix()


class Server:
    def __init__(self, base: Path):
        self.port = _free_port()
        self.token = secrets.token_hex(24)
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = base / "jupyterlab.log"
        dirs = {name: base / name.lower() for name in (
            "JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR",
            "JUPYTERLAB_SETTINGS_DIR", "JUPYTERLAB_WORKSPACES_DIR", "IPYTHONDIR")}
        for d in dirs.values():
            d.mkdir(parents=True, exist_ok=True)
        # a person's shell: no Jupyter overrides, and no MPLBACKEND=agg (pytest runs headless with it,
        # but a kernel must get ipykernel's own inline backend to show figures)
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("JUPYTER", "IPYTHON")) and k != "MPLBACKEND"}
        env.update({k: str(v) for k, v in dirs.items()})
        env["JUPYTER_PLATFORM_DIRS"] = "1"
        env["JUPYTER_NO_CONFIG"] = "1"  # ignore system-wide jupyter_*_config files
        env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
        self.cmd = [
            sys.executable, "-m", "jupyter", "lab", "--no-browser",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
            f"--ServerApp.token={self.token}", f"--ServerApp.root_dir={ROOT}",
            "--ServerApp.open_browser=False",
            # offline: no update checks, no news feed
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", "--LabApp.news_url=",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers/CI often run as root
            self.cmd.append("--allow-root")
        self._logf = open(self.log, "wb")
        self.proc = subprocess.Popen(self.cmd, cwd=ROOT, env=env, stdout=self._logf, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL)

    def log_tail(self, n: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(encoding="utf-8", errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    def request(self, method: str, path: str, body: dict | None = None, *, timeout: float = 10):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(
            self.url + path, data=data, method=method,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            raw = resp.read()
            return resp.status, (json.loads(raw) if raw else None)

    def wait_ready(self) -> dict:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        last = None
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"jupyter lab exited {self.proc.returncode}:\n{self.log_tail()}")
            try:
                status, body = self.request("GET", "/api/status", timeout=2)
                if status == 200:
                    return body
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as exc:
                last = exc
            time.sleep(0.2)
        raise RuntimeError(f"jupyter lab did not answer /api/status in {STARTUP_TIMEOUT} s ({last}):\n"
                           f"{self.log_tail()}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()  # SIGTERM: the server shuts its kernels down
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self._logf.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp("jupyterlab"))
    try:
        srv.status = srv.wait_ready()
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def kernel(server):
    """A python3 kernel started through the REST API in the fixture folder; deleted afterwards."""
    status, model = server.request("POST", "/api/kernels", {"name": "python3", "path": _api_path(FIXTURE_DIR)})
    assert status == 201, model
    kid = model["id"]
    try:
        yield kid
    finally:
        try:
            server.request("DELETE", f"/api/kernels/{kid}", timeout=20)
        except urllib.error.HTTPError as exc:  # pragma: no cover - already gone
            if exc.code != 404:
                raise


# ----------------------------------------------------------------------------- websocket


def _message(code: str, session: str) -> tuple[str, str]:
    msg_id = uuid.uuid4().hex
    msg = {
        "header": {"msg_id": msg_id, "username": "test", "session": session, "msg_type": "execute_request",
                   "version": "5.3", "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())},
        "parent_header": {}, "metadata": {}, "buffers": [], "channel": "shell",
        "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True},
    }
    return msg_id, json.dumps(msg)


async def _execute(server: Server, kid: str, codes: list[str]) -> list[tuple[dict, list[dict]]]:
    """Run each code string in turn; [(execute_reply content, iopub output messages)]."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    session = uuid.uuid4().hex
    url = (f"ws://127.0.0.1:{server.port}/api/kernels/{kid}/channels?"
           + urllib.parse.urlencode({"session_id": session}))
    conn = await asyncio.wait_for(
        websocket_connect(HTTPRequest(url, headers={"Authorization": f"token {server.token}"})), CELL_TIMEOUT)
    results = []
    try:
        for code in codes:
            msg_id, payload = _message(code, session)
            await conn.write_message(payload)
            reply, outputs, idle = None, [], False
            while reply is None or not idle:
                raw = await asyncio.wait_for(conn.read_message(), CELL_TIMEOUT)
                if raw is None:
                    raise RuntimeError(f"kernel websocket closed while running:\n{code}")
                if isinstance(raw, bytes):
                    continue  # binary frames carry buffers; none expected here
                msg = json.loads(raw)
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind = msg.get("msg_type") or msg["header"]["msg_type"]
                if msg.get("channel") == "shell" and kind == "execute_reply":
                    reply = msg["content"]
                elif msg.get("channel") == "iopub":
                    if kind == "status" and msg["content"]["execution_state"] == "idle":
                        idle = True
                    elif kind in ("stream", "display_data", "execute_result", "error"):
                        outputs.append(msg)
            results.append((reply, outputs))
    finally:
        conn.close()
    return results


def _stdout(outputs: list[dict]) -> str:
    return "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream"
                   and m["content"]["name"] == "stdout")


# ----------------------------------------------------------------------------- tests


def test_server_answers_status(server):
    assert "started" in server.status
    status, body = server.request("GET", "/api/kernelspecs")
    assert status == 200 and "python3" in body["kernelspecs"]


def test_requests_need_the_token(server):
    req = urllib.request.Request(server.url + "/api/contents/notebooks")
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=5)
    assert err.value.code in (401, 403)


def test_numbered_notebooks_are_listed(server):
    numbered = sorted(p.name for p in config.NOTEBOOKS_DIR.glob("[0-9]*.ipynb"))
    folder = config.NOTEBOOKS_DIR if numbered else FIXTURE_DIR
    expected = numbered or sorted(p.name for p in FIXTURE_DIR.glob("[0-9]*.ipynb"))
    assert expected, "the fixture notebook is missing"
    status, model = server.request("GET", "/api/contents/" + urllib.parse.quote(_api_path(folder)))
    assert status == 200 and model["type"] == "directory"
    listed = {item["name"]: item["type"] for item in model["content"]}
    missing = [n for n in expected if listed.get(n) != "notebook"]
    assert not missing, f"not listed as notebooks by /api/contents/{_api_path(folder)}: {missing}"
    # and each opens as a notebook document
    for name in expected:
        status, nb = server.request("GET", "/api/contents/" + urllib.parse.quote(f"{_api_path(folder)}/{name}"),
                                    timeout=20)
        assert status == 200 and nb["type"] == "notebook" and nb["content"]["cells"], name


def test_fixture_cells_run_through_the_kernel_websocket(server, kernel):
    status, model = server.request("GET", "/api/contents/" + urllib.parse.quote(_api_path(FIXTURE)))
    nb = nbformat.from_dict(model["content"])
    codes = [c.source for c in nb.cells if c.cell_type == "code"]
    assert len(codes) >= 3
    probe = "import os, sys\nprint(os.getcwd())\nprint(sys.prefix)"
    results = asyncio.run(_execute(server, kernel, [probe, *codes]))

    for (reply, outputs), code in zip(results, [probe, *codes]):
        errors = [m["content"] for m in outputs if m["msg_type"] == "error"]
        assert reply["status"] == "ok", f"{code!r} -> {reply} {errors}"
    cwd, prefix = _stdout(results[0][1]).splitlines()
    assert Path(cwd).resolve() == FIXTURE_DIR.resolve()  # kernel started in the notebook's folder
    assert Path(prefix).resolve() == Path(sys.prefix).resolve()  # this venv's interpreter

    assert len(results) == len(codes) + 1
    all_stdout = "".join(_stdout(outputs) for _, outputs in results[1:])
    n_seeds = sum(1 for p in config.SEEDS_DIR.rglob("*") if p.is_file())
    assert f"corpus files: {n_seeds}" in all_stdout
    assert "figure done" in all_stdout
    pngs = [m for _, outputs in results[1:] for m in outputs
            if m["msg_type"] == "display_data" and "image/png" in m["content"]["data"]]
    assert len(pngs) == 1, "the matplotlib cell should display one PNG"
    tables = [m for _, outputs in results[1:] for m in outputs
              if m["msg_type"] == "execute_result" and "<table" in m["content"]["data"].get("text/html", "")]
    assert tables, "the DataFrame cell should return an HTML table"


def test_kernel_is_deleted(server):
    status, model = server.request("POST", "/api/kernels", {"name": "python3"})
    kid = model["id"]
    status, _ = server.request("DELETE", f"/api/kernels/{kid}", timeout=20)
    assert status == 204
    status, kernels = server.request("GET", "/api/kernels")
    assert kid not in {k["id"] for k in kernels}
