#pragma once
// Findings and the report that collects them.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace interreg {

enum class Severity { error, warning, info };

std::string_view to_string(Severity s);  // "ERROR", "WARNING", "INFO"
std::optional<Severity> parse_severity(std::string_view s);  // "error" / "ERROR", ...

struct Finding {
    std::string rule;      // stable id, "partnership.lead-country"
    Severity severity = Severity::error;
    std::string message;   // what is wrong and what to do
    std::string path;      // JSON Pointer into the proposal, "/partners/2/region"
    std::string source;    // citation: title and URL of the programme source
    bool assumed = false;  // rests on a fact the programme document marks as assumed
};

struct Report {
    std::vector<Finding> findings;

    bool ok() const { return count(Severity::error) == 0; }
    std::size_t count(Severity s) const;
};

}  // namespace interreg
