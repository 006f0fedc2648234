"""The contact block and the forms overview, rendered from the data and read back as HTML."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from generator.loader import load_protocol
from generator.pages.contact import contact_block, tel_href
from generator.pages.context import PageContext
from generator.pages.forms_overview import forms_in_order_of_use, forms_list, size_label
from tests.conftest import ROOT
from tests.protocol.test_loader import edit_yaml, problems_of


def block(root, role: str, lang: str) -> BeautifulSoup:
    html = contact_block(PageContext(load_protocol(root), lang, f"roles/{role}.md"), role)
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("role", ["parent", "student"])
def test_an_empty_contact_setting_shows_no_made_up_number_or_name(data_copy, lang, role):
    empty = {"office_phone": "", "mentor_email_pattern": "", "confidential_advisors": []}
    edit_yaml(data_copy / "protocol/settings.yml", lambda d: d.update(reach=empty))
    soup = block(data_copy, role, lang)
    links = [a["href"] for a in soup.select("a[href]")]
    assert links == ["tel:08000432"]  # only De Kindertelefoon: the school has filled in nothing
    advice = load_protocol(data_copy).labels["contact_advisors_unknown" + ("_student" if role == "student" else "")]
    assert advice[lang] in soup.get_text(" ")


def test_the_contact_block_shows_what_the_school_fills_in_as_links(data_copy):
    reach = {
        "office_phone": "020 123 45 67",
        "mentor_email_pattern": "initials.surname@alasca.nl",
        "confidential_advisors": [
            {"name": "A. <b>de</b> Vries", "email": "a.devries@alasca.nl", "phone": "06-12345678"},
        ],
        "parents_may_write_english": True,
    }
    edit_yaml(data_copy / "protocol/settings.yml", lambda d: d.update(reach=reach))
    soup = block(data_copy, "parent", "en")
    hrefs = [a["href"] for a in soup.select("a[href]")]
    assert hrefs == ["tel:0201234567", "mailto:a.devries@alasca.nl", "tel:0612345678", "tel:08000432"]
    assert "initials.surname@alasca.nl" in soup.select_one("code").get_text()
    assert soup.find("b") is None and "A. <b>de</b> Vries" in soup.get_text()  # data is text
    assert "You may write to the school in English." in soup.get_text()


@pytest.mark.parametrize(("lang", "yours"), [("nl", "je mentor"), ("en", "your mentor")])
def test_the_students_block_tells_them_how_to_reach_their_mentor_in_their_words(data_copy, lang, yours):
    how = {"nl": "via het mentoruur", "en": "in the mentor lesson"}  # the school's fact, changed
    edit_yaml(data_copy / "protocol/settings.yml", lambda d: d.update(mentor_contact=how))
    contacts = load_protocol(data_copy).settings.contacts
    student = block(data_copy, "student", lang).select_one("dd").get_text(" ")
    parent = block(data_copy, "parent", lang).select_one("dd").get_text(" ")
    assert yours in student.lower() and how[lang] in student  # the words theirs, the fact the school's
    assert contacts["mentor"][lang] not in student  # not the school's words for parents ...
    assert contacts["mentor"][lang] in parent  # ... which the parents' block keeps


def test_a_phone_number_that_is_not_a_number_is_refused_with_the_key(data_copy):
    edit_yaml(data_copy / "protocol/settings.yml", lambda d: d.update(reach={"office_phone": "javascript:x"}))
    assert any(line.startswith("protocol/settings.yml: reach.office_phone") for line in problems_of(data_copy))


def test_tel_links_keep_only_digits_and_a_leading_plus():
    assert tel_href("+31 (0)20 123-45") == "tel:+3102012345"
    assert tel_href("") == ""


def test_forms_come_in_the_order_the_steps_use_them_grouped_by_role():
    protocol = load_protocol(ROOT)
    groups = forms_in_order_of_use(protocol)
    listed = [form.id for group in groups for form in group.forms]
    assert listed[0] == "incident-report"
    assert sorted(listed) == sorted(protocol.forms)  # every form once
    for group in groups:
        used = [f for node in group.role.nodes.values() for f in node.forms]
        assert [f.id for f in group.forms] == sorted({f.id for f in group.forms}, key=used.index)


def test_a_pdf_size_reads_as_kilobytes():
    assert size_label(38_400) == "38 KB"
    assert size_label(200) == "1 KB"
    assert size_label(None) == ""


def test_the_publish_check_lists_each_contact_fact_until_the_school_fills_it_in(data_copy):
    from generator.publish import open_decisions

    keys = ["office_phone", "mentor_email_pattern", "confidential_advisors", "parents_may_write_english"]
    empty = dict.fromkeys(keys)  # all ~
    edit_yaml(data_copy / "protocol/settings.yml", lambda d: d.update(reach=empty))
    listed = "\n".join(open_decisions(data_copy))
    assert all(f"protocol/settings.yml: reach.{key}: still open" in listed for key in keys)
    filled = {
        "office_phone": "020 123 45 67",
        "mentor_email_pattern": "initials.surname@alasca.nl",
        "confidential_advisors": [{"name": "A. de Vries"}],
        "parents_may_write_english": False,  # a decision too: "write in Dutch"
    }
    edit_yaml(data_copy / "protocol/settings.yml", lambda d: d.update(reach=filled))
    assert "reach." not in "\n".join(open_decisions(data_copy))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_forms_overview_heads_each_group_with_the_roles_title_and_names_roles_with_a_capital(lang):
    from markdown import markdown

    protocol = load_protocol(ROOT)
    ctx = PageContext(protocol, lang, "forms/index.md", pdfs=False)
    html = BeautifulSoup(markdown(forms_list(ctx), extensions=["attr_list", "md_in_html"]), "html.parser")
    headings = [h.get_text(strip=True) for h in html.find_all("h2")]
    assert headings == [g.role.title[lang] for g in forms_in_order_of_use(protocol)]
    names = {r.name[lang][:1].upper() + r.name[lang][1:] for r in protocol.roles.values()}  # 'teacher' -> 'Teacher'
    labels = {a.get_text().split(":", 1)[0] for a in html.select(".form-card__steps a")}
    assert labels and labels <= names, labels - names
