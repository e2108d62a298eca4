#pragma once
// One record of a member's work (docs/records.md): its kind, the hashed row and the
// purgeable personal content, and their canonical encodings for the hash chain.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dormlink::records {

// What a record is about. REQUIREMENTS §2-3: 走访, 谈心, 座谈会, 寝室活动, 新生入学教育,
// 知党爱党教育, 培养积极分子; excused absences, incidents, plans, summaries; and the records
// that correct, withdraw or purge another.
enum class Kind {
  visit, talk, symposium, activity, orientation, education, cultivation, other,
  excused, incident, plan, summary, correction, withdrawal, purge,
};

// How the contact happened.
enum class Channel { in_person, phone, wechat, other };

std::string_view key(Kind kind);
std::string_view label_zh(Kind kind);
std::string_view key(Channel channel);
std::string_view label_zh(Channel channel);

// Parses a kind from its key or Chinese name (走访, 谈心, 个别交流, 座谈会, ...).
std::optional<Kind> parse_kind(std::string_view text);
// Parses a channel from its key or Chinese name (当面, 面谈, 电话, 微信, ...).
std::optional<Channel> parse_channel(std::string_view text);

// Contacts with a dorm: they need a dorm and count toward duties.
bool is_contact(Kind kind);
// Kinds that point at another record (correction, withdrawal, purge).
bool points_at_record(Kind kind);

// The hashed row of a record (everything but the personal text, which enters as a digest).
struct Row {
  std::int64_t id = 0;
  Kind kind = Kind::visit;
  std::string member_id;
  std::optional<std::string> dorm_code;
  std::string semester_id;
  std::string happened_at;  // local "YYYY-MM-DD HH:MM"
  std::string entered_at;   // local "YYYY-MM-DD HH:MM:SS"
  std::string entered_by;
  std::optional<Channel> channel;
  std::optional<std::int64_t> corrects;
  std::string reason;
  bool off_assignment = false;
  std::vector<std::string> students;  // sorted, unique
};

// The personal text of a record; purgeable without breaking the chain.
struct Content {
  std::optional<std::string> progress;  // 工作进展及成效
  std::optional<std::string> note;      // 说明
  std::optional<std::string> details;   // incident details, follow-ups
};

// Canonical, length-prefixed encodings (records::Canonical) of the content and of the row
// with its content digest (hex): the input of the chain's hash.
std::string canonical_content(const Content& content);
std::string canonical_row(const Row& row, std::string_view content_digest_hex);

}  // namespace dormlink::records
