#pragma once
// Reading and validating many proposal files at once, one thread per worker, so that a folder
// of proposals is checked on every core without going through Python for each file.
#include <memory>
#include <string>
#include <string_view>
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

// One file's outcome packed for a table of many files' findings: the findings' texts back to back
// in one buffer. The worker that checked the file packs it and frees the report, so a batch of
// thousands of files hands over a few blocks per file instead of a string per field of every
// finding (freeing those on one thread, away from the threads that made them, was slower than
// making them).
struct PackedCheck {
    struct Text {
        std::size_t at = 0, size = 0;  // in texts
    };
    struct Entry {
        Text rule, message, path, source;
        Severity severity = Severity::error;
        bool assumed = false;
    };
    std::string file;
    std::size_t input = 0;
    bool readable = true;
    std::size_t errors = 0, warnings = 0, infos = 0;
    std::string texts;
    std::vector<Entry> findings;  // in the report's order

    std::string_view text(Text t) const { return std::string_view(texts).substr(t.at, t.size); }
};
PackedCheck pack(FileCheck check);

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
// check_files with each result packed by its worker and handed over in order as soon as it is
// done, so that a reader can turn results into a table while later files are still being
// checked. The workers start at construction; destroying it stops them (files not yet begun
// are not checked) and waits for them.
class FileChecks {
public:
    FileChecks(const std::vector<std::string>& paths, const BatchProgrammes& programmes, unsigned workers);
    FileChecks(const FileChecks&) = delete;
    FileChecks& operator=(const FileChecks&) = delete;
    ~FileChecks();

    std::size_t size() const;  // the files, folders expanded
    // File i's result, once it is done (each taken once, in any order); rethrows what stopped a
    // worker (anything but a document's own error: out of memory).
    PackedCheck take(std::size_t i);

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace interreg
