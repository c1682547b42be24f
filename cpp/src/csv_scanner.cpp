#include "csv_scanner.hpp"

#include <algorithm>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "interreg/fields.hpp"

namespace interreg::csv {

namespace {

// The bytes that end an unquoted field: the separator, line breaks, and a quote (an error there).
struct Stops {
    bool at[256] = {};
    constexpr Stops() { at[static_cast<unsigned char>(',')] = at[static_cast<unsigned char>('\n')] =
                            at[static_cast<unsigned char>('\r')] = at[static_cast<unsigned char>('"')] = true; }
};
constexpr Stops stops;

bool is_break(char c) { return c == '\n' || c == '\r'; }

// Where the last line feed of text[from, to) ends, or npos.
std::size_t after_last_line_feed(std::string_view text, std::size_t from, std::size_t to) {
    const auto at = text.substr(from, to - from).rfind('\n');
    return at == std::string_view::npos ? at : from + at + 1;
}

}  // namespace

const std::size_t Scanner::max_quoted_bytes = 4 * max_name_length;

TextInput::TextInput(std::string_view text, std::size_t window_bytes) : text_(text), window_bytes_(window_bytes) {
    head_ = std::string(text.substr(0, 4));
}

std::string_view TextInput::next(std::size_t unread, std::string&) {
    start_ += unread;
    // More bytes until a line feed is among them (the window then ends after it), or the end.
    std::size_t cut = std::string_view::npos;
    while (cut == std::string_view::npos && taken_ < text_.size()) {
        const std::size_t from = taken_;
        taken_ = std::min(text_.size(), taken_ + window_bytes_);
        cut = after_last_line_feed(text_, from, taken_);
    }
    at_end_ = taken_ == text_.size();
    return text_.substr(start_, (at_end_ ? text_.size() : cut) - start_);
}

FileInput::FileInput(RegularFile& file, std::size_t window_bytes)
    : file_(file), window_bytes_(window_bytes), left_(file.size()) {}

std::string_view FileInput::next(std::size_t unread, std::string& storage) {
    if (last_) {
        storage.assign(*last_, unread);  // what the last window did not read, and the bytes after its cut
    } else {
        storage.clear();
    }
    // More bytes until a line feed is among them (and, first, until the bytes that tell a wide
    // encoding are), or the end.
    std::size_t cut = std::string::npos;
    while (left_ > 0 && (cut == std::string::npos || (!last_ && storage.size() < 4))) {
        const std::size_t from = storage.size();
        const std::size_t wanted = std::min(left_, window_bytes_);
        storage.resize(from + wanted);
        const std::size_t got = file_.read(storage.data() + from, wanted);
        storage.resize(from + got);
        left_ = got < wanted ? 0 : left_ - got;  // a file that shrank while read ends sooner
        if (const std::size_t found = after_last_line_feed(storage, from, storage.size()); found != std::string::npos) cut = found;
    }
    if (!last_) head_ = storage.substr(0, 4);
    last_ = &storage;
    at_end_ = left_ == 0;
    return std::string_view(storage).substr(0, at_end_ ? storage.size() : cut);
}

void Scanner::start(std::string_view window, bool at_text_end, std::size_t from) {
    s_ = window;
    at_text_end_ = at_text_end;
    pos_ = from;
    block_ = s_.size() + 64;  // no block loaded
}

Scanner::Next Scanner::next(Record& r, std::deque<std::string>& copies) {
    while (pos_ < s_.size() && is_break(s_[pos_])) skip_break();  // blank lines
    if (pos_ >= s_.size()) return Next::end;
    r.line = line_;
    r.fields.clear();
    r.error.clear();
    const std::size_t start = pos_;
    for (;;) {
        std::string_view field;
        if (s_[pos_] == '"') {
            const Quoted q = quoted(copies, field);
            if (q == Quoted::cut) {  // read again from the next window, which starts with this record
                pos_ = start;
                line_ = r.line;
                return Next::more;
            }
            if (q == Quoted::unclosed) {
                unclosed(r, start);
                return Next::record;
            }
            if (pos_ < s_.size() && !is_break(s_[pos_]) && s_[pos_] != ',') {
                if (r.error.empty()) r.error = "text after a closing quote (write a quote inside a quoted field as \"\")";
                skip_field();
            }
        } else {
            const std::size_t from = pos_;
            pos_ = next_stop(pos_);
            if (pos_ < s_.size() && s_[pos_] == '"') {
                if (r.error.empty()) r.error = "a quote inside an unquoted field (quote the whole field and double the quote)";
                skip_field();
            }
            field = s_.substr(from, pos_ - from);
        }
        r.fields.push_back(field);
        if (pos_ >= s_.size()) return Next::record;  // only at the end of the text: a window ends after a line feed
        if (s_[pos_] != ',') {
            skip_break();
            return Next::record;
        }
        if (++pos_ == s_.size()) {  // a separator at the very end: one more, empty field
            r.fields.emplace_back();
            return Next::record;
        }
    }
}

// The first stop at or after `at`, or the end. The stops of 64 bytes at a time are found
// together (a bit per byte), so a field's end is the lowest bit left after its start.
std::size_t Scanner::next_stop(std::size_t at) {
    for (;;) {
        if (at - block_ >= 64) load_block(at);  // `at` is before or past the block
        if (const std::uint64_t left = stops_ >> (at - block_); left != 0) {
            return at + static_cast<std::size_t>(__builtin_ctzll(left));
        }
        at = block_ + 64;
        if (at >= s_.size()) return s_.size();
    }
}

// The stops among the (up to) 64 bytes from `at`: bit i for byte at + i.
void Scanner::load_block(std::size_t at) {
    block_ = at;
    stops_ = 0;
    const char* p = s_.data() + at;
    const std::size_t n = std::min<std::size_t>(64, s_.size() - at);
#if defined(__SSE2__)
    if (n == 64) {
        const auto is = [](__m128i bytes, char c) { return _mm_cmpeq_epi8(bytes, _mm_set1_epi8(c)); };
        for (int i = 0; i < 4; ++i) {
            const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
            const __m128i hit = _mm_or_si128(_mm_or_si128(is(b, ','), is(b, '\n')), _mm_or_si128(is(b, '\r'), is(b, '"')));
            stops_ |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(hit))} << (16 * i);
        }
        return;
    }
#endif
    for (std::size_t i = 0; i < n; ++i) stops_ |= std::uint64_t{stops.at[static_cast<unsigned char>(p[i])]} << i;
}

// The quoted field at pos_ (a quote). Cut when the window ends before the quote closes or runs
// past max_quoted_bytes: the next window decides.
Scanner::Quoted Scanner::quoted(std::deque<std::string>& copies, std::string_view& field) {
    const std::size_t opened = pos_++;
    const bool whole = at_text_end_ || opened + max_quoted_bytes + 1 <= s_.size();  // the window decides
    const std::size_t limit = std::min(s_.size(), opened + max_quoted_bytes + 1);
    std::string* copy = nullptr;
    std::size_t from = pos_;
    for (;;) {
        const auto* q = pos_ < limit ? static_cast<const char*>(std::memchr(s_.data() + pos_, '"', limit - pos_)) : nullptr;
        if (!q) return whole ? Quoted::unclosed : Quoted::cut;
        const auto at = static_cast<std::size_t>(q - s_.data());
        if (at + 1 < s_.size() && s_[at + 1] == '"') {  // a doubled quote is one quote
            if (!copy) copy = &copies.emplace_back();  // a deque: earlier copies stay put
            copy->append(s_.data() + from, at + 1 - from);
            pos_ = from = at + 2;
            continue;
        }
        if (copy) {
            copy->append(s_.data() + from, at - from);
            field = *copy;
        } else {
            field = s_.substr(from, at - from);
        }
        line_ += static_cast<std::size_t>(std::count(s_.begin() + static_cast<std::ptrdiff_t>(opened),
                                                     s_.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
        pos_ = at + 1;
        return Quoted::closed;
    }
}

// The rest of a field already found faulty, quotes and all, up to its separator or line end.
void Scanner::skip_field() {
    while (pos_ < s_.size() && s_[pos_] != ',' && !is_break(s_[pos_])) ++pos_;
}

// The record as one problem on its first line; reading goes on from the line after it.
void Scanner::unclosed(Record& r, std::size_t start) {
    r.fields.clear();
    r.error = "a quote opened on this line is not closed (a quoted field may span lines but not " +
              std::to_string(max_quoted_bytes) + " bytes); the lines after it are read again";
    pos_ = s_.find_first_of("\r\n", start);
    line_ = r.line;
    if (pos_ == std::string_view::npos) {
        pos_ = s_.size();
    } else {
        skip_break();
    }
}

void Scanner::skip_break() {
    if (s_[pos_] == '\r' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
}

}  // namespace interreg::csv
