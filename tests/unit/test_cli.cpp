// In-process tests of the command line through cli::run with string streams.
#include <doctest/doctest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "cli/app.hpp"
#include "dormlink/language.hpp"

namespace fs = std::filesystem;
using dormlink::cli::Environment;

namespace {

struct Outcome {
  int code = -1;
  std::string out;
  std::string err;
};

// 2026-11-27 16:30 UTC is already 2026-11-28 00:30 in Asia/Shanghai.
Environment test_environment(std::map<std::string, std::string> vars = {}) {
  Environment env;
  env.now =
      std::chrono::sys_days{std::chrono::year{2026} / 11 / 27} + std::chrono::hours{16} + std::chrono::minutes{30};
  vars.emplace("DORMLINK_MESSAGES", "en");  // English messages unless a test says otherwise
  env.read_env = [vars](const char* name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
  return env;
}

Outcome run(std::vector<std::string> args, const Environment& env = test_environment()) {
  args.insert(args.begin(), "dormlink");
  std::ostringstream out;
  std::ostringstream err;
  Outcome o;
  o.code = dormlink::cli::run(args, env, out, err);
  o.out = out.str();
  o.err = err.str();
  return o;
}

struct ScratchDir {
  fs::path path = fs::temp_directory_path() / ("dormlink-cli-" + std::to_string(::getpid()));
  ScratchDir() { fs::create_directories(path); }
  ~ScratchDir() { fs::remove_all(path); }
  std::string file(const char* name) const { return (path / name).string(); }
};

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("version and help") {
    auto v = run({"--version"});
    CHECK(v.code == 0);
    CHECK(v.out == "dormlink 0.1.0 (schema 11)\n");
    auto h = run({"roster", "--help"});
    CHECK(h.code == 0);
    CHECK(h.out.find("dormlink roster --as-of 2026-09-07 --format md > roster.md") != std::string::npos);
  }

  TEST_CASE("parse errors are usage errors (64) with CLI11's message on stderr") {
    auto r = run({"import", "students"});
    CHECK(r.code == 64);
    CHECK(r.err.find("file is required") != std::string::npos);
  }

  TEST_CASE("stderr never shows a phone number or a category, even in CLI11's messages") {
    auto lang = run({"--lang", "13656161762", "check"});
    CHECK(lang.code == 64);
    CHECK(lang.err.find("1365616") == std::string::npos);
    CHECK(lang.err.find("--lang: (not shown) not in {zh,en}") != std::string::npos);
    auto extra = run({"roster", "张晨昕", "136 5616 1762", "心理素质较差"});
    CHECK(extra.code == 64);
    CHECK(extra.err.find("5616") == std::string::npos);
    CHECK(extra.err.find("心理") == std::string::npos);
    CHECK(extra.err.find("张晨昕") != std::string::npos);
  }

  TEST_CASE("every value on the command line but a file name must be valid UTF-8") {
    auto r = run({"log-visit", "--member", "李明", "--note", "好\xFF", "--progress", "\xC0\xAF"});
    CHECK(r.code == 64);
    CHECK(r.err ==
          "--progress is not valid UTF-8 (byte 0xC0 at offset 0); type it again in a UTF-8 terminal\n"
          "--note is not valid UTF-8 (byte 0xFF at offset 3); type it again in a UTF-8 terminal\n"
          "dormlink: error: the command line is not valid UTF-8; nothing was done\n");
    CHECK(r.out.empty());
    // A file name is the file system's business: a missing file, not a UTF-8 problem.
    auto file = run({"--db", "no-such-\xFF.db", "import", "students", "no-such-\xFF.csv"});
    CHECK(file.err.find("UTF-8") == std::string::npos);
  }

  TEST_CASE("today is the college's date, not the machine's") {
    ScratchDir dir;
    auto db = dir.file("t.db");
    auto config = dir.file("t.toml");
    REQUIRE(run({"--db", db, "--config", config, "init"}).code == 0);
    auto r = run({"--db", db, "--config", config, "roster"});
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(r.out.find("2026-11-28") != std::string::npos);
  }

  TEST_CASE("environment variables name the files") {
    ScratchDir dir;
    auto env = test_environment({{"DORMLINK_DB", dir.file("env.db")}, {"DORMLINK_CONFIG", dir.file("env.toml")}});
    auto r = run({"-q", "init"}, env);
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    CHECK(fs::exists(dir.file("env.db")));
    CHECK(fs::exists(dir.file("env.toml")));
  }

  TEST_CASE("config errors exit 78 and list every problem with its position") {
    ScratchDir dir;
    auto config = dir.file("bad.toml");
    {
      std::ofstream f(config);
      f << "[college]\ntime_zone = \"Mars/Olympus\"\n[duties]\nvisits_per_week = 9\n";
    }
    auto r = run({"--config", config, "--db", dir.file("x.db"), "init"});
    CHECK(r.code == 78);
    CHECK(r.err.find(config + ":2:") != std::string::npos);
    CHECK(r.err.find(config + ":4:") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.file("x.db")));
  }
}

TEST_SUITE("cli") {
  TEST_CASE("import: up to 31 days after today by the real clock, not --as-of, further needs --force") {
    ScratchDir dir;
    const auto db = dir.file("t.db");
    const auto config = dir.file("t.toml");
    const auto dorms = dir.file("dorms.csv");
    std::ofstream(dorms) << "寝室,性别,容量\n8-305,女,4\n";
    REQUIRE(run({"--db", db, "--config", config, "init"}).code == 0);
    const std::vector<std::string> base{"--db", db, "--config", config};
    auto with = [&base](std::vector<std::string> more) {
      more.insert(more.begin(), base.begin(), base.end());
      return more;
    };
    // Today is 2026-11-28 in Asia/Shanghai: 2026-12-29 is day 31, 2026-12-30 day 32.
    auto refused = run(with({"--as-of", "2026-12-30", "import", "dorms", dorms}));
    CHECK(refused.code == 64);
    CHECK(refused.err ==
          "dormlink: error: the import would take effect on 2026-12-30, 32 days after today "
          "(2026-11-28); an import more than 31 days ahead is refused, because no later import "
          "could then take effect before it. Check --as-of; if 2026-12-30 is right, add --force "
          "(--dry-run shows the import first)\n");
    auto dry = run(with({"--lang", "en", "--as-of", "2026-12-30", "import", "dorms", dorms, "--dry-run"}));
    CHECK(dry.code == 0);
    CHECK(dry.out.find("effective 2026-12-30 (32 days after today; more than 31 days ahead, the import needs "
                       "--force)\ndry run: nothing was written\n") == 0);
    auto day_31 = run(with({"--lang", "en", "--as-of", "2026-12-29", "import", "dorms", dorms}));
    CHECK(day_31.code == 0);
    CHECK(day_31.out.find("effective 2026-12-29, semester ") != std::string::npos);
    CHECK(day_31.out.find("batch #1\n") != std::string::npos);
    auto forced = run(with({"--as-of", "2027-06-01", "import", "dorms", dorms, "--force"}));
    CHECK(forced.code == 0);
  }

  TEST_CASE("a FILE of - reads the roster from standard input, and with none it is a usage error") {
    ScratchDir dir;
    const auto db = dir.file("t.db");
    const auto config = dir.file("t.toml");
    REQUIRE(run({"--db", db, "--config", config, "init"}).code == 0);
    auto env = test_environment();
    auto none = run({"--db", db, "--config", config, "import", "dorms", "-"}, env);
    CHECK(none.code == 64);
    CHECK(none.err == "dormlink: error: - means standard input, but there is none\n");
    std::istringstream in("寝室,性别,容量\n8-305,女,4\n");
    env.in = &in;
    auto piped = run({"--db", db, "--config", config, "import", "dorms", "-"}, env);
    INFO(piped.err);
    CHECK(piped.code == 0);
    CHECK(piped.out.find("<stdin> [UTF-8]: 1 行") == 0);
  }
}

TEST_SUITE("cli") {
  TEST_CASE("a mistyped command is named with the nearest real one, exit 64, in the message language") {
    auto zh_env = test_environment({{"DORMLINK_MESSAGES", ""}});
    auto chek = run({"chek"}, zh_env);
    CHECK(chek.code == 64);
    CHECK(chek.err == "dormlink: 错误：未知命令“chek”——是否想输入“check”？（`dormlink help` 列出全部命令）\n");
    CHECK(chek.out.empty());
    auto en = run({"--lang", "en", "chek"}, zh_env);
    CHECK(en.err == "dormlink: error: unknown command 'chek' — did you mean 'check'? (`dormlink help` lists them)\n");
    CHECK(run({"--lang=en", "--db", "x.db", "verfy"}, zh_env).err.find("did you mean 'verify'?") != std::string::npos);
    auto none = run({"frobnicate"});
    CHECK(none.code == 64);
    CHECK(none.err.find("dormlink: error: unknown command 'frobnicate'; the commands are: init, import,") == 0);
    auto sub = run({"report", "summry", "--counselor", "T1"});
    CHECK(sub.code == 64);
    CHECK(sub.err.find("unknown command 'report summry' — did you mean 'report summary'?") != std::string::npos);
    auto nothing = run({});
    CHECK(nothing.code == 64);
    CHECK(nothing.err == "dormlink: error: choose a command; see `dormlink help`\n");
    CHECK(run({}, zh_env).err == "dormlink: 错误：请指定一个命令；可运行 `dormlink help` 查看\n");
    // Values are not commands: a member's name after an option, a file after import's subcommand.
    CHECK(run({"check", "--member", "chek"}).err.find("unknown command") == std::string::npos);
    CHECK(run({"import", "students", "chek.csv"}).err.find("unknown command") == std::string::npos);
  }

  TEST_CASE("dormlink help [COMMAND...] prints the help of that command to stdout") {
    auto root = run({"help"});
    CHECK(root.code == 0);
    CHECK(root.out.find("Usage: dormlink [OPTIONS] SUBCOMMAND") != std::string::npos);
    auto summary = run({"help", "report", "summary"});
    CHECK(summary.code == 0);
    CHECK(summary.out.find("Usage: dormlink report summary [OPTIONS]") != std::string::npos);
    CHECK(summary.out == run({"report", "summary", "--help"}).out);
    auto wrong = run({"help", "report", "sumary"});
    CHECK(wrong.code == 64);
    CHECK(wrong.err.find("did you mean 'report summary'?") != std::string::npos);
    CHECK(wrong.out.empty());
  }

  TEST_CASE("help in Chinese: summaries, options and headings from the man pages' table, examples as typed") {
    auto zh_env = test_environment({{"DORMLINK_MESSAGES", ""}});
    auto summary = run({"help", "report", "summary"}, zh_env);
    CHECK(summary.code == 0);
    CHECK(summary.out.find("用法: dormlink report summary [选项]") != std::string::npos);
    CHECK(summary.out.find("--format") != std::string::npos);
    CHECK(summary.out == run({"report", "summary", "--help"}, zh_env).out);
    auto log_visit = run({"log-visit", "--help"}, zh_env);
    CHECK(log_visit.out.find("示例：") != std::string::npos);
    CHECK(log_visit.out.find("dormlink log-visit --member 李晴紫 --dorm 10-107 --at today") != std::string::npos);
    CHECK(log_visit.out.find("Examples:") == std::string::npos);
    CHECK(log_visit.out.find("Record a contact") == std::string::npos);
    // The English definitions stay what man and the completions read.
    CHECK(run({"--lang", "en", "help", "report", "summary"}, zh_env).out.find("Usage: dormlink report summary") !=
          std::string::npos);
  }

  TEST_CASE("CLI11's parse errors in Chinese, and as CLI11 wrote them in English") {
    auto zh_env = test_environment({{"DORMLINK_MESSAGES", ""}});
    CHECK(run({"check", "--format", "docx"}, zh_env).err ==
          "dormlink: 错误：命令行有误：--format 的值 docx 无效；可选值为 {text,md,html,pdf,json,csv}\n");
    CHECK(run({"check", "--member"}, zh_env).err == "dormlink: 错误：命令行有误：--member 后面缺少 1 个值（WHO）\n");
    CHECK(run({"check", "extra"}, zh_env).err.find("多余的参数：extra") != std::string::npos);
    CHECK(run({"completion"}, zh_env).err == "dormlink: 错误：命令行有误：缺少必需的 shell\n");
    CHECK(run({"calendar", "draft", "x", "--weeks", "99"}, zh_env).err ==
          "dormlink: 错误：命令行有误：--weeks 的值 99 超出范围：应在 1 到 30 之间\n");
    CHECK(run({"inspect", "sample", "--size", "0"}, zh_env).err ==
          "dormlink: 错误：命令行有误：--size 的值 0 无效：应为大于 0 的数\n");
    CHECK(run({"check", "--format", "docx"}).err ==
          "dormlink: error: the command line: --format: docx not in {text,md,html,pdf,json,csv}\n");
    CHECK(run({"check", "--member"}).err == "dormlink: error: the command line: --member: 1 required WHO missing\n");
  }

  TEST_CASE("messages follow --lang, then DORMLINK_MESSAGES, then the config's language, else zh") {
    ScratchDir dir;
    const auto db = dir.file("m.db");
    const auto config = dir.file("m.toml");
    auto zh_env = test_environment({{"DORMLINK_MESSAGES", ""}});
    auto init = run({"--db", db, "--config", config, "init"}, zh_env);
    REQUIRE(init.code == 0);
    CHECK(init.err.find("已创建数据库 ") == 0);
    CHECK(init.err.find("已写入配置文件 ") != std::string::npos);
    auto migrate = run({"--db", db, "--config", config, "migrate"}, zh_env);
    CHECK(migrate.out.empty());
    CHECK(migrate.err == db + "：结构版本 11\n");
    CHECK(run({"--db", db, "--config", config, "--lang", "en", "migrate"}, zh_env).err == db + ": schema version 11\n");
    CHECK(run({"--db", db, "--config", config, "migrate"}).err == db + ": schema version 11\n");
    // The config says en: messages follow it unless --lang or DORMLINK_MESSAGES say otherwise.
    {
      std::ifstream in(config);
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      const auto at = text.find("language = \"zh\"");
      REQUIRE(at != std::string::npos);
      text.replace(at, 15, "language = \"en\"");
      std::ofstream(config) << text;
    }
    CHECK(run({"--db", db, "--config", config, "migrate"}, zh_env).err == db + ": schema version 11\n");
    CHECK(run({"--db", db, "--config", config, "--lang", "zh", "migrate"}, zh_env).err == db + "：结构版本 11\n");
    CHECK(run({"--db", db, "--config", config, "migrate"}, test_environment({{"DORMLINK_MESSAGES", "zh"}})).err ==
          db + "：结构版本 11\n");
    auto missing = run({"--db", dir.file("none.db"), "--config", config, "--lang", "zh", "verify"}, zh_env);
    CHECK(missing.code == 66);
    CHECK(missing.err == "dormlink: 错误：数据库 " + dir.file("none.db") +
                             " 不存在；请运行 `dormlink init` 创建，或用 --db / DORMLINK_DB 指定\n");
    auto verify = run({"--db", db, "--config", config, "--lang", "zh", "verify"}, zh_env);
    CHECK(verify.out == "校验：0 条记录完好；链头 （无）；与 0 份已提交表格、0 份备份和 0 个给定链头一致\n");
  }
}

TEST_SUITE("language") {
  TEST_CASE("a catalogue entry formats in the message language, or in the one asked for") {
    constexpr dormlink::Message m{"agrees with {} backup{}", "与 {0} 份备份{1:.0}一致"};
    dormlink::set_message_language(dormlink::Language::zh);
    CHECK(m(3, "s") == "与 3 份备份一致");
    CHECK(m.in(dormlink::Language::en, 3, "s") == "agrees with 3 backups");
    dormlink::set_message_language(dormlink::Language::en);
    CHECK(m(1, "") == "agrees with 1 backup");
    CHECK(std::string(m.text(dormlink::Language::zh)) == "与 {0} 份备份{1:.0}一致");
  }
}
