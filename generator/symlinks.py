"""No file from outside the project: a symbolic link in the inputs that leads out of it is refused.

Git stores symbolic links, so one can arrive in a pull request: `docs/assets/passwd.txt ->
/etc/passwd` would publish the build machine's file, and a linked logo would show it on every
page. `outside_links()` walks the inputs (docs/, protocol/, forms/, overrides/, and the folders
mkdocs.yml names for pages and theme) without following links, and names every link whose target
lies outside the project, before anything is read or written (`python -m generator check`, and
the build's on_config). A link to another file of the project is fine. A school in examples/<name>/
uses the product's overrides/ (PRODUCT_FOLDERS): that folder is walked as part of the repository;
any other folder outside the school is refused.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from generator import PRODUCT
from generator.errors import DataError, Problem

INPUTS = ("docs", "protocol", "forms", "overrides")
EXPECTED = "a file of the project (copy the file into the project instead of linking to it)"
# The product's folders a school outside the repository may use (generator.PRODUCT).
PRODUCT_FOLDERS = (PRODUCT / "overrides", PRODUCT / "docs" / "assets")
OWN_FOLDER = "a folder of the school's project, or the product's own overrides/ (such as ../../overrides)"


def outside_links(root: Path, folders: Iterable[Path | str] = ()) -> list[Problem]:
    """One Problem per symbolic link under the inputs whose target is outside root."""
    root = Path(root)
    real_root = root.resolve()
    problems = []
    seen, visited = set(), set()  # input folders, and real folders walked (each once)
    for folder in [root / name for name in INPUTS] + [Path(f) for f in folders]:
        folder = folder if folder.is_absolute() else root / folder
        if folder in seen or not (folder.exists() or folder.is_symlink()):
            continue
        seen.add(folder)
        # the product's own folders (a school in examples/ uses the repository's overrides/):
        # their links may lead anywhere in the repository; any other folder outside the school is refused
        inside = real_root
        if not folder.resolve().is_relative_to(real_root):
            if folder.resolve() not in PRODUCT_FOLDERS:
                found = f"the folder {folder.resolve()}, outside the project"
                problems.append(Problem(_name(folder, root), "(folder)", found, OWN_FOLDER))
                continue
            inside = PRODUCT
        for path in [folder, *_walk(folder, inside, visited)]:
            if path.is_symlink():
                target = path.resolve()
                if not target.is_relative_to(inside):
                    problems.append(
                        Problem(
                            _name(path, root), "(symbolic link)", f"a link to {target}, outside the project", EXPECTED
                        )
                    )
    return list(dict.fromkeys(problems))


def refuse_outside_links(root: Path, folders: Iterable[Path | str] = ()) -> None:
    problems = outside_links(root, folders)
    if problems:
        raise DataError(problems)


def _walk(folder: Path, root: Path, visited: set[Path] | None = None):
    """Every file and folder under folder. A linked folder is entered when it leads to a folder
    of the project (MkDocs would follow it), each real folder once."""
    visited = set() if visited is None else visited
    real = folder.resolve()
    if real in visited or not real.is_relative_to(root) or not real.is_dir():
        return
    visited.add(real)
    for path in sorted(folder.iterdir()):
        yield path
        if path.is_dir():
            yield from _walk(path, root, visited)


def _name(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
