// Reads back .xlsx files for the tests (xlsx_reader.hpp).
#include "xlsx_reader.hpp"

#include <unistd.h>
#include <unzip.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <stdexcept>

namespace dormlink::testing {
namespace {

// The zip's entries by name (minizip reads from a file, so the bytes go to a temp file first).
std::map<std::string, std::string> unzip_all(const std::string& bytes) {
  char path[] = "/tmp/dormlink-xlsx-read-XXXXXX";
  const int fd = ::mkstemp(path);
  if (fd < 0) throw std::runtime_error("mkstemp failed");
  ::close(fd);
  {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  std::map<std::string, std::string> files;
  unzFile zip = unzOpen(path);
  if (zip == nullptr) {
    ::unlink(path);
    throw std::runtime_error("not a zip file");
  }
  for (int rc = unzGoToFirstFile(zip); rc == UNZ_OK; rc = unzGoToNextFile(zip)) {
    char name[512];
    unz_file_info info;
    unzGetCurrentFileInfo(zip, &info, name, sizeof name, nullptr, 0, nullptr, 0);
    std::string content(info.uncompressed_size, '\0');
    unzOpenCurrentFile(zip);
    int got = content.empty() ? 0 : unzReadCurrentFile(zip, content.data(), static_cast<unsigned>(content.size()));
    unzCloseCurrentFile(zip);
    if (got != static_cast<int>(content.size())) {
      unzClose(zip);
      ::unlink(path);
      throw std::runtime_error(std::string("short read of ") + name);
    }
    files[name] = std::move(content);
  }
  unzClose(zip);
  ::unlink(path);
  return files;
}

void append_utf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// XML entities, then Excel's _xHHHH_ escapes of control characters.
std::string unescape(const std::string& s) {
  std::string a;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      a += s[i];
      continue;
    }
    const auto end = s.find(';', i);
    const std::string entity = s.substr(i + 1, end - i - 1);
    if (entity == "amp")
      a += '&';
    else if (entity == "lt")
      a += '<';
    else if (entity == "gt")
      a += '>';
    else if (entity == "quot")
      a += '"';
    else if (entity == "apos")
      a += '\'';
    else if (entity.size() > 2 && entity[0] == '#' && entity[1] == 'x')
      append_utf8(a, std::strtoul(entity.c_str() + 2, nullptr, 16));
    else if (entity.size() > 1 && entity[0] == '#')
      append_utf8(a, std::strtoul(entity.c_str() + 1, nullptr, 10));
    else
      throw std::runtime_error("unknown entity " + entity);
    i = end;
  }
  std::string b;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a.compare(i, 2, "_x") == 0 && i + 6 < a.size() && a[i + 6] == '_') {
      b += static_cast<char>(std::strtoul(a.substr(i + 2, 4).c_str(), nullptr, 16));
      i += 6;
    } else {
      b += a[i];
    }
  }
  return b;
}

// The text of every <tag ...>text</tag> (or empty for <tag/>) inside `xml`, in order.
std::vector<std::string> elements(const std::string& xml, const std::string& tag) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while ((pos = xml.find("<" + tag, pos)) != std::string::npos) {
    const char after = xml[pos + tag.size() + 1];
    if (after != '>' && after != ' ' && after != '/') {
      ++pos;
      continue;
    }
    const auto open_end = xml.find('>', pos);
    if (xml[open_end - 1] == '/') {
      out.push_back(xml.substr(pos, open_end + 1 - pos));
      pos = open_end + 1;
      continue;
    }
    const auto close = xml.find("</" + tag + ">", open_end);
    out.push_back(xml.substr(pos, close + tag.size() + 3 - pos));
    pos = close + tag.size() + 3;
  }
  return out;
}

std::string attribute(const std::string& element, const std::string& name) {
  const auto pos = element.find(" " + name + "=\"");
  if (pos == std::string::npos || pos > element.find('>')) return {};
  const auto start = pos + name.size() + 3;
  return unescape(element.substr(start, element.find('"', start) - start));
}

std::string inner(const std::string& element) {
  const auto open_end = element.find('>');
  if (element[open_end - 1] == '/') return {};
  const auto close = element.rfind("</");
  return element.substr(open_end + 1, close - open_end - 1);
}

std::vector<XlsxValidation> validations(const std::string& xml) {
  std::vector<XlsxValidation> out;
  for (const auto& dv : elements(xml, "dataValidation")) {
    XlsxValidation v{attribute(dv, "sqref"), attribute(dv, "type"), {}, attribute(dv, "errorStyle")};
    const auto formula = elements(dv, "formula1");
    std::string list = formula.empty() ? std::string() : unescape(inner(formula.front()));
    if (v.type == "list" && list.size() >= 2 && list.front() == '"' && list.back() == '"') {
      list = list.substr(1, list.size() - 2);
      std::size_t start = 0;
      for (std::size_t comma; (comma = list.find(',', start)) != std::string::npos; start = comma + 1)
        v.choices.push_back(list.substr(start, comma - start));
      v.choices.push_back(list.substr(start));
    }
    out.push_back(std::move(v));
  }
  return out;
}

std::vector<std::string> merged_ranges(const std::string& xml) {
  std::vector<std::string> out;
  for (const auto& m : elements(xml, "mergeCell")) out.push_back(attribute(m, "ref"));
  return out;
}

}  // namespace

std::map<std::string, std::string> read_xlsx_parts(const std::string& bytes) { return unzip_all(bytes); }

std::vector<XlsxSheet> read_xlsx(const std::string& bytes) {
  auto files = unzip_all(bytes);
  std::vector<std::string> strings;
  for (const auto& si : elements(files["xl/sharedStrings.xml"], "si")) {
    std::string text;
    for (const auto& t : elements(si, "t")) text += unescape(inner(t));
    strings.push_back(text);
  }
  std::vector<XlsxSheet> sheets;
  int index = 0;
  for (const auto& sheet : elements(files["xl/workbook.xml"], "sheet")) {
    XlsxSheet out;
    out.name = attribute(sheet, "name");
    out.state = attribute(sheet, "state");
    const std::string xml = files["xl/worksheets/sheet" + std::to_string(++index) + ".xml"];
    if (xml.empty()) throw std::runtime_error("missing sheet " + std::to_string(index));
    out.validations = validations(xml);
    out.merged = merged_ranges(xml);
    for (const auto& row : elements(xml, "row")) {
      const auto r = std::stoul(attribute(row, "r"));
      if (out.rows.size() < r) out.rows.resize(r);
      auto& cells = out.rows[r - 1];
      for (const auto& c : elements(row, "c")) {
        const std::string ref = attribute(c, "r");
        std::size_t col = 0;
        for (char ch : ref) {
          if (ch < 'A' || ch > 'Z') break;
          col = col * 26 + static_cast<std::size_t>(ch - 'A' + 1);
        }
        if (cells.size() < col) cells.resize(col);
        const auto v = elements(c, "v");
        const std::string value = v.empty() ? std::string() : unescape(inner(v.front()));
        if (!elements(c, "f").empty()) throw std::runtime_error("a formula cell at " + ref);
        if (v.empty()) {
          cells[col - 1] = {"", false};  // a blank cell (formatted, no value)
        } else if (attribute(c, "t") == "s") {
          cells[col - 1] = {strings.at(std::stoul(value)), false};
        } else if (attribute(c, "t").empty()) {
          cells[col - 1] = {value, true};
        } else {
          throw std::runtime_error("unexpected cell type " + attribute(c, "t") + " at " + ref);
        }
      }
    }
    sheets.push_back(std::move(out));
  }
  return sheets;
}

std::vector<std::vector<std::string>> sheet_texts(const XlsxSheet& sheet) {
  std::vector<std::vector<std::string>> out;
  for (const auto& row : sheet.rows) {
    std::vector<std::string> texts;
    for (const auto& c : row) texts.push_back(c.text);
    out.push_back(std::move(texts));
  }
  return out;
}

}  // namespace dormlink::testing
