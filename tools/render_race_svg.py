#!/usr/bin/env python3
"""Render `iplemu race --all --format svg` to a PNG with headless Chromium,
to look at the timeline as a browser shows it.

    .venv/bin/python tools/render_race_svg.py [OUT.png]

Needs Debian's chromium (apt-get install chromium).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "race.png").resolve()
    browser = shutil.which("chromium")
    if browser is None:
        print("render_race_svg: chromium not found (apt-get install chromium)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        svg = Path(tmp) / "race.svg"
        svg.write_text(subprocess.run([sys.executable, "-m", "emu.cli", "race", "--all",
                                       "--format", "svg"], cwd=ROOT, capture_output=True,
                                      text=True, check=False).stdout)
        height = int(svg.read_text().split('height="', 1)[1].split('"', 1)[0])
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={tmp}/profile", f"--window-size=1000,{height + 20}",
                        f"--screenshot={out}", svg.as_uri()],
                       check=True, capture_output=True, timeout=120)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
