"""The printable booklet: one PDF per language, linked from the About page, holding every role."""

from __future__ import annotations

from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from generator.loader import load_protocol
from tests.conftest import ROOT
from tests.helpers import site_prefix

PROTOCOL = load_protocol(ROOT)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_about_page_links_to_a_booklet_that_exists(built_site, lang):
    prefix = site_prefix(lang)
    soup = BeautifulSoup((built_site / prefix / "about/index.html").read_text(encoding="utf-8"), "html.parser")
    link = soup.select_one("article a[href$='.pdf'][download]")
    target = urlparse(urljoin(f"http://site/{prefix}about/", link["href"])).path
    assert target == f"/{prefix}protocol.pdf"
    assert (built_site / target.lstrip("/")).is_file()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_booklet_holds_every_role_and_track_in_its_language(built_site, lang):
    prefix = site_prefix(lang)
    reader = PdfReader(built_site / prefix / "protocol.pdf")
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for role in PROTOCOL.roles.values():
        assert role.title[lang] in text, role.title[lang]
    for track in PROTOCOL.tracks:
        assert track.title[lang] in text
    assert reader.trailer["/Root"]["/Lang"] == lang
    assert reader.trailer["/Root"].get("/StructTreeRoot") is not None  # tagged for screen readers
