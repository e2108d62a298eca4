// dormlink man: the man pages of every command (dormlink(1), dormlink-check(1), ...) in English
// or Chinese (--lang), written into a folder, or one page on standard output (docs/shell.md).
#include <fmt/ostream.h>
#include <CLI/CLI.hpp>

#include <filesystem>

#include "cli/context.hpp"
#include "cli/man_page.hpp"
#include "cli/shell.hpp"
#include "cli/shell_messages.hpp"
#include "dormlink/error.hpp"

namespace dormlink::cli {
namespace {

struct ManOptions {
  std::string out_dir;
  std::vector<std::string> words;
};

// --lang, else the message language (no config needed: pages are made at build time).
Language page_language(const Context& ctx) {
  if (ctx.options().lang == "zh") return Language::zh;
  if (ctx.options().lang == "en") return Language::en;
  return message_language();
}

const CLI::App& command_named(const CLI::App& root, const std::vector<std::string>& words) {
  const CLI::App* app = &root;
  for (const auto& word : words) {
    const CLI::App* sub = find_command(*app, word);
    if (sub == nullptr) throw UsageError(msg::no_such_man_page(fmt::format("{}", fmt::join(words, " "))));
    app = sub;
  }
  return *app;
}

int run_man(Context& ctx, const CLI::App& root, const ManOptions& o) {
  const Language language = page_language(ctx);
  if (o.out_dir.empty()) {
    ctx.out() << man_page(command_named(root, o.words), language, DORMLINK_VERSION).roff;
    return 0;
  }
  check_out_dir(o.out_dir);
  const auto pages = man_pages(command_named(root, o.words), language, DORMLINK_VERSION);
  for (const auto& page : pages) {
    const std::string path = (std::filesystem::path(o.out_dir) / (page.name + ".1")).string();
    check_output_path(ctx, path, true);
    write_file_atomically(path, page.roff, 0644, false);
  }
  if (!ctx.options().quiet) ctx.err() << msg::wrote_man_pages(pages.size(), msg::man_language.in(language), o.out_dir);
  return 0;
}

}  // namespace

void add_man_command(CLI::App& root, std::vector<Command>& commands) {
  auto* app = root.add_subcommand("man", "Write the man pages (roff) of dormlink and every command");
  auto o = std::make_shared<ManOptions>();
  app->add_option("--out-dir", o->out_dir, "Write DIR/dormlink.1, DIR/dormlink-check.1, ... (mode 0644)")
      ->type_name("DIR");
  app->add_option("COMMAND", o->words, "Without --out-dir: print this command's page (e.g. report summary)");
  app->footer(
      "The pages are in English or Chinese as --lang says (else the language of messages). The build makes "
      "both and `cmake --install` puts them in share/man/man1 and share/man/zh_CN/man1; docs/shell.md.\n\n"
      "Examples:\n"
      "  dormlink man --lang en --out-dir man/en\n"
      "  dormlink man --lang zh --out-dir man/zh\n"
      "  dormlink man report summary | man -l -");
  commands.push_back({app, [o, &root](Context& ctx) { return run_man(ctx, root, *o); }});
}

}  // namespace dormlink::cli
