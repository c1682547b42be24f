"""The command line: ``python -m interreg`` and the ``interreg`` console script."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import interreg
from conftest import run_command

RULE_IDS = [r["id"] for r in interreg.load_programme().rules]
OBJECTIVES = ["RSO1.1", "RSO1.4", "RSO2.2", "RSO2.4", "RSO2.6", "RSO3.2", "RSO4.1"]


def cli(*args, cwd=None):
    return run_command([sys.executable, "-m", "interreg", *map(str, args)], cwd=cwd)


@pytest.fixture
def files(tmp_path, make_good_proposal):
    """good.json (no findings), bad.json (an ERROR), warn.json (a WARNING only), broken.json (not JSON)."""
    folder = tmp_path / "proposals"
    folder.mkdir()
    make_good_proposal().save(folder / "good.json")
    bad = make_good_proposal()
    bad.specific_objective = "RSO1.1"  # closed in call 2025:1
    bad.save(folder / "bad.json")
    warn = make_good_proposal()
    warn.partner("PP2").region = "Syddanmark"
    warn.save(folder / "warn.json")
    (folder / "broken.json").write_text('{"format": "interreg-proposal", "version": 1,', encoding="utf-8")
    return folder


def test_validate_good_file(files):
    rc, out, err = cli("validate", files / "good.json")
    assert rc == 0, err
    assert "good.json" in out
    assert "OK: 0 error(s)" in out
    assert err == ""


def test_validate_file_with_an_error(files):
    rc, out, err = cli("validate", files / "bad.json")
    assert rc == 1, err
    assert "NOT OK" in out
    assert "call.objective-open" in out
    assert "/specific_objective" in out
    assert "source:" in out


def test_warnings_do_not_fail(files):
    rc, out, _ = cli("validate", files / "warn.json")
    assert rc == 0
    assert "partner.outside-area" in out


def test_malformed_file_exits_2_and_says_why(files):
    rc, out, err = cli("validate", files / "broken.json")
    assert rc == 2
    assert "broken.json" in err
    assert "not valid JSON" in err
    assert "line 1" in err
    assert "Traceback" not in err


def test_missing_file_exits_2_and_says_why(files):
    rc, out, err = cli("validate", files / "missing.json")
    assert rc == 2
    assert "missing.json" in err
    assert "cannot" in err
    assert "Traceback" not in err


def test_document_with_a_wrong_type_names_the_path(files, tmp_path):
    doc = json.loads((files / "good.json").read_text(encoding="utf-8"))
    doc["partners"][1]["country"] = "XX"
    path = tmp_path / "xx.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    rc, _, err = cli("validate", path)
    assert rc == 2
    assert "/partners/1/country" in err


def test_invalid_utf8_file_exits_2(files):
    (files / "latin1.json").write_bytes((files / "good.json").read_text(encoding="utf-8")
                                        .replace("Göteborgs", "G\udcf6teborgs").encode("utf-8", "surrogateescape"))
    rc, _, err = cli("validate", files / "latin1.json")
    assert rc == 2
    assert "Traceback" not in err


def test_mixed_files_exit_with_the_worst_status(files):
    rc, out, err = cli("validate", files / "good.json", files / "bad.json", files / "broken.json")
    assert rc == 2
    assert "good.json: OK" in out
    assert "bad.json: NOT OK" in out
    assert "broken.json" in err
    rc, _, _ = cli("validate", files / "good.json", files / "bad.json")
    assert rc == 1
    rc, _, _ = cli("validate", files / "broken.json", files / "good.json")  # order does not matter
    assert rc == 2


def test_json_output(files):
    rc, out, err = cli("validate", "--format", "json", files / "good.json", files / "bad.json",
                       files / "broken.json")
    assert rc == 2
    results = json.loads(out)
    assert [Path(r["file"]).name for r in results] == ["good.json", "bad.json", "broken.json"]
    good, bad, broken = results
    assert good["ok"] is True and good["counts"] == {"ERROR": 0, "WARNING": 0, "INFO": 0} and good["findings"] == []
    assert bad["ok"] is False and bad["counts"]["ERROR"] == 1
    (finding,) = bad["findings"]
    assert finding["rule"] == "call.objective-open"
    assert finding["path"] == "/specific_objective"
    assert set(finding) == {"rule", "severity", "message", "path", "source", "assumed"}
    # An unreadable file has the same shape as the others: ok, counts and its document.* finding.
    assert good["readable"] is True and broken["readable"] is False
    assert broken["ok"] is False and broken["counts"]["ERROR"] == 1
    (reason,) = broken["findings"]
    assert reason["rule"] == "document.format" and "not valid JSON" in reason["message"]
    assert err == ""  # JSON mode keeps the messages in the JSON


def test_json_unreadable_file_says_why(files):
    rc, out, _ = cli("validate", "--format", "json", files / "broken.json")
    assert rc == 2
    (broken,) = json.loads(out)
    assert set(broken) == {"file", "readable", "ok", "counts", "findings", "error"}
    assert "not valid JSON" in broken["error"] and broken["error"] == broken["findings"][0]["message"]


def test_strict_makes_warnings_fail(files):
    rc, out, _ = cli("validate", "--strict", files / "warn.json")
    assert rc == 1 and "partner.outside-area" in out
    rc, _, _ = cli("validate", "--strict", files / "good.json")
    assert rc == 0
    rc, _, _ = cli("validate", "--strict", "--format", "json", files / "good.json", files / "warn.json")
    assert rc == 1
    rc, _, _ = cli("validate", "--strict", files / "warn.json", files / "broken.json")
    assert rc == 2  # unreadable stays the worst


def test_json_output_keeps_non_ascii(files):
    rc, out, _ = cli("validate", "--format", "json", files / "warn.json")
    assert rc == 0
    assert "Aalborg Kommune" in out
    (result,) = json.loads(out)
    assert result["findings"][0]["rule"] == "partner.outside-area"


def test_folder_validates_every_json_file(files):
    (files / "notes.txt").write_text("not a proposal", encoding="utf-8")
    (files / "broken.json").unlink()
    rc, out, err = cli("validate", "--format", "json", files)
    assert rc == 1, err
    names = sorted(Path(r["file"]).name for r in json.loads(out))
    assert names == ["bad.json", "good.json", "warn.json"]


def test_empty_folder_exits_2(tmp_path):
    rc, _, err = cli("validate", tmp_path)
    assert rc == 2
    assert "no proposal files" in err


def test_validate_against_an_explicit_programme(files):
    rc, out, _ = cli("validate", "--programme", "oks-2021-2027", files / "good.json")
    assert rc == 0, out


def test_validate_with_unknown_programme_exits_2(files):
    rc, _, err = cli("validate", "--programme", "oks-1914-1918", files / "good.json")
    assert rc == 2
    assert "oks-1914-1918" in err
    assert "Traceback" not in err


def test_validate_needs_a_file():
    rc, _, err = cli("validate")
    assert rc == 2
    assert "usage" in err.lower()


def test_no_command_is_a_usage_error():
    rc, _, err = cli()
    assert rc == 2
    assert "usage" in err.lower()


# -- programme --------------------------------------------------------------------------------

def test_programme_without_flags_prints_the_name():
    rc, out, _ = cli("programme")
    assert rc == 0
    assert out.splitlines()[0] == "Interreg Öresund-Kattegat-Skagerrak 2021-2027 (oks-2021-2027)"
    assert "--regions" in out and "--rules" in out
    assert f"{len(RULE_IDS)} rows" in out
    assert len(RULE_IDS) == 54


def test_programme_regions():
    rc, out, _ = cli("programme", "--regions")
    assert rc == 0
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["code", "name", "country", "in_area"]
    for code in ["DK01", "SE232", "NO-31", "SE110"]:
        assert any(line.startswith(code + " ") for line in lines), code
    assert len(lines) == 2 + len(interreg.load_programme().regions)


def test_programme_objectives():
    rc, out, _ = cli("programme", "--objectives")
    assert rc == 0
    codes = [line.split()[0] for line in out.splitlines()[2:]]
    assert codes == OBJECTIVES


def test_programme_calls():
    rc, out, _ = cli("programme", "--calls")
    assert rc == 0
    ids = [line.split()[0] for line in out.splitlines()[2:]]
    assert ids == [c.id for c in interreg.load_programme().calls]
    assert "2025:1" in ids


def test_programme_rules():
    rc, out, _ = cli("programme", "--rules")
    assert rc == 0
    ids = [line.split()[0] for line in out.splitlines()[2:]]
    assert ids == RULE_IDS
    assert len(ids) == 54


def test_programme_reference_rates():
    rc, out, _ = cli("programme", "--reference-rates")
    assert rc == 0
    lines = out.splitlines()
    assert lines[0].split() == ["currency", "rate", "date", "band_low", "band_high", "band_status"]
    assert lines[2].split() == ["DKK", "7.4558", "2023-12-08", "7.292522", "7.628238", "confirmed"]
    assert [line.split()[0] for line in lines[2:]] == ["DKK", "SEK", "NOK"]


def test_programme_several_tables():
    rc, out, _ = cli("programme", "--objectives", "--funds")
    assert rc == 0
    assert "\nobjectives\n" in out and "\nfunds\n" in out
    assert "erdf" in out


def test_programme_by_path():
    path = Path(interreg.__file__).resolve().parent / "data" / "programmes" / "oks-2021-2027.json"
    rc, out, _ = cli("programme", path)
    assert rc == 0
    assert "(oks-2021-2027)" in out


def test_unknown_programme_exits_2():
    rc, _, err = cli("programme", "oks-1914-1918")
    assert rc == 2
    assert "oks-1914-1918" in err
    assert "oks-2021-2027" in err


def test_version():
    rc, out, _ = cli("--version")
    assert rc == 0
    assert out.strip() == f"interreg {interreg.__version__}"


# -- the console script -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def script():
    path = Path(sys.executable).parent / "interreg"
    if not path.exists():
        pytest.fail(f"no console script at {path}")
    return path


def test_console_script_runs(script, files):
    rc, out, _ = run_command([str(script), "--version"])
    assert rc == 0
    assert out.strip() == f"interreg {interreg.__version__}"
    rc, out, _ = run_command([str(script), "validate", str(files / "bad.json")])
    assert rc == 1
    assert "call.objective-open" in out


def test_programme_tables_as_json():
    rc, out, err = cli("programme", "--funds", "--format", "json")
    assert rc == 0, err
    funds = json.loads(out)
    assert [f["id"] for f in funds] == ["erdf", "no-interreg"]
    rc, out, _ = cli("programme", "--funds", "--calls", "--format", "json")
    assert set(json.loads(out)) == {"funds", "calls"}
    rc, out, _ = cli("programme", "--format", "json")
    summary = json.loads(out)
    assert summary["id"] == "oks-2021-2027" and summary["rows"]["objectives"] == len(OBJECTIVES)


def test_programme_table_as_csv():
    import csv
    import io

    rc, out, err = cli("programme", "--objectives", "--format", "csv")
    assert rc == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["code"] for r in rows] == OBJECTIVES
    rc, _, err = cli("programme", "--objectives", "--calls", "--format", "csv")
    assert rc == 2 and "one table" in err


def test_programme_csv_keeps_formulas_as_text(tmp_path):
    """A programme file's text that looks like a formula reaches a spreadsheet as text."""
    doc = json.loads(Path(interreg.__file__).parent.joinpath("data", "programmes", "oks-2021-2027.json")
                     .read_text(encoding="utf-8"))
    doc["funds"][0]["name"]["en"] = '=HYPERLINK("http://example.org","click")'
    doc["funds"][1]["name"]["en"] = "Norwegian\x1b[8m funds\nforged,row"
    path = tmp_path / "formula.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    rc, out, err = cli("programme", str(path), "--funds", "--format", "csv")
    assert rc == 0, err
    assert "'=HYPERLINK" in out and ",=HYPERLINK" not in out and '"=HYPERLINK' not in out
    # Control characters are escaped as in every other output: no terminal sequence, no forged row.
    assert "\x1b" not in out and "\\x1b[8m funds\\nforged,row" in out
    assert len(out.splitlines()) == 3


@pytest.mark.parametrize("command, flag, name", [
    ("export-budget", "--xlsx", "out.csv"), ("export-budget", "--xlsx", "out.xls"),
    ("export-draft", "--docx", "out.pdf"), ("export-draft", "--md", "out.docx")])
def test_exports_refuse_a_mismatched_extension(files, tmp_path, command, flag, name):
    rc, out, err = cli(command, files / "good.json", flag, tmp_path / name)
    assert rc == 2 and name in err and "must end in" in err
    assert not (tmp_path / name).exists()  # nothing written under a misleading name


@pytest.mark.parametrize("command", ["validate", "programme", "export-budget", "export-draft", "diff"])
def test_help_shows_an_example(command):
    rc, out, _ = cli(command, "--help")
    assert rc == 0 and "example" in out and f"interreg {command}" in out
