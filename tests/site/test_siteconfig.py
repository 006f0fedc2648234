"""mkdocs.yml is checked by `python -m generator check` (and so by the build, before anything is
written): the editor review's mkdocs.yml cases M01-M10, a font service and web statistics, each
refused with one line `mkdocs.yml: <key>: found …; expected …`. In-process, on a copy of the data
and mkdocs.yml: no build."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import check_lines, edit

I18N_PLACEHOLDER = "        - {locale: xx, name: from protocol/settings.yml, default: true}\n"
SITE_NAME = "site_name: from protocol/settings.yml\n"
SITE_URL = "site_url: http://127.0.0.1:8000/\n"
HOOKS_END = "\n# ---------------------------------------------------------------- hooks"

# id: (old text of mkdocs.yml, new text, the line the check must print)
CASES = {
    "M01-yaml-syntax": (
        SITE_URL,
        "site_name: Pestprotocol: het protocol\n" + SITE_URL,
        "mkdocs.yml: line 10, column 24: found a YAML syntax error (mapping values are not allowed here)",
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
        SITE_URL,
        SITE_URL + "copyright: ALASCA <script>alert(1)</script>\n",
        "mkdocs.yml: copyright: found 'ALASCA <script>alert(1)</script>'; expected no copyright in mkdocs.yml",
    ),
    "M05-nav-javascript": (
        "  - about.md\n",
        "  - about.md\n  - Evil: javascript:alert(1)\n",
        "mkdocs.yml: nav[7]: found the link 'javascript:alert(1)'; expected the path of a page",
    ),
    "M06-logo-outside-docs": (
        "  icon:\n",
        "  logo: ../../../../etc/passwd\n  icon:\n",
        "mkdocs.yml: theme.logo: found '../../../../etc/passwd'; expected no theme.logo in mkdocs.yml: the logo is "
        "logo in protocol/settings.yml",
    ),
    "M07-site-name-script": (
        SITE_NAME,
        "site_name: ALASCA <script>alert(1)</script>\n",
        "mkdocs.yml: site_name: found 'ALASCA <script>alert(1)</script>'; expected 'from protocol/settings.yml'",
    ),
    "school-name-left-in-mkdocs-yml": (
        SITE_NAME,
        "site_name: ALASCA Pestprotocol\n",
        "mkdocs.yml: site_name: found 'ALASCA Pestprotocol'; expected 'from protocol/settings.yml' (MkDocs requires "
        "the key; the site's title is site_title in protocol/settings.yml)",
    ),
    "description-left-in-mkdocs-yml": (
        SITE_URL,
        SITE_URL + "site_description: Het pestprotocol van ALASCA.\n",
        "mkdocs.yml: site_description: found 'Het pestprotocol van ALASCA.'; expected no site_description in "
        "mkdocs.yml: it is site_description in protocol/settings.yml",
    ),
    "colour-left-in-mkdocs-yml": (
        "      scheme: slate\n",
        "      scheme: slate\n      primary: teal\n",
        "mkdocs.yml: theme.palette[1].primary: found 'teal'; expected no colour in mkdocs.yml: the colours are "
        "colours.primary in protocol/settings.yml",
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
    "languages-left-in-mkdocs-yml": (
        I18N_PLACEHOLDER,
        "        - {locale: nl, name: Nederlands, default: true}\n        - {locale: en, name: English}\n",
        "mkdocs.yml: plugins.i18n.languages: found a list of languages (nl, en); expected only the placeholder "
        "- {locale: xx, name: from protocol/settings.yml, default: true}: the languages are in "
        "protocol/settings.yml (languages)",
    ),
    "nav-title-markup": (
        "  - nav_roles:\n",
        "  - <i>nav_roles</i>:\n",
        "mkdocs.yml: nav[3]: found markup ('<i>nav_roles</i>'); expected a plain menu title",
    ),
    "nav-section-named-in-words": (
        "  - nav_background:\n",
        "  - Achtergrond:\n",
        "mkdocs.yml: nav[4]: found the section name 'Achtergrond'; expected a key of protocol/labels.yml, such as "
        "nav_roles, that names the section in every language",
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
}


@pytest.fixture
def project(data_copy: Path) -> Path:
    return data_copy  # protocol/, forms/, docs/ and mkdocs.yml


@pytest.mark.parametrize("case", CASES)
def test_an_unsafe_or_broken_mkdocs_setting_is_refused_by_the_check_with_one_line(project, case):
    old, new, expected = CASES[case]
    edit(project / "mkdocs.yml", old, new)
    code, lines = check_lines(project)
    assert code == 1
    assert lines[-1] == "1 problem(s) found.", lines
    assert lines[0].startswith(expected), lines


def test_the_school_s_own_mkdocs_yml_passes(project):
    assert check_lines(project) == (0, [])


def test_an_env_tag_is_read_as_mkdocs_reads_it(project, monkeypatch):
    placeholder = "site_name: !ENV [SCHOOL_SITE_NAME, from protocol/settings.yml]\n"
    edit(project / "mkdocs.yml", SITE_NAME, placeholder)
    assert check_lines(project) == (0, [])
    monkeypatch.setenv("SCHOOL_SITE_NAME", "ALASCA <script>alert(1)</script>")
    code, lines = check_lines(project)
    assert code == 1 and lines[0].startswith("mkdocs.yml: site_name: found 'ALASCA <script>"), lines


def test_a_python_tag_in_mkdocs_yml_is_read_not_run_by_the_check_lines(project, tmp_path):
    marker = tmp_path / "ran"
    edit(
        project / "mkdocs.yml",
        SITE_URL,
        SITE_URL + f"copyright: !!python/object/apply:os.system ['touch {marker}']\n",
    )
    check_lines(project)
    assert not marker.exists()
