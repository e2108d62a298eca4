#include "codec.hpp"

#include <charconv>

namespace dormlink::store {
namespace {

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> parts;
  if (text.empty()) return parts;
  std::size_t start = 0;
  while (true) {
    auto pos = text.find(sep, start);
    parts.push_back(text.substr(start, pos - start));
    if (pos == std::string::npos) break;
    start = pos + 1;
  }
  return parts;
}

template <typename T, typename Fn>
std::string join(const std::vector<T>& items, char sep, Fn to_text) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += sep;
    out += to_text(item);
  }
  return out;
}

}  // namespace

std::string encode_attention(const std::vector<AttentionCategory>& categories) {
  return join(categories, ';', [](AttentionCategory c) { return std::string(key(c)); });
}

std::vector<AttentionCategory> decode_attention(const std::string& text) {
  std::vector<AttentionCategory> out;
  for (const auto& part : split(text, ';')) {
    if (auto c = attention_from_key(part)) out.push_back(*c);
  }
  return out;
}

std::string encode_cohorts(const std::vector<int>& cohorts) {
  return join(cohorts, ',', [](int c) { return std::to_string(c); });
}

std::vector<int> decode_cohorts(const std::string& text) {
  std::vector<int> out;
  for (const auto& part : split(text, ',')) {
    int value = 0;
    auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
    if (ec == std::errc{} && ptr == part.data() + part.size()) out.push_back(value);
  }
  return out;
}

std::string encode_list(const std::vector<std::string>& items) {
  return join(items, ';', [](const std::string& s) { return s; });
}

std::vector<std::string> decode_list(const std::string& text) { return split(text, ';'); }

roster::StudentFacts read_student_facts(const SQLite::Statement& q, int first) {
  auto col = [&q, first](int i) { return q.getColumn(first + i); };
  roster::StudentFacts f;
  f.name = col(0).getString();
  f.gender = gender_from_key(col(1).getString()).value_or(Gender::female);
  f.major = col(2).getString();
  f.cohort = col(3).getInt();
  f.class_name = col(4).getString();
  f.dorm = col(5).isNull() ? "" : col(5).getString();
  f.phone = col(6).getString();
  f.status = political_status_from_key(col(7).getString()).value_or(PoliticalStatus::masses);
  f.branch = col(8).getString();
  f.attention = decode_attention(col(9).getString());
  f.dorm_head = col(10).getInt() != 0;
  f.email = col(11).getString();
  f.studio = col(12).getInt() != 0;
  return f;
}

DormCode split_dorm_code(const std::string& code) {
  auto pos = code.rfind('-');
  if (pos == std::string::npos) return DormCode{code, ""};
  return DormCode{code.substr(0, pos), code.substr(pos + 1)};
}

records::EffectiveRecord read_effective_record(const SQLite::Statement& q) {
  records::EffectiveRecord r;
  r.id = q.getColumn(0).getInt64();
  r.kind = q.getColumn(1).getString();
  r.member_id = q.getColumn(2).getString();
  r.dorm = text_or_empty(q.getColumn(3));
  r.semester_id = q.getColumn(4).getString();
  r.happened_at = q.getColumn(5).getString();
  r.entered_at = q.getColumn(6).getString();
  r.channel = text_or_empty(q.getColumn(7));
  if (!q.getColumn(8).isNull()) r.corrects = q.getColumn(8).getInt64();
  r.reason = q.getColumn(9).getString();
  r.off_assignment = q.getColumn(10).getInt() != 0;
  r.incident_category = text_or_empty(q.getColumn(11));
  r.severity = text_or_empty(q.getColumn(12));
  r.reported_to = text_or_empty(q.getColumn(13));
  r.reported_at = text_or_empty(q.getColumn(14));
  r.progress = text_or_empty(q.getColumn(15));
  r.note = text_or_empty(q.getColumn(16));
  r.details = text_or_empty(q.getColumn(17));
  r.purged = q.getColumn(18).getInt() != 0;
  return r;
}

}  // namespace dormlink::store
