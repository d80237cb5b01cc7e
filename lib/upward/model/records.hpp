#pragma once
// Reading records from parsed TOML, collecting every problem with its location.
#include <vector>

#include "upward/model/config.hpp"
#include "upward/model/goal.hpp"
#include "upward/model/meeting.hpp"
#include "upward/model/person.hpp"
#include "upward/model/sent.hpp"
#include "upward/model/toml_read.hpp"
#include "upward/model/win.hpp"

namespace upward {

/// upward.toml's settings; problems for wrong types, an unknown week_start or a newer schema.
Config config_from_toml(const toml::table& table, const std::string& path, std::vector<Problem>& problems);

/// A win read back from its file; problems for missing or mistyped keys. Unknown keys are ignored.
Win win_from_toml(const toml::table& table, const std::string& path, std::vector<Problem>& problems);

/// A goal read back from goals/ID.toml (`id` from the file name); problems for mistyped keys,
/// bad updates (a date is required, progress 0..100, a known status).
Goal goal_from_toml(const toml::table& table, const std::string& id, const std::string& path,
                    std::vector<Problem>& problems);

/// A person read back from people/ID.toml.
Person person_from_toml(const toml::table& table, const std::string& id, const std::string& path,
                        std::vector<Problem>& problems);

/// A talking point read back from 1on1s/PERSON/topics/ID.toml (`id`, `person` from the path);
/// problems for a missing date or text, an unknown kind.
Topic topic_from_toml(const toml::table& table, const std::string& id, const std::string& person,
                      const std::string& path, std::vector<Problem>& problems);

/// A 1:1 record read back from 1on1s/PERSON/DATE.toml; problems for a missing or mistyped key,
/// an `[[action]]` without id, owner or text, an id that is not a slug or is repeated in the file,
/// a `with` that is not `person`, a `date` that is not the file name's. `path` names the file in
/// problems and becomes Meeting::path (Repo::meetings() makes it relative to the repository).
Meeting meeting_from_toml(const toml::table& table, const std::string& person, const std::string& path,
                          std::vector<Problem>& problems);

/// An outcome note read back from outcomes/YYYY/MM/DATE-WIN.toml; problems for a missing or
/// mistyped `win` (a win id) or `date`.
OutcomeNote outcome_note_from_toml(const toml::table& table, const std::string& path, std::vector<Problem>& problems);

/// A sent digest read back from sent/ID.toml; problems for missing or mistyped keys.
SentDigest sent_from_toml(const toml::table& table, const std::string& id, const std::string& path,
                          std::vector<Problem>& problems);

}  // namespace upward
