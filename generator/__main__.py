"""Command line: python -m generator check | build | forms [...]"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.check import check_handbook
from generator.errors import DataError
from generator.loader import REPO_ROOT


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(
        prog="python -m generator", description="a school's anti-bullying protocol as a handbook: check, build, forms"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser(
        "check", help="validate protocol/, forms/ and the pages under docs/, as the build does, and exit"
    )
    check.add_argument("--root", default=str(REPO_ROOT), help="the repository root (default: this checkout)")
    check.add_argument("--publish", action="store_true", help="also list what the school must still decide (exit 1)")
    sub.add_parser("forms", help="render the fillable PDF forms (see: forms --help)", add_help=False)
    sub.add_parser("build", help="build the site and put it in place when all of it was made", add_help=False)
    args, rest = parser.parse_known_args(argv)
    if args.command == "build":
        from generator.build import main as build_main

        return build_main(rest)
    if args.command == "forms":
        from generator.forms.cli import main as forms_main

        return forms_main(rest)
    if rest:
        parser.error(f"unrecognised arguments: {' '.join(rest)}")
    try:
        protocol = check_handbook(Path(args.root)).protocol
    except DataError as exc:
        print(exc, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) found.", file=sys.stderr)
        return 1
    steps = sum(len(r.nodes) for r in protocol.roles.values())
    print(f"OK: {len(protocol.roles)} roles, {steps} steps and decisions, {len(protocol.forms)} forms.")
    return publish_check(args.root) if args.publish else 0


def publish_check(root: str) -> int:
    from generator.publish import open_decisions

    lines = open_decisions(root)
    for line in lines:
        print(line, file=sys.stderr)
    if lines:
        print(f"Not ready to publish: {len(lines)} school decision(s) still open.", file=sys.stderr)
        return 1
    print("Ready to publish: every school decision is filled in.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
