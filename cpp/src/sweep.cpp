#include "interreg/sweep.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <tuple>

#include "interreg/budget_engine.hpp"
#include "interreg/errors.hpp"
#include "interreg/rules.hpp"
#include "sweep_variant.hpp"

namespace interreg {
namespace {

// A money column's place in the table: its group, then an order within it, then its name.
using ColumnKey = std::tuple<int, std::size_t, std::string>;
enum Group { total, fund, fund_country, contribution, partner_contribution, headroom };

struct Outcome {
    std::string error, budget_error;
    std::vector<std::pair<ColumnKey, Money>> figures;
    int errors = -1, warnings = -1;
};

std::size_t fund_order(const Programme& programme, const std::string& fund) {
    const auto& funds = programme.funds();
    const auto it = std::find_if(funds.begin(), funds.end(), [&](const Fund& f) { return f.id == fund; });
    return static_cast<std::size_t>(it - funds.begin());
}

// The figures of one variant's summary; partners in the base's order, new ones after them.
void add_figures(const Programme& programme, const Proposal& base, const Proposal& variant, const BudgetSummary& s,
                 Outcome& out) {
    auto& f = out.figures;
    f.push_back({{total, 0, "total"}, s.costs.total});
    for (const auto& [id, amount] : s.fund_totals) f.push_back({{fund, fund_order(programme, id), "fund:" + id}, amount});
    std::map<std::pair<std::string, std::string>, Money> by_country;
    for (const auto& p : s.partners) {
        if (p.fund.empty()) continue;
        Money& sum = by_country[{p.fund, p.country}];
        sum = sum + p.fund_amount;
    }
    for (const auto& [key, amount] : by_country) {
        f.push_back({{fund_country, fund_order(programme, key.first), "fund:" + key.first + ":" + key.second}, amount});
    }
    f.push_back({{contribution, 0, "contribution"}, s.contribution});
    for (const auto& p : s.partners) {
        const Partner* in_base = base.find_partner(p.id);
        const std::size_t order = in_base ? static_cast<std::size_t>(in_base - base.partners.data()) : base.partners.size();
        f.push_back({{partner_contribution, order, "contribution:" + p.id}, p.contribution});
    }
    for (const auto& [id, cap] : fund_caps(programme, variant)) {
        const auto it = s.fund_totals.find(id);
        const Money used = it == s.fund_totals.end() ? Money() : it->second;
        f.push_back({{headroom, fund_order(programme, id), "headroom:" + id}, cap.amount - used});
    }
}

Outcome evaluate(const Programme& programme, const Proposal& base, const detail::VariantReader& reader,
                 const std::vector<std::pair<std::size_t, std::size_t>>& variant) {
    Outcome out;
    Proposal p;
    try {
        p = reader.read(variant);
    } catch (const DocumentError& e) {  // what the reader says of the variant's document
        out.error = e.what();
        return out;
    }
    std::optional<BudgetSummary> summary;
    try {
        summary = summarise_budget(programme, p);
    } catch (const ArgumentError& e) {
        out.budget_error = e.what();
    }
    const Report report = validate(programme, p, summary ? &*summary : nullptr, out.budget_error);
    out.errors = static_cast<int>(report.count(Severity::error));
    out.warnings = static_cast<int>(report.count(Severity::warning));
    if (summary) add_figures(programme, base, p, *summary, out);
    return out;
}

SweepTable columns(std::vector<Outcome>& outcomes) {
    std::set<ColumnKey> keys;
    for (const Outcome& o : outcomes) {
        for (const auto& figure : o.figures) keys.insert(figure.first);
    }
    SweepTable table;
    std::map<ColumnKey, std::size_t> column;
    for (const ColumnKey& key : keys) {
        column.emplace(key, table.money_columns.size());
        table.money_columns.push_back(std::get<2>(key));
    }
    table.money.assign(keys.size(), std::vector<std::optional<Money>>(outcomes.size()));
    for (std::size_t row = 0; row < outcomes.size(); ++row) {
        Outcome& o = outcomes[row];
        for (const auto& [key, amount] : o.figures) table.money[column.at(key)][row] = amount;
        table.error.push_back(std::move(o.error));
        table.budget_error.push_back(std::move(o.budget_error));
        table.errors.push_back(o.errors);
        table.warnings.push_back(o.warnings);
    }
    return table;
}

}  // namespace

SweepVariants sweep_product(std::vector<std::pair<std::string, std::vector<nlohmann::json>>> axes) {
    SweepVariants out;
    std::size_t count = 1;
    std::vector<std::size_t> first, sizes;  // each axis's first value index and value count
    for (auto& [pointer, values] : axes) {
        if (values.empty()) throw ArgumentError(pointer, "give at least one value");
        if (std::find(out.pointers.begin(), out.pointers.end(), pointer) != out.pointers.end()) {
            throw ArgumentError(pointer, "the pointer is given twice");
        }
        count *= values.size();
        if (count > max_sweep_variants) {
            throw ArgumentError(pointer, "the combinations exceed " + std::to_string(max_sweep_variants) +
                                             " variants; vary fewer values at once");
        }
        out.pointers.push_back(pointer);
        first.push_back(out.values.size());
        sizes.push_back(values.size());
        for (auto& v : values) out.values.push_back(std::move(v));
    }
    out.variants.reserve(count);
    std::vector<std::size_t> digit(axes.size(), 0);  // an odometer: the last axis turns fastest
    for (std::size_t k = 0; k < count; ++k) {
        auto& variant = out.variants.emplace_back();
        for (std::size_t a = 0; a < axes.size(); ++a) variant.emplace_back(a, first[a] + digit[a]);
        for (std::size_t a = axes.size(); a-- > 0;) {
            if (++digit[a] < sizes[a]) break;
            digit[a] = 0;
        }
    }
    return out;
}

SweepTable sweep(const Programme& programme, const Proposal& base, const SweepVariants& variants, unsigned workers) {
    if (variants.variants.size() > max_sweep_variants) {
        throw ArgumentError("variants", "at most " + std::to_string(max_sweep_variants) + " variants in one sweep");
    }
    const detail::VariantReader reader(base, variants);
    const std::size_t n = variants.variants.size();
    std::vector<Outcome> outcomes(n);

    if (workers == 0) workers = std::max(1u, std::thread::hardware_concurrency());
    constexpr unsigned max_threads = 256;  // far beyond any machine's cores; a typo must not start a million
    workers = static_cast<unsigned>(std::min<std::size_t>({workers, max_threads, std::max<std::size_t>(n, 1)}));
    constexpr std::size_t chunk = 16;  // variants a thread takes at once: few trips to the counter
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    const auto work = [&] {
        try {
            for (std::size_t start; (start = next.fetch_add(chunk)) < n;) {
                for (std::size_t k = start; k < std::min(n, start + chunk); ++k) {
                    outcomes[k] = evaluate(programme, base, reader, variants.variants[k]);
                }
            }
        } catch (...) {  // out of memory: stop every thread, report it once
            next = n;
            const std::lock_guard<std::mutex> lock(failure_mutex);
            if (!failure) failure = std::current_exception();
        }
    };
    std::vector<std::thread> threads;
    for (unsigned w = 1; w < workers; ++w) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
    if (failure) std::rethrow_exception(failure);
    return columns(outcomes);
}

}  // namespace interreg
