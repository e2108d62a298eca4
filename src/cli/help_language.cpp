#include "cli/help_language.hpp"

#include <string>
#include <string_view>

#include <fmt/format.h>

#include "cli/man_texts.hpp"
#include "cli/shell.hpp"

namespace dormlink::cli {
namespace {

struct Label {
  const char* key;
  ChineseText text;
};

// CLI11's formatter labels and the default group names.
constexpr Label k_labels[] = {
    {"Usage", "用法"},           {"OPTIONS", "选项"}, {"SUBCOMMAND", "子命令"},     {"SUBCOMMANDS", "子命令"},
    {"REQUIRED", "必需"},        {"Needs", "需要"},   {"Excludes", "不能与之同用"}, {"Env", "环境变量"},
    {"Positionals", "位置参数"},
};
constexpr ChineseText k_options_group{"选项"};
constexpr ChineseText k_commands_group{"子命令"};
constexpr ChineseText k_examples{"示例："};
constexpr ChineseText k_english_notes{"更多说明见英文帮助：dormlink --lang en help"};

// The footer in Chinese: the Chinese notes (or where to read the English ones), then the
// examples as typed: the indented lines after "Examples:", blank lines between them kept.
std::string chinese_footer(const CLI::App& app, std::string_view footer) {
  std::string notes;
  std::string examples;
  bool in_examples = false;
  while (!footer.empty()) {
    const auto newline = footer.find('\n');
    const std::string_view line = footer.substr(0, newline);
    footer.remove_prefix(newline == std::string_view::npos ? footer.size() : newline + 1);
    if (line.rfind("Examples:", 0) == 0) {
      in_examples = true;
    } else if (in_examples && (line.empty() || line.front() == ' ')) {
      examples += fmt::format("\n{}", line);
    } else {
      in_examples = false;
      notes += line;
    }
  }
  std::string out;
  if (notes.find_first_not_of(' ') != std::string::npos) {
    const std::string path = command_path(app);
    const char* chinese = chinese_text(path, "(notes)");
    out = chinese != nullptr ? std::string(chinese)
                             : fmt::format("{}{}{}", k_english_notes.text(), path.empty() ? "" : " ", path);
  }
  while (!examples.empty() && examples.back() == '\n') examples.pop_back();
  if (!examples.empty()) out += fmt::format("{}{}{}", out.empty() ? "" : "\n\n", k_examples.text(), examples);
  return out;
}

void translate(CLI::App& app) {
  app.description(command_summary(app, Language::zh));
  if (!app.get_footer().empty()) app.footer(chinese_footer(app, app.get_footer()));
  for (CLI::Option* option : app.get_options()) {
    option->description(option_help(app, *option, Language::zh));
    if (option->get_group() == "Options") option->group(k_options_group.text());
  }
  for (CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_group() == "Subcommands") sub->group(k_commands_group.text());
    translate(*sub);
  }
}

}  // namespace

void translate_help(CLI::App& root, Language language) {
  if (language != Language::zh) return;
  for (const auto& label : k_labels) root.get_formatter()->label(label.key, label.text.text());
  translate(root);
}

}  // namespace dormlink::cli
