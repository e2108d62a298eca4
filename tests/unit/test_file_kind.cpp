// Naming what kind of file an input path is (src/util/file_kind.cpp).
#include <doctest/doctest.h>

#include <sys/stat.h>

#include "dormlink/util/file_kind.hpp"

using dormlink::util::file_kind;

TEST_SUITE("util.file_kind") {
  TEST_CASE("every kind of file has a name, and the error says what the path is and what to do") {
    CHECK(file_kind(S_IFREG | 0644) == "a regular file");
    CHECK(file_kind(S_IFDIR | 0755) == "a directory");
    CHECK(file_kind(S_IFIFO | 0600) == "a FIFO (named pipe)");
    CHECK(file_kind(S_IFCHR | 0666) == "a character device");
    CHECK(file_kind(S_IFBLK | 0660) == "a block device");
    CHECK(file_kind(S_IFSOCK | 0755) == "a socket");
    const auto error = dormlink::util::not_regular_file("x.csv", S_IFCHR, "pass a file");
    CHECK(std::string(error.what()) == "x.csv is not a regular file but a character device; pass a file");
    CHECK(error.code() == dormlink::ExitCode::no_input);
  }
}
