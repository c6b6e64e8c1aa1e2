#!/usr/bin/env python3
"""Render an iplemu SVG picture to a PNG with headless Chromium, to look at
it as a browser at 1000 px wide shows it.

    .venv/bin/python tools/render_race_svg.py OUT.png [IPLEMU ARGS ...]

IPLEMU ARGS default to `race --all --format svg`; any command printing an
SVG works (`check i386 --snippet x.S --routine ... --format svg`).
Needs Debian's chromium (apt-get install chromium).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIDTH = 1000


def render(svg_text: str, out: Path) -> Path:
    """Screenshot ``svg_text`` at WIDTH px into ``out``; OSError when no browser."""
    browser = shutil.which("chromium")
    if browser is None:
        raise OSError("chromium not found (apt-get install chromium)")
    height = int(re.search(r'height="(\d+)"', svg_text).group(1))
    with tempfile.TemporaryDirectory() as tmp:
        svg = Path(tmp) / "picture.svg"
        svg.write_text(svg_text)
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                        f"--user-data-dir={tmp}/profile", f"--window-size={WIDTH},{height}",
                        f"--screenshot={out}", svg.as_uri()],
                       check=True, capture_output=True, timeout=120)
    return out


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "race.png").resolve()
    args = sys.argv[2:] or ["race", "--all", "--format", "svg"]
    made = subprocess.run([sys.executable, "-m", "emu.cli", *args], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    if "<svg" not in made.stdout:
        print(f"render_race_svg: iplemu {' '.join(args)} printed no SVG: {made.stderr.strip()}",
              file=sys.stderr)
        return 2
    try:
        render(made.stdout, out)
    except OSError as exc:
        print(f"render_race_svg: {exc}", file=sys.stderr)
        return 2
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
