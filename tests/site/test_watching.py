"""Under `mkdocs serve` a saved file is reported at once by the system's file observer (inotify),
not found by polling, and a build reading the watched files does not start another build
(generator/site/watching.py). Run against MkDocs's own LiveReloadServer."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer
from watchdog.observers import Observer
from watchdog.observers.polling import PollingEmitter, PollingObserver

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


WAIT = 60  # seconds: only how long to wait for what must come before failing, never a measurement


class Events:
    """Every file event the server's observer reports, as (kind, path), in the order each watch reports them."""

    def __init__(self) -> None:
        self.events: list[tuple[str, str]] = []
        self.changed = threading.Condition()

    def dispatch(self, event) -> None:
        if not event.is_directory:
            with self.changed:
                self.events.append((event.event_type, event.src_path))
                self.changed.notify_all()

    def wait_for(self, done) -> bool:
        with self.changed:
            return self.changed.wait_for(lambda: done(self.events), timeout=WAIT)


def record_events(server) -> Events:
    """Events beside MkDocs's own handler, on the same watches (so with the same filter)."""
    events = Events()
    for watch in server._watch_refs.values():
        server.observer.add_handler_for_watch(events, watch)
    return events


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


def test_a_saved_page_is_reported_by_the_kernel_and_asks_for_a_rebuild(server, project):
    watching.use_native_observer(server)
    server.observer.start()  # the watches are in place when start() returns (watchdog adds them first)
    emitters = server.observer.emitters
    assert emitters and not any(isinstance(e, PollingEmitter) for e in emitters)  # told by the kernel, not polled
    (project / "docs" / "index.md").write_text("# Start, changed\n", encoding="utf-8")
    assert rebuild_asked(server, within=WAIT)


def test_reading_the_watched_files_as_a_build_does_asks_for_no_rebuild(server, project):
    watching.use_native_observer(server)
    seen = record_events(server)
    server.observer.start()
    for _ in range(3):
        (project / "docs" / "index.md").read_text(encoding="utf-8")
        (project / "mkdocs.yml").read_bytes()
    # Then a change in each watch. A watch reports its events in order, so once both changes are
    # reported, whatever the reads caused has been reported before them: no wait for a quiet period.
    (project / "docs" / "index.md").write_text("# Start, changed\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text("site_name: y\n", encoding="utf-8")
    changed = {str(project / "docs" / "index.md"), str(project / "mkdocs.yml")}
    assert seen.wait_for(lambda events: changed <= {path for _, path in events}), seen.events
    assert {kind for kind, _ in seen.events} <= {"modified", "created"}, seen.events  # no 'opened', 'closed_no_write'


def test_a_file_saved_by_rename_as_editors_do_asks_for_a_rebuild(server, project):
    watching.use_native_observer(server)
    server.observer.start()
    temporary = project / "docs" / ".index.md.swp"
    temporary.write_text("# Start, saved by an editor\n", encoding="utf-8")
    with server._rebuild_cond:
        server._want_rebuild = False  # only the rename counts here
    temporary.replace(project / "docs" / "index.md")
    assert rebuild_asked(server, within=WAIT)


def test_when_the_system_refuses_an_observer_polling_stays_with_every_watch(server, project, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise OSError(24, "inotify instance limit reached")

    monkeypatch.setattr(Observer, "schedule", refuse)
    polling = server.observer
    assert watching.use_native_observer(server) is False
    assert server.observer is polling
    assert watched(polling) == {project / "docs", project / "mkdocs.yml"}
    assert set(server._watched_paths) == {str(project / "docs"), str(project / "mkdocs.yml")}
