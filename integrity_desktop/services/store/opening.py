"""Creating and opening stores for an office."""

from __future__ import annotations

from pathlib import Path

from integrity_desktop import catalog
from integrity_desktop.db.store import Store, open_store
from integrity_desktop.errors import StoreError, UserError
from integrity_desktop.paths import is_url
from integrity_desktop.permissions import system_actor
from integrity_desktop.services.accounts import users
from integrity_desktop.services.audit.log import start_content_check


def check_office_code(code: str) -> None:
    codes = [o.code for o in catalog.load_offices()]
    if code not in codes:
        raise UserError(
            f"کد ادارهٔ «{code}» شناخته نیست. فهرست کدها را با فرمان offices ببینید.",
            f"Unknown office code {code!r}; see `integrity-desktop offices`.",
            code="unknown_office",
        )


def init_store(location: str, office_code: str, admin_password: str, passphrase: str,
               *, encrypt: bool = True) -> Store:
    """Create a new store for an office with its admin account; never touches an existing one.

    A store file is encrypted (SQLCipher; ``db/cipher.py``) unless ``encrypt`` is False; a
    PostgreSQL database relies on the server's own controls (docs/THREAT-MODEL.md)."""
    # Imported here: opening a store (every start-up) needs neither the keys nor the catalogue.
    from integrity_desktop.services.store import keys
    from integrity_desktop.services.store.seed import seed_reference_data

    check_office_code(office_code)
    users.check_password_rules(admin_password)
    keys.check_passphrase(passphrase)
    if not is_url(location):
        path = Path(location)
        if path.exists():
            raise StoreError(
                f"پروندهٔ «{path}» از پیش وجود دارد؛ فرمان init به آن دست نمی‌زند. "
                "نام دیگری بدهید یا برای پرونده‌ای که دارید از demo یا خود برنامه استفاده کنید.",
                f"{path} already exists; init never touches an existing store.",
                code="store_exists",
            )
    store = open_store(location, create=True, encrypt=encrypt and not is_url(location))
    if store.initialised:
        store.dispose()
        raise StoreError(
            "این پایگاه داده پیش‌تر راه‌اندازی شده است.",
            "This database is already initialised.",
            code="store_exists",
        )
    try:
        with store.session() as s:
            store.set_meta("office_code", office_code, s)
        start_content_check(store)
        seed_reference_data(store, system_actor(office_code))
        users.create_first_admin(store, admin_password)
        keys.create_keys(store, passphrase)
        if store.key is not None:
            from integrity_desktop.services.store.blobcrypt import identity

            identity(store, create=True)  # the evidence files' key, inside the encrypted store
    except BaseException:
        # A half-made store is worse than none: remove what this call created.
        store.dispose()
        if store.path is not None:
            remove_store_files(store.path)
        raise
    return store


def remove_store_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal", ".keys"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def open_initialised(location: str) -> Store:
    """Open a store that ``init`` or ``demo`` made; refuse an empty one."""
    store = open_store(location)
    if not store.initialised:
        store.dispose()
        raise StoreError(
            "این پایگاه داده هنوز راه‌اندازی نشده است. نخست فرمان init را اجرا کنید.",
            "The store is not initialised; run `init` first.",
            code="store_uninitialised",
        )
    from integrity_desktop.services.store import encryption as encrypt_store

    if encrypt_store.needs_conversion(store):
        # A store made before encryption: converted at its first start (docs/THREAT-MODEL.md).
        try:
            store = encrypt_store.convert(store)
        except BaseException:
            store.dispose()
            raise
    try:
        start_content_check(store)  # once per store: from now on every record is audited
    except StoreError as exc:
        store.dispose()
        if store.path is not None and exc.code in ("store_full", "store_busy"):
            from integrity_desktop.db.store import environment_error

            raise (environment_error(store.path, exc.en) or exc) from exc
        raise
    except BaseException:
        store.dispose()
        raise
    return store


def clock_warning(store: Store) -> UserError | None:
    """The warning shown at start (GUI and command line) when this PC's clock is behind the
    newest change the store has seen; None when the clock is fine."""
    behind = store.clock_behind()
    if behind is None:
        return None
    from integrity_desktop.digits import to_persian_digits

    hours = behind.total_seconds() / 3600
    amount_fa = (f"{to_persian_digits(str(round(hours)))} ساعت" if hours >= 1
                 else f"{to_persian_digits(str(max(1, round(behind.total_seconds() / 60))))} دقیقه")
    return UserError(
        f"ساعت این رایانه حدود {amount_fa} از آخرین تغییری که این پروندهٔ داده دیده است عقب‌تر "
        "است. تا ساعت و تاریخ رایانه را درست نکنید، ویرایش‌های این رایانه در همگام‌سازی از "
        "ویرایش‌های قدیمی‌تر می‌بازند. از مسئول رایانه بخواهید ساعت را تنظیم کند.",
        f"This PC's clock is about {behind} behind the newest change the store has seen; "
        "edits made here will lose to older ones in a merge until the clock is set right.",
        code="clock_behind",
    )
