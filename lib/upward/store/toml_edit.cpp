#include "upward/store/toml_edit.hpp"

#include "upward/base/text.hpp"
#include "upward/model/toml_read.hpp"

namespace upward::toml_edit {

namespace {

/// Byte offset of a 1-based (line, column-in-code-points) position.
size_t to_offset(const std::string& text, toml::source_position p) {
  size_t off = 0;
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

}  // namespace

std::string append(const std::string& text, const std::string& block, const std::string& path) {
  parse_toml(text, path);  // a file that does not parse is never written
  std::string out = text;
  if (!out.empty() && out.back() != '\n') out += '\n';
  out += block;
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
    std::string line = key + " = " + quoted + "\n";
    size_t at = last_key_line ? after_line(text, last_key_line)
                : first_table_line ? after_line(text, first_table_line - 1)
                                   : text.size();
    std::string before = text.substr(0, at);
    if (!before.empty() && before.back() != '\n') before += '\n';
    out = before + line + text.substr(at);
  }
  toml::table check = parse_toml(out, path + " (with the new text)");
  if (check[key].value<std::string>() != value) throw Error(SourceLoc{path, 0, 0}, "cannot set '" + key + "' in place");
  return out;
}

}  // namespace upward::toml_edit
