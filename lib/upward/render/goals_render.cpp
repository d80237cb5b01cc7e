#include "upward/render/goals_render.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "upward/base/json.hpp"
#include "upward/base/text.hpp"
#include "upward/base/width.hpp"
#include "upward/render/markdown.hpp"

namespace upward {

namespace {

std::string paint(const std::string& s, const char* code, bool color) {
  return color ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : s;
}

std::string due_text(const Goal& g, const GoalState& s) {
  if (!g.due) return "";
  return "due " + dates::format_day(*g.due) + (s.overdue ? " (overdue)" : "");
}

std::string status_text(const GoalState& s) { return s.status + (s.stale ? ", stale" : ""); }

const char* status_color(const GoalState& s) {
  if (s.status == "blocked") return "31";
  if (s.status == "at-risk" || s.stale) return "33";
  if (s.status == "done") return "32";
  return "0";
}

std::string title_of(std::span<const Goal> goals, const std::string& id) {
  for (const auto& g : goals)
    if (g.id == id) return g.title;
  return "(unknown goal)";
}

std::string goal_json(const GoalRow& r, const std::string& owner_name) {
  std::string updates = "[";
  for (size_t i = 0; i < r.goal.updates.size(); ++i) {
    const auto& u = r.goal.updates[i];
    json::Object o;
    o.str("date", dates::format_day(u.date))
        .raw("progress", u.progress ? std::to_string(*u.progress) : "null")
        .raw("status", u.status.empty() ? "null" : json::quote(u.status))
        .str("note", u.note);
    updates += (i ? ", " : "") + o.done();
  }
  updates += "]";
  auto day = [](const std::optional<dates::Day>& d) {
    return d ? json::quote(dates::format_day(*d)) : std::string("null");
  };
  json::Object o;
  o.str("id", r.goal.id)
      .str("title", r.goal.title)
      .str("owner", r.goal.owner)
      .str("owner_name", owner_name)
      .str("status", r.state.status)
      .num("progress", r.state.progress)
      .boolean("active", r.state.active)
      .raw("due", day(r.goal.due))
      .boolean("overdue", r.state.overdue)
      .raw("created", day(r.goal.created))
      .raw("last_update", day(r.state.last_update))
      .raw("days_since_update", r.state.days_since_update ? std::to_string(*r.state.days_since_update) : "null")
      .boolean("stale", r.state.stale)
      .str("why", r.goal.why)
      .raw("supports", json::array(r.goal.supports))
      .boolean("private", r.goal.is_private)
      .raw("updates", updates);
  return o.done();
}

std::string group_name(const OwnerGroup& og) { return og.owner == "me" ? "me" : og.label; }

}  // namespace

std::string progress_bar(int percent, bool utf8, int width) {
  percent = std::clamp(percent, 0, 100);
  if (!utf8) {
    int full = (percent * width + 50) / 100;
    return "[" + std::string(full, '#') + std::string(width - full, '-') + "]";
  }
  static const char* eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  int units = (percent * width * 8 + 50) / 100;
  std::string out;
  for (int i = 0; i < units / 8; ++i) out += "█";
  int cells = units / 8;
  if (units % 8) {
    out += eighths[units % 8];
    ++cells;
  }
  for (; cells < width; ++cells) out += "░";
  return out;
}

namespace {

/// Record text for one cell: one line, escaped for a terminal.
std::string cell_text(const std::string& s, const TermStyle& style) {
  std::string line = s;
  for (char& c : line)
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  return style.terminal ? text::for_terminal(line) : line;
}

struct Cell {
  std::string text;
  const char* color = "0";
};

/// Cells padded to their column's width (but the last), two spaces apart, no trailing space.
std::string join_cells(const std::vector<Cell>& cells, const std::vector<size_t>& widths, bool color) {
  std::string line = "  ";
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) line += "  ";
    line += std::string(cells[i].color) == "0" ? cells[i].text : paint(cells[i].text, cells[i].color, color);
    if (i + 1 < cells.size()) line += std::string(widths[i] - std::min(widths[i], text::display_width(cells[i].text)), ' ');
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line + "\n";
}

}  // namespace

std::string render_goals_text(const std::vector<OwnerGroup>& groups, const TermStyle& style) {
  enum { id, title, status, bar, percent, due, age, n_columns };
  std::vector<size_t> w(n_columns, 0);
  const std::string ellipsis = style.utf8 ? "…" : "...";
  for (const auto& og : groups)
    for (const auto& r : og.rows) {
      w[id] = std::max(w[id], text::display_width(cell_text(r.goal.id, style)));
      w[title] = std::max(w[title], text::display_width(cell_text(r.goal.title, style)));
      w[status] = std::max(w[status], text::display_width(status_text(r.state)));
      w[due] = std::max(w[due], text::display_width(due_text(r.goal, r.state)));
      w[age] = std::max(w[age], text::display_width("updated " + age_text(r.state.days_since_update)));
    }
  w[bar] = text::display_width(progress_bar(0, style.utf8));
  w[percent] = 4;
  std::vector<bool> shown(n_columns, true);
  shown[due] = w[due] > 0;
  if (style.width != 0) {  // no width (a pipe without COLUMNS): whole titles, columns still aligned
    auto others = [&] {  // the line's width without the title: indent, cells, two spaces between
      size_t n = 2 + w[id] + 2 + 2 + w[status] + 2 + (shown[bar] ? w[bar] + 1 : 0) + w[percent];
      for (int c : {due, age})
        if (shown[c]) n += 2 + w[c];
      return n;
    };
    const size_t min_title = std::min<size_t>(w[title], std::max<size_t>(12, style.width / 4));
    for (int drop : {age, bar, due})
      if (others() + min_title > style.width) shown[drop] = false;
    // never to nothing: on a very narrow terminal the line runs over rather than losing the title
    w[title] = std::min(w[title], std::max<size_t>(4, style.width > others() ? style.width - others() : 0));
  }
  std::string out;
  for (const auto& og : groups) {
    if (!out.empty()) out += "\n";
    std::string label = cell_text(og.label, style);
    if (style.width) label = text::truncate(label, std::max<size_t>(style.width, 12), ellipsis);  // never lost
    out += paint(label, "1", style.color) + "\n";
    for (const auto& r : og.rows) {
      std::vector<Cell> cells{{cell_text(r.goal.id, style)},
                              {style.width ? text::truncate(cell_text(r.goal.title, style), w[title], ellipsis)
                                           : cell_text(r.goal.title, style)},
                              {status_text(r.state), status_color(r.state)}};
      std::vector<size_t> widths{w[id], w[title], w[status]};
      std::string pct = fmt::format("{:>3}%", r.state.progress);
      cells.push_back({shown[bar] ? progress_bar(r.state.progress, style.utf8) + " " + pct : pct});
      widths.push_back(shown[bar] ? w[bar] + 1 + w[percent] : w[percent]);
      if (shown[due]) {
        cells.push_back({due_text(r.goal, r.state), r.state.overdue ? "31" : "0"});
        widths.push_back(w[due]);
      }
      if (shown[age]) {
        cells.push_back({(r.goal.updates.empty() ? "added " : "updated ") + age_text(r.state.days_since_update)});
        widths.push_back(w[age]);
      }
      out += join_cells(cells, widths, style.color);
    }
  }
  return out;
}

std::string render_goals_md(const std::vector<OwnerGroup>& groups) {
  std::string out;
  for (const auto& og : groups) {
    if (!out.empty()) out += "\n";
    out += "## " + md::cell(og.label) + "\n\n";
    out += "| Goal | Status | Progress | Due | Last update |\n| --- | --- | --- | --- | --- |\n";
    for (const auto& r : og.rows) {
      std::string last = r.state.last_update
                             ? dates::format_day(*r.state.last_update) + " (" + age_text(r.state.days_since_update) + ")"
                             : "never";
      out += fmt::format("| {} (`{}`) | {} | {}% | {} | {} |\n", md::cell(r.goal.title), r.goal.id,
                         status_text(r.state), r.state.progress,
                         r.goal.due ? dates::format_day(*r.goal.due) + (r.state.overdue ? " (overdue)" : "") : "",
                         last);
    }
  }
  return out;
}

std::string render_goals_json(const std::vector<OwnerGroup>& groups, dates::Day today, int stale_after_days) {
  std::string items;
  for (const auto& og : groups)
    for (const auto& r : og.rows) items += (items.empty() ? "\n    " : ",\n    ") + goal_json(r, group_name(og));
  return fmt::format("{{\n  \"today\": \"{}\",\n  \"stale_after_days\": {},\n  \"goals\": [{}{}]\n}}\n",
                     dates::format_day(today), stale_after_days, items, items.empty() ? "" : "\n  ");
}

std::string render_goal_md(const GoalRow& r, const std::string& owner, std::span<const Goal> all_goals,
                           std::span<const Win> wins, dates::Day today) {
  const Goal& g = r.goal;
  std::string out = "# " + md::cell(g.title) + " (`" + g.id + "`)\n\n";
  out += "- Owner: " + md::cell(owner) + "\n";
  out += fmt::format("- Status: {}, {}%\n", status_text(r.state), r.state.progress);
  if (g.due) {
    auto left = (*g.due - today).count();
    out += "- Due: " + dates::format_day(*g.due) +
           (r.state.overdue ? fmt::format(" (overdue by {} days)", -left)
            : r.state.active ? fmt::format(" ({} days left)", left) : "") + "\n";
  }
  if (g.created) out += "- Created: " + dates::format_day(*g.created) + "\n";
  out += "- Last update: " + (r.state.last_update ? dates::format_day(*r.state.last_update) + " (" +
                                                        age_text(r.state.days_since_update) + ")"
                                                  : std::string("never")) + "\n";
  if (!g.why.empty()) out += "- Why: " + md::cell(g.why) + "\n";
  for (const auto& s : g.supports) out += "- Supports: " + md::cell(title_of(all_goals, s)) + " (`" + s + "`)\n";
  for (const auto& other : all_goals)
    if (std::find(other.supports.begin(), other.supports.end(), g.id) != other.supports.end())
      out += "- Supported by: " + md::cell(other.title) + " (`" + other.id + "`)\n";
  out += "\n## Updates\n\n";
  if (g.updates.empty()) out += "None yet.\n";
  for (const auto& u : g.updates) {
    std::vector<std::string> parts;
    if (u.progress) parts.push_back(std::to_string(*u.progress) + "%");
    if (!u.status.empty()) parts.push_back(u.status);
    std::string head;
    for (const auto& p : parts) head += (head.empty() ? "" : ", ") + p;
    out += "- " + dates::format_day(u.date) + (head.empty() ? "" : " " + head) +
           (u.note.empty() ? "" : ": " + md::cell(u.note)) + "\n";
  }
  out += fmt::format("\n## Wins ({})\n\n", wins.size());
  if (wins.empty()) out += "None linked yet (log-win --goal " + g.id + ").\n";
  for (const auto& w : wins) {
    out += "- " + dates::format_day(w.date) + " " + md::cell(w.title) + (w.is_private ? " (private)" : "") + "\n";
    if (!w.impact.empty()) out += "  " + md::cell(w.impact) + "\n";
  }
  return out;
}

std::string render_goal_json(const GoalRow& r, const std::string& owner, std::span<const Goal> all_goals,
                             std::span<const Win> wins) {
  std::vector<std::string> supported_by, win_ids;
  for (const auto& other : all_goals)
    if (std::find(other.supports.begin(), other.supports.end(), r.goal.id) != other.supports.end())
      supported_by.push_back(other.id);
  for (const auto& w : wins) win_ids.push_back(w.id);
  std::string goal = goal_json(r, owner);
  goal.pop_back();  // reopen the object to add the links
  return goal + ", \"supported_by\": " + json::array(supported_by) + ", \"wins\": " + json::array(win_ids) + "}\n";
}

namespace {
void aligned_goal_md(const AlignedGoal& b, const char* heading, std::string& out) {
  out += fmt::format("\n{} {}: {} (`{}`), {}, {}%\n\n", heading, md::cell(b.owner_label), md::cell(b.goal.goal.title),
                     b.goal.goal.id, status_text(b.goal.state), b.goal.state.progress);
  if (b.supporters.empty()) out += "- No goal of yours supports it.\n";
  for (const auto& s : b.supporters) {
    std::string via;
    for (const auto& id : s.via) via += (via.empty() ? ", via `" : " and `") + id + "`";
    out += fmt::format("- Your goal: {} (`{}`), {}, {}%{}\n", md::cell(s.goal.goal.title), s.goal.goal.id,
                       status_text(s.goal.state), s.goal.state.progress, via);
  }
  if (b.wins.empty()) out += "- No wins in this period.\n";
  for (const auto& w : b.wins) out += "- Win " + dates::format_day(w.date) + ": " + md::cell(w.title) + "\n";
}

std::string aligned_goals_json(const std::vector<AlignedGoal>& goals) {
  std::string out;
  for (const auto& b : goals) {
    std::vector<std::string> supporters, wins;
    for (const auto& s : b.supporters) supporters.push_back(s.goal.goal.id);
    for (const auto& w : b.wins) wins.push_back(w.id);
    json::Object o;
    o.str("id", b.goal.goal.id)
        .str("title", b.goal.goal.title)
        .str("owner", b.goal.goal.owner)
        .str("owner_name", b.owner_label)
        .str("status", b.goal.state.status)
        .num("progress", b.goal.state.progress)
        .raw("supported_by", json::array(supporters))
        .raw("wins", json::array(wins));
    out += (out.empty() ? "\n    " : ",\n    ") + o.done();
  }
  return "[" + out + (out.empty() ? "]" : "\n  ]");
}
}  // namespace

std::string render_alignment_md(const Alignment& a) {
  std::string out = "# Alignment, " + dates::format_range(a.period) + "\n";
  if (a.as_of < a.period.last) out += "\nStates as of " + dates::format_day(a.as_of) + ".\n";
  if (a.boss_goals.empty()) out += "\nNo goals of your manager's in this period yet (goals add --owner PERSON).\n";
  for (const auto& b : a.boss_goals) aligned_goal_md(b, "##", out);
  out += "\n## Goals of your manager's that nothing supports\n\n";
  if (a.unsupported.empty()) out += "None: every one has a goal or a win of yours behind it.\n";
  for (const auto& r : a.unsupported) out += "- " + md::cell(r.goal.title) + " (`" + r.goal.id + "`, " + r.goal.owner + ")\n";
  out += "\n## Your goals that support no goal of your manager's\n\n";
  if (a.unaligned.empty()) out += "None: each of your goals serves one of theirs.\n";
  for (const auto& r : a.unaligned) out += "- " + md::cell(r.goal.title) + " (`" + r.goal.id + "`)\n";
  if (!a.other_goals.empty()) out += "\n## Other people's goals: peers, mentors and stakeholders\n";
  for (const auto& b : a.other_goals) aligned_goal_md(b, "###", out);
  return out;
}

std::string render_alignment_json(const Alignment& a) {
  std::vector<std::string> unsupported, unaligned;
  for (const auto& r : a.unsupported) unsupported.push_back(r.goal.id);
  for (const auto& r : a.unaligned) unaligned.push_back(r.goal.id);
  return fmt::format(
      "{{\n  \"period\": {{\"first\": \"{}\", \"last\": \"{}\"}},\n  \"as_of\": \"{}\",\n"
      "  \"boss_goals\": {},\n  \"other_goals\": {},\n  \"unsupported\": {},\n  \"unaligned\": {}\n}}\n",
      dates::format_day(a.period.first), dates::format_day(a.period.last), dates::format_day(a.as_of),
      aligned_goals_json(a.boss_goals), aligned_goals_json(a.other_goals), json::array(unsupported),
      json::array(unaligned));
}

}  // namespace upward
