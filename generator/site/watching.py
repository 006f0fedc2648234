"""`mkdocs serve` told of a saved file at once, instead of on its next look.

MkDocs watches the project with watchdog's PollingObserver: every half second it lists every
watched folder and compares file times, so a saved file waits 0.25 s on average (up to 0.5 s) and
the walk itself takes its time, before the rebuild starts. MkDocs chose polling because it works
everywhere (network shares, some containers). On Linux, watchdog's default observer uses inotify:
the kernel reports a write as it happens. `use_native_observer` moves the server's watches to that
observer when the system gives one; where it does not (no inotify, its limit reached), polling
stays, as MkDocs has it. inotify also reports every read (opened, closed without writing), and a
build reads every watched file: only changes are asked for (a file created, written, deleted or
moved, as polling finds them), or each build would start the next.

The move uses the server's own `watch()` (so each watch has MkDocs's own handler) and its two
bookkeeping dicts; tests/site/test_watching.py runs it against MkDocs's real LiveReloadServer, so an
MkDocs release that changes them fails there, not silently while someone edits.
"""

from __future__ import annotations

import logging

log = logging.getLogger("mkdocs.plugins.handbook")


def _changes_only(observer_class):
    from watchdog.events import FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent

    changes = [FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent]

    class ChangesOnly(observer_class):
        """The observer, reporting only what changes a file (MkDocs asks for every event)."""

        def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
            return super().schedule(
                event_handler,
                path,
                recursive=recursive,
                event_filter=event_filter or changes,
                follow_symlink=follow_symlink,
            )

    return ChangesOnly


def use_native_observer(server) -> bool:
    """Move every watch of a not yet started LiveReloadServer to the system's own file observer.
    True when it moved; False (polling kept) when the system has none or refuses one."""
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    if Observer is PollingObserver or isinstance(server.observer, Observer) or server.observer.is_alive():
        return False
    polling = server.observer
    watched = dict(server._watched_paths)  # path -> how many asked to watch it
    refs = dict(server._watch_refs)  # path -> its watch in the polling observer
    server.observer = _changes_only(Observer)()
    server._watched_paths.clear()
    server._watch_refs.clear()
    try:
        for path in watched:
            server.watch(path)  # MkDocs's own handler: asks for a rebuild on any file's change
    except OSError as exc:  # no inotify instance left, for one
        log.info(f"Watching for changes by polling ({exc})")
        server.observer.unschedule_all()
        server.observer = polling
        server._watched_paths.clear()
        server._watched_paths.update(watched)
        server._watch_refs.clear()
        server._watch_refs.update(refs)
        return False
    server._watched_paths.update(watched)
    polling.unschedule_all()
    return True
