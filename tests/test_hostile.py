"""Hostile files, paths and texts (the rows of the hostile-input issue): nothing hangs, no file
is clobbered, no batch stops, and every refusal is an interreg.Error naming what is wrong.
Outputs that could carry code (spreadsheet formulas, Markdown blocks, terminal escapes) are
tested in test_hostile_outputs.py, memory while a document is read in test_reading_memory.py."""
from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time

import pytest

import interreg
from conftest import child_env, run_command
from interreg import CooperationHistory

TIMEOUT = 30  # a hang is a failure, not a stuck suite


def cli(*args, cwd=None):
    return run_command([sys.executable, "-m", "interreg", *map(str, args)], timeout=TIMEOUT, cwd=cwd)


@pytest.fixture
def folder(tmp_path, make_good_proposal):
    """drafts/good.json (no findings) and drafts/bad.json (an ERROR)."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    make_good_proposal().save(drafts / "good.json")
    bad = make_good_proposal()
    bad.specific_objective = "RSO1.1"  # closed in call 2025:1
    bad.save(drafts / "bad.json")
    return drafts


# ---- 1: a FIFO never hangs a read -------------------------------------------------------------

def test_a_fifo_is_refused_without_waiting(folder):
    fifo = folder / "x.json"
    os.mkfifo(fifo)
    with pytest.raises(interreg.FileError, match="FIFO"):
        interreg.Proposal.load(fifo)
    files = interreg.validate_many([folder]).attrs["files"]
    assert list(files["readable"]) == [True, True, False]  # bad, good, x
    rc, out, err = cli("validate", fifo)
    assert rc == 2 and "FIFO" in err
    rc, out, err = cli("validate", folder)
    assert rc == 2 and "good.json: OK" in out


def test_a_history_fifo_is_refused(tmp_path):
    os.mkfifo(tmp_path / "history.csv")
    with pytest.raises(interreg.FileError, match="FIFO"):
        CooperationHistory.from_csv(tmp_path / "history.csv")


# ---- 2, 3: saving and exporting replace only the regular file a path leads to ---------------------

def test_saving_through_a_symlink_keeps_the_link(tmp_path, good_proposal):
    real = tmp_path / "real.json"
    good_proposal.save(real)
    (tmp_path / "link.json").symlink_to("real.json")
    good_proposal.acronym = "CHANGED"
    good_proposal.save(tmp_path / "link.json")
    assert (tmp_path / "link.json").is_symlink()
    assert interreg.Proposal.load(real).acronym == "CHANGED"
    (tmp_path / "dangling.json").symlink_to(tmp_path / "made.json")
    good_proposal.save(tmp_path / "dangling.json")
    assert interreg.Proposal.load(tmp_path / "made.json").acronym == "CHANGED"


def test_special_and_read_only_targets_are_refused_and_kept(tmp_path, good_proposal):
    os.mkfifo(tmp_path / "fifo.json")
    (tmp_path / "null.json").symlink_to("/dev/null")  # a device, reached through a link
    readonly = tmp_path / "readonly.json"
    readonly.write_text("keep me")
    readonly.chmod(0o444)
    summary = good_proposal.budget_summary()
    for target, why in [(tmp_path / "fifo.json", "FIFO"), (tmp_path / "null.json", "a device"),
                        (readonly, "read-only"), (tmp_path, "a folder")]:
        with pytest.raises(interreg.FileError, match=why):
            good_proposal.save(target)
        with pytest.raises(interreg.FileError, match=why):
            summary.to_excel(target)
        with pytest.raises(interreg.FileError, match=why):
            good_proposal.to_docx(target)
    assert stat.S_ISFIFO((tmp_path / "fifo.json").lstat().st_mode)
    assert readonly.read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fifo.json", "null.json", "readonly.json"]


def test_permissions_are_kept_and_new_files_follow_the_umask(tmp_path, good_proposal):
    private = tmp_path / "private.json"
    good_proposal.save(private)
    private.chmod(0o600)
    good_proposal.save(private)
    good_proposal.budget_summary().to_excel(tmp_path / "budget.xlsx")
    (tmp_path / "budget.xlsx").chmod(0o640)
    good_proposal.budget_summary().to_excel(tmp_path / "budget.xlsx")
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "budget.xlsx").stat().st_mode) == 0o640
    mask = os.umask(0o027)
    try:
        good_proposal.save(tmp_path / "new.json")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640


# ---- 7: a folder the user cannot read is a row, and the CLI says so ------------------------------

def test_an_unreadable_sub_folder_is_a_row_and_exit_2(good_proposal):
    # As root every folder is readable: the check runs as an unprivileged user, in a folder it
    # can reach (pytest's own temporary folders are private to root).
    top = tempfile.mkdtemp(prefix="interreg-locked-")
    try:
        os.chmod(top, 0o755)
        good_proposal.save(os.path.join(top, "good.json"))
        locked = os.path.join(top, "locked")
        os.mkdir(locked)
        good_proposal.save(os.path.join(locked, "hidden.json"))
        os.chmod(locked, 0)
        user = {"user": "nobody"} if os.geteuid() == 0 else {}
        env = dict(child_env(), PYTHONPATH=os.pathsep.join(sys.path))
        code = ("import interreg, sys; f = interreg.validate_many([sys.argv[1]]); "
                "print(sorted(set(f['rule']) - {'partnership.min-partners'})); print(list(f.attrs['files']['readable']))")
        proc = subprocess.run([sys.executable, "-c", code, top], capture_output=True, timeout=TIMEOUT, env=env, **user)
        assert proc.returncode == 0, proc.stderr.decode()
        assert proc.stdout.decode().splitlines() == ["['document.unreadable']", "[True, False]"]
        proc = subprocess.run([sys.executable, "-m", "interreg", "validate", top], capture_output=True,
                              timeout=TIMEOUT, env=env, **user)
        assert proc.returncode == 2 and "locked" in proc.stderr.decode()
    finally:
        os.chmod(os.path.join(top, "locked"), 0o755)
        shutil.rmtree(top)


def test_a_symlink_loop_in_a_folder_does_not_trap_the_walk(folder):
    (folder / "loop").symlink_to(folder)
    assert list(interreg.validate_many([folder]).attrs["files"]["readable"]) == [True, True]


# ---- 8, 9: odd names, NUL bytes and trailing bytes -------------------------------------------------

def test_a_file_name_that_is_not_utf8_is_checked_like_any_other(folder, good_proposal):
    odd = os.path.join(os.fsencode(folder), b"caf\xe9.json")
    with open(odd, "wb") as f:
        f.write(good_proposal.to_json().encode())
    files = interreg.validate_many([folder]).attrs["files"]
    assert len(files) == 3 and files["readable"].all()
    assert interreg.Proposal.load(os.fsdecode(odd)).acronym == good_proposal.acronym
    good_proposal.save(os.fsdecode(odd))


def test_nul_in_a_path_and_bytes_after_the_document_are_refused(folder, good_proposal):
    with pytest.raises(interreg.FileError, match="NUL"):
        interreg.Proposal.load(str(folder / "good.json") + "\x00.evil")
    with pytest.raises(interreg.FileError, match="NUL"):
        good_proposal.save(str(folder / "x.json") + "\x00")
    text = (folder / "good.json").read_bytes()
    for tail in (b"\x00garbage", b"\x00", b"{}"):
        (folder / "tail.json").write_bytes(text + tail)
        with pytest.raises(interreg.FormatError):
            interreg.Proposal.load(folder / "tail.json")
        with pytest.raises(interreg.FormatError):
            interreg.Proposal.from_json(text + tail)


# ---- 11: lone surrogates are an interreg.Error at every entry point ---------------------------------

def test_lone_surrogates_are_refused_with_the_field(good_proposal):
    bad = "A\ud800"
    partner = good_proposal.partners[0]
    attempts = [
        lambda: interreg.Proposal.from_dict({**good_proposal.to_dict(), "acronym": bad}),
        lambda: partner.budget.add("staff", bad, units=1, unit_price="1"),
        lambda: good_proposal.set_exchange_rate(bad, "11.5", date="2025-01-31"),
        lambda: good_proposal.partner(bad),
        lambda: setattr(partner, "name", bad),
        lambda: good_proposal.work_plan.add_objective(bad),
    ]
    for attempt in attempts:
        with pytest.raises(interreg.Error):
            attempt()
    history = CooperationHistory.sample()
    with pytest.raises(interreg.Error):
        history.partners_of(bad)


# ---- 14: wide encodings get a message that names them ---------------------------------------------

def test_utf16_documents_and_histories_are_named(tmp_path, good_proposal):
    (tmp_path / "p.json").write_bytes(good_proposal.to_json().encode("utf-16"))
    with pytest.raises(interreg.FormatError, match="UTF-16LE"):
        interreg.Proposal.load(tmp_path / "p.json")
    (tmp_path / "h.csv").write_bytes("project,organisation,country\nP,Org,SE\n".encode("utf-16-be"))
    with pytest.raises(interreg.FormatError, match="UTF-16BE"):
        CooperationHistory.from_csv(tmp_path / "h.csv")


# ---- 15: stale temporary files are cleaned by the next save -------------------------------------------

def test_the_next_save_removes_stale_temporaries(tmp_path, good_proposal):
    target = tmp_path / "p.json"
    stale = tmp_path / ".p.json.tmp-abc123"
    stale.write_text("{")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    recent = tmp_path / ".p.json.tmp-xyz789"  # a save that may still be in flight
    recent.write_text("{")
    good_proposal.save(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".p.json.tmp-xyz789", "p.json"]
    assert json.loads(target.read_text())["acronym"] == good_proposal.acronym


# ---- 12, 14: histories that would exhaust memory or swallow rows -------------------------------------

def test_a_project_of_ten_thousand_organisations_is_cut_at_the_limit(tmp_path):
    rows = "".join(f"GIANT,Org {i},SE\n" for i in range(10_000))
    (tmp_path / "h.csv").write_text("project,organisation,country\n" + rows + "SMALL,Org 1,SE\nSMALL,Other,DK\n")
    limit = interreg._core.max_project_organisations
    history = CooperationHistory.from_csv(tmp_path / "h.csv", errors="skip")
    assert len(history.problems) == 10_000 - limit
    first = history.problems.iloc[0]
    assert first["line"] == limit + 2 and "GIANT" in first["problem"]
    assert history.edge_count <= limit * (limit - 1) // 2 + 1  # not 50 million
    with pytest.raises(interreg.FormatError, match="GIANT"):
        CooperationHistory.from_csv(tmp_path / "h.csv")


def test_partners_of_a_hub_is_whole_columns(tmp_path):
    # A hub in 60 projects of 500 organisations: 30,000 partners.
    rows = "".join(f"P{p},Org {p}-{i},SE\n" for p in range(60) for i in range(499))
    rows += "".join(f"P{p},Hub,SE\n" for p in range(60))
    (tmp_path / "hub.csv").write_text("project,organisation,country\n" + rows)
    history = CooperationHistory.from_csv(tmp_path / "hub.csv")
    partners = history.partners_of("Hub")
    assert history._network is None  # read from the history: the 7.5 million edges are never built
    assert len(partners) == 60 * 499
    assert list(partners.columns) == ["organisation", "country", "region", "org_type", "shared_projects",
                                      "latest_period", "projects"]
    row = partners[partners["organisation"] == "Org 7-3"].iloc[0]
    assert row["shared_projects"] == 1 and row["projects"] == ["P7"]


def test_an_unclosed_quote_does_not_swallow_the_rows_after_it(tmp_path):
    rows = "".join(f"P{i % 7},Org {i},DK\n" for i in range(1000))
    (tmp_path / "h.csv").write_text('project,organisation,country\nP1,"Lunds universitet,SE\n' + rows)
    history = CooperationHistory.from_csv(tmp_path / "h.csv", errors="skip")
    assert list(history.problems["line"]) == [2]
    assert history.organisation_count == 1000


def test_running_out_of_memory_is_an_interreg_error():
    assert issubclass(interreg.OutOfMemoryError, interreg.Error)
    assert issubclass(interreg.OutOfMemoryError, MemoryError)
