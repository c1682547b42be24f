#pragma once
// The tables a budget summary is shown as (data frames, notebook HTML, the Excel workbook, the
// narrative draft): columns with a stable id, a kind and their values, and where the table has
// one, a total row holding the core's totals (each the exact sum of the rows). Renderers name
// the columns and format the values; they never compute an amount.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interreg/budget_engine.hpp"

namespace interreg {

enum class ColumnKind {
    text,     // free text or an id; may be empty (null)
    integer,  // a whole number (a period number, a line index)
    money,    // cents, in euro unless `currency_column` names the column holding each row's currency
    percent,  // an exact rate as text ("60%", "12.5%")
    decimal,  // an exact decimal as text ("11.7725"); may be empty (null)
    date,     // ISO 8601 text ("2026-06-30"); may be empty (null)
};
std::string_view to_string(ColumnKind kind);

struct TableColumn {
    std::string id;
    ColumnKind kind = ColumnKind::text;
    std::vector<std::int64_t> numbers;             // integer and money columns: one per row
    std::vector<std::optional<std::string>> texts;  // the other kinds: one per row, nullopt when empty
    std::optional<std::int64_t> total;             // in the total row, when the column has one there
    std::string currency_column;                   // money columns in each row's own currency
};

struct BudgetTable {
    std::string id;
    std::vector<TableColumn> columns;
    bool has_total = false;  // a total row follows the rows

    std::size_t row_count() const;
    const TableColumn& column(std::string_view id) const;  // throws ArgumentError naming the columns
};

// The names of the tables, in the order the library lists them: partners, cofinancing, funds,
// countries, periods, lines, partner_periods, funding, country_funding, exchange_rates.
const std::vector<std::string>& budget_table_names();

// One table of the summary; ArgumentError (listing the names) for an unknown one.
BudgetTable budget_table(const BudgetSummary& summary, std::string_view name);

// The ids of a cost breakdown's columns, in display order ("total" last).
const std::vector<std::string>& cost_column_ids();

}  // namespace interreg
