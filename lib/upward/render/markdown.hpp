#pragma once
// Record text inside CommonMark: the user's words must never turn into Markdown structure.
#include <string>
#include <string_view>

namespace upward::md {

/// One line for a table cell or a list item: newlines flattened, `|` escaped, trimmed. Only the
/// table separator is escaped (the goals commands' Markdown).
std::string cell(std::string_view s);

/// Record text as literal CommonMark inline text on one line: newlines and tabs flattened to
/// spaces, trimmed; `\`, `` ` ``, `*`, `_`, `[`, `]`, `<` and an entity-like `&` backslash-escaped
/// everywhere, and what would open a block at the start (`# `, `- `, `+ `, `>`, `===`, `~~~`,
/// `1. `, `1) `) escaped there, so the text is safe anywhere in a line. Text that needs no
/// escape (`-3 days`, `#hashtag`, `3.5 hours`, `R&D`) stays as it is.
/// `escape("# *hi* [x]")` is `\# \*hi\* \[x\]`.
std::string escape(std::string_view s);

/// A code span holding `s` on one line: `` `id` ``, with a longer fence (and spaces) when `s`
/// holds backticks itself.
std::string code(std::string_view s);

}  // namespace upward::md
