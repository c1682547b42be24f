"""The JSON Schema of the proposal document agrees with the strict C++ reader.

Every document in tests/data/valid is exactly what the writer produces (load → dumps gives it
back byte for byte) and passes both the schema and ``_core.Proposal.loads``; every document in
tests/data/short-forms is a hand-written short form (left-out keys, plain-string texts,
fractions for rates, amounts without trailing zeros) that passes both and reads as its
namesake in valid/; every document in tests/data/invalid-schema must fail both, at the same
place. docs/proposal-format.md describes the format.
"""
import copy
import json
import re
from decimal import Decimal
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
SHORT_FORMS = sorted((HERE / "data" / "short-forms").glob("*.json"))
INVALID = sorted((HERE / "data" / "invalid-schema").glob("*.json"))
DOCS_EXAMPLE = HERE / "data" / "valid" / "talent-rso41.json"

# Where the reader puts the blame for each invalid document (FormatError.path).
READER_PATHS = {
    "unknown-top-level-key.json": "/specific_objetive",
    "unknown-partner-key.json": "/partners/1/work_packages",
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
    # budgets, co-financing and exchange rates
    "budget-category-totals.json": "/partners/0/budget/staff",
    "line-amount-as-number.json": "/partners/0/budget/lines/0/unit_price",
    "line-three-decimals.json": "/partners/0/budget/lines/0/units",
    "line-thousands-separator.json": "/partners/0/budget/lines/0/unit_price",
    "line-category-unknown.json": "/partners/0/budget/lines/0/category",
    "line-currency-usd.json": "/partners/1/budget/lines/0/currency",
    "line-without-units.json": "/partners/0/budget/lines/0",
    "line-periods-41.json": "/partners/1/budget/lines/0/periods",
    "flat-rate-over-100.json": "/partners/0/budget/flat_rates/office_on_staff",
    "cofinancing-rate-negative.json": "/partners/1/cofinancing/rate",
    "source-negative-amount.json": "/partners/1/cofinancing/sources/0/amount",
    "source-status-unknown.json": "/partners/1/cofinancing/sources/0/status",
    "exchange-rate-usd.json": "/exchange_rates/USD",
    "exchange-rate-zero.json": "/exchange_rates/NOK/rate",
    # State aid
    "state-aid-scheme-unknown.json": "/partners/1/state_aid/scheme",
    "state-aid-previous-negative.json": "/partners/1/state_aid/previous_de_minimis",
    # the work plan
    "work-plan-activity-unknown-key.json": "/work_plan/work_packages/0/activities/0/owner",
    "work-plan-activity-without-id.json": "/work_plan/work_packages/1/activities/0",
    "work-plan-cooperation-unknown-key.json": "/work_plan/cooperation/joint_marketing",
    "work-plan-effect-good.json": "/work_plan/horizontal_principles/gender_equality/effect",
    "work-plan-number-zero.json": "/work_plan/work_packages/0/number",
    "work-plan-period-41.json": "/work_plan/work_packages/0/activities/1/end_period",
    "work-plan-target-as-number.json": "/work_plan/results/0/target",
    "work-plan-target-three-decimals.json": "/work_plan/outputs/0/target",
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


def core_proposal(text):
    """The core's reading of a proposal document given as text (any programme id)."""
    return _core.Proposal(interreg.load_programme()._core, _core.Document.parse(text))


def reader_accepts(document):
    try:
        core_proposal(json.dumps(document, ensure_ascii=False))
    except _core.FormatError:
        return False
    return True


def test_data_sets_are_present():
    assert len(VALID) >= 5
    assert len(SHORT_FORMS) >= 4
    assert {p.name for p in SHORT_FORMS} <= {p.name for p in VALID}
    assert {p.name for p in INVALID} == set(READER_PATHS)
    assert sum(1 for p in VALID if any(x["budget"]["lines"] for x in json.loads(p.read_text("utf-8"))["partners"])) >= 2
    assert sum(1 for p in VALID if "work_plan" in json.loads(p.read_text("utf-8"))) >= 2
    assert sum(1 for p in INVALID if p.name.startswith("work-plan-")) >= 6


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


@pytest.mark.parametrize("path", VALID + SHORT_FORMS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_valid_document_passes_schema_and_reader(validator, path):
    text = path.read_text(encoding="utf-8")
    assert [e.message for e in schema_errors(validator, json.loads(text))] == []
    proposal = core_proposal(text)
    canonical = proposal.dumps()
    assert [e.message for e in schema_errors(validator, json.loads(canonical))] == []
    # save → load → save is byte-identical
    assert core_proposal(canonical).dumps() == canonical


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_documents_are_the_writers_output(path):
    text = path.read_text(encoding="utf-8")
    assert core_proposal(text).dumps() == text


@pytest.mark.parametrize("path", SHORT_FORMS, ids=lambda p: p.name)
def test_short_form_reads_as_its_canonical_document(path):
    text = path.read_text(encoding="utf-8")
    canonical = (HERE / "data" / "valid" / path.name).read_text(encoding="utf-8")
    assert text != canonical
    assert core_proposal(text).dumps() == canonical


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_document_fails_schema_and_reader(validator, path):
    text = path.read_text(encoding="utf-8")
    errors = schema_errors(validator, json.loads(text))
    assert errors, "the schema accepts a document the reader must refuse"
    with pytest.raises(_core.FormatError) as caught:
        core_proposal(text)
    assert isinstance(caught.value, ValueError)
    expected = READER_PATHS[path.name]
    assert caught.value.path == expected, str(caught.value)
    # The schema complains about the same value or an object that contains it.
    schema_paths = [pointer(e.absolute_path) for e in errors]
    assert any(expected == p or expected.startswith(p + "/") for p in schema_paths), schema_paths


def test_docs_example_is_canonical_and_matches_the_docs():
    text = DOCS_EXAMPLE.read_text(encoding="utf-8")
    assert core_proposal(text).dumps() == text
    docs = DOCS_PATH.read_text(encoding="utf-8")
    first_json_block = re.search(r"```json\n(.*?)```", docs, re.S).group(1)
    assert first_json_block == text


def test_docs_example_validates_with_no_findings():
    proposal = interreg.Proposal.load(DOCS_EXAMPLE)
    assert proposal.validate().findings == []
    doc = json.loads(DOCS_EXAMPLE.read_text(encoding="utf-8"))
    assert doc["exchange_rates"]  # it shows every part of the format
    assert all(p["budget"]["lines"] for p in doc["partners"])
    assert any(p["budget"]["flat_rates"]["office_on_staff"] for p in doc["partners"])
    assert any(p["cofinancing"]["sources"] for p in doc["partners"])
    assert any(line["currency"] != "EUR" for p in doc["partners"] for line in p["budget"]["lines"])


def test_docs_tables_name_every_key(schema):
    """Every key the schema knows appears in docs/proposal-format.md as `key`."""
    docs = DOCS_PATH.read_text(encoding="utf-8")
    keys = set()

    def walk(node):
        if isinstance(node, dict):
            keys.update(node.get("properties", {}))
            for sub in node.values():
                walk(sub)
        elif isinstance(node, list):
            for sub in node:
                walk(sub)

    walk(schema)
    assert {"budget", "cofinancing", "exchange_rates", "flat_rates", "lines", "unit_price", "periods", "sources",
            "office_on_direct", "own", "rate", "work_plan", "work_packages", "activities", "predecessors",
            "horizontal_principles", "joint_financing", "gender_equality", "baseline", "effect"} <= keys
    assert sorted(k for k in keys if f"`{k}`" not in docs and f'`"{k}"`' not in docs) == []


def test_interreg_schema_returns_the_packaged_file():
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


def with_value(where, value, base=None):
    """BASE (or `base`) with the value at a pointer replaced (or removed when value is REMOVE)."""
    doc = copy.deepcopy(BASE if base is None else base)
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
    ("/partners/0/organisation_number", None, True),
    ("/partners/0/organisation_number", "556036-0793", True),
    ("/partners/0/organisation_number", "556036-0794", True),  # a wrong check digit is a finding, not a format error
    ("/partners/0/organisation_number", "5" * 50, True),
    ("/partners/0/organisation_number", "5" * 51, False),
    ("/partners/0/organisation_number", "", False),
    ("/partners/0/organisation_number", " ", False),
    ("/partners/0/organisation_number", 5560360793, False),
    ("/partners/0/address", None, True),
    ("/partners/0/address", "a" * 500, True),
    ("/partners/0/address", "a" * 501, False),
    ("/partners/0/contact_person", "", True),
    ("/partners/0/contact_person", ["Anna"], False),
    ("/partners/0/economic_activity", True, True),
    ("/partners/0/economic_activity", None, True),
    ("/partners/0/economic_activity", "no", False),
    ("/partners/0/state_aid", None, True),
    ("/partners/0/state_aid", {"scheme": "none"}, True),
    ("/partners/0/state_aid", {"scheme": "gber-other", "previous_de_minimis": None}, True),
    ("/partners/0/state_aid", {"scheme": "de-minimis", "previous_de_minimis": "100000.00"}, True),
    ("/partners/0/state_aid", {"scheme": "de-minimis", "previous_de_minimis": "0"}, True),
    ("/partners/0/state_aid", {"scheme": "de-minimis", "previous_de_minimis": "-0.01"}, False),
    ("/partners/0/state_aid", {"scheme": "de-minimis", "previous_de_minimis": "1.005"}, False),
    ("/partners/0/state_aid", {"scheme": "de-minimis", "previous_de_minimis": 100}, False),
    ("/partners/0/state_aid", {"scheme": "GBER-20a"}, False),
    ("/partners/0/state_aid", {"scheme": "none", "previous": "1.00"}, False),
    ("/partners/0/state_aid", {}, False),
    ("/partners/0/state_aid", "de-minimis", False),
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
    ("previous de minimis aid beyond the format's limit", "/partners/0/state_aid",
     {"scheme": "de-minimis", "previous_de_minimis": "10000000000.01"}),
]


@pytest.mark.parametrize("what,where,value", KNOWN_GAPS, ids=[g[0] for g in KNOWN_GAPS])
def test_known_gaps_the_reader_is_stricter(validator, what, where, value):
    doc = with_value(where, value)
    assert not schema_errors(validator, doc)
    assert not reader_accepts(doc)


# --- Budgets, co-financing and exchange rates: the decimal strings value by value -----------------

BUDGET_BASE = {
    **BASE,
    "exchange_rates": {"NOK": {"rate": "11.4915", "date": "2025-01-31", "source": "Norges Bank"}},
    "partners": [{
        "id": "PP1", "name": "Aalborg Kommune", "country": "DK", "role": "lead",
        "budget": {
            "flat_rates": {"office_on_staff": "15%", "travel": None},
            "lines": [{"category": "staff", "description": "Consultants", "unit_type": "hours", "units": "2400",
                       "unit_price": "61.35", "currency": "EUR", "periods": None}],
        },
        "cofinancing": {"fund": "erdf", "rate": "60%",
                        "sources": [{"name": "Aalborg Kommune", "own": True, "status": "public",
                                     "amount": "58903.20"}]},
    }],
}
LINE = "/partners/0/budget/lines/0"
FLAT = "/partners/0/budget/flat_rates/office_on_staff"
COFIN = "/partners/0/cofinancing"
SOURCE = COFIN + "/sources/0"
XRATE = "/exchange_rates/NOK"

BUDGET_EDGES = [
    # units and unit price: optional sign, digits, at most one ".", at most two decimals
    *[(LINE + "/units", v, True) for v in ["1", "0", "-1", "+1", "1.", ".5", "0.25", "1720.50", "0" * 39 + "1"]],
    *[(LINE + "/units", v, False) for v in ["1.234", ".", "", "-", "+", "1e3", " 1", "1 ", "1,5", "1.2.3", "--1",
                                            "+-1", "١", "0x10", "½", "1" + "0" * 40, 1, 1.5, None, REMOVE]],
    *[(LINE + "/unit_price", v, True) for v in ["61.35", "-0.01", "0", "4166666.66"]],
    *[(LINE + "/unit_price", v, False) for v in ["61.355", "NaN", "Infinity", "61,35", "€61.35", "61.35 EUR", 61.35]],
    # categories, currencies and texts
    *[(LINE + "/category", c, True) for c in ["staff", "office_admin", "travel", "external", "equipment",
                                              "infrastructure", "lump_sum"]],
    *[(LINE + "/category", c, False) for c in ["Staff", "other_costs", "", None, REMOVE]],
    *[(LINE + "/currency", c, True) for c in ["EUR", "DKK", "SEK", "NOK", None, REMOVE]],
    *[(LINE + "/currency", c, False) for c in ["nok", "USD", "", 978]],
    (LINE + "/description", "", True),  # blank is a validation finding (budget.line)
    (LINE + "/description", " ", True),
    (LINE + "/description", "d" * 500, True),
    (LINE + "/description", "d" * 501, False),
    (LINE + "/description", None, False),
    (LINE + "/description", REMOVE, False),
    (LINE + "/unit_type", None, True),
    (LINE + "/unit_type", "", True),
    (LINE + "/unit_type", "u" * 501, False),
    (LINE + "/unit_type", 3, False),
    (LINE + "/vat", "25%", False),
    # period amounts
    (LINE + "/periods", [], True),
    (LINE + "/periods", ["24540.00"] * 6, True),
    (LINE + "/periods", ["1"] * 40, True),  # a count other than the project's periods is a finding
    (LINE + "/periods", ["1"] * 41, False),
    (LINE + "/periods", ["1", 1], False),
    (LINE + "/periods", ["1", None], False),
    (LINE + "/periods", ["1", "0.001"], False),
    (LINE + "/periods", "147240.00", False),
    # programme unit costs and lump sums: ids, judged by validation
    *[(LINE + "/" + key, v, True) for key in ["unit_cost", "lump_sum"] for v in [None, "staff-hour-dk", "u" * 50]],
    *[(LINE + "/" + key, v, False) for key in ["unit_cost", "lump_sum"] for v in ["", " \t", "u" * 51, 5]],
    # flat rates: 0 % to 100 %, a percentage (≤ 4 decimals) or a fraction (≤ 6 decimals)
    *[(FLAT, v, True) for v in ["15%", "0%", "100%", "100.0000%", "12.5%", "12.3456%", "+15%", "015%", "0100%",
                                ".5%", "5.%", "-0%", "-0.00%", "0.15", "0", "1", "1.000000", "0.123456", ".15",
                                "-0", "-.0", None]],
    *[(FLAT, v, False) for v in ["100.0001%", "100.00001%", "101%", "-1%", "-0.5%", "12.34567%", "15 %", "%", "15%%",
                                 "15", "1.000001", "1.5", "0.1234567", "-0.0000000", "-0.1", "0.15%%", "", "fifteen",
                                 0.15, 15]],
    ("/partners/0/budget/flat_rates/other_costs", "40%", True),
    ("/partners/0/budget/flat_rates/lump_sum", "10%", False),
    ("/partners/0/budget/flat_rates", None, True),
    ("/partners/0/budget/flat_rates", {}, True),
    ("/partners/0/budget/flat_rates", "15%", False),
    ("/partners/0/budget/lines", None, True),
    ("/partners/0/budget/lines", [], True),
    ("/partners/0/budget/lines", {}, False),
    ("/partners/0/budget", None, True),
    ("/partners/0/budget", {}, True),
    ("/partners/0/budget", [], False),
    ("/partners/0/budget", "147240.00", False),
    # co-financing
    (COFIN, None, True),
    (COFIN, {}, True),
    (COFIN + "/fund", None, True),
    (COFIN + "/fund", "esf", True),  # an unknown fund is a validation finding
    (COFIN + "/fund", "", False),
    (COFIN + "/fund", "f" * 51, False),
    (COFIN + "/rate", None, True),
    (COFIN + "/rate", "0.6", True),
    (COFIN + "/rate", "60", False),
    (COFIN + "/rate", "-60%", False),
    (COFIN + "/rate", 0.6, False),
    (COFIN + "/sources", None, True),
    (COFIN + "/sources", [], True),
    (COFIN + "/sources", {}, False),
    (COFIN + "/iban", "DK50", False),
    *[(SOURCE + "/amount", v, True) for v in ["0", "-0", "-0.00", "-.0", "+5", "58903.2", "0.01"]],
    *[(SOURCE + "/amount", v, False) for v in ["-0.01", "-1", "-0.001", "58903.201", 58903.2, None, REMOVE]],
    (SOURCE + "/name", "", False),
    (SOURCE + "/name", " \r\n", False),
    (SOURCE + "/name", "n" * 500, True),
    (SOURCE + "/name", "n" * 501, False),
    (SOURCE + "/name", REMOVE, False),
    (SOURCE + "/own", None, True),
    (SOURCE + "/own", False, True),
    (SOURCE + "/own", REMOVE, True),
    (SOURCE + "/own", "yes", False),
    (SOURCE + "/status", "private", True),
    (SOURCE + "/status", "Public", False),
    (SOURCE + "/status", None, False),
    (SOURCE + "/status", REMOVE, False),
    # exchange rates: DKK, SEK, NOK only; 1 EUR = rate, above zero, at most six decimals
    ("/exchange_rates", None, True),
    ("/exchange_rates", {}, True),
    ("/exchange_rates", [], False),
    ("/exchange_rates/DKK", {"rate": "7.4588"}, True),
    ("/exchange_rates/SEK", {"rate": "11.4899", "date": None, "source": None}, True),
    ("/exchange_rates/EUR", {"rate": "1"}, False),
    ("/exchange_rates/nok", {"rate": "11.4915"}, False),
    ("/exchange_rates/USD", {"rate": "1.0389"}, False),
    # from 0.0001 to 100000: beyond is taken for a typo
    *[(XRATE + "/rate", v, True) for v in ["11.4915", "0.0001", ".0001", "0.000100", "0.001", "0.01", ".5", "+1",
                                           "1.", "7.458800", "000011.4915", "99999.999999", "100000",
                                           "100000.000000", "0100000"]],
    *[(XRATE + "/rate", v, False) for v in ["0", "0.0", "-0", "-1", "0.00009", "0.000099", "0.000001", "0.0000001",
                                            "100000.000001", "100001", "1000000", "11.49151234", ".", "", "11,4915",
                                            "1e1", 11.4915, None, REMOVE]],
    (XRATE + "/date", None, True),
    (XRATE + "/date", REMOVE, True),
    (XRATE + "/date", "2024-02-29", True),
    (XRATE + "/date", "2025-02-29", False),
    (XRATE + "/date", "1899-12-31", False),
    (XRATE + "/date", "31.01.2025", False),
    (XRATE + "/source", None, True),
    (XRATE + "/source", "", True),
    (XRATE + "/source", "s" * 500, True),
    (XRATE + "/source", "s" * 501, False),
    (XRATE + "/source", 5, False),
    (XRATE + "/fixed_by", "programme", False),
]


def _edge_id(where, value):
    shown = "removed" if value is REMOVE else json.dumps(value, ensure_ascii=False)
    return f"{where.replace('/partners/0/', '')}={shown[:24]}"


def test_budget_base_is_valid(validator):
    assert reader_accepts(BUDGET_BASE)
    assert not schema_errors(validator, BUDGET_BASE)
    assert interreg.Proposal.from_dict(BUDGET_BASE).budget_summary().total == Decimal("169326.00")


@pytest.mark.parametrize("where,value,accepted", BUDGET_EDGES, ids=[_edge_id(w, v) for w, v, _ in BUDGET_EDGES])
def test_schema_and_reader_agree_on_budgets(validator, where, value, accepted):
    doc = with_value(where, value, BUDGET_BASE)
    assert reader_accepts(doc) is accepted
    assert (not schema_errors(validator, doc)) is accepted


@pytest.mark.parametrize("count,accepted", [(2000, True), (2001, False)])
def test_budget_line_limit(validator, count, accepted):
    doc = copy.deepcopy(BUDGET_BASE)
    doc["partners"][0]["budget"]["lines"] = [{"category": "travel", "description": f"Trip {i}", "units": "1",
                                              "unit_price": "100"} for i in range(count)]
    assert reader_accepts(doc) is accepted
    assert (not schema_errors(validator, doc)) is accepted


# The reader refuses these amounts by value (docs/limits.md); a pattern cannot compare values.
BUDGET_GAPS = [
    ("a unit price beyond 10,000,000,000.00", LINE + "/unit_price", "10000000000.01"),
    ("units beyond 10,000,000,000", LINE + "/units", "10000000000.01"),
    ("a line total beyond 10,000,000,000.00", LINE + "/units", "200000000"),  # × 61.35
    ("a period amount beyond 10,000,000,000.00", LINE + "/periods", ["-10000000000.01"]),
    ("a source amount beyond 10,000,000,000.00", SOURCE + "/amount", "10000000000.01"),
    ("an amount beyond 64-bit cents", LINE + "/unit_price", "99999999999999999999"),
]


@pytest.mark.parametrize("what,where,value", BUDGET_GAPS, ids=[g[0] for g in BUDGET_GAPS])
def test_known_gaps_amount_limits(validator, what, where, value):
    doc = with_value(where, value, BUDGET_BASE)
    assert not schema_errors(validator, doc)
    assert not reader_accepts(doc)


# --- The work plan: keys, periods, targets and limits value by value -------------------------------

WORK_PLAN_BASE = {
    **BASE,
    "partners": [{"id": "PP1", "name": "Aalborg Kommune", "country": "DK", "role": "lead"},
                 {"id": "PP2", "name": "Region Halland", "country": "SE", "role": "partner"}],
    "work_plan": {
        "overall_objective": "Skills across the border.",
        "objectives": [{"id": "O1", "text": "Map skills."}],
        "work_packages": [
            {"number": 1, "title": "Mapping", "lead": "PP1", "objective": "O1",
             "activities": [
                 {"id": "A1.1", "title": "Survey", "start_period": 1, "end_period": 2, "partners": ["PP1", "PP2"],
                  "deliverables": [{"title": "Report", "period": 2}], "predecessors": []},
                 {"id": "A1.2", "title": "Map", "start_period": 3, "end_period": 4, "partners": ["PP2"],
                  "deliverables": [], "predecessors": ["A1.1"]}]},
            {"number": 2, "title": "Matching", "lead": None, "objective": None, "activities": []}],
        "outputs": [{"indicator": "RCO84", "target": "2", "period": 6, "work_package": 1}],
        "results": [{"indicator": "RCR104", "baseline": "0", "target": "1.5", "period": 6}],
        "cooperation": {"joint_development": "Together.", "joint_implementation": "Together.",
                        "joint_staffing": None, "joint_financing": "Shared."},
        "horizontal_principles": {"sustainable_development": {"effect": "neutral", "text": ""},
                                  "equal_opportunities": {"effect": "positive", "text": "Why."},
                                  "gender_equality": None},
    },
}
WP = "/work_plan"
WP0 = WP + "/work_packages/0"
ACT = WP0 + "/activities/0"
OUT = WP + "/outputs/0"
RES = WP + "/results/0"
PRINCIPLE = WP + "/horizontal_principles/equal_opportunities"

GOOD_TARGETS = ["0", "2", "1.5", "12.25", "-1", "+1", "1.", ".5", "0" * 39 + "1", "92233720368547758.07"]
BAD_TARGETS = ["1.234", "-", "+", ".", "", "abc", "1e3", " 1", "1 ", "1,5", "1.2.3", "--1", "½", "1" + "0" * 40,
               2, 2.5, True]

WORK_PLAN_EDGES = [
    # the work plan itself: an object or null
    (WP, None, True),
    (WP, {}, True),
    (WP, REMOVE, True),
    (WP, [], False),
    (WP, "none", False),
    (WP + "/indicators", [], False),
    # overall objective and texts
    (WP + "/overall_objective", None, True),
    (WP + "/overall_objective", "", True),
    (WP + "/overall_objective", REMOVE, True),
    (WP + "/overall_objective", "x" * 100000, True),
    (WP + "/overall_objective", "x" * 100001, False),
    (WP + "/overall_objective", 1, False),
    # the arrays: null, [] or an array (never an object)
    *[(WP + "/" + key, v, True) for key in ["objectives", "work_packages", "outputs", "results"] for v in [None, []]],
    *[(WP + "/" + key, v, False) for key in ["objectives", "work_packages", "outputs", "results"] for v in [{}, "x"]],
    # objectives
    (WP + "/objectives/0/id", "", False),
    (WP + "/objectives/0/id", " ", False),
    (WP + "/objectives/0/id", "o" * 50, True),
    (WP + "/objectives/0/id", "o" * 51, False),
    (WP + "/objectives/0/id", REMOVE, False),
    (WP + "/objectives/0/text", "", True),
    (WP + "/objectives/0/text", "t" * 100001, False),
    (WP + "/objectives/0/text", None, False),
    (WP + "/objectives/0/text", REMOVE, False),
    (WP + "/objectives/0/title", "x", False),
    # work packages
    *[(WP0 + "/number", v, True) for v in [1, 3, 50]],
    *[(WP0 + "/number", v, False) for v in [0, 51, -1, "1", None, REMOVE, True]],
    (WP0 + "/title", "", True),
    (WP0 + "/title", "t" * 500, True),
    (WP0 + "/title", "t" * 501, False),
    (WP0 + "/title", None, False),
    (WP0 + "/title", REMOVE, False),
    *[(WP0 + "/" + key, v, True) for key in ["lead", "objective"] for v in [None, REMOVE, "PP9", "x" * 50]],
    *[(WP0 + "/" + key, v, False) for key in ["lead", "objective"] for v in ["", " \t", "x" * 51, 1, ["PP1"]]],
    (WP0 + "/activities", None, True),
    (WP0 + "/activities", [], True),
    (WP0 + "/activities", REMOVE, True),
    (WP0 + "/activities", {}, False),
    (WP0 + "/budget", "1", False),
    # activities
    (ACT + "/id", "x" * 50, True),
    *[(ACT + "/id", v, False) for v in ["", " ", "x" * 51, 1, None, REMOVE]],
    (ACT + "/title", "", True),
    (ACT + "/title", "t" * 501, False),
    (ACT + "/title", REMOVE, False),
    *[(ACT + "/" + key, v, True) for key in ["start_period", "end_period"] for v in [1, 2, 40]],
    *[(ACT + "/" + key, v, False) for key in ["start_period", "end_period"]
      for v in [0, 41, -1, "1", 1.5, None, True, REMOVE]],
    (ACT + "/start_period", 6, True),  # after its end: a validation finding (workplan.periods)
    *[(ACT + "/" + key, v, True) for key in ["partners", "predecessors", "deliverables"] for v in [None, [], REMOVE]],
    *[(ACT + "/" + key, v, False) for key in ["partners", "predecessors", "deliverables"] for v in [{}, "PP1"]],
    (ACT + "/partners", ["PP9", "x" * 50], True),  # unknown ids: validation (workplan.references)
    *[(ACT + "/" + key, v, False) for key in ["partners", "predecessors"] for v in [[""], [" "], ["x" * 51], [1], [None]]],
    (ACT + "/predecessors", ["A1.1"], True),  # itself: a validation finding (workplan.predecessor-cycle)
    (ACT + "/deliverables/0/title", "", True),
    (ACT + "/deliverables/0/title", "t" * 501, False),
    (ACT + "/deliverables/0/title", REMOVE, False),
    (ACT + "/deliverables/0/period", 40, True),
    *[(ACT + "/deliverables/0/period", v, False) for v in [0, 41, "2", None, REMOVE]],
    (ACT + "/deliverables/0/due", 2, False),
    (ACT + "/owner", "PP1", False),
    # outputs
    *[(OUT + "/target", v, True) for v in GOOD_TARGETS],
    *[(OUT + "/target", v, False) for v in BAD_TARGETS + [None, REMOVE]],
    (OUT + "/indicator", "rco 084", True),  # a code the programme does not know: validation
    *[(OUT + "/indicator", v, False) for v in ["", " ", "x" * 51, 84, None, REMOVE]],
    (OUT + "/period", 40, True),
    *[(OUT + "/period", v, False) for v in [0, 41, "6", None, REMOVE]],
    *[(OUT + "/work_package", v, True) for v in [None, REMOVE, 1, 50]],
    *[(OUT + "/work_package", v, False) for v in [0, 51, "1", 1.5]],
    (OUT + "/baseline", "0", False),
    # results
    *[(RES + "/target", v, True) for v in GOOD_TARGETS],
    *[(RES + "/target", v, False) for v in BAD_TARGETS + [None, REMOVE]],
    *[(RES + "/baseline", v, True) for v in GOOD_TARGETS + [None, REMOVE]],
    *[(RES + "/baseline", v, False) for v in BAD_TARGETS],
    *[(RES + "/indicator", v, False) for v in ["", "x" * 51, None, REMOVE]],
    *[(RES + "/period", v, False) for v in [0, 41, None, REMOVE]],
    (RES + "/work_package", 1, False),
    # cooperation: the four criteria, each a text or null
    (WP + "/cooperation", None, True),
    (WP + "/cooperation", {}, True),
    (WP + "/cooperation", [], False),
    (WP + "/cooperation", "Together.", False),
    *[(WP + "/cooperation/" + key, v, True)
      for key in ["joint_development", "joint_implementation", "joint_staffing", "joint_financing"]
      for v in [None, "", "c" * 100000, REMOVE]],
    *[(WP + "/cooperation/" + key, v, False) for key in ["joint_staffing"] for v in ["c" * 100001, 1, True, ["x"]]],
    (WP + "/cooperation/joint_marketing", "x", False),
    (WP + "/cooperation/Joint_staffing", "x", False),
    # horizontal principles: the three principles, each {effect, text} or null
    (WP + "/horizontal_principles", None, True),
    (WP + "/horizontal_principles", {}, True),
    (WP + "/horizontal_principles", [], False),
    (WP + "/horizontal_principles/climate", {"effect": "neutral"}, False),
    *[(WP + "/horizontal_principles/" + key, v, True)
      for key in ["sustainable_development", "equal_opportunities", "gender_equality"]
      for v in [None, REMOVE, {"effect": "negative", "text": "Why."}, {"effect": "neutral"}]],
    (PRINCIPLE, {}, False),
    (PRINCIPLE, "positive", False),
    (PRINCIPLE, {"effect": "positive", "score": 3}, False),
    *[(PRINCIPLE + "/effect", v, True) for v in ["positive", "neutral", "negative"]],
    *[(PRINCIPLE + "/effect", v, False) for v in ["good", "Positive", "", None, 1, REMOVE]],
    *[(PRINCIPLE + "/text", v, True) for v in [None, "", "t" * 100000, REMOVE]],
    *[(PRINCIPLE + "/text", v, False) for v in ["t" * 100001, 1, ["x"]]],
]


def _wp_edge_id(where, value):
    shown = "removed" if value is REMOVE else json.dumps(value, ensure_ascii=False)
    return f"{where.replace('/work_plan', '') or '/'}={shown[:24]}"


def test_work_plan_base_is_valid(validator):
    assert reader_accepts(WORK_PLAN_BASE)
    assert not schema_errors(validator, WORK_PLAN_BASE)
    assert core_proposal(json.dumps(WORK_PLAN_BASE)).work_plan["work_packages"][0]["activities"][1]["id"] == "A1.2"


@pytest.mark.parametrize("where,value,accepted", WORK_PLAN_EDGES,
                         ids=[_wp_edge_id(w, v) for w, v, _ in WORK_PLAN_EDGES])
def test_schema_and_reader_agree_on_work_plans(validator, where, value, accepted):
    doc = with_value(where, value, WORK_PLAN_BASE)
    assert reader_accepts(doc) is accepted
    assert (not schema_errors(validator, doc)) is accepted


def _item(kind, i):
    if kind == "objectives":
        return {"id": f"O{i}", "text": ""}
    if kind == "work_packages":
        return {"number": i + 1, "title": ""}
    if kind == "activities":
        return {"id": f"A{i}", "title": "", "start_period": 1, "end_period": 1}
    if kind == "deliverables":
        return {"title": "", "period": 1}
    if kind in ("partners", "predecessors"):
        return f"X{i}"
    if kind == "outputs":
        return {"indicator": "RCO84", "target": "1", "period": 1}
    return {"indicator": "RCR104", "target": "1", "period": 1}


WORK_PLAN_LIMITS = [
    ("objectives", WP + "/objectives", 50),
    ("work_packages", WP + "/work_packages", 50),
    ("activities", WP0 + "/activities", 200),
    ("deliverables", ACT + "/deliverables", 200),
    ("partners", ACT + "/partners", 200),
    ("predecessors", ACT + "/predecessors", 200),
    ("outputs", WP + "/outputs", 200),
    ("results", WP + "/results", 200),
]


@pytest.mark.parametrize("kind,where,limit", WORK_PLAN_LIMITS, ids=[k for k, _, _ in WORK_PLAN_LIMITS])
@pytest.mark.parametrize("over", [0, 1])
def test_work_plan_limits(validator, kind, where, limit, over):
    # Items are unique (ids, numbers) so that only the count decides.
    doc = with_value(where, [_item(kind, i) for i in range(limit + over)], WORK_PLAN_BASE)
    if kind == "work_packages":
        doc["work_plan"]["outputs"][0]["work_package"] = None
    assert reader_accepts(doc) is (not over)
    assert (not schema_errors(validator, doc)) is (not over)


# What a JSON Schema cannot express in a work plan (documented in the schema's descriptions and
# in docs/proposal-format.md).
WORK_PLAN_GAPS = [
    ("duplicate activity ids in one work package", ACT + "/id", "A1.2"),
    ("duplicate activity ids across work packages", WP + "/work_packages/1/activities",
     [{"id": "A1.1", "title": "Again", "start_period": 1, "end_period": 1}]),
    ("duplicate work package numbers", WP + "/work_packages/1/number", 1),
    ("a period written with a fraction", ACT + "/start_period", 1.0),
    ("a work package number written with a fraction", WP0 + "/number", 1.0),
    ("a target beyond 64-bit hundredths", OUT + "/target", "92233720368547758.08"),
    ("a baseline beyond 64-bit hundredths", RES + "/baseline", "-99999999999999999999"),
]


@pytest.mark.parametrize("what,where,value", WORK_PLAN_GAPS, ids=[g[0] for g in WORK_PLAN_GAPS])
def test_known_gaps_in_work_plans(validator, what, where, value):
    doc = with_value(where, value, WORK_PLAN_BASE)
    assert not schema_errors(validator, doc)
    assert not reader_accepts(doc)


def test_work_plan_key_names_are_the_cores():
    """The schema's cooperation criteria and principles are the ones the core writes."""
    schema = load_schema()
    written = _core.Proposal(interreg.load_programme()._core).work_plan
    plan = schema["$defs"]["work_plan"]["properties"]
    assert list(plan) == list(written)
    assert list(plan["cooperation"]["properties"]) == list(written["cooperation"])
    assert list(plan["horizontal_principles"]["properties"]) == list(written["horizontal_principles"])
    assert schema["$defs"]["principle"]["properties"]["effect"]["enum"] == ["positive", "neutral", "negative"]
