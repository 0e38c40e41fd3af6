"""The reading copy in a real browser: headless Chromium driven over the DevTools Protocol.

It opens the bag's HTML page of a mixed Arabic/English document and reads, from the live DOM,
the computed ``direction`` and ``text-align`` of every block and inline run; it records every
script the page parsed (Debugger.scriptParsed) and every network request it made, and saves a
screenshot into the test's temporary folder. A control page with a script shows that the
script detector can fail. Chromium comes from Debian's ``chromium`` package (``.ci/run`` installs
it where apt-get is available); the test skips, saying why, only where it is not installed.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from archivekit import FILLER_AR, FILLER_EN, export, page

import archiver
from archiver.archive.bag import make_bag

websocket = pytest.importorskip(
    "websocket", reason="websocket-client is a test dependency: pip install -e '.[test]'"
)

CHROMIUM = next(
    (p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p), None
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed and could not be: "
    "run `apt-get install chromium` (.ci/run does so where apt-get is available)",
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--mute-audio",
    "--hide-scrollbars",
    "--remote-debugging-port=0",
    "--window-size=900,1100",
]
PROBE = """(() => {
  const out = [];
  for (const el of document.querySelectorAll('article [lang], article[lang], h1')) {
    const cs = getComputedStyle(el);
    out.push({tag: el.tagName.toLowerCase(), lang: el.getAttribute('lang'), dir: el.getAttribute('dir'),
              direction: cs.direction, align: cs.textAlign, text: el.textContent.slice(0, 40)});
  }
  const handlers = [...document.querySelectorAll('*')].flatMap(
      el => [...el.attributes].filter(a => a.name.startsWith('on')).map(a => a.name));
  return {blocks: out, scripts: document.scripts.length, handlers: handlers,
          htmlDir: getComputedStyle(document.documentElement).direction, title: document.title};
})()"""


class Browser:
    """One headless Chromium and one DevTools websocket with a flattened page session."""

    def __init__(self, profile: Path) -> None:
        self.proc = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 20
        while not (port_file.is_file() and len(port_file.read_text().split()) >= 2):
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.close()
                pytest.fail("Chromium did not open its DevTools port")
            time.sleep(0.05)
        port, path = port_file.read_text().split()[:2]
        self.ws = websocket.create_connection(
            f"ws://127.0.0.1:{port}{path}", timeout=20, suppress_origin=True
        )
        self.next_id = 0
        self.events: list[dict] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]

    def call(self, method: str, session: str | None = None, **params) -> dict:
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params}
        if session:
            msg["sessionId"] = session
        self.ws.send(json.dumps(msg))
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def page(self, method: str, **params) -> dict:
        return self.call(method, self.session, **params)

    def open(self, url: str) -> tuple[list[dict], list[str]]:
        """Load ``url``; return (scripts parsed, URLs requested) during the load."""
        self.events.clear()
        self.page("Page.navigate", url=url)
        deadline = time.monotonic() + 20
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            if time.monotonic() > deadline:
                pytest.fail(f"{url} did not load")
            self.events.append(json.loads(self.ws.recv()))
        scripts = [e["params"] for e in self.events if e.get("method") == "Debugger.scriptParsed"]
        requests = [
            e["params"]["request"]["url"]
            for e in self.events
            if e.get("method") == "Network.requestWillBeSent"
        ]
        return scripts, requests

    def evaluate(self, expression: str):
        return self.page("Runtime.evaluate", expression=expression, returnByValue=True)["result"]["value"]

    def close(self) -> None:
        with contextlib.suppress(OSError, websocket.WebSocketException):  # already gone
            self.ws.send(json.dumps({"id": 0, "method": "Browser.close"}))
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture()
def browser(tmp_path):
    profile = tmp_path / "profile"
    profile.mkdir()
    b = Browser(profile)
    for method in ("Page.enable", "Network.enable", "Debugger.enable", "Runtime.enable"):
        b.page(method)
    yield b
    b.close()


@pytest.fixture()
def reading_copy(tmp_path):
    out = tmp_path / "export"
    out.mkdir()
    mixed = page(
        "تقرير عن الشركات والتقنية",
        [
            f"{FILLER_AR} وقال المتحدث إن شركة Microsoft Corporation ستفتح مكتبا جديدا في المدينة.",
            FILLER_EN + " The spokesman said the office would open next spring.",
            f"{FILLER_AR} وأضاف أن المشروع سيوفر مئات من فرص العمل للشباب.",
            "<ul><li>The first point of the English summary of the statement.</li>"
            "<li>النقطة الثانية من الملخص باللغة العربية حول البيان الرسمي.</li></ul>",
        ],
    )
    (doc,) = export(out, [mixed])
    assert {b.lang for b in doc.blocks} >= {"ar", "en"}
    make_bag(out)
    return out / "data" / "html" / f"{doc.id}.html", doc


def test_directions_computed_by_chromium_no_script_and_screenshot(browser, reading_copy, tmp_path):
    html_path, doc = reading_copy
    scripts, requests = browser.open(html_path.as_uri())
    assert scripts == [], f"the reading copy ran scripts: {scripts}"
    assert requests == [html_path.as_uri()], f"the reading copy asked for other resources: {requests}"
    state = browser.evaluate(PROBE)
    assert state["scripts"] == 0 and state["handlers"] == []
    assert state["htmlDir"] == "rtl" and state["title"] == doc.title
    blocks = [b for b in state["blocks"] if b["tag"] in ("p", "li")]
    assert [b["lang"] for b in blocks] == [b.lang for b in doc.blocks]
    for b in blocks:
        assert b["direction"] == {"ar": "rtl", "en": "ltr"}[b["lang"]], b
        assert b["align"] == "start", b
    runs = [b for b in state["blocks"] if b["tag"] == "span"]
    assert runs and all(r["direction"] == "ltr" and r["lang"] == "en" for r in runs)
    shot = browser.page("Page.captureScreenshot", format="png")["data"]
    png = tmp_path / "reading-copy.png"
    png.write_bytes(base64.b64decode(shot))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000
    if os.environ.get("ARCHIVER_KEEP_SCREENSHOT"):
        shutil.copy(png, os.environ["ARCHIVER_KEEP_SCREENSHOT"])


def test_the_script_detector_sees_a_script(browser, tmp_path):
    control = tmp_path / "control.html"
    control.write_text(
        "<!DOCTYPE html><html><body><p>x</p><script>document.title = 'ran'</script></body></html>"
    )
    scripts, _ = browser.open(control.as_uri())
    assert scripts and browser.evaluate("document.title") == "ran"


def test_index_page_in_the_browser(browser, reading_copy):
    html_path, doc = reading_copy
    index = html_path.parent / "index.html"
    scripts, requests = browser.open(index.as_uri())
    assert scripts == [] and requests == [index.as_uri()]
    cell = browser.evaluate(
        "(() => { const td = document.querySelector('tbody td');"
        " return [td.getAttribute('lang'), getComputedStyle(td).direction, td.textContent]; })()"
    )
    assert cell == ["ar", "rtl", doc.title]


HEADER_PROBE = """(() => {
  const h = document.querySelector('header.cite');
  if (!h) return null;
  const cs = getComputedStyle(h);
  const run = document.querySelector('article p span[lang="en"]');
  const p = document.querySelector('article p[lang="ar"]');
  const url = h.querySelector('dd[dir="ltr"]');
  return {lang: h.getAttribute('lang'), direction: cs.direction,
          dtAlign: getComputedStyle(h.querySelector('dt')).textAlign,
          times: [...h.querySelectorAll('time')].map(t => [t.dateTime,
      new Set([...t.getClientRects()].map(r => Math.round(r.top))).size]),
          links: [...h.querySelectorAll('a')].map(a => a.getAttribute('href')),
          urlDirection: url && getComputedStyle(url).direction,
          fonts: {arabic: getComputedStyle(p).fontFamily, latin: run && getComputedStyle(run).fontFamily,
                  url: url && getComputedStyle(url).fontFamily},
          scrollWidth: document.documentElement.scrollWidth, innerWidth: innerWidth,
          headerRight: h.getBoundingClientRect().right, headerLeft: h.getBoundingClientRect().left};
})()"""


@pytest.fixture()
def cited_copy(tmp_path):
    """A bag holding one Arabic page with a long URL, a date and a site: the header's worst case."""
    from archiver.run.output import append_line, index_record, write_document

    out = tmp_path / "cited"
    out.mkdir()
    source = page(
        "تقرير عن الشركات والتقنية في المنطقة",
        [
            f"{FILLER_AR} وقال المتحدث إن شركة Microsoft Corporation ستفتح مكتبا جديدا في المدينة.",
            f"{FILLER_AR} وأضاف أن المشروع سيوفر مئات من فرص العمل للشباب.",
        ],
        date="2024-03-05T10:30:00+03:00",
        site="Portal News",
    )
    url = "https://example.org/news/" + "section-name-without-breaks-" * 6 + "2024/03/05/a.html?id=1234567890"
    doc = archiver.clean(source, url=url)
    names = write_document(doc, out, ("md", "json"))
    append_line(out / "index.jsonl", index_record(doc, "page.html", names))
    (out / "errors.jsonl").touch()
    make_bag(out)
    return out / "data" / "html" / f"{doc.id}.html", doc


def _shot(browser, width: int, path: Path) -> dict:
    browser.page(
        "Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1, mobile=False
    )
    state = browser.evaluate(HEADER_PROBE)
    data = base64.b64decode(browser.page("Page.captureScreenshot", format="png")["data"])
    path.write_bytes(data)
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(data[16:20], "big") == width
    return state


def test_citation_header_in_chromium_at_two_widths(browser, cited_copy, tmp_path):
    html_path, doc = cited_copy
    scripts, requests = browser.open(html_path.as_uri())
    assert scripts == [] and requests == [html_path.as_uri()], (scripts, requests)
    narrow = _shot(browser, 390, tmp_path / "narrow.png")
    wide = _shot(browser, 1280, tmp_path / "wide.png")
    for state in (narrow, wide):
        assert state is not None, "no citation header"
        assert state["lang"] == "ar" and state["direction"] == "rtl" and state["dtAlign"] == "start"
        assert state["links"] == [doc.url, f"../json/{doc.id}.json", f"../markdown/{doc.id}.md"]
        assert state["urlDirection"] == "ltr"
        assert [t[0] for t in state["times"]] == ["2024-03-05T10:30:00+03:00"]
        assert all(n == 1 for _, n in state["times"]), "a date wraps (its boxes sit on more than one line)"
        assert state["scrollWidth"] <= state["innerWidth"], state
        assert state["headerLeft"] >= 0 and state["headerRight"] <= state["innerWidth"], state
        assert "Naskh" in state["fonts"]["arabic"].split(",")[0]
        assert "Arabic" not in state["fonts"]["latin"].split(",")[0]
        assert "Arabic" not in state["fonts"]["url"].split(",")[0]
    assert (tmp_path / "narrow.png").read_bytes() != (tmp_path / "wide.png").read_bytes()
    assert wide["headerRight"] - wide["headerLeft"] > narrow["headerRight"] - narrow["headerLeft"]
    if os.environ.get("ARCHIVER_KEEP_SCREENSHOT"):
        for name in ("narrow.png", "wide.png"):
            shutil.copy(tmp_path / name, f"{os.environ['ARCHIVER_KEEP_SCREENSHOT']}.{name}")
