#include "cli/context.hpp"

#include <cstdlib>
#include <filesystem>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "cli/command_line.hpp"
#include "cli/messages.hpp"
#include "dormlink/error.hpp"
#include "dormlink/message.hpp"
#include "dormlink/util/timezone.hpp"

namespace dormlink::cli {
namespace {

std::string from_option_env_default(const std::string& option, const Environment& env, const char* variable,
                                    const char* fallback) {
  if (!option.empty()) return option;
  if (auto value = env.read_env(variable); value && !value->empty()) return *value;
  return fallback;
}

// Fault injection for the end-to-end tests (tests/cli/test_e2e_faults.cpp): a marker file that
// exists while a write transaction is open, and a pause before COMMIT. Unset in normal use.
store::TestHooks test_hooks_from(const Environment& env) {
  store::TestHooks hooks;
  if (auto marker = env.read_env("DORMLINK_TEST_TXN_MARKER")) hooks.txn_marker = *marker;
  if (auto pause = env.read_env("DORMLINK_TEST_TXN_PAUSE_MS"); pause && !pause->empty()) {
    hooks.txn_pause_ms = std::atoi(pause->c_str());
  }
  return hooks;
}

}  // namespace

Context::Context(GlobalOptions options, const Environment& env, std::ostream& out, std::ostream& err)
    : m_options(std::move(options)), m_env(env), m_out(out), m_err(err) {
  m_options.db_path = from_option_env_default(m_options.db_path, env, "DORMLINK_DB", "dormlink.db");
  m_options.config_path = from_option_env_default(m_options.config_path, env, "DORMLINK_CONFIG", "dormlink.toml");
}

const Config& Context::config() {
  if (!m_config) m_config = std::make_unique<Config>(load_config_file(m_options.config_path));
  return *m_config;
}

Date Context::today() {
  if (!m_options.as_of.empty()) {
    auto date = parse_iso_date(m_options.as_of);
    if (!date) {
      throw UsageError(msg::as_of_not_date(quote_value(m_options.as_of)));
    }
    return *date;
  }
  return real_today();
}

Date Context::real_today() { return util::local_date(config().college.time_zone, m_env.now); }

Context::Input Context::read_input(const std::string& path) {
  const std::uintmax_t max_bytes = static_cast<std::uintmax_t>(config().limits.max_file_mib) * 1024u * 1024u;
  if (path != "-") return {path, read_input_file(path, max_bytes)};
  if (m_env.in == nullptr) throw UsageError(msg::no_stdin());
  return {"<stdin>", read_input_stream(*m_env.in, "standard input", max_bytes)};
}

util::CsvLimits Context::csv_limits() {
  const auto& limits = config().limits;
  return {static_cast<std::size_t>(limits.max_cell_kib) * 1024u, static_cast<std::size_t>(limits.max_columns)};
}

Language Context::message_language() {
  if (m_options.lang == "en") return Language::en;
  if (m_options.lang == "zh") return Language::zh;
  if (const auto chosen = messages_language_from(m_env.read_env("DORMLINK_MESSAGES"))) return *chosen;
  std::error_code ignored;
  if (!std::filesystem::is_regular_file(m_options.config_path, ignored)) return Language::zh;
  try {
    return config().college.language;
  } catch (const Error&) {
    return Language::zh;
  }
}

Language Context::language() {
  if (m_options.lang == "en") return Language::en;
  if (m_options.lang == "zh") return Language::zh;
  return config().college.language;
}

store::Database Context::open_database(store::OpenMode mode) {
  auto db = store::Database::open(m_options.db_path, mode);
  // The database holds personal data: say so when others can read or write it (docs/security.md).
  struct stat st {};
  if (::stat(m_options.db_path.c_str(), &st) == 0 && (st.st_mode & 0066) != 0) {
    m_err << msg::database_readable(m_options.db_path, static_cast<unsigned>(st.st_mode & 07777), m_options.db_path);
  }
  db.set_test_hooks(test_hooks_from(m_env));
  return db;
}

std::string Context::timestamp() { return util::local_timestamp(config().college.time_zone, m_env.now); }

std::string Context::user() const {
  for (const char* name : {"DORMLINK_USER", "USER", "LOGNAME"}) {
    if (auto value = m_env.read_env(name); value && !value->empty()) return *value;
  }
  if (const passwd* pw = ::getpwuid(::getuid()); pw != nullptr && pw->pw_name != nullptr) {
    return pw->pw_name;
  }
  return fmt::format("uid {}", ::getuid());
}

bool prints_result(const Context& ctx, std::string_view format, bool findings) {
  return format == "json" || !ctx.options().quiet || findings;
}

}  // namespace dormlink::cli
