"""Careless and hostile edits that must be refused: each one gives one line naming the file and
the key, in `python -m generator check` and in the build, with no traceback, and the build leaves
site/ byte for byte as it was (a sentinel file and a hash of every file).

The cases come from the editor-inputs review (reviews/editor-inputs-2026-11-25.md): the ones it
found crashing, accepted silently, unsafe, or wiping site/. Each case is (file, old, new) on a
copy of the project, and a piece of the one line that must be printed.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from generator.__main__ import main as generator_main
from tests.helpers import ROOT, build_all, project_copy, site_digest, site_with_sentinel

BOMB = "\n".join(
    ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
)
TITLE = "      nl: Melding ontvangen\n"
BODY_EN = re.compile(r"(?m)^        en: A teacher, a student or a parent reports bullying.*$")  # m-receive's body
LOOP = """
  - id: m-loop-a
    title: {nl: Lus A, en: Loop A}
    body: [{nl: Tekst., en: Text., advice: true}]
    next: [m-loop-b]
  - id: m-loop-b
    title: {nl: Lus B, en: Loop B}
    body: [{nl: Tekst., en: Text., advice: true}]
    next: [m-loop-a]
"""
SUMMARY_MD = "<!-- protocol:role-summary role=mentor -->"
M = "protocol/roles/mentor.yml"
S = "protocol/settings.yml"
FORM = "forms/definitions/incident-report.yml"

SETTINGS_LINES = (ROOT / "protocol/settings.yml").read_text(encoding="utf-8").splitlines()
SCHOOL_NAME_LINE = SETTINGS_LINES.index("school_name: ALASCA") + 1  # where the duplicate's first is
# id: (file, old, new (None: delete the file), a piece of the expected line)
CASES = {
    # YAML: syntax, typing, duplicates, bombs, invisible characters
    "yaml-duplicate-key-settings": (
        S,
        "school_name: ALASCA\n",
        "school_name: ALASCA\nschool_name: ALASCA2\n",
        f"{S}: line {SCHOOL_NAME_LINE + 1}: found the key 'school_name' a second time "
        f"(first at line {SCHOOL_NAME_LINE})",
    ),
    "yaml-duplicate-key-step": (
        M,
        TITLE,
        TITLE + "      nl: Tweede titel\n",
        "found the key 'nl' a second time",
    ),
    "yaml-norway-no": (
        M,
        re.compile(r'en: "Yes[^"]*"'),
        "en: Yes",
        'put the text in quotes, e.g. "No"',
    ),
    "yaml-version-float": (S, "version: ~", "version: 1.0", 'a number: put it in quotes, e.g. "1.0"'),
    "yaml-tab-indent": (M, "    title:\n      nl: Melding", "    title:\n\tnl: Melding", "a tab in the indentation"),
    "yaml-nbsp-indent": (
        M,
        "    title:\n      nl: Melding",
        "    title:\n\u00a0     nl: Melding",
        f"{M}: line 30, column 9: found a YAML syntax error (a no-break space",
    ),
    "type-title-string": (
        M,
        "title:\n      nl: Melding ontvangen\n      en: Receive the report",
        "title: Melding ontvangen",
        "steps[m-receive].title: found 'Melding ontvangen'; expected a text in every language, written {nl: …, en: …}",
    ),
    "role-file-deleted": (
        "protocol/roles/management.yml",
        None,
        None,
        "protocol/settings.yml: contact_ladder[2]: found 'management'; expected a role id (confidential-advisor,",
    ),
    "yaml-vertical-tab": (
        M,
        "Melding ontvangen",
        "Melding\x0bontvangen",
        "found the invisible character U+000B (vertical tab",
    ),
    "yaml-escaped-bell": (
        M,
        "nl: Melding ontvangen",
        'nl: "Melding\\u0007ontvangen"',
        f"{M}: steps[m-receive].title.nl: found the invisible character U+0007",
    ),
    "yaml-alias-bomb": (
        S,
        "school_name: ALASCA\n",
        f"school_name: ALASCA\n{BOMB}\n",
        f"{S}: (file): found more than 100,000 values",
    ),
    # texts: empty, blank, too long, placeholders
    "empty-string": (M, "en: Receive the report", 'en: ""', f"{M}: steps[m-receive].title.en: found an empty text"),
    "whitespace-only": (M, "en: Receive the report", 'en: "   "', f"{M}: steps[m-receive].title.en: found only spaces"),
    "long-title": (
        M,
        "en: Receive the report",
        "en: " + "word " * 2000,
        "found a text of 9,999 characters; expected at most 200",
    ),
    "long-word-title": (M, "en: Receive the report", "en: " + "x" * 17000, "found a word of 17,000 characters"),
    "placeholder-format-spec": (
        M,
        "en: Receive the report",
        "en: Receive {system:*>20000}",
        "found the placeholder {system:*>20000}",
    ),
    "placeholder-conversion": (
        M,
        "en: Receive the report",
        "en: Receive {system!r}",
        "found the placeholder {system!r}",
    ),
    "blank-school-name": (
        S,
        "school_name: ALASCA",
        'school_name: "  "',
        f"{S}: school_name: found '  '; expected a short text",
    ),
    "cycle-no-exit": (
        M,
        [(re.compile(r"(?m)^start: \["), "start: [m-loop-a, "), (re.compile(r"\Z"), LOOP)],
        None,
        "which only lead round in a circle",
    ),
    # settings: dates and the e-mail address
    "settings-bad-date": (
        S,
        "adopted_on: ~",
        "adopted_on: 2026-13-01",
        f"{S}: adopted_on: found '2026-13-01'; expected a real date",
    ),
    "settings-bad-day": (
        S,
        "adopted_on: ~",
        "adopted_on: 2026-02-30",
        f"{S}: adopted_on: found '2026-02-30'; expected a real date",
    ),
    "email-script": (
        S,
        "editor_email: ~",
        "editor_email: '\"><script>alert(2)</script>@alasca.nl'",
        f"{S}: editor_email: found",
    ),
    "email-attribute": (
        S,
        "editor_email: ~",
        'editor_email: \'"onmouseover="alert(1)"x@alasca.nl\'',
        "expected an e-mail address",
    ),
    # step bodies: the Markdown subset
    "body-raw-html-link": (
        M,
        BODY_EN,
        '        en: <a href="javascript:alert(4)">dit</a>',
        f"{M}: steps[m-receive].body[0].en: found the HTML",
    ),
    "body-javascript-link": (
        M,
        BODY_EN,
        '        en: "[het formulier](javascript:alert(3))"',
        "found the link 'javascript:alert(3)'",
    ),
    # editor review B27: the words after a quote in the address went into the link ('Discus')
    "body-link-address-with-a-quote": (
        M,
        BODY_EN,
        """        en: '[x](https://x.nl/" onmouseover="alert(1)) Discuss.'""",
        "expected a link address without spaces or quotes",
    ),
    "body-attachment": (
        M,
        BODY_EN,
        '        en: <link rel="attachment" href="file:///etc/hostname">',
        "found the HTML '<link rel=",
    ),
    "body-image-fetch": (
        M,
        BODY_EN,
        '        en: <img src="http://127.0.0.1:8765/fetched-by-booklet.png">',
        "found the HTML '<img",
    ),
    # step texts say where each part comes from (issue 19: advice per sentence, not per step)
    "body-part-untraced": (
        M,
        "        source: [approach-2, teachers-1, parents-1, track-1-1, track-1-2]\n",
        "",
        f"{M}: steps[m-receive].body[0].source: found neither a source nor advice: true",
    ),
    "body-part-traced-and-advice": (
        M,
        "        source: [approach-2, teachers-1, parents-1, track-1-1, track-1-2]\n",
        "        source: [approach-2, teachers-1, parents-1, track-1-1, track-1-2]\n        advice: true\n",
        f"{M}: steps[m-receive].body[0].advice: found both a source and advice: true",
    ),
    "body-markdown-image": (M, BODY_EN, '        en: "![x](http://127.0.0.1:8765/x.png)"', "found an image"),
    "body-file-url": (
        M,
        BODY_EN,
        '        en: "[host](file:///etc/hostname)"',
        "found the link 'file:///etc/hostname'",
    ),
    # pages: parity, markers, links, encodings
    "page-missing-en": (
        "docs/en/prevention.md",
        None,
        None,
        "docs/en/prevention.md: (file): found nothing: docs/en/prevention.md is missing; "
        "expected every page exists in nl, en",
    ),
    "page-only-nl-new": ("docs/nl/new-page.md", "", "# Nieuw\n\nTekst.\n", "docs/en/new-page.md is missing"),
    "marker-misspelt-prefix": (
        "docs/nl/roles/mentor.md",
        SUMMARY_MD,
        SUMMARY_MD.replace("protocol:", "protocl:"),
        "found the prefix 'protocl:'",
    ),
    "marker-capital": (
        "docs/nl/roles/mentor.md",
        SUMMARY_MD,
        SUMMARY_MD.replace("protocol:", "Protocol:"),
        "found the prefix 'Protocol:'",
    ),
    "marker-unclosed": (
        "docs/nl/roles/mentor.md",
        SUMMARY_MD,
        SUMMARY_MD.replace("-->", "->"),
        "found a comment that is not closed",
    ),
    "marker-unknown": (
        "docs/nl/roles/mentor.md",
        SUMMARY_MD,
        "<!-- protocol:stpes role=mentor -->",
        "found an unknown marker",
    ),
    "marker-unknown-role": (
        "docs/nl/roles/mentor.md",
        SUMMARY_MD,
        SUMMARY_MD.replace("mentor", "mentr"),
        "<!-- protocol:role-summary -->: found role=mentr; expected a role: one of ",
    ),
    "marker-setting-dunder": (
        "docs/nl/index.md",
        "name=school_name",
        "name=__class__",
        "found name=__class__; expected a setting shown in running text: one of school_name, student_system",
    ),
    "marker-setting-contacts": (
        "docs/nl/index.md",
        "name=school_name",
        "name=contacts",
        "found name=contacts; expected a setting shown in running text: one of school_name, student_system",
    ),
    "page-broken-link": (
        "docs/nl/about.md",
        "# Over dit protocol\n",
        "# Over dit protocol\n\nZie [regels](regels.md).\n",
        "docs/nl/about.md: link (regels.md): found no such page",
    ),
    "page-broken-anchor": (
        "docs/nl/prevention.md",
        "roles/mentor.md#m-agreements",
        "roles/mentor.md#m-afspraken",
        "docs/nl/prevention.md: link (roles/mentor.md#m-afspraken): found no section 'm-afspraken' on "
        "docs/nl/roles/mentor.md; expected the id of a heading or a step on that page",
    ),
    "page-broken-anchor-same-page": (
        "docs/en/about.md",
        "# About this protocol\n",
        "# About this protocol\n\nSee [below](#nowhere).\n",
        "docs/en/about.md: link (#nowhere): found no section 'nowhere' on docs/en/about.md",
    ),
    "page-non-utf8": (
        "docs/nl/about.md",
        "# Over dit protocol",
        b"# Over dit protoc\xe9l",
        "docs/nl/about.md: line 1: found bytes that are not UTF-8",
    ),
    "page-hand-written-form": (
        "docs/nl/forms/incident-report.md",
        "",
        "# Melding\n\nTekst.\n",
        "docs/nl/forms/incident-report.md: (file): found a page written by hand; "
        "expected no file: the page is made from forms/definitions/incident-report.yml",
    ),
    "page-empty": ("docs/en/about.md", "", "", "docs/en/about.md: (file): found an empty page"),
    "page-frontmatter-broken": (
        "docs/nl/index.md",
        "hide:\n  - navigation",
        "hide: [navigation\n  - x",
        "docs/nl/index.md: front matter",
    ),
    # placeholders and labels in the form files: the same strict filler as the protocol's
    "placeholder-form-typo": (
        FORM,
        "label: {nl: Tijd, en: Time}",
        'label: {nl: Tijd, en: "Passed on to {mentor"}',
        f"{FORM}: sections[when-where].fields[time].label.en: found a lone {{ or }}",
    ),
    "placeholder-form-unknown": (
        FORM,
        "label: {nl: Tijd, en: Time}",
        'label: {nl: Tijd, en: "Time {mentor}"}',
        "found the placeholder {mentor}; expected one of {school}, {system}",
    ),
    "form-intro-placeholder-unknown": (
        FORM,
        "en: Have you seen or heard bullying",
        "en: At {scool}, have you seen or heard bullying",
        f"{FORM}: intro.en: found the placeholder {{scool}}",
    ),
    "forms-labels-placeholder": (
        "forms/labels.yml",
        "belongs_to: {nl: Hoort bij, en: Belongs to}",
        'belongs_to: {nl: Hoort bij, en: "Belongs to {sytem}"}',
        "forms/labels.yml: belongs_to.en: found the placeholder {sytem}",
    ),
    "forms-labels-missing-key": (
        "forms/labels.yml",
        "belongs_to: {nl: Hoort bij, en: Belongs to}\n",
        "",
        "forms/labels.yml: belongs_to: found nothing; expected a label the pages use",
    ),
    "labels-missing-key": (
        "protocol/labels.yml",
        "then: {nl: Daarna, en: Next}\n",
        "",
        "protocol/labels.yml: then: found nothing; expected a label the pages use",
    ),
    # form definitions: now checked by `make check` too
    "form-unknown-type": (FORM, "type: time", "type: dropdown", "found 'dropdown'"),
    "form-missing-translation": (FORM, "label: {nl: Tijd, en: Time}", "label: {nl: Tijd}", f"{FORM}: "),
}


def apply(root: Path, file: str, old, new) -> None:
    """One edit: replace `old` (a text or a pattern) by `new` once; old None deletes the file;
    old a list makes several (pattern, new) edits to the same file."""
    path = root / file
    if isinstance(old, list):
        for pattern, replacement in old:
            apply(root, file, pattern, replacement)
    elif old is None:
        path.unlink()
    elif file.startswith("docs/") and not path.exists():
        path.write_text(new, encoding="utf-8")
    elif isinstance(new, bytes):
        data = path.read_bytes()
        assert old.encode() in data
        path.write_bytes(data.replace(old.encode(), new, 1))
    elif old == "" and new == "" and file.startswith("docs/"):
        path.write_text("", encoding="utf-8")
    elif isinstance(old, re.Pattern):
        text = path.read_text(encoding="utf-8")
        assert old.search(text), f"{old.pattern!r} not in {file}"
        path.write_text(old.sub(lambda _: new, text, count=1), encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {file}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


def run_check(root: Path) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = generator_main(["check", "--root", str(root)])
    return code, err.getvalue()


@pytest.fixture(scope="module")
def refused(request, tmp_path_factory, site_builds) -> dict[str, tuple[Path, str, dict]]:
    """Every case on its own copy, with a site/ holding a sentinel; then one process builds them
    all (tests/hostile/build_many.py). case -> (project, digest of site/ before, build result)."""
    prepared = {}
    chosen = {item.callspec.params.get("case") for item in request.session.items if hasattr(item, "callspec")}
    for case, (file, old, new, _) in CASES.items():
        if case not in chosen:
            continue  # not selected in this run (pytest -k)
        root = project_copy(tmp_path_factory.mktemp(case))
        apply(root, file, old, new)
        prepared[case] = (root, site_with_sentinel(root))
    results = build_all([root for root, _ in prepared.values()])
    return {case: (root, digest, results[root]) for case, (root, digest) in prepared.items()}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_careless_or_hostile_edit_is_refused_with_one_line_and_site_is_left_as_it_was(refused, case):
    expected = CASES[case][3]
    root, before, build = refused[case]
    code, out = run_check(root)
    assert code == 1 and expected in out, out
    assert "Traceback" not in out
    assert build["error"] == "Abort", build  # MkDocs' own stop for a failed build: no crash
    assert expected in build["log"], build["log"]
    assert site_digest(root / "site") == before
