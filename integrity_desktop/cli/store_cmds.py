"""Store commands: offices, init, demo, screenshots."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from integrity_desktop.cli.common import actor_for, command, env_secret, open_for, opened, tsv


def register(sub: Any) -> None:
    p = sub.add_parser("offices", help="list office codes and Persian names")
    p.set_defaults(run=run_offices)

    p = command(sub, "init", run_init, help="create a new store for an office")
    p.add_argument("--office", required=True, help="office code (see `offices`)")

    p = command(sub, "demo", run_demo, help="create or fill a store with deterministic demo content")
    p.add_argument("--office", default="tehran")
    p.add_argument("--seed", type=int, default=1403)
    p.add_argument("--scale", type=int, default=1)
    p.add_argument("--provinces", metavar="CODE,CODE",
                   help="with --office hq: import bundles of these provinces' demo stores "
                        "(default for hq: six provinces; 'none' for none)")

    p = command(sub, "screenshots", run_screenshots, help="render every main screen to PNG files")
    p.add_argument("--out", required=True)
    p.add_argument("--lang", choices=["fa"], default="fa", help="Persian (the only interface language)")
    p.add_argument("--size", default="1366x768", metavar="WxH",
                   help="window size (default 1366x768, the usual office screen; try 1280x720)")


def run_offices(args: argparse.Namespace) -> int:
    from integrity_desktop.catalog import load_offices

    for office in load_offices():
        print(tsv(office.code, office.name_fa))
    return 0


def run_init(args: argparse.Namespace) -> int:
    from integrity_desktop.services.store.opening import init_store

    password = env_secret("INTEGRITY_ADMIN_PASSWORD")
    passphrase = env_secret("INTEGRITY_PASSPHRASE")
    store = init_store(args.db, args.office, password, passphrase)
    print(f"store created for {args.office}: {args.db}")
    store.dispose()
    return 0


def run_demo(args: argparse.Namespace) -> int:
    from integrity_desktop.errors import PermissionDenied
    from integrity_desktop.permissions import ADMIN
    from integrity_desktop.services.demo.content import demo_store_exists, make_demo

    if args.scale < 1:
        from integrity_desktop.errors import UserError

        raise UserError("مقدار scale باید عددی مثبت باشد.", "--scale must be at least 1.")
    actor = None
    if demo_store_exists(args.db):
        # Filling an existing store writes to it: only its administrator may.
        with opened(args) as store:
            actor = actor_for(store)
        if actor.role != ADMIN:
            raise PermissionDenied("demo")
    summary = make_demo(args.db, args.office, seed=args.seed, scale=args.scale, actor=actor)
    for key, value in summary.items():
        print(tsv(key, value))
    from integrity_desktop.catalog import HQ_CODE

    if args.office == HQ_CODE and args.provinces != "none":
        from integrity_desktop.services.demo.hq import DEFAULT_PROVINCES, import_demo_provinces
        from integrity_desktop.services.store.opening import check_office_code

        codes = [c.strip() for c in args.provinces.split(",") if c.strip()] if args.provinces else list(DEFAULT_PROVINCES)
        for code in codes:
            check_office_code(code)
        for code, changed in import_demo_provinces(args.db, codes, seed=args.seed, scale=args.scale,
                                                   actor=actor).items():
            print(tsv(f"bundle:{code}", changed))
    return 0


def run_screenshots(args: argparse.Namespace) -> int:
    from integrity_desktop.ui.screenshots import render_all

    store = open_for(args)  # the screens show what the signed-in person's role may see
    out = Path(args.out)
    try:
        width, height = (int(n) for n in args.size.lower().split("x"))
    except ValueError:
        from integrity_desktop.errors import UserError

        raise UserError("اندازه را به شکل 1280x720 بنویسید.", "--size must look like 1280x720.") from None
    for path in render_all(store, actor_for(store), out, lang=args.lang, size=(width, height)):
        print(path)
    return 0
