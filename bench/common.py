"""What every benchmark shares: medians of repeated runs, figures with goals, child processes.

The machine is shared and noisy, so a figure is always the median of several runs and is
compared with a baseline measured in the same run, never with an absolute number alone.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(os.environ.get("INTEGRITY_BENCH_DIR", "/tmp/integrity-bench"))


@dataclass
class Options:
    quick: bool = False
    repeats: int = 5
    provinces: int | None = None  # merge: how many province bundles (default 31, quick 2)
    scale: int | None = None  # demo scale of one province store
    work: Path = WORK


@dataclass
class Figure:
    """One measured figure, its baseline from the same run, and the goal it is held to."""

    bench: str
    name: str
    value: float
    unit: str
    goal: str
    passed: bool | None  # None: reported only, no goal
    baseline: float | None = None
    ratio: float | None = None
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def line(self) -> str:
        base = "" if self.baseline is None else f"  baseline {self.baseline:.4g} {self.unit}"
        ratio = "" if self.ratio is None else f"  ratio {self.ratio:.3f}"
        verdict = {True: "PASS", False: "FAIL", None: "-"}[self.passed]
        return f"[{self.bench}] {self.name}: {self.value:.4g} {self.unit}{base}{ratio}  " \
               f"goal {self.goal}  {verdict}"


def median_time(fn: Callable[[], object], repeats: int, setup: Callable[[], object] | None = None,
                ) -> tuple[float, list[float]]:
    """Median wall seconds of ``fn`` over ``repeats`` runs (``setup`` runs untimed before each)."""
    times: list[float] = []
    for _ in range(repeats):
        if setup is not None:
            setup()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def python() -> str:
    venv = ROOT / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


def run_child(args: Sequence[str], env: dict[str, str] | None = None,
              timeout: float = 3600) -> dict[str, Any]:
    """Run ``python -m bench.<module> --child ...`` and return the JSON it prints last.

    A child measures its own peak memory (``peak_rss_mb``), so each figure is isolated from
    the parent's data.
    """
    full_env = dict(os.environ)
    full_env.update(env or {})
    proc = subprocess.run([python(), *args], cwd=ROOT, env=full_env, capture_output=True,
                          text=True, timeout=timeout, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    last = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")][-1]
    result: dict[str, Any] = json.loads(last)
    return result


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB: ``VmHWM`` of /proc/self/status.

    Not ``getrusage().ru_maxrss``: Linux carries that over ``execve`` from the forking parent,
    so a child of a big parent reports the parent's peak (seen: 331 MB vs a true 67 MB).
    """
    return _status_mb("VmHWM")


def rss_mb() -> float:
    """Resident memory of this process now, in MB (``VmRSS``); the peak where Linux's
    /proc is missing."""
    return _status_mb("VmRSS")


def _status_mb(field: str) -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def emit(result: dict[str, Any]) -> None:
    """A child's answer to its parent: one JSON line on stdout."""
    print(json.dumps(result), flush=True)
