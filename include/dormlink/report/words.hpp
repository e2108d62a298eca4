#pragma once
// Using a report's labels table (Words, language.hpp): a row of Words (a table's header) in one
// language, and a Words that is a format string, for fmt::format.

#include <span>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "dormlink/language.hpp"

namespace dormlink::report {

inline std::vector<std::string> pick(std::span<const Words> words, Language language) {
  std::vector<std::string> out;
  out.reserve(words.size());
  for (const auto& w : words) out.emplace_back(w(language));
  return out;
}

// The wording as a format string: fmt::format(pattern(labels.total_line, language), n).
inline auto pattern(Words words, Language language) { return fmt::runtime(words(language)); }

}  // namespace dormlink::report
