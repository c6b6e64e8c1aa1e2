"""The on-disk cache, through the CLI: whatever is found in it (a FIFO, a
symlink to /dev/zero, a directory, JSON of another shape, an emptied or
edited entry, a forged table row), the run gives the answer of a cold
start, never a hang or a stale result; a changed .include is seen; a .bss
costs its size, not its bytes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from emu import cache

from conftest import ROOT

PORTS = ["alpha", "i386", "m68k", "sparc"]


def cli(cache_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), IPLEMU_CACHE=str(cache_dir))
    return subprocess.run([sys.executable, "-m", "emu.entry", *args], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=120)


def emptied(entry: Path) -> None:
    """A well-formed entry with a correct checksum and an empty image."""
    entry.unlink()
    cache.write(entry, {"image": {"segments": [], "symbols": {}, "lines": {}}, "read": {}})


def edited(entry: Path) -> None:
    """A symbol moved by hand: the checksum no longer matches."""
    doc = json.loads(entry.read_text())
    symbols = doc["payload"]["image"]["symbols"]
    symbols["splx"] += 2
    entry.write_text(json.dumps(doc))


DAMAGE = {
    "fifo": lambda e: (e.unlink(), os.mkfifo(e)),
    "symlink to /dev/zero": lambda e: (e.unlink(), e.symlink_to("/dev/zero")),
    "directory": lambda e: (e.unlink(), e.mkdir()),
    "wrong shape": lambda e: e.write_text('[1, {"segments": 2}]'),
    "not JSON": lambda e: e.write_text("{" * 100000),
    "emptied image": emptied,
    "edited image": edited,
}


#: every damage on one port; on the others (the cache code is the same) the
#: two that used to hang or give a permanent wrong answer
CASES = [("i386", d) for d in DAMAGE] + [(p, d) for p in PORTS if p != "i386"
                                         for d in ("fifo", "emptied image")]


RUN = ("--call", "splx", "--arg", "IPL_NONE", "--ipl", "IPL_HIGH")


@pytest.fixture(scope="module")
def cold(tmp_path_factory):
    """port -> (a cache holding its image, the output of the cold run)."""
    made = {}

    def get(port):
        if port not in made:
            where = tmp_path_factory.mktemp(f"cold-{port}")
            result = cli(where, "run", port, *RUN)
            assert result.returncode == 0, result.stderr
            made[port] = where, result.stdout
        return made[port]
    return get


@pytest.mark.parametrize("port,damage", CASES)
def test_a_damaged_image_entry_is_rebuilt(port, damage, cold, tmp_path):
    source, expected = cold(port)
    cache_dir = tmp_path / "cache"
    shutil.copytree(source, cache_dir)
    [entry] = cache_dir.glob("*.json")
    DAMAGE[damage](entry)
    again = cli(cache_dir, "run", port, *RUN)
    assert (again.returncode, again.stdout, again.stderr) == (0, expected, "")
    if damage != "directory":           # rebuilt in place, and trusted next time
        assert cache.read(entry) is not None


@pytest.mark.parametrize("damage", ["edited", "wrong shape", "fifo"])
def test_a_forged_table_row_is_not_printed(damage, tmp_path):
    # alpha: the port whose row is checked fastest (the cache is the same for all)
    cold = cli(tmp_path, "table", "--ports", "alpha", "--format", "json")
    assert cold.returncode == 0, cold.stderr
    [row] = tmp_path.glob("row-alpha-*.json")
    if damage == "edited":
        doc = json.loads(row.read_text())
        doc["payload"]["spllower"] = "no"
        row.write_text(json.dumps(doc))
    elif damage == "wrong shape":
        cache.write(row, {"port": "alpha", "spllower": "no"})
    else:
        row.unlink()
        os.mkfifo(row)
    again = cli(tmp_path, "table", "--ports", "alpha", "--format", "json")
    assert (again.returncode, again.stdout) == (0, cold.stdout)


def test_a_changed_include_is_seen(tmp_path):
    (tmp_path / "body.inc").write_text("\tmovl $1, %eax\n")
    top = tmp_path / "top.S"
    top.write_text('\t.globl f\nf:\n\t.include "body.inc"\n\tret\n')
    first = cli(tmp_path / "cache", "run", "i386", str(top), "--call", "f")
    assert "returned 0x1;" in first.stdout, first.stderr
    (tmp_path / "body.inc").write_text("\tmovl $2, %eax\n")
    second = cli(tmp_path / "cache", "run", "i386", str(top), "--call", "f")
    assert "returned 0x2;" in second.stdout, second.stderr


def test_bss_is_cached_as_a_size(tmp_path):
    big = tmp_path / "big.S"
    big.write_text("\t.globl f\nf:\tret\n\t.bss\n\t.space 0x80000\n")
    result = cli(tmp_path / "cache", "run", "i386", str(big), "--call", "f")
    assert result.returncode == 0, result.stderr
    sizes = [p.stat().st_size for p in (tmp_path / "cache").glob("*.json")]
    assert sizes and max(sizes) < 100_000


@pytest.mark.parametrize("port,ret", [("i386", "ret"), ("m68k", "rts"), ("sparc", "retl; nop"),
                                      ("alpha", "ret $31, ($26), 1")])
def test_a_huge_bss_is_one_line(port, ret, tmp_path):
    big = tmp_path / "big.S"
    big.write_text(f"\t.globl f\nf:\t{ret}\n\t.bss\n\t.space 0x40000000\n")
    result = cli(tmp_path / "cache", "run", port, str(big), "--call", "f")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert "big.S: the linked image needs" in line
