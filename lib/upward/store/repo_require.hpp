#pragma once
// Checks that writers share: the records a new or changed record names must exist.
#include <string>
#include <vector>

#include "upward/store/repo.hpp"

namespace upward {

/// Error "unknown goal 'x' (no goals/x.toml; see 'upward goals')" for the first id without a goal file.
void require_goals(const Repo& repo, const std::vector<std::string>& ids);

/// UsageError when `id` is not a slug: "'X' is not a person id (...)".
void require_person_id(const std::string& id);

/// require_person_id(), then Error "unknown person 'x' (expected a, b)" when people/ID.toml does not exist.
void require_person(const Repo& repo, const std::string& id);

}  // namespace upward
