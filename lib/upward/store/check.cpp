#include "upward/store/check.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "upward/store/fsio.hpp"
#include "upward/store/transaction.hpp"
#include "upward/store/git.hpp"
#include "upward/store/git_log.hpp"
#include "upward/model/harvest_record_read.hpp"
#include "upward/model/records.hpp"
#include "upward/base/error.hpp"
#include "upward/base/text.hpp"

namespace upward {

namespace {

bool starts_with(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }

/// `wins/2026/11/ID.toml` -> `ID`.
std::string base_name_of(const std::string& rel) {
  auto slash = rel.find_last_of('/');
  return rel.substr(slash + 1, rel.size() - slash - 6);
}

/// A note (not an error) when the string `n` names a person who is not in people/.
void note_unknown_person(const Repo& repo, const toml::node& n, const std::string& key, const std::string& shown,
                         std::vector<Problem>& out) {
  const auto* s = n.as_string();
  if (s && text::is_slug(s->get()) && !repo.person_exists(s->get()))
    out.push_back({loc_of(n, shown),
                   "'" + key + "' names '" + s->get() + "', who is not in people/ ('upward people add " + s->get() +
                       "' adds them)",
                   true, true});
}

void check_win(const Repo& repo, const std::string& rel, const toml::table& table, std::vector<Problem>& out) {
  std::string shown = repo.path(rel);
  size_t before = out.size();
  Win w = win_from_toml(table, shown, out);
  if (out.size() > before && !table.get("date")) return;
  if (table.get("date") && table.get("date")->is_date()) {
    std::string folder = win_folder(w.date);
    if (rel.compare(0, folder.size() + 1, folder + "/") != 0)
      out.push_back({loc_of(*table.get("date"), shown),
                     "date " + dates::format_day(w.date) + " does not belong in this folder (move the file to " +
                         folder + "/)"});
    else if (auto problem = win_name_date_problem(base_name_of(rel), w.date); !problem.empty())
      out.push_back({loc_of(*table.get("date"), shown), problem});
  }
  if (w.follow_up && w.follow_up < w.date)
    out.push_back({loc_of(*table.get("follow_up"), shown), "'follow_up' is before the win's date"});
  if (const toml::node* goals = table.get("goals"); goals && goals->is_array()) {
    for (const auto& g : *goals->as_array()) {
      if (const auto* s = g.as_string(); s && text::is_slug(s->get()) && !repo.goal_exists(s->get()))
        out.push_back({loc_of(g, shown), "unknown goal '" + s->get() + "' (no goals/" + s->get() + ".toml)"});
    }
  }
  // people not in people/ are allowed (kudos can come from outsiders), and listed as notes
  if (const toml::node* seen = table.get("seen_by"); seen && seen->is_array())
    for (const auto& p : *seen->as_array()) note_unknown_person(repo, p, "seen_by", shown, out);
  if (const toml::node* from = table.get("from")) note_unknown_person(repo, *from, "from", shown, out);
  std::string id = base_name_of(rel);
  if (!is_win_id(id))  // readers skip it: a name that is not an id never reaches an output
    out.push_back({{shown, 0, 0}, bad_win_file_name});
  if (const toml::node* at = table.get("outcome_date"); w.outcome_date && is_win_id(id) &&
                                                        !fsio::exists(repo.path(outcome_note_path({id, *w.outcome_date}))))
    out.push_back({loc_of(*at, shown),
                   "the outcome has no note " + outcome_note_path({id, *w.outcome_date}) +
                       ", so digests of its date's period do not show it: 'upward outcome " + id + " --date " +
                       dates::format_day(*w.outcome_date) + " TEXT' records both",
                   true});
}

/// An outcome note: outcomes/YYYY/MM/DATE-WIN.toml, naming a win whose outcome_date is DATE.
void check_outcome_note(const Repo& repo, const std::string& rel, const toml::table& table, std::vector<Problem>& out) {
  std::string shown = repo.path(rel);
  size_t before = out.size();
  OutcomeNote note = outcome_note_from_toml(table, shown, out);
  if (out.size() > before) return;
  const toml::node& at = *table.get("win");
  if (rel != outcome_note_path(note)) {
    out.push_back({loc_of(*table.get("date"), shown), "an outcome note of this win and date belongs in " +
                                                          outcome_note_path(note) + " (rename the file)"});
    return;
  }
  if (!fsio::exists(repo.path(win_path(note.win)))) {
    out.push_back({loc_of(at, shown), "unknown win '" + note.win + "' (no " + win_path(note.win) + "): remove this note"});
    return;
  }
  try {
    Win w = repo.win(note.win);
    if (!w.outcome_date || *w.outcome_date != note.date)
      out.push_back({loc_of(at, shown), "the win's outcome_date is " +
                                            (w.outcome_date ? dates::format_day(*w.outcome_date) : std::string("not set")) +
                                            ", not this note's date: remove the note, or record the outcome again "
                                            "('upward outcome " + note.win + " TEXT')"});
  } catch (const Error&) {  // the win file's own problems are reported where it is checked
  }
}

/// The id of a record directly inside `folder/`, or "" when `rel` is elsewhere.
std::string id_in(const std::string& rel, const std::string& folder) {
  if (!starts_with(rel, folder + "/") || rel.find('/', folder.size() + 1) != std::string::npos) return "";
  return rel.substr(folder.size() + 1, rel.size() - folder.size() - 6);
}

void check_id(const std::string& id, const std::string& shown, const char* what, std::vector<Problem>& out) {
  if (!text::is_slug(id)) out.push_back(file_name_problem(shown, what));
}

/// Updates dated before the goal was created or after today, and updates that change a done
/// goal without a status reopening it (a warning). Each points at the update's date.
void check_updates(const Goal& g, const toml::table& table, dates::Day today, const std::string& shown,
                   std::vector<Problem>& out) {
  const toml::array* tables = table.get("update") ? table.get("update")->as_array() : nullptr;
  if (!tables || !tables->is_array_of_tables()) return;
  std::vector<GoalUpdate> updates;
  std::vector<const toml::node*> at;
  for (const auto& node : *tables) {
    std::vector<Problem> reported;  // goal_from_toml reported them already
    FieldReader r(*node.as_table(), shown, reported);
    auto day = r.day("date");
    if (!day) continue;
    updates.push_back({*day, std::nullopt, r.string("status").value_or(""), ""});
    at.push_back(r.node("date"));
  }
  for (size_t i = 0; i < updates.size(); ++i) {
    std::string day = dates::format_day(updates[i].date);
    if (g.created && updates[i].date < *g.created)
      out.push_back({loc_of(*at[i], shown), "update dated " + day + " is before the goal was created (" +
                                                dates::format_day(*g.created) + ")"});
    if (updates[i].date > today)
      out.push_back({loc_of(*at[i], shown), "update dated " + day + " is after today (" + dates::format_day(today) + ")"});
  }
  for (size_t i : updates_after_done(updates))
    out.push_back({loc_of(*at[i], shown),
                   "the goal is done before this update, which sets no 'status' to reopen it "
                   "(add status = \"on-track\" to reopen it)",
                   true});
}

void check_goal(const Repo& repo, const std::string& id, const toml::table& table, dates::Day today,
                std::vector<Problem>& out) {
  std::string shown = repo.path("goals/" + id + ".toml");
  check_id(id, shown, "goal", out);
  Goal g = goal_from_toml(table, id, shown, out);
  check_updates(g, table, today, shown, out);
  if (const toml::node* owner = table.get("owner"); owner && g.owner != "me" && !repo.person_exists(g.owner))
    out.push_back({loc_of(*owner, shown), "unknown person '" + g.owner + "' (no people/" + g.owner + ".toml)"});
  if (const toml::node* supports = table.get("supports"); supports && supports->is_array()) {
    for (const auto& s : *supports->as_array()) {
      const auto* str = s.as_string();
      if (!str || !text::is_slug(str->get())) continue;
      if (str->get() == id) out.push_back({loc_of(s, shown), "a goal cannot support itself"});
      else if (!repo.goal_exists(str->get()))
        out.push_back({loc_of(s, shown), "unknown goal '" + str->get() + "' (no goals/" + str->get() + ".toml)"});
    }
  }
}

/// What checking 1on1s/ remembers from file to file: the action ids of each person's records
/// (where each was first given) and the folders already noted.
struct OneOnOnes {
  std::map<std::string, std::map<std::string, std::string>> action_ids;  ///< person -> id -> rel
  std::set<std::string> folders;
};

/// A file under 1on1s/: `PERSON/DATE.toml` (a 1:1 record) or `PERSON/topics/ID.toml` (a talking point).
void check_1on1(const Repo& repo, const std::string& rel, const toml::table& table, OneOnOnes& seen,
                std::vector<Problem>& out) {
  std::string shown = repo.path(rel), inside = rel.substr(std::string("1on1s/").size());
  auto slash = inside.find('/');
  std::string person = inside.substr(0, slash), rest = slash == std::string::npos ? "" : inside.substr(slash + 1);
  bool topic = starts_with(rest, "topics/") && rest.find('/', 7) == std::string::npos;
  if (rest.empty() || (!topic && rest.find('/') != std::string::npos)) {
    out.push_back({{shown, 0, 0}, "not a place upward reads: 1:1 records go in 1on1s/PERSON/DATE.toml, talking points "
                                  "in 1on1s/PERSON/topics/", true});
    return;
  }
  if (seen.folders.insert(person).second) {
    std::string folder = repo.path("1on1s/" + person);
    if (!text::is_slug(person))
      out.push_back({{folder, 0, 0}, "the folder name is not a person id: rename it to lowercase letters, digits and '-'"});
    else if (!repo.person_exists(person))
      out.push_back({{folder, 0, 0}, "1:1s with '" + person + "', who is not in people/ ('upward people add " + person +
                                         "' adds them)", true, true});
  }
  if (topic) {
    std::string id = rest.substr(7, rest.size() - 12);
    check_id(id, shown, "topic", out);
    topic_from_toml(table, id, person, shown, out);
    return;
  }
  if (!dates::parse_iso(rest.substr(0, rest.size() - 5)))
    out.push_back({{shown, 1, 1}, "the file name is not a date: name a 1:1 record after its date, like 2026-11-23.toml"});
  meeting_from_toml(table, person, shown, out);
  const toml::node* actions = table.get("action");
  if (!actions || !actions->is_array_of_tables()) return;
  std::set<std::string> here;  // a repeat within the file is meeting_from_toml's to report
  for (const auto& node : *actions->as_array()) {
    const toml::table& action = *node.as_table();
    if (const toml::node* owner = action.get("owner"); owner && owner->value<std::string>() != "me")
      note_unknown_person(repo, *owner, "owner", shown, out);
    const toml::node* id = action.get("id");
    const auto* str = id ? id->as_string() : nullptr;
    if (!str || !text::is_slug(str->get()) || !here.insert(str->get()).second) continue;
    auto [first, fresh] = seen.action_ids[person].emplace(str->get(), rel);
    if (!fresh)
      out.push_back({loc_of(*id, shown), "action id '" + str->get() + "' is also in " + first->second +
                                             " (an id is unique among a person's 1:1s: rename one)"});
  }
}

/// A sent digest: sent/DATE-digest.toml, named after the day it was sent.
void check_sent(const Repo& repo, const std::string& rel, const toml::table& table, std::vector<Problem>& out) {
  std::string shown = repo.path(rel), name = rel.substr(std::string("sent/").size());
  if (name.find('/') != std::string::npos) {
    out.push_back({{shown, 0, 0}, "not a place upward reads: sent digests go directly in sent/", true});
    return;
  }
  auto named = name.size() >= 10 ? dates::parse_iso(name.substr(0, 10)) : std::nullopt;
  if (!named)
    out.push_back({{shown, 1, 1}, "the file name does not start with a date: name a sent digest after the day it "
                                  "was sent, like 2026-11-27-digest.toml"});
  SentDigest sent = sent_from_toml(table, name.substr(0, name.size() - 5), shown, out);
  if (const toml::node* d = table.get("date"); named && d && d->is_date() && sent.date != *named)
    out.push_back({loc_of(*d, shown), "date " + dates::format_day(sent.date) +
                                          " does not match the file name (the file name's date says when it was sent)"});
}

/// A harvest record: harvest/DATE-HHMMSS.toml, named after the day of the run (issue 12).
void check_harvest(const Repo& repo, const std::string& rel, const toml::table& table, std::vector<Problem>& out) {
  std::string shown = repo.path(rel), name = rel.substr(std::string("harvest/").size());
  if (name.find('/') != std::string::npos) {
    out.push_back({{shown, 0, 0}, "not a place upward reads: harvest records go directly in harvest/", true});
    return;
  }
  auto named = name.size() >= 10 ? dates::parse_iso(name.substr(0, 10)) : std::nullopt;
  if (!named)
    out.push_back({{shown, 1, 1}, "the file name does not start with a date: name a harvest record after the day "
                                  "of the run, like 2026-11-27-170003.toml"});
  HarvestRecord h = harvest_record_from_toml(table, name.substr(0, name.size() - 5), shown, out);
  if (const toml::node* d = table.get("date"); named && d && d->is_date() && h.date != *named)
    out.push_back({loc_of(*d, shown), "date " + dates::format_day(h.date) +
                                          " does not match the file name (the file name's date says when it ran)"});
}

/// Each [cycles] value of upward.toml must be a period (config_from_toml checked the names and types).
void check_cycles(const Config& c, const toml::table& table, dates::Day today, const std::string& shown,
                  std::vector<Problem>& out) {
  const toml::node* cycles = table.get("cycles");
  if (!cycles || !cycles->is_table()) return;
  dates::PeriodContext ctx{today, c.week_start, today};
  ctx.last_digest = today;  // `since-last-...` depends on the day, not on upward.toml
  for (const auto& [name, expr] : c.cycles) {
    const toml::node* at = cycles->as_table()->get(name);
    if (!at) continue;
    std::string low = expr;
    for (char& ch : low) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (low.find("cycle:") != std::string::npos) {
      out.push_back({loc_of(*at, shown), "cycle '" + name + "' names another cycle ('" + expr +
                                             "'): a cycle must be a period such as 2026-07-01..2026-12-31"});
      continue;
    }
    try {
      dates::parse_period(expr, ctx);
    } catch (const UsageError& e) {
      out.push_back({loc_of(*at, shown), "cycle '" + name + "': " + e.what()});
    }
  }
}

/// With autocommit on, every record should be in git: one problem per record file that is
/// untracked, staged or modified (a killed write, a failed commit, a hand edit), with the
/// command that commits it.
void check_committed(const Repo& repo, std::vector<Problem>& out) {
  std::string dir = text::shell_word(repo.dir());
  if (!git::is_repo(repo.dir(), repo.env())) {  // nothing gets committed: say so, once
    bool broken = fsio::exists(repo.path(".git"));
    out.push_back({{repo.path(broken ? ".git" : "upward.toml"), 0, 0},
                   broken ? "not a valid git repository, so nothing is committed although autocommit is on; "
                            "'upward init " + dir + "' completes it"
                          : "autocommit is on, but the folder is not a git repository, so nothing is committed; "
                            "run 'git init " + dir + "', or set autocommit = false under [git] in upward.toml"});
    return;
  }
  for (const auto& rel : git::uncommitted(repo.dir(), repo.env())) {
    if (!fsio::exists(repo.path(rel))) continue;  // a deleted record is no record to point at
    out.push_back({{repo.path(rel), 1, 1}, "not committed although autocommit is on; commit it with: git -C " + dir +
                                               " add -- " + text::shell_word(rel) + " && git -C " + dir + " commit"});
  }
}

/// One file's text checked as `rel`: the per-file rules of check_repository. `seen` carries the
/// 1:1 action ids across files; `autocommit` receives upward.toml's setting.
void check_text(const Repo& repo, const std::string& rel, const std::string& text, dates::Day today, OneOnOnes& seen,
                bool& autocommit, std::vector<Problem>& out) {
  std::string shown = repo.path(rel);
  toml::table table;
  try {
    if (!text::valid_utf8(text)) {
      out.push_back({{shown, 0, 0}, "not valid UTF-8"});
      return;
    }
    table = parse_toml(text, shown);
  } catch (const Error& e) {
    out.push_back({e.where().value_or(SourceLoc{shown, 0, 0}), e.what()});
    return;
  }
  if (rel == "upward.toml") {
    Config c = config_from_toml(table, shown, out);
    autocommit = c.autocommit;
    check_cycles(c, table, today, shown, out);
    if (auto* repos = table.at_path("harvest.repos").as_array())  // read from any folder: not relative
      for (const auto& r : *repos)
        if (auto p = r.value<std::string>())
          if (auto why = git_log::configured_path_problem(*p)) out.push_back({loc_of(r, shown), "[harvest] repos: " + *why});
    if (!c.manager.empty() && !repo.person_exists(c.manager))
      out.push_back({loc_of(*table.get("manager"), shown),
                     "unknown person '" + c.manager + "' (no people/" + c.manager + ".toml)"});
  } else if (starts_with(rel, "wins/")) {
    check_win(repo, rel, table, out);
  } else if (starts_with(rel, "1on1s/")) {
    check_1on1(repo, rel, table, seen, out);
  } else if (starts_with(rel, "outcomes/")) {
    check_outcome_note(repo, rel, table, out);
  } else if (starts_with(rel, "sent/")) {
    check_sent(repo, rel, table, out);
  } else if (starts_with(rel, "harvest/")) {
    check_harvest(repo, rel, table, out);
  } else if (auto goal = id_in(rel, "goals"); !goal.empty()) {
    check_goal(repo, goal, table, today, out);
  } else if (auto person = id_in(rel, "people"); !person.empty()) {
    check_id(person, shown, "person", out);
    person_from_toml(table, person, shown, out);
  }
}

/// The action ids of `person`'s other 1:1 records (not `rel`), as if checked before it; files
/// that do not read are passed over (their own check reports them).
void seed_action_ids(const Repo& repo, const std::string& rel, OneOnOnes& seen) {
  auto inside = rel.substr(std::string("1on1s/").size());
  auto slash = inside.find('/');
  if (slash == std::string::npos) return;
  std::string person = inside.substr(0, slash), folder = "1on1s/" + person;
  for (const auto& name : fsio::toml_files(repo.path(folder))) {
    std::string other = folder + "/" + name;
    if (other == rel || name.find('/') != std::string::npos) continue;
    try {
      auto table = parse_toml(fsio::read_file(repo.path(other)), repo.path(other));
      const toml::node* actions = table.get("action");
      if (!actions || !actions->is_array_of_tables()) continue;
      for (const auto& node : *actions->as_array())
        if (auto id = node.as_table()->get_as<std::string>("id"))
          seen.action_ids[person].emplace(id->get(), other);
    } catch (const Error&) {
    }
  }
}

}  // namespace

/// Symbolic links in the repository (hidden entries such as .git aside): upward neither reads
/// nor writes through them, so what they point at is invisible to every command.
void check_links(const Repo& repo, std::vector<Problem>& out) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(repo.dir(), ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename().string().starts_with(".")) {
      if (it->is_directory(ec) && !it->is_symlink(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_symlink(ec))
      out.push_back({{it->path().string(), 0, 0},
                     "a symbolic link: upward neither reads nor writes through links (replace it with the real file "
                     "or folder)"});
  }
}

std::vector<Problem> check_repository(const Repo& repo, dates::Day today) {
  repo.settle();
  std::vector<Problem> out;
  if (fsio::exists(repo.path(journal::file)))  // settle() could not finish it
    out.push_back({{repo.path(journal::file), 1, 1},
                   "the journal of an interrupted change that upward cannot finish (damaged, or naming files "
                   "outside the repository); move it away after checking the files it names"});
  if (!repo.initialized()) {
    out.push_back({{repo.path("upward.toml"), 0, 0}, "missing: this is not an upward repository (run 'upward init')"});
    return out;
  }
  bool autocommit = false;
  OneOnOnes one_on_ones;
  for (const auto& rel : fsio::toml_files(repo.dir())) {
    std::string shown = repo.path(rel), text;
    try {
      text = fsio::read_file(shown);
    } catch (const Error& e) {
      out.push_back({e.where().value_or(SourceLoc{shown, 0, 0}), e.what()});
      continue;
    }
    check_text(repo, rel, text, today, one_on_ones, autocommit, out);
  }
  check_links(repo, out);
  if (autocommit) check_committed(repo, out);
  std::stable_sort(out.begin(), out.end(), [](const Problem& a, const Problem& b) {
    return std::tie(a.where.path, a.where.line, a.where.column) < std::tie(b.where.path, b.where.line, b.where.column);
  });
  return out;
}

std::vector<Problem> check_file(const Repo& repo, const std::string& rel, const std::string& text, dates::Day today) {
  std::vector<Problem> out;
  OneOnOnes seen;
  if (starts_with(rel, "1on1s/")) seed_action_ids(repo, rel, seen);
  bool autocommit = false;
  check_text(repo, rel, text, today, seen, autocommit, out);
  std::stable_sort(out.begin(), out.end(), [](const Problem& a, const Problem& b) {
    return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
  });
  return out;
}

}  // namespace upward
