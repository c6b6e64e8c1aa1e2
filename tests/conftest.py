"""Shared fixtures: ports, images and machines are built once per session."""

from __future__ import annotations

import dataclasses
import json
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


#: run_cli's default wall-clock bound: a guard against a hang, never a
#: measure of speed, and no call asks for less; the slowest default-run
#: command takes ~3 CPU min, and the same command's time varies 1.7x from
#: run to run on an idle machine here (arm32 redteam17_imask_vm.S: 65, 89,
#: 110 s), more on one busy with other work (load 6-9 on 2 cores): a
#: RED_TEAM row took 103 s of its old 120 s bound in a full run
HANG_GUARD = 1200


def run_cli(*args: str, cwd: Path = ROOT, timeout: float = HANG_GUARD
            ) -> subprocess.CompletedProcess:
    """``iplemu ARGS`` from the tree.  Under xdist every core runs a test
    already, so a command's --jobs defaults to 1 there ($IPLEMU_JOBS): a
    pool per command would only add its start-up (~0.25 CPU s a check)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if os.environ.get("PYTEST_XDIST_WORKER"):
        env.setdefault("IPLEMU_JOBS", "1")
    return subprocess.run([sys.executable, "-m", "emu.entry", *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=timeout)


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory):
    """Assembled images and table rows go to a cache of this test run, so
    tests see cold starts; the run's xdist workers share it (their base
    folders sit side by side), so a port's table rows are checked once per
    run, not once per worker (emu/cache.py writes each entry atomically)."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    cache = shared / "iplemu-cache"
    cache.mkdir(exist_ok=True)
    os.environ["IPLEMU_CACHE"] = str(cache)


@lru_cache(maxsize=None)
def _validators() -> dict:
    """command -> a validator of its JSON output (emu/schemas/<command>.json,
    which refer to common.json)."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from emu.jsonout import COMMANDS, SCHEMAS_DIR
    schemas = {p.stem: json.loads(p.read_text()) for p in SCHEMAS_DIR.glob("*.json")}
    registry = Registry().with_resources(
        [(s["$id"], Resource.from_contents(s)) for s in schemas.values()])
    return {command: Draft202012Validator(schemas[command], registry=registry)
            for command in COMMANDS}


def valid_json(text: str, command: str) -> dict:
    """``command``'s JSON output, parsed, after checking it against its schema."""
    doc = json.loads(text)
    _validators()[command].validate(doc)
    assert doc["command"] == command
    return doc
