#include "cli/shell.hpp"

#include <algorithm>
#include <string_view>

#include "dormlink/records/record.hpp"

namespace dormlink::cli {
namespace {

// The type name without its checks' descriptions: "TEXT:{zh,en}" -> "TEXT".
std::string base_type(const CLI::Option& option) {
  const std::string type = option.get_type_name();
  return type.substr(0, type.find(':'));
}

// The values of an IsMember check as its description shows them: "...:{md,json,csv}".
std::vector<std::string> set_values(const CLI::Option& option) {
  const std::string type = option.get_type_name();
  const auto open = type.find(":{");
  const auto close = type.find('}', open);
  if (open == std::string::npos || close == std::string::npos) return {};
  std::vector<std::string> values;
  std::string_view list(type);
  list = list.substr(open + 2, close - open - 2);
  while (!list.empty()) {
    const auto comma = list.find(',');
    std::string_view value = list.substr(0, comma);
    value = value.substr(0, value.find("->"));  // a map shows key->value
    if (!value.empty()) values.emplace_back(value);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return values;
}

// The kinds a member records (not the corrections, withdrawals and purges that point at one).
std::vector<std::string> record_kinds() {
  std::vector<std::string> kinds;
  for (int k = static_cast<int>(records::Kind::visit); k <= static_cast<int>(records::Kind::purge); ++k) {
    const auto kind = static_cast<records::Kind>(k);
    if (!records::points_at_record(kind)) kinds.emplace_back(records::key(kind));
  }
  return kinds;
}

std::vector<std::string> record_channels() {
  std::vector<std::string> channels;
  for (auto channel :
       {records::Channel::in_person, records::Channel::phone, records::Channel::wechat, records::Channel::other}) {
    channels.emplace_back(records::key(channel));
  }
  return channels;
}

// Options whose values the library enumerates or the database holds, by name.
ValueSpec named_value(const std::string& name) {
  if (name == "--kind") return {ValueKind::fixed, record_kinds()};
  if (name == "--channel") return {ValueKind::fixed, record_channels()};
  if (name == "--member") return {ValueKind::member, {}};
  if (name == "--dorm") return {ValueKind::dorm, {}};
  if (name == "--counselor") return {ValueKind::counselor, {}};
  return {ValueKind::text, {}};
}

}  // namespace

std::vector<const CLI::App*> visible_commands(const CLI::App& app) {
  std::vector<const CLI::App*> commands;
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (!sub->get_group().empty()) commands.push_back(sub);
  }
  return commands;
}

std::vector<const CLI::Option*> visible_options(const CLI::App& app) {
  std::vector<const CLI::Option*> named;
  std::vector<const CLI::Option*> positional;
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_group().empty()) continue;
    (option->nonpositional() ? named : positional).push_back(option);
  }
  named.insert(named.end(), positional.begin(), positional.end());
  return named;
}

std::string command_path(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* a = &app; a->get_parent() != nullptr; a = a->get_parent()) names.push_back(a->get_name());
  std::string path;
  for (auto it = names.rbegin(); it != names.rend(); ++it) path += (path.empty() ? "" : " ") + *it;
  return path;
}

FoundOption find_option(const CLI::App& app, const std::string& name) {
  for (const CLI::App* a = &app; a != nullptr; a = a->get_parent()) {
    for (const CLI::Option* option : a->get_options()) {
      if (option->nonpositional() && option->check_name(name)) return {a, option};
    }
  }
  return {};
}

const CLI::App* find_command(const CLI::App& app, const std::string& word) {
  for (const CLI::App* sub : visible_commands(app)) {
    if (sub->check_name(word)) return sub;
  }
  return nullptr;
}

bool takes_value(const CLI::Option& option) { return option.get_type_size() != 0 && option.get_expected_min() > 0; }

ValueSpec value_spec(const CLI::Option& option) {
  if (!takes_value(option)) return {ValueKind::none, {}};
  if (auto values = set_values(option); !values.empty()) return {ValueKind::fixed, std::move(values)};
  const std::string type = base_type(option);
  if (type.rfind("FILE", 0) == 0 || type == "PATH") return {ValueKind::file, {}};
  if (type == "DIR") return {ValueKind::directory, {}};
  return named_value(option.get_name());
}

}  // namespace dormlink::cli
