"""Trim the ICU data library Qt ships on Linux to what a Persian/English app needs.

PySide6's Linux wheels carry Qt's own ICU, and its ``libicudata.so.NN`` (32 MB) is nothing but
ICU's whole common data package (every locale, collation, converter, CJK dictionary) exported
as one symbol, ``icudtNN_dat``.  This script takes that package out of the library, removes the
items the app never asks for with ICU's own ``icupkg``, and builds a library with the same soname
and the same symbol from the smaller package (``genccode`` writes the symbol, ``gcc`` links it):
the standard way to ship a subset of ICU's data, done on the data Qt was built with.

What Qt 6 asks of ICU (the ICU functions libQt6Core imports: ``ucol_*`` for QCollator,
``ucal_getTimeZoneDisplayName``/``ucal_getCanonicalTimeZoneID`` for QTimeZone's names,
``ucnv_*`` for QStringConverter's encodings beyond Unicode and Latin-1, ``u_strToUpper``/
``u_strToLower``, whose data is built into libicuuc), and what is kept for it:

- locale data of root, Persian (``fa*``) and English (``en*``) in every tree (the main one,
  collation, currencies, languages, regions, units, zones, number spell-out, break rules);
- everything that is not per locale: the collation table (``coll/ucadata.icu``),
  normalization, time zones (``zoneinfo64``, ``metaZones``, ``timezoneTypes``,
  ``windowsZones``), supplemental data, likely subtags, plurals, the converter alias table
  and the Unicode properties files (not the character names: no ``u_charName``);
- the single-byte converters of Windows (windows-1250..1258, 1256 being Persian's), ISO-8859,
  KOI8, IBM866 and macintosh; the other converters (CJK and EBCDIC code pages, 5 MB) go;
- break-iteration rules, without the CJK/Thai/Lao/Khmer/Burmese dictionaries (Qt does its own
  text boundaries and calls no ``ubrk_*``), and no transliteration (no ``utrans_*``).

``icupkg`` refuses to remove an item another kept item depends on (a parent locale, a pool
bundle, an alias), so a broken package cannot be written; the script then checks that every
item the app needs is in the new package and that the new library carries it byte for byte, and
fails (exit 1, with the reason) on any doubt.  ``installer/integrity-desktop.spec`` runs it on
Linux; installer/build.sh's self-test then exercises collation, a time zone's Persian name and
a converter from the frozen build (``ui/self_test.py``, the ``icu`` line).

    python installer/trim_icu.py SRC/libicudata.so.NN OUTDIR   # prints the new library's path
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NoReturn

# Locales kept in every tree (with their regional variants: fa_IR, fa_AF, en_US, en_GB, ...).
KEPT_LOCALES = re.compile(r"^(root|fa|en)(_[A-Za-z0-9_]*)?\.res$")
# Per-tree bookkeeping bundles, kept.
KEPT_TREE_FILES = {"res_index.res", "pool.res"}
# A locale bundle's name: a language code and optional script/region/variant.
LOCALE_RES = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9_]*)?\.res$")
# Trees dropped entirely: transliteration (Qt calls no utrans_*).
DROPPED_TREES = {"translit"}
# Single items dropped: Unicode character names (Qt calls no u_charName).
DROPPED_ITEMS = {"unames.icu"}
# Converters kept: the tables ICU's alias table opens for windows-1250..1258 (1256 is Persian's),
# ISO-8859-2..15, KOI8-R/U, IBM866 and macintosh (found with ucnv_open/ucnv_getName on Qt's ICU
# 73; Unicode, ASCII and Latin-1 need no table).  About 3 KB each.
KEPT_CONVERTERS = {
    f"{name}.cnv" for name in (
        "ibm-5346_P100-1998", "ibm-5347_P100-1998", "ibm-5348_P100-1997", "ibm-5349_P100-1998",
        "ibm-5350_P100-1998", "ibm-9447_P100-2002", "ibm-9448_X100-2005", "ibm-9449_P100-2002",
        "ibm-5354_P100-1998",
        "ibm-912_P100-1995", "ibm-913_P100-2000", "ibm-914_P100-1995", "ibm-915_P100-1995",
        "ibm-1089_P100-1995", "ibm-9005_X110-2007", "ibm-5012_P100-1999", "ibm-920_P100-1995",
        "iso-8859_10-1998", "iso-8859_11-2001", "ibm-921_P100-1995", "iso-8859_14-1998",
        "ibm-923_P100-1998",
        "ibm-878_P100-1996", "ibm-1168_P100-2002", "ibm-866_P100-1995", "macos-0_2-10.2",
    )
}
# Break-iteration dictionaries (CJK, Thai, Lao, Khmer, Burmese) are dropped.
DICTIONARY = re.compile(r"\.dict$")
# What must be in the trimmed package: if icupkg or the rules above ever drop one, fail.
REQUIRED = [
    "root.res", "fa.res", "fa_IR.res", "en.res", "pool.res", "res_index.res",
    "coll/ucadata.icu", "coll/root.res", "coll/fa.res", "coll/en.res",
    "zone/root.res", "zone/fa.res", "zone/en.res", "zoneinfo64.res", "metaZones.res",
    "timezoneTypes.res", "windowsZones.res", "supplementalData.res", "likelySubtags.res",
    "cnvalias.icu", "ibm-9448_X100-2005.cnv", "nfkc.nrm", "uts46.nrm",
    "brkitr/root.res", "brkitr/char.brk", "brkitr/word.brk", "brkitr/line.brk",
]


def fail(message: str) -> NoReturn:
    sys.exit(f"trim_icu: {message}")


def run(*args: str, cwd: Path | None = None) -> str:
    try:
        done = subprocess.run(args, cwd=cwd, check=True, capture_output=True, text=True)
    except FileNotFoundError:
        fail(f"{args[0]} not found (Debian: apt-get install icu-devtools gcc)")
    except subprocess.CalledProcessError as exc:
        fail(f"{' '.join(args)} failed ({exc.returncode}):\n{exc.stdout}{exc.stderr}")
    return done.stdout


def elf_symbol(path: Path, prefix: str = "icudt") -> tuple[str, bytes]:
    """The data symbol (``icudtNN_dat``) of an x86-64/ELF64 little-endian library and its bytes."""
    data = path.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        fail(f"{path}: not a 64-bit little-endian ELF library")
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strtab = sections[link]
        for at in range(offset, offset + size, entsize):
            st_name, _st_info, _other, st_shndx, st_value, st_size = struct.unpack_from("<IBBHQQ", data, at)
            end = data.index(b"\0", strtab[4] + st_name)
            name = data[strtab[4] + st_name:end].decode()
            if name.startswith(prefix) and name.endswith("_dat") and st_shndx:
                home = sections[st_shndx]
                start = home[4] + st_value - home[3]
                return name, data[start:start + st_size]
    fail(f"{path}: no {prefix}NN_dat symbol")


def needed(item: str) -> bool:
    """Whether the app needs a package item (a name as ``icupkg -l`` prints it)."""
    tree, _, name = item.rpartition("/")
    if tree in DROPPED_TREES or item in DROPPED_ITEMS or DICTIONARY.search(name):
        return False
    if name.endswith(".cnv"):
        return name in KEPT_CONVERTERS
    if name in KEPT_TREE_FILES or KEPT_LOCALES.match(name):
        return True
    return not LOCALE_RES.match(name)  # not a locale's bundle: tables, rules, supplemental data


def unwanted(items: list[str]) -> list[str]:
    """The package items the app does not need."""
    return [item for item in items if not needed(item)]


def trim(source: Path, outdir: Path) -> Path:
    match = re.fullmatch(r"libicudata\.so\.(\d+)", source.name)
    if not match:
        fail(f"{source}: expected libicudata.so.NN")
    version = match.group(1)
    symbol, blob = elf_symbol(source)
    if symbol != f"icudt{version}_dat":
        fail(f"{source}: symbol {symbol}, expected icudt{version}_dat")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        full = tmp / f"icudt{version}l.dat"
        full.write_bytes(blob)
        items = run("icupkg", "-l", str(full)).split()
        if len(items) < 100 or "root.res" not in items:
            fail(f"icupkg could not list {source}'s data ({len(items)} items)")
        drop = unwanted(items)
        dictionaries = [item for item in drop if DICTIONARY.search(item)]
        (tmp / "remove.txt").write_text("\n".join(i for i in drop if i not in dictionaries) + "\n")
        (tmp / "dictionaries.txt").write_text("\n".join(dictionaries) + "\n")
        for folder in ("step", "trimmed"):
            (tmp / folder).mkdir()
        step = tmp / "step" / full.name
        trimmed = tmp / "trimmed" / full.name
        # First everything but the dictionaries, without --ignore-deps: icupkg refuses to drop
        # what a kept item depends on (a parent locale, a pool bundle, an alias).
        run("icupkg", "-r", str(tmp / "remove.txt"), str(full), str(step))
        # Then the dictionaries, which brkitr/root.res names: ICU's break iterators do without
        # them (no engine for those scripts; ICU's own data filter drops them the same way), and
        # Qt calls no ubrk_*.  The dependency check reports them: nothing else may be missing.
        output = run("icupkg", "--ignore-deps", "-r", str(tmp / "dictionaries.txt"), str(step), str(trimmed))
        others = [line for line in output.splitlines() if "depends on missing item" in line
                  and not DICTIONARY.search(line.strip())]
        if others:
            fail("removing the dictionaries leaves other items without a dependency:\n" + "\n".join(others))
        # (Listing checks dependencies too: the dictionaries' were reported above.)
        kept = set(run("icupkg", "--ignore-deps", "-l", str(trimmed)).split())
        missing = [name for name in REQUIRED if name not in kept]
        if missing:
            fail(f"the trimmed data lacks {missing}")
        if len(kept) != len(items) - len(drop):
            fail(f"{len(items)} items - {len(drop)} removed != {len(kept)} kept")
        # genccode writes an assembly file defining icudtNN_dat (-e) with the package's bytes.
        run("genccode", "-a", "gcc", "-e", f"icudt{version}", "-d", str(tmp), str(trimmed))
        asm = tmp / f"icudt{version}l_dat.S"
        if not asm.exists():
            fail(f"genccode wrote no {asm.name}")
        library = outdir / source.name
        run("gcc", "-shared", "-nostdlib", "-Wl,-z,noexecstack", f"-Wl,-soname,{source.name}",
            "-o", str(library), str(asm))
        run("strip", "--strip-unneeded", str(library))
        new_symbol, new_blob = elf_symbol(library)
        if new_symbol != symbol or new_blob != trimmed.read_bytes():
            fail(f"{library} does not carry the trimmed data as {symbol}")
        if f"{source.name}" not in run("readelf", "-d", str(library)):
            fail(f"{library}: soname is not {source.name}")
        shutil.copy(trimmed, outdir / full.name)  # kept for inspection (icupkg -l)
        (outdir / "removed.txt").write_text("\n".join(drop) + "\n")
    print(f"trim_icu: {source.name} {source.stat().st_size / 1e6:.1f} MB -> {library.stat().st_size / 1e6:.1f} MB "
          f"({len(kept)} of {len(items)} data items kept)", file=sys.stderr)
    return library


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python installer/trim_icu.py SRC/libicudata.so.NN OUTDIR")
    print(trim(Path(sys.argv[1]), Path(sys.argv[2])))
