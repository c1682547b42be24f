#include "interreg/batch.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

#include "interreg/errors.hpp"
#include "interreg/proposal_json.hpp"
#include "interreg/rules.hpp"
#include "interreg/text.hpp"

namespace interreg {

namespace {

const Programme* programme_for(const Proposal& proposal, const BatchProgrammes& programmes) {
    if (programmes.only) return programmes.only;
    const auto& all = programmes.available;
    const auto it = std::find_if(all.begin(), all.end(), [&](const Programme* p) { return p->id() == proposal.programme; });
    return it == all.end() ? nullptr : *it;
}

FileCheck unreadable(std::string_view rule, std::string message, std::string path = {}) {
    FileCheck out;
    out.readable = false;
    out.report.findings.push_back(document_finding(rule, std::move(message), std::move(path)));
    return out;
}

FileCheck check_file(const std::string& path, const BatchProgrammes& programmes) {
    Proposal proposal;
    try {
        proposal = load_proposal(path);
    } catch (const IoError& e) {
        return unreadable("document.file", e.what());
    } catch (const FormatError& e) {
        return unreadable("document.format", e.what(), e.path());
    } catch (const Error& e) {  // any other refusal of the reader: still not a proposal it can check
        return unreadable("document.format", e.what());
    }
    const Programme* programme = programme_for(proposal, programmes);
    if (!programme) {
        std::vector<std::string> ids;
        for (const Programme* p : programmes.available) ids.push_back(p->id());
        return unreadable("document.programme",
                          "the document names the programme '" + proposal.programme + "', which is not available; " +
                              (ids.empty() ? std::string("none is") : "available: " + text::join_choices(ids, ", ")),
                          "/programme");
    }
    FileCheck out;
    out.report = validate(*programme, proposal);
    return out;
}

}  // namespace

std::vector<FileCheck> check_files(const std::vector<std::string>& paths, const BatchProgrammes& programmes,
                                   unsigned workers) {
    std::vector<FileCheck> out(paths.size());
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;  // anything but a document's own error (out of memory): rethrown
    std::atomic<bool> failed{false};
    auto work = [&] {
        try {
            for (std::size_t i; !failed && (i = next++) < paths.size();) out[i] = check_file(paths[i], programmes);
        } catch (...) {
            if (!failed.exchange(true)) failure = std::current_exception();
        }
    };
    std::vector<std::thread> threads;  // the calling thread is one of the workers
    for (unsigned k = 1; k < std::max(1u, workers) && k < paths.size(); ++k) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
    if (failure) std::rethrow_exception(failure);
    return out;
}

}  // namespace interreg
