#!/usr/bin/env bash
# The wheel as someone installs it: built from this checkout, installed (not editable) into a
# fresh virtual environment outside it, and run from an empty folder, so nothing of the checkout
# can stand in for a file the wheel forgot.  Checks that it carries the catalogue, the fonts with
# their licence, the icons and every compiled translation, then runs `offices`, `init`, a blank
# checklist PDF and `--self-test`, in Persian.  Part of the test command (debian-setup.sh test).
set -euo pipefail
cd "$(dirname "$0")/.."
checkout=$PWD
python=${PYTHON:-python3}  # the fresh environment's interpreter
builder=.venv/bin/python   # any pip builds the wheel (in its own isolated build environment)
[ -x "$builder" ] || builder=$python
work=$(mktemp -d "${TMPDIR:-/tmp}/integrity-wheel.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "check-wheel: $*" >&2; exit 1; }

"$builder" -m pip wheel -q --no-deps -w "$work/dist" "$checkout" >/dev/null
wheel=$(ls "$work"/dist/integrity_desktop-*.whl)
echo "wheel: $(basename "$wheel") $(du -k "$wheel" | cut -f1) KB"

# What the wheel holds: every .ts compiled, the catalogue, both font faces with the OFL, icons.
listing=$(python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$wheel")
ts_count=$(ls "$checkout"/translations/fa/*.ts | wc -l)
qm_count=$(grep '^integrity_desktop/data/translations/fa/.*\.qm$' <<<"$listing" | grep -vc '/qtbase_fa\.qm$' || true)
[ "$qm_count" -eq "$ts_count" ] || fail "$qm_count .qm in the wheel for $ts_count .ts"
grep -q '^integrity_desktop/data/translations/fa/qtbase_fa\.qm$' <<<"$listing" \
  || fail "Qt's own Persian (qtbase_fa.qm) is not in the wheel"
for f in catalog/offices.json catalog/three-year-1398-1400.json catalog/reform-1397-1399.json \
         catalog/programme-links.json catalog/lookups.json fonts/Vazirmatn-Regular.ttf fonts/Vazirmatn-Bold.ttf fonts/OFL.txt \
         icons/integrity-desktop-256.png icons/integrity-desktop.ico help/index.md \
         map/iran-provinces.svg map/LICENSE-react-iran-map.txt map/README.md; do
  grep -qx "integrity_desktop/data/resources/$f" <<<"$listing" || fail "the wheel lacks resources/$f"
done
for f in versions/0001_initial_schema.py columns.py completion.py; do
  grep -qx "integrity_desktop/db/migrations/$f" <<<"$listing" || fail "the wheel lacks the schema migrations ($f)"
done

"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --upgrade pip >/dev/null
"$work/venv/bin/python" -m pip install -q -c "$checkout/installer/constraints.txt" "$wheel" >/dev/null
app="$work/venv/bin/integrity-desktop"
mkdir "$work/run" && cd "$work/run"
# The credentials the signed-in command line reads (INTEGRITY_USER/PASSWORD); init makes the admin.
export QT_QPA_PLATFORM=offscreen INTEGRITY_HOME="$work/home" PYTHONDONTWRITEBYTECODE=1 \
  INTEGRITY_ADMIN_PASSWORD=wheel-check-password INTEGRITY_PASSPHRASE=wheel-check-passphrase \
  INTEGRITY_USER=admin INTEGRITY_PASSWORD=wheel-check-password

"$work/venv/bin/python" - "$checkout" <<'EOF'
import sys
from pathlib import Path

import integrity_desktop
from integrity_desktop import resources

checkout = Path(sys.argv[1])
where = Path(integrity_desktop.__file__).resolve()
assert checkout not in where.parents, f"imported from the checkout: {where}"
assert checkout not in resources.resources_dir().parents, resources.resources_dir()
print("package:", where.parent)
EOF

"$app" offices > offices.txt
grep -qx $'tehran\tاداره کل آموزش فنی و حرفه‌ای استان تهران' offices.txt \
  || fail "offices: no Persian name for tehran"
[ "$(wc -l < offices.txt)" -eq 32 ] || fail "offices: $(wc -l < offices.txt) lines, expected 32"
echo "offices: $(wc -l < offices.txt) offices, $(grep $'^tehran\t' offices.txt)"

"$app" init --db store.sqlite --office tehran
"$app" templates --db store.sqlite > templates.txt
template=$(head -n 1 templates.txt | cut -f1)
[ -n "$template" ] || fail "templates: none listed"
"$app" print-checklist --db store.sqlite --blank --template "$template" --out blank.pdf
head -c 5 blank.pdf | grep -q '%PDF-' || fail "print-checklist: not a PDF"
if command -v pdffonts >/dev/null; then
  pdffonts blank.pdf > fonts.txt
  grep -q Vazirmatn fonts.txt || fail "print-checklist: Vazirmatn not embedded"
  # Persian letters in the text layer (Arabic block or its presentation forms).
  pdftotext blank.pdf blank.txt
  grep -qP '[\x{0600}-\x{06FF}\x{FB50}-\x{FEFF}]' blank.txt \
    || fail "print-checklist: no Persian text in the PDF"
fi
echo "print-checklist: $(du -k blank.pdf | cut -f1) KB, Vazirmatn embedded"

"$app" --self-test | tee self-test.txt
grep -q "self-test passed" self-test.txt || fail "--self-test did not pass"
"$work/venv/bin/python" - <<'EOF'
from PySide6.QtWidgets import QApplication

from integrity_desktop.ui.app import create_application

app = create_application("fa")
shown = QApplication.translate("MainWindow", "Dashboard")
assert shown == "پیشخوان", f"the interface is not Persian: {shown!r}"
print("interface:", shown)
EOF
echo "check-wheel: passed"
