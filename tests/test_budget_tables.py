"""The budget summary's tables as Python sees them (interreg.tables), the one conversion of
cents to Decimal (interreg.money) and the labels every writer names the columns with
(interreg.labels)."""
from __future__ import annotations

import ast
import decimal
from decimal import Decimal
from pathlib import Path

import pytest

import interreg
from interreg import _core, labels, money
from interreg.tables import KINDS, Column, Table
from test_budget_export import build_budget_proposal

PACKAGE = Path(interreg.__file__).resolve().parent


@pytest.fixture(scope="module")
def summary():
    return build_budget_proposal(interreg.load_programme()).budget_summary()


def two_places(d: Decimal) -> bool:
    return d.as_tuple().exponent == -2


# -- the tables --------------------------------------------------------------------------
def test_views_are_the_cores_tables(summary):
    assert summary.VIEWS == ("partners", "cofinancing", "funds", "countries", "periods", "lines", "partner_periods",
                             "funding", "country_funding", "exchange_rates")
    assert list(summary.VIEWS) == _core.budget_table_names


@pytest.mark.parametrize("view", interreg.BudgetSummary.VIEWS)
def test_values_have_the_type_of_their_kind_and_totals_add_up(summary, view):
    table = summary.table(view)
    assert table.id == view and len(table) == table.row_count
    for column in table.columns:
        assert column.kind in KINDS
        assert len(column.values) == table.row_count, column.id
        for value in column.values:
            if column.kind == "money":
                assert isinstance(value, Decimal) and two_places(value), (column.id, value)
            elif column.kind == "integer":
                assert type(value) is int, (column.id, value)
            elif column.kind == "decimal":
                assert value is None or isinstance(value, Decimal), (column.id, value)
            else:
                assert value is None or isinstance(value, str), (column.id, value)
        if column.total is not None:
            assert table.has_total and column.kind == "money"
            assert two_places(column.total) and sum(column.values, Decimal("0.00")) == column.total, column.id
    if not table.has_total:
        assert all(c.total is None for c in table.columns)


def test_totals_are_the_summarys(summary):
    s = summary
    assert s.table("partners").totals(labels.COST_COLUMNS) == tuple(s.costs[c] for c in labels.COST_COLUMNS)
    assert s.table("cofinancing").totals(["rate", "total", "fund_amount", "contribution", "sources_total"]) == (
        None, s.total, s.fund_amount, s.contribution, s.sources_total)
    assert s.table("funding").totals(["fund", "amount"]) == (None, s.total)
    assert s.table("funds").totals(["amount"]) == (s.fund_amount,)
    assert s.table("countries").totals(["total"]) == (s.total,)
    assert s.table("periods").totals(["fund_amount", "contribution", "total"]) == (s.fund_amount, s.contribution, s.total)
    assert s.table("country_funding").totals(["fund:erdf", "fund:no-interreg"]) == (
        s.fund_totals["erdf"], s.fund_totals["no-interreg"])


def test_rows_match_the_summarys_records(summary):
    s = summary
    cofinancing = s.table("cofinancing")
    assert list(cofinancing.rows(["id", "fund", "rate", "total", "fund_amount"])) == [
        (p.id, p.fund, p.rate, p.total, p.fund_amount) for p in s.partners]
    assert cofinancing["rate"] == ["60%", "60%", "50%"]
    periods = s.table("periods")
    assert periods["period"] == [p["number"] for p in s.periods]
    assert periods["start"] == [p["start"] for p in s.periods]
    assert periods["total"] == s.period_totals
    lines = s.table("lines")
    assert lines.column("unit_price").currency_column == "currency"
    assert lines.column("total").currency_column is None
    nok = [k for k, code in enumerate(lines["currency"]) if code == "NOK"]
    assert [lines["exchange_rate"][k] for k in nok] == [Decimal("11.7725")] * 2
    assert lines["total_local"][nok[0]] == Decimal("1268250.00")
    assert s.table("exchange_rates")["date"] == ["2025-09-30"]


def test_table_access(summary):
    table = summary.table("partners")
    assert summary.table("partners") is table  # built once per summary
    assert table.ids == ["id", "name", "country", *labels.COST_COLUMNS]
    assert "staff" in table and "fund" not in table
    assert table.nonzero(labels.COST_COLUMNS[:-1]) == ["staff", "office_admin", "travel", "external", "equipment",
                                                      "other_costs"]
    values = table["staff"]
    values.append(Decimal("1.00"))  # a copy: the table is unchanged
    assert len(table["staff"]) == 3
    assert list(table.rows([])) == []
    assert repr(table) == "<Table partners: 12 columns, 3 rows and a total row>"
    assert repr(table.column("staff")) == "<Column staff (money): 3 values>"
    with pytest.raises(interreg.ArgumentError, match="the partners table has no column 'fund'; its columns are id, name"):
        table.column("fund")
    with pytest.raises(interreg.ArgumentError, match="unknown budget table 'regions'; choose one of: partners, "
                                                     "cofinancing, funds, countries, periods, lines, partner_periods, funding"):
        summary.table("regions")
    with pytest.raises(TypeError, match="view must be a str"):
        summary.table(3)


def test_empty_budget_tables(programme):
    s = interreg.Proposal(programme, acronym="EMPTY").budget_summary()
    partners = s.table("partners")
    assert partners.row_count == 0 and partners.totals(["total"]) == (Decimal("0.00"),)
    assert s.table("funding")["partners"] == ["", "", ""]
    assert s.table("country_funding").ids == ["country", "contribution", "total"]
    df = s.to_frame("lines")
    assert len(df) == 0 and list(df.columns)[:3] == ["partner", "index", "category"]


def test_frames_with_float_money_for_plotting(summary):
    exact = summary.to_frame("cofinancing")
    floats = summary.to_frame("cofinancing", money="float")
    assert exact["total"].dtype == object and isinstance(exact["total"][0], Decimal)
    for column in ("total", "fund_amount", "contribution"):
        assert floats[column].dtype == "float64"
        assert floats[column].tolist() == [float(v) for v in exact[column]]  # each the nearest double
    assert floats["name"].tolist() == exact["name"].tolist()  # text untouched
    lines = summary.to_frame("lines", money="float")
    assert lines["total"].dtype == lines["unit_price"].dtype == "float64"
    with pytest.raises(interreg.ArgumentError, match="money must be one of decimal, float"):
        summary.to_frame("partners", money="cents")


def test_a_column_built_by_hand():
    column = Column("amount", "money", [Decimal("1.00")], Decimal("1.00"))
    assert (column.id, column.kind, column.currency_column) == ("amount", "money", None)
    assert isinstance(Table, type)


# -- money -------------------------------------------------------------------------------
@pytest.mark.parametrize("cents, text", [
    (0, "0.00"), (5, "0.05"), (-5, "-0.05"), (24060000, "240600.00"), (-123456789, "-1234567.89"),
    (2**63 - 1, "92233720368547758.07"), (-(2**63), "-92233720368547758.08")])
def test_from_cents_is_exact_under_any_decimal_context(cents, text):
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.traps[decimal.Inexact] = True
        value = money.from_cents(cents)
    assert str(value) == text and value == Decimal(text) and two_places(value)


def test_money_helpers():
    assert money.from_text("1234.5") == Decimal("1234.50") and two_places(money.from_text("7"))
    assert money.percent_fraction("60%") == Decimal("0.6") and money.percent_fraction("12.5%") == Decimal("0.125")
    assert money.format_amount(Decimal("-1234567.05")) == "-1,234,567.05"


def test_cents_become_decimal_only_in_money():
    """No other module converts amounts: no division by 100 and no quantize outside money.py."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "money.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div) and \
                    isinstance(node.right, ast.Constant) and node.right.value == 100:
                offenders.append(f"{path.name}:{node.lineno} divides by 100")
            if isinstance(node, ast.Attribute) and node.attr in ("quantize", "scaleb"):
                offenders.append(f"{path.name}:{node.lineno} .{node.attr}")
    assert offenders == []


# -- labels ------------------------------------------------------------------------------
def test_cost_columns_come_from_the_core_and_have_labels_and_colours():
    assert labels.COST_COLUMNS == tuple(_core.cost_columns)
    assert list(labels.COST_LABELS) == list(labels.COST_COLUMNS)
    assert set(labels.COST_COLOURS) == set(labels.COST_COLUMNS[:-1])
    # the public paths of earlier versions still work
    assert interreg.summary.COST_COLUMNS is labels.COST_COLUMNS and interreg.summary.COST_LABELS is labels.COST_LABELS


@pytest.mark.parametrize("view", interreg.BudgetSummary.VIEWS)
def test_every_column_has_a_label(summary, view):
    for column in summary.table(view).ids:
        label = labels.column_label(view, column)
        assert label and label != column, (view, column)


def test_column_labels():
    assert labels.column_label("lines", "total") == "Total (EUR)"
    assert labels.column_label("cofinancing", "total") == "Total"
    assert labels.column_label("exchange_rates", "rate") == "Rate (1 EUR =)"
    assert labels.column_label("cofinancing", "rate") == "Rate"
    assert labels.column_label("lines", "period_12") == "Period 12"
    assert labels.column_label("country_funding", "fund:no-interreg") == "Fund: no-interreg"
    assert labels.column_label("lines", "not_a_column") == "not_a_column"
    assert labels.lower_first("Partners' contribution") == "partners' contribution"
    assert labels.lower_first("") == ""
    assert set(labels.ROLE_LABELS) == {"lead", "partner", "associated"}
