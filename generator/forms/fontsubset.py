"""Make the bundled form font: DejaVu Sans cut down to the characters of European names.

Run once when the font changes (the result is committed under forms/fonts/):
    python -m generator.forms.fontsubset /usr/share/fonts/truetype/dejavu forms/fonts
WeasyPrint embeds the font used by form fields whole, so the font must be small to begin with
(about 70 KB here; the PDF stores it compressed).
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

# The letters of the names families at the school write: Basic Latin, Latin-1 Supplement, Latin
# Extended-A and -B (Turkish, Polish, Czech, Hungarian, Romanian ș ț, Vietnamese ơ ư), Latin Extended
# Additional (Vietnamese tone marks), General Punctuation (curly quotes, dashes) and the euro sign.
UNICODES = (
    list(range(0x20, 0x7F))
    + list(range(0xA0, 0x250))
    + list(range(0x1E00, 0x1F00))
    + list(range(0x2000, 0x2070))
    + [0x20AC]
)
FACES = {"DejaVuSans.ttf": ("FormSans-Regular.ttf", "Regular"), "DejaVuSans-Bold.ttf": ("FormSans-Bold.ttf", "Bold")}
FAMILY = "Form Sans"  # its own name, so the system's full DejaVu Sans is never picked instead


def rename(font: TTFont, style: str) -> None:
    """Give the subset its own family name; the copyright and licence records stay."""
    full, postscript = f"{FAMILY} {style}", f"{FAMILY.replace(' ', '')}-{style}"
    names = {
        1: FAMILY,
        2: style,
        3: f"{postscript} (subset of DejaVu Sans)",
        4: full,
        6: postscript,
        16: FAMILY,
        17: style,
    }
    table = font["name"]
    table.names = [r for r in table.names if r.nameID not in names]
    for name_id, value in names.items():
        table.setName(value, name_id, 3, 1, 0x409)
        table.setName(value, name_id, 1, 0, 0)


def subset_font(source: Path, target: Path, style: str) -> int:
    """Write a hinting-free subset of source to target; return its size in bytes."""
    options = subset.Options()
    options.hinting = False
    options.desubroutinize = True
    # No ligatures: a "fi" glyph has no Unicode of its own, so copy-paste, search and screen
    # readers would get "the rst time" from the text layer. Kerning stays.
    options.layout_features = ["kern"]
    options.name_IDs = ["*"]  # keep the copyright and licence notices
    options.name_languages = ["*"]
    options.notdef_outline = True
    font = TTFont(source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=UNICODES)
    subsetter.subset(font)
    rename(font, style)
    font.save(target)
    return target.stat().st_size


def main(argv: list[str]) -> int:
    source_dir, target_dir = (Path(a) for a in argv)
    for source, (target, style) in FACES.items():
        size = subset_font(source_dir / source, target_dir / target, style)
        print(f"{target}: {size} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
