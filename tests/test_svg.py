"""The pictures (`race --format svg`, `check --format svg`): parsed as XML,
they have the lanes, the step axis, the window and the events marked
apart; the browser render (`-m browser`) shows them at 1000 px."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET

import pytest

from emu.svgtimeline import PAGE_WIDTH

from conftest import DATA, run_cli

NS = "{http://www.w3.org/2000/svg}"


def classes(root, name: str) -> list:
    return [e for e in root.iter() if name in (e.get("class") or "").split()]


def titles(elements) -> list[str]:
    return [e.find(f"{NS}title").text for e in elements]


@pytest.fixture(scope="module")
def race_all():
    result = run_cli("race", "--all", "--fix", "all", "--format", "svg")
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_every_port_and_fix_is_a_small_multiple(race_all):
    root = ET.fromstring(race_all)
    assert root.get("width") == str(PAGE_WIDTH)
    headings = [t.text for t in root.iter(f"{NS}text") if t.get("font-weight") == "bold"]
    races = run_cli("race", "--all", "--format", "json").stdout
    pairs = set(re.findall(r'"port": "(\w+)",\s+"fix": "(\w+)"', races))
    assert len(pairs) == len(headings) - 1          # the page title plus one per panel
    assert all(any(h.startswith(f"{port}: ") for h in headings) for port, _ in pairs)
    # every panel has lanes and an axis
    assert len(classes(root, "axis")) == len(pairs)
    assert len(classes(root, "lane")) >= 2 * len(pairs)


def test_the_open_cell_marks_requested_pended_replayed_and_stale_apart(race_all):
    root = ET.fromstring(race_all)
    kinds = {e.get("class").split()[1] for e in classes(root, "mark")}
    assert {"inject", "taken", "pended", "replay", "stale"} <= kinds
    replay = titles([e for e in classes(root, "mark") if "replay" in e.get("class")])[0]
    assert "softnet replayed" in replay
    assert classes(root, "window"), "the window is shaded"
    assert classes(root, "tick") and any(t.text == "step" for t in root.iter(f"{NS}text"))


def test_tooltips_name_the_instruction_and_its_line(race_all):
    root = ET.fromstring(race_all)
    tips = titles(classes(root, "step"))
    assert any(re.search(r"step \d+: \S.*\(kernel_snippets/\w+/race\.S:\d+\)", t) for t in tips)
    assert any("spl.S:" in t for t in tips)


def test_check_draws_a_counter_example():
    result = run_cli("check", "i386", "--snippet", str(DATA / "broken" / "i386" / "broken.S"),
                     "--routine", "spllower_loses=lower", "--ipl", "IPL_NONE", "--ipl",
                     "IPL_SOFTCLOCK", "--format", "svg")
    assert result.returncode == 1, result.stderr
    root = ET.fromstring(result.stdout)
    headings = [t.text for t in root.iter(f"{NS}text") if t.get("font-weight") == "bold"]
    assert any("spllower_loses" in h and "no_lost FAILS" in h for h in headings)
    assert classes(root, "pended") and classes(root, "axis") and classes(root, "lane")
    assert any("broken.S:" in t for t in titles(classes(root, "step")))


def test_check_svg_of_routines_that_hold():
    result = run_cli("check", "m68k", "--routine", "splx", "--format", "svg")
    assert result.returncode == 0, result.stderr
    assert "every property holds" in result.stdout
    ET.fromstring(result.stdout)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.browser
def test_chromium_renders_the_race_page(tmp_path, race_all):
    """Headless Chromium parses the page as SVG (its DOM keeps the lanes,
    marks and axis) and screenshots it 1000 px wide."""
    browser = shutil.which("chromium")
    assert browser, "chromium is not installed: apt-get install chromium"
    svg = tmp_path / "race.svg"
    svg.write_text(race_all)
    flags = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([*flags, "--dump-dom", svg.as_uri()], capture_output=True, text=True,
                         timeout=120, check=True).stdout
    for name in ("lane", "axis", "mark pended", "mark replay", "window"):
        assert f'class="{name}' in dom, name
    height = int(re.search(r'height="(\d+)"', race_all).group(1))
    png = tmp_path / "race.png"
    subprocess.run([*flags, f"--window-size={PAGE_WIDTH},{height}", f"--screenshot={png}",
                    svg.as_uri()], capture_output=True, timeout=120, check=True)
    assert _png_size(png.read_bytes()) == (PAGE_WIDTH, height)
