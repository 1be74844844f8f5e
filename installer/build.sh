#!/usr/bin/env bash
# Build everything that ships: the frozen one-folder app in dist/integrity-desktop/ (PyInstaller,
# this platform) and the Windows installer script compiled by NSIS. On Linux the frozen Linux
# build stands in as the payload, so CI proves the script compiles; the real Windows installer is
# built the same way on Windows (see installer/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
[ -x "$py" ] || py=python3
"$py" -m pip install -q "pyinstaller==6.22.*"
"$py" -m integrity_desktop.ui.i18n build
start=$(date +%s)
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller installer/integrity-desktop.spec
echo "frozen build: $(( $(date +%s) - start )) s, $(du -sh dist/integrity-desktop | cut -f1)"
# A resource missing from the spec fails here, not on an office PC.
QT_QPA_PLATFORM=offscreen dist/integrity-desktop/integrity-desktop --self-test
if command -v makensis >/dev/null; then
  version=$("$py" -c "import integrity_desktop; print(integrity_desktop.__version__)")
  exe=integrity-desktop
  [ -f dist/integrity-desktop/integrity-desktop.exe ] && exe=integrity-desktop.exe
  fast=""
  [ "$exe" = integrity-desktop ] && fast="-DFAST"  # stand-in payload: compile quickly
  makensis -V2 $fast -DVERSION="$version" -DEXE="$exe" installer/windows/integrity-desktop.nsi
  ls -la dist/IntegrityDesktop-Setup-"$version".exe
else
  echo "makensis not found: apt-get install nsis" >&2
  exit 1
fi
