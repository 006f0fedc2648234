"""mkdocs.yml is checked by `python -m generator check` (and so by the build, before anything is
written): the editor review's mkdocs.yml cases M01-M10, a font service and web statistics, each
refused with one line `mkdocs.yml: <key>: found …; expected …`. In-process, on a copy of the data
and mkdocs.yml: no build."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from generator.__main__ import main

EN_BLOCK_START = "        - locale: en\n"
HOOKS_END = "\n# ---------------------------------------------------------------- hooks"

# id: (old text of mkdocs.yml, new text, the line the check must print)
CASES = {
    "M01-yaml-syntax": (
        "site_name: ALASCA Pestprotocol\n",
        "site_name: ALASCA Pestprotocol: het protocol\n",
        "mkdocs.yml: line 5, column 31: found a YAML syntax error (mapping values are not allowed here)",
    ),
    "M02-outside-script": (
        "extra_css:\n",
        "extra_javascript:\n  - https://evil.example/x.js\nextra_css:\n",
        "mkdocs.yml: extra_javascript[0]: found 'https://evil.example/x.js'; expected a file of the handbook",
    ),
    "M03-site-url-javascript": (
        "site_url: http://127.0.0.1:8000/",
        "site_url: javascript:alert(1)",
        "mkdocs.yml: site_url: found 'javascript:alert(1)'; expected the address of the handbook",
    ),
    "M04-copyright-script": (
        "copyright: ALASCA\n",
        "copyright: ALASCA <script>alert(1)</script>\n",
        "mkdocs.yml: copyright: found markup ('ALASCA <script>alert(1)</script>'); expected plain text",
    ),
    "M05-nav-javascript": (
        "  - about.md\n",
        "  - about.md\n  - Evil: javascript:alert(1)\n",
        "mkdocs.yml: nav[7]: found the link 'javascript:alert(1)'; expected the path of a page",
    ),
    "M06-logo-outside-docs": (
        "  icon:\n",
        "  logo: ../../../../etc/passwd\n  icon:\n",
        "mkdocs.yml: theme.logo: found '../../../../etc/passwd'; expected an image file of the handbook under docs/",
    ),
    "M07-site-name-script": (
        "site_name: ALASCA Pestprotocol\n",
        "site_name: ALASCA <script>alert(1)</script>\n",
        "mkdocs.yml: site_name: found markup ('ALASCA <script>alert(1)</script>'); expected plain text",
    ),
    "M09-hooks-misspelt": (
        "  - generator/site/hooks.py",
        "  - generator/site/hook.py",
        "mkdocs.yml: hooks: found ['generator/site/hook.py']; expected a list holding generator/site/hooks.py",
    ),
    "M10-outside-stylesheet": (
        "  - assets/stylesheets/handbook.css\n",
        "  - assets/stylesheets/handbook.css\n  - //evil.example/x.css\n",
        "mkdocs.yml: extra_css[2]: found '//evil.example/x.css'; expected a file of the handbook",
    ),
    "font-service": (
        "  font: false ",
        "  font: {text: Roboto} ",
        "mkdocs.yml: theme.font: found {'text': 'Roboto'}; expected false",
    ),
    "font-left-out": ("  font: false ", "  # font: false ", "mkdocs.yml: theme.font: found nothing; expected false"),
    "analytics": (
        "  generator: false\n",
        "  generator: false\n  analytics: {provider: google, property: G-XXXXXXX}\n",
        "mkdocs.yml: extra.analytics: found {'provider': 'google', 'property': 'G-XXXXXXX'}; expected no analytics",
    ),
    "english-site-name-markup": (
        "          site_name: ALASCA Anti-bullying protocol\n",
        "          site_name: ALASCA <img src=x onerror=alert(1)>\n",
        "mkdocs.yml: plugins.i18n.languages[en].site_name: found markup",
    ),
    "nav-translation-markup": (
        "            Rollen: Roles\n",
        "            Rollen: <b>Roles</b>\n",
        "mkdocs.yml: plugins.i18n.languages[en].nav_translations.Rollen: found markup ('<b>Roles</b>')",
    ),
    "nav-title-markup": (
        "  - Rollen:\n",
        "  - <i>Rollen</i>:\n",
        "mkdocs.yml: nav[3]: found markup ('<i>Rollen</i>'); expected a plain menu title",
    ),
    "nav-other-website": (
        "  - about.md\n",
        "  - about.md\n  - Elders: https://example.org/\n",
        "mkdocs.yml: nav[7]: found the link 'https://example.org/'",
    ),
    "nav-file-link": (
        "  - about.md\n",
        "  - about.md\n  - Passwd: file:///etc/passwd\n",
        "mkdocs.yml: nav[7]: found the link 'file:///etc/passwd'",
    ),
    "theme-folder-outside-the-project": (
        "  custom_dir: overrides\n",
        "  custom_dir: /etc\n",
        "mkdocs.yml: theme.custom_dir: found '/etc'; expected a folder inside the project",
    ),
    "docs-folder-outside-the-project": (
        "docs_dir: docs\n",
        "docs_dir: ../..\n",
        "mkdocs.yml: docs_dir: found '../..'; expected a folder inside the project",
    ),
    "english-not-built": (
        "          name: English\n          build: true\n",
        "          name: English\n          build: false\n",
        "mkdocs.yml: plugins.i18n.languages[en].build: found False; expected true",
    ),
}


@pytest.fixture
def project(data_copy: Path) -> Path:
    return data_copy  # protocol/, forms/, docs/ and mkdocs.yml


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def check(root: Path) -> tuple[int, list[str]]:
    """`python -m generator check --root root`, in-process: its exit code and its lines."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["check", "--root", str(root)])
    return code, err.getvalue().splitlines()


@pytest.mark.parametrize("case", CASES)
def test_an_unsafe_or_broken_mkdocs_setting_is_refused_by_the_check_with_one_line(project, case):
    old, new, expected = CASES[case]
    edit(project / "mkdocs.yml", old, new)
    code, lines = check(project)
    assert code == 1
    assert lines[-1] == "1 problem(s) found.", lines
    assert lines[0].startswith(expected), lines


def test_the_school_s_own_mkdocs_yml_passes(project):
    assert check(project) == (0, [])


def test_an_env_tag_is_read_as_mkdocs_reads_it(project, monkeypatch):
    edit(project / "mkdocs.yml", "site_name: ALASCA Pestprotocol\n", "site_name: !ENV [SCHOOL_SITE_NAME, ALASCA]\n")
    assert check(project) == (0, [])
    monkeypatch.setenv("SCHOOL_SITE_NAME", "ALASCA <script>alert(1)</script>")
    code, lines = check(project)
    assert code == 1 and lines[0].startswith("mkdocs.yml: site_name: found markup"), lines


def test_a_python_tag_in_mkdocs_yml_is_read_not_run_by_the_check(project, tmp_path):
    marker = tmp_path / "ran"
    edit(
        project / "mkdocs.yml",
        "copyright: ALASCA\n",
        f"copyright: !!python/object/apply:os.system ['touch {marker}']\n",
    )
    check(project)
    assert not marker.exists()
