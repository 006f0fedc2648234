"""Under `mkdocs serve` a saved file is reported at once by the system's file observer (inotify),
not found by polling, and a build reading the watched files does not start another build
(generator/site/watching.py). Run against MkDocs's own LiveReloadServer."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from generator.site import watching


def watched(observer) -> set[Path]:
    return {Path(emitter.watch.raw_path) for emitter in observer.emitters}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    return tmp_path


@pytest.fixture
def server(project: Path):
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(project))
    server.watch(str(project / "docs"))
    server.watch(str(project / "mkdocs.yml"), recursive=False)
    yield server
    server.observer.stop()
    if server.observer.is_alive():
        server.observer.join()


def rebuild_asked(server, within: float) -> bool:
    with server._rebuild_cond:
        return server._rebuild_cond.wait_for(lambda: server._want_rebuild, timeout=within)


def test_the_watches_move_to_the_native_observer_and_polling_stops(server, project):
    polling = server.observer
    assert isinstance(polling, PollingObserver)
    assert watching.use_native_observer(server) is True
    assert isinstance(server.observer, Observer) and not isinstance(server.observer, PollingObserver)
    assert watched(server.observer) == {project / "docs", project / "mkdocs.yml"}
    assert not polling.emitters
    assert watching.use_native_observer(server) is False  # once


def test_a_saved_page_asks_for_a_rebuild_within_a_fraction_of_a_second(server, project):
    watching.use_native_observer(server)
    server.observer.start()
    time.sleep(0.2)
    started = time.monotonic()
    (project / "docs" / "index.md").write_text("# Start, changed\n", encoding="utf-8")
    assert rebuild_asked(server, within=5)
    assert time.monotonic() - started < 2  # polling would take up to 0.5 s plus its walk; inotify: at once


def test_reading_the_watched_files_as_a_build_does_asks_for_no_rebuild(server, project):
    watching.use_native_observer(server)
    server.observer.start()
    time.sleep(0.2)
    for _ in range(3):
        (project / "docs" / "index.md").read_text(encoding="utf-8")
        (project / "mkdocs.yml").read_bytes()
    assert not rebuild_asked(server, within=1.0)


def test_a_file_saved_by_rename_as_editors_do_asks_for_a_rebuild(server, project):
    watching.use_native_observer(server)
    server.observer.start()
    time.sleep(0.2)
    temporary = project / "docs" / ".index.md.swp"
    temporary.write_text("# Start, saved by an editor\n", encoding="utf-8")
    with server._rebuild_cond:
        server._want_rebuild = False  # only the rename counts here
    temporary.replace(project / "docs" / "index.md")
    assert rebuild_asked(server, within=5)


def test_when_the_system_refuses_an_observer_polling_stays_with_every_watch(server, project, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise OSError(24, "inotify instance limit reached")

    monkeypatch.setattr(Observer, "schedule", refuse)
    polling = server.observer
    assert watching.use_native_observer(server) is False
    assert server.observer is polling
    assert watched(polling) == {project / "docs", project / "mkdocs.yml"}
    assert set(server._watched_paths) == {str(project / "docs"), str(project / "mkdocs.yml")}
