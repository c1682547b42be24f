#include "interreg/batch.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
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

FileCheck check_job(const Job& job, const BatchProgrammes& programmes) {
    FileCheck check = job.unreadable.empty() ? check_file(job.path, programmes) : unreadable("document.unreadable", job.unreadable);
    check.file = job.path;
    check.input = job.input;
    return check;
}

}  // namespace

PackedCheck pack(FileCheck check) {
    PackedCheck out;
    out.file = std::move(check.file);
    out.input = check.input;
    out.readable = check.readable;
    const auto& findings = check.report.findings;
    std::size_t bytes = 0;
    for (const Finding& f : findings) bytes += f.rule.size() + f.message.size() + f.path.size() + f.source.size();
    out.texts.reserve(bytes);
    out.findings.reserve(findings.size());
    const auto put = [&](const std::string& s) {
        const PackedCheck::Text t{out.texts.size(), s.size()};
        out.texts += s;
        return t;
    };
    for (const Finding& f : findings) {
        out.findings.push_back({put(f.rule), put(f.message), put(f.path), put(f.source), f.severity, f.assumed});
        ++(f.severity == Severity::error ? out.errors : f.severity == Severity::warning ? out.warnings : out.infos);
    }
    return out;
}

std::vector<FileCheck> check_files(const std::vector<std::string>& paths, const BatchProgrammes& programmes,
                                   unsigned workers) {
    const std::vector<Job> jobs = jobs_for(paths);
    std::vector<FileCheck> out(jobs.size());
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;  // anything but a document's own error (out of memory): rethrown
    std::atomic<bool> failed{false};
    auto work = [&] {
        try {
            for (std::size_t i; !failed && (i = next++) < jobs.size();) out[i] = check_job(jobs[i], programmes);
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

struct FileChecks::State {
    // The reader sleeps until this many more files are done in a row: a wake-up per file cost
    // more than checking it.
    static constexpr std::size_t wake_after = 32;

    std::vector<Job> jobs;
    const BatchProgrammes programmes;
    std::vector<PackedCheck> results;
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    std::mutex mutex;  // guards what follows
    std::vector<char> done;
    std::size_t ready = 0;   // files 0 .. ready-1 are all done
    std::size_t wanted = 0;  // the reader, when it sleeps, waits for ready >= wanted
    bool sleeping = false;
    std::exception_ptr failure;  // what stopped a worker
    std::condition_variable woken;
    std::vector<std::thread> threads;

    void work() {
        try {
            for (std::size_t i; !stop && (i = next++) < jobs.size();) {
                PackedCheck result = pack(check_job(jobs[i], programmes));  // the report is freed here, on its thread
                const std::lock_guard<std::mutex> lock(mutex);
                results[i] = std::move(result);
                done[i] = 1;
                while (ready < jobs.size() && done[ready]) ++ready;
                if (sleeping && ready >= wanted) woken.notify_one();
            }
        } catch (...) {
            const std::lock_guard<std::mutex> lock(mutex);
            if (!failure) failure = std::current_exception();
            stop = true;
            woken.notify_one();
        }
    }
};

FileChecks::FileChecks(const std::vector<std::string>& paths, const BatchProgrammes& programmes, unsigned workers)
    : state_(new State{jobs_for(paths), programmes}) {
    State& s = *state_;
    s.results.resize(s.jobs.size());
    s.done.resize(s.jobs.size());
    try {
        for (unsigned k = 0; k < std::max(1u, workers) && k < s.jobs.size(); ++k) s.threads.emplace_back([&s] { s.work(); });
    } catch (...) {  // a thread that could not start: stop those that did
        s.stop = true;
        for (auto& t : s.threads) t.join();
        throw;
    }
}

FileChecks::~FileChecks() {
    state_->stop = true;
    for (auto& t : state_->threads) t.join();
}

std::size_t FileChecks::size() const { return state_->jobs.size(); }

PackedCheck FileChecks::take(std::size_t i) {
    State& s = *state_;
    std::unique_lock<std::mutex> lock(s.mutex);
    if (!s.done.at(i) && !s.failure) {
        s.wanted = std::max(i + 1, std::min(s.ready + State::wake_after, s.jobs.size()));
        s.sleeping = true;
        s.woken.wait(lock, [&] { return s.ready >= s.wanted || s.done[i] || s.failure; });
        s.sleeping = false;
    }
    if (!s.done[i]) std::rethrow_exception(s.failure);
    return std::move(s.results[i]);
}

}  // namespace interreg
