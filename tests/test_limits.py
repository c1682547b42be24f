"""Inputs beyond the documented limits (docs/limits.md) fail fast with interreg.FormatError,
naming the path and the limit, without exhausting memory or the stack.

Each case runs in a child interpreter that reports the error, the time it took and its peak
memory, so a crash or a blow-up fails the test instead of pytest.
"""
from __future__ import annotations

import json

import pytest

# The interpreter with interreg takes about 40 MB; the largest document the reader accepts takes a
# few hundred MB while it is read. Without the value limit, 64 MiB of "[[],[],..." took gigabytes.
PEAK_MB = 600
SECONDS = 30  # about 3 s for the slowest case on an idle machine; generous for a shared CI machine

CHILD = """
import json, resource, sys, time
import interreg
data = {make}
started = time.perf_counter()
try:
    interreg.Proposal.from_json(data)
    outcome = {{"error": None}}
except interreg.FormatError as e:
    outcome = {{"error": "FormatError", "path": e.path, "message": str(e)}}
outcome["seconds"] = time.perf_counter() - started
outcome["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(outcome))
"""

HEAD = 'b\'{"format": "interreg-proposal", "version": 1, "programme": "oks-2021-2027", "kind": "main", "acronym": "X", \''

CASES = {
    # 64 MiB + 1 byte: refused before parsing.
    "over-64-mib": ("b' ' * (64 << 20) + b'{}'", "", ["limit is 67108864"]),
    # 4,000,001 empty arrays in 12 MB: refused at the value over the limit.
    "four-million-values": (HEAD + " + b'\"partners\": [' + b','.join([b'[]'] * 4000001) + b']}'",
                            "/partners/3999993", ["limit is 4000000"]),
    # A million nested arrays: refused at level 65, no deep recursion.
    "million-levels": (HEAD + " + b'\"title\": ' + b'[' * 1000000 + b']' * 1000000 + b'}'",
                       "/title" + "/0" * 63, ["nested more than 64"]),
    # 201 partners: the count limit of the format.
    "too-many-partners": (HEAD + " + b'\"partners\": [' + b','.join([b'{}'] * 201) + b']}'",
                          "/partners", ["201 items", "limit is 200"]),
    # 2,001 budget lines for one partner.
    "too-many-lines": (HEAD + " + b'\"partners\": [{\"id\": \"PP1\", \"name\": \"A\", \"country\": \"SE\", \"role\": \"lead\", "
                       "\"budget\": {\"lines\": [' + b','.join([b'{}'] * 2001) + b']}}]}'",
                       "/partners/0/budget/lines", ["2001 items", "limit is 2000"]),
    # 201 activities in one work package.
    "too-many-activities": (HEAD + " + b'\"partners\": [], \"work_plan\": {\"work_packages\": [{\"number\": 1, \"title\": \"W\", "
                            "\"activities\": [' + b','.join([b'{}'] * 201) + b']}]}}'",
                            "/work_plan/work_packages/0/activities", ["201 items", "limit is 200"]),
    # A partner name of 501 characters.
    "long-name": (HEAD + " + b'\"partners\": [{\"id\": \"PP1\", \"name\": \"' + 'Ø'.encode() * 501 + b'\", \"country\": \"SE\", "
                  "\"role\": \"lead\"}]}'", "/partners/0/name", ["501 characters", "limit is 500"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_input_beyond_a_limit_fails_fast_and_small(run_python, case):
    make, path, words = CASES[case]
    rc, out, err = run_python(CHILD.format(make=make), timeout=120)
    assert rc == 0, err
    outcome = json.loads(out)
    assert outcome["error"] == "FormatError", outcome
    assert outcome["path"] == path, outcome["message"][:300]
    for word in words:
        assert word in outcome["message"], outcome["message"][:300]
    assert outcome["seconds"] < SECONDS, outcome
    assert outcome["peak_mb"] < PEAK_MB, outcome
