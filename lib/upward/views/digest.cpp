#include "upward/views/digest.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <set>
#include <tuple>

#include "upward/model/config.hpp"

namespace upward {

namespace {

constexpr std::array<const char*, 12> month_names{"January", "February", "March",     "April",   "May",      "June",
                                                  "July",    "August",   "September", "October", "November", "December"};

/// The brief style's limit on wins (COMMON9: "at most 5 wins").
constexpr size_t brief_wins = 5;

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

/// A person's name, else the id (unknown people, people without a name).
std::string person_name(const std::string& id, std::span<const Person> people) {
  for (const auto& p : people)
    if (p.id == id) return p.name.empty() ? id : p.name;
  return id;
}

/// The latest non-empty note of `updates` (in date order, as goal_row leaves them); "" when none.
std::string latest_note(const std::vector<GoalUpdate>& updates) {
  for (auto it = updates.rbegin(); it != updates.rend(); ++it)
    if (!it->note.empty()) return it->note;
  return {};
}

/// Due date first (none last), then id.
bool by_due(const GoalRow& a, const GoalRow& b) {
  auto key = [](const GoalRow& r) { return std::tuple{!r.goal.due.has_value(), r.goal.due.value_or(dates::Day{}), r.goal.id}; };
  return key(a) < key(b);
}

bool oldest_first(const Win& a, const Win& b) { return std::tie(a.date, a.id) < std::tie(b.date, b.id); }

/// `2026-W47`: the ISO week of the Thursday in the week starting on `first`, so the key names the
/// same days that parse_period reads back for this week start.
std::string week_key(dates::Day first) {
  dates::Day thursday = first + (date::Thursday - date::weekday{first});
  date::year y = date::year_month_day{thursday}.year();
  dates::Day week1 = dates::week_first(date::sys_days{y / date::January / 4}, date::Monday);
  int week = static_cast<int>((thursday - week1).count() / 7 + 1);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", static_cast<int>(y), week);
  return buf;
}

/// The records a digest may show: private goals, their ids in links, and private wins left out.
class Visible {
 public:
  explicit Visible(const DigestInput& in) : in_(in) {
    for (const auto& g : in.goals) {
      if (g.is_private) hidden_.insert(g.id);
      else goals_.push_back(&g);
    }
  }

  const std::vector<const Goal*>& goals() const { return goals_; }
  bool hidden(const std::string& goal_id) const { return hidden_.count(goal_id) > 0; }

  const Goal* find(const std::string& id) const {
    for (const Goal* g : goals_)
      if (g->id == id) return g;
    return nullptr;
  }

  /// The goal as of `day`, without the ids of private goals it supports.
  GoalRow row(const Goal& g, dates::Day day) const {
    GoalRow r = goal_row(g, day, in_.stale_after_days);
    std::erase_if(r.goal.supports, [&](const std::string& id) { return hidden(id); });
    return r;
  }

  /// The win without links to private goals (each goal once).
  Win win(const Win& w) const {
    Win out = w;
    out.goals.clear();
    for (const auto& id : w.goals)
      if (!hidden(id) && !contains(out.goals, id)) out.goals.push_back(id);
    return out;
  }

  /// Where a goal's group stands: the leading person's goals, other people's, mine, unknown ids.
  int rank(const std::string& goal_id) const {
    const Goal* g = find(goal_id);
    if (!g) return 3;
    if (in_.for_person && g->owner == in_.for_person->id) return 0;
    return g->owner == "me" ? 2 : 1;
  }

 private:
  const DigestInput& in_;
  std::set<std::string> hidden_;
  std::vector<const Goal*> goals_;
};

/// Active goals as of `day` for which `keep` holds, by due date then id.
template <class Keep>
std::vector<GoalRow> active_goals(const Visible& v, dates::Day day, Keep keep) {
  std::vector<GoalRow> out;
  for (const Goal* g : v.goals()) {
    if (!keep(*g)) continue;
    GoalRow r = v.row(*g, day);
    if (r.state.recorded && r.state.active) out.push_back(std::move(r));
  }
  std::stable_sort(out.begin(), out.end(), by_due);
  return out;
}

/// The goals that lead (their active goals, then mine that support one of them directly), and
/// the lead's goals alone: as of today.
struct Leading {
  std::vector<GoalRow> theirs, mine;
};

Leading leading_goals(const DigestInput& in, const Visible& v) {
  Leading l;
  if (in.for_person) {
    const std::string& lead = in.for_person->id;
    l.theirs = active_goals(v, in.today, [&](const Goal& g) { return g.owner == lead; });
    std::set<std::string> ids;
    for (const auto& r : l.theirs) ids.insert(r.goal.id);
    l.mine = active_goals(v, in.today, [&](const Goal& g) {
      return g.owner == "me" &&
             std::any_of(g.supports.begin(), g.supports.end(), [&](const std::string& id) { return ids.count(id) > 0; });
    });
  }
  if (l.theirs.empty() && l.mine.empty())
    l.mine = active_goals(v, in.today, [](const Goal& g) { return g.owner == "me"; });
  return l;
}

bool needs_attention(const GoalRow& r) {
  return r.state.status == "at-risk" || r.state.status == "blocked" || r.state.overdue;
}

GlanceLine glance_line(const GoalRow& r, std::span<const Person> people) {
  GlanceLine line{r, r.goal.owner == "me" ? "me" : person_name(r.goal.owner, people), ""};
  std::string note = latest_note(r.goal.updates);
  std::string because = note.empty() ? "" : " because " + note;
  if (r.state.status == "at-risk") line.state = "at risk" + because;
  else if (r.state.status == "blocked") line.state = "blocked" + because;
  std::string overdue = r.state.overdue ? "overdue" : "";  // the line shows the due date
  // a goal nobody has reported on is not "on track": it says so
  if (line.state.empty()) line.state = !overdue.empty() ? overdue : r.goal.updates.empty() ? "no update yet" : "on track";
  else if (!overdue.empty()) line.state += "; " + overdue;
  return line;
}

/// The brief style's wins: at most five, those with a metric first, then those linked to a goal,
/// then the most recent; returned oldest first.
std::vector<Win> top_wins(std::vector<Win> wins) {
  auto rank = [](const Win& w) { return !w.metrics.empty() ? 0 : !w.goals.empty() ? 1 : 2; };
  std::stable_sort(wins.begin(), wins.end(), [&](const Win& a, const Win& b) {
    if (rank(a) != rank(b)) return rank(a) < rank(b);
    if (a.date != b.date) return a.date > b.date;
    return a.id < b.id;
  });
  if (wins.size() > brief_wins) wins.resize(brief_wins);
  std::stable_sort(wins.begin(), wins.end(), oldest_first);
  return wins;
}

WinGroup other_work(std::vector<Win> wins) { return {"", "Other work", std::move(wins)}; }

std::vector<WinGroup> group_wins(const std::vector<Win>& wins, const DigestInput& in, const Visible& v) {
  std::vector<WinGroup> groups;
  std::vector<Win> other;
  if (in.group_by == "tag") {
    std::map<std::string, std::vector<Win>> by_tag;
    for (const auto& w : wins) {
      std::set<std::string> tags(w.tags.begin(), w.tags.end());
      if (tags.empty()) other.push_back(w);
      for (const auto& t : tags) by_tag[t].push_back(w);
    }
    for (auto& [tag, ws] : by_tag) groups.push_back({tag, tag, std::move(ws)});
  } else if (in.group_by == "section") {
    for (const auto& [key, heading] : brag_sections) {
      WinGroup g{key, heading, {}};
      for (const auto& w : wins)
        if (section_of(w, in.tag_sections) == key) g.wins.push_back(w);
      if (!g.wins.empty()) groups.push_back(std::move(g));
    }
  } else if (in.group_by == "week") {
    std::map<dates::Day, std::vector<Win>> by_week;
    for (const auto& w : wins) by_week[dates::week_first(w.date, in.week_start)].push_back(w);
    for (auto& [first, ws] : by_week)
      groups.push_back({week_key(first), dates::format_range({first, first + date::days{6}}), std::move(ws)});
  } else if (in.group_by == "month") {
    std::map<date::year_month, std::vector<Win>> by_month;
    for (const auto& w : wins) {
      date::year_month_day ymd{w.date};
      by_month[ymd.year() / ymd.month()].push_back(w);
    }
    for (auto& [ym, ws] : by_month) {
      int y = static_cast<int>(ym.year());
      unsigned m = static_cast<unsigned>(ym.month());
      char key[32];
      std::snprintf(key, sizeof key, "%04d-%02u", y, m);
      groups.push_back({key, std::string(month_names[m - 1]) + " " + std::to_string(y), std::move(ws)});
    }
  } else {  // goal
    std::map<std::string, std::vector<Win>> by_goal;
    for (const auto& w : wins) {
      if (w.goals.empty()) other.push_back(w);
      for (const auto& id : w.goals) by_goal[id].push_back(w);
    }
    for (auto& [id, ws] : by_goal) {
      const Goal* g = v.find(id);
      groups.push_back({id, g ? g->title : id, std::move(ws)});
    }
    std::stable_sort(groups.begin(), groups.end(), [&](const WinGroup& a, const WinGroup& b) {
      return std::pair{v.rank(a.key), a.key} < std::pair{v.rank(b.key), b.key};
    });
  }
  if (!other.empty()) groups.push_back(other_work(std::move(other)));
  return groups;
}

/// Goals whose updates dated in the period changed their progress or status; those that became
/// done go to `done`.
void goal_moves(const DigestInput& in, const Visible& v, Digest& d) {
  const auto& p = in.period;
  std::vector<const Goal*> goals = v.goals();
  std::stable_sort(goals.begin(), goals.end(), [&](const Goal* a, const Goal* b) {
    return std::pair{v.rank(a->id), a->id} < std::pair{v.rank(b->id), b->id};
  });
  for (const Goal* g : goals) {
    std::vector<GoalUpdate> during;
    for (const auto& u : updates_as_of(*g, p.last))
      if (u.date >= p.first) during.push_back(u);
    if (during.empty()) continue;
    GoalState from = goal_state(*g, p.first - date::days{1}, in.stale_after_days);
    GoalState to = goal_state(*g, p.last, in.stale_after_days);
    if (to.status == "done" && from.status != "done") {
      d.done.push_back(v.row(*g, p.last));
    } else if (from.progress != to.progress || from.status != to.status) {
      GoalMove m{v.row(*g, p.last), from.progress, to.progress, from.status, to.status, {}};
      for (const auto& u : during)
        if (!u.note.empty()) m.notes.push_back(u.note);
      d.moves.push_back(std::move(m));
    }
  }
}

/// The plans of the last digest sent, each done, moved or still open as of today.
void review_plans(const DigestInput& in, const Visible& v, Digest& d) {
  if (!in.last_sent) return;
  SentDigest sent = *in.last_sent;
  sent.plans.clear();
  for (const auto& plan : in.last_sent->plans) {
    PlanReview r{plan, "open", ""};
    if (plan.kind == "action") {
      // closed (done on or before today), handed to someone else, gone from the records, or open
      auto it = std::find_if(in.all_actions.begin(), in.all_actions.end(),
                             [&](const OpenAction& a) { return a.action.id == plan.ref; });
      if (it == in.all_actions.end()) {
        r.detail = "no longer in any 1:1 record";
      } else if (it->action.done && *it->action.done <= in.today) {
        r.state = "done";
        r.detail = "done on " + dates::format_day(*it->action.done);
      } else if (it->action.owner != "me") {
        r.detail = "now " + person_name(it->action.owner, in.people) + "'s";
      }
    } else if (v.hidden(plan.ref)) {
      continue;
    } else if (const Goal* g = v.find(plan.ref)) {
      GoalState s = goal_state(*g, in.today, in.stale_after_days);
      if (s.status == "done") {
        r.state = "done";
        if (s.status_since) r.detail = "done on " + dates::format_day(*s.status_since);
      } else if (g->due != plan.due) {
        r.state = "moved";
        r.detail = g->due ? "due " + dates::format_day(*g->due) + " now" : "no due date now";
      } else if (s.status == "dropped" && s.status_since) {
        r.detail = "dropped on " + dates::format_day(*s.status_since);
      }
    }
    sent.plans.push_back(plan);
    d.last_plans.push_back(std::move(r));
  }
  d.last_sent = std::move(sent);
}

/// My active goals due in the next period, my active goals' latest notes, my open action items.
void plans(const DigestInput& in, const Visible& v, Digest& d) {
  dates::DateRange next = next_period(in.period);
  std::vector<Plan> due, steps;
  for (const auto& r : active_goals(v, in.today, [](const Goal& g) { return g.owner == "me"; })) {
    std::string note = latest_note(r.goal.updates);
    if (r.goal.due && next.contains(*r.goal.due)) {
      std::string text = r.goal.title + " (due " + dates::format_day(*r.goal.due) + ")";
      if (!note.empty()) text += ": " + note;
      due.push_back({"goal-due", r.goal.id, text, r.goal.due});
    } else if (!note.empty()) {
      std::string late = r.goal.due && *r.goal.due < in.today ? " (overdue: due " + dates::format_day(*r.goal.due) + ")" : "";
      steps.push_back({"next-step", r.goal.id, r.goal.title + late + ": " + note, r.goal.due});
    }
  }
  d.plans = std::move(due);
  d.plans.insert(d.plans.end(), steps.begin(), steps.end());
  for (const auto& oa : in.my_actions) {
    const Action& a = oa.action;
    if (a.owner != "me") continue;
    std::string text = a.text;
    if (a.due) text += (*a.due < in.today ? " (overdue: due " : " (due ") + dates::format_day(*a.due) + ")";
    d.plans.push_back({"action", a.id, text, a.due, oa.path});
  }
}

/// Their and my active goals at risk or blocked, with the latest note; open problem topics.
void problems(const DigestInput& in, const Visible& v, Digest& d) {
  std::vector<GoalRow> goals;
  if (in.for_person) {
    const std::string& lead = in.for_person->id;
    goals = active_goals(v, in.today, [&](const Goal& g) { return g.owner == lead; });
  }
  auto mine = active_goals(v, in.today, [](const Goal& g) { return g.owner == "me"; });
  goals.insert(goals.end(), mine.begin(), mine.end());
  for (const auto& r : goals)
    if (r.state.status == "at-risk" || r.state.status == "blocked")
      d.problems.push_back({"goal", r.goal.id, r.goal.title, r.state.status, latest_note(r.goal.updates), ""});
  for (const auto& t : in.problems)
    if (!t.is_private && t.kind == "problem")
      d.problems.push_back({"topic", t.id, t.text, "problem", t.solution, person_name(t.person, in.people), t.person});
}

}  // namespace

Digest build_digest(const DigestInput& in) {
  Digest d;
  d.period = in.period;
  d.style = in.style;
  d.group_by = in.group_by;
  d.for_person = in.for_person;
  bool brief = in.style == "brief";
  Visible v(in);

  // 1. goals at a glance
  Leading lead = leading_goals(in, v);
  for (const auto* rows : {&lead.theirs, &lead.mine})
    for (const auto& r : *rows)
      if (!brief || needs_attention(r)) d.glance.push_back(glance_line(r, in.people));

  // 2. progress
  std::vector<Win> wins;
  for (const auto& w : in.wins) {
    if (w.is_private || !in.period.contains(w.date)) continue;
    if (w.kind == "kudos") {
      Win k = v.win(w);
      k.from = person_name(k.from, in.people);
      d.kudos.push_back(std::move(k));
    } else {
      wins.push_back(v.win(w));
    }
  }
  std::stable_sort(wins.begin(), wins.end(), oldest_first);
  std::stable_sort(d.kudos.begin(), d.kudos.end(), oldest_first);
  d.win_count = static_cast<int>(wins.size());
  d.measured = static_cast<int>(std::count_if(wins.begin(), wins.end(), [](const Win& w) { return !w.metrics.empty(); }));
  for (auto w = dates::week_first(in.period.first, in.week_start); w <= in.period.last; w += date::days{7})
    d.per_week.emplace_back(w, 0);
  for (const auto& w : wins)  // every win of the period, also those a brief digest leaves out
    ++d.per_week[static_cast<std::size_t>((w.date - d.per_week.front().first).count() / 7)].second;
  if (brief) {
    wins = top_wins(std::move(wins));
    d.left_out = d.win_count - static_cast<int>(wins.size());
  }
  // by section, kudos stand in theirs (collaboration unless their section or tags say otherwise)
  if (in.group_by == "section") {
    wins.insert(wins.end(), d.kudos.begin(), d.kudos.end());
    std::stable_sort(wins.begin(), wins.end(), oldest_first);
    d.kudos_in_groups = static_cast<int>(d.kudos.size());
    d.kudos.clear();
  }
  d.progress = group_wins(wins, in, v);

  goal_moves(in, v, d);
  if (brief) d.moves.clear();

  for (const auto& w : in.outcome_wins)
    if (!w.is_private && w.outcome_date && in.period.contains(*w.outcome_date)) d.outcomes.push_back(v.win(w));
  std::stable_sort(d.outcomes.begin(), d.outcomes.end(), [](const Win& a, const Win& b) {
    return std::tie(*a.outcome_date, a.date, a.id) < std::tie(*b.outcome_date, b.date, b.id);
  });

  // 3. last time's plans, 4. plans, 5. problems
  review_plans(in, v, d);
  plans(in, v, d);
  problems(in, v, d);
  return d;
}

}  // namespace upward
