#include "dormlink/util/pinyin.hpp"

#include <memory>
#include <mutex>

#include <unicode/coll.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <fmt/format.h>

#include "dormlink/error.hpp"

namespace dormlink::util {
namespace {

// Han-Latin/Names reads the first character as a surname; Latin-ASCII drops the tone marks.
// Building the transliterator parses ICU's rules (~80 ms), so it is built once per process.
icu::Transliterator& transliterator() {
  static std::unique_ptr<icu::Transliterator> instance;
  static std::once_flag once;
  std::call_once(once, [] {
    UErrorCode status = U_ZERO_ERROR;
    instance.reset(icu::Transliterator::createInstance("Han-Latin/Names; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !instance) {
      // not a message: an internal error (ICU data missing from the build)
      throw Error(ExitCode::internal, fmt::format("ICU Han-Latin transliterator unavailable: {}", u_errorName(status)));
    }
  });
  return *instance;
}

bool is_lower_letter(char c) { return c >= 'a' && c <= 'z'; }

// Lowercase letters only, or empty when `typed` holds anything but letters, spaces and apostrophes.
std::string fold_typed(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (is_lower_letter(c)) {
      out.push_back(c);
    } else if (c != ' ' && c != '\'') {
      return {};
    }
  }
  return out;
}

// ICU's "zh" collator orders Han characters by pinyin; built once per process.
icu::Collator& collator() {
  static std::unique_ptr<icu::Collator> instance;
  static std::once_flag once;
  std::call_once(once, [] {
    UErrorCode status = U_ZERO_ERROR;
    instance.reset(icu::Collator::createInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status) || !instance) {
      // not a message: an internal error (ICU data missing from the build)
      throw Error(ExitCode::internal, fmt::format("ICU zh collator unavailable: {}", u_errorName(status)));
    }
  });
  return *instance;
}

}  // namespace

int compare_pinyin(std::string_view a, std::string_view b) {
  UErrorCode status = U_ZERO_ERROR;
  const auto result = collator().compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                                             icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
  if (U_FAILURE(status)) return a.compare(b) < 0 ? -1 : (a == b ? 0 : 1);
  return result == UCOL_LESS ? -1 : (result == UCOL_EQUAL ? 0 : 1);
}

std::string pinyin(std::string_view name) {
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  // The transliterator is not thread-safe; dormlink is single-threaded, the lock keeps it honest.
  static std::mutex lock;
  {
    const std::scoped_lock guard(lock);
    transliterator().transliterate(text);
  }
  std::string raw;
  text.toUTF8String(raw);
  std::string out;
  for (char c : raw) {
    if (is_lower_letter(c)) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool is_pinyin_text(std::string_view typed) { return !fold_typed(typed).empty(); }

PinyinMatch match_pinyin(std::string_view typed, std::string_view name_pinyin) {
  const std::string wanted = fold_typed(typed);
  if (wanted.empty() || name_pinyin.empty()) return PinyinMatch::none;
  std::string joined;
  std::string initials;
  bool at_start = true;
  for (char c : name_pinyin) {
    if (c == ' ') {
      at_start = true;
      continue;
    }
    if (at_start) initials.push_back(c);
    joined.push_back(c);
    at_start = false;
  }
  if (wanted == joined) return PinyinMatch::full;
  if (wanted == initials) return PinyinMatch::initials;
  if (joined.starts_with(wanted)) return PinyinMatch::prefix;
  return PinyinMatch::none;
}

}  // namespace dormlink::util
