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

from integrity_desktop.permissions import Actor
from integrity_desktop.services import keys
from integrity_desktop.services.demo import DEMO_PASSPHRASE, demo_admin, ensure_demo_store, make_demo
from integrity_desktop.services.seed import HQ
from integrity_desktop.services.stores import open_initialised

DEFAULT_PROVINCES: tuple[str, ...] = ("tehran", "isfahan", "fars", "khorasan-razavi", "gilan", "kerman")


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
    finally:
        hq.dispose()
    return out
