#pragma once
// The files users hand the library arrive by e-mail and shared drives: reading never blocks on
// a FIFO or reads a device, and writing replaces only the regular file a path leads to
// (through its symlinks), atomically, with its permissions kept. Every refusal is an IoError.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace interreg {

// A path as a message may show it: control bytes (NUL, newline, ESC) and bytes that are not
// UTF-8 written as \xNN, so the message is one clean line whatever the file is called.
std::string shown_path(const std::string& path);

// The contents of the regular file at `path`. Anything else (FIFO, device, socket, folder), a
// path holding a NUL byte, or a file that cannot be read is an IoError; a file larger than
// `max_bytes` calls `too_large(size)`, which throws.
std::string read_regular_file(const std::string& path, std::size_t max_bytes,
                              const std::function<void(std::size_t)>& too_large);

// The same file opened to be read a piece at a time (a large table goes through a small buffer
// instead of into memory whole), with the same refusals.
class RegularFile {
public:
    RegularFile(const std::string& path, std::size_t max_bytes, const std::function<void(std::size_t)>& too_large);
    ~RegularFile();
    RegularFile(const RegularFile&) = delete;
    RegularFile& operator=(const RegularFile&) = delete;

    std::size_t size() const { return size_; }  // when opened
    // Up to `bytes` more into `into`, fewer only at the end of the file (0 there); IoError when
    // the file cannot be read.
    std::size_t read(char* into, std::size_t bytes);

private:
    std::string path_;
    int fd_ = -1;
    std::size_t size_ = 0;
};

// Replace the file `path` names with `contents`: through a temporary file in the same folder,
// flushed to disk and renamed over it, so a crash leaves the old file or the new one. A symlink
// is followed to the file it names (the link stays a link; a dangling link's target is
// created). Refused with IoError: a target that is not a regular file, a read-only target, a
// path with a NUL byte. A new file gets the permissions of any new file (0666 less the umask);
// a replaced one keeps its own. Temporary files of earlier interrupted saves of the same target
// (older than a minute) are removed after a successful save.
void write_file_atomically(const std::string& path, std::string_view contents);

}  // namespace interreg
