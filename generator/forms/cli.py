"""python -m generator forms [--lang nl|en] [--form ID] [--out DIR] [--jobs N]"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from generator.errors import DataError
from generator.forms.builder import FormBuildError, build_forms

EXIT_OK, EXIT_DATA, EXIT_RENDER, EXIT_USAGE = 0, 1, 2, 64


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m generator forms",
        description="Render the fillable PDF forms. Only forms whose inputs changed are rendered again.",
    )
    p.add_argument("--lang", action="append", help="a language of protocol/settings.yml (default: all); may repeat")
    p.add_argument("--form", action="append", metavar="ID", help="a form id (default: all); may repeat")
    p.add_argument("--out", default="site/forms", metavar="DIR", help="output folder (default: site/forms)")
    p.add_argument("--jobs", type=int, default=None, metavar="N", help="parallel processes (default: CPU count)")
    p.add_argument("--root", default=None, help="the repository root (default: this checkout)")
    p.add_argument("--quiet", action="store_true", help="print only errors")
    return p


def main(argv: list[str]) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as exit_:  # argparse has printed its one-line message
        return EXIT_OK if exit_.code == 0 else EXIT_USAGE
    from generator.handbook import load_handbook
    from generator.loader import REPO_ROOT

    root = Path(args.root) if args.root else REPO_ROOT
    say = (lambda message: None) if args.quiet else (lambda message: print(message, file=sys.stderr))
    started = time.perf_counter()
    try:
        written = build_forms(
            load_handbook(root),
            Path(args.out),
            langs=tuple(args.lang or ()),
            form_ids=args.form,
            jobs=args.jobs,
            progress=say,
        )
    except DataError as error:
        print(error, file=sys.stderr)
        return EXIT_DATA
    except FormBuildError as error:
        print(f"forms: nothing written; these forms failed:\n{error}", file=sys.stderr)
        return EXIT_RENDER
    say(f"forms: {len(written)} PDF(s) written to {args.out} in {time.perf_counter() - started:.1f} s")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
