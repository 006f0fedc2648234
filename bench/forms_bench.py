"""Benchmark of the form generator. Prints figures; asserts nothing about time.

    .venv/bin/python bench/forms_bench.py [--repeat N]

For each form (Dutch): the time of a bare WeasyPrint render of the form's HTML (no repairs),
the time of the finished PDF (render + repairs), their ratio and both sizes. Then the cost of a
full build and of a rebuild when nothing changed, and the median size of the finished forms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.forms.builder import build_forms  # noqa: E402
from generator.forms.document import bare_pdf, form_pdf  # noqa: E402
from generator.handbook import load_handbook  # noqa: E402
from generator.loader import REPO_ROOT  # noqa: E402


def best_of(repeat: int, action) -> tuple[float, bytes]:
    times, result = [], b""
    for _ in range(repeat):
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
    return min(times), result


def main(argv: list[str]) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is shown")
    repeat = args.parse_args(argv).repeat
    handbook = load_handbook(REPO_ROOT)
    bare_pdf(handbook, "follow-up", "nl")  # warm up imports and font loading
    print(f"{'form':24} {'bare ms':>8} {'full ms':>8} {'ratio':>6} {'bare KB':>8} {'full KB':>8}")
    ratios, sizes = [], []
    for form_id in sorted(handbook.forms):
        bare_t, bare = best_of(repeat, lambda f=form_id: bare_pdf(handbook, f, "nl"))
        full_t, full = best_of(repeat, lambda f=form_id: form_pdf(handbook, f, "nl"))
        ratios.append(full_t / bare_t)
        print(
            f"{form_id:24} {bare_t * 1000:8.0f} {full_t * 1000:8.0f} {full_t / bare_t:6.2f}"
            f" {len(bare) / 1024:8.1f} {len(full) / 1024:8.1f}"
        )
    print(f"median ratio full/bare: {statistics.median(ratios):.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        started = time.perf_counter()
        written = build_forms(handbook, out, jobs=2)
        full_build = time.perf_counter() - started
        started = time.perf_counter()
        again = build_forms(handbook, out, jobs=2)
        rebuild = time.perf_counter() - started
        sizes = [p.stat().st_size for p in written]
    print(f"full build, {len(written)} PDFs, 2 processes: {full_build:.2f} s")
    print(
        f"rebuild with nothing changed ({len(again)} rendered): {rebuild * 1000:.0f} ms"
        f" ({rebuild / full_build:.1%} of a full build)"
    )
    print(f"finished PDF size: median {statistics.median(sizes) / 1024:.1f} KB, max {max(sizes) / 1024:.1f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
