#pragma once
// A digest that `digest --send` sent (DESIGN §3): one small file under sent/, so the next digest
// knows what was promised (its plans) and where `since-last-digest` starts.
#include <optional>
#include <string>
#include <vector>

#include "upward/base/dates.hpp"

namespace upward {

/// The kinds of Plan, as sent/ files spell them.
inline const std::vector<std::string> plan_kinds{"goal-due", "next-step", "action"};

/// One plan a digest listed, to be reviewed in the next one.
struct Plan {
  std::string kind;  ///< "goal-due" (a goal of mine due soon), "next-step" (an active goal's latest note), "action" (an open action item I own)
  std::string ref;   ///< the goal id, or the action id
  std::string text;  ///< as the digest showed it
  std::optional<dates::Day> due;
  std::string file;  ///< an action's 1:1 record, relative to the repository (not stored in sent/)
  bool operator==(const Plan&) const = default;
};

/// sent/YYYY-MM-DD-HHMMSS-digest.toml (the day and local time it was sent; a suffix when taken;
/// files of earlier releases lack the time); the id is the file's stem.
struct SentDigest {
  std::string id;              ///< the file's stem; not stored in the file
  dates::Day date;             ///< the day it was sent
  std::string time;            ///< HHMMSS, the local time it was sent: in the file name only (empty: none)
  dates::DateRange period;     ///< the period it covered
  std::vector<std::string> to, cc;
  std::string subject;
  std::vector<Plan> plans;
};

/// The text of a new sent-digest file: date, period (`first`, `last`), to, cc, subject, then one
/// `[[plan]]` table per plan (kind, ref, text, due).
std::string sent_to_toml(const SentDigest& sent);

/// The file stem of a new sent digest without its collision suffix: `2026-11-27-170003-digest`
/// (`2026-11-27-digest` without a time).
std::string sent_stem(const SentDigest& sent);

}  // namespace upward
