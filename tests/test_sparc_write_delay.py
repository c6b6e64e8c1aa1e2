"""Red team 19 B1: the SPARC V8 delayed write (wr %psr, B.29) and
interrupts: a trap completes the write for reads, and check shares a case
outcome between write latencies only where the latency cannot change it."""

from __future__ import annotations

from conftest import DATA, run_cli, valid_json


def test_an_nmi_in_the_delay_of_the_routines_write_returns_at_the_new_pil():
    """The NMI taken two instructions after spllower's wr %psr (latency 2:
    the write has not landed for acceptance): the stub's first rd %psr
    reads the new PIL 0 (B.29: an RD in the handler after a trap in the
    delay reads the new value), so its closing wr %psr gives back 0, not
    the old 15."""
    result = run_cli("run", "sparc", "--call", "spllower", "--arg", "IPL_NONE", "--ipl", "IPL_HIGH",
                     "--latency", "2", "--inject", "nmi@5")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr
    assert "priority: 15 IPL_HIGH -> 0 IPL_NONE" in result.stdout, result.stdout[-2000:]


def test_a_stub_reading_the_icc_in_its_writes_delay_fails_at_the_latencies_it_breaks():
    """check kept a case's outcome for every write latency: from IPL_NONE
    to IPL_NONE each case is taken at the same boundary at every latency,
    so this stub, wrong only at latencies 1-3 (it branches on the icc its
    own wr %psr writes), held.  Its run reads in a write's delay
    (Backend.latency_bound): its outcomes are kept per latency."""
    result = run_cli("check", "sparc", "--snippet",
                     str(DATA / "broken" / "sparc" / "redteam19_stub_icc_in_delay.S"),
                     "--routine", "spllower", "--from", "IPL_NONE", "--to", "IPL_NONE",
                     "--format", "json")
    assert result.returncode == 1, result.stdout[-2000:]
    verdict = valid_json(result.stdout, "check")["routines"][0]["verdicts"]["nesting"]
    assert not verdict["holds"]
    ce = verdict["counter_example"]
    assert ce["latency"] in (1, 2, 3), ce
    # its one wr sets ET at once and PIL only at the latency (B.29), so at
    # latencies 1-3 the CPU first takes the clock's request again (still
    # asserted: SparcBackend.holds_taken_requests); that nested stub then
    # reads Z in the delay and returns to PIL 15 instead of the 10 it
    # interrupted (before requests were held: 0, the routine's)
    assert "clock returned to 15 IPL_HIGH instead of " in ce["what"], ce["what"]


def test_the_shipped_spllower_holds_at_depth_2_with_an_nmi_in_its_delay():
    """Red team 19 B1: at depth 2 (no shared memo hides latency 2 there)
    spllower from IPL_HIGH to IPL_NONE failed no_lost, nesting and
    handler_priority: the NMI taken in the wr %psr's delay returned at 15
    (its stub read the old PIL), and a source the stub's IPL blocks came in
    at the old PIL while its one wr set PIL and ET together.  Both hold."""
    result = run_cli("check", "sparc", "--routine", "spllower", "--from", "IPL_HIGH",
                     "--to", "IPL_NONE", "--depth", "2", "--format", "json", timeout=600)
    assert result.returncode == 0, result.stdout[-2000:]
    verdicts = valid_json(result.stdout, "check")["routines"][0]["verdicts"]
    assert all(v["holds"] and v["cases"] > 0 for v in verdicts.values()), verdicts
