#include "cli/man_page.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <utility>

#include "cli/man_texts.hpp"
#include "cli/shell.hpp"

namespace dormlink::cli {
namespace {

// Every wording of a page, zh and en side by side.
struct ManLabels {
  Words manual{"dormlink 手册", "dormlink manual"};
  Words name{"名称", "NAME"};
  Words synopsis{"概要", "SYNOPSIS"};
  Words description{"描述", "DESCRIPTION"};
  Words commands{"命令", "COMMANDS"};
  Words options{"选项", "OPTIONS"};
  Words global_options{"全局选项", "GLOBAL OPTIONS"};
  Words notes{"说明", "NOTES"};
  Words examples{"示例", "EXAMPLES"};
  Words see_also{"参见", "SEE ALSO"};
  Words option_word{"选项", "OPTION"};
  Words command_word{"命令", "COMMAND"};
  Words default_value{"默认：", "default: "};
  Words globals_note{"全局选项（--db、--config、--as-of、--lang、-q）可写在命令之前或之后，见 dormlink(1)。",
                     "The global options (--db, --config, --as-of, --lang, -q) may come before or after the "
                     "command; see dormlink(1)."};
  Words english_notes{"更多说明见英文手册页：LANG=C man {}", "{}"};
};
constexpr ManLabels k_labels;

// Text for roff: backslashes and hyphens escaped (options stay copyable as typed).
std::string escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c == '\n' ? ' ' : c;
    }
  }
  return out;
}

// The code point of the UTF-8 sequence that `text` begins with, and its length (1 for a stray
// byte).
std::pair<char32_t, std::size_t> decode(std::string_view text) {
  const auto lead = static_cast<unsigned char>(text[0]);
  const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  if (length == 1 || length > text.size()) return {lead, 1};
  char32_t code = lead & (0x7Fu >> length);
  for (std::size_t i = 1; i < length; ++i) code = (code << 6) | (static_cast<unsigned char>(text[i]) & 0x3Fu);
  return {code, length};
}

// groff breaks lines only at spaces: Chinese gets a break point (\:) after each character, but
// never before closing or after opening punctuation.
std::string breakable(std::string_view text) {
  constexpr std::u32string_view k_no_break_before = U"，。、；：？！）」』】》”’";
  constexpr std::u32string_view k_no_break_after = U"（「『【《“‘";
  std::string out;
  while (!text.empty()) {
    const auto [code, length] = decode(text);
    out += text.substr(0, length);
    text.remove_prefix(length);
    if (code < 0x2E80 || text.empty() || k_no_break_after.find(code) != std::u32string_view::npos) continue;
    if (k_no_break_before.find(decode(text).first) == std::u32string_view::npos) out += "\\:";
  }
  return out;
}

// One line of text, never read as a request; Chinese in it may break anywhere.
std::string text_line(std::string_view text) {
  std::string escaped = breakable(escape(text));
  if (!escaped.empty() && (escaped[0] == '.' || escaped[0] == '\'')) escaped.insert(0, "\\&");
  return escaped + "\n";
}

std::string page_name(const CLI::App& app) {
  std::string name = "dormlink " + command_path(app);
  while (name.back() == ' ') name.pop_back();
  std::replace(name.begin(), name.end(), ' ', '-');
  return name;
}

std::string reference(const CLI::App& app) { return fmt::format("\\fB{}\\fR(1)", escape(page_name(app))); }

std::string header(const CLI::App& app, Language language, const std::string& version) {
  std::string title = page_name(app);
  std::transform(title.begin(), title.end(), title.begin(), [](unsigned char c) { return std::toupper(c); });
  // Chinese is set ragged right and unhyphenated: justified, its lines would stretch at the spaces.
  const char* layout = language == Language::zh ? ".nh\n.ad l\n" : "";
  return fmt::format("'\\\" -*- coding: UTF-8 -*-\n.TH {} 1 \"\" \"dormlink {}\" \"{}\"\n{}.SH {}\n{} \\- {}\n",
                     escape(title), version, k_labels.manual(language), layout, k_labels.name(language),
                     escape(page_name(app)), escape(command_summary(app, language)));
}

std::string synopsis(const CLI::App& app, Language language) {
  std::string line = fmt::format("\\fB{}\\fR", escape("dormlink " + command_path(app)));
  while (line.find(" \\fR") != std::string::npos) line.erase(line.find(" \\fR"), 1);
  if (!visible_commands(app).empty()) line += fmt::format(" \\fI{}\\fR", k_labels.command_word(language));
  line += fmt::format(" [\\fI{}\\fR]...", k_labels.option_word(language));
  for (const CLI::Option* option : visible_options(app)) {
    if (option->nonpositional()) continue;
    std::string word =
        fmt::format("\\fI{}\\fR{}", escape(option->get_name(true)), option->get_expected_max() > 1 ? "..." : "");
    line += option->get_required() ? " " + word : " [" + word + "]";
  }
  return fmt::format(".SH {}\n{}\n", k_labels.synopsis(language), line);
}

// "\fB\-o\fR, \fB\-\-output\fR \fIFILE\fR" or "\fIfile\fR".
std::string option_term(const CLI::Option& option) {
  if (!option.nonpositional()) return fmt::format("\\fI{}\\fR", escape(option.get_name(true)));
  std::string term;
  const std::string all_names = option.get_name(false, true);
  std::string_view names = all_names;
  while (!names.empty()) {
    const auto comma = names.find(',');
    term += fmt::format("{}\\fB{}\\fR", term.empty() ? "" : ", ", escape(names.substr(0, comma)));
    names.remove_prefix(comma == std::string_view::npos ? names.size() : comma + 1);
  }
  if (!takes_value(option)) return term;
  const ValueSpec spec = value_spec(option);
  const std::string type = option.get_type_name();
  std::string meta = escape(type.substr(0, type.find(':')));
  if (spec.kind == ValueKind::fixed) {  // md|json|csv, breakable after each bar
    meta.clear();
    for (const auto& word : spec.words) meta += (meta.empty() ? "" : "|\\:") + escape(word);
  }
  return term + (meta.empty() ? "" : fmt::format(" \\fI{}\\fR", meta));
}

std::string options_section(const CLI::App& app, Language language) {
  const auto options = visible_options(app);
  if (options.empty()) return {};
  const Words& title = app.get_parent() == nullptr ? k_labels.global_options : k_labels.options;
  std::string out = fmt::format(".SH {}\n", title(language));
  for (const CLI::Option* option : options) {
    std::string help = option_help(app, *option, language);
    if (!option->get_default_str().empty()) {
      help += fmt::format(" ({}{})", k_labels.default_value(language), option->get_default_str());
    }
    out += ".TP\n" + option_term(*option) + "\n" + text_line(help);
  }
  return out;
}

std::string commands_section(const CLI::App& app, Language language) {
  const auto commands = visible_commands(app);
  if (commands.empty()) return {};
  std::string out = fmt::format(".SH {}\n", k_labels.commands(language));
  for (const CLI::App* sub : commands) {
    out += fmt::format(".TP\n\\fB{}\\fR\n{}.br\n{}\n", escape(sub->get_name()),
                       text_line(command_summary(*sub, language)), reference(*sub));
  }
  return out;
}

// The footer: paragraphs of notes, then "Examples:" and one command a line.
struct Footer {
  std::vector<std::string> notes;
  std::vector<std::string> examples;
};

Footer split_footer(std::string_view footer) {
  Footer parts;
  while (!footer.empty()) {
    const auto end = footer.find("\n\n");
    const std::string_view paragraph = footer.substr(0, end);
    footer.remove_prefix(end == std::string_view::npos ? footer.size() : end + 2);
    if (paragraph.rfind("Examples:", 0) != 0) {
      parts.notes.emplace_back(paragraph);
      continue;
    }
    std::string_view lines =
        paragraph.substr(paragraph.find('\n') == std::string_view::npos ? paragraph.size() : paragraph.find('\n') + 1);
    while (!lines.empty()) {
      const auto newline = lines.find('\n');
      std::string_view example = lines.substr(0, newline);
      example.remove_prefix(std::min(example.find_first_not_of(' '), example.size()));
      if (!example.empty()) parts.examples.emplace_back(example);
      lines.remove_prefix(newline == std::string_view::npos ? lines.size() : newline + 1);
    }
  }
  return parts;
}

// A paragraph as typed: lines indented after the first keep their layout, others are filled.
std::string paragraph(std::string_view text) {
  const bool laid_out = text.find("\n ") != std::string_view::npos;
  std::string out = laid_out ? ".PP\n.nf\n" : ".PP\n";
  while (!text.empty()) {
    const auto newline = text.find('\n');
    out += text_line(text.substr(0, newline));
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
  }
  return out + (laid_out ? ".fi\n" : "");
}

std::string notes_section(const CLI::App& app, const Footer& footer, Language language) {
  std::vector<std::string> notes = footer.notes;
  if (language == Language::zh && !notes.empty()) {
    const char* chinese = chinese_text(command_path(app), "(notes)");
    notes = {chinese != nullptr ? chinese
                                : fmt::format(fmt::runtime(k_labels.english_notes(language)), page_name(app))};
  }
  if (notes.empty()) return {};
  std::string out = fmt::format(".SH {}\n", k_labels.notes(language));
  for (const auto& note : notes) {
    for (const auto& part : split_footer(note).notes) out += paragraph(part);
  }
  return out;
}

std::string examples_section(const Footer& footer, Language language) {
  if (footer.examples.empty()) return {};
  std::string out = fmt::format(".SH {}\n.nf\n.RS 4\n", k_labels.examples(language));
  for (const auto& example : footer.examples) out += text_line(example);
  return out + ".RE\n.fi\n";
}

std::string see_also(const CLI::App& app, Language language) {
  std::vector<std::string> pages;
  for (const CLI::App* a = app.get_parent(); a != nullptr; a = a->get_parent())
    pages.insert(pages.begin(), reference(*a));
  for (const CLI::App* sub : visible_commands(app)) pages.push_back(reference(*sub));
  if (pages.empty()) return {};
  return fmt::format(".SH {}\n{}\n", k_labels.see_also(language), fmt::join(pages, ",\n"));
}

}  // namespace

ManPage man_page(const CLI::App& app, Language language, const std::string& version) {
  const Footer footer = split_footer(app.get_footer());
  std::string roff = header(app, language, version) + synopsis(app, language);
  roff += fmt::format(".SH {}\n{}", k_labels.description(language), text_line(command_summary(app, language)));
  if (app.get_parent() != nullptr) roff += ".PP\n" + text_line(k_labels.globals_note(language));
  roff += commands_section(app, language) + options_section(app, language);
  roff += notes_section(app, footer, language) + examples_section(footer, language) + see_also(app, language);
  return {page_name(app), roff};
}

std::vector<ManPage> man_pages(const CLI::App& root, Language language, const std::string& version) {
  std::vector<ManPage> pages{man_page(root, language, version)};
  for (const CLI::App* sub : visible_commands(root)) {
    auto below = man_pages(*sub, language, version);
    pages.insert(pages.end(), std::make_move_iterator(below.begin()), std::make_move_iterator(below.end()));
  }
  return pages;
}

}  // namespace dormlink::cli
