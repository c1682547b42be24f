#include "interreg/batch.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <atomic>
#include <exception>
#include <thread>

#include "interreg/errors.hpp"
#include "interreg/files.hpp"
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

// A file to check, or a folder entry the walk could not read (and why).
struct Job {
    std::string path;
    std::size_t input = 0;
    std::string unreadable;
};

bool is_json_name(const std::string& name) {
    return name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0;
}

// Paths compared component by component, as a file manager lists them.
bool listed_before(const std::string& a, const std::string& b) {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        if (x == '/' || y == '/') return x == '/' && y != '/';
        return x < y;
    });
}

void walk(const std::string& folder, std::size_t input, std::vector<Job>& jobs) {
    DIR* dir = ::opendir(folder.c_str());
    if (!dir) {
        jobs.push_back({folder, input, "cannot read the folder '" + shown_path(folder) + "': " + std::strerror(errno)});
        return;
    }
    std::vector<std::pair<std::string, bool>> entries;  // path, whether it is a folder to walk
    while (const dirent* entry = ::readdir(dir)) {
        const std::string name = entry->d_name;
        if (name == "." || name == "..") continue;
        const std::string path = folder + "/" + name;
        struct stat info {};
        if (::lstat(path.c_str(), &info) != 0) {
            jobs.push_back({path, input, "cannot read '" + shown_path(path) + "': " + std::strerror(errno)});
        } else if (S_ISDIR(info.st_mode)) {
            entries.emplace_back(path, true);  // a symlink to a folder is not followed: no loops
        } else if (is_json_name(name)) {
            entries.emplace_back(path, false);  // a file, or anything else that reading will judge
        }
    }
    ::closedir(dir);
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return listed_before(a.first, b.first); });
    for (const auto& [path, is_folder] : entries) {
        if (is_folder) {
            walk(path, input, jobs);
        } else {
            jobs.push_back({path, input, {}});
        }
    }
}

std::vector<Job> jobs_for(const std::vector<std::string>& paths) {
    std::vector<Job> jobs;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        struct stat info {};
        if (paths[i].find('\0') == std::string::npos && ::stat(paths[i].c_str(), &info) == 0 && S_ISDIR(info.st_mode)) {
            walk(paths[i].size() > 1 && paths[i].back() == '/' ? paths[i].substr(0, paths[i].size() - 1) : paths[i], i, jobs);
        } else {
            jobs.push_back({paths[i], i, {}});  // reading says what is wrong with it, if anything
        }
    }
    return jobs;
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
    const std::vector<Job> jobs = jobs_for(paths);
    std::vector<FileCheck> out(jobs.size());
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;  // anything but a document's own error (out of memory): rethrown
    std::atomic<bool> failed{false};
    auto work = [&] {
        try {
            for (std::size_t i; !failed && (i = next++) < jobs.size();) {
                const Job& job = jobs[i];
                out[i] = job.unreadable.empty() ? check_file(job.path, programmes) : unreadable("document.unreadable", job.unreadable);
                out[i].file = job.path;
                out[i].input = job.input;
            }
        } catch (...) {
            if (!failed.exchange(true)) failure = std::current_exception();
        }
    };
    std::vector<std::thread> threads;  // the calling thread is one of the workers
    for (unsigned k = 1; k < std::max(1u, workers) && k < jobs.size(); ++k) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
    if (failure) std::rethrow_exception(failure);
    return out;
}

}  // namespace interreg
