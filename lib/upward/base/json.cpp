#include "upward/base/json.hpp"

#include "upward/base/text.hpp"

namespace upward::json {

// TOML basic strings and JSON strings share their escapes (\" \\ \b \t \n \f \r \uXXXX):
// one tested escaper serves both.
std::string quote(std::string_view s) { return text::toml_quote(s); }

std::string array(const std::vector<std::string>& items) { return text::toml_string_array(items); }

std::string optional(const std::optional<std::string>& s) { return s ? quote(*s) : "null"; }

Object& Object::raw(std::string_view key, const std::string& json_value) {
  if (!body_.empty()) body_ += ", ";
  body_ += quote(key) + ": " + json_value;
  return *this;
}

}  // namespace upward::json
