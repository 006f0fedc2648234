"""The site's web fonts cut down to the characters its pages use, in both languages.

docs/assets/fonts/ holds Atkinson Hyperlegible's full Latin and Latin Extended files (the
@font-face rules in docs/assets/stylesheets/fonts.css). After a build, every built page's text is
read (both languages, charts included) and each font in site/assets/fonts/ is replaced by a subset
holding only the characters that occur (plus printable ASCII, so an editor's next word never
falls back to another font for a letter). A font none of whose characters occur is left as it is
(the browser never asks for it: its unicode-range matches nothing). Subsets are cached in
.cache/fonts/ by the font's bytes and the character set (and, as every cache, the code and the
installed packages, fontTools among them: generator/fileio.py), so a rebuild with nothing changed
does not subset again.
"""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

from generator.fileio import ContentCache, atomic_write, by_content

ASCII = frozenset(chr(c) for c in range(0x20, 0x7F))
ENTITY = re.compile(r"&#?[0-9A-Za-z]+;")


@by_content
def _page_characters(page: bytes) -> frozenset[str]:
    text = page.decode("utf-8")
    return frozenset(text).union("".join(html.unescape(ref) for ref in set(ENTITY.findall(text))))


def used_characters(site_dir: Path) -> frozenset[str]:
    """Every character in the site's HTML pages, character references decoded, and printable ASCII."""
    chars = set(ASCII)
    for page in site_dir.rglob("*.html"):
        chars.update(_page_characters(page.read_bytes()))
    return frozenset(c for c in chars if c.isprintable() or c == "\u00a0")


def _cmap(data: bytes) -> set[int]:
    from fontTools.ttLib import TTFont  # fontTools is imported only when a font is cut anew

    return set(TTFont(io.BytesIO(data)).getBestCmap())


def subset_woff2(data: bytes, codepoints: set[int]) -> bytes:
    """A WOFF2 font holding only these code points (layout features kept, hinting dropped)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff2"
    options.hinting = False
    options.layout_features = ["*"]
    options.name_IDs = ["*"]  # keep the copyright and licence notices
    options.notdef_outline = True
    font = TTFont(io.BytesIO(data), recalcTimestamp=False)  # the source's 'modified', not this build's time
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out)
    return out.getvalue()


def subset_site_fonts(site_dir: Path, cache_dir: Path) -> dict[str, tuple[int, int]]:
    """Replace each font in site/assets/fonts by its subset; returns {name: (bytes before, after)}."""
    fonts = sorted((site_dir / "assets" / "fonts").glob("*.woff2"))
    if not fonts:
        return {}
    wanted = {ord(c) for c in used_characters(site_dir)}
    characters = "".join(sorted(map(chr, wanted)))
    cache = ContentCache(Path(cache_dir), ".woff2")  # keyed on the code and fontTools' version too
    sizes = {}
    for path in fonts:
        data = path.read_bytes()

        def cut(data=data) -> bytes:
            codepoints = wanted & _cmap(data)
            return subset_woff2(data, codepoints) if codepoints else data

        subset, _ = cache.get_or_make([data, characters], cut)
        atomic_write(path, subset)
        sizes[path.name] = (len(data), len(subset))
    cache.keep_latest(4 * len(fonts))  # this build's and the other kind's (site, offline), and spares
    return sizes
