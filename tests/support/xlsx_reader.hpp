#pragma once
// Reads back the .xlsx files dormlink writes (tests only): the sheets' names and every cell's
// text and type, from the zip with minizip and the XML by hand (the subset libxlsxwriter
// writes: shared strings, number cells).

#include <map>
#include <string>
#include <vector>

namespace dormlink::testing {

struct XlsxCell {
  std::string text;     // the string, or the number as written in the XML
  bool number = false;  // a number cell (no t="s")
};

// A data validation of a sheet (<dataValidation>).
struct XlsxValidation {
  std::string range;                 // sqref, e.g. "A8:A37"
  std::string type;                  // "list", ...
  std::vector<std::string> choices;  // a list's choices, in order
  std::string error_style;           // errorStyle: "" (stop), "warning" or "information"
};

struct XlsxSheet {
  std::string name;
  std::vector<std::vector<XlsxCell>> rows;  // row 1 first; missing cells are empty text cells
  std::string state;                        // the sheet's state: "" (visible), "hidden", "veryHidden"
  std::vector<XlsxValidation> validations;
  std::vector<std::string> merged;  // merged ranges, e.g. "A1:G1"
};

// Throws std::runtime_error when the bytes are not a readable workbook.
std::vector<XlsxSheet> read_xlsx(const std::string& bytes);

// Every part of the zip by name (xl/workbook.xml, xl/worksheets/sheet1.xml, ...), as stored.
std::map<std::string, std::string> read_xlsx_parts(const std::string& bytes);

// Every cell of a sheet as text (numbers as written), for comparing with CSV rows.
std::vector<std::vector<std::string>> sheet_texts(const XlsxSheet& sheet);

}  // namespace dormlink::testing
