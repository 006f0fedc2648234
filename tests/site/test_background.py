"""Under `mkdocs serve` the PDFs are made after the pages, in a background process; `mkdocs build`
makes them before it finishes (generator/site/background.py)."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest

from generator.site import background
from tests.helpers import ROOT


@pytest.fixture
def serving():
    background.set_serving("serve")
    yield
    background.wait()
    background.set_serving("build")


def test_a_build_does_the_work_before_it_returns(tmp_path: Path):
    background.set_serving("build")
    target = tmp_path / "booklet.pdf"
    assert background.run("the booklet", Path.write_text, target, "pdf") is None
    assert target.read_text() == "pdf"


def test_while_serving_the_work_runs_in_another_process_and_is_done_by_wait(tmp_path: Path, serving):
    target = tmp_path / "pid"
    future = background.run("the booklet", _write_pid, target)
    assert future is not None
    background.wait()
    assert int(target.read_text()) != os.getpid()


def test_a_failure_in_the_background_is_logged_with_what_was_being_made(tmp_path: Path, serving, caplog):
    with caplog.at_level(logging.ERROR, logger="mkdocs.plugins.handbook"):
        background.run("the PDF forms", os.remove, str(tmp_path / "missing.pdf"))
        background.wait()
    assert any(
        r.getMessage().startswith("the PDF forms could not be made in the background: ")
        and "missing.pdf" in r.getMessage()
        for r in caplog.records
    )


def test_the_background_work_yields_the_processor_to_the_page_builds(serving):
    future = background.run("the PDF forms", os.nice, 0)  # os.nice(0): the worker's niceness
    assert future.result(timeout=60) > os.nice(0)


def test_while_serving_the_pdfs_are_handed_over_only_once_the_edited_page_is_written(site_copy, serving, monkeypatch):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    if (ROOT / ".cache").is_dir():  # the forms already rendered: what an editor's project has
        shutil.copytree(ROOT / ".cache", site_copy / ".cache", ignore=shutil.ignore_patterns("node"))
    site = site_copy / "served"

    def serve_build():
        build(load_config(str(site_copy / "mkdocs.yml"), site_dir=str(site)), serve_url="http://127.0.0.1:8000/")

    serve_build()  # `mkdocs serve`'s first build
    background.wait()
    mentor = site_copy / "protocol" / "roles" / "mentor.yml"
    text = mentor.read_text(encoding="utf-8")
    assert "nl: Melding ontvangen\n" in text
    mentor.write_text(text.replace("nl: Melding ontvangen\n", "nl: Melding binnengekomen\n", 1), encoding="utf-8")
    handed = []
    page = site / "roles" / "mentor" / "index.html"
    monkeypatch.setattr(background, "run", lambda label, *args: handed.append((label, page.read_text("utf-8"))))
    serve_build()  # the edit
    assert [label for label, _ in handed] == ["the PDF forms", "the booklet", "the booklet"]
    assert all("Melding binnengekomen" in written for _, written in handed)


def _write_pid(target: Path) -> None:
    target.write_text(str(os.getpid()))
