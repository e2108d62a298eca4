#include "dormlink/util/file_kind.hpp"

#include <sys/stat.h>

#include <fmt/format.h>

#include "messages.hpp"

namespace dormlink::util {

std::string_view file_kind(unsigned mode) {
  const auto m = static_cast<mode_t>(mode);
  const auto language = message_language();
  if (S_ISREG(m)) return msg::regular_file(language);
  if (S_ISDIR(m)) return msg::directory(language);
  if (S_ISFIFO(m)) return msg::fifo(language);
  if (S_ISCHR(m)) return msg::character_device(language);
  if (S_ISBLK(m)) return msg::block_device(language);
  if (S_ISSOCK(m)) return msg::socket(language);
  if (S_ISLNK(m)) return msg::symbolic_link(language);
  return msg::special_file(language);
}

NotFoundError not_regular_file(std::string_view subject, unsigned mode, std::string_view remedy) {
  return NotFoundError(msg::not_regular(subject, file_kind(mode), remedy));
}

}  // namespace dormlink::util
