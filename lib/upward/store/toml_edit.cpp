#include "upward/store/toml_edit.hpp"

#include <optional>

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
/// `#key="x"`), if any.
std::optional<size_t> commented_example(const std::string& text, const std::string& key, size_t end) {
  for (size_t at = 0; at < end;) {
    if (at == 0 && std::string_view(text).substr(0, 3) == bom) at = 3;
    size_t nl = text.find('\n', at);
    std::string_view line = std::string_view(text).substr(at, (nl == std::string::npos ? text.size() : nl) - at);
    size_t i = line.find_first_not_of(" \t");
    if (i != std::string_view::npos && line[i] == '#') {
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

std::string checked(const std::string& out, const std::string& key, const std::string& value, const std::string& path) {
  toml::table check = parse_toml(out, path + " (with the new text)");
  if (check[key].value<std::string>() != value) throw Error(SourceLoc{path, 0, 0}, "cannot set '" + key + "' in place");
  return out;
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
  toml::table table = parse_toml(text, path);
  std::string quoted = text::toml_quote(value);
  std::string out;
  if (const toml::node* node = table.get(key)) {
    size_t b = to_offset(text, node->source().begin), e = to_offset(text, node->source().end);
    out = text.substr(0, b) + quoted + text.substr(e);
  } else {
    uint32_t last_key_line = 0, first_table_line = 0;
    for (auto&& [k, v] : table) {
      bool is_table = (v.is_table() && !v.as_table()->is_inline()) || v.is_array_of_tables();
      if (is_table) {
        uint32_t line = v.is_table() ? v.source().begin.line : (*v.as_array())[0].source().begin.line;
        if (line && (!first_table_line || line < first_table_line)) first_table_line = line;
      } else {
        last_key_line = std::max(last_key_line, v.source().end.line);
      }
    }
    std::string eol = eol_of(text), line = key + " = " + quoted + eol;
    size_t at = last_key_line ? after_line(text, last_key_line)
                : first_table_line ? after_line(text, first_table_line - 1)
                                   : text.size();
    if (at == 0 && std::string_view(text).substr(0, 3) == bom) at = 3;  // the mark stays first
    size_t end_of_top = first_table_line ? after_line(text, first_table_line - 1) : text.size();
    if (auto ex = commented_example(text, key, end_of_top)) {  // `# key = ...` becomes the real line
      size_t e = text.find('\n', *ex);
      e = e == std::string::npos ? text.size() : e + 1;
      return checked(text.substr(0, *ex) + line + text.substr(e), key, value, path);
    }
    std::string before = text.substr(0, at);
    if (!before.empty() && before.back() != '\n' && before != bom) before += eol;
    out = before + line + text.substr(at);
  }
  return checked(out, key, value, path);
}

// STUB: helper "store" implements these.
std::string set_top_level(const std::string&, const std::string&, const std::string&, const std::string& path) {
  throw Error(SourceLoc{path, 0, 0}, "set_top_level: not implemented yet");
}
std::string set_in_array_table(const std::string&, const std::string&, std::size_t, const std::string&,
                               const std::string&, const std::string& path) {
  throw Error(SourceLoc{path, 0, 0}, "set_in_array_table: not implemented yet");
}

}  // namespace upward::toml_edit
