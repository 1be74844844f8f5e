"""Programme figures you can trust: values by kind and bounds, indicators asked by frequency,
computed figures read live and frozen with the approval, template versions, reform codes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from integrity_desktop.db.models import ChecklistEntry, TemplateItem, Unit
from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.indicators import display_code
from integrity_desktop.jalali import parse_date
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.services.checklists import scoring, templates
from integrity_desktop.services.figures import computed
from integrity_desktop.services.inspections import visits
from integrity_desktop.services.store import records
from integrity_desktop.services.store.records import stable_id
from integrity_desktop.services.store.seed import template_id

from .checklist_helpers import digest, inspector_id
from .conftest import actor
from .sync_helpers import export, import_, trust

pytest_plugins = ("tests.sync_fixtures", "tests.pg")  # fixtures: fresh, pg_url

INSPECTOR = actor("inspector")
THREE_YEAR = scoring.three_year_template_id()
REFORM = template_id("reform-1397-1399", 1)
Fresh = Callable[[Path, str], Store]


def _units(store: Store) -> list[str]:
    with store.read() as s:
        return list(s.scalars(select(Unit.id).where(Unit.office_code == store.office_code).order_by(Unit.id)))


def _visit(store: Store, day: str, **kw: object) -> visits.VisitDetail:
    return visits.log_visit(store, actor("inspector", store.office_code), kind="adhoc",
                            unit_id=_units(store)[0], visit_date=day, inspector_ids=[inspector_id(store)],
                            **kw)  # type: ignore[arg-type]


def _entries(store: Store, checklist_id: str) -> dict[str, checklists.EntryView]:
    return {e.item_code: e for e in checklists.get_checklist(store, INSPECTOR, checklist_id).entries}


# --------------------------------------------------------------------------- entry by kind


@pytest.mark.parametrize(
    ("code", "kind", "good", "bad", "range_fa"),
    [
        ("4/4", "count", [0, 3, "۱۲", 40.0], [-1, 2.5, "2.5"], "عددی درست از ۰ به بالا"),
        ("17/4", "percent", [0, 15, 100, "۸۷٫۵", "40%"], [-0.1, 100.5, 250], "عددی از ۰ تا ۱۰۰"),
        ("8/1", "score", [0, 72, 100], [101, -1], "عددی از ۰ تا ۱۰۰"),
        ("1/1", "status", [None, ""], [1, 0], ""),
    ],
)
def test_every_kind_takes_only_values_inside_its_bounds(
    store: Store, code: str, kind: str, good: list[object], bad: list[object], range_fa: str
) -> None:
    summary = checklists.create_checklist(store, INSPECTOR, THREE_YEAR, None, "1403-Q4")
    entry = _entries(store, summary.id)[code]
    assert entry.definition.kind == kind
    for value in good:
        checklists.save_entry(store, INSPECTOR, entry.id, value=value)
    for value in bad:
        before = digest(store)
        with pytest.raises(UserError) as err:
            checklists.save_entry(store, INSPECTOR, entry.id, value=value)
        assert err.value.code in ("invalid_value", "value_not_counted")
        assert f"شاخص {display_code(code)}" in err.value.fa
        assert range_fa in err.value.fa  # names the values it accepts
        assert digest(store) == before


@pytest.mark.parametrize(
    ("code", "kind", "good", "bad", "range_fa"),
    [
        ("10/2", "ratio", [0, 0.85, 1], [1.01, 500, -0.2], "عددی از ۰ تا ۱"),
        ("10/3", "average_days", [0, 12.5, 365], [366, 9999, -3], "عددی از ۰ تا ۳۶۵"),
    ],
)
def test_ratio_and_average_days_bounds(
    store: Store, code: str, kind: str, good: list[object], bad: list[object], range_fa: str
) -> None:
    """10/2 and 10/3, the programme's only ratio and average-days indicators, are computed from
    the complaints register since issue 20 (typing them is refused); their kinds' bounds are the
    entry rules' (the same ones the Excel import applies)."""
    from integrity_desktop.services.checklists import entry_rules

    summary = checklists.create_checklist(store, INSPECTOR, THREE_YEAR, None, "1403-Q4")
    entry = _entries(store, summary.id)[code]
    assert entry.definition.kind == kind
    for value in good:
        assert entry_rules.value(value, entry.definition, code, entry.title) is not None
    for value in bad:
        with pytest.raises(UserError) as err:
            entry_rules.value(value, entry.definition, code, entry.title)
        assert f"شاخص {display_code(code)}" in err.value.fa and range_fa in err.value.fa
    with pytest.raises(UserError) as err:
        checklists.save_entry(store, INSPECTOR, entry.id, value=good[1])
    assert "computed" in err.value.en


def test_the_message_names_the_indicator_and_the_range(store: Store) -> None:
    summary = checklists.create_checklist(store, INSPECTOR, THREE_YEAR, None, "1403-Q4")
    entry = _entries(store, summary.id)["17/4"]
    with pytest.raises(UserError) as err:
        checklists.save_entry(store, INSPECTOR, entry.id, value=250)
    assert err.value.fa == (
        "مقدار شاخص ۱۷/۴ («رعایت حداقل ۱۵٪ استفاده از مدیران خارج از…») از نوع «درصد» است "
        "و باید عددی از ۰ تا ۱۰۰ باشد؛ «۲۵۰» پذیرفته نیست."
    )


def test_figures_follow_the_one_rounding_rule_with_achievement_on_the_shown_value() -> None:
    """Issue 14's rule for issue 15's numbers: a percent to one decimal, other values to two,
    half away from zero; the verdict compares the value as shown, so «۱۵٪» never reads «محقق نشد»."""
    from integrity_desktop.indicators import (
        MET,
        NOT_MET,
        Definition,
        achievement,
        format_value,
        range_text_fa,
        target_text_fa,
    )

    percent = Definition(kind="percent", unit_fa="درصد", min_value=0, max_value=100, target=15)
    assert format_value(percent, 33.333) == "۳۳٫۳٪" and format_value(percent, 90.0) == "۹۰٪"
    assert target_text_fa(percent) == "دست‌کم ۱۵٪" and range_text_fa(percent) == "عددی از ۰ تا ۱۰۰"
    assert achievement(percent, 14.96).state == MET  # shown «۱۵٪»
    short = achievement(percent, 14.94)  # shown «۱۴٫۹٪»
    assert (short.state, short.label_fa(percent)) == (NOT_MET, "محقق نشد؛ ۰٫۱ درصد تا هدف")
    ratio = Definition(kind="ratio", min_value=0, max_value=1)
    assert format_value(ratio, 2.675 / 10) == "۰٫۲۷" and format_value(ratio, 0.125) == "۰٫۱۳"
    days = Definition(kind="average_days", unit_fa="روز", direction="lower", min_value=0, max_value=365,
                      target=30)
    assert achievement(days, 30.004).state == MET  # shown «۳۰»
    late = achievement(days, 32.675)
    assert late.label_fa(days) == "محقق نشد؛ ۲٫۶۸ روز بیش از هدف"  # 2.675 rounds up, not to 2.67


def test_a_percent_figure_reads_the_same_on_screen_in_excel_pdf_and_the_command(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl

    from integrity_desktop.cli.indicator_cmds import number
    from integrity_desktop.indicators import places, value_text_fa
    from integrity_desktop.reports import checklist_excel
    from integrity_desktop.services.checklists import excel_import as checklist_import

    summary = checklists.create_checklist(store, INSPECTOR, THREE_YEAR, None, "1403-Q4")
    entry = _entries(store, summary.id)["17/4"]
    checklists.save_entry(store, INSPECTOR, entry.id, value=14.96)
    saved = _entries(store, summary.id)["17/4"]
    assert value_text_fa(saved.definition, saved.value) == "۱۵٪"  # the editor and the PDF
    assert number(saved.value, places(saved.definition)) == "15"  # the indicators command
    out = checklist_excel.export_workbook(store, INSPECTOR, tmp_path / "c.xlsx", checklist_ids=[summary.id]).path
    ws = openpyxl.load_workbook(out).worksheets[0]
    headers = [c.value for c in ws[1]]
    row = next(r for r in ws.iter_rows(min_row=2) if r[headers.index("کد شاخص")].value == "۱۷/۴")
    value = row[headers.index("مقدار")]
    assert value.value == 15 and value.data_type == "n" and "%" in value.number_format
    assert row[headers.index("دستیابی")].value == "محقق شد"
    # the rounding is not an edit: the workbook imports back without touching 14.96
    again = checklist_import.import_workbook(store, INSPECTOR, out)
    assert (again.updated, again.problems) == (0, ())
    assert _entries(store, summary.id)["17/4"].value == 14.96


# --------------------------------------------------------------------------- due by frequency


def test_an_annual_indicator_is_asked_only_at_the_year_end(store: Store) -> None:
    asked = {
        period: set(_entries(store, checklists.create_checklist(store, INSPECTOR, THREE_YEAR, None, period).id))
        for period in ("1403-Q1", "1403-Q2", "1403-Q4", "1403", "1403-M07", "1403-M12")
    }
    for annual in ("1/7", "5/3", "10/1"):
        assert annual not in asked["1403-Q1"] | asked["1403-Q2"] | asked["1403-M07"]
        assert annual in asked["1403-Q4"] & asked["1403"] & asked["1403-M12"]
    assert "1/5" in asked["1403-Q2"] and "1/5" not in asked["1403-Q1"]  # six-monthly
    assert "9/11" in asked["1403-Q1"] and "9/11" not in asked["1403-M07"]  # quarterly («فصلی»)
    assert {"1/6", "10/5"} <= asked["1403-M07"] and "2/1" not in asked["1403-M07"]  # monthly
    assert len(asked["1403"]) == 138


def test_scoring_leaves_out_what_is_not_due_and_old_answers_are_kept(store: Store) -> None:
    summary = checklists.create_checklist(store, INSPECTOR, THREE_YEAR, None, "1403-Q1")
    entries = _entries(store, summary.id)
    for e in entries.values():
        checklists.save_entry(store, INSPECTOR, e.id, status="done")
    assert checklists.get_checklist(store, INSPECTOR, summary.id).summary.completion == 100.0
    # A checklist made before the due rule holds an answer for the annual 1/7: it is kept and
    # shown (not asked), never scored.
    with store.session() as s:
        item_id = stable_id("item", THREE_YEAR, "1/7")
        records.add(s, store, INSPECTOR, ChecklistEntry(
            id=stable_id("entry", summary.id, item_id), office_code=store.office_code,
            checklist_id=summary.id, item_id=item_id, status="not_done", note="پاسخ پیشین"))
    kept = _entries(store, summary.id)["1/7"]
    assert (kept.asked, kept.status, kept.note) == (False, "not_done", "پاسخ پیشین")
    result = checklists.save_entry(store, INSPECTOR, entries["1/1"].id, note="بازبینی")
    assert result.completion == 100.0
    axes = {a.number: a for a in scoring.checklist_axes(store, INSPECTOR, summary.id)}
    assert axes[1].completion == 100.0 and axes[1].not_done == 0


def test_a_once_indicator_is_not_asked_again_after_it_is_done(store: Store) -> None:
    q1 = checklists.create_checklist(store, INSPECTOR, THREE_YEAR, None, "1403-Q1")
    checklists.save_entry(store, INSPECTOR, _entries(store, q1.id)["1/1"].id, status="done")
    q2 = checklists.create_checklist(store, INSPECTOR, THREE_YEAR, None, "1403-Q2")
    assert "1/1" not in _entries(store, q2.id) and "10/8" in _entries(store, q2.id)
    unit = checklists.create_checklist(store, INSPECTOR, THREE_YEAR, _units(store)[0], "1403-Q2")
    assert "1/1" in _entries(store, unit.id)  # each unit answers for itself


def test_a_checklist_with_nothing_due_is_refused(store: Store) -> None:
    before = digest(store)
    with pytest.raises(UserError) as err:
        checklists.create_checklist(store, INSPECTOR, REFORM, None, "1403-Q1")  # the reform is annual
    assert err.value.code == "nothing_due" and "سال" in err.value.fa
    assert digest(store) == before
    year = checklists.create_checklist(store, INSPECTOR, REFORM, None, "1403")
    assert len(_entries(store, year.id)) == 67


def test_a_visit_checklist_checks_every_indicator_but_the_computed(store: Store) -> None:
    detail = _visit(store, "1403/07/11", template_id=THREE_YEAR)
    assert detail.visit.checklist_id is not None
    codes = set(_entries(store, detail.visit.checklist_id))
    assert len(codes) == 138 - 41 and "1/7" in codes and "22/1" not in codes  # 17 + issue 20's 13 + issue 21's 11


# --------------------------------------------------------------------------- computed, frozen


def test_approval_freezes_the_figures_and_later_records_show_beside_them(
    fresh: Fresh, province_template: Path, hq_template: Path, tmp_path: Path
) -> None:
    tehran, hq = fresh(province_template, "t"), fresh(hq_template, "h")
    trust(hq, tehran)
    trust(tehran, hq)
    inspector = actor("inspector", "tehran")
    summary = checklists.create_checklist(tehran, inspector, THREE_YEAR, None, "1403-Q3")
    _visit(tehran, "1403/07/11")
    checklists.submit(tehran, inspector, summary.id)
    export(tehran, tmp_path / "1.zip")
    import_(hq, tmp_path / "1.zip")
    reviewer = actor("reviewer", "hq")
    hq_before = _entries_as(hq, reviewer, summary.id)["22/1"]
    assert (hq_before.value, hq_before.frozen) == (1.0, False)  # HQ computes from the bundle's records
    checklists.approve(hq, reviewer, summary.id)
    frozen = _entries_as(hq, reviewer, summary.id)["22/1"]
    assert (frozen.value, frozen.live_value, frozen.frozen, frozen.changed_since_approval) == (1.0, 1.0, True, False)
    assert frozen.computed_source and frozen.computed_source["frozen"] is True

    # The province logs a late visit of the quarter; HQ receives it: the approved figure stays,
    # the new one is shown beside it — never applied, never refused.
    _visit(tehran, "1403/08/02")
    export(tehran, tmp_path / "2.zip")
    import_(hq, tmp_path / "2.zip")
    after = _entries_as(hq, reviewer, summary.id)["22/1"]
    assert (after.value, after.live_value, after.changed_since_approval) == (1.0, 2.0, True)
    assert after.changed_since_approval_fa == "تغییر پس از تأیید: اکنون ۲"
    # The approval travels back: the province shows the same frozen figure and the change.
    export(hq, tmp_path / "hq.zip", for_office="tehran")
    import_(tehran, tmp_path / "hq.zip")
    there = _entries(tehran, summary.id)["22/1"]
    assert (there.value, there.live_value, there.changed_since_approval) == (1.0, 2.0, True)
    # Reopened, the checklist reads the records again.
    checklists.reopen(hq, reviewer, summary.id)
    assert _entries_as(hq, reviewer, summary.id)["22/1"].value == 2.0


def _entries_as(store: Store, who: object, checklist_id: str) -> dict[str, checklists.EntryView]:
    return {e.item_code: e for e in checklists.get_checklist(store, who, checklist_id).entries}  # type: ignore[arg-type]


def test_records_behind_a_figure_and_its_persian_formula(store: Store) -> None:
    _visit(store, "1403/07/11", status="reported")
    summary = checklists.create_checklist(store, INSPECTOR, THREE_YEAR, None, "1403-Q3")
    entry = _entries(store, summary.id)["22/4"]
    assert entry.value == 1.0 and entry.formula_fa.startswith("شمار بازدیدهای موردی")
    assert not any("a" <= ch.lower() <= "z" for ch in entry.formula_fa)  # no English formula text
    rows = computed.records_behind(store, INSPECTOR, "1403-Q3", "22/4")
    assert len(rows) == 1 and rows[0].counted and rows[0].day == parse_date("1403/07/11")
    for code in computed.computed_codes(scoring.three_year_code()):
        assert computed.formula_fa(scoring.three_year_code(), code), code


# --------------------------------------------------------------------------- versions, reform


def test_a_second_template_version_keeps_definitions_and_computed_figures(
    hq_store: Store,
) -> None:
    admin = actor("admin", "hq")
    v2 = templates.new_version(hq_store, admin, THREE_YEAR, "برنامهٔ سه‌ساله، ویرایش دوم")
    item = next(i for i in templates.get_template(hq_store, admin, v2.id).items if i.code == "17/4")
    assert (item.definition.kind, item.definition.target) == ("percent", 15.0)
    templates.update_item(hq_store, admin, item.id, target=20)
    with pytest.raises(UserError) as err:
        templates.update_item(hq_store, admin, item.id, target=150)
    assert err.value.code == "item_definition" and "۱۷/۴" in err.value.fa
    templates.publish(hq_store, admin, v2.id)
    hq_inspector = actor("inspector", "hq")
    summary = checklists.create_checklist(hq_store, hq_inspector, v2.id, None, "1403-Q3")
    entries = {e.item_code: e for e in checklists.get_checklist(hq_store, hq_inspector, summary.id).entries}
    assert entries["22/1"].computed and entries["22/1"].value == 0.0
    assert entries["17/4"].definition.target == 20.0
    axes = scoring.dashboard_axes(hq_store, hq_inspector, "1403-Q3")
    assert len(axes) == 22  # the dashboard reads every version of the programme


def test_reform_codes_never_collide_with_the_three_year_codes(store: Store) -> None:
    with store.read() as s:
        six = s.execute(select(TemplateItem.code, TemplateItem.template_id).where(
            TemplateItem.code.like("6/%"))).all()
        reform = list(s.scalars(select(TemplateItem.code).where(TemplateItem.template_id == REFORM)))
    assert {tid for _code, tid in six} == {THREE_YEAR}  # «6/%» finds only the three-year 6/x
    assert len(reform) == 67 and all(code.startswith("R") for code in reform)
    year = checklists.create_checklist(store, INSPECTOR, REFORM, None, "1403")
    goal = _entries(store, year.id)["R6/5"]
    assert goal.code_fa == "اصلاح ۶/۵" and goal.definition.target == 10.0


@pytest.mark.postgres
def test_figures_and_scores_are_the_same_on_postgresql(store: Store, pg_url: str) -> None:
    """The SQL the scores and figures aggregate with gives the same numbers on PostgreSQL."""
    from integrity_desktop.services.figures import achievement
    from integrity_desktop.services.store.opening import init_store

    from .conftest import ADMIN_PASSWORD, PASSPHRASE

    pg = init_store(pg_url, "tehran", ADMIN_PASSWORD, PASSPHRASE)
    try:
        results = []
        for target in (store, pg):
            units = _units(target)
            for unit, period in ((None, "1403-Q2"), (units[0], "1403-Q2"), (None, "1403-Q4")):
                summary = checklists.create_checklist(target, INSPECTOR, THREE_YEAR, unit, period)
                view = checklists.get_checklist(target, INSPECTOR, summary.id)
                for i, e in enumerate(view.entries):
                    fields: dict[str, object] = {"status": ("done", "partial", "not_done", "na", "")[i % 5]}
                    if fields["status"] == "partial":
                        fields["progress"] = (i * 7) % 100
                    if e.definition.takes_value and not e.computed and e.definition.max_value:
                        fields["value"] = e.definition.max_value / 2
                    checklists.save_entry(target, INSPECTOR, e.id, **fields)
            _visit(target, "1403/04/10")
            results.append((
                scoring.dashboard_axes(target, INSPECTOR, "1403-Q2"),
                scoring.open_indicator_list(target, INSPECTOR, "1403-Q2"),
                [(f.code, f.value) for f in achievement.office_figures(target, INSPECTOR, "1403-Q2")],
                [c.completion for c in checklists.list_checklists(target, INSPECTOR)],
            ))
        assert results[0] == results[1]
    finally:
        pg.dispose()
