"""Saving survives being killed: a child process saving a large proposal over and over is
killed with SIGKILL at random moments; the file on disk is always one complete version,
byte for byte, and loads. The temporary file an interrupted save leaves behind
(``.NAME.json.tmp-XXXXXX``) is never taken for a proposal.
"""
from __future__ import annotations

import random
import signal
import subprocess
import sys
import time

import pytest

import interreg
from conftest import child_env
from interreg.batch import check_all

KILLS = 30
PARTNER_LINES = 600  # per partner: a document of about 1.6 MB

CHILD = """
import sys
import interreg
target = sys.argv[3]
versions = [interreg.Proposal.load(sys.argv[1]), interreg.Proposal.load(sys.argv[2])]
print("ready", flush=True)
i = 0
while True:
    versions[i % 2].save(target)
    i += 1
"""


def large_document(make_good_proposal, marker: str) -> str:
    doc = make_good_proposal().to_dict()
    doc["acronym"] = marker
    for partner in doc["partners"]:
        line = dict(partner["budget"]["lines"][0], unit_type="hours", currency="EUR", periods=None)
        partner["budget"]["lines"] = [dict(line, description=f"{marker} task {i}", units=str(10 + i % 90))
                                      for i in range(PARTNER_LINES)]
    return interreg.Proposal.from_dict(doc).to_json()


@pytest.fixture
def versions(tmp_path, make_good_proposal):
    """Two large versions of a proposal, as source files and as the bytes a save writes."""
    texts = [large_document(make_good_proposal, m) for m in ("VERSIONA", "VERSIONB")]
    paths = []
    for name, text in zip(("a.json", "b.json"), texts):
        paths.append(tmp_path / name)
        paths[-1].write_text(text, encoding="utf-8")
    return paths, [t.encode("utf-8") for t in texts]


def test_killed_saves_never_damage_the_file(tmp_path, versions):
    (source_a, source_b), contents = versions
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    target = drafts / "proposal.json"
    target.write_bytes(contents[0])
    started = time.perf_counter()
    interreg.Proposal.load(source_b).save(target)
    save_seconds = time.perf_counter() - started

    rng = random.Random(2026)
    left_temporary = 0
    for _ in range(KILLS):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(source_a), str(source_b), str(target)],
                                 stdout=subprocess.PIPE, env=child_env())
        try:
            assert child.stdout.readline() == b"ready\n"
            time.sleep(rng.uniform(0, 2 * save_seconds))
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait()
            child.stdout.close()
        assert child.returncode == -signal.SIGKILL
        assert target.read_bytes() in contents  # one whole version, never a mix or a half
        assert interreg.Proposal.load(target).acronym in ("VERSIONA", "VERSIONB")
        leftovers = [p for p in drafts.iterdir() if p != target]
        assert all(p.name.startswith(".proposal.json.tmp-") for p in leftovers), leftovers
        # A folder check never picks up a half-written file.
        assert [c.file for c in check_all([drafts])] == [str(target)]
        left_temporary += bool(leftovers)
        for p in leftovers:  # what docs/limits.md tells users: these can be deleted
            p.unlink()
    # Some kills must have hit the middle of writing, or the test proved nothing.
    assert left_temporary > 0, f"no kill landed while a file was being written (save takes {save_seconds:.3f} s)"
