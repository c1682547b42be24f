#pragma once
// Reading and validating many proposal files at once, one thread per worker, so that a folder
// of proposals is checked on every core without going through Python for each file.
#include <string>
#include <vector>

#include "interreg/programme.hpp"
#include "interreg/report.hpp"

namespace interreg {

// What became of one file: its report, or, when it could not be checked, a report with the
// one document.* finding that says why (document.file, document.format, document.programme,
// document.unreadable for a folder entry the walk cannot read).
struct FileCheck {
    std::string file;
    std::size_t input = 0;  // the position in `paths` it came from
    Report report;
    bool readable = true;
};

// The programmes a batch checks against: each document against the one with the id it names,
// or, with `only`, every document against that one whatever it names.
struct BatchProgrammes {
    std::vector<const Programme*> available;
    const Programme* only = nullptr;
};

// Read and validate each of `paths` on `workers` threads (at least one), in any order; the
// results are in the order of `paths`. A folder stands for every *.json file under it,
// recursively, in sorted order; symlinked folders are not followed (no loops), and an entry
// that cannot be read is a result of its own, never a stop.
std::vector<FileCheck> check_files(const std::vector<std::string>& paths, const BatchProgrammes& programmes,
                                   unsigned workers);

}  // namespace interreg
