#!/usr/bin/env bash
# Set up (tools/setup.sh) and show what iplemu does, ending with the
# portability table.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
iplemu=.venv/bin/iplemu
show() { printf '\n$ iplemu %s\n' "$*"; "$iplemu" "$@"; }
show ports
show run m68k --call spllower --arg IPL_NONE --ipl IPL_NET --inject softnet@0 --inject clock@1 --trace
show run sparc --call spllower --arg IPL_NONE --ipl IPL_NET --inject softnet@0 --trace
show compare i386 IPL_SOFTCLOCK IPL_SOFTNET
show race i386 --fix none
show table
