"""Extract the 31 province outlines of Iran from the MIT-licensed npm package ``react-iran-map``
into ``resources/map/iran-provinces.svg`` (run once; the SVG is kept in the repository).

    cd "$(mktemp -d)" && npm pack react-iran-map@0.1.3 && tar xzf react-iran-map-0.1.3.tgz
    python tools/extract_iran_map.py package resources/map

The package draws its map as React elements (``IranMapWrapper.js``): one ``path`` or ``polygon``
per province carrying the Persian name in ``data-name``, two water bodies (class
``react-map-water``) and the labels as glyph outlines (left out: the app draws its own labels
with the bundled font).  Each province is matched to the offices catalogue by its Persian name
(normalised: Arabic yeh/kaf, ZWNJ, spaces) and written with the catalogue's code as its id, so
the app and the PDF join the map to the figures by code.  The licence is copied beside it.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

# an element's text runs to the next element (its attributes hold functions with braces)
ELEMENT = re.compile(r'React\.createElement\("(path|polygon)", \{(.*?)(?=React\.createElement|\Z)', re.S)
NAME = re.compile(r'"data-name": \'([^\']*)\'')
D = re.compile(r"\bd: '([^']*)'")
POINTS = re.compile(r"\bpoints: '([^']*)'")
CLASS = re.compile(r"className: '([^']*)'")


def _norm(name: str) -> str:
    return re.sub(r"[\s\u200c]+", "", name.replace("ي", "ی").replace("ك", "ک"))


def _clean(d: str) -> str:
    return re.sub(r"\s+", " ", d.replace("\\r", " ").replace("\\n", " ")).strip()


def extract(package: Path, catalog: Path) -> tuple[str, dict[str, str]]:
    source = (package / "dist/esm/components/mapSvg/IranMapWrapper.js").read_text(encoding="utf-8")
    offices = json.loads(catalog.read_text(encoding="utf-8"))["offices"]
    by_name = {_norm(o["province_fa"]): o for o in offices if o["kind"] == "province"}
    provinces: dict[str, str] = {}
    water: list[str] = []
    for tag, attrs in ELEMENT.findall(source):
        if tag == "polygon":
            m = POINTS.search(attrs)
            assert m, attrs[:80]
            d = "M" + _clean(m.group(1)).replace(" ", " L") + " Z"
        else:
            m = D.search(attrs)
            assert m, attrs[:80]
            d = _clean(m.group(1))
        name = NAME.search(attrs)
        if name is None:
            kind = CLASS.search(attrs)
            if kind and kind.group(1) == "react-map-water":
                water.append(d)
            continue  # a label drawn as glyph outlines
        fa = name.group(1).encode("ascii").decode("unicode_escape")
        office = by_name.get(_norm(fa))
        if office is None:
            raise SystemExit(f"no office for the province {fa!r}")
        if office["code"] in provinces:
            raise SystemExit(f"two outlines for {office['code']}")
        provinces[office["code"]] = d
    missing = set(o["code"] for o in by_name.values()) - set(provinces)
    if missing:
        raise SystemExit(f"no outline for {sorted(missing)}")
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<!-- Province outlines of Iran from the npm package react-iran-map 0.1.3",
        "     (c) 2023 Sima Mojtahedi, MIT licence: see LICENSE-react-iran-map.txt.",
        "     Extracted by tools/extract_iran_map.py; ids are the offices catalogue's codes. -->",
        '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 1080 1080">',
    ]
    lines += [f'  <path class="water" d="{d}"/>' for d in water]
    names = {o["code"]: o["province_fa"] for o in by_name.values()}
    for code in sorted(provinces):
        lines.append(f'  <path class="province" id="{code}" data-name="{names[code]}" d="{provinces[code]}"/>')
    lines.append("</svg>")
    return "\n".join(lines) + "\n", provinces


def main(argv: list[str]) -> int:
    package, out = Path(argv[1]), Path(argv[2])
    repo = Path(__file__).resolve().parent.parent
    svg, provinces = extract(package, repo / "resources/catalog/offices.json")
    out.mkdir(parents=True, exist_ok=True)
    (out / "iran-provinces.svg").write_text(svg, encoding="utf-8")
    shutil.copyfile(package / "LICENSE", out / "LICENSE-react-iran-map.txt")
    print(f"{len(provinces)} provinces written to {out / 'iran-provinces.svg'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
