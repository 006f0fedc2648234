"""The forms' own files (forms/print.css, the fonts in forms/fonts/), checked with the data.

WeasyPrint reads them while it renders, and what it says about a bad one names no file ("Font-face
'Form Sans' cannot be loaded", "Parse error at 24:77"). So `make check` and the build look at them
first, and each problem is one line naming the file:
- a link (symlink) that points outside forms/ or at nothing;
- a font file that is not a font;
- a stylesheet that is not UTF-8 or has a CSS syntax error (with its line and column).
"""

from __future__ import annotations

from pathlib import Path

from generator import PRODUCT, product_path
from generator.errors import Problem

STYLESHEET = "print.css"
FONTS = "fonts"


def asset_problems(root: Path) -> list[Problem]:
    forms_dir = product_path(root, f"forms/{STYLESHEET}").parent  # the school's, or the product's
    problems: list[Problem] = []
    stylesheet = forms_dir / STYLESHEET
    fonts = sorted((forms_dir / FONTS).glob("*.ttf"))
    for path in [stylesheet, *fonts]:
        found = _link_problem(path, forms_dir, root)
        if found:
            problems.append(found)
        elif path == stylesheet:
            problems += _stylesheet_problems(path, root)
        else:
            problems += _font_problems(path, root)
    return problems


def _name(path: Path, root: Path) -> str:
    for folder in (root, PRODUCT):
        if path.is_relative_to(folder):
            return path.relative_to(folder).as_posix()
    return str(path)


def _link_problem(path: Path, forms_dir: Path, root: Path) -> Problem | None:
    """A link (the file or a folder above it) to outside forms/ or to nothing; a missing stylesheet."""
    expected = "the file itself in forms/ (a link may point only at a file inside forms/)"
    target = path.resolve()
    if target != path.absolute() and not target.is_file():
        return Problem(_name(path, root), "(file)", f"a link to {target}, which does not exist", expected)
    if not target.is_relative_to(forms_dir.resolve()):
        return Problem(_name(path, root), "(file)", f"a link to {target}, outside forms/", expected)
    if not path.is_file():
        return Problem(_name(path, root), "(file)", "no such file", "the forms' stylesheet, forms/print.css")
    return None


def _font_problems(path: Path, root: Path) -> list[Problem]:
    from fontTools.ttLib import TTFont, TTLibError  # imported late: only when the data is checked

    try:
        TTFont(path, lazy=True).getGlyphOrder()
    except (TTLibError, OSError, AssertionError, KeyError, ValueError) as exc:
        found = f"a file that is not a font ({' '.join(str(exc).split())[:80] or type(exc).__name__})"
        return [Problem(_name(path, root), "(file)", found, "a TrueType font (.ttf) for the forms' fields and text")]
    return []


def _stylesheet_problems(path: Path, root: Path) -> list[Problem]:
    import tinycss2  # WeasyPrint's own CSS parser

    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return [Problem(_name(path, root), "(file)", f"bytes that are not UTF-8 at offset {exc.start}", "a UTF-8 file")]
    problems = []
    for node in _nodes(tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)):
        if node.type == "error":
            where = f"line {node.source_line}, column {node.source_column}"
            problems.append(Problem(_name(path, root), where, f"a CSS syntax error ({node.message})", "valid CSS"))
    return problems[:1]  # the first: the ones after it often follow from it


def _nodes(rules):
    """The rules, and the declarations inside each rule's block, where a syntax error can hide."""
    import tinycss2

    for rule in rules:
        yield rule
        if rule.type in ("qualified-rule", "at-rule") and rule.content is not None:
            yield from tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
