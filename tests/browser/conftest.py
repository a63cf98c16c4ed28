"""Real-browser harness: a real gunicorn server on 127.0.0.1 and Debian's headless Chromium.

Every page records the requests it makes and the console errors it logs, so each test can
assert that nothing left 127.0.0.1 and that the page was clean.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
CHROMIUM = os.environ.get("CONFLICTMAP_CHROMIUM", "/usr/bin/chromium")

# Flags: a sandbox-less root run, no GPU (MapLibre then needs SwiftShader's WebGL), and no
# background traffic to the vendor's hosts on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--enable-unsafe-swiftshader",
    "--use-angle=swiftshader",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_http(url: str, process: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with code {process.returncode} before answering")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"server at {url} did not answer within {timeout:.0f} s")


@dataclass
class LiveServer:
    url: str
    db_url: str
    process: subprocess.Popen[bytes]
    log: Path


def start_server(
    tmp: Path,
    *,
    workers: int = 1,
    db_url: str | None = None,
    extra_env: dict[str, str] | None = None,
) -> LiveServer:
    port = free_port()
    db_url = db_url or f"sqlite:///{tmp / 'store.db'}"
    log = tmp / "server.log"
    env = {**os.environ, "CONFLICTMAP_DATA_DIR": str(tmp), **(extra_env or {})}
    cmd = [
        sys.executable,
        "-m",
        "dashboard.cli",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--db",
        db_url,
        "--workers",
        str(workers),
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(url + "/", process)
    except Exception:
        process.terminate()
        process.wait(timeout=10)
        raise RuntimeError(f"server failed to start:\n{log.read_text(errors='replace')}") from None
    return LiveServer(url=url, db_url=db_url, process=process, log=log)


def stop_server(server: LiveServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(timeout=5)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    server = start_server(tmp_path_factory.mktemp("server"))
    yield server
    stop_server(server)


@dataclass
class PageRecord:
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def external_requests(self) -> list[str]:
        local = ("http://127.0.0.1:", "data:", "blob:", "about:")
        return [u for u in self.requests if not u.startswith(local)]


@pytest.fixture
def page(browser, request: pytest.FixtureRequest) -> Iterator[tuple[object, PageRecord]]:
    """A fresh page at 1400x900 that records requests and errors and saves a screenshot."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    record = PageRecord()
    pg.on("request", lambda r: record.requests.append(r.url))
    pg.on("console", lambda m: record.console_errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: record.page_errors.append(str(e)))
    yield pg, record
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    # A failed screenshot must not hide the test's own result.
    with contextlib.suppress(Exception):
        pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"))
    context.close()


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory):
    """The real demo store built by the pipeline, plus one hostile article."""
    from tests.web.store_fixture import build_test_store

    return build_test_store(tmp_path_factory.mktemp("demo") / "store.db")


@pytest.fixture(scope="session")
def dashboard_server(tmp_path_factory: pytest.TempPathFactory, demo_store) -> Iterator[LiveServer]:
    server = start_server(tmp_path_factory.mktemp("dash1"), db_url=demo_store.url)
    yield server
    stop_server(server)


@pytest.fixture(scope="session")
def dashboard_server_4(
    tmp_path_factory: pytest.TempPathFactory, demo_store
) -> Iterator[LiveServer]:
    """The same store behind four gunicorn workers: nothing may depend on which one answers."""
    server = start_server(tmp_path_factory.mktemp("dash4"), db_url=demo_store.url, workers=4)
    yield server
    stop_server(server)
