"""The handbook's description of a form: an HTML fragment, read-only, in the page's language."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from generator.forms.render import render_form_page
from generator.pages.context import PageContext
from tests.conftest import ROOT


class Outline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "a":
            self.links.append(dict(attrs)["href"])

    def handle_data(self, data):
        self.text.append(data)


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_form_page_is_a_fragment_that_sends_and_stores_nothing(protocol, handbook, lang):
    html = render_form_page(handbook, "incident-report", lang)
    tags = set(outline(html).tags)
    assert not tags & {"html", "body", "head", "form", "select"}  # no <form>: nothing to submit anywhere
    assert " action=" not in html and "localStorage" not in html
    assert "\n\n" not in html  # one HTML block for Markdown


def test_the_form_page_has_the_same_fields_as_the_pdf(protocol, handbook, expected_widgets):
    from bs4 import BeautifulSoup

    html = render_form_page(handbook, "incident-report", "en")
    names = {i["name"] for i in BeautifulSoup(html, "html.parser").select("input, textarea")}
    in_pdf = {w.name for w in expected_widgets("incident-report", "en")}
    on_paper_only = {n for n in in_pdf if n.endswith("-continued") or "-recorded-" in n}
    assert names == in_pdf - on_paper_only


def test_every_input_on_the_form_page_has_a_name_people_can_hear(protocol, handbook):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(render_form_page(handbook, "case-overview", "nl"), "html.parser")
    labelled = {label["for"] for label in soup.select("label[for]")}
    for field in soup.select("input, textarea"):
        assert field["id"] in labelled or field.get("aria-label"), field


def test_the_form_page_lists_every_question_with_its_help_and_options(protocol, handbook):
    html = render_form_page(handbook, "incident-report", "en")
    text = " ".join(outline(html).text)
    form = handbook.forms["incident-report"]
    for field in form.fields:
        assert field.label["en"] in text
        if field.help:
            assert field.help["en"] in text
        for option in field.options:
            assert option.label["en"] in text
    assert "choose one answer" in text and "tick all that apply" in text
    assert "Nothing is sent or stored" in text


def test_the_form_page_links_each_step_and_the_pdf_when_asked(protocol, handbook):
    html = render_form_page(
        handbook,
        "incident-report",
        "en",
        pdf_href="../pdf/incident-report.pdf",
        step_url=lambda role, step: f"../../en/roles/{role}/#{step}",
    )
    links = outline(html).links
    assert "../pdf/incident-report.pdf" in links
    for node in protocol.steps_for_form("incident-report"):
        assert f"../../en/roles/{node.role}/#{node.id}" in links


def test_the_dutch_form_page_links_to_dutch_step_pages(protocol, handbook):
    page = PageContext(protocol, "nl", "forms/escalation.md")  # served at /forms/escalation/
    html = render_form_page(handbook, "escalation", "nl",
        step_url=lambda role, step: page.url(protocol.roles[role].page, step),
    )  # fmt: skip
    assert "../../roles/mentor/#m-escalate" in outline(html).links


def test_the_form_page_uses_the_words_sen_coordinator_and_zorgcoordinator(protocol, handbook):
    english = render_form_page(handbook, "escalation", "en")
    dutch = render_form_page(handbook, "escalation", "nl")
    assert "SEN coordinator" in english and "zorgcoördinator" in dutch
    assert "care coordinator" not in english.lower()


FORMAL_YOU = re.compile(r"\b(u|uw)\b", re.IGNORECASE)  # Dutch "u"/"uw": the handbook's words for parents


@pytest.mark.parametrize("form_id", sorted(p.stem for p in (ROOT / "forms" / "definitions").glob("*.yml")))
def test_every_dutch_form_page_addresses_staff_with_je_not_u(handbook, form_id):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(render_form_page(handbook, form_id, "nl"), "html.parser")
    texts = [soup.get_text(" ")] + [value for tag in soup.find_all(True) for value in tag.attrs.values()]
    formal = sorted({m.group(0) for text in texts if isinstance(text, str) for m in FORMAL_YOU.finditer(text)})
    assert not formal, f"forms/{form_id}: the staff form page says {formal}; staff are addressed with 'je'"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("form_id", ["conversation-victim", "case-overview"])
def test_a_date_column_on_the_form_page_says_how_to_write_the_date_as_a_date_field_does(handbook, form_id, lang):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(render_form_page(handbook, form_id, lang), "html.parser")
    fmt = f"({handbook.form_labels.get('date_hint', lang)})"
    table = next(f for f in handbook.forms[form_id].fields if f.type == "table")
    headers = [
        th.get_text(" ", strip=True)
        for th in soup.select(f"table[aria-labelledby='f-{form_id}-{table.id}'] th[scope=col]")
    ]
    for column, header in zip(table.columns, headers[1:], strict=True):
        assert header == (f"{column.label[lang]} {fmt}" if column.type == "date" else column.label[lang])
    assert any(c.type == "date" for c in table.columns)
    dates = [f for f in handbook.forms[form_id].fields if f.type == "date"]  # a date field, as on paper
    assert soup.find("label", attrs={"for": f"f-{form_id}-{dates[0].id}"}).get_text(" ", strip=True).endswith(fmt)
