#pragma once
// Reading wins for `upward wins --all` (issue 10): every month folder of wins/.
#include <vector>

#include "upward/store/repo.hpp"

namespace upward {

/// Every win of every month folder `wins/YYYY/MM` (other entries of wins/ are not read), oldest
/// first; each file that does not read cleanly is added to `skipped`.
std::vector<Win> all_wins(const Repo& repo, std::vector<Problem>& skipped);

}  // namespace upward
