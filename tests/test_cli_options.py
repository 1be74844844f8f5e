"""The command line's small habits (issue 19, item 4): ``--db`` before or after the sub-command,
and a listing cut short by ``| head`` ends quietly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from integrity_desktop.cli.main import build_parser
from integrity_desktop.db.store import Store
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.services.checklists import scoring

from .cli_helpers import cli_env, run_cli
from .conftest import actor


def test_db_before_the_sub_command_is_the_same_store(store: Store) -> None:
    db = str(store.path)
    store.dispose()
    after = run_cli("digest", "--db", db)
    before = run_cli("--db", db, "digest")
    assert after.returncode == 0, after.stderr
    assert before.returncode == 0, before.stderr
    assert before.stdout == after.stdout and len(before.stdout.strip()) == 64


@pytest.mark.parametrize("argv", [["--db", "a", "digest"], ["digest", "--db", "a"],
                                  ["--db", "b", "digest", "--db", "a"]])
def test_db_parsed_from_either_place(argv: list[str]) -> None:
    # The sub-command's own --db wins when both are given.
    assert build_parser().parse_args(argv).db == "a"


def test_report_db_before_the_sub_command() -> None:
    assert build_parser().parse_args(["--db", "a", "report", "--list"]).db == "a"


def test_db_missing_in_both_places_is_argparse_error() -> None:
    out = run_cli("digest")
    assert out.returncode == 2
    assert "the following arguments are required: --db" in out.stderr
    assert "integrity-desktop digest" in out.stderr


def test_listing_into_a_closed_pipe_ends_quietly(store: Store) -> None:
    inspector = actor("inspector")
    for period in ("1403-Q1", "1403-Q2"):
        checklists.create_checklist(store, inspector, scoring.three_year_template_id(), None, period)
    db = str(store.path)
    store.dispose()
    for command in ("checklists", "cases", "templates", "digest"):
        # The reader is gone before the first line is written: `| head -1` at its hardest.
        read_end, write_end = os.pipe()
        os.close(read_end)
        try:
            done = subprocess.run(
                [sys.executable, "-m", "integrity_desktop", command, "--db", db],
                stdout=write_end, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                env=cli_env(), text=True, encoding="utf-8", check=False,
            )
        finally:
            os.close(write_end)
        assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
        assert done.returncode == 0, (command, done.stderr)


def test_listing_into_head_gives_its_first_line(store: Store, tmp_path: Path) -> None:
    inspector = actor("inspector")
    summary = checklists.create_checklist(store, inspector, scoring.three_year_template_id(),
                                          None, "1403-Q2")
    db = str(store.path)
    store.dispose()
    done = subprocess.run(
        f'"{sys.executable}" -m integrity_desktop checklists --db "{db}" | head -1',
        shell=True, capture_output=True, text=True, encoding="utf-8", env=cli_env(),
        stdin=subprocess.DEVNULL, check=False,
    )
    assert done.stdout.startswith(summary.id) and "Traceback" not in done.stderr
