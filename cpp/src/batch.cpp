#include "interreg/batch.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

#include "interreg/errors.hpp"
#include "interreg/proposal_json.hpp"
#include "interreg/rules.hpp"

namespace interreg {

namespace {

FileCheck check_file(const std::string& path, const std::vector<const Programme*>& programmes) {
    FileCheck out;
    try {
        const Proposal proposal = load_proposal(path);
        const auto it = std::find_if(programmes.begin(), programmes.end(),
                                     [&](const Programme* p) { return p->id() == proposal.programme; });
        if (it == programmes.end()) {
            out.outcome = FileCheck::Outcome::elsewhere;
            out.programme = proposal.programme;
        } else {
            out.report = validate(**it, proposal);
        }
    } catch (const IoError& e) {
        out.outcome = FileCheck::Outcome::unreadable;
        out.message = e.what();
    } catch (const FormatError& e) {
        out.outcome = FileCheck::Outcome::malformed;
        out.message = e.what();
        out.path = e.path();
    } catch (const Error& e) {
        out.outcome = FileCheck::Outcome::elsewhere;
        out.message = e.what();
    }
    return out;
}

}  // namespace

std::vector<FileCheck> check_files(const std::vector<std::string>& paths, const std::vector<const Programme*>& programmes,
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
