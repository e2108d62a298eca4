#include "dormlink/records/record.hpp"

#include <array>

#include "dormlink/records/chain.hpp"

namespace dormlink::records {
namespace {

struct KindSpelling {
  Kind kind;
  std::string_view key;
  std::string_view zh;
  std::array<std::string_view, 5> variants;
};

constexpr std::array<KindSpelling, 15> k_kinds{{
    {Kind::visit, "visit", "走访", {"走访寝室", "寝室走访", "", "", ""}},
    {Kind::talk, "talk", "谈心", {"个别交流", "谈心谈话", "谈话", "个别谈心", "交流谈心"}},
    {Kind::symposium, "symposium", "座谈会", {"座谈", "寝室座谈会", "召开座谈会", "", ""}},
    {Kind::activity, "activity", "参与寝室活动", {"寝室活动", "参加寝室活动", "活动", "", ""}},
    {Kind::orientation, "orientation", "新生入学教育", {"入学教育", "", "", "", ""}},
    {Kind::education, "education", "知党爱党教育", {"政策宣传", "思想教育", "知党爱党", "党史教育", ""}},
    {Kind::cultivation, "cultivation", "培养入党积极分子", {"培养积极分子", "积极分子培养", "", "", ""}},
    {Kind::other, "other", "其他", {"", "", "", "", ""}},
    {Kind::excused, "excused", "因故未走访", {"请假", "寝室无人", "", "", ""}},
    {Kind::incident, "incident", "特殊情况", {"突发事件", "", "", "", ""}},
    {Kind::plan, "plan", "工作计划", {"计划", "", "", "", ""}},
    {Kind::summary, "summary", "学期总结", {"总结", "", "", "", ""}},
    {Kind::correction, "correction", "更正", {"", "", "", "", ""}},
    {Kind::withdrawal, "withdrawal", "撤回", {"", "", "", "", ""}},
    {Kind::purge, "purge", "隐私清除", {"", "", "", "", ""}},
}};

struct ChannelSpelling {
  Channel channel;
  std::string_view key;
  std::string_view zh;
  std::array<std::string_view, 5> variants;
};

constexpr std::array<ChannelSpelling, 4> k_channels{{
    {Channel::in_person, "in_person", "当面", {"面谈", "现场", "in person", "面对面", "线下"}},
    {Channel::phone, "phone", "电话", {"打电话", "电话联系", "通话", "", ""}},
    {Channel::wechat, "wechat", "微信", {"QQ", "qq", "微信联系", "微信聊天", ""}},
    {Channel::other, "other", "其他", {"线上", "视频", "网络", "", ""}},
}};

}  // namespace

std::string_view key(Kind kind) {
  for (const auto& s : k_kinds) {
    if (s.kind == kind) return s.key;
  }
  return "other";
}

std::string_view label_zh(Kind kind) {
  for (const auto& s : k_kinds) {
    if (s.kind == kind) return s.zh;
  }
  return "其他";
}

std::string_view key(Channel channel) {
  for (const auto& s : k_channels) {
    if (s.channel == channel) return s.key;
  }
  return "other";
}

std::string_view label_zh(Channel channel) {
  for (const auto& s : k_channels) {
    if (s.channel == channel) return s.zh;
  }
  return "其他";
}

std::optional<Kind> parse_kind(std::string_view text) {
  for (const auto& s : k_kinds) {
    if (text == s.key || text == s.zh) return s.kind;
    for (auto v : s.variants) {
      if (!v.empty() && text == v) return s.kind;
    }
  }
  return std::nullopt;
}

std::optional<Channel> parse_channel(std::string_view text) {
  for (const auto& s : k_channels) {
    if (text == s.key || text == s.zh) return s.channel;
    for (auto v : s.variants) {
      if (!v.empty() && text == v) return s.channel;
    }
  }
  return std::nullopt;
}

namespace {

struct IncidentSpelling {
  IncidentCategory category;
  std::string_view key;
  std::string_view zh;
  std::string_view variant;
};

constexpr std::array<IncidentSpelling, 8> k_incidents{{
    {IncidentCategory::gambling, "gambling", "赌博", ""},
    {IncidentCategory::fighting, "fighting", "打架", "斗殴"},
    {IncidentCategory::internet_addiction, "internet_addiction", "上网成瘾", "沉迷网络"},
    {IncidentCategory::overnight_absence, "overnight_absence", "私自在外住宿", "夜不归宿"},
    {IncidentCategory::banned_appliance, "banned_appliance", "使用违规电器", "违规电器"},
    {IncidentCategory::unexcused_absence, "unexcused_absence", "无故旷课", "旷课"},
    {IncidentCategory::other_violation, "other_violation", "其他违纪", "违反校纪校规"},
    {IncidentCategory::emergency, "emergency", "突发事件", "一般性突发事件"},
}};

constexpr std::array<std::pair<Severity, std::array<std::string_view, 4>>, 3> k_severities{{
    {Severity::low, {"low", "轻", "低", "轻微"}},
    {Severity::medium, {"medium", "一般", "中", "较重"}},
    {Severity::high, {"high", "严重", "高", "重"}},
}};

}  // namespace

std::string_view key(IncidentCategory category) {
  for (const auto& s : k_incidents) {
    if (s.category == category) return s.key;
  }
  return "other_violation";
}

std::string_view label_zh(IncidentCategory category) {
  for (const auto& s : k_incidents) {
    if (s.category == category) return s.zh;
  }
  return "其他违纪";
}

std::string_view key(Severity severity) { return k_severities[static_cast<std::size_t>(severity)].second[0]; }

std::optional<IncidentCategory> parse_incident_category(std::string_view text) {
  for (const auto& s : k_incidents) {
    if (text == s.key || text == s.zh || (!s.variant.empty() && text == s.variant)) return s.category;
  }
  return std::nullopt;
}

std::optional<Severity> parse_severity(std::string_view text) {
  for (const auto& [severity, names] : k_severities) {
    for (auto name : names) {
      if (text == name) return severity;
    }
  }
  return std::nullopt;
}

bool is_contact(Kind kind) {
  switch (kind) {
    case Kind::visit:
    case Kind::talk:
    case Kind::symposium:
    case Kind::activity:
    case Kind::orientation:
    case Kind::education:
    case Kind::cultivation:
    case Kind::incident:
      return true;
    default:
      return false;
  }
}

bool points_at_record(Kind kind) { return kind == Kind::correction || kind == Kind::withdrawal || kind == Kind::purge; }

namespace {

void optional_field(Canonical& c, std::string_view name, const std::optional<std::string>& value) {
  if (value) {
    c.field(name, *value);
  } else {
    c.null_field(name);
  }
}

// A key field that may be absent (channel, severity, reported_to).
template <typename Key>
void optional_key(Canonical& c, std::string_view name, const std::optional<Key>& value) {
  if (value) {
    c.field(name, key(*value));
  } else {
    c.null_field(name);
  }
}

}  // namespace

std::string make_form_id(std::string_view secret, std::string_view member_id, std::string_view semester_id,
                         int period) {
  Canonical c;
  c.field("form_secret", secret);
  c.field("member_id", member_id);
  c.field("semester_id", semester_id);
  c.field("period", static_cast<std::int64_t>(period));
  return to_hex(sha256(c.bytes())).substr(0, 16);
}

void canonical_content_into(const Content& content, std::string& out) {
  Canonical c(std::move(out));
  optional_field(c, "progress", content.progress);
  optional_field(c, "note", content.note);
  optional_field(c, "details", content.details);
  out = std::move(c).release();
}

std::string canonical_content(const Content& content) {
  std::string out;
  canonical_content_into(content, out);
  return out;
}

void canonical_row_into(const Row& row, std::string_view content_digest_hex, std::string& out) {
  Canonical c(std::move(out));
  c.field("id", row.id);
  c.field("kind", key(row.kind));
  c.field("member_id", row.member_id);
  optional_field(c, "dorm_code", row.dorm_code);
  c.field("semester_id", row.semester_id);
  c.field("happened_at", row.happened_at);
  c.field("entered_at", row.entered_at);
  c.field("entered_by", row.entered_by);
  optional_key(c, "channel", row.channel);
  if (row.corrects) {
    c.field("corrects", *row.corrects);
  } else {
    c.null_field("corrects");
  }
  c.field("reason", row.reason);
  c.field("off_assignment", static_cast<std::int64_t>(row.off_assignment ? 1 : 0));
  c.field("students", static_cast<std::int64_t>(row.students.size()));
  for (const auto& s : row.students) c.field("student", s);
  if (row.incident) {
    const auto& i = *row.incident;
    c.field("incident_category", key(i.category));
    optional_key(c, "severity", i.severity);
    if (i.reported_to) {
      c.field("reported_to", dormlink::key(*i.reported_to));
    } else {
      c.null_field("reported_to");
    }
    optional_field(c, "reported_at", i.reported_at);
  } else {
    c.null_field("incident_category");
  }
  c.field("content_digest", content_digest_hex);
  // Appended only when present, so the hashes of records typed in are those of schema 6.
  if (row.form) {
    c.field("form_import", row.form->import_id);
    c.field("form_sha256", row.form->sha256);
    c.field("form_id", row.form->form_id);
  }
  out = std::move(c).release();
}

std::string canonical_row(const Row& row, std::string_view content_digest_hex) {
  std::string out;
  canonical_row_into(row, content_digest_hex, out);
  return out;
}

}  // namespace dormlink::records
