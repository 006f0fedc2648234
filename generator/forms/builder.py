"""Build the PDF forms into a folder: in parallel, and only those whose inputs changed.

Each PDF's inputs are hashed: the form's view (its definition, shared labels and the protocol
data it shows), the templates, the stylesheet, the fonts, the generator's code and the installed
packages (generator.fileio.environment). The hashes are kept in <out_dir>/.forms-manifest.json.
Files are written only when every form rendered, each through a temporary file and a rename
(fileio.atomic_write), so an error leaves no half-written PDF behind.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from generator.errors import DataError, Problem
from generator.fileio import atomic_write, digest, environment
from generator.forms.document import form_pdf
from generator.forms.glyphs import glyph_problems
from generator.forms.output import FormBuildError, output_path
from generator.forms.view import form_view
from generator.handbook import Handbook

MANIFEST = ".forms-manifest.json"


def build_forms(
    handbook: Handbook,
    out_dir: Path,
    langs: tuple[str, ...] | None = None,
    form_ids: list[str] | None = None,
    jobs: int | None = None,
    *,
    progress=None,
) -> list[Path]:
    """Render the forms that changed; return the paths of the PDFs written (empty if none changed).

    handbook: the checked data (generator.handbook.load_handbook), read once by the caller.
    progress: optional callable(str) told about each form (the CLI prints it to stderr).
    """
    out_dir = Path(out_dir)
    langs = tuple(langs or handbook.protocol.codes)  # every language of the site unless asked
    _check_request(handbook, langs, form_ids)
    ids = sorted(form_ids) if form_ids else sorted(handbook.forms)
    manifest = _read_manifest(out_dir)
    shared = _shared_digest(handbook)
    todo: list[tuple[str, str, str]] = []
    for lang in langs:
        for form_id in ids:
            key = f"{lang}/{form_id}.pdf"
            digest = _digest(shared, form_view(handbook.forms[form_id], handbook.protocol, handbook.form_labels, lang))
            if manifest.get(key) == digest and output_path(out_dir, lang, form_id).is_file():
                _tell(progress, f"unchanged {key}")
                continue
            todo.append((form_id, lang, digest))
    results = _render_all(handbook, todo, jobs, progress)
    written = []
    for (form_id, lang, digest), data in zip(todo, results, strict=True):
        path = output_path(out_dir, lang, form_id)
        atomic_write(path, data)
        manifest[f"{lang}/{form_id}.pdf"] = digest
        written.append(path)
    if todo:
        atomic_write(out_dir / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True).encode() + b"\n")
    return written


def _render_all(handbook: Handbook, todo, jobs: int | None, progress) -> list[bytes]:
    """Every PDF of todo, in order; FormBuildError listing each failure if any failed."""
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo) or 1))
    tasks = [(handbook, form_id, lang) for form_id, lang, _ in todo]
    if jobs == 1:
        outcomes = [_report(progress, task, _render_one(*task)) for task in tasks]
    else:
        import weasyprint  # noqa: F401  - loaded once here, shared by the forked workers

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(_render_one, *task) for task in tasks]
            outcomes = [_report(progress, task, future.result()) for task, future in zip(tasks, futures, strict=True)]
    failed = [(task[1], task[2], error) for task, (_, error) in zip(tasks, outcomes, strict=True) if error]
    placed = glyph_problems(handbook, failed)  # an emoji in a title: named by its data file and key
    if placed:
        raise DataError(placed)
    failures = [f"{lang}/{form_id}: {error}" for form_id, lang, error in failed]
    if failures:
        raise FormBuildError("\n".join(failures))
    return [data for data, _ in outcomes]


def _report(progress, task, outcome: tuple[bytes, str | None]) -> tuple[bytes, str | None]:
    _tell(progress, f"{'failed' if outcome[1] else 'rendered'} {task[2]}/{task[1]}.pdf")
    return outcome


def _render_one(handbook: Handbook, form_id: str, lang: str) -> tuple[bytes, str | None]:
    try:
        return form_pdf(handbook, form_id, lang), None
    except Exception as error:  # reported for this form; the others still render
        return b"", f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"


def _check_request(handbook: Handbook, langs, form_ids) -> None:
    """The command line's languages and forms exist (the data itself was checked when loaded)."""
    problems = [
        Problem("(command line)", "--lang", repr(lang), "one of " + ", ".join(handbook.protocol.codes))
        for lang in langs
        if lang not in handbook.protocol.codes
    ]
    problems += [
        Problem("(command line)", "--form", repr(form_id), "one of " + ", ".join(sorted(handbook.forms)))
        for form_id in form_ids or ()
        if form_id not in handbook.forms
    ]
    if problems:
        raise DataError(problems)


def _shared_digest(handbook: Handbook) -> str:
    """A hash of what every form depends on: the templates, stylesheet and fonts, and (generator.fileio)
    the generator's code (this package, the fetcher, the model), the WeasyPrint and pikepdf versions."""
    forms = handbook.forms_dir
    return digest([environment(), forms / "templates", forms / "fonts", forms / "print.css"])


def _digest(shared: str, view: dict) -> str:
    text = json.dumps(view, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256((shared + text).encode()).hexdigest()


def _read_manifest(out_dir: Path) -> dict[str, str]:
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _tell(progress, message: str) -> None:
    if progress:
        progress(message)


if __name__ == "__main__":  # pragma: no cover
    sys.exit("use: python -m generator forms")
