"""`make bench`: the handbook beside a bare Material + mkdocs-static-i18n build of the same Markdown,
measured in the same run: build CPU time, page weight (gzip and raw), Lighthouse, form render time
and size, each with its target. Prints figures and which targets are met; asserts nothing.

    .venv/bin/python -m bench [--skip-forms] [--skip-weight] [--skip-lighthouse] [--skip-serve]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from bench import builds, lighthouse, server, weight
from generator.site.compress import compress_site

TARGET_REBUILD_RATIO = 1.3
REBUILD_ROUNDS = 5
TARGET_FORM_KB = 100.0
TARGET_SERVE_SECONDS = 2.0
SERVE_TURNS = 3
ROBOTO_KIB = 50.0  # bare Material asks Google Fonts for Roboto: a font counts only up to this
TARGET_LIGHTHOUSE = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
LIGHTHOUSE_PAGES = ("/", "/roles/mentor/")

met: list[tuple[str, bool]] = []


def target(name: str, ok: bool) -> str:
    met.append((name, ok))
    return "ok" if ok else "MISSED"


def section(title: str) -> None:
    print(f"\n== {title}")


def row(label: str, seconds: float) -> None:
    print(f"{label:72} {seconds:6.2f} s CPU")


def kib(n: int | float) -> str:
    return f"{n / 1024:6.1f}"


def report_builds(scratch: Path) -> tuple[builds.Timings, builds.Timings]:
    section(f"(a) builds: CPU seconds (user + sys) of each `mkdocs build --strict` process ({os.cpu_count()} cores)")
    ours = builds.handbook(scratch)
    bare = builds.bare(scratch)
    both = builds.bare(scratch, bilingual=True)
    published = builds.bare(scratch, published=True)
    builds.rebuild_rounds([ours, both, published, bare], REBUILD_ROUNDS)
    pdfs = list(ours.site.rglob("*.pdf"))
    sources, filled = both.markdown / 1024, published.markdown / 1024
    row(f"handbook, clean full build (nl + en, {len(pdfs)} PDFs: forms and booklets)", ours.clean)
    row(f"bare Material + i18n, the pages' sources (nl + en, {sources:.0f} KiB Markdown), no hooks", both.clean)
    row(f"bare Material + i18n + extensions, the published Markdown ({filled:.0f} KiB)", published.clean)
    row("bare Material, one language (nl), no hooks/i18n", bare.clean)
    print(f"  ratio clean/bare: {ours.clean / both.clean:5.2f}x (nl + en), {ours.clean / bare.clean:5.2f}x (nl only)")
    print(f"  rebuilds with nothing changed: median of {REBUILD_ROUNDS} runs each, the four builds taking turns")
    row("handbook, rebuild", ours.rebuild)
    row("bare Material + i18n, the pages' sources, rebuild", both.rebuild)
    row("bare Material + i18n + extensions, the published Markdown, rebuild", published.rebuild)
    row("bare Material, one language (nl), rebuild", bare.rebuild)
    ratio = ours.rebuild / published.rebuild
    print(
        f"  ratio rebuild/bare: {ratio:5.2f}x against the published Markdown (what the hooks cost);"
        f" {ours.rebuild / both.rebuild:5.2f}x against the sources, whose markers stay unfilled"
        f" ({filled / max(sources, 1):.0f}x less Markdown: hooks + content)"
    )
    print(
        f"  target: <= {TARGET_REBUILD_RATIO}x the bare build of the same Markdown"
        f" -> {target('no-change rebuild CPU <= 1.3x bare (same Markdown)', ratio <= TARGET_REBUILD_RATIO)}"
    )
    return ours, both


def report_forms() -> None:
    section("(b) form rendering against bare WeasyPrint (bench/forms_bench.py)")
    from bench import forms_bench

    forms_bench.main(["--repeat", "3"])


def counted(w: weight.Weight) -> int:
    """A page's gzip bytes with its font credited up to what bare's Roboto from Google would weigh."""
    return w.total.gzip - min(w.font.gzip, int(ROBOTO_KIB * 1024))


def report_weight(ours: builds.Timings, bare: builds.Timings) -> None:
    section("(c) page weight: every request of a page, phone, empty cache, precompressed .gz (bench/server.py)")
    ours_w = weight.weigh(ours.site, weight.page_paths(ours.site))
    bare_w = weight.weigh(bare.site, weight.page_paths(bare.site))
    print(f"{'KiB, gzip / raw':34} {'requests':>8} {'total':>15} {'page HTML':>15} {'search':>15} {'font':>15}")
    heaviest = max(ours_w.values(), key=counted)
    bare_heaviest = max(bare_w.values(), key=lambda w: w.total.gzip)
    for name, w in (
        (f"handbook heaviest {heaviest.path}", heaviest),
        (f"bare, same page {heaviest.path}", bare_w.get(heaviest.path)),
        (f"bare heaviest {bare_heaviest.path}", bare_heaviest),
    ):
        if w is None:
            continue
        parts = (w.total, w.page, w.index, w.font)
        print(f"{name:34} {w.requests:8}" + "".join(f" {kib(p.gzip)} /{kib(p.raw)}" for p in parts))
    print(
        f"  bare's Roboto request (blocked here) is credited: our font counts only above {ROBOTO_KIB:.0f} KiB."
        f" Heaviest page {heaviest.total.gzip / 1024:.1f} KiB gzip, counted {counted(heaviest) / 1024:.1f} KiB;"
        f" bare's heaviest {bare_heaviest.total.gzip / 1024:.1f} KiB"
    )
    ok = counted(heaviest) <= bare_heaviest.total.gzip
    print(f"  target: heaviest page (gzip) <= bare's heaviest page -> {target('heaviest page <= bare', ok)}")
    pairs = [(w, bare_w[path]) for path, w in ours_w.items() if path in bare_w]
    heavier = [(w, b) for w, b in pairs if counted(w) > b.total.gzip]
    ratios_gz = [counted(w) / b.total.gzip for w, b in pairs]
    ratios_raw = [w.total.raw / b.total.raw for w, b in pairs]
    print(
        f"  every page against its bare page: median {statistics.median(ratios_gz):.2f}x gzip,"
        f" {statistics.median(ratios_raw):.2f}x raw; heavier (gzip, font credited): {len(heavier)} of {len(pairs)}"
    )
    for w, b in sorted(heavier, key=lambda pair: -counted(pair[0]))[:8]:
        print(f"    {w.path} {counted(w) / 1024:.1f} KiB > {b.total.gzip / 1024:.1f} KiB")
    asked = [w.path for w in ours_w.values() if w.index.raw]
    print(f"  handbook pages that load search on page load: {len(asked)} of {len(ours_w)}")


def median_scores(url: str, runs: int) -> tuple[dict[str, int], list[str]]:
    """Each category's median over several runs (Lighthouse's own advice on a busy machine), and
    the audits that lost points in at least half of the runs."""
    results = [lighthouse.scores(url) for _ in range(runs)]
    found = {c: round(statistics.median(r[0][c] for r in results)) for c in lighthouse.CATEGORIES}
    lost = sorted({a for r in results for a in r[1] if sum(a in o[1] for o in results) * 2 >= runs})
    return found, lost


def report_lighthouse(ours: builds.Timings, bare: builds.Timings, runs: int) -> None:
    section(f"(d) Lighthouse, mobile (its default), median of {runs} runs, served by bench/server.py on 127.0.0.1")
    if not lighthouse.available():
        print(f"lighthouse is not in {lighthouse.CLI.parent.parent}: run scripts/fetch-node-tools lighthouse")
        met.append(("Lighthouse", False))
        return
    names = " ".join(f"{name[:13]:>13}" for name in lighthouse.CATEGORIES)
    print(f"{'':34} {names}   lost points on")
    for label, site in (("handbook", ours.site), ("bare Material + i18n", bare.site)):
        srv, base = server.serve(site)
        try:
            for path in LIGHTHOUSE_PAGES:
                found, lost = median_scores(base + path, runs)
                print(f"{label + ' ' + path:34} " + " ".join(f"{found[c]:13}" for c in lighthouse.CATEGORIES), end="")
                print(f"   {', '.join(lost) or '-'}")
                if label == "handbook":
                    ok = all(found[c] >= t for c, t in TARGET_LIGHTHOUSE.items())
                    target(f"Lighthouse {path} perf >= 95, others 100", ok)
        finally:
            server.stop(srv)
    print("  target: performance >= 95; accessibility, best practices and SEO 100 (home and mentor page)")


def report_form_sizes(ours: builds.Timings) -> None:
    section("(e) form size (every form PDF of the site, both languages)")
    forms = list(ours.site.rglob("forms/*.pdf"))
    if not forms:
        print("no form PDFs in the site")
        return
    sizes = sorted(p.stat().st_size / 1024 for p in forms)
    ok = sizes[-1] <= TARGET_FORM_KB
    print(
        f"{len(forms)} forms: median {statistics.median(sizes):.1f} KB, largest {sizes[-1]:.1f} KB"
        f"   target: <= {TARGET_FORM_KB:.0f} KB -> {target('form PDF <= 100 KB', ok)}"
    )


def report_serve(scratch: Path) -> None:
    section("(f) `make serve`: from saving a file to the served page showing the change (bench/serve.py)")
    from bench import serve

    print(f"{'':58} {'each turn':>22}   slowest")
    for label, turns in serve.measure(scratch, SERVE_TURNS):
        shown = " ".join("  none" if s is None else f"{s:6.2f}" for s in turns)
        slowest = None if None in turns else max(turns)
        ok = slowest is not None and slowest <= TARGET_SERVE_SECONDS
        print(
            f"{label:58} {shown:>22}   {'not shown' if slowest is None else f'{slowest:.2f} s'}"
            f"   target: slowest <= {TARGET_SERVE_SECONDS:.0f} s -> {target(f'serve: {label}', ok)}"
        )
    print("  the changed forms and the booklet follow in the background (generator/site/background.py)")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-forms", action="store_true", help="leave out (b), the per-form timings")
    parser.add_argument("--skip-weight", action="store_true", help="leave out (c), the page weights")
    parser.add_argument("--skip-lighthouse", action="store_true", help="leave out (d), Lighthouse")
    parser.add_argument("--skip-serve", action="store_true", help="leave out (f), the edit-to-page time")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page (median shown)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as tmp:
        ours, bare = report_builds(Path(tmp))
        for site in (ours.site, bare.site):
            compress_site(site)  # what `make build` adds; both sites are served the same way
        if not args.skip_forms:
            report_forms()
        if not args.skip_weight:
            report_weight(ours, bare)
        if not args.skip_lighthouse:
            report_lighthouse(ours, bare, args.lighthouse_runs)
        report_form_sizes(ours)
        if not args.skip_serve:
            (Path(tmp) / "serve").mkdir()
            report_serve(Path(tmp) / "serve")
    section("targets")
    for name, ok in met:
        print(f"  {'met   ' if ok else 'MISSED'} {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
