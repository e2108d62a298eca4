// dormlink completion bash|zsh: the completion script, which asks the binary itself at each
// Tab (the hidden `dormlink __complete`), so commands, options and values are always those of
// the binary installed, and members, dorms and counselors those of the database the line names.
#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <set>
#include <sstream>

#include "cli/completion.hpp"
#include "cli/context.hpp"
#include "cli/shell_messages.hpp"
#include "dormlink/error.hpp"
#include "dormlink/store/roster_query.hpp"

namespace dormlink::cli {
namespace {

// Each script runs `dormlink __complete`, whose first line says what to do with the others:
// offer them (words), or complete file or directory names (files, dirs).
constexpr const char* k_bash_script = R"(# bash completion for dormlink (dormlink completion bash; docs/shell.md)
_dormlink() {
    local cur words cword
    if declare -F _get_comp_words_by_ref >/dev/null 2>&1; then
        _get_comp_words_by_ref -n =: cur words cword
    else
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
        cur=${COMP_WORDS[COMP_CWORD]}
    fi
    local -a lines
    mapfile -t lines < <("${words[0]}" __complete -- "${words[@]:1:cword}" 2>/dev/null)
    local IFS=$'\n'
    COMPREPLY=()
    case ${lines[0]-} in
        files)
            compopt -o filenames 2>/dev/null
            COMPREPLY=($(compgen -f -- "$cur")) ;;
        dirs)
            compopt -o filenames 2>/dev/null
            COMPREPLY=($(compgen -d -- "$cur")) ;;
        words)
            COMPREPLY=("${lines[@]:1}")
            # bash replaces only what follows the last = or : of the word
            if [[ $cur == *[=:]* ]]; then
                local prefix=${cur%"${cur##*[=:]}"}
                COMPREPLY=("${COMPREPLY[@]#"$prefix"}")
            fi ;;
    esac
    return 0
}
complete -F _dormlink dormlink
)";

constexpr const char* k_zsh_script = R"(#compdef dormlink
# zsh completion for dormlink (dormlink completion zsh; docs/shell.md)
_dormlink() {
  local -a lines candidates
  lines=("${(@f)$("${words[1]}" __complete --zsh -- "${(@)words[2,CURRENT]}" 2>/dev/null)}")
  case ${lines[1]} in
    files) _files ;;
    dirs) _files -/ ;;
    words)
      candidates=("${(@)lines[2,-1]}")
      (( ${#candidates} )) && _describe -t values dormlink candidates ;;
  esac
}
if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then
  _dormlink "$@"
else
  compdef _dormlink dormlink
fi
)";

struct CompletionOptions {
  std::string shell;
  std::string output;
};

int run_completion(Context& ctx, const CompletionOptions& o) {
  const std::string script = o.shell == "zsh" ? k_zsh_script : k_bash_script;
  if (o.output.empty() || o.output == "-") {
    ctx.out() << script;
    return 0;
  }
  check_output_path(ctx, o.output, true);
  write_file_atomically(o.output, script, 0644, false);
  if (!ctx.options().quiet) ctx.err() << msg::wrote_completion(o.shell, o.output);
  return 0;
}

// Everyone of one kind on the rosters of the day: word and what it names, each word once.
std::vector<Candidate> candidates_of(const roster::Snapshot& rosters, ValueKind kind) {
  std::vector<Candidate> found;
  if (kind == ValueKind::member) {
    for (const auto& s : rosters.students) {
      if (!is_member(s.facts.status)) continue;
      found.push_back({s.student_id, s.facts.name});
      found.push_back({s.facts.name, s.student_id});
    }
  } else if (kind == ValueKind::dorm) {
    for (const auto& d : rosters.dorms) found.push_back({d.dorm.code(), ""});
  } else if (kind == ValueKind::counselor) {
    for (const auto& s : rosters.staff) {
      if (s.role != StaffRole::counselor) continue;
      found.push_back({s.staff_id, s.facts.name});
      found.push_back({s.facts.name, s.staff_id});
    }
  }
  std::set<std::string> seen;
  std::erase_if(found, [&seen](const Candidate& c) { return !seen.insert(c.word).second; });
  return found;
}

// The database the line names (--db, else as every command finds it), read on the line's
// --as-of or today; nothing when it cannot be read: a Tab never prints an error.
std::vector<Candidate> database_values(Context& ctx, const LineOptions& line, ValueKind kind) {
  GlobalOptions options;
  options.db_path = line.db_path.empty() ? ctx.options().db_path : line.db_path;
  options.config_path = line.config_path.empty() ? ctx.options().config_path : line.config_path;
  options.as_of = line.as_of.empty() ? ctx.options().as_of : line.as_of;
  std::ostringstream ignored;
  Context inner(std::move(options), ctx.env(), ignored, ignored);
  try {
    Date date{std::chrono::floor<std::chrono::days>(ctx.env().now)};
    try {
      date = inner.today();
    } catch (const Error&) {  // no config: the rosters of today in UTC
    }
    auto db = inner.open_database(store::OpenMode::read_only);
    return candidates_of(store::load_roster(db, date), kind);
  } catch (const std::exception&) {  // no database, or not one of ours: offer nothing
    return {};
  }
}

struct CompleteOptions {
  bool zsh = false;
  std::vector<std::string> words;
};

std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

// zsh's _describe reads "word:description"; a colon in the word is escaped.
std::string zsh_entry(const Candidate& c) {
  std::string word;
  for (char ch : c.word) word += ch == ':' ? std::string("\\:") : std::string(1, ch);
  return c.description.empty() ? word : word + ":" + one_line(c.description);
}

int run_complete(Context& ctx, const CLI::App& root, const CompleteOptions& o) {
  const LineOptions line = options_on_line(root, o.words);
  const auto lookup = [&ctx, &line](ValueKind kind) { return database_values(ctx, line, kind); };
  const Completion completion = complete_words(root, o.words, lookup);
  static constexpr const char* k_directives[] = {"words", "files", "dirs"};
  std::string text = std::string(k_directives[static_cast<int>(completion.directive)]) + "\n";
  for (const auto& c : completion.candidates) text += (o.zsh ? zsh_entry(c) : c.word) + "\n";
  ctx.out() << text;
  return 0;
}

}  // namespace

void add_completion_commands(CLI::App& root, std::vector<Command>& commands) {
  auto* app = root.add_subcommand("completion", "Print the bash or zsh completion script");
  auto o = std::make_shared<CompletionOptions>();
  app->add_option("shell", o->shell, "bash or zsh")->required()->check(CLI::IsMember({"bash", "zsh"}));
  app->add_option("-o,--output", o->output, "Write the script to this file (mode 0644) instead of stdout")
      ->type_name("FILE");
  app->footer(
      "Completes commands, options, fixed values (--format, --lang, --kind, ...) and the members, dorms and "
      "counselors of the database the line names (--db, else DORMLINK_DB, else ./dormlink.db); docs/shell.md.\n\n"
      "Examples:\n"
      "  source <(dormlink completion bash)                  # this bash session; or ~/.bashrc\n"
      "  dormlink completion zsh -o ~/.zfunc/_dormlink       # with fpath=(~/.zfunc $fpath) before compinit");
  commands.push_back({app, [o](Context& ctx) { return run_completion(ctx, *o); }});

  auto* complete = root.add_subcommand("__complete", "What the completion scripts ask: candidates for WORD...");
  complete->group("");
  auto c = std::make_shared<CompleteOptions>();
  complete->add_flag("--zsh", c->zsh, "word:description lines");
  complete->add_option("words", c->words, "The words after dormlink, the last one being typed");
  commands.push_back({complete, [c, &root](Context& ctx) { return run_complete(ctx, root, *c); }});
}

}  // namespace dormlink::cli
