"""An HQ demo store that has imported real signed bundles from several provinces' demo stores,
so the HQ dashboard, the map, the national report and the screenshots show a country.

Each province's demo store is made with its own seed (its figures differ from its neighbour's)
in a temporary folder, exported as a full bundle signed with the demo key, trusted by HQ and
imported through the same code as a bundle on a USB stick; the province stores are then
deleted.  Deterministic from the seed; running it again imports nothing twice.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from integrity_desktop.db.store import Store
from integrity_desktop.permissions import Actor
from integrity_desktop.services.demo.content import DEMO_PASSPHRASE, demo_admin, ensure_demo_store, make_demo
from integrity_desktop.services.store import keys
from integrity_desktop.services.store.opening import open_initialised
from integrity_desktop.services.store.seed import HQ

DEFAULT_PROVINCES: tuple[str, ...] = ("tehran", "isfahan", "fars", "khorasan-razavi", "gilan", "kerman")


def one_conflict(hq: Store, admin: Actor, province_path: Path, code: str, folder: Path,
                 passphrase: str = DEMO_PASSPHRASE) -> None:
    """One real conflict for the review screen (and its screenshot): HQ corrects the name of one
    of the province's units while the province renames it differently; the province's next
    bundle then meets HQ's change.  Only unit names change, so no figure moves."""
    from sqlalchemy import select

    from integrity_desktop.db.models import Unit
    from integrity_desktop.services.store import records
    from integrity_desktop.sync.export import export_bundle
    from integrity_desktop.sync.merge import import_bundle

    province = open_initialised(str(province_path))
    try:
        with province.read() as s:
            unit_id = s.scalar(select(Unit.id).where(Unit.office_code == code, Unit.deleted.is_(False))
                               .order_by(Unit.name_fa).limit(1))
        if unit_id is None:
            return
        for store, who, suffix in ((hq, admin, " (نام اصلاح‌شده در ستاد)"),
                                   (province, demo_admin(code), " (نام تازهٔ استان)")):
            with store.session() as s:
                unit = s.get(Unit, unit_id)
                if unit is not None:
                    records.update(s, store, who, unit, name_fa=unit.name_fa + suffix)
        bundle = folder / f"{code}-2.itb"
        export_bundle(province, demo_admin(code), bundle, keys.signing_key(province, passphrase))
    finally:
        province.dispose()
    import_bundle(hq, admin, bundle, lambda: [keys.age_identity(hq, passphrase)])


def import_demo_provinces(
    location: str, provinces: Sequence[str] = DEFAULT_PROVINCES, *, seed: int = 1403, scale: int = 1,
    actor: Actor | None = None,
) -> dict[str, int]:
    """Fill the HQ demo store at ``location`` (created if missing) with bundles of ``provinces``
    (returns records merged per province)."""
    from integrity_desktop.sync.export import export_bundle
    from integrity_desktop.sync.merge import import_bundle
    from integrity_desktop.sync.trust import add_key, list_keys

    hq = ensure_demo_store(location, HQ)
    admin = actor or demo_admin(HQ)
    out: dict[str, int] = {}
    try:
        trusted = {k.office_code for k in list_keys(hq, admin) if k.revoked_at is None}
        with tempfile.TemporaryDirectory(prefix="integrity-demo-hq-") as tmp:
            for i, code in enumerate(provinces):
                path = Path(tmp) / f"{code}.sqlite"
                make_demo(str(path), code, seed=seed + i, scale=scale)
                province = open_initialised(str(path))
                try:
                    bundle = Path(tmp) / f"{code}.itb"
                    export_bundle(province, demo_admin(code), bundle, keys.signing_key(province, DEMO_PASSPHRASE),
                                  full=True)
                    if code not in trusted:
                        add_key(hq, admin, code, keys.public_key_file(province))
                finally:
                    province.dispose()
                summary = import_bundle(hq, admin, bundle, lambda: [keys.age_identity(hq, DEMO_PASSPHRASE)])
                out[code] = summary.changed
                if i == 0 and code not in trusted:
                    one_conflict(hq, admin, path, code, Path(tmp))
    finally:
        hq.dispose()
    return out
