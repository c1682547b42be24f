"""Reading a document takes at most 8 times its size in memory, whatever its shape
(docs/limits.md): the densest shapes the limits admit and a large real-looking proposal.

Each case runs in a child interpreter that resets its peak resident memory (Linux
/proc/self/clear_refs) once the document's bytes are built, reads them, and reports how much
the peak rose: the compact document, the proposal built from it and anything transient.
"""
from __future__ import annotations

import json
import sys

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self")

BOUND = 8.0
VALUES = 2_000_000  # half the value limit: the ratio does not depend on the count

CHILD = """
import json, sys
import interreg

def status(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024

def big_proposal():
    # 50 partners of 300 budget lines each, as JSON text
    p = interreg.Proposal(acronym="BIG", specific_objective="RSO4.1", call="2025:1", start="2026-01-01",
                          duration_months=36)
    for i in range(50):
        country, region = [("SE", "Halland"), ("DK", "Nordjylland"), ("NO", "Vestfold")][i % 3]
        partner = p.add_partner(f"Partner {{i:03d}}", country=country, region=region, org_type="regional-authority",
                                role="lead" if i == 0 else "partner")
        for j in range(300):
            partner.budget.add(["staff", "travel", "external", "equipment"][j % 4], f"Line {{j}} of partner {{i}}",
                               units=str(1 + j % 7), unit_price=f"{{100 + 37 * j}}.25")
    return p.to_json()

HEAD = b'{{"format": "interreg-proposal", "version": 1, "programme": "oks-2021-2027", "kind": "main", "acronym": "X", '
data = {make}
with open("/proc/self/clear_refs", "w") as f:
    f.write("5")  # the peak is now what is resident
before = status("VmRSS")
try:
    interreg.Proposal.from_json(data)
    error = None
except interreg.FormatError as e:
    error = str(e)
print(json.dumps({{"bytes": len(data), "added": status("VmHWM") - before, "error": error}}))
"""

# shape → (an expression making the bytes, whether the proposal is valid)
SHAPES = {
    "empty objects": (f"HEAD + b'\"partners\": [' + b'{{}},' * {VALUES} + b'{{}}]}}'", False),
    "empty arrays": (f"HEAD + b'\"partners\": [' + b'[],' * {VALUES} + b'[]]}}'", False),
    "nulls": (f"HEAD + b'\"partners\": [' + b'null,' * {VALUES} + b'null]}}'", False),
    "one-digit numbers": (f"HEAD + b'\"partners\": [' + b'0,' * {VALUES} + b'0]}}'", False),
    "floating-point numbers": (f"HEAD + b'\"partners\": [' + b'1e1,' * {VALUES} + b'1e1]}}'", False),
    "one-letter strings": (f"HEAD + b'\"partners\": [' + b'\"a\",' * {VALUES} + b'\"a\"]}}'", False),
    "one-member objects": (f"HEAD + b'\"partners\": [' + b'{{\"a\":0}},' * {VALUES // 2} + b'{{}}]}}'", False),
    "an object of tiny keys": (f"HEAD + b'\"x\": {{' + b','.join(b'\"%x\":0' % i for i in range({VALUES // 2})) + b'}}}}'",
                               False),
    "50 partners x 300 lines, indented": ("big_proposal().encode()", True),
    "50 partners x 300 lines, minified": (
        "json.dumps(json.loads(big_proposal()), separators=(',', ':'), ensure_ascii=False).encode()", True),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_reading_takes_at_most_eight_times_the_document(run_python, shape):
    make, valid = SHAPES[shape]
    rc, out, err = run_python(CHILD.format(make=make), timeout=300)
    assert rc == 0, err
    outcome = json.loads(out)
    assert (outcome["error"] is None) == valid, outcome["error"]
    ratio = outcome["added"] / outcome["bytes"]
    assert ratio <= BOUND, f"{shape}: {outcome['added'] / 1e6:.1f} MB for {outcome['bytes'] / 1e6:.1f} MB ({ratio:.1f}x)"
