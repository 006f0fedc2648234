"""What outside Python shapes the output: the programs and libraries the build calls, named for
the cache keys (generator.fileio.environment), so a cached chart, page or PDF is never reused
after one of them changed.

- graphviz(): the `dot` that PATH finds, where it leads, and what `dot -V` says. It draws the
  charts, which the filled pages hold inline.
- text_libraries(): Pango, HarfBuzz (and whether HarfBuzz-Subset is there) and fontconfig, as
  the system's loader gives them to WeasyPrint, which lays out and embeds the forms' and
  booklets' text with them. Read through ctypes from the same shared libraries WeasyPrint opens
  (its `text/ffi.py`), without importing WeasyPrint (a second of CPU a no-change build avoids).
- fonts(): every font file and configuration file fontconfig knows, with its size and time: the
  fonts Graphviz measures a chart's labels with and WeasyPrint falls back to for a character the
  project's own fonts lack. (The project's fonts are files of the project, in their own keys.)
- SOURCE_DATE_EPOCH, which WeasyPrint writes into a PDF's dates.

fingerprint() is all of that. Its parts are read once per build (`forget()` at the start of each
one; the build's own code asks again only then), since running `dot -V` and asking fontconfig
costs about 0.05 s; the text libraries once per process, the only copy a process can use.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import os
import shutil
import subprocess

# The shared libraries WeasyPrint opens (weasyprint/text/ffi.py): the names the loader knows them
# by on Linux and macOS, and the short name ctypes.util.find_library looks for elsewhere.
LIBRARIES = {
    "pango": (("libpango-1.0.so.0", "libpango-1.0.dylib"), "pango-1.0"),
    "harfbuzz": (("libharfbuzz.so.0", "libharfbuzz.0.dylib"), "harfbuzz"),
    "harfbuzz-subset": (("libharfbuzz-subset.so.0", "libharfbuzz-subset.0.dylib"), "harfbuzz-subset"),
    "fontconfig": (("libfontconfig.so.1", "libfontconfig.1.dylib"), "fontconfig"),
}


def _open(name: str) -> ctypes.CDLL | None:
    files, short = LIBRARIES[name]
    for path in files:
        try:
            return ctypes.CDLL(path)
        except OSError:
            continue
    found = ctypes.util.find_library(short)
    try:
        return ctypes.CDLL(found) if found else None
    except OSError:
        return None


def _text(library: ctypes.CDLL | None, function: str) -> str:
    if library is None:
        return "missing"
    call = getattr(library, function)
    call.restype = ctypes.c_char_p
    return call().decode("utf-8", "replace")


@functools.cache
def text_libraries() -> tuple[str, ...]:
    """('pango 1.50.12', 'harfbuzz 6.0.0', 'harfbuzz-subset present', 'fontconfig 21401'), or
    'missing' for a library the system does not have."""
    fontconfig = _open("fontconfig")
    return (
        f"pango {_text(_open('pango'), 'pango_version_string')}",
        f"harfbuzz {_text(_open('harfbuzz'), 'hb_version_string')}",
        f"harfbuzz-subset {'present' if _open('harfbuzz-subset') else 'missing'}",
        f"fontconfig {fontconfig.FcGetVersion() if fontconfig else 'missing'}",
    )


class _FontSet(ctypes.Structure):
    _fields_ = [("nfont", ctypes.c_int), ("sfont", ctypes.c_int), ("fonts", ctypes.POINTER(ctypes.c_void_p))]


def _fontconfig_files() -> tuple[list[str], list[str]]:
    """(font files, configuration files and folders) of fontconfig's current configuration."""
    fc = _open("fontconfig")
    if fc is None:
        return [], []
    fc.FcInitLoadConfigAndFonts.restype = ctypes.c_void_p
    fc.FcConfigGetFonts.restype = ctypes.POINTER(_FontSet)
    fc.FcConfigGetFonts.argtypes = [ctypes.c_void_p, ctypes.c_int]
    fc.FcPatternGetString.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(ctypes.c_char_p)]
    fc.FcConfigGetConfigFiles.restype = ctypes.c_void_p
    fc.FcConfigGetConfigFiles.argtypes = [ctypes.c_void_p]
    fc.FcStrListNext.restype = ctypes.c_char_p
    fc.FcStrListNext.argtypes = [ctypes.c_void_p]
    fc.FcStrListDone.argtypes = [ctypes.c_void_p]
    fc.FcConfigDestroy.argtypes = [ctypes.c_void_p]
    config = fc.FcInitLoadConfigAndFonts()
    try:
        fonts, value = [], ctypes.c_char_p()
        found = fc.FcConfigGetFonts(config, 0)  # FcSetSystem
        if found:
            for i in range(found.contents.nfont):
                if fc.FcPatternGetString(found.contents.fonts[i], b"file", 0, ctypes.byref(value)) == 0:
                    fonts.append(value.value.decode("utf-8", "replace"))
        files, listing = [], fc.FcConfigGetConfigFiles(config)
        while listing and (name := fc.FcStrListNext(listing)):
            files.append(name.decode("utf-8", "replace"))
        if listing:
            fc.FcStrListDone(listing)
    finally:
        fc.FcConfigDestroy(config)
    return fonts, files


def _stamp(path: str) -> str:
    try:
        stat = os.stat(path)
    except OSError:
        return f"{path} missing"
    return f"{path} {stat.st_size} {stat.st_mtime_ns}"


def fonts() -> tuple[str, ...]:
    """Each font file and configuration file fontconfig reads: its path, size and time."""
    return _fonts()


@functools.cache
def _fonts() -> tuple[str, ...]:
    font_files, config_files = _fontconfig_files()
    return tuple(_stamp(path) for path in sorted(set(font_files)) + config_files)


def graphviz() -> str:
    """'dot /usr/bin/dot … -> /usr/sbin/… …: dot - graphviz version 2.43.0 (0)' (the program PATH
    finds, where it leads, each with its size and time, and what it says), or 'dot: not found'."""
    return _graphviz()


@functools.cache
def _graphviz() -> str:
    program = shutil.which("dot")
    if program is None:
        return "dot: not found"
    try:
        result = subprocess.run([program, "-V"], capture_output=True, timeout=60, check=False)
        said = (result.stderr + result.stdout).decode("utf-8", "replace").strip()
    except OSError as error:
        said = f"does not run: {error}"
    return f"dot {_stamp(program)} -> {_stamp(os.path.realpath(program))}: {said}"


def fingerprint() -> tuple[str, ...]:
    """Everything outside Python that shapes the output (this module's docstring)."""
    return (graphviz(), *text_libraries(), *fonts(), f"SOURCE_DATE_EPOCH={os.environ.get('SOURCE_DATE_EPOCH')}")


def forget() -> None:
    """Ask `dot` and fontconfig again at the next fingerprint(): a new build (`mkdocs serve`
    runs many in one process) sees a Graphviz or a font installed since the last one."""
    _graphviz.cache_clear()
    _fonts.cache_clear()
