#include "cli/man_texts.hpp"

#include <set>

#include "cli/man_texts_table.hpp"
#include "cli/shell.hpp"

namespace dormlink::cli {
namespace {

constexpr std::string_view k_every_command = "*";

// The key of an option in the table: its name as help shows it.
std::string option_key(const CLI::Option& option) { return option.get_name(); }

bool is_help_flag(const CLI::App& owner, const CLI::Option& option) { return owner.get_help_ptr() == &option; }

// Calls `visit(path, option_key)` for every command ("" key) and every option the help shows.
template <typename Visit>
void each_text(const CLI::App& app, const Visit& visit) {
  const std::string path = command_path(app);
  visit(path, std::string());
  for (const CLI::Option* option : visible_options(app)) {
    visit(is_help_flag(app, *option) ? std::string(k_every_command) : path, option_key(*option));
  }
  for (const CLI::App* sub : visible_commands(app)) each_text(*sub, visit);
}

}  // namespace

std::span<const ManText> man_texts() {
  static const std::vector<ManText> all = [] {
    std::vector<ManText> texts(man_texts_first().begin(), man_texts_first().end());
    texts.insert(texts.end(), man_texts_second().begin(), man_texts_second().end());
    return texts;
  }();
  return all;
}

const char* chinese_text(std::string_view command, std::string_view option) {
  for (const auto& entry : man_texts()) {
    if (entry.command == command && entry.option == option) return entry.text.text();
  }
  return nullptr;
}

std::string command_summary(const CLI::App& app, Language language) {
  if (language == Language::zh) {
    if (const char* text = chinese_text(command_path(app), "")) return text;
  }
  return app.get_description();
}

std::string option_help(const CLI::App& owner, const CLI::Option& option, Language language) {
  if (language == Language::zh) {
    const std::string command = is_help_flag(owner, option) ? std::string(k_every_command) : command_path(owner);
    if (const char* text = chinese_text(command, option_key(option))) return text;
  }
  return option.get_description();
}

std::vector<std::string> missing_chinese_texts(const CLI::App& root) {
  std::vector<std::string> missing;
  std::set<std::string> seen;
  each_text(root, [&](const std::string& command, const std::string& option) {
    const std::string key = command + (command.empty() || option.empty() ? "" : " ") + option;
    if (chinese_text(command, option) == nullptr && seen.insert(key).second) {
      missing.push_back(key.empty() ? std::string("dormlink") : key);
    }
  });
  return missing;
}

std::vector<std::string> unused_chinese_texts(const CLI::App& root) {
  std::set<std::pair<std::string, std::string>> used;
  each_text(root, [&used](const std::string& command, const std::string& option) { used.insert({command, option}); });
  std::vector<std::string> unused;
  for (const auto& entry : man_texts()) {
    const bool notes = entry.option == "(notes)" && used.count({std::string(entry.command), ""}) != 0;
    if (!notes && used.count({std::string(entry.command), std::string(entry.option)}) == 0) {
      unused.push_back(std::string(entry.command) + " " + std::string(entry.option));
    }
  }
  return unused;
}

}  // namespace dormlink::cli
