"""The report opened in a real headless browser: Debian's chromium (``make browser`` installs it).

Skipped when chromium is absent, except under CI (``CI`` set), where it must be there.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

pytest.importorskip("jinja2")
PIL = pytest.importorskip("PIL.Image")

from newsextract.report import write_report  # noqa: E402

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND"]


def _chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing on CI: .ci/run must run `make browser`")
        pytest.skip("chromium is not installed (make browser)")
    return exe


def open_in_browser(page: Path, tmp: Path, height: int = 1600) -> tuple[str, bytes, list[str]]:
    """The DOM after load, a screenshot, and the network URLs the page asked for."""
    shot, netlog = tmp / "shot.png", tmp / "net.json"
    cmd = [_chromium(), *FLAGS, f"--user-data-dir={tmp / 'profile'}", f"--window-size=1280,{height}",
           f"--screenshot={shot}", f"--log-net-log={netlog}", "--dump-dom", page.resolve().as_uri()]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True)
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    asked = [e["params"]["url"] for e in log["events"] if e["type"] == start
             and "file://" in e["params"].get("network_isolation_key", "")  # the page's own requests
             and not e["params"]["url"].startswith(("file:", "data:"))]
    return done.stdout, shot.read_bytes(), asked


def test_report_renders_in_chromium(corpus_records, tmp_path):
    page = write_report(corpus_records, tmp_path / "report.html")
    dom, png, asked = open_in_browser(page, tmp_path)
    assert asked == []
    image = PIL.open(io.BytesIO(png)).convert("RGB")
    assert image.size == (1280, 1600)
    colours = image.getcolors(maxcolors=1 << 20)
    assert len(colours) > 50  # text, bars, dots: not a blank page
    white = max(n for n, c in colours if c == (255, 255, 255))
    assert white < 0.95 * image.size[0] * image.size[1]
    assert dom.count("<svg") >= 3
    for person in {p.full_name for r in corpus_records for p in r.persons if p.positions}:
        assert f"<td>{person}</td>" in dom, person
    for country in {c.name for r in corpus_records for c in r.countries}:
        assert country in dom, country


def test_network_requests_are_seen(tmp_path):
    page = tmp_path / "remote.html"
    page.write_text('<html><body><img src="https://example.invalid/x.png">x</body></html>', encoding="utf-8")
    _dom, _png, asked = open_in_browser(page, tmp_path, height=200)
    assert asked == ["https://example.invalid/x.png"]
