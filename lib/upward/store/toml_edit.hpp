#pragma once
// Changing a user's file without rewriting it (DESIGN §4): append text, or replace exactly one
// value's text. Every other byte stays as the user left it (a UTF-8 byte-order mark at the start
// included); new lines end as the file's first line does (CRLF or LF). The result is parsed before
// it is returned.
#include <string>

namespace upward::toml_edit {

/// `text` with `block` appended (after a newline, when `text` does not end with one).
/// Error at FILE:LINE:COL when `text` does not parse, or when the result would not.
std::string append(const std::string& text, const std::string& block, const std::string& path);

/// `text` with the top-level `key` set to the string `value`: its value's text replaced in place
/// when the key exists, else a `key = "value"` line put in place of a commented example of the
/// key (`# key = ...`, on its own line before the first table), else inserted after the last
/// top-level key (before the first table when there is none). Error when `text` does not parse.
std::string set_top_level_string(const std::string& text, const std::string& key, const std::string& value,
                                 const std::string& path);

/// `text` with the top-level `key` set to `value_toml` (a TOML value as text: `"quoted"`,
/// `2026-11-23`): replaced in place when the key exists, else inserted as a new line after the
/// last top-level key (before the first table when there is none). Error when `text` does not
/// parse, or the result would not.
std::string set_top_level(const std::string& text, const std::string& key, const std::string& value_toml,
                          const std::string& path);

/// `text` with `key` set to `value_toml` in the `index`th (0-based) table of the array of tables
/// `array` (`[[action]]`): replaced in place when the key exists, else inserted as a new line after
/// that table's last key line (after its header when it has none), so comments and blank lines
/// before the next table stay with it. Error when `text` does not parse, or there is no such
/// table, or the result would not parse.
std::string set_in_array_table(const std::string& text, const std::string& array, std::size_t index,
                               const std::string& key, const std::string& value_toml, const std::string& path);

}  // namespace upward::toml_edit
