"""URLs written into raw HTML (generator/pages/urls.py), with and without directory URLs."""

from __future__ import annotations

import pytest

from generator.pages.urls import relative_url

CASES = [
    # (page, target, anchor, directory_urls, expected)
    ("roles/mentor.md", "roles/teacher.md", None, True, "../teacher/"),
    ("index.md", "roles/mentor.md", None, True, "roles/mentor/"),
    ("roles/mentor.md", "index.md", None, True, "../../"),
    ("roles/mentor.md", "forms/incident-report.pdf", None, True, "../../forms/incident-report.pdf"),
    ("roles/mentor.md", "roles/mentor.md", "m-receive", True, "#m-receive"),
    ("roles/mentor.md", "roles/mentor.md", None, True, "./"),
    ("forms/index.md", "forms/incident-report.md", None, True, "incident-report/"),
    ("roles/mentor.md", "adopted.md", "mentor-2", True, "../../adopted/#mentor-2"),
    ("roles/mentor.md", "roles/teacher.md", None, False, "teacher.html"),
    ("index.md", "roles/mentor.md", None, False, "roles/mentor.html"),
    ("roles/mentor.md", "index.md", None, False, "../index.html"),
    ("roles/mentor.md", "protocol.pdf", None, False, "../protocol.pdf"),
]


@pytest.mark.parametrize(("page", "target", "anchor", "directory_urls", "expected"), CASES)
def test_a_link_from_a_page_resolves_where_the_browser_finds_the_target(page, target, anchor, directory_urls, expected):
    assert relative_url(page, target, anchor, directory_urls) == expected
