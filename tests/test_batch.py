"""interreg.validate_many: many proposals at once, one row per finding with its file."""
from __future__ import annotations

import signal
import sys
import time

import pytest

import interreg
from conftest import run_command
from interreg.batch import check_all


@pytest.fixture
def folder(tmp_path, make_good_proposal):
    """a-good.json (no findings), b-bad.json (an ERROR), c-broken.json (not JSON),
    sub/d-warn.json (a WARNING), notes.txt (ignored), and a temporary file of a save."""
    (tmp_path / "sub").mkdir()
    make_good_proposal().save(tmp_path / "a-good.json")
    bad = make_good_proposal()
    bad.specific_objective = "RSO1.1"
    bad.save(tmp_path / "b-bad.json")
    (tmp_path / "c-broken.json").write_text('{"format": "interreg-proposal", "version": 1,', encoding="utf-8")
    warn = make_good_proposal()
    warn.partner("PP2").region = "Syddanmark"
    warn.save(tmp_path / "sub" / "d-warn.json")
    (tmp_path / "notes.txt").write_text("not a proposal", encoding="utf-8")
    (tmp_path / ".a-good.json.tmp-Ab12Cd").write_text('{"format": "interr', encoding="utf-8")
    return tmp_path


def test_one_row_per_finding_with_its_file(folder):
    frame = interreg.validate_many([folder], workers=2)
    assert list(frame.columns) == ["file", "item", "rule", "severity", "path", "message", "source", "assumed"]
    by_file = {name: rows for name, rows in frame.groupby("file")}
    assert set(by_file) == {str(folder / "b-bad.json"), str(folder / "c-broken.json"), str(folder / "sub" / "d-warn.json")}
    assert (by_file[str(folder / "b-bad.json")]["severity"] == "ERROR").any()
    broken = by_file[str(folder / "c-broken.json")].iloc[0]
    assert (broken["rule"], broken["severity"]) == ("document.format", "ERROR")
    assert "line" in broken["message"] and "column" in broken["message"]
    assert set(by_file[str(folder / "sub" / "d-warn.json")]["severity"]) == {"WARNING"}


def test_every_file_is_listed_with_its_counts(folder):
    files = interreg.validate_many([folder]).attrs["files"]
    assert list(files["file"]) == [str(folder / n) for n in ("a-good.json", "b-bad.json", "c-broken.json", "sub/d-warn.json")]
    assert list(files["item"]) == [0, 1, 2, 3]
    assert list(files["readable"]) == [True, True, False, True]
    assert list(files["ok"]) == [True, False, False, True]
    assert files.iloc[0][["errors", "warnings", "infos"]].tolist() == [0, 0, 0]
    for row, checked in zip(files.itertuples(), check_all([folder])):  # the columns are each report's counts
        c = checked.report.counts()
        assert (row.errors, row.warnings, row.infos, row.ok) == (c["ERROR"], c["WARNING"], c["INFO"], checked.report.ok)
    assert files["errors"].sum() > 0 and files["warnings"].sum() > 0


def test_same_rows_with_one_worker_and_with_two(folder):
    one = interreg.validate_many([folder], workers=1)
    two = interreg.validate_many([folder], workers=2)
    assert one.equals(two)
    assert one.attrs["files"].equals(two.attrs["files"])


def test_files_checked_in_the_core_match_reading_each_one_alone(folder):
    # Files go to the core's check_files; each row must be what loading and validating the
    # file through the Python API gives.
    frame = interreg.validate_many([folder], workers=2)
    for name in ("a-good.json", "b-bad.json", "sub/d-warn.json"):
        report = interreg.Proposal.load(folder / name).validate()
        rows = frame[frame["file"] == str(folder / name)]
        assert [tuple(r) for r in rows[["rule", "severity", "path", "message", "source", "assumed"]].itertuples(index=False)] \
            == [(f.rule, f.severity, f.path, f.message, f.source, f.assumed) for f in report.findings]
    with pytest.raises(interreg.FormatError) as alone:
        interreg.Proposal.load(folder / "c-broken.json")
    broken = frame[frame["file"] == str(folder / "c-broken.json")].iloc[0]
    assert (broken["message"], broken["path"]) == (str(alone.value), alone.value.path)


def test_the_columnar_frame_is_report_findings_row_for_row(folder, make_good_proposal):
    # The frame is built from the core's columns; each row must be the Finding that the lazy
    # Report.findings gives, in the same order, for files and proposals in memory alike.
    draft = make_good_proposal()
    draft.specific_objective = "RSO1.1"
    items = [folder, draft]
    frame = interreg.validate_many(items, workers=2)
    from interreg.batch import check_all

    expected = [(c.file, c.item, f.rule, f.severity, f.path, f.message, f.source, f.assumed)
                for c in check_all(items, workers=2) for f in c.report.findings]
    assert len(expected) > 3
    assert list(frame.itertuples(index=False, name=None)) == expected
    assert frame["assumed"].dtype == bool and frame["item"].dtype == "int64"


def test_a_text_said_by_many_files_is_one_str(tmp_path, make_good_proposal):
    # A batch repeats its messages from file to file: each distinct text is one object in the
    # frame, so a folder of thousands of drafts does not hold thousands of copies.
    for i in range(5):
        draft = make_good_proposal()
        draft.specific_objective = "RSO1.1"
        draft.save(tmp_path / f"draft-{i}.json")
    frame = interreg.validate_many([tmp_path], workers=2)
    assert len(frame) >= 5 and frame["message"].nunique() < len(frame)
    for column in ("rule", "severity", "path", "message", "source"):
        assert len({id(text) for text in frame[column]}) == frame[column].nunique(), column


def test_items_may_be_paths_folders_and_proposals(folder, make_good_proposal):
    bad = make_good_proposal()
    bad.duration_months = 60
    frame = interreg.validate_many([str(folder / "a-good.json"), bad, folder / "sub"])
    files = frame.attrs["files"]
    assert list(files["file"]) == [str(folder / "a-good.json"), None, str(folder / "sub" / "d-warn.json")]
    in_memory = frame[frame["item"] == 1]
    assert len(in_memory) and in_memory["file"].isna().all()
    assert "project.duration" in set(in_memory["rule"])


def test_missing_file_and_unknown_programme_are_rows(tmp_path, make_good_proposal):
    other = tmp_path / "other.json"
    other.write_text(make_good_proposal().to_json().replace('"oks-2021-2027"', '"no-such-programme"', 1),
                     encoding="utf-8")
    frame = interreg.validate_many([tmp_path / "missing.json", other])
    assert list(frame["rule"]) == ["document.file", "document.programme"]
    assert "missing.json" in frame.iloc[0]["message"]
    assert "no-such-programme" in frame.iloc[1]["message"]


def test_a_programme_for_every_file(folder):
    frame = interreg.validate_many([folder / "a-good.json"], programme="oks-2021-2027")
    assert frame.empty and frame.attrs["files"]["ok"].all()


def test_empty_input_gives_empty_frames(tmp_path):
    frame = interreg.validate_many([tmp_path])
    assert frame.empty and frame.attrs["files"].empty


@pytest.mark.parametrize("workers, error", [(0, interreg.ArgumentError), (-1, interreg.ArgumentError),
                                            (1.5, TypeError), (True, TypeError)])
def test_bad_workers(folder, workers, error):
    with pytest.raises(error):
        interreg.validate_many([folder], workers=workers)


def test_bad_items():
    with pytest.raises(TypeError, match="list"):
        interreg.validate_many("drafts/")
    with pytest.raises(TypeError, match="int"):
        interreg.validate_many([42])


def test_cli_validates_a_folder_with_workers(folder):
    rc, out, err = run_command([sys.executable, "-m", "interreg", "validate", str(folder), "--workers", "2"])
    assert rc == 2  # one file cannot be read
    assert out.index("a-good.json") < out.index("b-bad.json") < out.index("d-warn.json")
    assert "c-broken.json: cannot read" in err
    assert ".tmp-" not in out + err


class _Stop(Exception):
    pass


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs signal.setitimer")
def test_a_signal_stops_a_long_batch_between_files(folder):
    # Ctrl-C in a notebook is a signal whose handler raises: the batch must stop soon after it,
    # not when every file is done. One file 4,000 times takes a while; the alarm comes after 20 ms.
    paths = [str(folder / "b-bad.json")] * 4000
    start = time.perf_counter()
    interreg.validate_many(paths, workers=1)
    whole = time.perf_counter() - start

    def stop(signum, frame):
        raise _Stop()

    previous = signal.signal(signal.SIGALRM, stop)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.02)
        start = time.perf_counter()
        with pytest.raises(_Stop):
            interreg.validate_many(paths, workers=1)
        stopped = time.perf_counter() - start
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert stopped < whole / 2, (stopped, whole)
    assert len(interreg.validate_many(paths[:3])) == 3 * len(interreg.validate_many(paths[:1]))  # still usable
