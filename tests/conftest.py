"""Shared fixtures: ports, images and machines are built once per session."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest

from emu.assembler import build_image
from emu.machine import Machine
from emu.model import load_port

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=None)
def port_model(name: str):
    return load_port(name)


@lru_cache(maxsize=None)
def machine_for(name: str, extra: str | None = None, stubs: tuple = (), latency: int | None = None):
    """A Machine for ``name`` with an optional extra snippet (path) and
    sources re-pointed at other stubs: ((source, stub_symbol), ...)."""
    port = port_model(name)
    if stubs:
        port = dataclasses.replace(port, sources=[
            dataclasses.replace(s, stub=dict(stubs).get(s.name, s.stub)) for s in port.sources])
    image = build_image(port, Path(extra) if extra else None)
    return Machine(port, image, latency=latency)


def broken(port: str) -> str:
    """The file of deliberately broken variants for a port."""
    return str(DATA / "broken" / port / "broken.S")


def run_cli(*args: str, cwd: Path = ROOT, timeout: float = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "emu.entry", *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=timeout)


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory):
    """Assembled images go to a per-session cache, so tests see cold starts."""
    os.environ["IPLEMU_CACHE"] = str(tmp_path_factory.mktemp("cache"))
