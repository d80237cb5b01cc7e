#include "upward/model/toml_read.hpp"

#include "upward/base/text.hpp"

namespace upward {

toml::table parse_toml(const std::string& text, const std::string& path) {
  try {
    return toml::parse(std::string_view{text}, std::string_view{path});
  } catch (const toml::parse_error& e) {
    std::string msg(e.description());
    if (msg.find("unescaped control characters") != std::string::npos) msg += " (unterminated string?)";
    throw Error(SourceLoc{path, e.source().begin.line, e.source().begin.column}, msg);
  }
}

SourceLoc loc_of(const toml::node& node, const std::string& path) {
  return {path, node.source().begin.line, node.source().begin.column};
}

namespace {
const char* type_name(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    case toml::node_type::array: return "an array";
    case toml::node_type::table: return "a table";
    default: return "nothing";
  }
}
}  // namespace

std::optional<std::string> FieldReader::string(const char* key, bool required) {
  const toml::node* n = table_.get(key);
  if (!n) {
    if (required) problem_at_file(std::string("missing required key '") + key + "'");
    return std::nullopt;
  }
  if (!n->is_string()) {
    problem(*n, std::string("'") + key + "' must be a string, not " + type_name(*n));
    return std::nullopt;
  }
  return n->as_string()->get();
}

std::optional<dates::DateRange> FieldReader::period(const char* key) {
  const toml::node* n = table_.get(key);
  if (!n) {
    problem_at_file(std::string("missing required key '") + key + "'");
    return std::nullopt;
  }
  const toml::table* t = n->as_table();
  std::optional<dates::Day> first, last;
  if (t) {
    FieldReader p(*t, path_, problems_);
    first = p.day("first");
    last = p.day("last");
  }
  if (!t || !t->get("first") || !t->get("last"))
    problem(*n, std::string("'") + key + "' must be a table { first = DATE, last = DATE }");
  else if (first && last && *last < *first)
    problem(*n, std::string("'") + key + "' ends before it starts (" + dates::format_day(*first) + " > " +
                    dates::format_day(*last) + ")");
  else if (first && last)
    return dates::DateRange{*first, *last};
  return std::nullopt;
}

std::optional<dates::Day> FieldReader::day(const char* key, bool required) {
  const toml::node* n = table_.get(key);
  if (!n) {
    if (required) problem_at_file(std::string("missing required key '") + key + "'");
    return std::nullopt;
  }
  if (!n->is_date()) {
    problem(*n, std::string("'") + key + "' must be a date like 2026-11-23 (no quotes), not " + type_name(*n));
    return std::nullopt;
  }
  auto d = n->as_date()->get();
  return date::sys_days{date::year{d.year} / d.month / d.day};
}

std::optional<bool> FieldReader::boolean(const char* key) {
  const toml::node* n = table_.get(key);
  if (!n) return std::nullopt;
  if (!n->is_boolean()) {
    problem(*n, std::string("'") + key + "' must be true or false, not " + type_name(*n));
    return std::nullopt;
  }
  return n->as_boolean()->get();
}

std::optional<std::int64_t> FieldReader::integer(const char* key) {
  const toml::node* n = table_.get(key);
  if (!n) return std::nullopt;
  if (!n->is_integer()) {
    problem(*n, std::string("'") + key + "' must be an integer, not " + type_name(*n));
    return std::nullopt;
  }
  return n->as_integer()->get();
}

std::vector<std::string> FieldReader::strings(const char* key, bool slugs) {
  std::vector<std::string> out;
  const toml::node* n = table_.get(key);
  if (!n) return out;
  const toml::array* arr = n->as_array();
  if (!arr) {
    problem(*n, std::string("'") + key + "' must be an array of strings, not " + type_name(*n));
    return out;
  }
  for (const auto& item : *arr) {
    if (!item.is_string()) {
      problem(item, std::string("'") + key + "' must hold only strings, not " + type_name(item));
      continue;
    }
    const std::string& s = item.as_string()->get();
    if (slugs && !text::is_slug(s)) {
      problem(item, "'" + s + "' in '" + key + "' is not an id (expected lowercase letters, digits and '-')");
      continue;
    }
    out.push_back(s);
  }
  return out;
}

std::optional<std::string> FieldReader::one_of(const char* key, const std::vector<std::string>& allowed) {
  auto s = string(key);
  if (!s) return s;
  for (const auto& a : allowed)
    if (*s == a) return s;
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  problem(*table_.get(key), "unknown " + std::string(key) + " '" + *s + "' (expected " + list + ")");
  return std::nullopt;
}

std::optional<std::string> FieldReader::slug(const char* key) {
  auto s = string(key);
  if (s && !text::is_slug(*s)) {
    problem(*table_.get(key), std::string("'") + key + "' = '" + *s + "' is not an id (expected lowercase letters, digits and '-')");
    return std::nullopt;
  }
  return s;
}

}  // namespace upward
