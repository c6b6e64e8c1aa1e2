"""emu/reenter.py: which handler calls the routine under check again, and
which two routines it calls (archs/README.md, "A handler calls the routine
again")."""

from __future__ import annotations

import pytest

from emu.assembler import build_image
from emu.contract import target_levels
from emu.reenter import (REENTER_IPL, base_word_name, calls, lowered_word_name,
                         lowers_to_nothing_less, raise_targets, reentering_sources,
                         reentry_variants, reentry_words, word_names)

from conftest import port_model

SHIPPED = ["i386", "m68k", "sparc", "alpha", "amd64", "powerpc", "arm32", "pmax", "sparc64", "sh3",
           "hppa"]


@pytest.mark.parametrize("port", SHIPPED)
def test_the_clock_and_softclock_reenter(port):
    """The highest source below IPL_HIGH (its handler interrupts routines
    running at most levels) and the lowest whose raise to IPL_HIGH really
    raises (red team 19 A F6: on i386, amd64, powerpc and arm32 the
    clock's raise to IPL_HIGH never changes the priority)."""
    model = port_model(port)
    high, low = reentering_sources(model)
    high_priority = model.priority_of(REENTER_IPL)
    for source in (high, low):
        assert source.ipl != REENTER_IPL and model.blocks(high_priority, source)
    assert high.name in ("clock", "statclock")
    assert low.name == "softclock"
    assert not model.priority.covers(model.priority_of(low.ipl), high_priority)


@pytest.mark.parametrize("port", SHIPPED)
def test_which_routine_the_handler_calls(port):
    model = port_model(port)
    own = {r.kind: r for r in model.routines.values() if r.kind in ("raise", "restore")}
    raise_own = (own["raise"].symbol, model.argument_as(own["raise"].argument, REENTER_IPL))
    restore_own = own["restore"].symbol
    for source in reentering_sources(model):
        # a raise: the routine first, in its own encoding; then the port's restore
        assert calls(model, source, "mine", "raise", "ipl", True, None) == (
            "mine", model.ipls[REENTER_IPL].value, restore_own)
        # a restore, or a lower taking an spl value: the port's raise, then the routine
        assert calls(model, source, "mine", "restore", "spl", False, None) == (*raise_own,
                                                                               "mine")
        assert calls(model, source, "mine", "lower", "spl", True, None) == (*raise_own, "mine")
        # a lower taking an IPL number or lines, returning the old level: the
        # routine to the handler's own IPL (red team 19 A F5), then the port's restore
        for argument in ("ipl", "blocked"):
            assert calls(model, source, "mine", "lower", argument, True, None) == (
                "mine", model.argument_as(argument, source.ipl), restore_own)
        # splhigh-like: the routine, no argument; spl0 and what cannot be called: the
        # port's pair
        assert calls(model, source, "mine", "set", "spl", True, "IPL_HIGH") == (
            "mine", 0, restore_own)
        for kind, argument, returns, ipl in [("set", "spl", True, "IPL_NONE"),
                                             ("raise", "spl", False, None),
                                             ("set", "spl", False, "IPL_HIGH"),
                                             ("lower", "ipl", False, None)]:
            assert calls(model, source, "mine", kind, argument, returns, ipl) == (
                *raise_own, restore_own)


@pytest.mark.parametrize("port", SHIPPED)
def test_only_the_reentering_handlers_get_pointers(port):
    model = port_model(port)
    image = build_image(model)
    chosen = reentering_sources(model)
    splraise = next(r for r in model.routines.values() if r.kind == "raise")
    words = reentry_words(model, image.symbols, splraise.symbol, "raise", splraise.argument,
                          True, None)
    bases = {base_word_name(s) for s in model.sources if base_word_name(s) in image.symbols}
    assert set(words) == {name for s in model.sources for name in word_names(s)} | bases
    assert not any(words[name] for name in bases)     # a raise: no handler lowers at base
    for source in chosen:
        first, _, second = word_names(source)
        assert words[first] == image.symbols[splraise.symbol] and words[second] != 0
    mine = {name for source in chosen for name in word_names(source)}
    assert not any(value for name, value in words.items() if name not in mine)


def test_the_clock_lowers_to_softclock_at_base_priority_where_its_handler_can():
    """pmax's handlers pass the interrupted Status and define the base-priority
    argument: in a check of _spllower(mask) the clock's handler lowers to
    IPL_SOFTCLOCK there, as hardclock()'s spllowersoftclock() does (red team
    29 H A); no other handler does, and a check of splraise sets none."""
    model = port_model("pmax")
    image = build_image(model)
    lower = model.routines["spllower"]
    words = reentry_words(model, image.symbols, lower.symbol, "lower", lower.argument, True, None)
    clock = model.source("clock")
    assert words[base_word_name(clock)] == model.argument_as(lower.argument, "IPL_SOFTCLOCK") != 0
    assert not any(value for name, value in words.items()
                   if name.startswith("reenter_base_arg_") and name != base_word_name(clock))
    assert all(lowered_word_name(s) in image.symbols for s in model.sources)


@pytest.mark.parametrize("port", SHIPPED)
def test_a_handler_lowering_to_its_own_ipl_unblocks_nothing(port):
    """Every level that does not block a re-entering source is covered by
    the source's IPL, so a handler's lower(its own IPL) leaves what it
    interrupted blocked (red team 19 A F5's re-entry)."""
    model = port_model(port)
    for source in reentering_sources(model):
        assert lowers_to_nothing_less(model, source)


@pytest.mark.parametrize("port", SHIPPED)
def test_a_raise_is_reentered_with_more_than_ipl_high(port):
    """A raise under check is re-entered with IPL_HIGH, the handler's own
    IPL and the next target above it (red team 20 A F2, B F6: a static
    temporary on the path of a lower target), one setting of the words
    each; what the handler calls as a stand-in keeps IPL_HIGH."""
    model = port_model(port)
    image = build_image(model)
    splraise = next(r for r in model.routines.values() if r.kind == "raise")
    for source in reentering_sources(model):
        targets = raise_targets(model, source, splraise.argument)
        assert targets[0] == REENTER_IPL
        arguments = [model.argument_as(splraise.argument, t) for t in targets]
        assert len(set(arguments)) == len(arguments)
        own = model.priority_of(source.ipl)
        assert all(model.priority.covers(model.priority_of(t), own) for t in targets[1:])
    variants = reentry_variants(model, image.symbols, splraise.symbol, "raise",
                                splraise.argument, True, None)
    assert variants[0] == (reentry_words(model, image.symbols, splraise.symbol, "raise",
                                         splraise.argument, True, None), "")
    assert len(variants) > 1 and all(said for _, said in variants[1:])
    low = reentering_sources(model)[-1]      # softclock: its own IPL, then one really raising
    seen = {words[word_names(low)[1]] for words, _ in variants}
    assert seen == {model.argument_as(splraise.argument, t)
                    for t in raise_targets(model, low, splraise.argument)}
    # a routine with own data (a static temporary): every target, below the
    # handler's own IPL too (red team 22 A F5, red team 30 I A)
    every = raise_targets(model, low, splraise.argument, every_target=True)
    fewer = raise_targets(model, low, splraise.argument)
    assert every[:2] == fewer[:2] and set(fewer) <= set(every)
    assert {model.argument_as(splraise.argument, t) for t in every} == {
        model.argument_as(splraise.argument, level.name)
        for level in target_levels(model, splraise.argument)} | {
        model.argument_as(splraise.argument, t) for t in every[:2]}
    variants = reentry_variants(model, image.symbols, splraise.symbol, "raise",
                                splraise.argument, True, None, every_target=True)
    assert {words[word_names(low)[1]] for words, _ in variants} == {
        model.argument_as(splraise.argument, t) for t in every}
    # a restore under check: one setting (the port's raise to IPL_HIGH first)
    splx = next(r for r in model.routines.values() if r.kind == "restore")
    assert len(reentry_variants(model, image.symbols, splx.symbol, "restore", splx.argument,
                                splx.returns_value, None)) == 1


def test_only_own_data_a_call_touches_brings_more_handlers():
    """Own bytes outside the code that no call touches (a C file's padding
    and tables) bring no more re-entering handlers; a static only an
    interrupted call touches does (check_routine runs the check again)."""
    from conftest import DATA, ROOT, machine_for
    from emu.check import check_routine
    padded = machine_for("pmax", str(ROOT / "examples" / "pmax" / "spl.c"))
    assert padded.own_data_outside_code()
    result = check_routine(padded, "c_splraise", "c_splraise", "raise",
                           only=["IPL_NONE", "IPL_HIGH"])
    assert not result.static_data
    pended = machine_for("i386", str(DATA / "broken" / "i386" / "static_when_pended_ok.S"))
    result = check_routine(pended, "rt_raise_pended", "rt_raise_pended", "raise",
                           only=["none", "softclock", "IPL_HIGH"])
    assert result.static_data
    assert all(v.holds for v in result.verdicts.values()), \
        [(n, v.counter_example) for n, v in result.verdicts.items() if not v.holds]


def test_a_store_into_its_own_code_brings_more_handlers_and_code_read_as_data_none():
    """Red team 30 I F: a static kept in an instruction's immediate (a store
    into the routine's own code) is own data a handler's call can overwrite;
    arm32's literal pools, code bytes read as data, keep nothing."""
    from conftest import DATA, ROOT, machine_for
    from emu.check import check_routine
    patched = machine_for("i386", str(DATA / "broken" / "i386" / "redteam30_softblocked_smc_ok.S"))
    result = check_routine(patched, "rt_splraise_smc_ok", "rt_splraise_smc_ok", "raise",
                           only=["IPL_NONE", "IPL_SOFTNET", "IPL_BIO"])
    assert result.static_data
    pools = machine_for("arm32", str(ROOT / "examples" / "arm32" / "spl.c"))
    result = check_routine(pools, "c_splraise", "c_splraise", "raise",
                           only=["IPL_NONE", "IPL_HIGH"])
    assert not result.static_data
