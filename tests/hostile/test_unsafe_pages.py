"""What the editor writes in a page, and a symbolic link in the inputs, cannot put script, an
outside request or an outside file on the site: each unsafe case of the editor review
(reviews/editor-2026-12-07.md, P01–P06, P15, P18, S01, S02, S03, S07) and the privacy cases of
issue 18 (a video embed, a web-statistics snippet, a font service) is refused with one line naming
the file, by `python -m generator check` and by the build, and the build leaves site/ byte for
byte as it was.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from generator.__main__ import main as generator_main
from tests.helpers import build_all, project_copy, site_digest, site_with_sentinel

PAGE = "docs/en/about.md"
NO_HTML = "expected Markdown: no HTML in a page but comments and the markers <!-- protocol:… -->"
LINK = "expected a link starting with https://, http://, mailto: or tel:, or a relative link to a page or file"
OUTSIDE = "outside the project; expected a file of the project"

# id: (Markdown added at the end of docs/en/about.md, the one line's start, a piece of it)
PAGE_CASES = {
    "P01-script": ('<script>alert("P01")</script>', f"{PAGE}: line ", f"found the HTML '<script>'; {NO_HTML}"),
    "P02-img-onerror": (
        "<img src=x onerror=alert(2)>",
        f"{PAGE}: line ",
        "found the HTML '<img src=x onerror=alert(2)>'",
    ),
    "P03-javascript-link": (
        "[x](javascript:alert(3))",
        f"{PAGE}: line ",
        f"found the link 'javascript:alert(3)'; {LINK}",
    ),
    "P04-onclick-on-a-link": (
        '[x](https://example.org/){: onclick="alert(4)" }',
        f"{PAGE}: line ",
        "found the attribute onclick='alert(4)' on <a>",
    ),
    "P04-onmouseover-on-a-paragraph": (
        'A paragraph.\n{: onmouseover="alert(4)" }',
        f"{PAGE}: line ",
        "found the attribute onmouseover='alert(4)' on <p>",
    ),
    "P05-iframe": ('<iframe src="https://evil.example/"></iframe>', f"{PAGE}: line ", "found the HTML '<iframe src="),
    "P06-file-link": ("[passwd](file:///etc/passwd)", f"{PAGE}: line ", "found the link 'file:///etc/passwd'"),
    "P06-data-link": (
        "[page](data:text/html,<script>alert(6)</script>)",
        f"{PAGE}: line ",
        "found the link 'data:text/html,",
    ),
    "P15-div-markdown-onclick": (
        '<div markdown onclick="alert(15)">\n\nText.\n\n</div>',
        f"{PAGE}: line ",
        "found the HTML '<div markdown=",
    ),
    "P18-absolute-path": ("[x](/etc/passwd)", f"{PAGE}: line ", "found the link '/etc/passwd'"),
    "P18-out-of-docs": (
        "[x](../../../../etc/passwd)",
        f"{PAGE}: line ",
        "found the link '../../../../etc/passwd' to a file outside the handbook",
    ),
    "privacy-video-embed": (
        '<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ" allowfullscreen></iframe>',
        f"{PAGE}: line ",
        "found the HTML '<iframe width=",
    ),
    "privacy-statistics-snippet": (
        '<script src="https://stats.example.nl/matomo.js"></script>',
        f"{PAGE}: line ",
        "found the HTML '<script src=\"https://stats.example.nl/matomo.js\">'",
    ),
    "privacy-font-service": (
        '<link href="https://fonts.googleapis.com/css2?family=Roboto" rel="stylesheet">',
        f"{PAGE}: line ",
        "found the HTML '<link href=\"https://fonts.googleapis.com/css2?family=Roboto",
    ),
    "image-from-another-website": (
        "![logo](https://evil.example/pixel.png)",
        f"{PAGE}: line ",
        "found the image 'https://evil.example/pixel.png'",
    ),
    "reference-link-to-javascript": (
        "[x][evil]\n\n[evil]: javascript:alert(1)",
        f"{PAGE}: line ",
        "found the link 'javascript:alert(1)'",
    ),
    "style-with-an-outside-url": (
        'A paragraph.\n{: style="background: url(https://evil.example/x.png)" }',
        f"{PAGE}: line ",
        "found the attribute style=",
    ),
}

# id: (the link, relative to the project, and an edit of mkdocs.yml or None)
LINK_CASES = {
    "S01-a-file-in-docs": ("docs/assets/passwd.txt", None),
    "S02-the-logo": (
        "docs/assets/logo.svg",
        ("  custom_dir: overrides\n", "  custom_dir: overrides\n  logo: assets/logo.svg\n"),
    ),
    "S03-a-form-font": ("forms/fonts/FormSans-Regular.ttf", None),
    "S07-the-forms-stylesheet": ("forms/print.css", None),
    "a-role-file": ("protocol/roles/extra.yml", None),
    "a-theme-template": ("overrides/partials/extra.html", None),
}


def run_check(root: Path) -> tuple[int, list[str]]:
    """`python -m generator check --root root`, in this process: its exit code and its lines."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = generator_main(["check", "--root", str(root)])
    return code, [line for line in err.getvalue().splitlines() if not line.endswith("problem(s) found.")]


@pytest.fixture(scope="module")
def outside_file(tmp_path_factory) -> Path:
    secret = tmp_path_factory.mktemp("outside") / "secret.txt"
    secret.write_text("a file of the build machine, outside the project\n", encoding="utf-8")
    return secret


@pytest.fixture(scope="module")
def projects(request, tmp_path_factory, outside_file, site_builds) -> dict[str, tuple[Path, str, dict]]:
    """Every chosen case on its own copy of the project, with a site/ holding a sentinel; one process
    then builds them all. case -> (project, digest of site/ before, build result)."""
    chosen = {item.callspec.params.get("case") for item in request.session.items if hasattr(item, "callspec")}
    prepared = {}
    for case in [c for c in (*PAGE_CASES, *LINK_CASES) if c in chosen]:
        root = project_copy(tmp_path_factory.mktemp(case))
        if case in PAGE_CASES:
            page = root / PAGE
            page.write_text(page.read_text(encoding="utf-8") + "\n" + PAGE_CASES[case][0] + "\n", encoding="utf-8")
        else:
            link, config_edit = LINK_CASES[case]
            (root / link).unlink(missing_ok=True)
            (root / link).symlink_to(outside_file)
            if config_edit:
                config = root / "mkdocs.yml"
                text = config.read_text(encoding="utf-8")
                assert config_edit[0] in text
                config.write_text(text.replace(*config_edit, 1), encoding="utf-8")
        prepared[case] = (root, site_with_sentinel(root))
    results = build_all([root for root, _ in prepared.values()])
    return {case: (root, digest, results[root]) for case, (root, digest) in prepared.items()}


def expected_line(case: str, outside_file: Path) -> tuple[str, str]:
    if case in PAGE_CASES:
        return PAGE_CASES[case][1], PAGE_CASES[case][2]
    link = LINK_CASES[case][0]
    return f"{link}: (symbolic link): ", f"found a link to {outside_file.resolve()}, {OUTSIDE}"


@pytest.mark.parametrize("case", [*PAGE_CASES, *LINK_CASES])
def test_an_unsafe_page_or_link_is_refused_with_one_line_naming_the_file_and_site_is_left_as_it_was(
    projects, outside_file, case
):
    start, piece = expected_line(case, outside_file)
    root, before, build = projects[case]
    code, lines = run_check(root)
    assert code == 1, lines
    assert len(lines) == 1 and lines[0].startswith(start) and piece in lines[0], lines
    assert build["error"] == "Abort", build  # MkDocs' own stop for a refused build: no traceback
    assert lines[0] in build["log"], build["log"]
    assert site_digest(root / "site") == before
    assert "root:x:0:0" not in build["log"] and "a file of the build machine" not in build["log"]
