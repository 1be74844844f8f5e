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
  packages+=(minisign age postgresql nsis xvfb)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
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
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
# The versions that ship (installer/constraints.txt).  The install compiles the translations
# (.ts -> .qm, setup.py's build step), so the interface is Persian from here on.
if [ "$mode" = "test" ]; then
  .venv/bin/python -m pip install -q -c installer/constraints.txt -e ".[test]"
else
  .venv/bin/python -m pip install -q -c installer/constraints.txt -e .
fi

case "$mode" in
  run)
    exec .venv/bin/integrity-desktop --demo
    ;;
  test)
    export QT_QPA_PLATFORM=offscreen INTEGRITY_TEST_PG=1
    .venv/bin/ruff check integrity_desktop tests
    .venv/bin/mypy integrity_desktop
    .venv/bin/python -m pytest -q -p no:cacheprovider
    # The wheel, installed outside the checkout: offices, init, a PDF, the self-test, in Persian.
    PYTHON="$python" bash installer/check-wheel.sh
    ;;
  *)
    echo "usage: bash installer/debian-setup.sh run|test" >&2
    exit 64
    ;;
esac
