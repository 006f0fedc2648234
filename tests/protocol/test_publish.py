"""`python -m generator check --publish`: one line per open school decision, non-zero while any is open."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import publish
from generator.__main__ import main
from generator.schema import OPEN_TEXTS
from tests.conftest import ROOT


@pytest.fixture
def repo_copy(data_copy: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", data_copy / "mkdocs.yml")
    return data_copy


def fill_in_everything(root: Path) -> None:
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("http://127.0.0.1:8000/", "https://pestprotocol.example.org/")
    )
    settings = root / "protocol/settings.yml"
    text = settings.read_text(encoding="utf-8")
    for key in (*OPEN_TEXTS, "adopted_by"):
        text = text.replace(f"\n{key}: ~", f"\n{key}: {{nl: iets, en: something}}")
    text = text.replace("\nnotes_per_student: ~", "\nnotes_per_student: false")
    text = text.replace("\nversion: ~", '\nversion: "2.0"').replace(
        "\neditor_email: ~", "\neditor_email: a@example.org"
    )
    reach = {  # how parents and students reach the school (issue 9)
        "office_phone": '"020 123 45 67"',
        "mentor_email_pattern": "initials.surname@example.org",
        "confidential_advisors": "[{name: A. de Vries}]",
        "parents_may_write_english": "true",
    }
    for key, value in reach.items():
        text = text.replace(f"\n  {key}: ~", f"\n  {key}: {value}")
    text = text.replace("\nadopted_on: ~", "\nadopted_on: 2027-01-10").replace(
        "\nnext_review: ~", "\nnext_review: 2028-01-10"
    )
    settings.write_text(text, encoding="utf-8")


def test_the_publish_check_lists_every_open_decision_one_line_each_and_fails(repo_copy, capsys):
    assert main(["check", "--root", str(repo_copy), "--publish"]) == 1
    err = capsys.readouterr().err.splitlines()
    keys = [line.split(": ")[1] for line in err if ": still open" in line]
    assert keys[:2] == ["site_url", "editor_email"]
    for key in ("complaints", "retention", "records_access", "version", "adopted_by", "adopted_on", "next_review"):
        assert key in keys
    assert err[-1].startswith("Not ready to publish:")
    assert "mkdocs.yml: site_url: still open, found 'http://127.0.0.1:8000/'" in err[0]


def test_the_publish_check_passes_once_the_school_has_filled_everything_in(repo_copy, capsys):
    fill_in_everything(repo_copy)
    assert main(["check", "--root", str(repo_copy), "--publish"]) == 0, capsys.readouterr().err
    assert "Ready to publish" in capsys.readouterr().out


def test_the_plain_check_does_not_fail_on_open_decisions(repo_copy):
    assert main(["check", "--root", str(repo_copy)]) == 0


@pytest.mark.parametrize(
    ("url", "is_open"),
    [
        ("http://127.0.0.1:8000/", True),
        ("http://localhost/", True),
        ("http://[::1]/", True),
        ("", True),
        ("https://pestprotocol.alasca.nl/", False),
    ],
)
def test_a_site_address_on_this_machine_is_open(url, is_open):
    assert publish._local_address(url) is is_open


def test_another_module_can_register_a_setting_of_its_own(repo_copy, monkeypatch):
    monkeypatch.setattr(publish, "REGISTRY", list(publish.REGISTRY))
    fill_in_everything(repo_copy)
    publish.register("protocol/settings.yml", "contacts.phone", "the school's phone number")
    assert publish.open_decisions(repo_copy) == [
        "protocol/settings.yml: contacts.phone: still open, found nothing; expected the school's phone number"
    ]


def test_a_school_that_inherits_the_products_settings_is_told_the_address_it_inherits():
    """examples/wilgenhof/mkdocs.yml has no site_url of its own (INHERIT: ../../mkdocs.yml): the
    open decision shows the inherited local address, as MkDocs reads it, not "found nothing"."""
    lines = [line for line in publish.open_decisions(str(ROOT / "examples" / "wilgenhof")) if "site_url" in line]
    assert lines == [
        "mkdocs.yml: site_url: still open, found 'http://127.0.0.1:8000/'; "
        "expected the address where the handbook will be published"
    ]
