"""Text is shown as typed, or refused with one line naming the file and the key: invisible
bidirectional and zero-width characters (data and pages), template syntax, a placeholder inside
the setting it stands for, contact details with the wrong shape (each message says what that
setting expects), a form file whose name is not an id, and a symlinked or broken forms file.
`python -m generator check` refuses each (the build runs the same check first, before it writes
anything: tests/hostile/test_refused.py shows site/ is left as it was)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from generator.handbook import load_handbook
from tests.helpers import check_lines, edit

M = "protocol/roles/mentor.yml"
S = "protocol/settings.yml"
FORM = "forms/definitions/incident-report.yml"
ADVISORS = "  confidential_advisors: ~"
BODY_EN = re.compile(r"(?m)^        en: A teacher, a student or a parent reports bullying.*$")  # m-receive's body

# id: (file, old, new, the line's start, what the line says was expected (a piece))
CASES = {
    "rtl-override-in-a-title": (
        M,
        "en: Receive the report",
        "en: Receive \u202etroper eht",
        f"{M}: steps[m-receive].title.en: found the invisible character U+202E (right-to-left override)",
        "text that shows as typed",
    ),
    "zero-width-space-escaped-in-a-title": (
        M,
        "nl: Melding ontvangen",
        'nl: "Melding\\u200bontvangen"',
        f"{M}: steps[m-receive].title.nl: found the invisible character U+200B (zero width space)",
        "retype that spot",
    ),
    "byte-order-mark-inside-a-label": (
        "protocol/labels.yml",
        "then: {nl: Daarna, en: Next}",
        "then: {nl: Daarna, en: \ufeffNext}",
        "protocol/labels.yml: then.en: found the invisible character U+FEFF",
        "text that shows as typed",
    ),
    "isolate-in-a-form-label": (
        FORM,
        "label: {nl: Tijd, en: Time}",
        "label: {nl: Tijd, en: \u2066Time\u2069}",
        f"{FORM}: sections[when-where].fields[time].label.en: found the invisible character U+2066",
        "text that shows as typed",
    ),
    "zero-width-joiner-in-the-glossary": (
        "protocol/glossary.yml",
        "term: {nl: zorgcoördinator, en: SEN coordinator}",
        "term: {nl: zorg\u200dcoördinator, en: SEN coordinator}",
        "protocol/glossary.yml: terms.coordinator.term.nl: found the invisible character U+200D",
        "text that shows as typed",
    ),
    "rtl-override-in-a-pages-prose": (
        "docs/en/about.md",
        "# About this protocol\n",
        "# About this protocol\n\nWe \u202eesnopser quickly.\n",
        "docs/en/about.md: line 3, column 4: found the invisible character U+202E (right-to-left override)",
        "text that shows as typed",
    ),
    "template-syntax-in-a-pages-prose": (  # editor review P12: published as typed before
        "docs/en/about.md",
        "# About this protocol\n",
        "# About this protocol\n\nSee {{ config.site_dir }} and `{{ in code }}`.\n",
        "docs/en/about.md: line 3, column 5: found the template syntax '{{'",
        "quote it as `code` to show it",
    ),
    "template-syntax-in-a-body": (
        M,
        "reports bullying, or you see it yourself.",
        "reports bullying {{ config.site_dir }} {{ 7*7 }}, or you see it yourself.",
        f"{M}: steps[m-receive].body[0].en: found the template syntax '{{{{'",
        "placeholders are written {name}",
    ),
    "attr-list-through-doubled-braces-in-a-body": (  # was halved to {: onmouseover=… } before
        M,
        BODY_EN,
        "        en: '*Nadruk*{{: onmouseover=\"alert(7)\" }} Tekst.'",
        f"{M}: steps[m-receive].body[0].en: found the template syntax '{{{{'",
        "placeholders are written {name}",
    ),
    "template-tag-in-a-title": (
        M,
        "en: Receive the report",
        "en: \"{% include '/etc/passwd' %}\"",
        f"{M}: steps[m-receive].title.en: found the template syntax '{{%'",
        "placeholders are written {name}",
    ),
    "school-placeholder-in-the-school-name": (
        S,
        "school_name: ALASCA",
        'school_name: "{school} college"',
        f"{S}: school_name: found the placeholder {{school}}",
        "the words themselves",
    ),
    "office-phone-not-a-phone-number": (
        S,
        "  office_phone: ~ ",
        '  office_phone: "020 1\\"><svg onload=alert(1)>" ',
        f"{S}: reach.office_phone: found",
        "a phone number such as 020 123 45 67",
    ),
    "advisor-email-not-an-address": (
        S,
        ADVISORS,
        '  confidential_advisors: [{name: A. de Vries, email: "a@b.nl\\" onmouseover=x"}]',
        f"{S}: reach.confidential_advisors[0].email: found",
        "an e-mail address such as a.devries@school.nl",
    ),
    "advisor-phone-a-javascript-link": (
        S,
        ADVISORS,
        '  confidential_advisors: [{name: A. de Vries, phone: "javascript:alert(1)"}]',
        f"{S}: reach.confidential_advisors[0].phone: found 'javascript:alert(1)'",
        "a phone number such as 020 123 45 67",
    ),
    "mentor-address-pattern-not-an-address": (
        S,
        "  mentor_email_pattern: ~ ",
        "  mentor_email_pattern: initials surname at school ",
        f"{S}: reach.mentor_email_pattern: found 'initials surname at school'",
        "how a mentor's address is made",
    ),
}


def refused_lines(root: Path) -> list[str]:
    code, lines = check_lines(root)
    assert code == 1, lines
    assert not any("Traceback" in line for line in lines), lines
    return [line for line in lines if not line.endswith("problem(s) found.")]


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_text_that_would_not_show_as_typed_is_refused_with_one_line_saying_what_is_expected(data_copy, case):
    file, old, new, start, expected = CASES[case]
    edit(data_copy / file, old, new)
    [line] = refused_lines(data_copy)
    assert line.startswith(start), line
    assert expected in line.split("; expected ", 1)[1], line
    assert "an id of lowercase letters" not in line


def test_a_doubled_closing_brace_in_a_body_shows_as_typed(data_copy):
    edit(data_copy / M, "reports bullying, or you see it yourself.", "reports bullying }} or you see it yourself.")
    body = load_handbook(data_copy).protocol.node("m-receive").parts[0].text["en"]
    assert "reports bullying }} or you see it yourself." in body


def test_a_form_file_whose_name_is_not_an_id_is_named_as_such(data_copy):
    definitions = data_copy / "forms" / "definitions"
    shutil.copy(definitions / "escalation.yml", definitions / "My Form.yml")
    [line] = refused_lines(data_copy)
    assert line.startswith("forms/definitions/My Form.yml: (file): found the file name 'My Form.yml'; expected a ")
    assert "e.g. incident-report.yml" in line


@pytest.mark.parametrize("name", ["print.css", "fonts/FormSans-Regular.ttf"])
def test_a_forms_file_linked_to_outside_the_project_is_named_by_its_file(data_copy, name):
    path = data_copy / "forms" / name
    path.unlink()
    os.symlink("/etc/passwd", path)
    [line] = refused_lines(data_copy)
    assert line == (  # refused with every link out of the project, before anything is read (generator/symlinks.py)
        f"forms/{name}: (symbolic link): found a link to /etc/passwd, outside the project; "
        "expected a file of the project (copy the file into the project instead of linking to it)"
    )


def test_a_broken_font_and_a_stylesheet_that_is_not_css_are_named_by_their_file(data_copy):
    font = data_copy / "forms" / "fonts" / "FormSans-Bold.ttf"
    font.write_bytes(font.read_bytes()[:1000])
    (data_copy / "forms" / "print.css").write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    lines = refused_lines(data_copy)
    assert [line.split(": found ")[0] for line in lines] == [
        "forms/print.css: line 1, column 32",  # the end: a rule with no { }
        "forms/fonts/FormSans-Bold.ttf: (file)",
    ]
    assert "a CSS syntax error" in lines[0] and "a file that is not a font" in lines[1]
