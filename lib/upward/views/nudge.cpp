#include "upward/views/nudge.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "upward/base/text.hpp"
#include "upward/views/agenda.hpp"

namespace upward {

namespace {

std::string quoted(const std::string& s) { return "'" + text::one_line(s) + "'"; }

bool blank(const std::string& s) { return text::trim(s).empty(); }

std::string day(dates::Day d) { return dates::format_day(d); }

/// "today", "tomorrow", or "on monday 2026-11-30".
std::string when(dates::Day d, dates::Day today) {
  if (d == today) return "today";
  if (d == today + date::days{1}) return "tomorrow (" + day(d) + ")";
  return "on " + dates::weekday_name(date::weekday{d}) + " " + day(d);
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::size_t kind_rank(const std::string& kind) {
  return static_cast<std::size_t>(std::find(nudge_kinds.begin(), nudge_kinds.end(), kind) - nudge_kinds.begin());
}

}  // namespace

std::string urgency_name(Urgency u) {
  switch (u) {
    case Urgency::overdue: return "overdue";
    case Urgency::now: return "now";
    case Urgency::soon: return "soon";
    case Urgency::habit: break;
  }
  return "habit";
}

bool working_day(dates::Day d) {
  date::weekday wd{d};
  return wd != date::Saturday && wd != date::Sunday;
}

dates::Day working_days_before(dates::Day d, int n) {
  while (n > 0) {
    d -= date::days{1};
    if (working_day(d)) --n;
  }
  return d;
}

dates::Day working_days_after(dates::Day d, int n) {
  while (n > 0) {
    d += date::days{1};
    if (working_day(d)) --n;
  }
  return d;
}

dates::Day next_working_day(dates::Day d) {
  do d += date::days{1};
  while (!working_day(d));
  return d;
}

std::optional<dates::DateRange> nudge_recent_range(dates::Day today, const NudgeConfig& c) {
  std::optional<dates::Day> first;
  if (c.no_win_days > 0) first = working_days_before(today, c.no_win_days);
  if (c.vague_wins) first = std::min(first.value_or(today), today - date::days{29});
  if (!first) return std::nullopt;
  return dates::DateRange{*first, today};
}

std::optional<dates::DateRange> nudge_follow_up_range(dates::Day today, const NudgeConfig& c) {
  if (!c.follow_ups) return std::nullopt;
  auto recent = nudge_recent_range(today, c);
  dates::DateRange older{dates::year_before(today), recent ? recent->first - date::days{1} : today};
  if (older.last < older.first) return std::nullopt;
  return older;
}

std::vector<Nudge> nudge_no_win(std::span<const Win> wins, dates::Day today, int no_win_days) {
  if (no_win_days <= 0) return {};
  dates::DateRange window{working_days_before(today, no_win_days), today};
  std::optional<dates::Day> last;
  for (const auto& w : wins) {
    if (window.contains(w.date)) return {};
    if (w.date < window.first && (!last || *last < w.date)) last = w.date;
  }
  Nudge n;
  n.kind = "no-win";
  n.urgency = Urgency::habit;
  n.message = "no win logged in the last " + plural(static_cast<std::size_t>(no_win_days), "working day", "working days") +
              " (since " + day(window.first) + ")";
  if (last) n.message += "; the last on " + day(*last);
  n.command = "upward log-win TEXT";
  return {n};
}

std::vector<Nudge> nudge_one_on_ones(std::span<const Person> people, std::span<const Meeting> meetings,
                                     std::span<const Topic> topics, dates::Day today) {
  std::vector<Nudge> out;
  dates::Day horizon = next_working_day(today);
  for (const auto& p : people) {
    if (std::find(cadences.begin(), cadences.end(), p.cadence) == cadences.end()) continue;
    std::vector<Meeting> theirs;
    for (const auto& m : meetings)
      if (m.person == p.id) theirs.push_back(m);
    auto last = last_meeting(theirs, today);
    if (!last) continue;  // no series yet: when the next one is, nothing says
    dates::Day next = next_meeting(last, p.cadence, today);
    if (next < today || next > horizon) continue;
    std::vector<Topic> queued;
    for (const auto& t : topics)
      if (t.person == p.id) queued.push_back(t);
    auto open = open_topics(queued, theirs, today);
    Nudge base;
    base.urgency = next == today ? Urgency::now : Urgency::soon;
    base.date = next;
    base.person = p.id;
    std::string head = "1:1 with " + p.id + " " + when(next, today);
    if (open.empty()) {
      Nudge n = base;
      n.kind = "1on1-empty";
      n.ref = p.id;
      n.message = head + " has nothing on its agenda";
      n.command = "upward prep-1on1 add --with " + p.id + " TEXT";
      out.push_back(std::move(n));
      continue;
    }
    for (const auto& t : open) {
      if (t.kind != "problem" || !blank(t.solution)) continue;
      Nudge n = base;
      n.kind = "1on1-problem";
      n.ref = t.id;
      n.file = meeting_folder(p.id) + "/topics/" + t.id + ".toml";
      n.message = head + ": problem " + quoted(t.text) + " has no proposed solution";
      n.hint = "add solution = \"...\" to";
      out.push_back(std::move(n));
    }
  }
  return out;
}

std::vector<Nudge> nudge_actions(std::span<const Meeting> meetings, dates::Day today, int days) {
  // an id in the records of several people needs --with to be closed
  auto open = open_actions(meetings, today);
  auto person_of = [&](const OpenAction& oa) {
    auto it = std::find_if(meetings.begin(), meetings.end(), [&](const Meeting& m) { return m.path == oa.path; });
    return it == meetings.end() ? std::string() : it->person;
  };
  std::map<std::string, std::set<std::string>> holders;
  for (const auto& oa : open) holders[oa.action.id].insert(person_of(oa));
  std::vector<Nudge> out;
  for (const auto& oa : open) {
    const Action& a = oa.action;
    if (a.owner != "me" || !a.due || *a.due > working_days_after(today, days)) continue;
    std::string person = person_of(oa);
    Nudge n;
    n.kind = "action";
    n.date = a.due;
    n.ref = a.id;
    n.person = person;
    n.file = oa.path;
    std::string head = "action " + quoted(a.id) + (person.empty() ? "" : " for " + person);
    if (*a.due < today) {
      n.urgency = Urgency::overdue;
      n.message = head + " was due " + day(*a.due);
    } else {
      n.urgency = *a.due == today ? Urgency::now : Urgency::soon;
      n.message = head + " is due " + when(*a.due, today);
    }
    if (!blank(a.text)) n.message += ": " + text::one_line(a.text);
    n.command = "upward prep-1on1 done " + a.id + (holders[a.id].size() > 1 && !person.empty() ? " --with " + person : "");
    out.push_back(std::move(n));
  }
  return out;
}

std::vector<Nudge> nudge_goals(std::span<const Goal> goals, dates::Day today, int due_days, int stale_after_days) {
  std::vector<Nudge> out;
  for (const auto& g : goals) {
    if (g.owner != "me") continue;
    GoalState s = goal_state(g, today, stale_after_days);
    if (!s.recorded || !s.active) continue;
    Nudge n;
    n.ref = g.id;
    n.file = "goals/" + g.id + ".toml";
    std::string head = "goal " + quoted(g.id);
    std::string progress = " at " + std::to_string(s.progress) + "%";
    std::string stale = s.stale ? "; no update for " + plural(static_cast<std::size_t>(*s.days_since_update), "day", "days") : "";
    std::string title = blank(g.title) ? "" : ": " + text::one_line(g.title);
    if (g.due && *g.due <= today + date::days{std::max(due_days, 0)}) {
      n.date = g.due;
      if (*g.due < today) {
        n.kind = "goal-overdue";
        n.urgency = Urgency::overdue;
        n.message = head + " was due " + day(*g.due) + " and is not done (" + s.status + progress + stale + ")" + title;
        n.command = "upward goals done " + g.id;
      } else {
        n.kind = "goal-due";
        n.urgency = *g.due == today ? Urgency::now : Urgency::soon;
        n.message = head + " is due " + when(*g.due, today) + " (" +
                    s.status + progress + stale + ")" + title;
        n.command = *g.due == today ? "upward goals done " + g.id : "upward goals update " + g.id + " --progress N%";
      }
    } else if (s.stale) {
      n.kind = "goal-stale";
      n.urgency = Urgency::habit;
      n.message = head + " has had no update for " +
                  plural(static_cast<std::size_t>(*s.days_since_update), "day", "days") + title;
      n.command = "upward goals update " + g.id + " --note TEXT";
    } else {
      continue;
    }
    out.push_back(std::move(n));
  }
  return out;
}

std::vector<Nudge> nudge_follow_ups(std::span<const Win> wins, dates::Day today) {
  std::vector<Nudge> out;
  for (const auto& w : wins) {
    if (!outcome_due(w, today)) continue;
    Nudge n;
    n.kind = "follow-up";
    n.urgency = Urgency::now;
    n.date = w.follow_up;
    n.ref = w.id;
    n.file = win_path(w.id);
    n.message = "what came of " + quoted(w.title) + "? its follow-up " +
                (*w.follow_up == today ? std::string("is due today") : "was due " + day(*w.follow_up));
    n.command = "upward outcome " + w.id + " TEXT";
    out.push_back(std::move(n));
  }
  std::stable_sort(out.begin(), out.end(), [](const Nudge& a, const Nudge& b) { return std::tie(a.date, a.ref) < std::tie(b.date, b.ref); });
  return out;
}

std::optional<Nudge> nudge_digest(const std::optional<SentDigest>& last_sent, dates::Day today,
                                  date::weekday week_start, date::weekday digest_day,
                                  std::span<const SentDigest> sent_this_week) {
  if (!last_sent) return std::nullopt;  // --send never used: the user sends updates some other way
  dates::Day first = dates::week_first(today, week_start);
  if (last_sent->period.last >= first) return std::nullopt;  // one that covers this week (last week's, sent late, does not)
  for (const auto& s : sent_this_week)
    if (s.period.last >= first) return std::nullopt;  // this week's, then an older week re-sent
  dates::Day due = first + (digest_day - week_start);
  if (today < due) return std::nullopt;
  Nudge n;
  n.kind = "digest";
  n.date = due;
  n.urgency = today == due ? Urgency::now : Urgency::overdue;
  n.message = today == due ? "this week's digest is not sent yet"
                           : "this week's digest was due " + dates::weekday_name(digest_day) + " " + day(due) +
                                 " and is not sent yet";
  n.message += " (the last went on " + day(last_sent->date) + ")";
  n.ref = last_sent->id;
  n.file = last_sent->id.empty() ? "" : "sent/" + last_sent->id + ".toml";
  n.command = "upward digest --send";
  return n;
}

std::optional<Nudge> nudge_vague_wins(std::span<const Win> wins, dates::Day today) {
  dates::DateRange window{today - date::days{29}, today};
  std::vector<const Win*> vague;
  for (const auto& w : wins)
    if (w.kind != "kudos" && window.contains(w.date) && blank(w.impact) && w.metrics.empty() && w.goals.empty())
      vague.push_back(&w);
  if (vague.empty()) return std::nullopt;
  std::stable_sort(vague.begin(), vague.end(), [](const Win* a, const Win* b) { return std::tie(a->date, a->id) < std::tie(b->date, b->id); });
  Nudge n;
  n.kind = "vague-wins";
  n.urgency = Urgency::habit;
  n.ref = vague.front()->id;
  n.file = win_path(vague.front()->id);
  for (const Win* w : vague) n.refs.push_back(w->id);
  n.message = vague.size() == 1
                  ? "1 win of the last 30 days says nothing about its impact: " + quoted(vague.front()->title)
                  : std::to_string(vague.size()) + " wins of the last 30 days say nothing about their impact, the oldest " +
                        quoted(vague.front()->title);
  n.command = "upward set win " + vague.front()->id + " --impact TEXT";
  return n;
}

void sort_nudges(std::vector<Nudge>& nudges) {
  auto key = [](const Nudge& n) {
    bool dated = n.urgency == Urgency::overdue || n.urgency == Urgency::soon;
    return std::tuple{n.urgency, dated ? n.date.value_or(dates::Day{}) : dates::Day{}, kind_rank(n.kind)};
  };
  // within one kind the rules' own order stands (a person's problems by date, follow-ups by date)
  std::stable_sort(nudges.begin(), nudges.end(), [&](const Nudge& a, const Nudge& b) { return key(a) < key(b); });
}

std::vector<Nudge> build_nudges(const NudgeInput& in) {
  const NudgeConfig& c = in.config;
  std::vector<Nudge> out;
  auto add = [&out](std::vector<Nudge> more) { std::move(more.begin(), more.end(), std::back_inserter(out)); };
  if (c.actions) add(nudge_actions(in.meetings, in.today, c.action_days));
  if (c.one_on_one) add(nudge_one_on_ones(in.people, in.meetings, in.topics, in.today));
  if (c.goals) add(nudge_goals(in.goals, in.today, c.due_days, in.stale_after_days));
  if (c.digest)
    if (auto n = nudge_digest(in.last_sent, in.today, in.week_start, c.digest_day, in.sent_this_week))
      out.push_back(std::move(*n));
  if (c.follow_ups) add(nudge_follow_ups(in.wins, in.today));
  add(nudge_no_win(in.wins, in.today, c.no_win_days));
  if (c.vague_wins)
    if (auto n = nudge_vague_wins(in.wins, in.today)) out.push_back(std::move(*n));
  sort_nudges(out);
  return out;
}

}  // namespace upward
