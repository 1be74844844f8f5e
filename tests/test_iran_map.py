"""The map of Iran: every province of the offices catalogue has exactly one outline (matched by
code), the outlines parse, and colours follow the legend."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter

from integrity_desktop import catalog, iran_map
from integrity_desktop.digits import percent_text
from integrity_desktop.resources import resource_path


def test_every_province_once_by_code() -> None:
    root = ET.parse(resource_path("map", iran_map.SVG_NAME)).getroot()
    ids = Counter(p.get("id") for p in root.iter(f"{iran_map.SVG_NS}path") if p.get("class") == "province")
    provinces = {o.code: o for o in catalog.load_offices() if o.kind == "province"}
    assert len(provinces) == 31
    assert set(ids) == set(provinces) and set(ids.values()) == {1}
    shapes = iran_map.shapes()
    for code, shape in shapes.provinces.items():
        assert shape.name_fa == provinces[code].province_fa
        assert shape.segments[0][0] == "M" and len(shape.segments) > 10
        x0, y0, x1, y1 = shape.bbox
        assert 0 <= x0 < x1 <= 1080 and 0 <= y0 < y1 <= 1080
    # Tehran lies north of Fars, Sistan and Baluchestan east of Khuzestan
    assert shapes.provinces["tehran"].centre[1] < shapes.provinces["fars"].centre[1]
    assert shapes.provinces["sistan-baluchestan"].centre[0] > shapes.provinces["khuzestan"].centre[0]
    assert (resource_path("map", "LICENSE-react-iran-map.txt").read_text().startswith("MIT License"))


def test_parse_path_relative_and_smooth() -> None:
    segs = iran_map.parse_path("M10,10h5v5l-5,0z m1,1 c1,0 2,0 3,1 s2,2 3,3 L0 0")
    assert segs[:4] == (("M", 10.0, 10.0), ("L", 15.0, 10.0), ("L", 15.0, 15.0), ("L", 10.0, 15.0))
    assert segs[4] == ("Z",) and segs[5] == ("M", 11.0, 11.0)
    assert segs[6] == ("C", 12.0, 11.0, 13.0, 11.0, 14.0, 12.0)
    assert segs[7] == ("C", 15.0, 13.0, 16.0, 14.0, 17.0, 15.0)  # mirrored control point
    assert segs[8] == ("L", 0.0, 0.0)


def test_colours_follow_the_legend() -> None:
    values = {"tehran": 100.0, "fars": 87.5, "isfahan": 75.0, "ardabil": None}
    scale = iran_map.scale_for(values, percent_text)
    legend = scale.legend()
    assert legend[-1].label_fa == "بی‌داده" and scale.colour(None) == legend[-1].colour
    assert legend[0].label_fa == "۹۵٪ تا ۱۰۰٪"  # best first
    ranges = [i for i in legend if i.low is not None]
    for value in (75.0, 79.9, 80.0, 87.5, 99.0, 100.0):
        item = next(i for i in ranges if (i.low or 0) <= value < (i.high or 0) or value == scale.high == i.high)
        assert scale.colour(value) == item.colour, value
    assert scale.colour(100.0) == iran_map.RAMP[-1] and scale.colour(75.0) == iran_map.RAMP[0]
    worse = iran_map.scale_for({"a": 0.0, "b": 10.0}, str, higher_better=False)
    assert worse.colour(0.0) == iran_map.RAMP[-1] and worse.colour(10.0) == iran_map.RAMP[0]
    one = iran_map.scale_for({"a": 5.0, "b": 5.0}, str)
    assert [i.label_fa for i in one.legend()] == ["5.0", "بی‌داده"]
    assert one.colour(5.0) == one.legend()[0].colour  # the one value has the legend's colour


def test_the_printed_map_writes_each_province_s_figure_on_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 17 item 3: nothing hovers on paper, so the PDF map writes the figures on the
    provinces (as text a reader can copy), and only where a figure is given."""
    import subprocess

    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    from integrity_desktop import iran_map
    from integrity_desktop.digits import percent_text
    from integrity_desktop.reports.map_drawing import MapFlowable

    values = {"tehran": 75.0, "fars": 12.5, "isfahan": None}
    scale = iran_map.scale_for(values, percent_text)

    def text_of(labels: dict[str, str]) -> str:
        out = tmp_path / f"map-{len(labels)}.pdf"
        SimpleDocTemplate(str(out), pagesize=A4).build([MapFlowable(values, scale, "درصد تکمیل", 480, 290, labels)])
        return subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout

    plain = text_of({})
    labelled = text_of({"tehran": "۷۵٪", "fars": "۱۲٫۵٪"})
    assert "۷۵٪" in labelled and "۱۲٫۵٪" in labelled
    assert labelled.count("۷۵٪") == plain.count("۷۵٪") + 1  # the legend had its own; one more on Tehran
