#include "cli/parse_messages.hpp"

#include <regex>
#include <string>

#include "cli/messages.hpp"
#include "dormlink/language.hpp"

namespace dormlink::cli {
namespace {
namespace say {

// CLI11's own parse errors, reworded in the message language. The English texts are CLI11's,
// so an English error line reads as before.
inline constexpr Message required{"{} is required", "缺少必需的 {}"};
inline constexpr Message exactly_one_of{"give exactly one of {}", "请在 {} 中恰好给出一个"};
inline constexpr Message at_least_one_of{"give at least one of {}", "请在 {} 中至少给出一个"};
inline constexpr Message at_most_one_of{"give at most one of {}", "{} 中最多只能给出一个"};
inline constexpr Message missing_value{"{}: {} required {} missing", "{} 后面缺少 {} 个值（{}）"};
inline constexpr Message argument_count{"{}: expects {} value(s), got {}", "{} 需要 {} 个值，实际给了 {} 个"};
inline constexpr Message flag_value{"{} was given a disallowed flag override", "{} 是开关选项，不能带值"};
inline constexpr Message not_expected_one{"The following argument was not expected: {}",
                                          "多余的参数：{}（这个命令不接受它；运行 dormlink help 命令名 查看用法）"};
inline constexpr Message not_expected_many{"The following arguments were not expected: {}",
                                           "多余的参数：{}（这个命令不接受它们；运行 dormlink help 命令名 查看用法）"};
inline constexpr Message not_in_set{"{}: {} not in {}", "{} 的值 {} 无效；可选值为 {}"};
inline constexpr Message not_in_range{"{}: Value {} not in range {} to {}", "{} 的值 {} 超出范围：应在 {} 到 {} 之间"};
inline constexpr Message not_positive{"{}: Value {} is not a number greater than 0",
                                      "{} 的值 {} 无效：应为大于 0 的数"};
inline constexpr Message not_a_number{"{}: {} is not a number", "{} 的值 {} 不是数字"};
inline constexpr Message no_such_file{"{}: File does not exist: {}", "{}：文件 {} 不存在"};
inline constexpr Message no_such_folder{"{}: Directory does not exist: {}", "{}：文件夹 {} 不存在"};
inline constexpr Message excludes{"{} excludes {}", "{} 不能与 {} 同时使用"};
inline constexpr Message requires_option{"{} requires {}", "{} 需要与 {} 一起使用"};
inline constexpr Message not_allowed_value{"The value {} is not an allowed value for {}", "{1} 不接受值 {0}"};
inline constexpr Message cannot_convert{"Could not convert: {} = {}", "{} 的值 {} 无法识别"};
inline constexpr Message too_many_for_flag{"{}: too many inputs for a flag", "{} 是开关选项，不能带多个值"};
inline constexpr Message true_false{"{}: Should be true/false or a number", "{} 的值应为 true/false 或数字"};

using Rule = std::string (*)(const std::smatch&);

struct Pattern {
  const char* regex;
  Rule rule;
};

std::string bound(std::string text) {
  // CLI11 prints a double's bounds with six zero decimals: 1.000000 -> 1.
  const auto dot = text.find(".000000");
  if (dot != std::string::npos) text.erase(dot);
  return text;
}

const Pattern k_patterns[] = {
    {R"(^(\S+) is required$)", [](const std::smatch& m) { return required(m.str(1)); }},
    {R"(^Exactly 1 option from \[(.*)\].*$)", [](const std::smatch& m) { return exactly_one_of(m.str(1)); }},
    {R"(^At least 1 option from \[(.*)\]$)", [](const std::smatch& m) { return at_least_one_of(m.str(1)); }},
    {R"(^Requires at most .* from \[(.*)\]$)", [](const std::smatch& m) { return at_most_one_of(m.str(1)); }},
    {R"(^(\S+): (\d+) required (\S+) missing$)",
     [](const std::smatch& m) { return missing_value(m.str(1), m.str(2), m.str(3)); }},
    {R"(^Expected (?:exactly|at least) (\d+) arguments to (\S+), got (\d+)$)",
     [](const std::smatch& m) { return argument_count(m.str(2), m.str(1), m.str(3)); }},
    {R"(^(\S+): At (?:least|Most) (\d+) required but received (\d+)$)",
     [](const std::smatch& m) { return argument_count(m.str(1), m.str(2), m.str(3)); }},
    {R"(^(\S+) was given a disallowed flag override$)", [](const std::smatch& m) { return flag_value(m.str(1)); }},
    {R"(^The following argument was not expected: (.*)$)",
     [](const std::smatch& m) { return not_expected_one(m.str(1)); }},
    {R"(^The following arguments were not expected: (.*)$)",
     [](const std::smatch& m) { return not_expected_many(m.str(1)); }},
    {R"(^(\S+): (.*) not in (\{.*\})$)", [](const std::smatch& m) { return not_in_set(m.str(1), m.str(2), m.str(3)); }},
    // PositiveNumber: a range from 0 to the largest double, shown hidden or huge.
    {R"(^(\S+): Value (.*) not in range 0\.000000 to .{12,}$)",
     [](const std::smatch& m) { return not_positive(m.str(1), m.str(2)); }},
    {R"(^(\S+): Value (.*) not in range (\S+) to (\S+)$)",
     [](const std::smatch& m) { return not_in_range(m.str(1), m.str(2), bound(m.str(3)), bound(m.str(4))); }},
    {R"(^(\S+): Failed parsing (?:number \()?(.*?)\)?(?: as a .*)?$)",
     [](const std::smatch& m) { return not_a_number(m.str(1), m.str(2)); }},
    {R"(^(\S+): File does not exist: (.*)$)", [](const std::smatch& m) { return no_such_file(m.str(1), m.str(2)); }},
    {R"(^(\S+): Directory does not exist: (.*)$)",
     [](const std::smatch& m) { return no_such_folder(m.str(1), m.str(2)); }},
    {R"(^(\S+) excludes (\S+)$)", [](const std::smatch& m) { return excludes(m.str(1), m.str(2)); }},
    {R"(^(\S+) requires (\S+)$)", [](const std::smatch& m) { return requires_option(m.str(1), m.str(2)); }},
    {R"(^The value (.*) is not an allowed value for (\S+)$)",
     [](const std::smatch& m) { return not_allowed_value(m.str(1), m.str(2)); }},
    {R"(^Could not convert: (\S+) = (.*)$)", [](const std::smatch& m) { return cannot_convert(m.str(1), m.str(2)); }},
    {R"(^(\S+): too many inputs for a flag$)", [](const std::smatch& m) { return too_many_for_flag(m.str(1)); }},
    {R"(^(\S+): Should be true/false or a number$)", [](const std::smatch& m) { return true_false(m.str(1)); }},
};

}  // namespace say
}  // namespace

std::string parse_error_message(const std::string& what) {
  if (what == "A subcommand is required" || what.rfind("Requires at least ", 0) == 0) {
    if (what.find("subcommand") != std::string::npos) return msg::choose_command();
  }
  for (const auto& pattern : say::k_patterns) {
    std::smatch match;
    if (std::regex_match(what, match, std::regex(pattern.regex))) return msg::command_line(pattern.rule(match));
  }
  return msg::command_line(what);
}

}  // namespace dormlink::cli
