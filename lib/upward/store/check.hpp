#pragma once
#include <vector>

#include "upward/base/error.hpp"
#include "upward/store/repo.hpp"

namespace upward {

/// Every problem in the repository: files that do not parse, known keys with the wrong type or
/// value, wins whose date does not match their folder, links to goals that do not exist.
/// Sorted by file, then line.
std::vector<Problem> check_repository(const Repo& repo);

}  // namespace upward
