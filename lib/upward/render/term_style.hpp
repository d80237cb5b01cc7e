#pragma once
// How text output is shown: what the terminal (or file) it goes to can take.
#include <cstddef>

namespace upward {

struct TermStyle {
  bool color = false;      ///< ANSI colours (a terminal, no NO_COLOR)
  bool utf8 = false;       ///< block characters and `…` (a UTF-8 terminal); ASCII otherwise
  std::size_t width = 0;   ///< columns to fit lines in (COLUMNS or the terminal's); 0: no limit
  bool terminal = false;   ///< a terminal: record text is shown escaped (text::for_terminal)
};

}  // namespace upward
