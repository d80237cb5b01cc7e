#include "upward/render/people_render.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "upward/base/json.hpp"
#include "upward/base/text.hpp"
#include "upward/base/width.hpp"
#include "upward/render/markdown.hpp"
#include "upward/render/wins_render.hpp"

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

using text::one_line;
}  // namespace

std::string render_people_text(std::span<const Person> people, const std::string& manager, const TermStyle& style) {
  enum { id, name, rel, style_c, cadence, email, n_columns };
  auto cells_of = [&style](const Person& p) {
    std::vector<std::string> c{p.id, one_line(p.name), p.relationship, p.style, p.cadence, one_line(p.email)};
    if (style.terminal)
      for (auto& s : c) s = text::for_terminal(s);
    return c;
  };
  std::vector<size_t> w(n_columns, 0);
  for (const auto& p : people) {
    auto c = cells_of(p);
    for (int i = 0; i < n_columns; ++i) w[i] = std::max(w[i], text::display_width(c[i]));
  }
  for (int i : {style_c, cadence})
    if (w[i]) w[i] = std::max<size_t>(w[i], 8);  // a column nobody has a value in is left out
  const std::string ellipsis = style.utf8 ? "…" : "...";
  if (style.width) {
    size_t others = 2 + w[id] + 2 + 2 + w[rel] + (w[style_c] ? 2 + w[style_c] : 0) +
                    (w[cadence] ? 2 + w[cadence] : 0) + (w[email] ? 2 + w[email] : 0);
    size_t room = style.width > others ? style.width - others : 0;
    w[name] = std::min(w[name], std::max(room, std::min<size_t>(w[name], 12)));
  }
  std::string out;
  for (const auto& p : people) {
    auto c = cells_of(p);
    c[name] = text::truncate(c[name], w[name], ellipsis);
    std::string line = p.id == manager ? "* " : "  ";
    for (int i = 0; i < n_columns; ++i)
      if (w[i] || i == name) line += (i ? "  " : "") + text::pad_right(c[i], w[i]);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (style.width) line = text::truncate(line, style.width, ellipsis);
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

namespace {

/// "Dana" for Dana Okafor: the first word of the name, else the id.
std::string first_name(const Person& p) {
  std::string name = one_line(p.name);
  auto space = name.find(' ');
  name = name.substr(0, space);
  return name.empty() ? p.id : name;
}

std::string win_items(const std::vector<Win>& wins) {
  if (wins.empty()) return "None.\n";
  std::string out;
  for (const auto& w : wins) out += "- " + dates::format_day(w.date) + " " + md::escape(w.title) + " (" + md::code(w.id) + ")\n";
  return out;
}

std::string wins_json(const std::vector<Win>& wins, dates::Day today) {
  std::string out;
  for (const auto& w : wins) out += (out.empty() ? "" : ", ") + win_json(w, today);
  return "[" + out + "]";
}

std::string range_json(const dates::DateRange& r) {
  json::Object o;
  o.str("first", dates::format_day(r.first)).str("last", dates::format_day(r.last));
  return o.done();
}

}  // namespace

std::string render_visibility_md(const Person& p, const Visibility& v) {
  std::string name = md::escape(first_name(p)), window = dates::format_range(v.window);
  std::string out = "\n## Wins " + name + " has seen (" + window + ")\n\n" + win_items(v.seen);
  out += "\n## Kudos from " + name + " (" + window + ")\n\n" + win_items(v.kudos_given);
  if (v.asks_unseen)
    out += "\n## Not seen yet (" + dates::format_range(v.unseen_window) + ": " + std::to_string(v.not_seen.size()) +
           ")\n\n" + win_items(v.not_seen);
  return out;
}

std::string render_person_json(const Person& p, const std::string& manager, const Visibility& v, dates::Day today) {
  std::string obj = person_json(p, manager);
  obj.pop_back();
  json::Object more;
  more.raw("visibility_period", range_json(v.window))
      .raw("seen", wins_json(v.seen, today))
      .raw("kudos_given", wins_json(v.kudos_given, today))
      .raw("not_seen_period", v.asks_unseen ? range_json(v.unseen_window) : "null")
      .raw("not_seen_count", v.asks_unseen ? std::to_string(v.not_seen.size()) : "null")
      .raw("not_seen", v.asks_unseen ? wins_json(v.not_seen, today) : "null");
  return obj + ", " + more.done().substr(1) + "\n";
}

}  // namespace upward
