#include "cli/completion.hpp"

#include <set>
#include <string_view>

#include "cli/man_texts.hpp"
#include "dormlink/language.hpp"

namespace dormlink::cli {
namespace {

bool begins(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

// Where the words typed before the cursor lead: the command they name, the option waiting for
// its value, and the global options they give.
struct Walk {
  const CLI::App* app = nullptr;
  FoundOption pending;       // an option typed without its value yet
  bool only_values = false;  // after "--": every word is a value
  LineOptions line;
};

// --db, --config and --as-of of dormlink itself, as typed.
void remember(Walk& w, const FoundOption& found, const std::string& value) {
  if (found.owner->get_parent() != nullptr) return;
  const std::string name = found.option->get_name();
  if (name == "--db") w.line.db_path = value;
  if (name == "--config") w.line.config_path = value;
  if (name == "--as-of") w.line.as_of = value;
}

void step_option(Walk& w, const std::string& word) {
  const auto equals = word.find('=');
  const FoundOption found = find_option(*w.app, word.substr(0, equals));
  if (found.option == nullptr || !takes_value(*found.option)) return;
  if (equals == std::string::npos) {
    w.pending = found;
  } else {
    remember(w, found, word.substr(equals + 1));
  }
}

Walk walk(const CLI::App& root, const std::vector<std::string>& typed) {
  Walk w;
  w.app = &root;
  for (const auto& word : typed) {
    if (w.pending.option != nullptr) {
      if (word == "=") continue;  // bash alone splits "--format=csv" into three words
      remember(w, w.pending, word);
      w.pending = {};
    } else if (w.only_values) {
      continue;
    } else if (word == "--") {
      w.only_values = true;
    } else if (word.size() > 1 && word[0] == '-') {
      step_option(w, word);
    } else if (const CLI::App* sub = find_command(*w.app, word)) {
      w.app = sub;
    }
  }
  return w;
}

// The values of `option` that begin with `typed`, each written after `prefix` ("--format=").
Completion values_of(const CLI::Option& option, const std::string& typed, const std::string& prefix,
                     const ValueLookup& lookup) {
  const ValueSpec spec = value_spec(option);
  Completion completion;
  switch (spec.kind) {
    case ValueKind::fixed:
      for (const auto& word : spec.words) {
        if (begins(word, typed)) completion.candidates.push_back({prefix + word, ""});
      }
      break;
    case ValueKind::file:
      if (prefix.empty()) completion.directive = Directive::files;
      break;
    case ValueKind::directory:
      if (prefix.empty()) completion.directive = Directive::directories;
      break;
    case ValueKind::member:
    case ValueKind::dorm:
    case ValueKind::counselor:
      for (auto& candidate : lookup(spec.kind)) {
        if (begins(candidate.word, typed))
          completion.candidates.push_back({prefix + candidate.word, candidate.description});
      }
      break;
    case ValueKind::none:
    case ValueKind::text:
      break;
  }
  return completion;
}

// The options valid at `app` (its own, then those of the commands above it) that begin with
// `typed`, each once.
Completion options_of(const CLI::App& app, const std::string& typed) {
  Completion completion;
  std::set<std::string> seen;
  for (const CLI::App* a = &app; a != nullptr; a = a->get_parent()) {
    for (const CLI::Option* option : visible_options(*a)) {
      if (!option->nonpositional()) continue;
      const std::string name = option->get_name();
      if (!begins(name, typed) || !seen.insert(name).second) continue;
      completion.candidates.push_back({name, option_help(*a, *option, message_language())});
    }
  }
  return completion;
}

// After a command: its subcommands, else the values of its first positional, else its options.
Completion after_command(const CLI::App& app, const std::string& typed, const ValueLookup& lookup) {
  Completion completion;
  for (const CLI::App* sub : visible_commands(app)) {
    if (begins(sub->get_name(), typed)) {
      completion.candidates.push_back({sub->get_name(), command_summary(*sub, message_language())});
    }
  }
  if (!completion.candidates.empty() || !visible_commands(app).empty()) return completion;
  for (const CLI::Option* option : visible_options(app)) {
    if (!option->nonpositional()) return values_of(*option, typed, "", lookup);
  }
  return options_of(app, typed);
}

}  // namespace

LineOptions options_on_line(const CLI::App& root, const std::vector<std::string>& words) {
  return walk(root, words).line;
}

Completion complete_words(const CLI::App& root, std::vector<std::string> words, const ValueLookup& lookup) {
  const std::string current = words.empty() ? std::string() : words.back();
  if (!words.empty()) words.pop_back();
  const Walk w = walk(root, words);
  if (w.pending.option != nullptr) return values_of(*w.pending.option, current == "=" ? "" : current, "", lookup);
  if (!w.only_values && begins(current, "-")) {
    const auto equals = current.find('=');
    if (equals == std::string::npos) return options_of(*w.app, current);
    const FoundOption found = find_option(*w.app, current.substr(0, equals));
    if (found.option == nullptr || !takes_value(*found.option)) return {};
    return values_of(*found.option, current.substr(equals + 1), current.substr(0, equals + 1), lookup);
  }
  return after_command(*w.app, current, lookup);
}

}  // namespace dormlink::cli
