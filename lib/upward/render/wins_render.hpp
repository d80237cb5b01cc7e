#pragma once
// The output of `upward wins` and `upward wins show` (issue 10): text for a terminal,
// CommonMark, JSON with the keys documented in upward-wins(1), and vimgrep lines.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "upward/base/dates.hpp"
#include "upward/model/goal.hpp"
#include "upward/model/person.hpp"
#include "upward/model/win.hpp"
#include "upward/render/term_style.hpp"

namespace upward {

/// What a list of wins covers: a period, or (nullopt) all of wins/.
using WinsScope = std::optional<dates::DateRange>;

/// The short markers of a win's line: `kudos from eve`, `private`, `goals: a, b`,
/// `2 metrics`, `follow-up due`.
std::vector<std::string> win_markers(const Win& win, dates::Day today);

/// A heading line (`Wins 2026-11-01..2026-11-30: 3`), then one line per win in the order given:
/// date, id, title, markers in brackets. Columns line up by display width; with `style.width`,
/// titles are cut (`…`) to fit, then the markers.
std::string render_wins_text(std::span<const Win> wins, const WinsScope& scope, dates::Day today,
                             const TermStyle& style);
/// `# Wins PERIOD`, then one list item per win.
std::string render_wins_md(std::span<const Win> wins, const WinsScope& scope, dates::Day today);
/// `{"period", "count", "wins": [...]}`; keys documented in upward-wins(1).
std::string render_wins_json(std::span<const Win> wins, const WinsScope& scope, dates::Day today);
/// `DIR/wins/YYYY/MM/ID.toml:LINE:1: title`, LINE the line of the `title` key.
std::string render_wins_vimgrep(std::span<const Win> wins, const std::string& repo_dir);

/// One win's JSON object (the keys of a `wins` item), on one line.
std::string win_json(const Win& win, dates::Day today);

/// What `wins show` adds to a win: its goals' titles, the names of people, the file.
struct WinContext {
  std::span<const Goal> goals;
  std::span<const Person> people;
  dates::Day today{};
  std::string path;  ///< the file as the user can open it
};

/// The whole win: date, kind, impact, metrics, links, goals (titles), seen by (names),
/// follow-up and outcome, section, private, tags, its file.
std::string render_win_md(const Win& win, const WinContext& c);
/// win_json()'s keys plus `file`, `goal_titles`, `seen_by_names` and `from_name`.
std::string render_win_json(const Win& win, const WinContext& c);

}  // namespace upward
