"""Fixtures of the browser tests: the real app, started with ``mlinterview serve`` once per run, and Debian's
Chromium driven through Playwright."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import reset_database

CHROMIUM = "/usr/bin/chromium"
DEMO = ("admin", "manager", "interviewer", "interviewer2", "candidate")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="package")
def clock_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The served app's clock (``MLI_CLOCK_FILE``): absent means real time; a test writes an ISO time into it
    to move "now", and must remove it when done."""
    path = tmp_path_factory.mktemp("clock") / "now"
    yield path
    path.unlink(missing_ok=True)


@pytest.fixture(scope="package")
def server(tmp_path_factory: pytest.TempPathFactory, clock_file: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """``mlinterview serve`` on a fresh database; yields its address and the demo passwords it printed. One
    server for the browser tests (package scope): on PostgreSQL it shares the test database, which is reset
    before it starts and again when the browser tests are done, before any other test reads it."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: `make test` installs it with apt-get install chromium")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    data = tmp_path_factory.mktemp("served")
    url = os.environ.get("MLI_TEST_DATABASE_URL") or f"sqlite:///{data / 'app.db'}"
    if url.startswith("postgresql"):
        reset_database(url)
    port = free_port()
    env = {**os.environ, "MLI_DATA_DIR": str(data), "MLI_DATABASE_URL": url, "MLI_PORT": str(port)}
    env.update({"MLI_DEMO_DATA": "true", "MLI_ENV": "development", "MLI_BROKER_URL": "", "COLUMNS": "120"})
    env["MLI_CLOCK_FILE"] = str(clock_file)
    log = (data / "serve.log").open("w+")
    cli = [sys.executable, "-c", "from mlinterview.cli.main import main; main()", "serve"]
    process = subprocess.Popen(cli, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base, process, log)
        log.seek(0)
        passwords = dict(re.findall(r"(\S+@demo\.example\.com)\s*│[^│]*│\s*(\S+)\s*│", log.read()))
        assert {f"{who}@demo.example.com" for who in DEMO} <= set(passwords), "the demo passwords were not printed"
        yield base, passwords
    finally:
        process.terminate()
        process.wait(timeout=20)
        if url.startswith("postgresql"):
            reset_database(url)


def wait_until_healthy(base: str, process: subprocess.Popen[bytes], log) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            pytest.fail(f"mlinterview serve exited:\n{log.read()}")
        try:
            with urllib.request.urlopen(f"{base}/health", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.3)
    pytest.fail("mlinterview serve did not become healthy within 60 s")


@pytest.fixture(scope="package")
def browser():
    from playwright.sync_api import sync_playwright

    flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=flags)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1366, "height": 860}, accept_downloads=True)
    page = context.new_page()
    page.hosts = set()
    page.on("request", lambda request: page.hosts.add(urlparse(request.url).hostname))
    yield page
    assert page.hosts <= {"127.0.0.1"}, f"the page reached outside the server: {page.hosts}"
    context.close()


def screenshot(page, name: str) -> None:
    folder = os.environ.get("MLI_SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def sign_in(page, base: str, email: str, password: str) -> None:
    page.goto(f"{base}/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()
