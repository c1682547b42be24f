#pragma once
// CSV (RFC 4180) records from a text that comes a window of whole lines at a time: the whole text
// in memory, or a file read a block at a time into a small buffer. A record is read from one
// window; one that runs past a window's end is read again from the next, which starts with it.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "interreg/files.hpp"

namespace interreg::csv {

struct Record {
    std::size_t line = 0;  // where the record starts
    std::vector<std::string_view> fields;  // views of the window, or of a copy when a field doubles quotes
    std::string error;  // a quoting problem
};

// The text as windows: each the rest of the last one (from where its reading stopped) and about
// `window_bytes` more, cut after its last line feed; the last window ends where the text ends.
class Input {
public:
    virtual ~Input() = default;
    // The next window, written in `storage` if it must be (never the last window's storage);
    // `unread`: where reading of the last window stopped (0 for the first).
    virtual std::string_view next(std::size_t unread, std::string& storage) = 0;
    bool at_end() const { return at_end_; }  // the last window ends where the text ends
    // The text's first bytes (up to four, to tell a wide encoding), once a window was given.
    std::string_view head() const { return head_; }

protected:
    bool at_end_ = false;
    std::string head_;
};

// A text in memory: windows are views of it.
class TextInput final : public Input {
public:
    TextInput(std::string_view text, std::size_t window_bytes);
    std::string_view next(std::size_t unread, std::string& storage) override;

private:
    std::string_view text_;
    std::size_t window_bytes_;
    std::size_t start_ = 0;  // the last window's start
    std::size_t taken_ = 0;  // the bytes given to windows so far (the last window's cut may be before it)
};

// A regular file: each window is copied into its storage, the file read a block at a time.
class FileInput final : public Input {
public:
    FileInput(RegularFile& file, std::size_t window_bytes);
    std::string_view next(std::size_t unread, std::string& storage) override;

private:
    RegularFile& file_;
    std::size_t window_bytes_;
    std::size_t left_;                    // bytes of the file not read yet
    const std::string* last_ = nullptr;   // the last window's storage: what it left unread is carried over
};

// Reads records from one window after another. Quoted fields may hold commas, quotes ("") and
// line breaks. Fields are views found by a mask of the stops of 64 bytes (unquoted) or by memchr
// for the closing quote, never copied unless they double quotes (into the caller's `copies`).
class Scanner {
public:
    enum class Next { record, end, more };  // more: the record runs past the window (not the text)

    // Reading goes on in `window` from `from`, lines numbered on from the last one.
    void start(std::string_view window, bool at_text_end, std::size_t from = 0);
    Next next(Record& r, std::deque<std::string>& copies);
    std::size_t position() const { return pos_; }  // where reading stopped in the window

    // A quoted field may span lines, but no field the history takes is this long: a quote that
    // runs further was never closed, and reading on would swallow the rows after it.
    static const std::size_t max_quoted_bytes;

private:
    enum class Quoted { closed, unclosed, cut };
    std::size_t next_stop(std::size_t at);
    void load_block(std::size_t at);
    Quoted quoted(std::deque<std::string>& copies, std::string_view& field);
    void skip_field();
    void unclosed(Record& r, std::size_t start);
    void skip_break();

    std::string_view s_;
    bool at_text_end_ = true;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    std::size_t block_ = 0;  // where the bytes of stops_ start (none yet when past the window)
    std::uint64_t stops_ = 0;
};

}  // namespace interreg::csv
