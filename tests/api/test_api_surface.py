"""The public surface, checked as httpx checks its own (issues 14 and 18)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import archiver
import archiver.archive

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = (
    "<html><head><title>A headline</title></head><body><nav><a href='/'>Home</a></nav><article>"
    "<h1>A headline</h1><p>"
    + "The council met on Monday to decide, after a long debate, what to do. " * 4
    + "</p></article></body></html>"
)


def test_all_is_exactly_the_public_names_bound_by_import():
    code = (
        "import archiver, json; print(json.dumps([sorted(archiver.__all__), "
        "sorted(n for n in vars(archiver) if not n.startswith('_') or n == '__version__')]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    declared, bound = __import__("json").loads(out.stdout)
    assert declared == bound
    assert "pipeline" not in bound and "model" not in bound and "api" not in bound


def test_modules_stay_reachable_as_attributes():
    import archiver.model

    assert archiver.model.Document is archiver.Document
    from archiver import config

    assert config.Config is archiver.Config
    with pytest.raises(AttributeError):
        archiver.no_such_module  # noqa: B018


def _defined_exceptions():
    for info in pkgutil.walk_packages(archiver.__path__, "archiver."):
        if info.name.startswith("archiver._speedups") or info.name == "archiver.__main__":
            continue
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if inspect.isclass(obj) and issubclass(obj, Exception) and obj.__module__ == info.name:
                yield obj


def test_every_error_derives_from_archiver_error():
    found = list(_defined_exceptions())
    names = {cls.__name__ for cls in found}
    assert {"ExportError", "BagError", "ShowError", "InputError"} <= names
    assert [cls.__name__ for cls in found if not issubclass(cls, archiver.ArchiverError)] == []


def _public_callables(cls):
    for name, value in vars(cls).items():
        if name.startswith("_"):
            continue
        if isinstance(value, property):
            yield name, value.fget
        elif callable(value) or isinstance(value, (staticmethod, classmethod)):
            yield name, value


@pytest.mark.parametrize("module", [archiver, archiver.archive], ids=lambda m: m.__name__)
def test_every_public_name_and_method_has_a_docstring(module):
    missing = []
    for name in module.__all__:
        obj = getattr(module, name)
        if not (inspect.isclass(obj) or inspect.isfunction(obj)):
            continue
        if not (obj.__doc__ or "").strip():
            missing.append(name)
        if inspect.isclass(obj):
            missing += [
                f"{name}.{meth}" for meth, fn in _public_callables(obj) if not (fn.__doc__ or "").strip()
            ]
    assert missing == []


def test_the_package_is_marked_typed():
    assert (ROOT / "archiver" / "py.typed").is_file()


def test_clean_file_takes_what_clean_takes():
    clean = inspect.signature(archiver.clean).parameters
    clean_file = inspect.signature(archiver.clean_file).parameters
    assert list(clean)[1:] == list(clean_file)[1:]


@pytest.mark.parametrize(
    "call",
    [
        lambda: archiver.clean(None),
        lambda: archiver.clean(123),
        lambda: archiver.clean(memoryview(b"<p>x</p>")),
        lambda: archiver.clean(ARTICLE, url=12),
        lambda: archiver.clean(ARTICLE, config="x"),
        lambda: archiver.clean(ARTICLE, kind="pdf"),
        lambda: archiver.clean(ARTICLE, kind="markdown"),
        lambda: archiver.clean(ARTICLE, config=archiver.Config(kind="markdown")),
        lambda: archiver.clean(ARTICLE, headers=[("Date", "x")]),
        lambda: archiver.clean(ARTICLE, headers={"Date": 5}),
        lambda: archiver.clean_file(12),
        lambda: archiver.clean_file(__file__, kind="pdf"),
    ],
    ids=[
        "None",
        "int",
        "memoryview",
        "url-int",
        "config-str",
        "kind-pdf",
        "kind-markdown",
        "config-kind",
        "headers-list",
        "headers-int",
        "path-int",
        "file-kind",
    ],
)
def test_wrong_inputs_raise_input_error_with_a_one_line_reason(call):
    with pytest.raises(archiver.InputError) as info:
        call()
    message = str(info.value)
    assert message and "\n" not in message and len(message) < 160


def test_clean_accepts_a_beautifulsoup_document_and_tag():
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(ARTICLE, "html.parser")
    expected = archiver.clean(ARTICLE).text
    assert archiver.clean(soup).text == expected
    assert archiver.clean(soup.body).text == expected
    assert archiver.clean(soup).title == "A headline"


def test_clean_accepts_an_lxml_element_and_tree():
    import lxml.html

    root = lxml.html.document_fromstring(ARTICLE)
    expected = archiver.clean(ARTICLE).text
    assert archiver.clean(root).text == expected
    assert archiver.clean(root.getroottree()).text == expected
    assert archiver.clean(root.find(".//article")).text == expected


def test_clean_file_takes_kind_and_url(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(ARTICLE, "utf-8")
    doc = archiver.clean_file(page, kind="text", url="https://example.org/p")
    assert doc.processing["kind"] == "text" and doc.url == "https://example.org/p"


def test_http_headers_give_charset_capture_date_and_a_fallback_modified_date():
    page = ARTICLE.replace("council", "café council").encode("latin-1")
    headers = {
        "content-type": "text/html; charset=ISO-8859-1",
        "DATE": "Tue, 02 Jan 2024 03:04:05 GMT",
        "Last-Modified": "Mon, 01 Jan 2024 10:00:00 GMT",
    }
    doc = archiver.clean(page, headers=headers)
    assert "café council" in doc.text
    assert doc.source.encoding_evidence == "http-header"
    assert doc.source.captured == "2024-01-02T03:04:05Z"
    assert doc.metadata.modified == "2024-01-01T10:00:00Z"
    stated = ARTICLE.replace("<head>", '<head><meta property="article:modified_time" content="2023-05-06">')
    assert archiver.clean(stated, headers=headers).metadata.modified == "2023-05-06"
    assert archiver.clean(page).metadata.modified is None
