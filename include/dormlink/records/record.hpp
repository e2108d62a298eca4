#pragma once
// One record of a member's work (docs/records.md): its kind, the hashed row and the
// purgeable personal content, and their canonical encodings for the hash chain.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dormlink/model.hpp"

namespace dormlink::records {

// What a record is about. REQUIREMENTS §2-3: 走访, 谈心, 座谈会, 寝室活动, 新生入学教育,
// 知党爱党教育, 培养积极分子; excused absences, incidents, plans, summaries; and the records
// that correct, withdraw or purge another.
enum class Kind {
  visit,
  talk,
  symposium,
  activity,
  orientation,
  education,
  cultivation,
  other,
  excused,
  incident,
  plan,
  summary,
  correction,
  withdrawal,
  purge,
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

// REQUIREMENTS §2 incidents to stop and report at once (第一时间).
enum class IncidentCategory {
  gambling,
  fighting,
  internet_addiction,
  overnight_absence,
  banned_appliance,
  unexcused_absence,
  other_violation,
  emergency,
};
enum class Severity { low, medium, high };

std::string_view key(IncidentCategory category);
std::string_view label_zh(IncidentCategory category);
std::string_view key(Severity severity);
// From the key or Chinese name (赌博, 打架, 上网成瘾, 私自在外住宿, 使用违规电器, 无故旷课, 其他违纪, 突发事件).
std::optional<IncidentCategory> parse_incident_category(std::string_view text);
// From low/medium/high or 轻/一般/严重 (also 低/中/高).
std::optional<Severity> parse_severity(std::string_view text);

// What an incident record adds: category, severity, to whom and when it was reported.
struct Incident {
  IncidentCategory category = IncidentCategory::other_violation;
  std::optional<Severity> severity;
  std::optional<StaffRole> reported_to;
  std::optional<std::string> reported_at;  // local "YYYY-MM-DD HH:MM"

  bool operator==(const Incident&) const = default;
};

// The returned form file a record was read from (docs/forms.md): its import, the file's
// SHA-256 and the form id dormlink wrote into it (empty for a form typed from scratch).
struct FormSource {
  std::int64_t import_id = 0;
  std::string sha256;  // 64 hex digits
  std::string form_id;

  bool operator==(const FormSource&) const = default;
};

// The id written into a blank form for `member`'s form of `period` (docs/forms.md): the first
// 16 hex digits of SHA-256 over the database's form secret, the member, semester and period.
// The same database gives the same id; another database, member or period a different one.
std::string make_form_id(std::string_view secret, std::string_view member_id, std::string_view semester_id, int period);

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
  std::optional<Incident> incident;   // exactly for kind incident; happened_at is when it was found
  std::optional<FormSource> form;     // read from a returned form file (hashed only when present)
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

// The same encodings written into `out`, replacing what it held but keeping its capacity, so
// that a loop over a million records (verify) allocates nothing per row.
void canonical_content_into(const Content& content, std::string& out);
void canonical_row_into(const Row& row, std::string_view content_digest_hex, std::string& out);

}  // namespace dormlink::records
