#!/usr/bin/env bash
# Set up Integrity Desktop on a fresh Debian 12 machine with Python 3.11, as root, then either
# start the app on a demo store (`run`) or run the whole test suite (`test`).
#   bash installer/debian-setup.sh run
#   bash installer/debian-setup.sh test
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"

# Qt's libraries for widgets/printing/QtPdf offscreen, a real window (xcb), poppler for reading
# PDFs back, minisign/age for interoperability tests, PostgreSQL for the HQ tests.
packages=(python3-venv python3-pip
  libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1
  poppler-utils)
if [ "$mode" = "test" ]; then
  # libreoffice-calc-nogui: tests open an export in LibreOffice headless (formula text stays text)
  # icu-devtools, gcc: installer/build.sh trims Qt's ICU data (icupkg, genccode; installer/trim_icu.py)
  packages+=(minisign age postgresql nsis xvfb libreoffice-calc-nogui icu-devtools gcc)
fi
missing=()
# One dpkg-query for all (it fails on names it never saw: those are simply missing).
installed=" $( (dpkg-query -W -f='${Package}:${Status} ' "${packages[@]}" 2>/dev/null || true) \
  | sed 's/:install ok installed//g') "
for p in "${packages[@]}"; do
  case "$installed" in *" $p "*) ;; *) missing+=("$p") ;; esac
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
# pip takes most of a second run's time: skip it when nothing it depends on changed since it
# last succeeded (the stamp is a hash of pyproject.toml, the constraints, the .ts files, the
# Python and the mode; it is written only after the install ran).
stamp=".venv/.setup-$mode.sha256"
digest=$( { cat pyproject.toml setup.py installer/constraints.txt translations/*/*.ts; .venv/bin/python -VV; echo "$mode"; } | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$digest" ] || [ ! -x .venv/bin/integrity-desktop ] \
    || ! ls translations/fa/*.qm >/dev/null 2>&1; then
  rm -f "$stamp"
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  # The versions that ship (installer/constraints.txt).  The install compiles the translations
  # (.ts -> .qm, setup.py's build step), so the interface is Persian from here on.
  if [ "$mode" = "test" ]; then
    .venv/bin/python -m pip install -q -c installer/constraints.txt -e ".[test]"
  else
    .venv/bin/python -m pip install -q -c installer/constraints.txt -e .
  fi
  echo "$digest" > "$stamp"
fi

case "$mode" in
  run)
    exec .venv/bin/integrity-desktop --demo
    ;;
  test)
    export QT_QPA_PLATFORM=offscreen INTEGRITY_TEST_PG=1
    .venv/bin/ruff check integrity_desktop tests
    .venv/bin/mypy integrity_desktop
    # the coverage gate (tests/coverage_gate.py): sync/, clock.py, jalali.py, at least 95% of lines.
    # --capture=sys: a test's output is still captured, but file descriptor 2 stays the log's, so
    # an interpreter that aborts ("Fatal Python error: ...", which it writes there) says why; with
    # pytest's default descriptor capture the message went to a temporary file and was lost.
    .venv/bin/python -m pytest -q -p no:cacheprovider -p tests.coverage_gate --capture=sys
    # The wheel, installed outside the checkout: offices, init, a PDF, the self-test, in Persian.
    PYTHON="$python" bash installer/check-wheel.sh
    ;;
  *)
    echo "usage: bash installer/debian-setup.sh run|test" >&2
    exit 64
    ;;
esac
