"""--jobs splits independent work over processes; the output does not
depend on how many (issue 10)."""

from __future__ import annotations

import json

from conftest import DATA, run_cli


def _without_timing(text: str) -> dict:
    report = json.loads(text)
    if isinstance(report, dict):
        report.pop("seconds", None)
    return report


def test_check_output_does_not_depend_on_jobs():
    snippet = str(DATA / "broken" / "i386" / "contract.S")
    outputs = [run_cli("check", "i386", "--snippet", snippet, "--routine", "spllower_stale_ecx=lower",
                       "--routine", "splraise", "--format", "json", "--jobs", jobs)
               for jobs in ("1", "2", "3")]
    assert {o.returncode for o in outputs} == {1}
    first = _without_timing(outputs[0].stdout)
    assert all(_without_timing(o.stdout) == first for o in outputs[1:])


def test_race_and_table_output_do_not_depend_on_jobs():
    races = [run_cli("race", "i386", "sparc", "--format", "json", "--jobs", jobs) for jobs in ("1", "2")]
    assert races[0].returncode == 0 and races[0].stdout == races[1].stdout
    tables = [run_cli("table", "--ports", "alpha", "m68k", "--format", "csv", "--jobs", jobs)
              for jobs in ("1", "2")]
    assert tables[0].returncode == 0 and tables[0].stdout == tables[1].stdout


def test_jobs_must_be_positive():
    result = run_cli("check", "alpha", "--jobs", "0")
    assert result.returncode == 2 and "Traceback" not in result.stderr
