#pragma once
// How much room text takes on a terminal, and how to make it fit. Written by hand from Unicode's
// East Asian Width property (14.0) and the combining-mark categories: no locale, no wcwidth().
#include <cstddef>
#include <string>
#include <string_view>

namespace upward::text {

/// Columns one code point takes on a terminal: 2 for East Asian Wide and Fullwidth characters
/// (CJK, Hangul, kana, most emoji), 0 for combining marks (Mn, Me), format characters (Cf,
/// e.g. ZERO WIDTH JOINER, bidirectional controls) and Hangul medial/final jamo, 1 otherwise.
/// C0 and C1 controls count as 0: escape them first (for_terminal) when they must show.
int codepoint_width(char32_t cp);

/// The next code point of `s` at byte `i`, advancing `i` past it. A byte that starts no
/// well-formed sequence is returned as itself (0x80-0xFF) and advances by one.
char32_t next_codepoint(std::string_view s, std::size_t& i);

/// Columns `s` takes: `display_width("日本語") == 6`, `display_width("é") == 1` (e + U+0301 too).
std::size_t display_width(std::string_view s);

/// `s` cut to at most `columns` columns, ending with `ellipsis` when anything was cut (the
/// ellipsis counts in the columns). Never cuts inside a UTF-8 sequence or a wide character;
/// keeps the combining marks of the last character kept, and drops spaces before the ellipsis.
/// `s` itself when it fits.
std::string truncate(std::string_view s, std::size_t columns, std::string_view ellipsis = "…");

/// `s` followed by spaces up to `columns` columns (`s` itself when it is already that wide).
std::string pad_right(std::string_view s, std::size_t columns);

}  // namespace upward::text
