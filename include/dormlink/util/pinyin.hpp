#pragma once
// Pinyin of Chinese names, for typing a name in Latin letters. ICU is used only in util/.

#include <string>
#include <string_view>

namespace dormlink::util {

// The pinyin of a name as lowercase ASCII syllables separated by single spaces, surnames read
// as surnames (单 -> shan, 曾 -> zeng): "欧阳娜娜" -> "ou yang na na". Latin letters pass through
// lowercased; characters with no reading are dropped.
std::string pinyin(std::string_view name);

// True when `typed` is Latin letters (with spaces or apostrophes), i.e. could be pinyin.
bool is_pinyin_text(std::string_view typed);

// How typed Latin text matches a name's pinyin.
enum class PinyinMatch { none, prefix, initials, full };

// `typed` is compared without case, spaces, apostrophes or tone marks: "zhangsan", "Zhang San"
// and "zhang'san" are full matches of 张三, "zs" matches its initials, "zhangs" is a prefix.
// Typed text that is not Latin letters never matches.
PinyinMatch match_pinyin(std::string_view typed, std::string_view name_pinyin);

// Orders names as a Chinese reader expects: by pinyin (ICU's "zh" collator: 阿 < 李 < 张),
// Latin after Han; equal names compare equal (callers break ties, e.g. by student id).
int compare_pinyin(std::string_view a, std::string_view b);
inline bool pinyin_less(std::string_view a, std::string_view b) { return compare_pinyin(a, b) < 0; }

}  // namespace dormlink::util
