#pragma once
#include <string>
#include <vector>

namespace upward {

inline const std::vector<std::string> relationships{"manager", "skip-level", "stakeholder", "mentor", "peer"};
inline const std::vector<std::string> styles{"brief", "detailed"};
inline const std::vector<std::string> cadences{"weekly", "biweekly", "monthly"};

/// Someone you work with: people/ID.toml.
struct Person {
  std::string id, name, relationship, email, style, cadence;
  std::vector<std::string> priorities, pressures;
};

/// True for a plain `local@domain` address with nothing a mail header could be tricked by: dot-atoms
/// (no empty part between dots), a domain with a dot, at most 74 characters (one email line).
bool valid_email(const std::string& email);

/// Check what a person typed: a slug id, a name, a known relationship, style and cadence,
/// a plain email, valid UTF-8. UsageError or Error.
void validate_person(const Person& person);

/// The text of a new person file.
std::string person_to_toml(const Person& person);

/// "Dana Okafor (dana)", or the id alone when the name is empty.
std::string person_label(const Person& person);

}  // namespace upward
