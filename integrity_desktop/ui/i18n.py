"""Qt translations: one ``.ts`` per UI module under ``translations/fa/``; ``.qm`` are built.

Command line (developers and the install step): ``USAGE`` below.
One file per module keeps engineers working on different screens out of each other's way.

These tools work on the repository's ``translations/`` folder.  ``build`` is also the build step
of the package (``setup.py`` runs it before collecting the data), so a wheel and ``pip install
-e .`` both carry the ``.qm``; the app reads them through ``integrity_desktop.resources``.

Qt's own strings (Yes/No/OK/Cancel, file dialogs, text-field menus) come from Qt's
``qtbase_<lang>.qm``: ``build`` copies it from PySide6 next to ours, so it ships wherever our
``.qm`` files ship (the frozen build, the wheel); ``ui.app.qt_translation_file`` finds it.
``qt_overrides.ts`` (hand-written, not from a module) fills the few gaps of Qt's Persian.
"""

from __future__ import annotations

import sys
from pathlib import Path

# (A constant, not the module's docstring: the frozen build is compiled without docstrings.)
USAGE = """\
usage (developers and the install step):
    python -m integrity_desktop.ui.i18n update    # lupdate every UI module into its .ts
    python -m integrity_desktop.ui.i18n missing   # list source strings with no Persian yet
    python -m integrity_desktop.ui.i18n fill FILE.ts MAP.json  # set translations from a map
    python -m integrity_desktop.ui.i18n build     # lrelease every .ts into a .qm"""

UI_DIR = Path(__file__).resolve().parent
SOURCE_DIR = UI_DIR.parents[1] / "translations"  # the repository's .ts (and built .qm)


def QT_TRANSLATE_NOOP(context: str, source_text: str, /) -> str:
    """Marks ``source_text`` for ``lupdate`` under ``context`` (it reads the name in the source)
    and gives it back untranslated, as PySide6's own does; typed as it behaves (PySide6's stub
    says ``object``), so the UI modules import this one and need no ``TYPE_CHECKING`` switch."""
    return source_text


QT_CATALOG = "qtbase"  # the Qt module whose strings our widgets show (QtWidgets' are in it)
QT_OVERRIDES = "qt_overrides.ts"  # our Persian for strings qtbase_fa leaves out or gets wrong


def translations_dir() -> Path:
    """The repository's ``translations/`` (the tools need a checkout: a wheel has no ``.ts``)."""
    if not SOURCE_DIR.is_dir():
        raise SystemExit(f"{SOURCE_DIR} not found: the translation tools work on a checkout")
    return SOURCE_DIR


def ts_path_for(module: Path, lang: str = "fa") -> Path:
    rel = module.relative_to(UI_DIR).with_suffix("")
    return translations_dir() / lang / (".".join(rel.parts) + ".ts")


def ui_modules() -> list[Path]:
    """UI modules that contain translatable strings."""
    out = []
    for path in sorted(UI_DIR.rglob("*.py")):
        if path.name == "i18n.py":
            continue
        text = path.read_text("utf-8")
        if ".tr(" in text or "translate(" in text or "QT_TRANSLATE_NOOP" in text:
            out.append(path)
    return out


def _tool(name: str) -> str:
    """Qt's ``lupdate`` or ``lrelease`` as shipped inside PySide6-Essentials (what its
    ``pyside6-*`` scripts run), found without importing PySide6 or needing a PATH: the package
    build runs this in pip's isolated build environment."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        raise SystemExit(f"{name} not found (install PySide6-Essentials)")
    exe = Path(spec.origin).parent / (name + (".exe" if sys.platform == "win32" else ""))
    if not exe.is_file():
        raise SystemExit(f"{exe} not found (install PySide6-Essentials)")
    return str(exe)


def update() -> None:
    import subprocess

    for module in ui_modules():
        ts = ts_path_for(module)
        ts.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
             "-source-language", "en", "-target-language", "fa", str(module), "-ts", str(ts)],
            check=True,
        )
    # A module that lost all its strings leaves a stale .ts behind: remove it.
    wanted = {ts_path_for(m) for m in ui_modules()} | {translations_dir() / "fa" / QT_OVERRIDES}
    for ts in (translations_dir() / "fa").glob("*.ts"):
        if ts not in wanted:
            ts.unlink()


def untranslated(ts: Path) -> list[tuple[str, str]]:
    """(context, source) pairs that have no finished Persian translation."""
    import xml.etree.ElementTree as ET

    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name", "")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or not (tr.text or "").strip() or tr.get("type") in {"unfinished", "vanished", "obsolete"}:
                out.append((name, msg.findtext("source", "")))
    return out


def fill(ts: Path, mapping: dict[str, str]) -> int:
    """Set translations for sources found in ``mapping`` (keyed by source text)."""
    import xml.etree.ElementTree as ET

    tree = ET.parse(ts)
    count = 0
    for msg in tree.getroot().iter("message"):
        source = msg.findtext("source", "")
        if source in mapping:
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            tr.text = mapping[source]
            tr.attrib.pop("type", None)
            count += 1
    # Write the header lupdate writes, so a later lupdate run does not rewrite every file.
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", "utf-8")
    return count


def build() -> None:
    """Compile every ``.ts`` into the ``.qm`` next to it (one lrelease run for all), and copy
    Qt's own catalogue (``qtbase_<lang>.qm``) from PySide6 next to ours."""
    import shutil
    import subprocess

    sources = sorted(translations_dir().glob("*/*.ts"))
    subprocess.run([_tool("lrelease"), "-silent", *map(str, sources)], check=True)
    stale = [ts.name for ts in sources if not ts.with_suffix(".qm").is_file()]
    if stale:
        raise SystemExit(f"lrelease made no .qm for {', '.join(stale)}")
    qt_folder = Path(_tool("lrelease")).parent / "Qt" / "translations"
    for folder in sorted(p for p in translations_dir().iterdir() if p.is_dir()):
        name = f"{QT_CATALOG}_{folder.name}.qm"
        if (qt_folder / name).is_file():
            shutil.copyfile(qt_folder / name, folder / name)


def main(argv: list[str]) -> int:
    import json

    if not argv:
        print(USAGE)
        return 64
    cmd = argv[0]
    if cmd == "update":
        update()
    elif cmd == "build":
        build()
    elif cmd == "missing":
        total = 0
        for ts in sorted(translations_dir().glob("fa/*.ts")):
            for context, source in untranslated(ts):
                total += 1
                print(f"{ts.name}\t{context}\t{source}")
        return 1 if total else 0
    elif cmd == "fill":
        mapping = json.loads(Path(argv[2]).read_text("utf-8"))
        print(fill(Path(argv[1]), mapping))
    else:
        print(USAGE)
        return 64
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
