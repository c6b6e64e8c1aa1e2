"""emu/yamlsource.py: loading a YAML file keeps nothing of it behind."""

from __future__ import annotations

import gc

import yaml

from emu import catalog
from emu.yamlsource import load_located


def _live_nodes() -> int:
    gc.collect()
    return sum(isinstance(o, yaml.Node) for o in gc.get_objects())


def test_loading_a_port_file_leaves_no_yaml_node_alive():
    """A long-lived process (the fuzz harness, the test session) loads port
    files again and again: their nodes must go when the load is done."""
    path = catalog.resolve("i386")
    load_located(path)
    before = _live_nodes()
    for _ in range(3):
        doc = load_located(path)
    assert doc.data["port"] == "i386"
    assert _live_nodes() == before
