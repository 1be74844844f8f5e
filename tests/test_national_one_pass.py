"""HQ's national figures are computed in one pass across provinces (grouped queries, every
computed source answering for all offices at once); they must equal the province-by-province
computation.  The store: HQ after importing the full signed bundles of two demo provinces
(every register filled, each with its own seed), on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from integrity_desktop import jalali
from integrity_desktop.db.store import Store
from integrity_desktop.permissions import Actor
from integrity_desktop.services.figures import achievement, computed, national
from integrity_desktop.services.figures.computed import THREE_YEAR
from integrity_desktop.services.store import keys

from .conftest import ADMIN_PASSWORD, PASSPHRASE

pytest_plugins = ("tests.pg",)

PROVINCES = ("tehran", "isfahan")


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, Path, str]]:
    """(province, full bundle, public key) of two demo provinces."""
    from integrity_desktop.services.demo.content import DEMO_PASSPHRASE, demo_admin, make_demo
    from integrity_desktop.services.store.opening import open_initialised
    from integrity_desktop.sync.export import export_bundle

    tmp = tmp_path_factory.mktemp("one-pass")
    out = []
    for i, code in enumerate(PROVINCES):
        path = tmp / f"{code}.sqlite"
        make_demo(str(path), code, seed=1403 + i, scale=1)
        store = open_initialised(str(path))
        try:
            bundle = tmp / f"{code}.itb"
            export_bundle(store, demo_admin(code), bundle, keys.signing_key(store, DEMO_PASSPHRASE), full=True)
            out.append((code, bundle, keys.public_key_file(store)))
        finally:
            store.dispose()
    return out


def _fill(hq: Store, items: list[tuple[str, Path, str]]) -> Store:
    from integrity_desktop.sync.merge import import_bundle
    from integrity_desktop.sync.trust import add_key

    actor = _admin()
    for code, bundle, pub in items:
        add_key(hq, actor, code, pub)
        summary = import_bundle(hq, actor, bundle, lambda: [keys.age_identity(hq, PASSPHRASE)])
        assert summary.changed > 0
    return hq


def _admin() -> Actor:
    return Actor("test-admin", "admin", "hq")


@pytest.fixture(scope="module")
def hq(bundles: list[tuple[str, Path, str]], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    from integrity_desktop.services.store.opening import init_store

    store = init_store(str(tmp_path_factory.mktemp("one-pass-hq") / "hq.sqlite"), "hq", ADMIN_PASSWORD,
                       PASSPHRASE)
    yield _fill(store, bundles)
    store.dispose()


def _periods() -> list[jalali.Period]:
    """Every quarter and year with demo records (the demo writes up to today)."""
    this = jalali.jalali_year(jalali.today())
    years = range(1402, this + 1)
    return [p for y in years for p in jalali.periods_of_year(y, "quarter")] + [jalali.Period(y, "year") for y in years]


def test_computed_figures_of_all_offices_equal_office_by_office(hq: Store) -> None:
    today = jalali.today()
    seen: set[str] = set()
    with hq.read() as s:
        for period in _periods():
            together = computed.figures_by_office(s, THREE_YEAR, PROVINCES, period, today)
            for office in PROVINCES:
                alone = computed.figures_in(s, THREE_YEAR, office, period, today)
                assert together[office] == alone, (period.code, office)
                seen |= {code for code, f in alone.items() if f.value}
    # the demo fills every register: each source gives figures that are not zero somewhere
    for code in ("1/4", "1/6", "22/1", "22/3", "6/3", "6/11", "7/2", "12/5", "10/2", "10/3", "9/5", "16/2"):
        assert code in seen, code


def test_indicator_figures_of_all_offices_equal_office_by_office(hq: Store) -> None:
    today = jalali.today()
    with hq.read() as s:
        for period in _periods():
            together = achievement.figures_in(s, THREE_YEAR, period, PROVINCES, today)
            for office in PROVINCES:
                assert together[office] == achievement.figures_in(s, THREE_YEAR, period, [office], today)[office]


def _flat(pic: national.NationalPicture) -> dict[tuple[str, ...], Any]:
    """Every number of a national picture, keyed by where it is shown."""
    out: dict[tuple[str, ...], Any] = {("completion",): pic.completion}
    for f in pic.figures:
        out[("national", f.code)] = (f.national.method, f.national.value, f.national.numerator,
                                     f.national.denominator, tuple(sorted(f.national.distribution.items())))
        for p in f.provinces:
            out[("province", f.code, p.office_code)] = (p.value, p.numerator, p.denominator, p.status)
    for a in pic.axes:
        out[("axis", str(a.number))] = (a.completion, tuple(sorted(a.by_office.items())), a.with_target, a.met,
                                        a.province_met, a.province_with_value)
    for r in pic.provinces:
        out[("row", r.office_code)] = (r.completion, r.rank, r.with_target, r.met, r.overdue_actions,
                                       r.open_actions, r.overdue_cases, r.open_cases, r.late)
    return out


def test_national_picture_equals_each_provinces_own_figures(hq: Store) -> None:
    today = jalali.today()
    for period in _periods()[-6:]:
        pic = national.picture(hq, _admin(), period.code, today=today)
        with hq.read() as s:
            for office in PROVINCES:
                own = {f.code: f for f in achievement.figures_in(s, THREE_YEAR, period, [office], today)[office]}
                for f in pic.figures:
                    mine = f.province(office)
                    assert mine is not None and mine.value == own[f.code].value, (period.code, f.code, office)


def test_one_indicator_alone_equals_the_whole_pictures(hq: Store) -> None:
    """The map and the indicator tab ask for one indicator, which reads only its own rows."""
    today = jalali.today()
    for period in _periods()[-6:]:
        pic = national.picture(hq, _admin(), period.code, today=today)
        for code in ("1/2", "1/4", "4/4", "6/11", "7/2", "10/3", "17/4"):
            alone = national.indicator_across(hq, _admin(), period.code, code, today=today)
            assert (alone[0] if alone else None) == pic.figure(code), (period.code, code)


def _approx(flat: dict[tuple[str, ...], Any]) -> dict[tuple[str, ...], Any]:
    def one(v: Any) -> Any:
        if isinstance(v, float):
            return round(v, 9)
        if isinstance(v, tuple):
            return tuple(one(x) for x in v)
        return v

    return {k: one(v) for k, v in flat.items()}


def test_the_same_figures_on_postgresql(hq: Store, bundles: list[tuple[str, Path, str]], pg_url: str) -> None:
    from integrity_desktop.services.store.opening import init_store

    pg = _fill(init_store(pg_url, "hq", ADMIN_PASSWORD, PASSPHRASE), bundles)
    try:
        today = jalali.today()
        day = _dt.date(today.year, today.month, today.day)
        for period in _periods()[-6:]:
            on_sqlite = national.picture(hq, _admin(), period.code, today=day)
            on_pg = national.picture(pg, _admin(), period.code, today=day)
            assert _approx(_flat(on_pg)) == _approx(_flat(on_sqlite)), period.code
        # the planner settings the answers are read with end with their transaction: every
        # pooled connection plans the next statement with the server's own costs
        with pg.read() as a, pg.read() as b, pg.read() as c:
            for session in (a, b, c):
                for name in ("random_page_cost", "max_parallel_workers_per_gather"):
                    now, default = session.execute(
                        text("SELECT current_setting(name), reset_val FROM pg_settings WHERE name = :n"),
                        {"n": name}).one()
                    assert now == default, name
    finally:
        pg.dispose()
