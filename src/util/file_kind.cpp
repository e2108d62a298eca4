#include "dormlink/util/file_kind.hpp"

#include <sys/stat.h>

#include <fmt/format.h>

namespace dormlink::util {

std::string_view file_kind(unsigned mode) {
  const auto m = static_cast<mode_t>(mode);
  if (S_ISREG(m)) return "a regular file";
  if (S_ISDIR(m)) return "a directory";
  if (S_ISFIFO(m)) return "a FIFO (named pipe)";
  if (S_ISCHR(m)) return "a character device";
  if (S_ISBLK(m)) return "a block device";
  if (S_ISSOCK(m)) return "a socket";
  if (S_ISLNK(m)) return "a symbolic link";
  return "a special file";
}

NotFoundError not_regular_file(std::string_view subject, unsigned mode, std::string_view remedy) {
  return NotFoundError(fmt::format("{} is not a regular file but {}; {}", subject, file_kind(mode), remedy));
}

}  // namespace dormlink::util
