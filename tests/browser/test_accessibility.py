"""Every page, both languages, light and dark: no WCAG 2.0/2.1/2.2 A or AA violation found by axe-core,
no console error, no failed request and no request that leaves the site."""

from __future__ import annotations

import pytest

from tests.helpers import ALL_PAGES

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# No rule is disabled. A rule switched off here must carry a comment saying why.
DISABLED_RULES: dict[str, dict] = {}
SCHEMES = {"light": "default", "dark": "slate"}


def axe_violations(page, axe_source: str) -> list[str]:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source)
    result = page.evaluate(
        """async ([tags, rules]) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, rules,
                                               resultTypes: ['violations']});
            return r.violations.map(v => `${v.id} (${v.impact}): ${v.help}\\n    ` +
                v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' +
                    (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 240)).join('\\n    '));
        }""",
        [WCAG_TAGS, DISABLED_RULES],
    )
    return result


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("path", [*ALL_PAGES, "/404.html", "/en/404.html"])
def test_page_passes_axe_and_loads_cleanly(light, dark, scheme, path, axe_source):
    tab = {"light": light, "dark": dark}[scheme]
    page = tab.open(path)
    assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]
    violations = axe_violations(page, axe_source)
    assert not violations, f"{path} ({scheme}):\n" + "\n".join(violations)
    assert not tab.traffic.problems(), f"{path} ({scheme}):\n" + "\n".join(tab.traffic.problems())


# The second school (examples/wilgenhof): three languages (Turkish too), its own numbers under week
# headings (h3, steps h4), a Dutch-only adopted text shown on the other languages' pages marked
# lang="nl". Each kind of page once per language.
WILGENHOF_PAGES = [
    f"/{prefix}{page}"
    for prefix in ("", "en/", "tr/")
    for page in ("", "roles/student/", "roles/mentor/", "adopted/", "forms/parent-call/")
]


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("path", WILGENHOF_PAGES)
def test_the_second_schools_page_passes_axe_and_loads_cleanly(wilgenhof_tabs, scheme, path, axe_source):
    tab = wilgenhof_tabs[scheme]
    page = tab.open(path)
    assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]
    violations = axe_violations(page, axe_source)
    assert not violations, f"examples/wilgenhof{path} ({scheme}):\n" + "\n".join(violations)
    assert not tab.traffic.problems(), f"examples/wilgenhof{path} ({scheme}):\n" + "\n".join(tab.traffic.problems())
