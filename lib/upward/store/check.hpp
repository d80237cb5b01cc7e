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

}  // namespace upward
