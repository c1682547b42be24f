"""The JSON Schema of the proposal document agrees with the strict C++ reader.

Every document in tests/data/valid must pass both the schema and ``_core.Proposal.loads``
(and so must the reader's canonical output); every document in tests/data/invalid-schema
must fail both, at the same place. docs/proposal-format.md describes the format.
"""
import copy
import json
import re
from pathlib import Path

import jsonschema
import pytest

import interreg
from interreg import _core

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCHEMA_PATH = ROOT / "python" / "interreg" / "data" / "proposal.schema.json"
DOCS_PATH = ROOT / "docs" / "proposal-format.md"
VALID = sorted((HERE / "data" / "valid").glob("*.json"))
INVALID = sorted((HERE / "data" / "invalid-schema").glob("*.json"))
DOCS_EXAMPLE = HERE / "data" / "valid" / "talent-rso41.json"

# Where the reader puts the blame for each invalid document (FormatError.path).
READER_PATHS = {
    "unknown-top-level-key.json": "/specific_objetive",
    "unknown-partner-key.json": "/partners/1/budget",
    "duration-wrong-type.json": "/duration_months",
    "duration-zero.json": "/duration_months",
    "version-2.json": "/version",
    "format-other.json": "/format",
    "missing-partners.json": "",
    "partner-without-country.json": "/partners/1",
    "country-xx.json": "/partners/1/country",
    "role-boss.json": "/partners/0/role",
    "legal-status-semi.json": "/partners/1/legal_status",
    "start-month-13.json": "/start",
}


def load_schema():
    with open(SCHEMA_PATH, encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture(scope="module")
def schema():
    return load_schema()


@pytest.fixture(scope="module")
def validator(schema):
    # With the format checker, "format": "date" is asserted too (not only annotated).
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def pointer(path):
    """A jsonschema error path as a JSON Pointer (RFC 6901)."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


def schema_errors(validator, document):
    return sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))


def reader_accepts(document):
    try:
        _core.Proposal.loads(json.dumps(document, ensure_ascii=False))
    except _core.FormatError:
        return False
    return True


def test_data_sets_are_present():
    assert len(VALID) >= 4
    assert {p.name for p in INVALID} == set(READER_PATHS)


def test_schema_is_a_valid_draft_2020_12_schema(schema):
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].startswith("https://") and ".invalid/" in schema["$id"]  # never fetched
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_property_has_a_description(schema):
    missing = []

    def walk(node, where):
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                if "description" not in sub:
                    missing.append(f"{where}/properties/{name}")
            for key, sub in node.items():
                walk(sub, f"{where}/{key}")
        elif isinstance(node, list):
            for i, sub in enumerate(node):
                walk(sub, f"{where}/{i}")

    walk(schema, "#")
    assert missing == []


def test_schema_closes_every_object(schema):
    open_objects = []

    def walk(node, where):
        if isinstance(node, dict):
            if "properties" in node and node.get("additionalProperties") is not False:
                open_objects.append(where)
            for key, sub in node.items():
                walk(sub, f"{where}/{key}")
        elif isinstance(node, list):
            for i, sub in enumerate(node):
                walk(sub, f"{where}/{i}")

    walk(schema, "#")
    assert open_objects == []


def test_country_enum_is_the_readers_list(schema):
    source = (ROOT / "cpp" / "src" / "countries.cpp").read_text(encoding="utf-8")
    codes = re.findall(r'\{"([A-Z]{2})", "', source)
    assert schema["$defs"]["partner"]["properties"]["country"]["enum"] == codes


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_document_passes_schema_and_reader(validator, path):
    text = path.read_text(encoding="utf-8")
    assert [e.message for e in schema_errors(validator, json.loads(text))] == []
    proposal = _core.Proposal.loads(text)
    canonical = proposal.dumps()
    assert [e.message for e in schema_errors(validator, json.loads(canonical))] == []
    # save → load → save is byte-identical
    assert _core.Proposal.loads(canonical).dumps() == canonical


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_document_fails_schema_and_reader(validator, path):
    text = path.read_text(encoding="utf-8")
    errors = schema_errors(validator, json.loads(text))
    assert errors, "the schema accepts a document the reader must refuse"
    with pytest.raises(_core.FormatError) as caught:
        _core.Proposal.loads(text)
    assert isinstance(caught.value, ValueError)
    expected = READER_PATHS[path.name]
    assert caught.value.path == expected, str(caught.value)
    # The schema complains about the same value or an object that contains it.
    schema_paths = [pointer(e.absolute_path) for e in errors]
    assert any(expected == p or expected.startswith(p + "/") for p in schema_paths), schema_paths


def test_docs_example_is_canonical_and_matches_the_docs():
    text = DOCS_EXAMPLE.read_text(encoding="utf-8")
    assert _core.Proposal.loads(text).dumps() == text
    docs = DOCS_PATH.read_text(encoding="utf-8")
    first_json_block = re.search(r"```json\n(.*?)```", docs, re.S).group(1)
    assert first_json_block == text


def test_interreg_schema_returns_the_packaged_file():
    if not hasattr(interreg, "schema"):
        pytest.skip("interreg.schema() is not available yet")
    assert interreg.schema() == load_schema()
    first, second = interreg.schema(), interreg.schema()
    first["title"] = "changed"
    assert second["title"] != "changed"  # a new dict each time


# --- Edge cases: the schema and the reader agree value by value ---------------------------

BASE = {
    "format": "interreg-proposal",
    "version": 1,
    "programme": "oks-2021-2027",
    "kind": "main",
    "acronym": "EDGE",
    "partners": [{"id": "PP1", "name": "Aalborg Kommune", "country": "DK", "role": "lead"}],
}


def with_value(where, value):
    """BASE with the value at a pointer replaced (or removed when value is REMOVE)."""
    doc = copy.deepcopy(BASE)
    *parents, last = [int(p) if p.isdigit() else p for p in where.split("/")[1:]]
    node = doc
    for p in parents:
        node = node[p]
    if value is REMOVE:
        del node[last]
    else:
        node[last] = value
    return doc


REMOVE = object()

EDGES = [
    # (pointer, value, accepted)
    ("/start", "2028-02-29", True),
    ("/start", "2000-02-29", True),
    ("/start", "1900-01-01", True),
    ("/start", "2999-12-31", True),
    ("/start", "2026-04-30", True),
    ("/start", None, True),
    ("/start", "2027-02-29", False),
    ("/start", "1900-02-29", False),
    ("/start", "2100-02-29", False),
    ("/start", "1899-12-31", False),
    ("/start", "3000-01-01", False),
    ("/start", "2026-04-31", False),
    ("/start", "2026-00-10", False),
    ("/start", "2026-01-00", False),
    ("/start", "2026-1-01", False),
    ("/start", "2026-01-01\n", False),
    ("/start", " 2026-01-01", False),
    ("/start", "20260101", False),
    ("/start", 20260101, False),
    ("/duration_months", 1, True),
    ("/duration_months", 120, True),
    ("/duration_months", None, True),
    ("/duration_months", 121, False),
    ("/duration_months", -1, False),
    ("/duration_months", True, False),
    ("/version", 0, False),
    ("/version", "1", False),
    ("/version", None, False),
    ("/format", None, False),
    ("/programme", None, False),
    ("/programme", "", False),
    ("/programme", " \t\r\n", False),
    ("/programme", "p" * 100, True),
    ("/programme", "p" * 101, False),
    ("/kind", "", False),
    ("/kind", "k" * 51, False),
    ("/acronym", "", True),
    ("/acronym", None, False),
    ("/acronym", "å" * 500, True),  # lengths count characters, not bytes
    ("/acronym", "å" * 501, False),
    ("/call", "", True),
    ("/call", None, True),
    ("/call", "c" * 51, False),
    ("/call", 2025, False),
    ("/specific_objective", "", True),
    ("/specific_objective", None, True),
    ("/specific_objective", "RSO9.9", True),  # judged by validation, not by the format
    ("/geography", "", True),
    ("/geography", "atlantis", True),
    ("/geography", "g" * 51, False),
    ("/title", "", True),
    ("/title", None, True),
    ("/title", {}, True),
    ("/title", {"en": "x", "sv": "x", "da": "x", "no": "x"}, True),
    ("/title", {"fi": "x"}, False),
    ("/title", {"en": None}, False),
    ("/title", ["x"], False),
    ("/summary", "x" * 100000, True),
    ("/summary", "x" * 100001, False),
    ("/summary", {"sv": "x" * 100001}, False),
    ("/partners", None, False),
    ("/partners", {}, False),
    ("/partners/0/id", "x" * 50, True),
    ("/partners/0/id", "x" * 51, False),
    ("/partners/0/id", "", False),
    ("/partners/0/id", REMOVE, False),
    ("/partners/0/name", "\u00a0", True),  # the reader treats only space, tab, CR and LF as blank
    ("/partners/0/name", " ", False),
    ("/partners/0/name", "n" * 500, True),
    ("/partners/0/name", "n" * 501, False),
    ("/partners/0/name", None, False),
    ("/partners/0/country", "se", False),
    ("/partners/0/country", "SE ", False),
    ("/partners/0/country", "XK", True),
    ("/partners/0/country", None, False),
    ("/partners/0/region", None, True),
    ("/partners/0/region", "Free text, any country", True),
    ("/partners/0/region", "r" * 501, False),
    ("/partners/0/org_type", "o" * 500, True),
    ("/partners/0/org_type", 3, False),
    ("/partners/0/legal_status", None, True),
    ("/partners/0/legal_status", "private", True),
    ("/partners/0/legal_status", "Public", False),
    ("/partners/0/role", "associated", True),
    ("/partners/0/role", None, False),
    ("/partners/0/norwegian_project_owner", None, True),
    ("/partners/0/norwegian_project_owner", True, True),
    ("/partners/0/norwegian_project_owner", "yes", False),
    ("/partners/0/norwegian_project_owner", 0, False),
]


@pytest.mark.parametrize("where,value,accepted", EDGES,
                         ids=[f"{w}={json.dumps(v)[:20] if v is not REMOVE else 'removed'}" for w, v, _ in EDGES])
def test_schema_and_reader_agree(validator, where, value, accepted):
    doc = with_value(where, value)
    assert reader_accepts(doc) is accepted
    assert (not schema_errors(validator, doc)) is accepted


@pytest.mark.parametrize("count,accepted", [(200, True), (201, False)])
def test_partner_limit(validator, count, accepted):
    doc = copy.deepcopy(BASE)
    doc["partners"] = [{"id": f"PP{i}", "name": f"Org {i}", "country": "SE", "role": "partner"}
                       for i in range(1, count + 1)]
    assert reader_accepts(doc) is accepted
    assert (not schema_errors(validator, doc)) is accepted


@pytest.mark.parametrize("document", [[], "proposal", None, 1])
def test_a_document_must_be_an_object(validator, document):
    assert not reader_accepts(document)
    assert schema_errors(validator, document)


# What a JSON Schema cannot express: documented in the schema's description and in
# docs/proposal-format.md. If one of these starts to fail, update both.
KNOWN_GAPS = [
    ("duplicate partner ids", "/partners", [
        {"id": "PP1", "name": "A", "country": "SE", "role": "lead"},
        {"id": "PP1", "name": "B", "country": "DK", "role": "partner"},
    ]),
    ("an integer written with a fraction", "/duration_months", 36.0),
    ("the version written with a fraction", "/version", 1.0),
]


@pytest.mark.parametrize("what,where,value", KNOWN_GAPS, ids=[g[0] for g in KNOWN_GAPS])
def test_known_gaps_the_reader_is_stricter(validator, what, where, value):
    doc = with_value(where, value)
    assert not schema_errors(validator, doc)
    assert not reader_accepts(doc)
