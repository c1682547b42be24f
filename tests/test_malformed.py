"""Malformed proposal documents: each must raise interreg.FormatError naming the JSON Pointer.

Every document is read in a child interpreter, so a crash (a signal) fails a test instead of
killing pytest. One child per loading method reads every case and prints a JSON line before
and after each; if a child dies, the cases it did not finish are re-run one child each so the
crash is pinned on its case.
"""
from __future__ import annotations

import copy
import json
import subprocess
import sys
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional

import pytest

import interreg
from conftest import build_good_proposal, child_env

BASE: Dict = build_good_proposal(interreg.load_programme()).to_dict()
BASE_TEXT: str = json.dumps(BASE, ensure_ascii=False, indent=2)

NOT_JSON = "not-json"  # marker: the path must be "" and the message must locate the error


@dataclass
class Case:
    id: str
    data: bytes
    path: str
    words: List[str] = field(default_factory=list)  # substrings of the message (case-insensitive)
    not_json: bool = False  # text that is not JSON: path "" and a message giving line/column (or "empty")
    xfail: Optional[str] = None
    or_located: bool = False  # `path`, or else path "" with a message giving line and column


def doc(change: Callable[[Dict], None]) -> bytes:
    d = copy.deepcopy(BASE)
    change(d)
    return json.dumps(d, ensure_ascii=False).encode("utf-8")


def put(key, value):
    return doc(lambda d: d.__setitem__(key, value))


def drop(key):
    return doc(lambda d: d.__delitem__(key))


def put_partner(i, key, value):
    return doc(lambda d: d["partners"][i].__setitem__(key, value))


def drop_partner(i, key):
    return doc(lambda d: d["partners"][i].__delitem__(key))


def raw(old: str, new: str) -> bytes:
    """BASE as text with one fragment replaced (for what json.dumps cannot write)."""
    assert old in BASE_TEXT, old
    return BASE_TEXT.replace(old, new, 1).encode("utf-8")


def raw_bytes(old: str, new: bytes) -> bytes:
    before, after = BASE_TEXT.split(old, 1)
    return before.encode("utf-8") + new + after.encode("utf-8")


DEEP = 5000

CASES: List[Case] = [
    # -- not JSON at all ------------------------------------------------------------------
    Case("truncated", b'{"format": "interreg-proposal", "version": 1,', "", not_json=True),
    Case("truncated-mid-document", BASE_TEXT.encode("utf-8")[: len(BASE_TEXT) // 2], "", not_json=True),
    Case("invalid-utf8-in-string", raw_bytes('"TALENT"', b'"TAL\xffENT"'), "/acronym", not_json=True),
    Case("utf8-encoded-surrogate", raw_bytes('"TALENT"', b'"TAL\xed\xa0\x80ENT"'), "/acronym", not_json=True),
    Case("utf16-with-bom", BASE_TEXT.encode("utf-16"), "", ["UTF-16LE", "save it as UTF-8"]),
    Case("empty-file", b"", "", ["empty"], not_json=True),
    Case("whitespace-only", b" \n\t\r\n  ", "", ["empty"], not_json=True),
    Case("nul-byte", b"\x00", "", ["NUL byte"], not_json=True),
    Case("nul-after-the-document", BASE_TEXT.encode("utf-8") + b"\x00{}", "", ["NUL byte"], not_json=True),
    Case("trailing-comma", raw('"duration_months": 36', '"duration_months": 36,'), "", not_json=True),
    Case("single-quotes", b"{'format': 'interreg-proposal'}", "", not_json=True),
    Case("nan", raw('"duration_months": 36', '"duration_months": NaN'), "/duration_months", not_json=True),
    Case("comment", b"// a proposal\n" + BASE_TEXT.encode("utf-8"), "", not_json=True),
    Case("trailing-garbage", BASE_TEXT.encode("utf-8") + b"\n}", "", not_json=True),
    Case("raw-control-character", raw('"TALENT"', '"TAL\x01ENT"'), "/acronym", not_json=True),
    # -- JSON, but not an object at the top ----------------------------------------------------
    Case("top-level-array", b"[]", "", ["expected an object", "array"]),
    Case("top-level-string", b'"interreg-proposal"', "", ["expected an object", "string"]),
    Case("top-level-null", b"null", "", ["expected an object", "null"]),
    Case("top-level-number", b"42", "", ["expected an object"]),
    # -- wrong types -------------------------------------------------------------------------------
    Case("version-string", put("version", "1"), "/version", ["expected an integer", "string"]),
    Case("acronym-number", put("acronym", 5), "/acronym", ["expected a string"]),
    Case("partners-object", put("partners", {}), "/partners", ["expected an array", "object"]),
    Case("partner-number", doc(lambda d: d["partners"].__setitem__(1, 3)), "/partners/1", ["expected an object"]),
    Case("duration-fraction", put("duration_months", 36.5), "/duration_months", ["expected an integer"]),
    Case("start-number", put("start", 20260101), "/start", ["expected a string"]),
    Case("start-impossible-date", put("start", "2026-02-30"), "/start", ["YYYY-MM-DD"]),
    Case("owner-string", put_partner(2, "norwegian_project_owner", "yes"), "/partners/2/norwegian_project_owner",
         ["true or false"]),
    Case("title-number", put("title", 5), "/title", ["expected an object"]),
    Case("title-unknown-language", put("title", {"fr": "x"}), "/title/fr", ["unknown language", "en"]),
    Case("title-text-number", put("title", {"en": 5}), "/title/en", ["expected a string"]),
    Case("region-number", put_partner(0, "region", 46), "/partners/0/region", ["expected a string"]),
    Case("narrative-array", put("narrative", ["relevance"]), "/narrative", ["expected an object", "array"]),
    Case("narrative-unknown-section", put("narrative", {"relevanse": {"en": "x"}}), "/narrative/relevanse",
         ["unknown key", "relevance"]),
    Case("narrative-unknown-language", put("narrative", {"durability": {"fi": "x"}}), "/narrative/durability/fi",
         ["unknown language", "en"]),
    Case("narrative-text-number", put("narrative", {"management": {"sv": 3}}), "/narrative/management/sv",
         ["expected a string"]),
    Case("narrative-control-character", put("narrative", {"communication": "A\x01B"}), "/narrative/communication/en",
         ["control character"]),
    Case("call-number", put("call", 20251), "/call", ["expected a string"]),
    # -- unknown keys ------------------------------------------------------------------------------
    Case("unknown-top-level-key", put("acronyme", "TALENT"), "/acronyme", ["unknown key", "acronym"]),
    Case("unknown-partner-key", put_partner(0, "colour", "blue"), "/partners/0/colour", ["unknown key", "country"]),
    Case("unknown-key-needing-escapes", put("a/b~c", 1), "/a~1b~0c", ["unknown key"]),
    # -- missing required keys --------------------------------------------------------------------------
    *[Case(f"missing-{key}", drop(key), "", [f"missing required key '{key}'"])
      for key in ["format", "version", "programme", "kind", "acronym", "partners"]],
    *[Case(f"missing-partner-{key}", drop_partner(1, key), "/partners/1", [f"missing required key '{key}'"])
      for key in ["id", "name", "country", "role"]],
    # -- values out of range or not among the choices ----------------------------------------------------
    Case("duration-negative", put("duration_months", -1), "/duration_months", ["between 1 and 120"]),
    Case("duration-zero", put("duration_months", 0), "/duration_months", ["between 1 and 120"]),
    Case("duration-121", put("duration_months", 121), "/duration_months", ["between 1 and 120"]),
    Case("country-xx", put_partner(1, "country", "XX"), "/partners/1/country", ["XX", "nearest"]),
    Case("country-lower-case", put_partner(1, "country", "dk"), "/partners/1/country", ["dk"]),
    Case("role-unknown", put_partner(1, "role", "boss"), "/partners/1/role", ["boss", "lead", "partner", "associated"]),
    Case("legal-status-unknown", put_partner(1, "legal_status", "semi"), "/partners/1/legal_status",
         ["semi", "public", "private", "other"]),
    Case("version-2", put("version", 2), "/version", ["newer"]),
    Case("version-0", put("version", 0), "/version", ["between"]),
    Case("format-other", put("format", "something-else"), "/format", ["interreg-proposal"]),
    Case("duration-beyond-uint64", raw('"duration_months": 36', '"duration_months": 99999999999999999999'),
         "/duration_months", []),
    Case("duration-beyond-int64", raw('"duration_months": 36', '"duration_months": 9223372036854775808'),
         "/duration_months", ["between 1 and 120"]),
    Case("duration-beyond-double", raw('"duration_months": 36', '"duration_months": 1e400'), "/duration_months",
         or_located=True),
    Case("empty-partner-name", put_partner(1, "name", ""), "/partners/1/name", ["empty"]),
    Case("blank-partner-name", put_partner(1, "name", "   "), "/partners/1/name", ["empty"]),
    Case("partner-name-too-long", put_partner(1, "name", "N" * 501), "/partners/1/name", ["501", "500"]),
    Case("duplicate-partner-ids", put_partner(1, "id", "PP1"), "/partners/1/id", ["PP1"]),
    # -- limits ------------------------------------------------------------------------------------------
    Case("deep-nesting-in-title", raw_bytes('"title": {', b'"title": ' + b"[" * DEEP + b"]" * DEEP + b', "x": {'),
         "/title" + "/0" * 63, ["nested", "64"]),
    Case("deep-nesting-at-top", b"[" * DEEP + b"]" * DEEP, "/0" * 64, ["nested", "64"]),
    Case("deep-objects-at-top", b'{"a":' * DEEP + b"1" + b"}" * DEEP, "/a" * 64, ["nested"]),
    Case("two-million-partners", raw_bytes('"partners": [', b'"partners": [' + b"0," * 2_000_000), "/partners",
         ["limit", "200"]),
    Case("201-partners", doc(lambda d: d.__setitem__(
        "partners", [dict(d["partners"][0], id=f"PP{i}", name=f"Partner {i}") for i in range(1, 202)])),
         "/partners", ["201", "200"]),
    Case("over-64-mib", b" " * (64 << 20) + BASE_TEXT.encode("utf-8"), "", ["limit"]),
]
CASE_BY_ID = {c.id: c for c in CASES}
assert len(CASE_BY_ID) == len(CASES)

METHODS = ["from_json", "load", "from_json_str"]

CHILD = r"""
import json, sys
import interreg

method, listing = sys.argv[1], sys.argv[2]
with open(listing, encoding="utf-8") as f:
    cases = json.load(f)

def emit(**fields):
    sys.stdout.write(json.dumps(fields) + "\n")
    sys.stdout.flush()

for case_id, path in cases:
    emit(event="start", case=case_id)
    try:
        if method == "load":
            interreg.Proposal.load(path)
        else:
            with open(path, "rb") as f:
                data = f.read()
            if method == "from_json_str":
                try:
                    data = data.decode("utf-8")
                except UnicodeDecodeError:
                    emit(event="done", case=case_id, skipped="not UTF-8")
                    continue
            interreg.Proposal.from_json(data)
        emit(event="done", case=case_id, type=None)
    except BaseException as e:
        emit(event="done", case=case_id, type=type(e).__name__,
             format_error=isinstance(e, interreg.FormatError), value_error=isinstance(e, ValueError),
             path=getattr(e, "path", None), message=str(e))
emit(event="end")
"""


def _run_child(method: str, listing, timeout: float = 600, child: str = CHILD):
    proc = subprocess.run([sys.executable, "-c", child, method, str(listing)], capture_output=True,
                          timeout=timeout, env=child_env())
    results, started = {}, []
    ended = False
    for line in proc.stdout.decode("utf-8", "replace").splitlines():
        event = json.loads(line)
        if event["event"] == "start":
            started.append(event["case"])
        elif event["event"] == "done":
            results[event["case"]] = event
        elif event["event"] == "end":
            ended = True
    return proc.returncode, ended, results, proc.stderr.decode("utf-8", "replace")


@pytest.fixture(scope="module")
def case_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("malformed")
    paths = {}
    for case in CASES:
        path = folder / f"{case.id}.json"
        path.write_bytes(case.data)
        paths[case.id] = str(path)
    return folder, paths


@pytest.fixture(scope="module")
def outcomes(case_files):
    """method → (returncode, reached the end, stderr, case id → result)."""
    folder, paths = case_files
    out = {}
    for method in METHODS:
        listing = folder / f"cases-{method}.list"
        listing.write_text(json.dumps([[c.id, paths[c.id]] for c in CASES]), encoding="utf-8")
        returncode, ended, results, stderr = _run_child(method, listing)
        # A case the child did not finish (it crashed or hung there): re-run each alone.
        for case in CASES:
            if case.id in results:
                continue
            single = folder / f"single-{method}-{case.id}.list"
            single.write_text(json.dumps([[case.id, paths[case.id]]]), encoding="utf-8")
            try:
                rc, _, alone, err = _run_child(method, single, timeout=120)
            except subprocess.TimeoutExpired:
                rc, alone, err = None, {}, "timed out"
            results[case.id] = alone.get(case.id) or {"crashed": True, "returncode": rc, "stderr": err[-2000:]}
        out[method] = (returncode, ended, stderr, results)
    return out


def test_harness_detects_a_crash_and_pins_it_on_its_case(case_files):
    """A child that dies with a signal mid-way: the parent sees the signal and which case was running."""
    folder, paths = case_files
    crashing = CHILD.replace('    emit(event="start", case=case_id)\n',
                             '    emit(event="start", case=case_id)\n'
                             '    if case_id == "nan":\n'
                             '        import os; os.abort()\n')
    assert crashing != CHILD
    listing = folder / "harness.list"
    listing.write_text(json.dumps([[c, paths[c]] for c in ["truncated", "nan", "empty-file"]]), encoding="utf-8")
    returncode, ended, results, _ = _run_child("from_json", listing, child=crashing)
    assert returncode < 0  # killed by SIGABRT
    assert not ended
    assert set(results) == {"truncated"}


def test_there_are_at_least_thirty_cases():
    assert len(CASES) >= 30


@pytest.mark.parametrize("method", METHODS)
def test_child_survived_every_case(outcomes, method):
    returncode, ended, stderr, results = outcomes[method]
    assert returncode == 0, f"the child died with {returncode}: {stderr[-2000:]}"
    assert ended, stderr[-2000:]
    crashed = [cid for cid, r in results.items() if r.get("crashed")]
    assert not crashed, crashed


def _params():
    for method in METHODS:
        for case in CASES:
            marks = [pytest.mark.xfail(reason=case.xfail, strict=True)] if case.xfail else []
            yield pytest.param(method, case.id, id=f"{method}-{case.id}", marks=marks)


@pytest.mark.parametrize("method, case_id", list(_params()))
def test_malformed_document(outcomes, method, case_id):
    case = CASE_BY_ID[case_id]
    result = outcomes[method][3][case_id]
    assert not result.get("crashed"), f"crashed (return code {result.get('returncode')}): {result.get('stderr')}"
    if result.get("skipped"):
        pytest.skip(f"{method}: {result['skipped']}")
    assert result["type"] is not None, "the document was accepted"
    assert result["format_error"], f"{result['type']}: {result.get('message')}"
    assert result["type"] == "FormatError"
    assert result["value_error"]
    text = result["message"].lower()
    if case.or_located and result["path"] == "":
        assert "line" in text and "column" in text, result["message"]
        return
    if case.not_json and not case.path:
        # Text that is not JSON: the error says where (line and column); the path names the
        # value being read when it broke off, wherever that was.
        assert result["path"] == "" or result["path"].startswith("/"), result["path"]
    else:
        assert result["path"] == case.path, result["message"]
    if case.not_json:
        assert ("line" in text and "column" in text) or "empty" in text, result["message"]
    for word in case.words:
        assert word.lower() in text, (word, result["message"])
    if case.path:
        assert result["message"].startswith(case.path + ": "), result["message"]


def test_many_objects_in_an_array_fail_fast(run_python):
    code = (
        "import interreg\n"
        "items = b','.join([b'{}'] * 200000)\n"
        "data = b'{\"format\": \"interreg-proposal\", \"version\": 1, \"programme\": \"oks-2021-2027\", '\\\n"
        "       b'\"kind\": \"main\", \"acronym\": \"X\", \"partners\": [' + items + b']}'\n"
        "try:\n"
        "    interreg.Proposal.from_json(data)\n"
        "except interreg.FormatError as e:\n"
        "    print(e.path)\n"
    )
    try:
        rc, out, err = run_python(code, timeout=5)
    except subprocess.TimeoutExpired:
        pytest.fail("reading 200,000 empty objects (600 kB) took more than 5 s")
    assert rc == 0, err
    assert out.strip() == "/partners"


def test_valid_base_document_is_accepted():
    """The cases break a document that is fine on its own."""
    p = interreg.Proposal.from_json(BASE_TEXT)
    assert p.validate().ok
    assert interreg.Proposal.from_json(BASE_TEXT.encode("utf-8")).to_dict() == BASE
