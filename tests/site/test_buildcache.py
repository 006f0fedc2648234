"""The checked data and filled pages are reused while none of their inputs changed
(generator/site/buildcache.py), and computed anew as soon as any input changes."""

from __future__ import annotations

import pytest

from generator.errors import DataError, Problem
from generator.site.buildcache import KEEP, cached


@pytest.fixture
def project(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.yml").write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "page.md").write_text("# A\n", encoding="utf-8")
    return tmp_path


def run(project, calls, *extra):
    def compute():
        calls.append(1)
        return {"filled": (project / "page.md").read_text(encoding="utf-8")}

    return cached("checked", project / ".cache", [project / "data", project / "page.md"], compute, *extra)


def test_the_second_build_with_nothing_changed_reuses_the_result(project):
    calls = []
    first = run(project, calls)
    assert run(project, calls) == first and len(calls) == 1


@pytest.mark.parametrize("changed", ["data/a.yml", "page.md", "data/new.yml"])
def test_any_changed_or_added_input_file_computes_anew(project, changed):
    calls = []
    run(project, calls)
    (project / changed).write_text("# changed\n", encoding="utf-8")
    result = run(project, calls)
    assert len(calls) == 2
    assert result["filled"] == (project / "page.md").read_text(encoding="utf-8")


def test_old_entries_are_removed_and_the_latest_few_stay(project):
    calls = []
    for n in range(KEEP + 3):
        (project / "page.md").write_text(f"# {n}\n", encoding="utf-8")
        run(project, calls)
    assert len(list((project / ".cache").glob("checked-*.pickle"))) == KEEP


def test_the_site_and_the_offline_build_each_keep_their_entry(project):
    calls = []
    for _ in range(2):
        run(project, calls, True)  # use_directory_urls: the site
        run(project, calls, False)  # the offline build
    assert len(calls) == 2


def test_a_failing_check_stores_nothing_and_fails_again(project):
    def broken():
        raise DataError([Problem("data/a.yml", "a", "1", "a text")])

    for _ in range(2):
        with pytest.raises(DataError):
            cached("checked", project / ".cache", [project / "data"], broken)
    assert not list((project / ".cache").glob("*.pickle"))


def test_an_undone_edit_renders_the_forms_again(tmp_path, monkeypatch):
    """The forms' marker says which inputs the PDFs in .cache/forms were made from: only the latest.
    Editing a form and undoing the edit must render it again, or the edited PDF would stay."""
    from types import SimpleNamespace

    from generator.site import forms

    template = tmp_path / "forms" / "templates" / "fields.html"
    template.parent.mkdir(parents=True)
    renders = []
    monkeypatch.setattr(forms, "render_all", lambda handbook: renders.append(template.read_text(encoding="utf-8")))
    handbook = SimpleNamespace(root=tmp_path)
    for text in ("<th>Wanneer</th>", "<th>Wanneer (dd-mm-jjjj)</th>", "<th>Wanneer</th>"):  # edit, then undo
        template.write_text(text, encoding="utf-8")
        forms.render_changed(handbook, [tmp_path / "forms"], [])
    forms.render_changed(handbook, [tmp_path / "forms"], [])  # nothing changed now
    assert renders == ["<th>Wanneer</th>", "<th>Wanneer (dd-mm-jjjj)</th>", "<th>Wanneer</th>"]
