// Reading the config file for load_config_file: only a regular file, at most a little past
// the size limit, with the open errors mapped to NotFoundError, PermissionError and IoError.
#include "dormlink/config.hpp"

#include <array>
#include <cerrno>
#include <string>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/util/file_kind.hpp"
#include "messages.hpp"
#include "precheck.hpp"

namespace dormlink {
namespace {

[[noreturn]] void throw_config_open_error(const std::string& path, int error) {
  if (error == ENOENT || error == ENOTDIR) {
    throw NotFoundError(config_detail::msg::config_missing(path));
  }
  if (error == EACCES || error == EPERM) {
    throw PermissionError(config_detail::msg::config_denied(path));
  }
  throw IoError(config_detail::msg::config_unreadable(path, system_error_text(error)));
}

// Only a regular file is read: a FIFO would block, a device such as /dev/zero never ends.
void check_config_file(const std::string& path, const struct stat& st) {
  if (S_ISREG(st.st_mode)) return;
  throw util::not_regular_file(config_detail::msg::config_subject(path), st.st_mode, config_detail::msg::pass_config());
}

// The file's bytes, reading at most a little past the size limit (parse_config rejects more).
// The type is checked before opening, and again on what was opened (opened without blocking,
// in case the path was swapped for a FIFO in between).
std::string read_config_bytes(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw_config_open_error(path, errno);
  check_config_file(path, st);
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) throw_config_open_error(path, errno);
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  if (::fstat(fd, &st) != 0) throw_config_open_error(path, errno);
  check_config_file(path, st);
  std::string bytes;
  std::array<char, 65536> buffer{};
  while (bytes.size() <= config_detail::k_max_config_bytes) {
    const ssize_t count = ::read(fd, buffer.data(), buffer.size());
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) {
      throw IoError(config_detail::msg::config_unreadable(path, system_error_text(errno)));
    }
    if (count == 0) break;
    bytes.append(buffer.data(), static_cast<std::size_t>(count));
  }
  return bytes;
}

}  // namespace

Config load_config_file(const std::string& path) { return parse_config(read_config_bytes(path), path); }

std::string read_config_text(const std::string& path) { return read_config_bytes(path); }

}  // namespace dormlink
