#pragma once
// A proposal being drafted for a programme, safe to share between threads: every read, edit,
// validation and save goes through its lock (readers share it, an edit holds it alone), so any
// interleaving of calls from several threads gives a consistent result or an error, never torn
// data. The lock is held only while C++ works on the proposal: never while Python runs.
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <utility>

#include "interreg/programme.hpp"
#include "interreg/proposal.hpp"

namespace interreg {

class Draft {
public:
    Draft(std::shared_ptr<const Programme> programme, Proposal proposal)
        : programme_(std::move(programme)), proposal_(std::move(proposal)) {}
    Draft(const Draft&) = delete;
    Draft& operator=(const Draft&) = delete;

    const Programme& programme() const { return *programme_; }
    const std::shared_ptr<const Programme>& shared_programme() const { return programme_; }

    // f(const Proposal&) under the shared lock; returns what f returns.
    template <class F>
    decltype(auto) read(F&& f) const {
        std::shared_lock lock(mutex_);
        return std::forward<F>(f)(std::as_const(proposal_));
    }
    // f(Proposal&) under the exclusive lock. f must leave the proposal valid when it throws:
    // the operations of edit.hpp do.
    template <class F>
    decltype(auto) edit(F&& f) {
        std::unique_lock lock(mutex_);
        revision_.fetch_add(1, std::memory_order_relaxed);  // also for a refused edit: a later
        return std::forward<F>(f)(proposal_);               // "unchanged?" may only err on "changed"
    }
    // edit(f) if the lock is free at once; false, f not run, when another thread holds it.
    template <class F>
    bool try_edit(F&& f) {
        std::unique_lock lock(mutex_, std::try_to_lock);
        if (!lock.owns_lock()) return false;
        revision_.fetch_add(1, std::memory_order_relaxed);
        std::forward<F>(f)(proposal_);
        return true;
    }
    // How many edits were made: equal revisions mean the proposal has not changed in between
    // (a notebook's display says whether the last validation still holds).
    std::uint64_t revision() const { return revision_.load(std::memory_order_relaxed); }
    Proposal copy() const {
        return read([](const Proposal& p) { return p; });
    }

private:
    std::shared_ptr<const Programme> programme_;
    mutable std::shared_mutex mutex_;
    Proposal proposal_;
    std::atomic<std::uint64_t> revision_{0};
};

}  // namespace interreg
