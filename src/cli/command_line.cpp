#include "cli/command_line.hpp"

#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "cli/help_language.hpp"
#include "cli/messages.hpp"
#include "dormlink/error.hpp"
#include "dormlink/message.hpp"

namespace dormlink::cli {
namespace {

// Optimal string alignment distance (edits and adjacent transpositions), ASCII command names.
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

std::vector<std::string> names_of(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  return names;
}

// True for an option of `app` that takes a value in the next word ("--db PATH", not "--db=PATH").
bool takes_next_word(const CLI::App& app, const std::string& word) {
  if (word.find('=') != std::string::npos) return false;
  const CLI::Option* option = nullptr;
  try {
    option = app.get_option_no_throw(word);
  } catch (const CLI::Error&) {
    return false;
  }
  return option != nullptr && option->get_type_size() != 0 && option->get_expected_min() > 0;
}

bool has_positionals(const CLI::App& app) {
  const auto options = app.get_options([](const CLI::Option* o) { return o->get_positional(); });
  return !options.empty();
}

std::string unknown_at(const std::string& parent, const std::string& typed, const std::vector<std::string>& names) {
  const auto near = nearest_name(typed, names);
  if (parent.empty()) {
    return near ? msg::unknown_command_suggest(typed, *near) : msg::unknown_command(typed, fmt::join(names, ", "));
  }
  return near ? msg::unknown_subcommand_suggest(parent, typed, parent, *near, parent)
              : msg::unknown_subcommand(parent, typed, fmt::join(names, ", "));
}

}  // namespace

std::optional<Language> language_on_command_line(const std::vector<std::string>& args) {
  std::optional<Language> found;
  for (std::size_t i = 1; i < args.size(); ++i) {
    std::string value;
    if (args[i] == "--lang" && i + 1 < args.size()) {
      value = args[i + 1];
    } else if (args[i].rfind("--lang=", 0) == 0) {
      value = args[i].substr(7);
    }
    if (value == "zh") found = Language::zh;
    if (value == "en") found = Language::en;
  }
  return found;
}

std::optional<Language> messages_language_from(const std::optional<std::string>& variable) {
  if (variable == "zh") return Language::zh;
  if (variable == "en") return Language::en;
  return std::nullopt;
}

std::optional<std::string> nearest_name(std::string_view typed, const std::vector<std::string>& names) {
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  bool tie = false;
  for (const auto& name : names) {
    const std::size_t limit = name.size() >= 6 ? 2 : 1;
    const std::size_t d = distance(typed, name);
    if (d > limit) continue;
    if (!best || d < best_distance) {
      best = name;
      best_distance = d;
      tie = false;
    } else if (d == best_distance) {
      tie = true;
    }
  }
  if (best && !tie) return best;
  std::vector<std::string> prefixed;
  if (typed.size() >= 2) {
    for (const auto& name : names)
      if (name.rfind(typed, 0) == 0) prefixed.push_back(name);
  }
  if (prefixed.size() == 1) return prefixed.front();
  return std::nullopt;
}

std::optional<std::string> unknown_command(const CLI::App& root, const std::vector<std::string>& args) {
  const CLI::App* app = &root;
  std::string path;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& word = args[i];
    if (word == "--") return std::nullopt;
    if (word.size() > 1 && word[0] == '-') {
      if (takes_next_word(*app, word)) ++i;
      continue;
    }
    const auto names = names_of(*app);
    if (names.empty()) return std::nullopt;
    const CLI::App* sub = nullptr;
    for (const CLI::App* candidate : app->get_subcommands({}))
      if (candidate->check_name(word)) sub = candidate;
    if (sub == nullptr) {
      if (app != &root && has_positionals(*app)) return std::nullopt;  // a value, not a command
      return unknown_at(path, word, names);
    }
    path = path.empty() ? sub->get_name() : path + " " + sub->get_name();
    app = sub;
  }
  return std::nullopt;
}

namespace {

struct HelpOptions {
  std::vector<std::string> words;
};

int run_help(Context& ctx, CLI::App& root, const HelpOptions& o) {
  translate_help(root, message_language());
  const CLI::App* app = &root;
  std::vector<std::string> line{"dormlink"};
  for (const auto& word : o.words) {
    const CLI::App* sub = nullptr;
    for (const CLI::App* candidate : app->get_subcommands({}))
      if (candidate->check_name(word)) sub = candidate;
    if (sub == nullptr)
      throw UsageError(
          unknown_at(fmt::format("{}", fmt::join(line.begin() + 1, line.end(), " ")), word, names_of(*app)));
    line.push_back(sub->get_name());
    app = sub;
  }
  // The formatter itself: App::help would show the help of the command parsed, `help`.
  ctx.out() << app->get_formatter()->make_help(app, fmt::format("{}", fmt::join(line, " ")),
                                               CLI::AppFormatMode::Normal);
  return 0;
}

}  // namespace

void add_help_command(CLI::App& root, std::vector<Command>& commands) {
  auto* app = root.add_subcommand("help", msg::help_summary.text(Language::en));
  auto o = std::make_shared<HelpOptions>();
  app->add_option("COMMAND", o->words, "A command, and its subcommand: e.g. report summary");
  app->footer("Examples:\n  dormlink help\n  dormlink help check\n  dormlink help report summary");
  commands.push_back({app, [o, &root](Context& ctx) { return run_help(ctx, root, *o); }});
}

}  // namespace dormlink::cli
