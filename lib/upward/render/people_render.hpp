#pragma once
#include <span>
#include <string>

#include "upward/model/person.hpp"
#include "upward/render/term_style.hpp"
#include "upward/views/goals_view.hpp"
#include "upward/views/wins_view.hpp"

namespace upward {

/// One line per person, aligned by display width; `*` marks the primary manager. With
/// `style.width`, names are cut to fit first (to no less than 12 columns), then the line's end.
std::string render_people_text(std::span<const Person> people, const std::string& manager,
                               const TermStyle& style = {});
/// `{"manager", "people": [...]}`; keys documented in upward-people(1).
std::string render_people_json(std::span<const Person> people, const std::string& manager);
/// One person: relationship, email, style, cadence, priorities, pressures, and their goals.
std::string render_person_md(const Person& p, const std::string& manager, const std::vector<GoalRow>& goals);
std::string render_person_json(const Person& p, const std::string& manager);

/// (issue 10) What the person has seen of your work, the kudos they gave, and for a manager or
/// skip-level the wins they have not seen: `## Wins NAME has seen`, `## Kudos from NAME`,
/// `## Not seen yet`.
std::string render_visibility_md(const Person& p, const Visibility& v);
/// render_person_json()'s keys plus the visibility keys documented in upward-people(1).
std::string render_person_json(const Person& p, const std::string& manager, const Visibility& v, dates::Day today);

}  // namespace upward
