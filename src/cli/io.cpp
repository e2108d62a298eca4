#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "dormlink/error.hpp"

namespace dormlink::cli {
namespace {

// Input files larger than this are refused rather than read into memory.
constexpr std::uintmax_t k_max_input_bytes = 256u * 1024u * 1024u;

[[noreturn]] void throw_errno(const std::string& what, const std::string& path, int err) {
  auto message = fmt::format("cannot {} {}: {}", what, path, std::strerror(err));
  if (err == ENOENT) throw NotFoundError(fmt::format("{} does not exist", path));
  if (err == EACCES || err == EPERM || err == EROFS) throw PermissionError(message);
  throw IoError(message);
}

void write_all(int fd, const std::string& content, const std::string& path) {
  std::size_t written = 0;
  while (written < content.size()) {
    auto n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw_errno("write", path, errno);
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) throw_errno("write", path, errno);
}

}  // namespace

std::string read_input_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw_errno("read", path, errno);
  if (S_ISDIR(st.st_mode)) throw IoError(fmt::format("{} is a directory, not a file", path));
  if (static_cast<std::uintmax_t>(st.st_size) > k_max_input_bytes) {
    throw DataError(fmt::format("{} is larger than 256 MiB; split it", path));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw_errno("read", path, errno != 0 ? errno : EACCES);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw IoError(fmt::format("cannot read {}", path));
  return std::move(buffer).str();
}

void print_committed(std::ostream& out, const std::string& text, const std::string& committed) {
  out << text;
  out.flush();
  if (out) return;
  throw IoError(fmt::format("{}, but writing to standard output failed, so what it printed is missing or cut "
                            "short; the change stands: do not run the command again",
                            committed));
}

void write_file_atomically(const std::string& path, const std::string& content, unsigned mode,
                           bool exclusive) {
  if (exclusive && ::access(path.c_str(), F_OK) == 0) {
    throw CantCreateError(fmt::format("{} already exists; it was not overwritten", path));
  }
  auto temp = fmt::format("{}.tmp-{}", path, ::getpid());
  int fd = ::open(temp.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, static_cast<mode_t>(mode));
  if (fd < 0) throw_errno("create", path, errno);
  try {
    write_all(fd, content, path);
  } catch (...) {
    ::close(fd);
    ::unlink(temp.c_str());
    throw;
  }
  ::close(fd);
  int rc = exclusive ? ::link(temp.c_str(), path.c_str()) : ::rename(temp.c_str(), path.c_str());
  int err = errno;
  ::unlink(temp.c_str());
  if (rc != 0 && err == EEXIST) {
    throw CantCreateError(fmt::format("{} already exists; it was not overwritten", path));
  }
  if (rc != 0) throw_errno("create", path, err);
}

}  // namespace dormlink::cli
