#include "interreg/report.hpp"

#include <algorithm>

namespace interreg {

std::string_view to_string(Severity s) {
    switch (s) {
        case Severity::error: return "ERROR";
        case Severity::warning: return "WARNING";
        case Severity::info: return "INFO";
    }
    return "ERROR";
}

std::optional<Severity> parse_severity(std::string_view s) {
    if (s == "error" || s == "ERROR") return Severity::error;
    if (s == "warning" || s == "WARNING") return Severity::warning;
    if (s == "info" || s == "INFO") return Severity::info;
    return std::nullopt;
}

std::size_t Report::count(Severity s) const {
    return static_cast<std::size_t>(
        std::count_if(findings.begin(), findings.end(), [s](const Finding& f) { return f.severity == s; }));
}

}  // namespace interreg
