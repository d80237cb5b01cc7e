#include "upward/render/people_render.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "upward/base/json.hpp"

namespace upward {

namespace {
std::string person_json(const Person& p, const std::string& manager) {
  json::Object o;
  o.str("id", p.id)
      .str("name", p.name)
      .str("relationship", p.relationship)
      .boolean("primary", p.id == manager)
      .str("email", p.email)
      .str("style", p.style)
      .str("cadence", p.cadence)
      .raw("priorities", json::array(p.priorities))
      .raw("pressures", json::array(p.pressures));
  return o.done();
}

std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}
}  // namespace

std::string render_people_text(std::span<const Person> people, const std::string& manager) {
  size_t id_w = 0, name_w = 0, rel_w = 0;
  for (const auto& p : people) {
    id_w = std::max(id_w, p.id.size());
    name_w = std::max(name_w, one_line(p.name).size());
    rel_w = std::max(rel_w, p.relationship.size());
  }
  std::string out;
  for (const auto& p : people) {
    std::string line = fmt::format("{} {:<{}}  {:<{}}  {:<{}}  {:<8}  {:<8}  {}", p.id == manager ? '*' : ' ', p.id,
                                   id_w, one_line(p.name), name_w, p.relationship, rel_w, p.style, p.cadence, p.email);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string render_people_json(std::span<const Person> people, const std::string& manager) {
  std::string items;
  for (const auto& p : people) items += (items.empty() ? "\n    " : ",\n    ") + person_json(p, manager);
  return fmt::format("{{\n  \"manager\": {},\n  \"people\": [{}{}]\n}}\n",
                     manager.empty() ? "null" : json::quote(manager), items, items.empty() ? "" : "\n  ");
}

std::string render_person_md(const Person& p, const std::string& manager, const std::vector<GoalRow>& goals) {
  std::string out = "# " + one_line(p.name) + " (`" + p.id + "`)\n\n";
  out += "- Relationship: " + p.relationship + (p.id == manager ? " (primary)" : "") + "\n";
  if (!p.email.empty()) out += "- Email: " + p.email + "\n";
  if (!p.style.empty()) out += "- Style: " + p.style + "\n";
  if (!p.cadence.empty()) out += "- 1:1 cadence: " + p.cadence + "\n";
  auto list = [&](const char* heading, const std::vector<std::string>& items) {
    out += std::string("\n## ") + heading + "\n\n";
    if (items.empty()) out += "None recorded.\n";
    for (const auto& i : items) out += "- " + one_line(i) + "\n";
  };
  list("Priorities", p.priorities);
  list("Pressures", p.pressures);
  out += "\n## Goals\n\n";
  if (goals.empty()) out += "None recorded (goals add TITLE --id ID --owner " + p.id + ").\n";
  for (const auto& g : goals)
    out += fmt::format("- {} (`{}`), {}, {}%{}\n", one_line(g.goal.title), g.goal.id, g.state.status, g.state.progress,
                       g.goal.due ? ", due " + dates::format_day(*g.goal.due) : "");
  return out;
}

std::string render_person_json(const Person& p, const std::string& manager) { return person_json(p, manager) + "\n"; }

}  // namespace upward
