// dormlink init: creates the database and, when absent, a commented dormlink.toml.
#include <fmt/ostream.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "cli/messages.hpp"
#include "dormlink/error.hpp"
#include "dormlink/util/timezone.hpp"

namespace dormlink::cli {
namespace {

constexpr const char* k_examples = R"(Examples:
  dormlink init                                  # ./dormlink.db and ./dormlink.toml
  dormlink --db college.db --config college.toml init
  dormlink --as-of 2026-09-01 init               # draft the calendar of that academic year)";

// init's refusal (docs/messages.md); its status lines are in cli/messages.hpp.
namespace say {
inline constexpr Message db_exists{"{} already exists; init never overwrites a database (choose another --db path)",
                                   "{} 已存在；init 从不覆盖数据库（请换一个 --db 路径）"};
}  // namespace say

// A default config whose calendar is a draft of the current academic year.
std::string draft_config_text(Context& ctx) {
  Config config;
  auto today = ctx.options().as_of.empty() ? util::local_date(config.college.time_zone, ctx.env().now) : ctx.today();
  config.calendar = draft_calendar(today);
  return "# The semesters below are a draft: check them against the college calendar.\n" + render_config(config);
}

int run_init(Context& ctx) {
  const auto& config_path = ctx.options().config_path;
  const auto& db_path = ctx.options().db_path;
  if (::access(db_path.c_str(), F_OK) == 0) {
    throw CantCreateError(say::db_exists(db_path));
  }
  bool have_config = ::access(config_path.c_str(), F_OK) == 0;
  if (have_config) ctx.config();  // an existing config must be valid before anything is made
  std::string config_text = have_config ? std::string() : draft_config_text(ctx);
  store::Database::create(db_path);
  if (!have_config) {
    try {
      write_file_atomically(config_path, config_text, 0644, true);
    } catch (const Error&) {
      ::unlink(db_path.c_str());
      throw;
    }
  }
  if (!ctx.options().quiet) {
    const auto config_line = have_config ? msg::kept_config(config_path) : msg::wrote_config(config_path);
    receipt(ctx, msg::created_database(db_path, store::k_schema_version) + config_line);
  }
  return 0;
}

}  // namespace

void add_init_command(CLI::App& root, std::vector<Command>& commands) {
  auto* app = root.add_subcommand("init", "Create the database and a commented config");
  app->footer(k_examples);
  commands.push_back({app, run_init});
}

}  // namespace dormlink::cli
