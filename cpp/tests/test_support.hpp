#pragma once
// Shared helpers for the interreg C++ tests: the embedded programme, its raw JSON document
// (to mutate into broken variants), a baseline proposal that validates cleanly, exception
// capture with path/detail checks, and a scratch directory.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <typeinfo>
#include <unistd.h>
#include <vector>

#include <nlohmann/json.hpp>

#include "interreg/errors.hpp"
#include "interreg/programme.hpp"
#include "interreg/proposal.hpp"
#include "interreg/report.hpp"
#include "interreg/rules.hpp"

// EXPECT that `hay` contains `needle` (both anything convertible to std::string).
#define EXPECT_CONTAINS(hay, needle)                                                        \
    EXPECT_NE(std::string(hay).find(needle), std::string::npos)                             \
        << "expected to find: " << (needle) << "\n                in: " << (hay)
#define EXPECT_NOT_CONTAINS(hay, needle)                                                    \
    EXPECT_EQ(std::string(hay).find(needle), std::string::npos)                             \
        << "expected NOT to find: " << (needle) << "\n                    in: " << (hay)

namespace interreg_test {

inline std::string programme_file() { return std::string(INTERREG_PROGRAMME_DIR) + "/oks-2021-2027.json"; }

// The embedded ÖKS programme, loaded once.
inline const interreg::Programme& programme() {
    static const std::shared_ptr<const interreg::Programme> p = interreg::Programme::load(programme_file());
    return *p;
}

// The programme document as plain JSON, a fresh copy to mutate.
inline nlohmann::json programme_doc() {
    static const nlohmann::json doc = [] {
        std::ifstream in(programme_file());
        return nlohmann::json::parse(in);
    }();
    return doc;
}

// Position of the record with `key` == `value` in the array `doc[array]`.
inline std::size_t index_of(const nlohmann::json& doc, const std::string& array, const std::string& key,
                            const std::string& value) {
    const auto& items = doc.at(array);
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].at(key) == value) return i;
    }
    ADD_FAILURE() << "no " << array << " record with " << key << " = " << value;
    return 0;
}

// Run `f`; return the exception of type E it throws (failing the test on anything else).
template <class E, class F>
std::optional<E> thrown(F&& f) {
    try {
        f();
    } catch (const E& e) {
        return e;
    } catch (const std::exception& e) {
        ADD_FAILURE() << "expected " << typeid(E).name() << " but got " << typeid(e).name() << ": " << e.what();
        return std::nullopt;
    }
    ADD_FAILURE() << "expected " << typeid(E).name() << " but nothing was thrown";
    return std::nullopt;
}

// ---- proposals -------------------------------------------------------------------------

inline interreg::Partner make_partner(std::string name, std::string country, std::optional<std::string> region,
                                      std::optional<std::string> org_type,
                                      interreg::Role role = interreg::Role::partner, bool owner = false) {
    interreg::Partner p;
    p.name = std::move(name);
    p.country = std::move(country);
    p.region = std::move(region);
    p.org_type = std::move(org_type);
    p.role = role;
    p.norwegian_project_owner = owner;
    return p;
}

// A main-project proposal for call 2025:1 that the embedded programme accepts with no
// finding at all: a Swedish lead university (PP1), a Danish municipality (PP2) and a
// Norwegian county that owns the Norwegian part (PP3).
inline interreg::Proposal baseline() {
    interreg::Proposal p;
    p.programme = "oks-2021-2027";
    p.call = "2025:1";
    p.kind = "main";
    p.acronym = "BORDERJOBS";
    p.title = {{"en", "Jobs without borders"}, {"sv", "Jobb utan gränser"}};
    p.summary = {{"en", "A cross-border labour market for the Kattegat-Skagerrak region."}};
    p.specific_objective = "RSO4.1";
    p.geography = "whole";
    p.start = interreg::Date{2026, 1, 1};
    p.duration_months = 36;
    p.add_partner(make_partner("Göteborgs universitet", "SE", "Västra Götaland", "university", interreg::Role::lead));
    p.add_partner(make_partner("Aalborg Kommune", "DK", "Region Nordjylland", "local-authority"));
    p.add_partner(make_partner("Østfold fylkeskommune", "NO", "Østfold", "regional-authority",
                               interreg::Role::partner, true));
    return p;
}

inline std::vector<interreg::Finding> findings_of(const interreg::Report& report, std::string_view rule) {
    std::vector<interreg::Finding> out;
    for (const auto& f : report.findings) {
        if (f.rule == rule) out.push_back(f);
    }
    return out;
}

inline std::string describe(const interreg::Report& report) {
    std::ostringstream out;
    for (const auto& f : report.findings) {
        out << "  [" << interreg::to_string(f.severity) << "] " << f.rule << " " << f.path << ": " << f.message << "\n";
    }
    return out.str();
}

// ---- files -----------------------------------------------------------------------------

// A fresh directory under the system temp folder, removed (with its files) afterwards.
class TempDir {
public:
    TempDir() {
        std::string templ = (std::getenv("TMPDIR") ? std::string(std::getenv("TMPDIR")) : std::string("/tmp")) +
                            "/interreg-test-XXXXXX";
        if (!::mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
        path_ = templ;
    }
    ~TempDir() {
        for (const auto& name : entries()) ::unlink((path_ + "/" + name).c_str());
        ::rmdir(path_.c_str());
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }

    // Names in the directory (without "." and ".."), sorted.
    std::vector<std::string> entries() const {
        std::vector<std::string> out;
        if (DIR* d = ::opendir(path_.c_str())) {
            while (const dirent* e = ::readdir(d)) {
                const std::string name = e->d_name;
                if (name != "." && name != "..") out.push_back(name);
            }
            ::closedir(d);
        }
        std::sort(out.begin(), out.end());
        return out;
    }

private:
    std::string path_;
};

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void write_file(const std::string& path, const std::string& contents) {
    std::ofstream out(path, std::ios::binary);
    out << contents;
}

}  // namespace interreg_test
