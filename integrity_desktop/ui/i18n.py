"""Qt translations: one ``.ts`` per UI module under ``translations/fa/``; ``.qm`` are built.

Command line (developers and the install step):
    python -m integrity_desktop.ui.i18n update    # lupdate every UI module into its .ts
    python -m integrity_desktop.ui.i18n missing   # list source strings with no Persian yet
    python -m integrity_desktop.ui.i18n fill FILE.ts MAP.json  # set translations from a map
    python -m integrity_desktop.ui.i18n build     # lrelease every .ts into a .qm
One file per module keeps engineers working on different screens out of each other's way.

Qt's own strings (Yes/No/OK/Cancel, file dialogs, text-field menus) come from Qt's
``qtbase_<lang>.qm``: ``build`` copies it from PySide6 next to ours, so it ships wherever our
``.qm`` files ship (the frozen build, the wheel); ``qt_translation_file`` finds it.
``qt_overrides.ts`` (hand-written, not from a module) fills the few gaps of Qt's Persian.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from integrity_desktop.resources import resources_dir

UI_DIR = Path(__file__).resolve().parent

if TYPE_CHECKING:

    def QT_TRANSLATE_NOOP(context: str, source_text: str, /) -> str:
        """PySide6's own, typed as it behaves: it returns ``source_text`` (its stub says ``object``).

        UI modules import this name only for the type checker; at run time they use PySide6's.
        """


QT_CATALOG = "qtbase"  # the Qt module whose strings our widgets show (QtWidgets' are in it)
QT_OVERRIDES = "qt_overrides.ts"  # our Persian for strings qtbase_fa leaves out or gets wrong


def translations_dir() -> Path:
    return resources_dir().parent / "translations"


def qt_translation_file(lang: str) -> Path | None:
    """Qt's own translation: the copy shipped with our ``.qm`` files (``build`` puts it there),
    else the one in PySide6's translations folder; None if neither exists."""
    name = f"{QT_CATALOG}_{lang}.qm"
    shipped = translations_dir() / lang / name
    if shipped.is_file():
        return shipped
    from PySide6.QtCore import QLibraryInfo

    qt = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / name
    return qt if qt.is_file() else None


def own_qm_files(lang: str) -> list[Path]:
    """Our compiled translations of one language (Qt's own copied catalogue excluded)."""
    return [qm for qm in sorted((translations_dir() / lang).glob("*.qm"))
            if not qm.name.startswith(f"{QT_CATALOG}_")]


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
    exe = Path(sys.executable).parent / name
    import shutil

    found = str(exe) if exe.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (install PySide6-Essentials)")
    return found


def update() -> None:
    import subprocess

    for module in ui_modules():
        ts = ts_path_for(module)
        ts.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
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
    import shutil
    import subprocess

    for ts in sorted(translations_dir().glob("*/*.ts")):
        subprocess.run(
            [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
            check=True,
        )
    for folder in sorted(p for p in translations_dir().iterdir() if p.is_dir()):
        qt = qt_translation_file(folder.name)
        target = folder / f"{QT_CATALOG}_{folder.name}.qm"
        if qt is not None and qt != target:
            shutil.copyfile(qt, target)


def main(argv: list[str]) -> int:
    import json

    if not argv:
        print(__doc__)
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
        print(__doc__)
        return 64
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
