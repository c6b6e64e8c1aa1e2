"""A user's own port, kept outside the repo: a copy of a shipped port under
another name, found through --port-path DIR and through IPLEMU_PORT_PATH by
every subcommand, its snippets beside its YAML (archs/README.md, "Your own
port")."""

from __future__ import annotations

import json
import os
import re
import shutil

import pytest

from conftest import ROOT, run_cli


@pytest.fixture(scope="module")
def user_ports(tmp_path_factory):
    """DIR/myport.yaml (alpha's facts) with its snippets in DIR/myport/."""
    folder = tmp_path_factory.mktemp("ports")
    text = (ROOT / "archs" / "alpha.yaml").read_text()
    text = re.sub(r"^port: alpha$", "port: myport\naliases: [mine]", text, flags=re.M)
    (folder / "myport.yaml").write_text(text)
    shutil.copytree(ROOT / "kernel_snippets" / "alpha", folder / "myport")
    return folder


def _by_option(folder, *args):
    return run_cli(*args, "--port-path", str(folder), cwd=folder)


def _by_variable(folder, *args):
    env_before = os.environ.get("IPLEMU_PORT_PATH")
    os.environ["IPLEMU_PORT_PATH"] = f"{folder}::{folder}"     # colon-separated; empty entries skipped
    try:
        return run_cli(*args, cwd=folder)
    finally:
        if env_before is None:
            del os.environ["IPLEMU_PORT_PATH"]
        else:
            os.environ["IPLEMU_PORT_PATH"] = env_before


COMMANDS = {
    "ports": (["ports", "myport", "--format", "json"],
              lambda out: json.loads(out)["ports"][0]["port"] == "myport"),
    "run": (["run", "mine", "--call", "splx", "--arg", "IPL_NONE", "--ipl", "IPL_HIGH",
             "--inject", "clock@0", "--format", "json"],
            lambda out: json.loads(out)["port"] == "myport"),
    "check": (["check", "myport", "--routine", "splx", "--ipl", "none", "--ipl", "high"],
              lambda out: "holds" in out),
    "compare": (["compare", "myport", "softclock", "softnet", "--format", "json"],
                lambda out: json.loads(out)["port"] == "myport"),
    "table": (["table", "myport", "--format", "json"],
              lambda out: json.loads(out)["rows"][0]["port"] == "myport"),
    "race": (["race", "myport", "--fix", "none", "--format", "json"],
             lambda out: json.loads(out)["races"][0]["port"] == "myport"),
}


@pytest.mark.parametrize("how", [_by_option, _by_variable], ids=["--port-path", "IPLEMU_PORT_PATH"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_subcommand_finds_a_user_port(user_ports, how, command):
    args, good = COMMANDS[command]
    result = how(user_ports, *args)
    assert result.returncode == 0, result.stderr
    assert good(result.stdout), result.stdout[:500]


def test_a_user_port_is_listed_with_the_shipped_ones(user_ports):
    names = [p["port"] for p in json.loads(_by_option(user_ports, "ports", "--format", "json").stdout)["ports"]]
    assert "myport" in names and "alpha" in names


def test_snippets_as_written_when_no_folder_is_named_after_the_port(tmp_path):
    text = (ROOT / "archs" / "m68k.yaml").read_text().replace("port: m68k", "port: flat")
    (tmp_path / "flat.yaml").write_text(re.sub(r"^aliases: .*\n", "", text, flags=re.M))
    for snippet in (ROOT / "kernel_snippets" / "m68k").iterdir():
        shutil.copy(snippet, tmp_path / snippet.name)
    result = _by_option(tmp_path, "run", "flat", "--call", "splx", "--arg", "IPL_NONE")
    assert result.returncode == 0, result.stderr


def test_a_missing_snippet_names_where_it_was_looked_for(tmp_path):
    text = (ROOT / "archs" / "m68k.yaml").read_text().replace("port: m68k", "port: lost")
    (tmp_path / "lost.yaml").write_text(text)
    result = _by_option(tmp_path, "check", "lost")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert re.search(r"lost\.yaml:\d+: snippets\[0\]: no such regular file: looked for "
                     r".*lost/spl\.S and .*/spl\.S", result.stderr), result.stderr


def test_a_port_path_that_is_no_directory_is_refused(tmp_path):
    result = run_cli("ports", "--port-path", str(tmp_path / "absent"))
    assert result.returncode == 2 and "--port-path" in result.stderr and "not a directory" in result.stderr


def test_a_port_file_named_unlike_its_port_is_refused(tmp_path):
    text = (ROOT / "archs" / "m68k.yaml").read_text()
    (tmp_path / "other.yaml").write_text(text)
    shutil.copytree(ROOT / "kernel_snippets" / "m68k", tmp_path / "m68k")
    result = _by_option(tmp_path, "check", "other")
    assert result.returncode == 2 and "a port's file is named after it" in result.stderr


def test_the_python_api_takes_the_port_path(user_ports):
    import emu as iplemu
    [row] = iplemu.ports("mine", port_path=[user_ports])
    assert row["port"] == "myport" and row["aliases"] == ["mine"]


def test_a_port_file_is_read_again_at_every_load(tmp_path):
    """A long-lived process (the Python API, tools/fuzz.py) reuses a port it
    has checked only while its text and its snippets' places are unchanged."""
    import dataclasses
    from emu.model import load_port
    path = tmp_path / "again.yaml"
    text = (ROOT / "archs" / "m68k.yaml").read_text().replace("port: m68k", "port: again")
    path.write_text(re.sub(r"^aliases: .*\n", "", text, flags=re.M))
    for snippet in (ROOT / "kernel_snippets" / "m68k").iterdir():
        shutil.copy(snippet, tmp_path / snippet.name)
    first = load_port(str(path))
    assert load_port(str(path)) is first                      # same text: checked once
    with pytest.raises(dataclasses.FrozenInstanceError):      # so nobody changes it for the next
        first.name = "other"
    path.write_text(path.read_text().replace("description: \"", "description: \"edited, "))
    edited = load_port(str(path))
    assert edited.description.startswith("edited, ") and not first.description.startswith("edited")
    (tmp_path / "again").mkdir()                               # the snippets' own folder, made later
    shutil.copy(tmp_path / first.snippets[0].name, tmp_path / "again")
    moved = load_port(str(path))
    assert moved.snippets[0] == tmp_path / "again" / first.snippets[0].name
    (tmp_path / "again" / first.snippets[0].name).unlink()
    (tmp_path / first.snippets[0].name).unlink()
    with pytest.raises(Exception, match=r"again\.yaml:\d+: snippets\[0\]: no such regular file"):
        load_port(str(path))


def _odd_entry(folder, kind):
    """A *.yaml in a port folder that is no port file to read: a FIFO (a
    read would block), a dangling symlink, or nesting too deep for PyYAML."""
    entry = folder / "odd.yaml"
    if kind == "fifo":
        os.mkfifo(entry)
    elif kind == "dangling":
        entry.symlink_to(folder / "nowhere")
    else:
        entry.write_text("aliases: " + "[" * 100000 + "]" * 100000 + "\n")


@pytest.mark.parametrize("kind", ["fifo", "dangling", "deep"])
def test_an_unknown_name_is_one_line_whatever_else_the_port_path_holds(tmp_path, kind):
    """A name no port has is looked up among every YAML's aliases, so each
    one is read: a file that cannot be one is skipped, not waited on."""
    _odd_entry(tmp_path, kind)
    result = run_cli("run", "vax", "--call", "splx", "--port-path", str(tmp_path), timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1 and "unknown port 'vax'" in result.stderr, result.stderr
    assert run_cli("run", "x86", "--call", "splx", "--port-path", str(tmp_path)).returncode == 0


def test_an_empty_port_path_is_refused():
    result = run_cli("ports", "--port-path", "")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "--port-path '': not a directory" in result.stderr
