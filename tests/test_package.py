"""The installed tool: a wheel built from the repo, installed into a fresh
virtualenv outside it, runs from any directory (its ports, snippets and
NetBSD facts are package data).  Offline: the wheel is built with the test
virtualenv's setuptools and wheel (no build isolation, no index), and the
fresh virtualenv takes the dependencies from the test virtualenv's
site-packages through a .pth line (a plain path: the editable install's
own .pth there is not processed)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from conftest import ROOT

SHIPPED = ["pyproject.toml", "README.md", "emu", "archs", "kernel_snippets", "netbsd"]


def _sh(*cmd, cwd: Path, env=None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, cwd=cwd,
                            env=env, timeout=300)
    assert result.returncode in (0, 1), f"{cmd}: {result.stderr[-2000:]}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin/ folder of a fresh virtualenv with the wheel installed."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"                  # a copy: the build writes build/ and *.egg-info
    source.mkdir()
    for name in SHIPPED:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(ROOT / name, source / name)
    _sh(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
        "--no-index", "-w", base / "dist", source, cwd=base)
    [wheel] = (base / "dist").glob("iplemu-*.whl")
    venv = base / "venv"
    _sh(sys.executable, "-m", "venv", "--without-pip", venv, cwd=base)
    python = venv / "bin" / "python"
    purelib = _sh(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))",
                  cwd=base).stdout.strip()
    Path(purelib, "iplemu-test-deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    _sh(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps",
        "--no-index", wheel, cwd=base)
    return venv / "bin"


def test_the_wheel_ships_its_data_and_runs_from_anywhere(installed, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "IPLEMU_PORT_PATH")}
    env["IPLEMU_CACHE"] = str(tmp_path / "cache")
    where = _sh(installed / "python", "-c", "import iplemu; print(iplemu.__file__)",
                cwd=elsewhere, env=env).stdout
    assert where.startswith(str(installed.parent)), where
    iplemu = installed / "iplemu"
    ports = json.loads(_sh(iplemu, "ports", "--format", "json", cwd=elsewhere, env=env).stdout)
    assert {"i386", "m68k", "sparc", "alpha"} <= {p["port"] for p in ports["ports"]}
    check = _sh(iplemu, "check", "x86", "--routine", "splx", "--ipl", "none", "--ipl", "high",
                cwd=elsewhere, env=env)
    assert check.returncode == 0 and "holds" in check.stdout, check.stdout
    table = json.loads(_sh(iplemu, "table", "alpha", "--format", "json", cwd=elsewhere, env=env).stdout)
    assert table["rows"][0]["port"] == "alpha" and table["rows"][0]["cites"]
    race = json.loads(_sh(iplemu, "race", "i386", "--fix", "none", "--format", "json",
                          cwd=elsewhere, env=env).stdout)
    assert race["races"][0]["port"] == "i386" and race["races"][0]["fix"] == "none"
    module = _sh(installed / "python", "-m", "iplemu", "--version", cwd=elsewhere, env=env)
    assert module.stdout.startswith("iplemu ")
    mail = _sh(iplemu, "table", "alpha", "--format", "mail", cwd=elsewhere, env=env)
    assert "alpha" in mail.stdout          # the reply reads netbsd/*.yaml from the package
