"""The PDF renderer reads only the project's own files: no file outside it, no network, no
attachments; and it leaves no temporary folder behind."""

from __future__ import annotations

import http.server
import tempfile
import threading

import pikepdf
import pytest

from generator import booklet, weasy
from generator.fileio import content_cache
from tests.conftest import ROOT


@pytest.fixture
def listener():
    """A local HTTP server that records every request it gets."""
    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the standard library's name)
            seen.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", seen
    server.shutdown()
    server.server_close()


def test_the_booklet_reads_no_file_outside_the_project_and_fetches_no_url(tmp_path, listener, monkeypatch):
    url, requests = listener
    secret = tmp_path / "outside.txt"
    secret.write_text("a file outside the project", encoding="utf-8")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    html = (
        f'<p>Tekst <img src="{url}/fetched-by-booklet.png" alt=""> <img src="file://{secret}" alt=""></p>'
        f'<link rel="attachment" href="file://{secret}"><a rel="attachment" href="file://{secret}">bijlage</a>'
        f'<p style="background: url(file://{secret})">achtergrond</p>'
    )
    chapters = [booklet.Chapter("protocol.md", "Protocol", html)]
    target = tmp_path / "site" / "protocol.pdf"
    cache = content_cache(tmp_path, "booklet", ".pdf")
    booklet.print_booklet(chapters, "nl", "ALASCA", "Pestprotocol", "Versie 1.0", target, cache)
    with pikepdf.open(target) as pdf:
        assert dict(pdf.attachments) == {}
        assert b"a file outside the project" not in target.read_bytes()
    assert requests == []
    assert list((tmp_path / "tmp").glob("weasyprint-*")) == []


def test_the_fetcher_serves_the_projects_assets_and_refuses_everything_else(tmp_path):
    fetcher = weasy.project_fetcher(ROOT / "docs" / "assets")
    css = (ROOT / "docs/assets/stylesheets/fonts.css").as_uri()
    assert fetcher.permits(css)
    for url in (
        "file:///etc/hostname",
        (ROOT / "docs/assets/../../mkdocs.yml").as_uri(),
        "http://127.0.0.1:9/x.png",
        "https://example.org/x.css",
        "data:text/css,body{}",
        "file://otherhost" + str(ROOT / "docs/assets/stylesheets/fonts.css"),
    ):
        assert not fetcher.permits(url), url
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 6
