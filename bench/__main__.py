"""`make bench`: the handbook's build time, form render time, page weight and form size, each beside
bare Material / bare WeasyPrint and the target. Prints figures; asserts nothing.

    .venv/bin/python -m bench [--skip-forms] [--skip-weight]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from bench import builds, weight

TARGET_REBUILD_RATIO = 1.3
TARGET_CLEAN_SECONDS = 10.0
TARGET_FORM_KB = 100.0


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def section(title: str) -> None:
    print(f"\n== {title}")


def row(label: str, seconds: float) -> None:
    print(f"{label:72} {seconds:6.2f} s")


def report_builds(scratch: Path) -> builds.Timings:
    section(f"(a) builds ({os.cpu_count()} cores; each build a new `mkdocs build --strict` process)")
    ours = builds.handbook(scratch)
    bare = builds.bare(scratch)
    both = builds.bare(scratch, bilingual=True)
    pdfs = list(ours.site.rglob("*.pdf"))
    row(f"handbook, clean full build (nl + en, {len(pdfs)} PDFs: forms and booklets)", ours.clean)
    row("bare Material + i18n, the same Markdown (nl + en), no hooks", both.clean)
    row("bare Material, one language (nl), no hooks/i18n", bare.clean)
    ok = ours.clean < TARGET_CLEAN_SECONDS
    print(
        f"  ratio clean/bare: {ours.clean / both.clean:5.2f}x (nl + en), {ours.clean / bare.clean:5.2f}x (nl only);"
        f" target: clean build < 10 s on 2 cores -> {verdict(ok)}"
    )
    row("handbook, rebuild with nothing changed", ours.rebuild)
    row("bare Material + i18n (nl + en), rebuild (median of 2)", both.rebuild)
    row("bare Material, one language (nl), rebuild (median of 2)", bare.rebuild)
    ratio = ours.rebuild / both.rebuild
    ok = ratio <= TARGET_REBUILD_RATIO
    print(
        f"  ratio rebuild/bare: {ratio:5.2f}x (nl + en), {ours.rebuild / bare.rebuild:5.2f}x (nl only);"
        f" target: <= {TARGET_REBUILD_RATIO}x against the same Markdown -> {verdict(ok)}"
    )
    ours.bare_site = bare.site  # for the page weights
    return ours


def report_forms() -> None:
    section("(b) form rendering against bare WeasyPrint (bench/forms_bench.py)")
    try:
        from bench import forms_bench
    except ImportError as exc:
        print(f"bench/forms_bench.py is missing or broken ({exc}): no form timings")
        return
    forms_bench.main(["--repeat", "3"])


def report_weight(ours: builds.Timings) -> None:
    section("(c) bytes transferred per page (headless Chromium, empty cache, every response body)")
    our_pages = weight.weigh(ours.site, weight.page_paths(ours.site))
    bare_pages = {w.path: w for w in weight.weigh(ours.bare_site, weight.page_paths(ours.bare_site))}
    heaviest = max(our_pages, key=lambda w: w.bytes)
    bare_heaviest = max(bare_pages.values(), key=lambda w: w.bytes)
    counterpart = bare_pages.get(heaviest.path.removeprefix("/en"), bare_heaviest)
    print(
        f"heaviest handbook page: {heaviest.path}  {heaviest.bytes / 1024:7.1f} KB in {heaviest.requests} requests"
        f" ({heaviest.external} to other sites)"
    )
    print(
        f"bare Material, same page: {counterpart.path}  {counterpart.bytes / 1024:7.1f} KB"
        f" in {counterpart.requests} requests (+{counterpart.external} to other sites, blocked: Google Fonts)"
    )
    print(f"bare Material, heaviest page: {bare_heaviest.path}  {bare_heaviest.bytes / 1024:7.1f} KB")
    print("  of which (KB)               page HTML  search index  styles+scripts+fonts")
    for name, w in (("handbook", heaviest), ("bare Material", counterpart)):
        print(f"  {name:26} {w.page / 1024:10.1f} {w.index / 1024:13.1f} {w.theme / 1024:21.1f}")
    heavier = []
    for w in our_pages:
        bare = bare_pages.get(w.path.removeprefix("/en"))
        if bare and w.bytes > bare.bytes:
            heavier.append(f"{w.path} {w.bytes / 1024:.1f} KB > {bare.bytes / 1024:.1f} KB")
    ratios = [
        w.bytes / bare_pages[w.path.removeprefix("/en")].bytes
        for w in our_pages
        if w.path.removeprefix("/en") in bare_pages
    ]
    print(
        f"  pages heavier than their bare Material page: {len(heavier)} of {len(our_pages)}"
        f" (median ratio {statistics.median(ratios):.2f}x)   target: none -> {verdict(not heavier)}"
    )
    for line in heavier[:10]:
        print(f"    {line}")


def report_form_sizes(ours: builds.Timings) -> None:
    section("(d) form size (every form PDF of the site, both languages)")
    forms = [p for p in ours.site.rglob("forms/*.pdf")]
    if not forms:
        print("no form PDFs in the site")
        return
    sizes = sorted(p.stat().st_size / 1024 for p in forms)
    print(
        f"{len(forms)} forms: median {statistics.median(sizes):.1f} KB, largest {sizes[-1]:.1f} KB"
        f"   target: <= {TARGET_FORM_KB:.0f} KB -> {verdict(sizes[-1] <= TARGET_FORM_KB)}"
    )
    booklets = [p for p in ours.site.rglob("*.pdf") if p not in forms]
    for booklet in booklets:
        print(f"booklet {booklet.relative_to(ours.site)}: {booklet.stat().st_size / 1024:.1f} KB")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-forms", action="store_true", help="leave out (b), the per-form timings")
    parser.add_argument("--skip-weight", action="store_true", help="leave out (c), the page weights")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as tmp:
        ours = report_builds(Path(tmp))
        if not args.skip_forms:
            report_forms()
        if not args.skip_weight:
            report_weight(ours)
        report_form_sizes(ours)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
