#!/usr/bin/env bash
# Install what iplemu needs on a fresh Debian 12 machine (as root):
# the GNU cross binutils and GCCs named by archs/*.yaml, qemu-user (reference traces
# for the interpreter tests), and a virtualenv .venv with the package.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=()
for triple in $(sed -n 's/^ *triple: *//p' archs/*.yaml | sort -u); do
    # Debian spells the package with hyphens: x86_64-linux-gnu-as is in binutils-x86-64-linux-gnu
    command -v "$triple-as" >/dev/null || packages+=("binutils-${triple//_/-}")
done
# the C compilers of the YAMLs' compiler sections: x86_64-linux-gnu-gcc is in gcc-x86-64-linux-gnu
for triple in $(awk '/^compiler:/ {inside = 1; next} /^[^ #]/ {inside = 0}
                     inside && $1 == "triple:" {print $2}' archs/*.yaml | sort -u); do
    command -v "$triple-gcc" >/dev/null || packages+=("gcc-${triple//_/-}")
done
command -v qemu-alpha >/dev/null || packages+=(qemu-user)
python3 -c 'import ensurepip, venv' 2>/dev/null || packages+=(python3-venv)
if [ ${#packages[@]} -gt 0 ]; then
    echo "setup: apt-get install ${packages[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -e "$stamp" ]; then
    # pip's chatter goes to a log, shown only when the install fails
    if ! { .venv/bin/python -m pip install -q --upgrade pip &&
           .venv/bin/python -m pip install -q -e '.[test]'; } >.venv/pip.log 2>&1; then
        cat .venv/pip.log >&2
        exit 1
    fi
    rm -f .venv/.installed-* && touch "$stamp"
fi
