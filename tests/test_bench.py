"""The benchmark's engines (naive: a fresh emulator per case; lean: the
explorer's algorithm on the bare backend; floor: unhooked emu_start) give
the explorer's outcome on every case of a small workload, at depth 1 and 2:
a differential test of the explorer as much as a test of the benchmark."""

from __future__ import annotations

import sys

import pytest

from emu.assembler import build_image

from conftest import ROOT, port_model

sys.path.insert(0, str(ROOT / "tools"))
import bench_check  # noqa: E402


# naive runs a fresh emulator per case: i386 at depth 2 has ~10^4 cases a
# pair, minutes of naive runs, so there only lean and the floor are compared;
# a pair that starts with a request pending at the call (i386 from
# IPL_SOFTCLOCK to IPL_NONE) has ~2.5 * 10^5 at depth 2, nested after the
# first deliveries of the pending request's run: a slow test
@pytest.mark.parametrize("port,routine,ipls,depth,engines,pending", [
    ("i386", "spllower", ["IPL_NONE", "IPL_NET"], 1, ("lean", "floor", "naive"),
     "after a request pending at the call"),
    ("i386", "splx", ["IPL_HIGH"], 2, ("lean", "floor"), None),
    pytest.param("i386", "spllower", ["IPL_NONE", "IPL_SOFTCLOCK"], 2, ("lean", "floor"),
                 "nested after a first delivery", marks=pytest.mark.slow),
    ("m68k", "splx", ["IPL_NONE", "IPL_HIGH"], 1, ("lean", "floor", "naive"), None),
    ("m68k", "spllower", ["IPL_HIGH"], 2, ("lean", "floor", "naive"), None),
])
def test_every_engine_agrees_with_the_explorer(capsys, port, routine, ipls, depth, engines,
                                               pending):
    model = port_model(port)
    spec = model.routines[routine]
    found = bench_check.bench_depth(model, build_image(model), [(routine, spec.symbol, spec.kind)],
                                    ipls, depth, repeat=1, naive_repeat=int("naive" in engines))
    out = capsys.readouterr().out
    assert found == 0, out
    for engine in ("iplemu",) + engines:
        assert f"\n  {engine} " in out, out
    if pending:
        assert pending in out, out
