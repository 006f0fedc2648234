"""A form's page fills in on screen, copies a clean note for the student system and prints what was
filled in; nothing is sent or stored, and without JavaScript the questions and the PDF are still there."""

from __future__ import annotations

import subprocess

import pytest

from tests.conftest import ROOT

from .conftest import DESKTOP, Traffic, watch

SCRIPT = ROOT / "docs" / "assets" / "javascripts" / "form-fill.js"


@pytest.fixture
def form_tab(browser, site_url):
    """A fresh context that may read the clipboard, its traffic recorded (tests/browser/conftest.watch)."""
    context = browser.new_context(viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    traffic = Traffic(allowed_prefixes=(site_url + "/",))
    watch(context, traffic)
    page = context.new_page()
    yield page, traffic
    context.close()


def fill_incident_report(page) -> None:
    page.fill("#f-incident-report-date", "05-03-2026")
    page.check("#f-incident-report-place-online")
    page.check("#f-incident-report-place-schoolyard")
    page.fill("#f-incident-report-involved-1-name", "Zoë Ağaoğlu")
    page.fill("#f-incident-report-involved-1-class", "H3b")
    page.check("#f-incident-report-involved-1-bullied")
    page.fill("#f-incident-report-account", "Łukasz zei: “laat me met rust”.\nDaarna liep ze weg.")
    page.check("#f-incident-report-frequency-repeated")


def test_the_copied_note_holds_every_answer_and_no_empty_section(form_tab, site_url):
    page, traffic = form_tab
    page.goto(site_url + "/forms/incident-report/", wait_until="load")
    fill_incident_report(page)
    traffic.clear()
    page.get_by_role("button", name="Kopieer als notitie voor Magister").click()
    page.get_by_role("status").filter(has_text="Gekopieerd").wait_for()
    note = page.evaluate("navigator.clipboard.readText()")
    lines = note.splitlines()
    assert lines[0] == "Melding van pesten"
    assert "Datum: 05-03-2026" in lines
    assert "Plaats: schoolplein, online" in lines
    assert "- Leerling 1: Naam: Zoë Ağaoğlu; Klas: H3b; gepest" in lines
    assert "Wat heb je gezien of gehoord?" in lines and "Łukasz zei: “laat me met rust”." in lines
    assert "Eerste keer of herhaling? het gebeurde al eerder" in lines
    assert "WAT HEB JE GEDAAN" not in note  # nothing was filled in there
    assert "Tijd" not in note  # an empty field is left out
    assert traffic.requests == [], "the copy button made a request"
    assert traffic.problems() == []


def test_an_empty_form_says_there_is_nothing_to_copy(form_tab, site_url):
    page, traffic = form_tab
    page.goto(site_url + "/en/forms/follow-up/", wait_until="load")
    page.get_by_role("button", name="Copy as a note for Magister").click()
    assert page.get_by_role("status").inner_text() == "Nothing has been filled in yet."
    assert traffic.problems() == []


def test_the_printed_page_holds_the_answers_and_not_the_buttons(form_tab, site_url, tmp_path):
    page, _ = form_tab
    page.goto(site_url + "/forms/incident-report/", wait_until="load")
    fill_incident_report(page)
    pdf = tmp_path / "printed.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Zoë Ağaoğlu" in text and "laat me met rust" in text
    assert "Kopieer als notitie" not in text


def test_without_javascript_the_page_lists_the_questions_and_links_the_pdf(browser, site_url):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/en/forms/escalation/", wait_until="load")
    assert page.get_by_label("What does the mentor ask of the SEN coordinator?").is_visible()
    assert page.locator("a[href$='escalation.pdf']").is_visible()
    assert not page.get_by_role("button", name="Copy as a note for Magister").is_visible()
    context.close()


def test_the_script_has_no_way_to_send_or_keep_what_was_typed():
    script = SCRIPT.read_text(encoding="utf-8")
    for way in ("fetch(", "XMLHttpRequest", "sendBeacon", "localStorage", "sessionStorage", "indexedDB", "cookie"):
        assert way not in script, way
