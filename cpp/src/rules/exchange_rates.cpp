// budget.exchange-rate, the proposal's own rates against the programme's reference rates.
#include "exchange_rates.hpp"

#include "interreg/errors.hpp"
#include "interreg/text.hpp"

namespace interreg::rules {
namespace {

constexpr ExchangeRate one_to_one{};  // 1 EUR = 1 unit

// The partners with lines in `currency` and those lines in euro at `rate`; nothing when no
// line uses the currency or the sum overflows (the budget engine reports that).
struct CurrencyLines {
    std::vector<std::string> partners;
    Money euro;
};

std::optional<CurrencyLines> lines_in(const RuleContext& ctx, const std::string& currency, ExchangeRate rate) {
    CurrencyLines out;
    try {
        for (const auto& p : ctx.proposal.partners) {
            bool uses = false;
            for (const auto& l : p.budget.lines) {
                if (l.currency != currency || priced_by_programme(ctx.programme, l)) continue;
                out.euro = out.euro + to_euro(line_total(l.units, l.unit_price), rate);
                uses = true;
            }
            if (uses) out.partners.push_back(p.name);
        }
    } catch (const ArgumentError&) {
        return std::nullopt;
    }
    if (out.partners.empty()) return std::nullopt;
    return out;
}

std::string quoted(const ReferenceRate& ref) {
    return "1 EUR = " + ref.rate.to_string() + " " + ref.currency + " on " + ref.date.to_string() + " (" +
           ref.source.title + ")";
}

// Below 1 where the reference is above 1: euro per krone, so every line in the currency is
// multiplied where it should be divided.
void inverted(RuleContext& ctx, const std::string& path, ExchangeRate rate, const ReferenceRate& ref) {
    const ExchangeRate meant = rate.inverse();
    std::string effect;
    const auto now = lines_in(ctx, ref.currency, rate), meant_lines = lines_in(ctx, ref.currency, meant);
    if (now && meant_lines) {
        effect = " At " + rate.to_string() + " the " + ref.currency + " lines of " +
                 text::join_choices(now->partners, " and ") + " come to " + now->euro.to_string() + " EUR; at " +
                 meant.to_string() + " they come to " + meant_lines->euro.to_string() + " EUR.";
    }
    ctx.emit(path, "1 EUR = " + rate.to_string() + " " + ref.currency + " is the rate the wrong way round (euro per " +
                       ref.currency + "): the reference is " + quoted(ref) + ". You probably mean " + meant.to_string() +
                       " (1 ÷ " + rate.to_string() + ")." + effect + " Give the rate as " + ref.currency + " per euro.",
             ref.source.assumed);
}

void outside_band(RuleContext& ctx, const std::string& path, ExchangeRate rate, const ReferenceRate& ref) {
    const RateBand& band = *ref.band;
    const RateRange range = band_around(band.centre, band.width);
    if (range.contains(rate)) return;
    const std::string cited = band.source.key == ref.source.key ? "" : "; " + band.source.title;
    ctx.emit_warning(path, "1 EUR = " + rate.to_string() + " " + ref.currency + " is unusual: the reference is " +
                               quoted(ref) + ", and rates outside " + range.low.to_string() + " to " +
                               range.high.to_string() + " (" + band.centre.to_string() + " ± " + band.width.to_string() +
                               cited + ") are unlikely. Check the rate and its date.",
                     band.source.assumed);
}

// A rate without a date cannot be checked or reproduced; one from long before the call
// (or, without a call with a closing date, before the reference) is out of date.
void check_date(RuleContext& ctx, const std::string& path, const std::string& currency, const ExchangeRateEntry& e,
                const ReferenceRate* ref) {
    const std::string rate = "The " + currency + " rate " + e.rate.to_string();
    if (!e.date) {
        ctx.emit_warning(path, rate + " has no date. Give the date it is from (exchange_rates, or p.set_exchange_rate(\"" +
                                   currency + "\", \"" + e.rate.to_string() + "\", date=\"YYYY-MM-DD\")).");
        return;
    }
    const Call* call = effective_call(ctx.programme, ctx.proposal);
    if (call && call->closes) {
        if (!(*e.date < call->opens.add_months(-12))) return;
        ctx.emit_warning(path, rate + " is dated " + e.date->to_string() + ", more than 12 months before call " + call->id +
                                   " opens (" + call->opens.to_string() + "). Use a recent rate and give its date.",
                         call->source.assumed);
    } else if (ref && *e.date < ref->date) {
        ctx.emit_warning(path, rate + " is dated " + e.date->to_string() + ", before the programme's reference rate (" +
                                   quoted(*ref) + "). Use a recent rate and give its date.",
                         ref->source.assumed);
    }
}

}  // namespace

void check_proposal_rates(RuleContext& ctx) {
    for (const auto& [currency, entry] : ctx.proposal.exchange_rates) {
        const std::string path = "/exchange_rates/" + currency;
        const ReferenceRate* ref = ctx.programme.reference_rate(currency);
        if (ref && ref->rate > one_to_one && entry.rate < one_to_one) {
            inverted(ctx, path + "/rate", entry.rate, *ref);
        } else if (ref && ref->band) {
            outside_band(ctx, path + "/rate", entry.rate, *ref);
        }
        check_date(ctx, path + "/date", currency, entry, ref);
    }
}

}  // namespace interreg::rules
