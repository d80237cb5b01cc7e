#include "upward/render/markdown.hpp"

#include <algorithm>
#include <cctype>

#include "upward/base/text.hpp"

namespace upward::md {

namespace {
using text::one_line;

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

/// `&name;`, `&#123;` or `&#x1F;` starting at `i`: CommonMark would show the character it names.
bool entity_at(const std::string& s, size_t i) {
  size_t j = i + 1;
  if (j < s.size() && s[j] == '#') ++j;
  size_t start = j;
  while (j < s.size() && is_alnum(s[j])) ++j;
  return j > start && j < s.size() && s[j] == ';';
}
}  // namespace

std::string cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\r') out += ' ';
    else if (c == '|') out += "\\|";
    else out += c;
  }
  return text::trim(out);
}

std::string escape(std::string_view raw) {
  const std::string s = one_line(raw);
  std::string out;
  out.reserve(s.size() + 8);
  size_t i = 0;
  // A block marker at the start: a quote, or a heading, list item, setext underline, thematic
  // break or fence, which all need something else than a letter or digit after their first
  // character (`-3 days`, `#hashtag`, `3.5 hours` and `~5 min` stay as they are).
  const bool word_follows = s.size() > 1 && is_alnum(s[1]);
  if (!s.empty() && (s[0] == '>' || (std::string_view("#-+=~").find(s[0]) != std::string_view::npos && !word_follows))) {
    out += '\\';
  } else {
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) out += s[i++];
    if (i > 0 && i < s.size() && (s[i] == '.' || s[i] == ')') && (i + 1 == s.size() || s[i + 1] == ' ')) out += '\\';
  }
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (std::string_view("\\`*_[]<").find(c) != std::string_view::npos || (c == '&' && entity_at(s, i)))
      out += '\\';
    out += c;
  }
  return out;
}

std::string code(std::string_view raw) {
  const std::string s = one_line(raw);
  size_t longest = 0, run = 0;
  for (char c : s) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(longest + 1, '`');
  bool pad = longest > 0 && (s.front() == '`' || s.back() == '`');
  return fence + (pad ? " " : "") + s + (pad ? " " : "") + fence;
}

}  // namespace upward::md
