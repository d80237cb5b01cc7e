#include "upward/store/toml_edit.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include "upward/base/text.hpp"
#include "upward/model/toml_read.hpp"

namespace upward::toml_edit {

namespace {

constexpr std::string_view bom = "\xEF\xBB\xBF";

/// Byte offset of a 1-based (line, column-in-code-points) position. toml++ does not count a
/// byte-order mark at the start of the file in columns, nor does an editor show one.
size_t to_offset(const std::string& text, toml::source_position p) {
  size_t off = p.line == 1 && std::string_view(text).substr(0, 3) == bom ? 3 : 0;
  for (uint32_t l = 1; l < p.line && off != std::string::npos; ++l) {
    off = text.find('\n', off);
    if (off != std::string::npos) ++off;
  }
  if (off == std::string::npos) return text.size();
  for (uint32_t c = 1; c < p.column && off < text.size(); ++c) {
    auto b = static_cast<unsigned char>(text[off]);
    off += b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : 4;
  }
  return std::min(off, text.size());
}

/// Byte offset of the start of the line after `line` (1-based).
size_t after_line(const std::string& text, uint32_t line) {
  size_t off = 0;
  for (uint32_t l = 0; l < line; ++l) {
    off = text.find('\n', off);
    if (off == std::string::npos) return text.size();
    ++off;
  }
  return off;
}

/// The file's line ending: "\r\n" when its first line ends so, else "\n".
std::string eol_of(const std::string& text) {
  size_t nl = text.find('\n');
  return nl != std::string::npos && nl > 0 && text[nl - 1] == '\r' ? "\r\n" : "\n";
}

/// `block` (upward's text: one-line strings, '\n' line ends) with the file's line ending.
std::string with_eol(const std::string& block, const std::string& eol) {
  if (eol == "\n") return block;
  std::string out;
  for (char c : block) out += c == '\n' ? eol : std::string(1, c);
  return out;
}

/// Byte offset of the first line before `end` that is a commented-out `key = ...` (`# key = "x"`,
/// `#key="x"`), if any; lines inside a value spanning several lines (`values`) are text, not comments.
std::optional<size_t> commented_example(const std::string& text, const std::string& key, size_t end,
                                        const std::vector<toml::source_region>& values) {
  uint32_t number = 0;
  for (size_t at = 0; at < end;) {
    ++number;
    bool inside = std::any_of(values.begin(), values.end(), [&](const toml::source_region& r) {
      return r.begin.line < number && number <= r.end.line;
    });
    if (at == 0 && std::string_view(text).substr(0, 3) == bom) at = 3;
    size_t nl = text.find('\n', at);
    std::string_view line = std::string_view(text).substr(at, (nl == std::string::npos ? text.size() : nl) - at);
    size_t i = line.find_first_not_of(" \t");
    if (!inside && i != std::string_view::npos && line[i] == '#') {
      i = line.find_first_not_of(" \t#", i);
      if (i != std::string_view::npos && line.substr(i, key.size()) == key) {
        i = line.find_first_not_of(" \t", i + key.size());
        if (i != std::string_view::npos && line[i] == '=') return at;
      }
    }
    if (nl == std::string::npos) break;
    at = nl + 1;
  }
  return std::nullopt;
}

/// True for a table written with a header (`[t]`, `[[t]]`) or dotted keys, not `{ ... }`.
bool is_block_table(const toml::node& n) { return n.is_table() && !n.as_table()->is_inline(); }

/// True for `[[t]]` tables (not an inline array of inline tables).
bool is_table_array(const toml::node& n) {
  return n.is_array_of_tables() && !n.as_array()->empty() && is_block_table((*n.as_array())[0]);
}

/// The source regions of every value in the document (a key's value, an inline table or array
/// as one), found by walking the block tables.
void value_regions(const toml::node& n, std::vector<toml::source_region>& out) {
  if (is_block_table(n)) {
    for (auto&& [k, v] : *n.as_table()) value_regions(v, out);
  } else if (is_table_array(n)) {
    for (const auto& t : *n.as_array()) value_regions(t, out);
  } else {
    out.push_back(n.source());
  }
}

/// The 1-based numbers of the lines that are table headers (`[t]`, `[[t]]`): those starting with
/// '[' that are not inside a value spanning several lines.
std::vector<uint32_t> header_lines(const std::string& text, const std::vector<toml::source_region>& values) {
  std::vector<uint32_t> out;
  uint32_t line = 1;
  for (size_t at = 0; at < text.size(); ++line) {
    size_t nl = text.find('\n', at);
    size_t i = text.find_first_not_of(" \t", at == 0 && std::string_view(text).substr(0, 3) == bom ? 3 : at);
    if (i < (nl == std::string::npos ? text.size() : nl) && text[i] == '[') {
      bool inside = std::any_of(values.begin(), values.end(), [&](const toml::source_region& r) {
        return r.begin.line < line && line <= r.end.line;
      });
      if (!inside) out.push_back(line);
    }
    if (nl == std::string::npos) break;
    at = nl + 1;
  }
  return out;
}

/// `text` with `line` (ending in `eol`) inserted at byte `at` (the start of a line, or the end of
/// a file without a final newline); a byte-order mark stays first.
std::string insert_line(const std::string& text, size_t at, const std::string& line, const std::string& eol) {
  if (at == 0 && std::string_view(text).substr(0, 3) == bom) at = 3;
  std::string before = text.substr(0, at);
  if (!before.empty() && before.back() != '\n' && before != bom) before += eol;
  return before + line + text.substr(at);
}

/// `text` with the value `node` (of the document parsed from `text`) replaced by `value_toml`.
std::string replace_value(const std::string& text, const toml::node& node, const std::string& key,
                          const std::string& value_toml, const std::string& path) {
  if (is_block_table(node) || is_table_array(node))
    throw Error(loc_of(node, path), "cannot set '" + key + "' in place: it is a table here");
  size_t b = to_offset(text, node.source().begin), e = to_offset(text, node.source().end);
  return text.substr(0, b) + value_toml + text.substr(e);
}

/// `key` is a bare key (upward's own keys): Error otherwise, so it is never misquoted.
void require_bare_key(const std::string& key, const std::string& path) {
  bool ok = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
  if (!ok) throw Error(SourceLoc{path, 0, 0}, "cannot set '" + key + "': not a bare key");
}

/// `value_toml` parsed as the value of a key, to compare with what the new text holds.
toml::table expected_value(const std::string& value_toml, const std::string& path) {
  return parse_toml("v = " + value_toml + "\n", path + " (the new value)");
}

/// `out` parsed again (Error when it does not parse), with the node `at` finds in it equal to `value_toml`.
template <class Find>
std::string checked(const std::string& out, const std::string& key, const std::string& value_toml,
                    const std::string& path, Find at) {
  toml::table check = parse_toml(out, path + " (with the new text)");
  toml::table expected = expected_value(value_toml, path);
  if (at(check) != expected["v"]) throw Error(SourceLoc{path, 0, 0}, "cannot set '" + key + "' in place");
  return out;
}

/// set_top_level(), and in place of a commented example of the key when `use_example`.
std::string set_top(const std::string& text, const std::string& key, const std::string& value_toml,
                    const std::string& path, bool use_example) {
  require_bare_key(key, path);
  toml::table table = parse_toml(text, path);
  expected_value(value_toml, path);
  auto verify = [&](const std::string& out) {
    return checked(out, key, value_toml, path, [&](toml::table& t) { return t[key]; });
  };
  if (const toml::node* node = table.get(key)) return verify(replace_value(text, *node, key, value_toml, path));
  uint32_t last_key_line = 0, first_table_line = 0;
  for (auto&& [k, v] : table) {
    if (is_block_table(v) || is_table_array(v)) {
      uint32_t line = v.is_table() ? v.source().begin.line : (*v.as_array())[0].source().begin.line;
      if (line && (!first_table_line || line < first_table_line)) first_table_line = line;
    } else {
      last_key_line = std::max(last_key_line, v.source().end.line);
    }
  }
  std::string eol = eol_of(text), line = key + " = " + value_toml + eol;
  size_t end_of_top = first_table_line ? after_line(text, first_table_line - 1) : text.size();
  std::vector<toml::source_region> values;
  if (use_example) value_regions(table, values);
  if (auto ex = use_example ? commented_example(text, key, end_of_top, values) : std::nullopt) {  // `# key = ...` becomes the line
    size_t e = text.find('\n', *ex);
    e = e == std::string::npos ? text.size() : e + 1;
    return verify(text.substr(0, *ex) + line + text.substr(e));
  }
  size_t at = last_key_line ? after_line(text, last_key_line) : end_of_top;
  return verify(insert_line(text, at, line, eol));
}

}  // namespace

std::string append(const std::string& text, const std::string& block, const std::string& path) {
  parse_toml(text, path);  // a file that does not parse is never written
  std::string eol = eol_of(text), out = text;
  if (!out.empty() && out.back() != '\n' && out != bom) out += eol;
  out += with_eol(block, eol);
  parse_toml(out, path + " (with the new text)");
  return out;
}

std::string set_top_level_string(const std::string& text, const std::string& key, const std::string& value,
                                 const std::string& path) {
  return set_top(text, key, text::toml_quote(value), path, true);
}

std::string set_top_level(const std::string& text, const std::string& key, const std::string& value_toml,
                          const std::string& path) {
  return set_top(text, key, value_toml, path, false);
}

std::string set_in_array_table(const std::string& text, const std::string& array, std::size_t index,
                               const std::string& key, const std::string& value_toml, const std::string& path) {
  require_bare_key(key, path);
  toml::table doc = parse_toml(text, path);
  expected_value(value_toml, path);
  const toml::node* tables = doc.get(array);
  if (!tables || !is_table_array(*tables)) throw Error(SourceLoc{path, 0, 0}, "no [[" + array + "]] tables");
  const toml::array& arr = *tables->as_array();
  if (index >= arr.size())
    throw Error(SourceLoc{path, 0, 0}, "no [[" + array + "]] table number " + std::to_string(index + 1) + " (there are " +
                                           std::to_string(arr.size()) + ")");
  const toml::table& table = *arr[index].as_table();
  auto verify = [&](const std::string& out) {
    return checked(out, key, value_toml, path, [&](toml::table& t) { return t[array][index][key]; });
  };
  if (const toml::node* node = table.get(key)) return verify(replace_value(text, *node, key, value_toml, path));
  // after the last line of a value between this table's header and the next header
  std::vector<toml::source_region> values;
  value_regions(doc, values);
  uint32_t header = table.source().begin.line, next = UINT32_MAX;
  for (uint32_t h : header_lines(text, values))
    if (h > header) {
      next = h;
      break;
    }
  uint32_t last = header;
  for (const auto& r : values)
    if (r.begin.line > header && r.begin.line < next) last = std::max(last, r.end.line);
  std::string eol = eol_of(text);
  return verify(insert_line(text, after_line(text, last), key + " = " + value_toml + eol, eol));
}

}  // namespace upward::toml_edit
