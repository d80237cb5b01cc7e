#pragma once
#include <vector>

#include "upward/base/error.hpp"
#include "upward/store/repo.hpp"

namespace upward {

/// Every problem in the repository: files that do not parse, known keys with the wrong type or
/// value, wins whose date does not match their folder, links to goals that do not exist, goal
/// updates dated before the goal was created or after `today`; 1:1 records and talking points
/// (1on1s/) with bad values, a record whose name is not a date, an action id repeated across one
/// person's records; and, as warnings, updates that change a done goal without reopening it
/// (notes: people named who are not in people/). Sorted by file, then line.
std::vector<Problem> check_repository(const Repo& repo, dates::Day today);

/// The problems check_repository would report in the file `rel` (relative to the repository)
/// if it held `text`: the same per-file rules, locations naming the real file `DIR/rel`, sorted
/// by line. Other files are read only as the rules need (goals and people named, the action ids
/// of the person's other 1:1 records). Used by `upward edit` before a text replaces the file.
std::vector<Problem> check_file(const Repo& repo, const std::string& rel, const std::string& text, dates::Day today);

}  // namespace upward
