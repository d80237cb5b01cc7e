#include "upward/render/wins_render.hpp"

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

std::string day_json(const std::optional<dates::Day>& d) {
  return d ? json::quote(dates::format_day(*d)) : std::string("null");
}

std::string scope_text(const WinsScope& scope) { return scope ? dates::format_range(*scope) : "(all)"; }

std::string joined(const std::vector<std::string>& items, const char* sep = ", ") {
  std::string s;
  for (const auto& i : items) s += (s.empty() ? "" : sep) + i;
  return s;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

const Person* find_person(std::span<const Person> people, const std::string& id) {
  for (const auto& p : people)
    if (p.id == id) return &p;
  return nullptr;
}

const Goal* find_goal(std::span<const Goal> goals, const std::string& id) {
  for (const auto& g : goals)
    if (g.id == id) return &g;
  return nullptr;
}

std::string person_text(std::span<const Person> people, const std::string& id) {
  const Person* p = find_person(people, id);
  return p ? person_label(*p) : id;
}

}  // namespace

std::vector<std::string> win_markers(const Win& w, dates::Day today) {
  std::vector<std::string> out;
  if (w.kind == "kudos") out.push_back(w.from.empty() ? "kudos" : "kudos from " + w.from);
  if (w.is_private) out.push_back("private");
  if (!w.goals.empty()) out.push_back((w.goals.size() == 1 ? "goal: " : "goals: ") + joined(w.goals));
  if (!w.metrics.empty()) out.push_back(plural(w.metrics.size(), "metric", "metrics"));
  if (outcome_due(w, today)) out.push_back("follow-up due");
  return out;
}

std::string render_wins_text(std::span<const Win> wins, const WinsScope& scope, dates::Day today,
                             const TermStyle& style) {
  auto shown = [&](const std::string& s) { return style.terminal ? text::for_terminal(text::one_line(s)) : text::one_line(s); };
  const std::string ellipsis = style.utf8 ? "…" : "...";
  std::size_t w_id = 0, w_title = 0, w_marks = 0;
  for (const auto& w : wins) {
    w_id = std::max(w_id, text::display_width(shown(w.id)));
    w_title = std::max(w_title, text::display_width(shown(w.title)));
    auto m = win_markers(w, today);
    if (!m.empty()) w_marks = std::max(w_marks, text::display_width("[" + joined(m, "] [") + "]"));
  }
  const std::size_t before_title = 2 + 10 + 2 + w_id + 2;
  if (style.width) {  // titles give way first (to no less than 12 columns), then the markers
    std::size_t others = before_title + (w_marks ? 2 + w_marks : 0);
    std::size_t room = style.width > others ? style.width - others : 0;
    w_title = std::min(w_title, std::max(room, std::min<std::size_t>(w_title, 12)));
  }
  std::string out = paint("Wins " + scope_text(scope) + ": " + std::to_string(wins.size()), "1", style.color) + "\n";
  for (const auto& w : wins) {
    std::string title = shown(w.title);
    auto markers = win_markers(w, today);
    if (style.width && w.is_private && !markers.empty() &&
        before_title + w_title + 2 + text::display_width("[" + joined(markers, "] [") + "]") > style.width) {
      // no room for the markers: privacy is never left unsaid, it takes the title's place
      title = "[private] " + title;
      markers.erase(std::find(markers.begin(), markers.end(), "private"));
    }
    if (style.width) title = text::truncate(title, w_title, ellipsis);
    std::string line = "  " + paint(dates::format_day(w.date), "2", style.color) + "  " +
                       text::pad_right(shown(w.id), w_id) + "  ";
    std::size_t used = before_title + text::display_width(title);
    if (markers.empty()) {
      line += title;
    } else {
      line += text::pad_right(title, w_title);
      used = before_title + w_title + 2;
      std::string plain = "[" + joined(markers, "] [") + "]";
      if (style.width && used + text::display_width(plain) > style.width) {  // cut, never colour half a marker
        std::size_t room = style.width > used ? style.width - used : 0;
        if (room >= 8) line += "  " + text::truncate(plain, room, ellipsis);  // else left out: no room to say anything
      } else {
        std::string painted;
        for (const auto& m : markers) {
          const char* code = m == "private" ? "33" : m == "follow-up due" ? "31" : m.starts_with("kudos") ? "35" : "36";
          painted += (painted.empty() ? "" : " ") + paint("[" + m + "]", code, style.color);
        }
        line += "  " + painted;
      }
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string render_wins_md(std::span<const Win> wins, const WinsScope& scope, dates::Day today) {
  std::string out = "# Wins " + scope_text(scope) + "\n\n";
  if (wins.empty()) out += "None.\n";
  for (const auto& w : wins) {
    auto markers = win_markers(w, today);
    out += "- " + dates::format_day(w.date) + " " + md::escape(w.title) + " (" + md::code(w.id) + ")" +
           (markers.empty() ? "" : ": " + joined(markers)) + "\n";
  }
  return out;
}

std::string win_json(const Win& w, dates::Day today) {
  std::string metrics = "[";
  for (std::size_t i = 0; i < w.metrics.size(); ++i) {
    json::Object m;
    m.str("name", w.metrics[i].name).str("before", w.metrics[i].before).str("after", w.metrics[i].after);
    metrics += (i ? ", " : "") + m.done();
  }
  metrics += "]";
  json::Object o;
  o.str("id", w.id)
      .str("path", win_path(w.id))
      .str("date", dates::format_day(w.date))
      .str("title", w.title)
      .str("impact", w.impact)
      .str("kind", w.kind)
      .raw("from", w.from.empty() ? "null" : json::quote(w.from))
      .raw("tags", json::array(w.tags))
      .raw("goals", json::array(w.goals))
      .raw("seen_by", json::array(w.seen_by))
      .raw("links", json::array(w.links))
      .raw("metrics", metrics)
      .raw("follow_up", day_json(w.follow_up))
      .boolean("follow_up_due", outcome_due(w, today))
      .raw("outcome", w.outcome.empty() ? "null" : json::quote(w.outcome))
      .raw("outcome_date", day_json(w.outcome_date))
      .raw("section", w.section.empty() ? "null" : json::quote(w.section))
      .boolean("private", w.is_private);
  return o.done();
}

std::string render_wins_json(std::span<const Win> wins, const WinsScope& scope, dates::Day today) {
  std::string items;
  for (const auto& w : wins) items += (items.empty() ? "\n    " : ",\n    ") + win_json(w, today);
  std::string period = "null";
  if (scope) {
    json::Object p;
    p.str("first", dates::format_day(scope->first)).str("last", dates::format_day(scope->last));
    period = p.done();
  }
  return fmt::format("{{\n  \"period\": {},\n  \"count\": {},\n  \"wins\": [{}{}]\n}}\n", period, wins.size(), items,
                     items.empty() ? "" : "\n  ");
}

std::string render_wins_vimgrep(std::span<const Win> wins, const std::string& repo_dir) {
  std::string prefix = repo_dir;
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  std::string out;
  for (const auto& w : wins)
    out += fmt::format("{}{}:{}:1: {}\n", prefix, win_path(w.id), std::max<std::uint32_t>(w.title_line, 1),
                       text::one_line(w.title));
  return out;
}

std::string render_win_md(const Win& w, const WinContext& c) {
  std::string out = "# " + md::escape(w.title) + "\n\n";
  out += "- Id: " + md::code(w.id) + "\n";
  out += "- Date: " + dates::format_day(w.date) + "\n";
  if (w.kind == "kudos")
    out += "- Kind: kudos" + (w.from.empty() ? std::string() : " from " + md::escape(person_text(c.people, w.from))) + "\n";
  else out += "- Kind: win\n";
  if (!w.impact.empty()) out += "- Impact: " + md::escape(w.impact) + "\n";
  out += "- Tags: " + (w.tags.empty() ? std::string("none") : md::escape(joined(w.tags))) + "\n";
  if (!w.section.empty()) out += "- Section: " + w.section + "\n";
  out += std::string("- Private: ") + (w.is_private ? "yes (never in a digest, email or export)" : "no") + "\n";
  out += "- File: " + md::code(c.path) + "\n";
  if (!w.metrics.empty()) {
    out += "\n## Metrics\n\n";
    for (const auto& m : w.metrics) out += "- " + md::escape(m.name) + ": " + md::escape(m.before) + " → " + md::escape(m.after) + "\n";
  }
  if (!w.links.empty()) {
    out += "\n## Links\n\n";
    for (const auto& l : w.links) out += "- " + md::escape(l) + "\n";
  }
  out += "\n## Goals\n\n";
  if (w.goals.empty()) out += "None.\n";
  for (const auto& id : w.goals) {
    const Goal* g = find_goal(c.goals, id);
    out += "- " + (g ? md::escape(g->title) : std::string("(unknown goal)")) + " (" + md::code(id) + ")\n";
  }
  out += "\n## Seen by\n\n";
  if (w.seen_by.empty()) out += "Nobody yet.\n";
  for (const auto& id : w.seen_by) out += "- " + md::escape(person_text(c.people, id)) + "\n";
  out += "\n## Follow-up\n\n";
  if (!w.follow_up) out += "None.\n";
  else out += dates::format_day(*w.follow_up) +
              (!w.outcome.empty() ? " (outcome recorded)" : outcome_due(w, c.today) ? " (due: record the outcome with 'upward outcome')" : " (not due yet)") + "\n";
  out += "\n## Outcome\n\n";
  if (w.outcome.empty()) out += "Not recorded.\n";
  else out += md::escape(w.outcome) + (w.outcome_date ? " (recorded " + dates::format_day(*w.outcome_date) + ")" : "") + "\n";
  return out;
}

std::string render_win_json(const Win& w, const WinContext& c) {
  std::vector<std::string> titles, names;
  for (const auto& id : w.goals) {
    const Goal* g = find_goal(c.goals, id);
    titles.push_back(g ? g->title : "");
  }
  for (const auto& id : w.seen_by) {
    const Person* p = find_person(c.people, id);
    names.push_back(p ? p->name : "");
  }
  const Person* from = w.from.empty() ? nullptr : find_person(c.people, w.from);
  std::string obj = win_json(w, c.today);
  obj.pop_back();  // the closing brace: the show keys follow
  json::Object more;
  more.str("file", c.path)
      .raw("goal_titles", json::array(titles))
      .raw("seen_by_names", json::array(names))
      .raw("from_name", from ? json::quote(from->name) : "null");
  return obj + ", " + more.done().substr(1) + "\n";
}

}  // namespace upward
