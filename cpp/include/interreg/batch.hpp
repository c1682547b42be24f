#pragma once
// Reading and validating many proposal files at once, one thread per worker, so that a folder
// of proposals is checked on every core without going through Python for each file.
#include <string>
#include <vector>

#include "interreg/programme.hpp"
#include "interreg/report.hpp"

namespace interreg {

// What became of one file.
struct FileCheck {
    enum class Outcome {
        validated,   // read and validated: `report`
        unreadable,  // the file cannot be read (IoError): `message`
        malformed,   // not a valid proposal document (FormatError): `message` and `path`
        elsewhere,   // not settled here: it names a programme not among those given (`programme`),
                     // or another error of the library (`message`); the caller checks it its own way
    };
    Outcome outcome = Outcome::validated;
    Report report;
    std::string message, path, programme;
};

// Read and validate each of `paths` on `workers` threads (at least one), in any order; the
// results are in the order of `paths`. A document is checked against the programme of
// `programmes` with the id it names.
std::vector<FileCheck> check_files(const std::vector<std::string>& paths, const std::vector<const Programme*>& programmes,
                                   unsigned workers);

}  // namespace interreg
