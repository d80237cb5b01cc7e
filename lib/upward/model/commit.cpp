#include "upward/model/commit.hpp"

#include <cctype>

namespace upward {

std::optional<std::string> hash_after(std::string_view body, std::string_view marker) {
  auto at = body.rfind(marker);  // git appends its line last
  if (at == std::string_view::npos) return std::nullopt;
  std::size_t from = at + marker.size(), end = from;
  while (end < body.size() && std::isxdigit(static_cast<unsigned char>(body[end]))) ++end;
  if (end - from < 7) return std::nullopt;
  std::string out(body.substr(from, end - from));
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace upward
