#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace upward::text {

/// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool valid_utf8(std::string_view s);

/// A TOML basic string, quotes included: `"say \"hi\"\n"`. Escapes `\`, `"` and every control
/// character (U+0000-U+001F, U+007F); other text, emoji included, stays as it is.
/// The input must be valid UTF-8.
std::string toml_quote(std::string_view s);

/// A TOML array of basic strings on one line: `["a", "b"]`.
std::string toml_string_array(const std::vector<std::string>& items);

/// An id: `[a-z0-9][a-z0-9-]*`, at most 64 characters. Used for goals, people and action items.
bool is_slug(std::string_view s);

/// A file-name slug made from a title: ASCII letters and digits lower-cased, accented Latin letters
/// (Latin-1 Supplement, Latin Extended-A) transliterated (`naïve café` -> `naive-cafe`, `ß` -> `ss`,
/// `æ` -> `ae`, `ø` -> `o`), combining accents dropped, every other run of characters one `-`,
/// cut at a word boundary to at most `max` characters. May be empty.
std::string slugify(std::string_view title, std::size_t max = 40);

/// Record text made safe to show on a terminal: every control character but newline and tab
/// (C0, DEL, C1: ESC shows as `\x1b`, U+0085 as `\u0085`), every bidirectional embedding,
/// override or isolate (U+202A-U+202E, U+2066-U+2069: `\u202e`) and every byte that is not
/// UTF-8 (`\xff`) is written as a visible escape; all other text is kept. Only for a terminal:
/// files and JSON keep the text exactly.
std::string for_terminal(std::string_view s);

/// `s` as one POSIX shell word, single-quoted only when it needs to be: `/tmp/my repo` ->
/// `'/tmp/my repo'`, for commands a message tells the user to run.
std::string shell_word(std::string_view s);

/// Trim ASCII whitespace at both ends.
std::string trim(std::string_view s);

/// Record text for one line of a report: newlines, carriage returns and tabs become spaces,
/// and the ends are trimmed.
std::string one_line(std::string_view s);

/// Split on '\n' (a trailing '\r' is dropped from each line).
std::vector<std::string> lines(std::string_view s);

}  // namespace upward::text
