#include "upward/render/agenda_render.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "upward/base/json.hpp"
#include "upward/base/text.hpp"
#include "upward/base/width.hpp"
#include "upward/render/markdown.hpp"

namespace upward {

namespace {

// ---- shared between the formats -------------------------------------------------------------

using text::one_line;

std::string day_text(dates::Day d) { return dates::format_day(d); }

std::string person_name(const Person& p) { return p.name.empty() ? p.id : p.name; }

/// "Monday 2026-11-23"
std::string long_day(dates::Day d) {
  std::string wd = dates::weekday_name(date::weekday{d});
  if (!wd.empty()) wd[0] = static_cast<char>(wd[0] - 'a' + 'A');
  return wd + " " + day_text(d);
}

/// Who owns an action item or a goal, as the user reads it: "You", the person's name, or the id.
std::string owner_label(const std::string& owner, const Person& p) {
  if (owner == "me") return "You";
  if (owner == p.id) return person_name(p);
  return owner;
}

std::string title_line(const Agenda& a) { return "1:1 with " + one_line(person_name(a.person)) + " — " + long_day(a.date); }

/// The period the agenda covers, as one sentence (without Markdown).
std::string period_line(const Agenda& a) {
  const std::string range = dates::format_range(a.period);
  std::string missed = a.missed == 0 ? ""
                       : fmt::format(" {} {} 1:1{} planned since then {} not recorded.", a.missed, a.person.cadence,
                                     a.missed == 1 ? "" : "s", a.missed == 1 ? "was" : "were");
  if (a.last_1on1 && a.period.first == *a.last_1on1)
    return "Since the last 1:1 on " + day_text(*a.last_1on1) + ": " + range + "." + missed;
  if (a.last_1on1) return "Covers " + range + " (the last 1:1 was on " + day_text(*a.last_1on1) + ")." + missed;
  if ((a.period.last - a.period.first).count() == 27) return "No 1:1 recorded yet: the last 4 weeks, " + range + ".";
  return "Covers " + range + " (no 1:1 recorded yet).";
}

struct KindGroup {
  std::string kind, label;
  std::vector<const Topic*> topics;
};

/// The talking points grouped by kind, in topic_kinds order; kinds outside it (a hand-edited
/// file) follow in the order they appear.
std::vector<KindGroup> group_topics(const std::vector<Topic>& topics) {
  std::vector<std::string> kinds = topic_kinds;
  for (const auto& t : topics)
    if (std::find(kinds.begin(), kinds.end(), t.kind) == kinds.end()) kinds.push_back(t.kind);
  std::vector<KindGroup> groups;
  for (const auto& k : kinds) {
    KindGroup g{k, "", {}};
    if (k == "problem") g.label = "Problems";
    else if (k == "idea") g.label = "Ideas";
    else if (k == "ask") g.label = "Asks";
    else if (k == "topic") g.label = "Topics";
    else if (k == "feedback") g.label = "Feedback";
    else if (k == "career") g.label = "Career";
    else g.label = one_line(k);
    for (const auto& t : topics)
      if (t.kind == k) g.topics.push_back(&t);
    if (!g.topics.empty()) groups.push_back(std::move(g));
  }
  return groups;
}

const char* const no_solution = "bring a proposed solution, not just the problem";

/// "Dana Okafor's goal, at-risk, 40%, due 2026-12-01" (or "your goal, ...").
std::string goal_summary(const AttentionGoal& g, const Person& p) {
  const std::string& owner = g.goal.goal.owner;
  // the status and an overdue date are among the reasons that follow: said once
  std::string s = (owner == "me" ? std::string("your") : owner_label(owner, p) + "'s") + " goal, " +
                  std::to_string(g.goal.state.progress) + "%";
  if (g.goal.goal.due && !g.goal.state.overdue) s += ", due " + day_text(*g.goal.goal.due);
  return s;
}

std::string joined(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : sep) + one_line(i);
  return out;
}

std::string outcome_command(const Win& w) { return "upward outcome " + w.id + " \"...\""; }

std::string career_last(const Agenda& a) {
  return a.last_career ? "The last career conversation was on " + day_text(*a.last_career) + "."
                       : "No career conversation on record.";
}

/// The career section when none is due: "none (the last one was on 2026-10-01)".
std::string career_none(const Agenda& a) {
  return a.last_career ? "none (the last one was on " + day_text(*a.last_career) + ")" : "none";
}

/// The sections in the order: a title, and whether there is nothing to say. Both
/// renderers walk this one list; md_section_body and text_section_body write section i.
struct Section {
  std::string title;
  bool empty;
};

enum SectionIndex : size_t { actions_s, topics_s, goals_s, questions_s, profile_s, wins_s, outcomes_s, career_s, style_s };

std::vector<Section> sections(const Agenda& a) {
  return {{"Open action items", a.actions.empty()},
          {"Talking points", a.topics.empty()},
          {"Goals needing attention", a.goals.empty()},
          {"Questions they will likely ask", a.questions.empty()},
          {"Know your " + (a.person.relationship.empty() ? std::string("manager") : a.person.relationship),
           a.profile.empty()},
          {"Wins to mention", a.wins.empty()},
          {"Outcomes due", a.outcomes_due.empty()},
          {"Career conversation", !a.career_due},
          {"Their style", text::trim(a.style).empty()}};
}

// ---- Markdown -------------------------------------------------------------------------------

void md_section_body(const Agenda& a, size_t index, std::string& out) {
  const Person& p = a.person;
  switch (index) {
    case actions_s:
      for (const auto& oa : a.actions) {
        const Action& x = oa.action;
        out += "- **" + md::escape(owner_label(x.owner, p)) + "**: " + md::escape(x.text);
        if (x.due) out += " — due " + day_text(*x.due) + (oa.overdue ? ", **overdue**" : "");
        out += " — from the 1:1 on " + day_text(oa.from) + " (" + md::code(x.id) + ")\n";
      }
      break;
    case topics_s: {
      bool first = true;
      for (const auto& g : group_topics(a.topics)) {
        out += std::string(first ? "" : "\n") + "### " + md::escape(g.label) + "\n\n";
        first = false;
        for (const Topic* t : g.topics) {
          out += "- " + md::escape(t->text) + " (" + md::code(t->id) + ")\n";
          if (t->kind == "problem")
            out += text::trim(t->solution).empty() ? std::string("  - Solution: **none yet: ") + no_solution + "**\n"
                                                   : "  - Solution: " + md::escape(t->solution) + "\n";
        }
      }
      break;
    }
    case goals_s:
      for (const auto& g : a.goals) {
        out += "- " + md::escape(g.goal.goal.title) + " (" + md::code(g.goal.goal.id) + ") — " +
               md::escape(goal_summary(g, p));
        if (!g.reasons.empty()) out += ": " + md::escape(joined(g.reasons, "; "));
        out += "\n";
      }
      break;
    case questions_s:
      for (const auto& q : a.questions) out += "- " + md::escape(q.text) + "\n";
      break;
    case profile_s:
      for (const auto& q : a.profile) out += "- " + md::escape(q) + "\n";
      break;
    case wins_s:
      for (const auto& w : a.wins)
        out += "- " + day_text(w.date) + ": " + md::escape(w.title) +
               (text::trim(w.impact).empty() ? "" : " — " + md::escape(w.impact)) + "\n";
      break;
    case outcomes_s:
      for (const auto& w : a.outcomes_due)
        out += "- " + md::escape(w.title) + " (" + day_text(w.date) + "), follow-up due " +
               (w.follow_up ? day_text(*w.follow_up) : std::string("now")) + ": " + md::code(outcome_command(w)) + "\n";
      break;
    case career_s:
      out += career_last(a) + "\n\n";
      for (const auto& c : a.career) out += "- " + md::escape(c) + "\n";
      break;
    case style_s:
      out += md::escape(a.style) + "\n";
      break;
  }
}

// ---- plain text -----------------------------------------------------------------------------

std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

void text_section_body(const Agenda& a, size_t index, std::string& out) {
  const Person& p = a.person;
  switch (index) {
    case actions_s:
      for (const auto& oa : a.actions) {
        const Action& x = oa.action;
        out += "  " + one_line(owner_label(x.owner, p)) + ": " + one_line(x.text);
        if (x.due) out += " — due " + day_text(*x.due) + (oa.overdue ? ", OVERDUE" : "");
        out += " — from the 1:1 on " + day_text(oa.from) + " (" + one_line(x.id) + ")\n";
      }
      break;
    case topics_s:
      for (const auto& g : group_topics(a.topics)) {
        out += "  " + g.label + "\n";
        for (const Topic* t : g.topics) {
          out += "    " + one_line(t->text) + " (" + one_line(t->id) + ")\n";
          if (t->kind == "problem")
            out += text::trim(t->solution).empty() ? std::string("      Solution: none yet: ") + no_solution + "\n"
                                                   : "      Solution: " + one_line(t->solution) + "\n";
        }
      }
      break;
    case goals_s:
      for (const auto& g : a.goals) {
        out += "  " + one_line(g.goal.goal.title) + " (" + one_line(g.goal.goal.id) + ") — " +
               one_line(goal_summary(g, p));
        if (!g.reasons.empty()) out += ": " + joined(g.reasons, "; ");
        out += "\n";
      }
      break;
    case questions_s:
      for (const auto& q : a.questions) out += "  " + one_line(q.text) + "\n";
      break;
    case profile_s:
      for (const auto& q : a.profile) out += "  " + one_line(q) + "\n";
      break;
    case wins_s:
      for (const auto& w : a.wins)
        out += "  " + day_text(w.date) + ": " + one_line(w.title) +
               (text::trim(w.impact).empty() ? "" : " — " + one_line(w.impact)) + "\n";
      break;
    case outcomes_s:
      for (const auto& w : a.outcomes_due)
        out += "  " + one_line(w.title) + " (" + day_text(w.date) + "), follow-up due " +
               (w.follow_up ? day_text(*w.follow_up) : std::string("now")) + ": " + one_line(outcome_command(w)) + "\n";
      break;
    case career_s:
      out += "  " + career_last(a) + "\n";
      for (const auto& c : a.career) out += "  - " + one_line(c) + "\n";
      break;
    case style_s:
      out += "  " + one_line(a.style) + "\n";
      break;
  }
}

// ---- JSON -----------------------------------------------------------------------------------

std::string json_day(const std::optional<dates::Day>& d) { return d ? json::quote(day_text(*d)) : "null"; }

/// `[]`, or one item per line at the indent of a top-level key's value.
std::string json_list(const std::vector<std::string>& items) {
  if (items.empty()) return "[]";
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ",\n    " : "\n    ") + items[i];
  return out + "\n  ]";
}

/// A comment line's text: no control character may end the comment early (or be refused by a parser).
std::string comment_text(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) c = ' ';
  return text::trim(out);
}

/// The body of a TOML basic string (no quotes), for one line inside a multi-line basic string:
/// every `"` and `\` escaped, so no `"""` can close it and no backslash can join lines.
std::string toml_inner(std::string_view s) {
  std::string q = text::toml_quote(one_line(s));
  return q.substr(1, q.size() - 2);
}

}  // namespace

std::string render_agenda_md(const Agenda& a, const AgendaRenderOptions& opt) {
  std::string out = "# " + md::escape(title_line(a)) + "\n\n" + md::escape(period_line(a)) + "\n";
  const auto list = sections(a);
  for (size_t i = 0; i < list.size(); ++i) {
    if (list[i].empty && !opt.all_sections) continue;
    out += std::string("\n## ") + list[i].title + "\n\n";
    if (list[i].empty) {
      out += i == career_s ? "- " + career_none(a) + "\n" : i == style_s ? "none\n" : "- none\n";
      continue;
    }
    md_section_body(a, i, out);
  }
  return out;
}

std::string render_agenda_text(const Agenda& a, const AgendaRenderOptions& opt) {
  const std::string title = one_line(title_line(a));
  std::string out = title + "\n" + std::string(text::display_width(title), '=') + "\n" + period_line(a) + "\n";
  const auto list = sections(a);
  for (size_t i = 0; i < list.size(); ++i) {
    if (list[i].empty && !opt.all_sections) continue;
    out += "\n" + upper(list[i].title) + "\n";
    if (list[i].empty) {
      out += "  " + (i == career_s ? career_none(a) : std::string("none")) + "\n";
      continue;
    }
    text_section_body(a, i, out);
  }
  return out;
}

std::string render_agenda_json(const Agenda& a) {
  std::vector<std::string> actions, topics, goals, questions, wins, outcomes;
  for (const auto& oa : a.actions) {
    json::Object o;
    o.str("id", oa.action.id)
        .str("owner", oa.action.owner)
        .str("text", oa.action.text)
        .raw("due", json_day(oa.action.due))
        .boolean("overdue", oa.overdue)
        .str("from", day_text(oa.from))
        .str("file", oa.path);
    actions.push_back(o.done());
  }
  for (const auto& t : a.topics) {
    json::Object o;
    o.str("id", t.id).str("kind", t.kind).str("text", t.text).str("solution", t.solution).str("date", day_text(t.date));
    topics.push_back(o.done());
  }
  for (const auto& g : a.goals) {
    json::Object o;
    o.str("id", g.goal.goal.id)
        .str("title", g.goal.goal.title)
        .str("owner", g.goal.goal.owner)
        .str("status", g.goal.state.status)
        .num("progress", g.goal.state.progress)
        .raw("due", json_day(g.goal.goal.due))
        .raw("reasons", json::array(g.reasons));
    goals.push_back(o.done());
  }
  for (const auto& q : a.questions) {
    json::Object o;
    o.str("kind", q.kind).str("text", q.text).str("ref", q.ref);
    questions.push_back(o.done());
  }
  for (const auto& w : a.wins) {
    json::Object o;
    o.str("id", w.id).str("date", day_text(w.date)).str("title", w.title).str("impact", w.impact);
    wins.push_back(o.done());
  }
  for (const auto& w : a.outcomes_due) {
    json::Object o;
    o.str("id", w.id).str("date", day_text(w.date)).str("title", w.title).raw("follow_up", json_day(w.follow_up));
    outcomes.push_back(o.done());
  }
  json::Object person, period, career;
  person.str("id", a.person.id).str("name", a.person.name).str("relationship", a.person.relationship);
  period.str("first", day_text(a.period.first)).str("last", day_text(a.period.last));
  career.boolean("due", a.career_due).raw("last", json_day(a.last_career)).raw("prompts", json::array(a.career));
  std::string out = "{\n";
  out += "  \"person\": " + person.done() + ",\n";
  out += "  \"date\": " + json::quote(day_text(a.date)) + ",\n";
  out += "  \"period\": " + period.done() + ",\n";
  out += "  \"last_1on1\": " + json_day(a.last_1on1) + ",\n";
  out += fmt::format("  \"missed\": {},\n", a.missed);
  out += "  \"actions\": " + json_list(actions) + ",\n";
  out += "  \"talking_points\": " + json_list(topics) + ",\n";
  out += "  \"goals\": " + json_list(goals) + ",\n";
  out += "  \"questions\": " + json_list(questions) + ",\n";
  out += "  \"know_your_manager\": " + json::array(a.profile) + ",\n";
  out += "  \"wins\": " + json_list(wins) + ",\n";
  out += "  \"outcomes_due\": " + json_list(outcomes) + ",\n";
  out += "  \"career\": " + career.done() + ",\n";
  out += "  \"style\": " + json::quote(a.style) + "\n";
  return out + "}\n";
}

std::string meeting_template(const Agenda& a, dates::Day day) {
  std::string out;
  out += "# 1:1 with " + comment_text(person_name(a.person)) + ", " + long_day(day) + ".\n";
  out += "# Written by `upward prep-1on1 --save`; edit it freely (formats: upward-files(5)).\n";
  out += "date = " + day_text(day) + "\n";
  out += "with = " + text::toml_quote(a.person.id) + "\n";
  out += "# The talking points this 1:1 covers leave the queue: remove an id to keep it queued.\n";
  if (a.topics.empty()) {
    out += "topics = []\n";
  } else {
    out += "topics = [\n";
    for (const auto& t : a.topics)
      out += "  " + text::toml_quote(t.id) + ",  # " + comment_text(t.kind) + ": " + comment_text(t.text) + "\n";
    out += "]\n";
  }
  out += "notes = \"\"\"\n";
  for (const auto& t : a.topics) out += "- " + toml_inner(t.text) + ": \n";
  out += "\"\"\"\n";
  out += "\n# Reflection, after the meeting:\n"
         "#   What went well, and what would you do differently?\n"
         "#   What did you learn about their priorities and pressures?\n"
         "#   What do you owe them, and by when?\n"
         "reflection = \"\"\n";
  out += "\n# uncomment when you talked about your career\n# career = true\n";
  out += "\n# Action items: one [[action]] table each; `upward prep-1on1 done ID` closes one.\n";
  if (!a.actions.empty()) {
    out += "# Still open from earlier 1:1s:\n";
    for (const auto& oa : a.actions)
      out += "#   " + comment_text(oa.action.id) + " (" + comment_text(oa.action.owner) +
             (oa.action.due ? ", due " + day_text(*oa.action.due) : "") + "): " + comment_text(oa.action.text) + "\n";
  }
  const std::string due = day_text(day + date::days{7});
  out += "#\n"
         "# [[action]]\n"
         "# id = \"send-the-plan\"   # a slug, unique among this person's 1:1s\n"
         "# owner = \"me\"           # me or a person id\n"
         "# text = \"What, concretely\"\n"
         "# due = " + due + "       # optional\n"
         "#\n"
         "# [[action]]\n"
         "# id = \"review-the-draft\"\n"
         "# owner = " + text::toml_quote(comment_text(a.person.id)) + "\n"
         "# text = \"What they will do\"\n";
  return out;
}

std::string render_queue_lines(const std::string& person, const std::vector<Topic>& topics,
                               const std::vector<OpenAction>& actions) {
  auto field = [](std::string_view s) {
    std::string out(s);
    for (char& c : out)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return out;
  };
  std::string out;
  for (const auto& t : topics)
    out += field(t.kind) + "\t" + field(person) + "\t" + field(t.id) + "\t" + field(t.text) + "\n";
  for (const auto& oa : actions)
    out += "action\t" + field(person) + "\t" + field(oa.action.id) + "\t" + field(oa.action.text) + "\n";
  return out;
}

}  // namespace upward
