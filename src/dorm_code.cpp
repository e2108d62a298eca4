#include <array>

#include "dormlink/model.hpp"
#include "dormlink/util/text.hpp"

namespace dormlink {
namespace {

// Words and marks that end a building name or a room number in how staff write dorms.
constexpr std::array<std::string_view, 11> k_building_suffixes{"号楼", "栋", "幢", "楼", "号", "舍",
                                                               "-",    "#",  "_",  "/",  " "};
constexpr std::array<std::string_view, 3> k_room_suffixes{"寝室", "宿舍", "室"};

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Strips any number of the given suffixes from the end.
template <std::size_t N>
std::string_view strip_suffixes(std::string_view text, const std::array<std::string_view, N>& list) {
  bool stripped = true;
  while (stripped && !text.empty()) {
    stripped = false;
    for (auto suffix : list) {
      if (ends_with(text, suffix)) {
        text.remove_suffix(suffix.size());
        stripped = true;
      }
    }
  }
  return text;
}

bool is_alnum_ascii(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

std::string upper_ascii(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// A room is letters and digits with at least one digit ("305", "305A").
bool valid_room(std::string_view room) {
  if (room.empty()) return false;
  bool digit = false;
  for (char c : room) {
    if (!is_alnum_ascii(c)) return false;
    digit = digit || (c >= '0' && c <= '9');
  }
  return digit;
}

// A building name has no control characters or separators left at its ends.
bool valid_building(std::string_view building) {
  if (building.empty() || building.size() > 64) return false;
  for (char c : building) {
    if (static_cast<unsigned char>(c) < 0x20 || c == ',' || c == '"') return false;
  }
  return true;
}

}  // namespace

std::optional<DormCode> parse_dorm_code(std::string_view text) {
  auto normal = util::normalize_code(text);
  std::string_view rest = strip_suffixes(std::string_view(normal), k_room_suffixes);
  auto end = rest.size();
  auto start = end;
  while (start > 0 && is_alnum_ascii(rest[start - 1])) --start;
  auto room = rest.substr(start);
  auto building = util::trim(strip_suffixes(rest.substr(0, start), k_building_suffixes));
  if (!valid_room(room) || !valid_building(building)) return std::nullopt;
  return DormCode{upper_ascii(building), upper_ascii(room)};
}

std::optional<DormCode> make_dorm_code(std::string_view building, std::string_view room) {
  auto b = util::normalize_code(building);
  auto r = util::normalize_code(room);
  auto building_part = util::trim(strip_suffixes(std::string_view(b), k_building_suffixes));
  auto room_part = util::trim(strip_suffixes(std::string_view(r), k_room_suffixes));
  if (!valid_room(room_part) || !valid_building(building_part)) return std::nullopt;
  return DormCode{upper_ascii(building_part), upper_ascii(room_part)};
}

}  // namespace dormlink
