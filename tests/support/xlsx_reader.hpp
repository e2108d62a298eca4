#pragma once
// Reads back the .xlsx files dormlink writes (tests only): the sheets' names and every cell's
// text and type, from the zip with minizip and the XML by hand (the subset libxlsxwriter
// writes: shared strings, number cells).

#include <string>
#include <vector>

namespace dormlink::testing {

struct XlsxCell {
  std::string text;     // the string, or the number as written in the XML
  bool number = false;  // a number cell (no t="s")
};

struct XlsxSheet {
  std::string name;
  std::vector<std::vector<XlsxCell>> rows;  // row 1 first; missing cells are empty text cells
};

// Throws std::runtime_error when the bytes are not a readable workbook.
std::vector<XlsxSheet> read_xlsx(const std::string& bytes);

// Every cell of a sheet as text (numbers as written), for comparing with CSV rows.
std::vector<std::vector<std::string>> sheet_texts(const XlsxSheet& sheet);

}  // namespace dormlink::testing
