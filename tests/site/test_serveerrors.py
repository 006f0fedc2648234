"""Under `mkdocs serve`, a refused edit shows its one-line problems in the browser until it is
repaired, instead of a page that never loads (generator/site/serveerrors.py). Run in-process
against MkDocs's own LiveReloadServer and its WSGI application: no port is opened."""

from __future__ import annotations

import io
import logging
import wsgiref.util
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer

from generator.site import serveerrors

LINE = "protocol/roles/mentor.yml: line 43, column 22: found a YAML syntax error; expected valid YAML"


def get(server: LiveReloadServer, path: str) -> tuple[str, BeautifulSoup]:
    environ = {"PATH_INFO": path, "REQUEST_METHOD": "GET", "wsgi.input": io.BytesIO()}
    wsgiref.util.setup_testing_defaults(environ)
    status = []
    body = b"".join(server.get_app()(environ, lambda code, headers: status.append(code)))
    return status[0], BeautifulSoup(body.decode("utf-8"), "html.parser")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "roles" / "mentor").mkdir(parents=True)
    (tmp_path / "roles" / "mentor" / "index.html").write_text("<h1>Mentor</h1>", encoding="utf-8")
    return tmp_path


@pytest.fixture
def server(site: Path):
    outcome = {"fails": None}

    def build():  # as MkDocs' build does: the problems logged as an error, then its own Abort
        if outcome["fails"] is not None:
            logging.getLogger("mkdocs.commands.build").error(outcome["fails"])
            raise Abort("Aborted with a BuildError!")

    server = LiveReloadServer(builder=build, host="127.0.0.1", port=0, root=str(site))
    serveerrors.show_in_browser(server, str(site))
    server.outcome = outcome
    yield server
    server.server_close()


def test_a_refused_edit_shows_its_lines_on_every_page_and_the_handbook_returns_once_repaired(server):
    server.outcome["fails"] = f"The protocol data or a page is broken; nothing was written.\n{LINE}"
    server.builder()  # the rebuild after the broken save: no exception reaches the server's loop
    for path in ("/roles/mentor/", "/", "/en/roles/mentor/index.html"):
        status, page = get(server, path)
        assert status.startswith("200"), path
        assert LINE in page.pre.get_text().splitlines(), path
        assert {page.h1.get_text(), page.h2.get_text()} == {
            "Het handboek is niet opnieuw gebouwd",
            "The handbook was not rebuilt",
        }
    server.outcome["fails"] = None
    server.builder()  # the repaired save
    status, page = get(server, "/roles/mentor/")
    assert status.startswith("200") and page.h1.get_text() == "Mentor"


def test_a_bug_in_the_build_shows_in_the_browser_and_prints_its_traceback(site, capsys):
    def build():
        return {"a": 1}["typo"]

    server = LiveReloadServer(builder=build, host="127.0.0.1", port=0, root=str(site))
    serveerrors.show_in_browser(server, str(site))
    try:
        server.builder()
        _, page = get(server, "/roles/mentor/")
    finally:
        server.server_close()
    assert "KeyError: 'typo' (a bug in the generator; its traceback is in the terminal)" in page.pre.get_text()
    assert "Traceback" in capsys.readouterr().err


def test_the_lines_are_shown_as_text_never_as_markup():
    page = BeautifulSoup(serveerrors.error_page(["docs/en/x.md: found <script>alert(1)</script>"]), "html.parser")
    assert page.find("script") is None
    assert page.pre.get_text() == "docs/en/x.md: found <script>alert(1)</script>"
