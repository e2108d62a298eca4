#pragma once
// A row of Words (a table's header in a report's labels table) in one language.

#include <span>
#include <string>
#include <vector>

#include "dormlink/language.hpp"

namespace dormlink::report {

inline std::vector<std::string> pick(std::span<const Words> words, Language language) {
  std::vector<std::string> out;
  out.reserve(words.size());
  for (const auto& w : words) out.emplace_back(w(language));
  return out;
}

}  // namespace dormlink::report
