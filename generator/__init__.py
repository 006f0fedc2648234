"""The anti-bullying handbook generator: protocol data, flowcharts, forms and MkDocs hooks.

Two folders: the school (`root`, the folder of the mkdocs.yml being built: protocol/, forms/
definitions and labels, docs/<language>/) and the product (PRODUCT, this repository: the code,
the theme's overrides/, docs/assets/, forms/templates, forms/print.css, forms/fonts). For ALASCA
they are the same folder; a school in examples/<name>/ has only its own files, and
product_path() finds the product's.
"""

from pathlib import Path

# The site's languages are data: protocol/settings.yml `languages:` (generator.languages), carried
# by the loaded protocol (Protocol.languages; the first is the default, at /).

PRODUCT = Path(__file__).resolve().parent.parent


def product_path(root: Path, path: str) -> Path:
    """A file or folder of the product (path relative to the repository, such as
    'forms/templates'), for the school at root: the school's own copy when it has one, else the
    repository's."""
    own = Path(root) / path
    return own if own.exists() else PRODUCT / path
