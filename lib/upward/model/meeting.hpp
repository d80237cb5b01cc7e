#pragma once
// 1:1s (DESIGN §3): talking points queued for a person, and the records of the meetings held,
// with their action items. 1on1s/PERSON/topics/DATE-SLUG.toml and 1on1s/PERSON/DATE.toml.
#include <optional>
#include <string>
#include <vector>

#include "upward/base/dates.hpp"

namespace upward {

/// The kinds of talking point, in the order the agenda lists them.
inline const std::vector<std::string> topic_kinds{"problem", "idea", "ask", "topic", "feedback", "career"};

/// A talking point queued for a 1:1: 1on1s/PERSON/topics/DATE-SLUG.toml, its id the file's stem.
struct Topic {
  std::string id;      ///< the file's stem; not stored in the file
  std::string person;  ///< the folder it is in; not stored in the file
  dates::Day date;     ///< when it was queued
  std::string kind = "topic";
  std::string text;
  std::string solution;  ///< kind "problem": the proposed solution
  bool is_private = false;
};

/// One `[[action]]` table of a 1:1 record: open until it has a `done` date.
struct Action {
  std::string id;  ///< a slug, unique among that person's 1:1s
  std::string owner = "me";  ///< "me" or a person id
  std::string text;
  std::optional<dates::Day> due, done;
};

/// The record of one 1:1: 1on1s/PERSON/DATE.toml.
struct Meeting {
  std::string person;  ///< the folder it is in
  std::string path;    ///< relative to the repository: 1on1s/dana/2026-11-23.toml
  dates::Day date;
  std::vector<std::string> topics;  ///< ids of the talking points it covered: they leave the queue
  std::string notes, reflection;
  bool career = false;  ///< `career = true`: a career conversation (so is covering a topic of kind career)
  std::vector<Action> actions;  ///< in file order
};

/// Check a talking point a person typed: a known kind, a one-line non-empty text, valid UTF-8,
/// a solution only for a problem. UsageError or Error.
void validate_topic(const Topic& topic);

/// The text of a new topic file (`date`, `kind`, `text`, `solution` when set, `private` when set).
std::string topic_to_toml(const Topic& topic);

/// The file stem of a new topic without its collision suffix: `2026-11-20-vendor-api-limits`.
std::string topic_stem(const Topic& topic);

/// The folder of a person's 1:1s, relative to the repository: `1on1s/dana`.
std::string meeting_folder(const std::string& person);

}  // namespace upward
