"""The builder renders only what changed, in parallel, and writes nothing when a form fails."""

from __future__ import annotations

import json

import pytest

from generator.forms import builder, cli
from generator.forms.builder import MANIFEST, FormBuildError, build_forms, output_path
from generator.handbook import load_handbook

ONE = {"langs": ("en",), "form_ids": ["follow-up"], "jobs": 1}


def test_a_build_writes_each_pdf_at_lang_slash_form_id(forms_root, tmp_path):
    out = tmp_path / "out"
    written = build_forms(load_handbook(forms_root), out, **ONE)
    assert written == [out / "en" / "follow-up.pdf"] == [output_path(out, "en", "follow-up")]
    assert "en/follow-up.pdf" in json.loads((out / MANIFEST).read_text())


def test_a_second_build_with_nothing_changed_renders_nothing(forms_root, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build_forms(load_handbook(forms_root), out, **ONE)
    monkeypatch.setattr(builder, "form_pdf", lambda *a: pytest.fail("rendered again"))
    assert build_forms(load_handbook(forms_root), out, **ONE) == []


@pytest.mark.parametrize(
    "change",
    ["forms/print.css", "forms/labels.yml", "forms/definitions/follow-up.yml", "forms/templates/fields.html"],
)
def test_a_changed_input_renders_the_form_again(forms_root, tmp_path, change):
    out = tmp_path / "out"
    build_forms(load_handbook(forms_root), out, **ONE)
    path = forms_root / change
    text = path.read_text(encoding="utf-8")
    if change.endswith(".yml"):
        text = text.replace('en: "Date"', 'en: "Day"', 1).replace("en: Belongs to", "en: Part of")
    else:
        text += "\n/* changed */\n" if change.endswith(".css") else "\n{# changed #}\n"
    path.write_text(text, encoding="utf-8")
    assert build_forms(load_handbook(forms_root), out, **ONE) == [out / "en" / "follow-up.pdf"]


def test_a_deleted_pdf_is_rendered_again(forms_root, tmp_path):
    out = tmp_path / "out"
    build_forms(load_handbook(forms_root), out, **ONE)
    (out / "en" / "follow-up.pdf").unlink()
    assert build_forms(load_handbook(forms_root), out, **ONE) == [out / "en" / "follow-up.pdf"]


def test_a_failing_form_leaves_nothing_written(forms_root, tmp_path, monkeypatch):
    real = builder.form_pdf

    def flaky(handbook, form_id, lang):
        if form_id == "escalation":
            raise RuntimeError("boom")
        return real(handbook, form_id, lang)

    monkeypatch.setattr(builder, "form_pdf", flaky)
    out = tmp_path / "out"
    with pytest.raises(FormBuildError, match="en/escalation: RuntimeError: boom"):
        build_forms(load_handbook(forms_root), out, langs=("en",), form_ids=["follow-up", "escalation"], jobs=1)
    assert not out.exists() or not any(out.rglob("*"))


def test_an_unknown_form_or_language_is_refused_before_rendering(handbook, tmp_path):
    from generator.errors import DataError

    with pytest.raises(DataError, match="--form: found 'nope'"):
        build_forms(handbook, tmp_path, form_ids=["nope"])
    with pytest.raises(DataError, match="--lang: found 'de'"):
        build_forms(handbook, tmp_path, langs=("de",))


def test_the_cli_builds_one_form_and_reports_progress_on_stderr(tmp_path, capsys):
    code = cli.main(["--lang", "en", "--form", "class-agreements", "--out", str(tmp_path), "--jobs", "1"])
    assert code == 0
    assert (tmp_path / "en" / "class-agreements.pdf").is_file()
    assert not (tmp_path / "nl").exists()
    captured = capsys.readouterr()
    assert captured.out == "" and "rendered en/class-agreements.pdf" in captured.err


def test_the_cli_gives_one_line_and_exit_code_1_for_an_unknown_form(tmp_path, capsys):
    assert cli.main(["--form", "nope", "--out", str(tmp_path)]) == cli.EXIT_DATA
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--form: found 'nope'" in err[0]


def test_the_cli_refuses_unknown_options_with_a_usage_exit_code(capsys):
    assert cli.main(["--bogus"]) == cli.EXIT_USAGE
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err


def test_the_cli_reports_bad_form_data_naming_file_and_key(forms_root, tmp_path, capsys):
    path = forms_root / "forms" / "definitions" / "follow-up.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("type: radio", "type: dial", 1), encoding="utf-8")
    code = cli.main(["--root", str(forms_root), "--out", str(tmp_path / "out"), "--quiet"])
    assert code == cli.EXIT_DATA
    assert (
        "forms/definitions/follow-up.yml: sections[how-it-goes].fields[status].type: found 'dial'"
        in capsys.readouterr().err
    )
    assert not (tmp_path / "out").exists()


def test_a_comment_in_a_definition_changes_nothing_and_renders_nothing(forms_root, tmp_path):
    out = tmp_path / "out"
    build_forms(load_handbook(forms_root), out, **ONE)
    path = forms_root / "forms" / "definitions" / "follow-up.yml"
    path.write_text(path.read_text(encoding="utf-8") + "# a note for editors\n", encoding="utf-8")
    assert build_forms(load_handbook(forms_root), out, **ONE) == []
