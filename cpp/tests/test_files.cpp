// files.hpp: reading only regular files (never blocking on a FIFO) and atomic saves that
// follow symlinks, keep permissions and refuse special or read-only targets.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "interreg/errors.hpp"
#include "interreg/files.hpp"
#include "test_support.hpp"

using interreg::IoError;
using interreg_test::TempDir;
using interreg_test::thrown;

namespace {

std::string read(const std::string& path) {
    return interreg::read_regular_file(path, 1 << 20, [](std::size_t) { throw std::runtime_error("too large"); });
}

mode_t mode_of(const std::string& path) {
    struct stat info {};
    EXPECT_EQ(::stat(path.c_str(), &info), 0);
    return info.st_mode & 07777;
}

}  // namespace

TEST(ReadRegularFile, AFifoIsRefusedWithoutWaitingForAWriter) {
    TempDir dir;
    ASSERT_EQ(::mkfifo(dir.file("x.json").c_str(), 0600), 0);
    auto e = thrown<IoError>([&] { read(dir.file("x.json")); });
    ASSERT_TRUE(e);
    EXPECT_CONTAINS(std::string(e->what()), "FIFO");
}

TEST(ReadRegularFile, FoldersAndDevicesAreRefused) {
    TempDir dir;
    EXPECT_CONTAINS(std::string(thrown<IoError>([&] { read(dir.path()); })->what()), "a folder");
    EXPECT_CONTAINS(std::string(thrown<IoError>([&] { read("/dev/null"); })->what()), "a device");
}

TEST(ReadRegularFile, APathWithANulByteIsRefused) {
    TempDir dir;
    interreg_test::write_file(dir.file("good.json"), "{}");
    const std::string path = dir.file("good.json") + std::string(1, '\0') + ".evil";
    EXPECT_CONTAINS(std::string(thrown<IoError>([&] { read(path); })->what()), "NUL byte");
}

TEST(ReadRegularFile, LimitIsAskedBeforeReading) {
    TempDir dir;
    interreg_test::write_file(dir.file("big"), std::string(100, 'x'));
    std::size_t seen = 0;
    EXPECT_THROW(interreg::read_regular_file(dir.file("big"), 99, [&](std::size_t n) { seen = n; throw std::runtime_error("no"); }),
                 std::runtime_error);
    EXPECT_EQ(seen, 100u);
    EXPECT_EQ(read(dir.file("big")), std::string(100, 'x'));
}

TEST(WriteFileAtomically, FollowsASymlinkAndKeepsTheLink) {
    TempDir dir;
    interreg_test::write_file(dir.file("real.json"), "old");
    ASSERT_EQ(::symlink("real.json", dir.file("link.json").c_str()), 0);
    interreg::write_file_atomically(dir.file("link.json"), "new");
    struct stat info {};
    ASSERT_EQ(::lstat(dir.file("link.json").c_str(), &info), 0);
    EXPECT_TRUE(S_ISLNK(info.st_mode));
    EXPECT_EQ(interreg_test::read_file(dir.file("real.json")), "new");
}

TEST(WriteFileAtomically, ADanglingSymlinkCreatesItsTarget) {
    TempDir dir;
    ASSERT_EQ(::symlink(dir.file("target.json").c_str(), dir.file("link.json").c_str()), 0);
    interreg::write_file_atomically(dir.file("link.json"), "made");
    EXPECT_EQ(interreg_test::read_file(dir.file("target.json")), "made");
}

TEST(WriteFileAtomically, SpecialTargetsAreRefusedAndLeftAlone) {
    TempDir dir;
    ASSERT_EQ(::mkfifo(dir.file("fifo.json").c_str(), 0600), 0);
    EXPECT_CONTAINS(std::string(thrown<IoError>([&] { interreg::write_file_atomically(dir.file("fifo.json"), "x"); })->what()),
                    "FIFO");
    struct stat info {};
    ASSERT_EQ(::lstat(dir.file("fifo.json").c_str(), &info), 0);
    EXPECT_TRUE(S_ISFIFO(info.st_mode));
    ASSERT_EQ(::symlink("/dev/null", dir.file("null.json").c_str()), 0);
    EXPECT_CONTAINS(std::string(thrown<IoError>([&] { interreg::write_file_atomically(dir.file("null.json"), "x"); })->what()),
                    "a device");
    EXPECT_EQ(dir.entries(), (std::vector<std::string>{"fifo.json", "null.json"}));  // no temporary left
}

TEST(WriteFileAtomically, ReadOnlyTargetIsRefusedEvenForRoot) {
    TempDir dir;
    interreg_test::write_file(dir.file("ro.json"), "keep");
    ASSERT_EQ(::chmod(dir.file("ro.json").c_str(), 0444), 0);
    EXPECT_CONTAINS(std::string(thrown<IoError>([&] { interreg::write_file_atomically(dir.file("ro.json"), "x"); })->what()),
                    "read-only");
    EXPECT_EQ(interreg_test::read_file(dir.file("ro.json")), "keep");
}

TEST(WriteFileAtomically, KeepsTheTargetsPermissionsAndNewFilesFollowTheUmask) {
    TempDir dir;
    interreg_test::write_file(dir.file("private.json"), "old");
    ASSERT_EQ(::chmod(dir.file("private.json").c_str(), 0600), 0);
    interreg::write_file_atomically(dir.file("private.json"), "new");
    EXPECT_EQ(mode_of(dir.file("private.json")), 0600u);
    const mode_t mask = ::umask(022);
    interreg::write_file_atomically(dir.file("fresh.json"), "x");
    ::umask(mask);
    EXPECT_EQ(mode_of(dir.file("fresh.json")), 0644u);
}

TEST(WriteFileAtomically, RemovesStaleTemporariesOfTheSameTargetOnly) {
    TempDir dir;
    for (const char* name : {".a.json.tmp-abcdef", ".a.json.tmp-fresh1", ".b.json.tmp-abcdef"}) {
        interreg_test::write_file(dir.file(name), "left over");
    }
    const timeval old[2] = {{1000000000, 0}, {1000000000, 0}};  // 2001: long stale
    ASSERT_EQ(::utimes(dir.file(".a.json.tmp-abcdef").c_str(), old), 0);
    ASSERT_EQ(::utimes(dir.file(".b.json.tmp-abcdef").c_str(), old), 0);
    interreg::write_file_atomically(dir.file("a.json"), "saved");
    // The other target's leftovers and a recent one (a save perhaps in flight) stay.
    EXPECT_EQ(dir.entries(), (std::vector<std::string>{".a.json.tmp-fresh1", ".b.json.tmp-abcdef", "a.json"}));
}

TEST(WriteFileAtomically, APathWithANulByteIsRefused) {
    TempDir dir;
    const std::string path = dir.file("a.json") + std::string(1, '\0') + "x";
    EXPECT_CONTAINS(std::string(thrown<IoError>([&] { interreg::write_file_atomically(path, "x"); })->what()), "NUL");
    EXPECT_TRUE(dir.entries().empty());
}
