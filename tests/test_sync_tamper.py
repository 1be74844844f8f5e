"""Every way a bundle can be forged or damaged is refused with its own message, and the
receiving store is left exactly as it was."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from integrity_desktop.db.store import Store
from integrity_desktop.sync import bundle_format as bf
from integrity_desktop.sync.digest import store_digest
from integrity_desktop.sync.trust import revoke
from integrity_desktop.sync.verify import BundleRefused

from .sync_helpers import add_unit, admin, export, import_, read_members, signing_key, trust, write_bundle

pytest_plugins = ("tests.sync_fixtures",)  # fixtures: fresh, isfahan_template

Fresh = Callable[[Path, str], Store]


@pytest.fixture
def setup(
    fresh: Fresh, province_template: Path, hq_template: Path, isfahan_template: Path,
    tmp_path: Path,
) -> tuple[Store, Store, Store, Path]:
    tehran, hq, isfahan = (fresh(province_template, "t"), fresh(hq_template, "h"),
                           fresh(isfahan_template, "i"))
    trust(hq, tehran)
    trust(hq, isfahan)
    for i in range(3):
        add_unit(tehran, f"واحد {i}")
    export(tehran, tmp_path / "good.zip")
    return tehran, hq, isfahan, tmp_path / "good.zip"


def refused(hq: Store, path: Path) -> BundleRefused:
    before = store_digest(hq)
    with pytest.raises(BundleRefused) as err:
        import_(hq, path)
    assert store_digest(hq) == before
    assert err.value.fa.startswith("بسته پذیرفته نشد") and err.value.en
    return err.value


def flip_byte_in_member(src: Path, dst: Path, member: str) -> Path:
    data = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as zf:
        info = zf.getinfo(member)
    name_len = int.from_bytes(data[info.header_offset + 26:info.header_offset + 28], "little")
    extra_len = int.from_bytes(data[info.header_offset + 28:info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_len + extra_len
    data[start + info.compress_size // 2] ^= 0x01
    dst.write_bytes(bytes(data))
    return dst


@pytest.mark.parametrize("member", ["records/unit.jsonl", "manifest.json",
                                    "manifest.json.minisig"])
def test_flipped_byte_in_any_member(setup: tuple[Store, Store, Store, Path], member: str) -> None:
    _, hq, _, good = setup
    err = refused(hq, flip_byte_in_member(good, good.with_name("flip.zip"), member))
    assert err.code == "member_damaged"  # the ZIP's own CRC catches a raw flip


def _central_entries(data: bytes) -> list[int]:
    """Offsets of every central-directory entry (signature PK\\x01\\x02)."""
    out, at = [], data.find(b"PK\x01\x02")
    while at != -1:
        out.append(at)
        at = data.find(b"PK\x01\x02", at + 1)
    return out


@pytest.mark.parametrize(("field_offset", "value", "what"), [
    (6, 84, "extract version 8.4: zipfile raised NotImplementedError (a CI fuzz find)"),
    (10, 99, "compression method 99: NotImplementedError when the member is opened"),
])
def test_damaged_central_directory_header(
    setup: tuple[Store, Store, Store, Path], field_offset: int, value: int, what: str,
) -> None:
    _, hq, _, good = setup
    data = bytearray(good.read_bytes())
    for entry in _central_entries(bytes(data)):
        data[entry + field_offset] = value
    bad = good.with_name("central.zip")
    bad.write_bytes(bytes(data))
    assert refused(hq, bad).code == "member_damaged", what


def test_changed_member_with_a_valid_zip_is_caught_by_its_hash(
    setup: tuple[Store, Store, Store, Path],
) -> None:
    _, hq, _, good = setup
    members = read_members(good)
    members["records/unit.jsonl"] = members["records/unit.jsonl"].replace(
        "واحد 1".encode(), "واحد 9".encode())
    assert refused(hq, write_bundle(good.with_name("x.zip"), members)).code == "member_hash"


def test_manifest_edited_without_resigning(setup: tuple[Store, Store, Store, Path]) -> None:
    _, hq, _, good = setup
    members = read_members(good)
    members["manifest.json"] = members["manifest.json"].replace(b'"seq": 1', b'"seq": 7')
    assert refused(hq, write_bundle(good.with_name("x.zip"), members)).code == "bad_signature"


def test_member_added_or_removed(setup: tuple[Store, Store, Store, Path]) -> None:
    _, hq, _, good = setup
    members = read_members(good)
    extra = dict(members, **{"records/case.jsonl": b"{}\n"})
    assert refused(hq, write_bundle(good.with_name("a.zip"), extra)).code == "member_extra"
    unknown = dict(members, **{"notes.txt": b"hello"})
    assert refused(hq, write_bundle(good.with_name("u.zip"), unknown)).code == "unknown_member"
    fewer = {k: v for k, v in members.items() if k != "records/unit.jsonl"}
    assert refused(hq, write_bundle(good.with_name("r.zip"), fewer)).code == "member_missing"
    unsigned = {k: v for k, v in members.items() if k != bf.SIGNATURE}
    assert refused(hq, write_bundle(good.with_name("s.zip"), unsigned)).code == "no_signature"


def test_manifest_resigned_by_another_offices_key(
    setup: tuple[Store, Store, Store, Path],
) -> None:
    _, hq, isfahan, good = setup
    members = read_members(good)
    path = write_bundle(good.with_name("x.zip"), members, key=signing_key(isfahan))
    assert refused(hq, path).code == "wrong_key"


def test_revoked_key(setup: tuple[Store, Store, Store, Path]) -> None:
    _, hq, _, good = setup
    revoke(hq, admin(hq), "tehran")
    assert refused(hq, good).code == "key_revoked"


def test_other_schema_version(setup: tuple[Store, Store, Store, Path]) -> None:
    tehran, hq, _, good = setup
    path = write_bundle(good.with_name("x.zip"), read_members(good), key=signing_key(tehran),
                        edit_manifest=lambda m: m.update(schema_version="0001"))
    assert refused(hq, path).code == "schema_version"


def test_untrusted_office(setup: tuple[Store, Store, Store, Path], fresh: Fresh,
                          hq_template: Path) -> None:
    _, _, _, good = setup
    stranger = fresh(hq_template, "other-hq")
    assert refused(stranger, good).code == "untrusted_office"


def test_path_traversal_name(setup: tuple[Store, Store, Store, Path]) -> None:
    _, hq, _, good = setup
    members = dict(read_members(good), **{"../../etc/evil": b"x"})
    assert refused(hq, write_bundle(good.with_name("x.zip"), members)).code == (
        "unsafe_member_name")
    members = dict(read_members(good), **{"/abs/evil": b"x"})
    assert refused(hq, write_bundle(good.with_name("y.zip"), members)).code == (
        "unsafe_member_name")


def test_zip_bomb(setup: tuple[Store, Store, Store, Path]) -> None:
    tehran, hq, _, good = setup
    members = dict(read_members(good), **{"records/case.jsonl": b"\n" * (8 * 1024 * 1024)})
    path = write_bundle(good.with_name("x.zip"), members, key=signing_key(tehran))
    assert refused(hq, path).code == "zip_bomb"


def test_not_a_zip(setup: tuple[Store, Store, Store, Path]) -> None:
    _, hq, _, good = setup
    path = good.with_name("x.zip")
    path.write_bytes(b"not a bundle at all")
    assert refused(hq, path).code == "not_a_bundle"


def test_each_refusal_has_its_own_message(setup: tuple[Store, Store, Store, Path]) -> None:
    tehran, hq, isfahan, good = setup
    members = read_members(good)
    cases = {
        "bad_signature": write_bundle(good.with_name("1.zip"), dict(
            members, **{"manifest.json": members["manifest.json"].replace(b'"seq": 1',
                                                                          b'"seq": 2')})),
        "wrong_key": write_bundle(good.with_name("2.zip"), members, key=signing_key(isfahan)),
        "schema_version": write_bundle(good.with_name("3.zip"), members,
                                       key=signing_key(tehran),
                                       edit_manifest=lambda m: m.update(schema_version="9")),
        "member_missing": write_bundle(good.with_name("4.zip"), {
            k: v for k, v in members.items() if k != "records/unit.jsonl"}),
    }
    messages = {}
    for code, path in cases.items():
        err = refused(hq, path)
        assert err.code == code
        messages[code] = (err.fa, err.en)
    assert len({fa for fa, _ in messages.values()}) == len(cases)
    assert len({en for _, en in messages.values()}) == len(cases)
    # The untouched bundle is still accepted afterwards.
    assert import_(hq, good).outcome == "accepted"
