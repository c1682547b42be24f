#include "interreg/files.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <random>
#include <vector>

#include "interreg/errors.hpp"
#include "interreg/text.hpp"

namespace interreg {

std::string shown_path(const std::string& path) {
    std::string out;
    for (char c : path) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x20 || b == 0x7f) {
            static const char* hex = "0123456789abcdef";
            out += "\\x";
            out += hex[b >> 4];
            out += hex[b & 0xF];
        } else {
            out += c;
        }
    }
    return text::escape_invalid_utf8(out);
}

namespace {

[[noreturn]] void fail(const std::string& what, const std::string& path, const std::string& why) {
    throw IoError("cannot " + what + " '" + shown_path(path) + "': " + why);
}

std::string error_text() { return std::strerror(errno); }

void refuse_nul(const std::string& what, const std::string& path) {
    // The system would read the path only up to the NUL: "good.json\0.evil" would name good.json.
    if (path.find('\0') != std::string::npos) fail(what, path, "the path holds a NUL byte");
}

const char* kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    return "not a regular file";
}

struct Fd {
    int fd;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

std::string folder_of(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
}

std::string name_of(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The file a path finally names, its symlinks followed (relative links from their folder).
std::string follow_links(const std::string& path) {
    std::string current = path;
    for (int hops = 0; hops < 40; ++hops) {
        struct stat info {};
        if (::lstat(current.c_str(), &info) != 0 || !S_ISLNK(info.st_mode)) return current;
        std::vector<char> buffer(static_cast<std::size_t>(info.st_size > 0 ? info.st_size : 255) + 1);
        const ssize_t n = ::readlink(current.c_str(), buffer.data(), buffer.size());
        if (n < 0) fail("write", path, "cannot read the symlink: " + error_text());
        std::string target(buffer.data(), static_cast<std::size_t>(n));
        current = target.front() == '/' ? target : folder_of(current) + "/" + target;
    }
    fail("write", path, "too many levels of symbolic links");
}

// A temporary file beside `target` that no one else uses, created with the mode of new files.
int create_temporary(const std::string& folder, const std::string& base, std::string& name) {
    static thread_local std::mt19937_64 random{std::random_device{}()};
    static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    for (int attempt = 0; attempt < 100; ++attempt) {
        name = folder + "/." + base + ".tmp-";
        for (int i = 0; i < 6; ++i) name += letters[random() % (sizeof letters - 1)];
        const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
        if (fd >= 0 || errno != EEXIST) return fd;
    }
    errno = EEXIST;
    return -1;
}

// Remove what earlier interrupted saves of `base` left; a minute's grace for a save in flight.
void remove_stale_temporaries(const std::string& folder, const std::string& base) {
    DIR* dir = ::opendir(folder.c_str());
    if (!dir) return;
    const std::string prefix = "." + base + ".tmp-";
    const std::time_t now = std::time(nullptr);
    while (const dirent* entry = ::readdir(dir)) {
        const std::string name = entry->d_name;
        if (name.size() != prefix.size() + 6 || name.compare(0, prefix.size(), prefix) != 0) continue;
        struct stat info {};
        const std::string path = folder + "/" + name;
        if (::lstat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) && now - info.st_mtime > 60) ::unlink(path.c_str());
    }
    ::closedir(dir);
}

}  // namespace

RegularFile::RegularFile(const std::string& path, std::size_t max_bytes, const std::function<void(std::size_t)>& too_large)
    : path_(path) {
    refuse_nul("open", path);
    // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
    Fd file{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)};
    if (file.fd < 0) fail("open", path, error_text());
    struct stat info {};
    if (::fstat(file.fd, &info) != 0) fail("read", path, error_text());
    if (!S_ISREG(info.st_mode)) fail("read", path, std::string(kind_of(info.st_mode)) + ", not a regular file");
    size_ = static_cast<std::size_t>(info.st_size);
    if (size_ > max_bytes) too_large(size_);
    std::swap(fd_, file.fd);
}

RegularFile::~RegularFile() {
    if (fd_ >= 0) ::close(fd_);
}

std::size_t RegularFile::read(char* into, std::size_t bytes) {
    std::size_t done = 0;
    while (done < bytes) {
        const ssize_t n = ::read(fd_, into + done, bytes - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail("read", path_, error_text());
        if (n == 0) break;  // the end (a file may also shrink while it is read)
        done += static_cast<std::size_t>(n);
    }
    return done;
}

std::string read_regular_file(const std::string& path, std::size_t max_bytes,
                              const std::function<void(std::size_t)>& too_large) {
    RegularFile file(path, max_bytes, too_large);
    std::string text(file.size(), '\0');
    text.resize(file.read(text.data(), text.size()));
    return text;
}

void write_file_atomically(const std::string& path, std::string_view contents) {
    refuse_nul("save", path);
    const std::string target = follow_links(path);
    struct stat existing {};
    const bool exists = ::lstat(target.c_str(), &existing) == 0;
    if (exists && !S_ISREG(existing.st_mode)) fail("write", path, std::string(kind_of(existing.st_mode)) + ", not a regular file");
    if (exists && ((existing.st_mode & 0222) == 0 || ::access(target.c_str(), W_OK) != 0)) {
        fail("write", path, "the file is read-only; make it writable or save under another name");
    }
    const std::string folder = folder_of(target), base = name_of(target);
    std::string tmp;
    Fd file{create_temporary(folder, base, tmp)};
    if (file.fd < 0) fail("write", path, "cannot create a temporary file in '" + shown_path(folder) + "': " + error_text());
    auto abandon = [&](const std::string& what) {
        const std::string why = what + ": " + error_text();
        ::unlink(tmp.c_str());
        fail("write", path, why);
    };
    if (exists && ::fchmod(file.fd, existing.st_mode & 07777) != 0) abandon("cannot keep the file's permissions");
    for (std::size_t done = 0; done < contents.size();) {
        const auto n = ::write(file.fd, contents.data() + done, contents.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) abandon("write failed");
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(file.fd) != 0) abandon("fsync failed");
    const int fd = file.fd;
    file.fd = -1;
    if (::close(fd) != 0) abandon("close failed");  // some file systems report write errors only here
    if (::rename(tmp.c_str(), target.c_str()) != 0) abandon("rename failed");
    // Make the rename itself durable.
    const Fd dir{::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (dir.fd >= 0) ::fsync(dir.fd);
    remove_stale_temporaries(folder, base);
}

}  // namespace interreg
