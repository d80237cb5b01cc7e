#include "upward/views/agenda.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace upward {

namespace {

/// `anchor` + `months` calendar months, clamped to the last day of the month (Jan 31 + 1 → Feb 28).
dates::Day add_months(dates::Day anchor, int months) {
  date::year_month_day ymd{anchor};
  date::year_month ym = date::year_month{ymd.year(), ymd.month()} + date::months{months};
  date::day last = date::year_month_day_last{ym.year(), date::month_day_last{ym.month()}}.day();
  return date::sys_days{ym.year() / ym.month() / std::min(ymd.day(), last)};
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

/// The records dated on or before `day`, oldest first (path breaking ties).
std::vector<const Meeting*> held_by(std::span<const Meeting> meetings, dates::Day day) {
  std::vector<const Meeting*> out;
  for (const auto& m : meetings)
    if (m.date <= day) out.push_back(&m);
  std::stable_sort(out.begin(), out.end(),
                   [](const Meeting* a, const Meeting* b) { return std::tie(a->date, a->path) < std::tie(b->date, b->path); });
  return out;
}

std::string quoted(const std::string& s) { return "'" + s + "'"; }

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

/// Due date first (none last), then id.
bool by_due(const GoalRow& a, const GoalRow& b) {
  auto key = [](const GoalRow& r) { return std::tuple{!r.goal.due.has_value(), r.goal.due.value_or(dates::Day{}), r.goal.id}; };
  return key(a) < key(b);
}

}  // namespace

dates::Day next_meeting(std::optional<dates::Day> last, const std::string& cadence, dates::Day today) {
  if (!last) return today;
  if (cadence == "weekly" || cadence == "biweekly") {
    int step = cadence == "weekly" ? 7 : 14;
    int behind = static_cast<int>((today - *last).count());
    int steps = behind < 0 ? 1 : std::max(1, (behind + step - 1) / step);
    return *last + date::days{steps * step};
  }
  if (cadence == "monthly") {
    // Counted from the last 1:1 each time, so a series on the 31st comes back to the 31st after February.
    for (int k = 1;; ++k) {
      dates::Day next = add_months(*last, k);
      if (next >= today) return next;
    }
  }
  return today;
}

int missed_meetings(std::optional<dates::Day> last, const std::string& cadence, dates::Day today) {
  if (!last || (cadence != "weekly" && cadence != "biweekly" && cadence != "monthly")) return 0;
  int missed = 0;
  for (int k = 1;; ++k) {
    dates::Day planned = cadence == "monthly" ? add_months(*last, k) : *last + date::days{k * (cadence == "weekly" ? 7 : 14)};
    if (planned >= today) return missed;
    ++missed;
  }
}

std::optional<dates::Day> last_meeting(std::span<const Meeting> meetings, dates::Day day) {
  std::optional<dates::Day> last;
  for (const auto& m : meetings)
    if (m.date <= day && (!last || *last < m.date)) last = m.date;
  return last;
}

std::vector<OpenAction> open_actions(std::span<const Meeting> meetings, dates::Day day) {
  std::vector<OpenAction> out;
  for (const Meeting* m : held_by(meetings, day))
    for (const auto& a : m->actions)
      if (!a.done || *a.done > day) out.push_back({a, m->date, m->path, a.due && *a.due < day});
  return out;
}

std::vector<Topic> open_topics(std::span<const Topic> topics, std::span<const Meeting> meetings, dates::Day day) {
  std::vector<Topic> out;
  for (const auto& t : topics) {
    if (t.is_private || t.date > day) continue;
    bool covered = std::any_of(meetings.begin(), meetings.end(), [&](const Meeting& m) {
      return m.date <= day && m.date >= t.date && contains(m.topics, t.id);
    });
    if (!covered) out.push_back(t);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Topic& a, const Topic& b) { return std::tie(a.date, a.id) < std::tie(b.date, b.id); });
  return out;
}

std::optional<dates::Day> last_career_talk(std::span<const Meeting> meetings, std::span<const Topic> topics,
                                           dates::Day day) {
  std::set<std::string> career_topics;
  for (const auto& t : topics)
    if (t.kind == "career") career_topics.insert(t.id);
  std::optional<dates::Day> last;
  for (const auto& m : meetings) {
    if (m.date > day || (last && *last >= m.date)) continue;
    bool career = m.career || std::any_of(m.topics.begin(), m.topics.end(),
                                          [&](const std::string& id) { return career_topics.count(id) > 0; });
    if (career) last = m.date;
  }
  return last;
}

bool career_due(std::optional<dates::Day> last_career, dates::Day day) {
  return !last_career || (day - *last_career).count() > 90;
}

std::vector<std::string> profile_prompts(const Person& person) {
  std::vector<std::string> out;
  if (person.priorities.empty()) out.push_back("What are your top priorities this quarter?");
  if (person.pressures.empty()) out.push_back("What is putting pressure on you right now: from above, from other teams?");
  if (person.style.empty()) out.push_back("Do you prefer brief updates or the full detail?");
  for (const auto& p : person.pressures) out.push_back(quoted(p) + ": how could you take this off their plate?");
  return out;
}

std::vector<std::string> career_prompts() {
  return {
      "Where do I want to be in a year, and does my current work lead there?",
      "What does the next level need that I am not showing yet?",
      "Which skill or project would stretch me in the coming months?",
      "How do you see my growth since we last talked about it?",
      "What could you do to help: a stretch assignment, more visibility, a sponsor?",
  };
}

namespace {

/// The style line: "Prefers brief updates. Priorities: A; B."; each half only when known.
std::string style_line(const Person& p) {
  std::string out;
  if (!p.style.empty()) out = "Prefers " + p.style + " updates.";
  if (!p.priorities.empty()) {
    if (!out.empty()) out += " ";
    out += "Priorities: ";
    for (size_t i = 0; i < p.priorities.size(); ++i) out += (i ? "; " : "") + p.priorities[i];
    out += ".";
  }
  return out;
}

/// The person's active goals as of `today`, then the user's active goals that directly support
/// one of them; each group by due date (none last), then id. Private goals never count.
std::vector<GoalRow> their_goals(const AgendaInput& in) {
  auto shown = [&](const Goal& g, GoalRow& row) {
    if (g.is_private) return false;
    row = goal_row(g, in.today, in.stale_after_days);
    return row.state.recorded && row.state.active;
  };
  std::vector<GoalRow> theirs, mine;
  std::set<std::string> their_ids;
  for (const auto& g : in.goals) {
    GoalRow row;
    if (g.owner == in.person.id && shown(g, row)) {
      their_ids.insert(g.id);
      theirs.push_back(std::move(row));
    }
  }
  for (const auto& g : in.goals) {
    GoalRow row;
    if (g.owner != "me" || !std::any_of(g.supports.begin(), g.supports.end(),
                                        [&](const std::string& id) { return their_ids.count(id) > 0; }))
      continue;
    if (shown(g, row)) mine.push_back(std::move(row));
  }
  std::stable_sort(theirs.begin(), theirs.end(), by_due);
  std::stable_sort(mine.begin(), mine.end(), by_due);
  theirs.insert(theirs.end(), std::make_move_iterator(mine.begin()), std::make_move_iterator(mine.end()));
  return theirs;
}

std::vector<std::string> attention_reasons(const GoalRow& row) {
  std::vector<std::string> out;
  if (row.state.status == "at-risk") out.push_back("at risk");
  if (row.state.status == "blocked") out.push_back("blocked");
  if (row.state.overdue) out.push_back("overdue (due " + dates::format_day(*row.goal.due) + ")");
  if (row.state.stale) {
    int days = *row.state.days_since_update;
    out.push_back("stale (no update for " + std::to_string(days) + (days == 1 ? " day)" : " days)"));
  }
  return out;
}

}  // namespace

Agenda build_agenda(const AgendaInput& in) {
  Agenda a;
  a.person = in.person;
  a.last_1on1 = last_meeting(in.meetings, in.today);
  a.date = in.date ? *in.date : next_meeting(a.last_1on1, in.person.cadence, in.today);
  a.missed = missed_meetings(a.last_1on1, in.person.cadence, in.today);
  dates::Day first = in.since ? *in.since : a.last_1on1 ? *a.last_1on1 : in.today - date::days{27};
  a.period = {std::min(first, in.today), in.today};

  a.actions = open_actions(in.meetings, in.today);

  a.topics = open_topics(in.topics, in.meetings, in.today);
  auto kind_rank = [](const Topic& t) {
    auto it = std::find(topic_kinds.begin(), topic_kinds.end(), t.kind);
    return std::pair{static_cast<size_t>(it - topic_kinds.begin()), it == topic_kinds.end() ? t.kind : std::string{}};
  };
  std::stable_sort(a.topics.begin(), a.topics.end(),
                   [&](const Topic& x, const Topic& y) { return kind_rank(x) < kind_rank(y); });

  std::vector<GoalRow> goals = their_goals(in);
  for (const auto& row : goals) {
    auto reasons = attention_reasons(row);
    if (!reasons.empty()) a.goals.push_back({row, std::move(reasons)});
  }

  for (const auto& w : in.wins) {
    if (w.is_private || w.date > in.today) continue;
    bool seen = contains(w.seen_by, in.person.id) || (w.kind == "kudos" && w.from == in.person.id);
    if (a.period.contains(w.date) && !seen) a.wins.push_back(w);
    if (outcome_due(w, in.today)) a.outcomes_due.push_back(w);
  }
  std::stable_sort(a.wins.begin(), a.wins.end(),
                   [](const Win& x, const Win& y) { return std::tie(x.date, x.id) < std::tie(y.date, y.id); });
  std::stable_sort(a.outcomes_due.begin(), a.outcomes_due.end(), [](const Win& x, const Win& y) {
    return std::tie(*x.follow_up, x.date, x.id) < std::tie(*y.follow_up, y.date, y.id);
  });

  // Likely questions, kind by kind.
  if (a.last_1on1) {
    std::vector<const GoalRow*> quiet;
    for (const auto& row : goals)
      if (!row.state.last_update || *row.state.last_update < *a.last_1on1) quiet.push_back(&row);
    std::stable_sort(quiet.begin(), quiet.end(), [](const GoalRow* x, const GoalRow* y) {
      return std::tie(x->state.last_update, x->goal.id) < std::tie(y->state.last_update, y->goal.id);
    });
    for (const GoalRow* row : quiet) {
      std::string since = row->state.last_update ? "No update since " + dates::format_day(*row->state.last_update) + "."
                                                 : "No update recorded.";
      a.questions.push_back({"no-update", "How is " + quoted(row->goal.title) + " going? " + since, row->goal.id});
    }
  }
  std::vector<const GoalRow*> soon;
  for (const auto& row : goals)
    if (row.goal.due && a.date <= *row.goal.due && *row.goal.due <= a.date + date::days{14}) soon.push_back(&row);
  std::stable_sort(soon.begin(), soon.end(), [](const GoalRow* x, const GoalRow* y) {
    return std::tie(*x->goal.due, x->goal.id) < std::tie(*y->goal.due, y->goal.id);
  });
  for (const GoalRow* row : soon)
    a.questions.push_back({"due-soon",
                           "Will " + quoted(row->goal.title) + " be done by " + dates::format_day(*row->goal.due) + "?",
                           row->goal.id});
  for (const auto& oa : a.actions)
    if (oa.overdue && oa.action.owner == "me")
      a.questions.push_back({"overdue-action",
                             "What happened with " + quoted(oa.action.text) + " (due " +
                                 dates::format_day(*oa.action.due) + ")?",
                             oa.action.id});
  for (const auto& w : a.outcomes_due)
    a.questions.push_back({"outcome",
                           "What came of " + quoted(w.title) + "? Its follow-up was due " +
                               dates::format_day(*w.follow_up) + ".",
                           w.id});
  for (const auto& w : a.wins)
    if (blank(w.impact)) a.questions.push_back({"impact", quoted(w.title) + ": what did it change?", w.id});

  a.profile = profile_prompts(in.person);

  a.last_career = last_career_talk(in.meetings, in.topics, in.today);
  // a career conversation is had with a boss or a mentor, not with a peer or a stakeholder
  bool grows_you = in.person.relationship == "manager" || in.person.relationship == "skip-level" ||
                   in.person.relationship == "mentor" || in.person.relationship.empty();
  a.career_due = grows_you && career_due(a.last_career, a.date);
  if (a.career_due) a.career = career_prompts();

  a.style = style_line(in.person);
  return a;
}

}  // namespace upward
