"""Bundle size (issue 23, finding 4): bytes per record of a province's full bundle, and the size
of its incremental bundle after a week of demo activity, without evidence.

The demo at scale S covers the quarters of years 1401-S+1 .. 1403 (4 years at scale 2: 208
weeks).  Two weeks are simulated on a copy of the province store, each after an export to HQ
(so the next export carries only what changed since):

* an average week: 1/208 of the records of every type edited (a text field changed through
  ``records.update``, so each carries a new stamp and its history, as a person's edit does);
* a quarter-closing week: one period's checklists filled in — 1/16 of the checklists and of
  their entries — with four average weeks of everything else.

Goal: the incremental weekly bundle under 1 MB (it goes by e-mail).
"""

from __future__ import annotations

import os
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from bench import workload
from bench.common import Figure, Options, emit, run_child

GOAL_BYTES = 1_000_000
WEEKS = {1: 156, 2: 208}  # weeks the demo's periods span, by scale
TEXT_FIELDS = ("note", "notes", "description", "summary", "details", "title", "name_fa",
               "subject", "text")


def _records(bundle: Path) -> int:
    import json

    with zipfile.ZipFile(bundle) as zf:
        return int(sum(json.loads(zf.read("manifest.json"))["record_counts"].values()))


def _edit(store: Any, actor: Any, shares: dict[str, float], default: float, tag: str) -> int:
    """Edit ``share`` of each record type's live rows (every n-th by id); the count."""
    from sqlalchemy import select

    from integrity_desktop.services.store import records
    from integrity_desktop.sync import bundle_format as bf

    edited = 0
    with store.session() as s:
        for record_type, model in bf.models_by_type().items():
            field = next((f for f in TEXT_FIELDS if hasattr(model, f)), None)
            if field is None:
                continue
            rows = s.scalars(select(model).where(model.deleted.is_(False))
                             .where(model.office_code == store.office_code)
                             .order_by(model.id)).all()
            share = shares.get(record_type, default)
            n = round(len(rows) * share)
            if not rows or n == 0:
                continue
            step = max(1, len(rows) // n)
            for obj in rows[::step][:n]:
                old = getattr(obj, field) or ""
                if records.update(s, store, actor, obj,
                                  **{field: f"{old} ویرایش هفتگی {tag}".strip()}):
                    edited += 1
    return edited


def child(argv: list[str]) -> None:
    """``--child PROVINCE_STORE SCALE``: sizes, on a copy of the store."""
    source, scale = Path(argv[0]), int(argv[1])
    from integrity_desktop.permissions import Actor
    from integrity_desktop.services.store import keys
    from integrity_desktop.sync.export import export_bundle

    weeks = WEEKS.get(scale, 52 * (scale + 2))
    with tempfile.TemporaryDirectory(prefix="bench-bundle-size-") as tmp:
        target = workload.copy_store(source, Path(tmp) / "province.sqlite")
        store = workload.open_unlocked(target)
        actor = Actor("bench", "admin", store.office_code)
        key = keys.signing_key(store, workload.PASSPHRASE)
        out: dict[str, Any] = {}
        full = Path(tmp) / "full.itb"
        export_bundle(store, actor, full, key, full=True)
        out["full_bytes"], out["full_records"] = full.stat().st_size, _records(full)
        with zipfile.ZipFile(full) as zf:
            out["full_evidence_bytes"] = sum(i.compress_size for i in zf.infolist()
                                             if i.filename.startswith("evidence/"))
        first = Path(tmp) / "first.itb"
        export_bundle(store, actor, first, key)  # what HQ has: the next one is incremental
        for name, shares, default in (
            ("average", {}, 1 / weeks),
            ("quarter", {"checklist": 1 / 16, "checklist_entry": 1 / 16}, 4 / weeks),
        ):
            edited = _edit(store, actor, shares, default, name)
            week = Path(tmp) / f"week-{name}.itb"
            export_bundle(store, actor, week, key)
            with zipfile.ZipFile(week) as zf:
                evidence = sum(i.compress_size for i in zf.infolist()
                               if i.filename.startswith("evidence/"))
            out[f"{name}_bytes"] = week.stat().st_size - evidence
            out[f"{name}_records"] = _records(week)
            out[f"{name}_edited"] = edited
        store.dispose()
    emit(out)


def run(opts: Options) -> list[Figure]:
    scale = opts.scale or (1 if opts.quick else 2)
    code = "tehran"
    store = workload.province_store(code, scale, opts.work)
    r = run_child(["-m", "bench.bundle_size", "--child", str(store), str(scale)])
    per = (r["full_bytes"] - r["full_evidence_bytes"]) / r["full_records"]
    load = os.getloadavg()[0]
    figures = [Figure("bundle_size", "full bundle, bytes per record (without evidence)", per,
                      "B", "reported", None,
                      note=f"{code} scale {scale}: {r['full_records']} records, "
                           f"{r['full_bytes'] / 1e6:.2f} MB; load average {load:.1f}")]
    for name, label in (("average", "an average week"), ("quarter", "a quarter-closing week")):
        size = r[f"{name}_bytes"]
        figures.append(Figure(
            "bundle_size", f"weekly incremental bundle, {label}", size / 1e6, "MB", "< 1 MB",
            size < GOAL_BYTES,
            note=f"{r[f'{name}_records']} records ({r[f'{name}_edited']} edited), "
                 f"{size / max(1, r[f'{name}_records']):.0f} B per record, evidence excluded"))
    return figures


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2:])
