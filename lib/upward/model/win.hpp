#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "upward/base/dates.hpp"

namespace upward {

/// A measured change: `--metric p99=900ms->350ms`. Values are kept as typed.
struct Metric {
  std::string name, before, after;
  bool operator==(const Metric&) const = default;
};

/// One win (or kudos received): one file under wins/YYYY/MM/, its id the file's stem.
struct Win {
  std::string id;  ///< the file's stem; not stored in the file
  dates::Day date;
  std::string title;
  std::string impact;
  std::string kind = "win";  ///< "win" or "kudos"
  std::string from;          ///< kudos: who gave it (a person id)
  std::vector<std::string> tags, goals, seen_by, links;
  std::vector<Metric> metrics;
  std::vector<std::string> source;  ///< what a harvested win came from: `git:REPO@HASH` (issue 12); never proposed again
  std::optional<dates::Day> follow_up;
  std::string outcome;                    ///< what actually happened (`upward outcome`); empty: not recorded
  std::optional<dates::Day> outcome_date; ///< when the outcome was recorded
  std::string section;                    ///< a brag section key (config.hpp brag_sections), or empty
  bool is_private = false;
  std::uint32_t title_line = 0;  ///< (wins listing, issue 10) the line of `title` in the file, for vimgrep; 0: unknown
};

/// Parse `NAME=BEFORE->AFTER` (also `→`); UsageError naming the expected form.
Metric parse_metric(std::string_view spec);

/// Check what a person typed before it is stored: valid UTF-8, a non-empty one-line title,
/// ids that are slugs, tags without spaces or commas. UsageError (exit 2) or Error (exit 1).
void validate_win(const Win& win);

/// The text of a new win file (DESIGN §3), formatted by upward itself; empty fields are left out.
std::string win_to_toml(const Win& win);

/// The file stem for a win without its collision suffix: `2026-11-23-cut-checkout-p99`.
std::string win_stem(const Win& win);

/// True when `id` can name a win file: a date, '-', then a name without '/', "..", controls or
/// spaces (`2026-11-23-cut-checkout-p99`). The date says the file's folder.
bool is_win_id(std::string_view id);

/// What is wrong with a win file whose name is not a win id (readers skip it, check reports it).
inline constexpr const char* bad_win_file_name =
    "the file name is not a win id: name a win DATE-NAME.toml, like 2026-11-23-cut-checkout-p99.toml (no spaces "
    "or control characters)";

/// A period's wins are chosen by the dates in their file names, before any file is opened: a win
/// whose `date` is not its name's date (a hand edit) would be missing from its period. The
/// problem to report, with the remedy; "" when the name (is_win_id) and the date agree.
std::string win_name_date_problem(const std::string& id, dates::Day date);

/// The file of the win `id` (is_win_id), relative to the repository: `wins/2026/11/ID.toml`.
std::string win_path(const std::string& id);

/// The folder of a win, relative to the repository: `wins/2026/11`.
std::string win_folder(dates::Day d);

/// A win from the text an editor returns, the way git reads a commit message: lines starting
/// with '#' are dropped, the first paragraph is the title, the rest the impact.
/// `strip_comments` is false for text read from stdin.
std::pair<std::string, std::string> title_and_impact(std::string_view message, bool strip_comments);

/// True when the win's follow-up is due as of `day`: its date is on or before `day` and no
/// outcome is recorded (DESIGN §3).
bool outcome_due(const Win& win, dates::Day day);

/// The note `upward outcome` leaves beside a win's outcome (DESIGN §3, §8): a small file named
/// after the day the outcome was recorded, so a digest finds the outcomes of its period by file
/// name without opening older wins. The win file holds the outcome itself.
struct OutcomeNote {
  std::string win;   ///< the win's id
  dates::Day date;   ///< the day the outcome was recorded (the win's outcome_date)
};

/// The text of an outcome note: a comment naming the win's file, then `win` and `date`.
std::string outcome_note_to_toml(const OutcomeNote& note);

/// Where an outcome note lives, relative to the repository:
/// `outcomes/2026/11/2026-11-25-2026-08-03-cut-checkout.toml`.
std::string outcome_note_path(const OutcomeNote& note);

/// The template `log-win --edit` opens.
std::string edit_template(const std::string& title, const std::string& impact);

}  // namespace upward
