#pragma once
// Reading TOML with locations: the only header that includes toml++ besides its .cpp users in lib/.
#include <toml++/toml.h>

#include <optional>
#include <string>
#include <vector>

#include "upward/base/dates.hpp"
#include "upward/base/error.hpp"

namespace upward {

/// Parse `text` (named `path` in messages); a syntax error becomes an Error at its line and column,
/// with a hint where toml++'s own words mislead.
toml::table parse_toml(const std::string& text, const std::string& path);

/// Where `node` starts in `path`.
SourceLoc loc_of(const toml::node& node, const std::string& path);

/// Typed access that records a problem (and returns nullopt) when a present key has the wrong type.
class FieldReader {
 public:
  FieldReader(const toml::table& table, std::string path, std::vector<Problem>& problems)
      : table_(table), path_(std::move(path)), problems_(problems) {}

  std::optional<std::string> string(const char* key, bool required = false);
  std::optional<dates::Day> day(const char* key, bool required = false);
  /// A required period, `{ first = DATE, last = DATE }` (sent digests, harvest records).
  std::optional<dates::DateRange> period(const char* key);
  std::optional<bool> boolean(const char* key);
  std::optional<std::int64_t> integer(const char* key);
  /// An array of strings; with `slugs`, each must be an id (`[a-z0-9][a-z0-9-]*`).
  std::vector<std::string> strings(const char* key, bool slugs = false);
  /// A string that must be one of `allowed`.
  std::optional<std::string> one_of(const char* key, const std::vector<std::string>& allowed);
  /// A string that must be an id.
  std::optional<std::string> slug(const char* key);

  const toml::node* node(const char* key) const { return table_.get(key); }
  void problem(const toml::node& at, std::string message) { problems_.push_back({loc_of(at, path_), std::move(message)}); }
  void problem_at_file(std::string message) { problems_.push_back({{path_, 1, 1}, std::move(message)}); }
  const std::string& path() const { return path_; }

 private:
  const toml::table& table_;
  std::string path_;
  std::vector<Problem>& problems_;
};

}  // namespace upward
