#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace upward::json {

/// A JSON string literal: quotes, backslashes and control characters escaped; UTF-8 kept.
std::string quote(std::string_view s);

/// `["a", "b"]`
std::string array(const std::vector<std::string>& items);

/// A quoted string, or `null`.
std::string optional(const std::optional<std::string>& s);

/// Builds one JSON object on one line: `{"key": value, ...}`; values are already JSON text.
class Object {
 public:
  Object& raw(std::string_view key, const std::string& json_value);
  Object& str(std::string_view key, std::string_view value) { return raw(key, quote(value)); }
  Object& num(std::string_view key, long long value) { return raw(key, std::to_string(value)); }
  Object& boolean(std::string_view key, bool value) { return raw(key, value ? "true" : "false"); }
  std::string done() const { return "{" + body_ + "}"; }

 private:
  std::string body_;
};

}  // namespace upward::json
