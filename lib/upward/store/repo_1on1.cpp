// The 1:1 folders: talking points, records, action items; and a win's outcome.
#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "upward/base/error.hpp"
#include "upward/base/text.hpp"
#include "upward/model/records.hpp"
#include "upward/model/toml_read.hpp"
#include "upward/store/fsio.hpp"
#include "upward/store/git.hpp"
#include "upward/store/repo.hpp"
#include "upward/store/repo_require.hpp"
#include "upward/store/toml_edit.hpp"

namespace upward {

namespace {

/// The stems of the `*.toml` files directly in `folder`, sorted.
std::vector<std::string> stems_in(const Repo& repo, const std::string& folder) {
  std::vector<std::string> out;
  for (const auto& rel : fsio::toml_files(repo.path(folder)))
    if (rel.find('/') == std::string::npos) out.push_back(rel.substr(0, rel.size() - 5));
  return out;
}

/// Parse `p` with `read` (the table and the path to report); the first problem as an Error.
template <class Reader>
auto read_clean(const std::string& p, const std::string* text, Reader read) {
  std::vector<Problem> problems;
  auto record = read(parse_toml(text ? *text : fsio::read_file(p), p), problems);
  if (!problems.empty()) throw Error(problems.front().where, problems.front().message);
  return record;
}

/// The first problem of `what` into `skipped`: an Error while reading becomes one too.
template <class Read>
void read_or_skip(const std::string& p, std::vector<Problem>& skipped, Read read) {
  try {
    read();
  } catch (const Error& e) {
    skipped.push_back({e.where().value_or(SourceLoc{p, 0, 0}), e.what()});
  }
}

/// The place of an action item: its record and its index among the record's [[action]] tables.
struct ActionAt {
  std::string rel;
  size_t index;
  Action action;
  dates::Day meeting;
};

}  // namespace

Win Repo::win(const std::string& id) const {
  settle();
  if (!is_win_id(id))
    throw UsageError("'" + id + "' is not a win id (expected the id log-win printed, like 2026-11-23-cut-checkout-p99)");
  std::string rel = win_path(id);
  if (!fsio::exists(path(rel))) throw Error("unknown win '" + id + "' (no " + rel + ")");
  std::string p = path(rel);
  Win w = read_clean(p, nullptr, [&](const toml::table& t, std::vector<Problem>& pr) { return win_from_toml(t, p, pr); });
  w.id = id;
  return w;
}

WriteResult Repo::record_outcome(const std::string& win_id, const std::string& text, dates::Day day,
                                 std::string& previous) {
  if (!text::valid_utf8(text)) throw Error("the outcome is not valid UTF-8; nothing was recorded");
  if (text::trim(text).empty()) throw UsageError("the outcome has no text");
  std::optional<dates::Day> previous_day;
  auto check = [&] {
    Win w = win(win_id);
    if (day < w.date)
      throw UsageError("--date: " + dates::format_day(day) + " is before the win's date " + dates::format_day(w.date));
    previous = w.outcome;
    previous_day = w.outcome_date;
  };
  check();  // a refused outcome changes nothing
  auto tx = change("outcome: " + win_id);
  check();  // again under the lock
  std::string rel = win_path(win_id);
  std::string edited = toml_edit::set_top_level(tx.read(rel), "outcome", text::toml_quote(text), path(rel));
  tx.replace(rel, toml_edit::set_top_level(edited, "outcome_date", dates::format_day(day), path(rel)));
  // the note that lets the digest of `day`'s period find it; an earlier day's note goes
  OutcomeNote note{win_id, day};
  std::string note_rel = outcome_note_path(note);
  if (previous_day && *previous_day != day) {
    std::string old_rel = outcome_note_path({win_id, *previous_day});
    if (tx.exists(old_rel)) tx.remove(old_rel);
  }
  if (tx.exists(note_rel)) tx.replace(note_rel, outcome_note_to_toml(note));
  else tx.create(note_rel, outcome_note_to_toml(note));
  WriteResult result = tx.commit();
  result.ids.push_back(win_id);
  return result;
}

namespace {
/// True (and a problem in `skipped`) when `rel` passes through a symbolic link: the folders a
/// writer refuses are not read either, so every command sees the same 1:1s.
bool linked(const Repo& repo, const std::string& rel, std::vector<Problem>& skipped) {
  try {
    fsio::refuse_links(repo.dir(), rel);
    return false;
  } catch (const Error& e) {
    skipped.push_back({{repo.path(rel), 0, 0}, e.what()});
    return true;
  }
}
}  // namespace

std::vector<Topic> Repo::topics(const std::string& person, std::vector<Problem>& skipped) const {
  require_person_id(person);
  settle();
  std::vector<Topic> out;
  std::string folder = meeting_folder(person) + "/topics";
  if (linked(*this, meeting_folder(person), skipped) || linked(*this, folder, skipped)) return out;
  for (const auto& id : stems_in(*this, folder)) {
    std::string p = path(folder + "/" + id + ".toml");
    if (!text::is_slug(id)) {
      skipped.push_back(file_name_problem(p, "topic"));
      continue;
    }
    read_or_skip(p, skipped, [&] {
      out.push_back(read_clean(p, nullptr, [&](const toml::table& t, std::vector<Problem>& pr) {
        return topic_from_toml(t, id, person, p, pr);
      }));
    });
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Topic& a, const Topic& b) { return std::tie(a.date, a.id) < std::tie(b.date, b.id); });
  return out;
}

std::vector<Meeting> Repo::meetings(const std::string& person, std::vector<Problem>& skipped) const {
  require_person_id(person);
  settle();
  std::vector<Meeting> out;
  std::string folder = meeting_folder(person);
  if (linked(*this, folder, skipped)) return out;
  for (const auto& name : stems_in(*this, folder)) {
    std::string rel = folder + "/" + name + ".toml", p = path(rel);
    if (!dates::parse_iso(name)) {
      skipped.push_back({{p, 1, 1}, "the file name is not a date: name a 1:1 record after its date, like 2026-11-23.toml"});
      continue;
    }
    read_or_skip(p, skipped, [&] {
      Meeting m = read_clean(p, nullptr, [&](const toml::table& t, std::vector<Problem>& pr) {
        return meeting_from_toml(t, person, p, pr);
      });
      m.path = rel;
      out.push_back(std::move(m));
    });
  }
  std::stable_sort(out.begin(), out.end(), [](const Meeting& a, const Meeting& b) { return a.date < b.date; });
  return out;
}

std::vector<std::string> Repo::meeting_people() const {
  settle();
  std::vector<std::string> out;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(path("1on1s"), ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    std::error_code entry;  // an entry that vanished meanwhile is no one's folder
    if (text::is_slug(name) && !it->is_symlink(entry) && it->is_directory(entry)) out.push_back(name);
  }
  // a folder that cannot be listed is that error, not "no 1:1s yet"
  if (ec && ec != std::errc::no_such_file_or_directory) throw sys_error("cannot list", path("1on1s"), ec.value());
  std::sort(out.begin(), out.end());
  return out;
}

WriteResult Repo::add_topic(const Topic& topic) {
  validate_topic(topic);
  require_person(*this, topic.person);  // a refused topic creates nothing
  auto tx = change("prep-1on1 add: " + git::one_line(topic.text, 58));
  require_person(*this, topic.person);
  std::string id = tx.create_unique(meeting_folder(topic.person) + "/topics", topic_stem(topic), topic_to_toml(topic));
  WriteResult result = tx.commit();
  result.ids.push_back(id);
  return result;
}

WriteResult Repo::save_meeting(const std::string& person, dates::Day day, const std::string& text) {
  require_person(*this, person);
  if (!text::valid_utf8(text)) throw Error("the 1:1 record is not valid UTF-8; nothing was written");
  std::string name = dates::format_day(day), rel = meeting_folder(person) + "/" + name + ".toml";
  std::string p = path(rel);
  auto exists_error = [&] { return Error(p + " already exists (edit it, or give --date)"); };
  read_clean(p, &text, [&](const toml::table& t, std::vector<Problem>& pr) {
    return meeting_from_toml(t, person, p, pr);
  });
  if (fsio::exists(p)) throw exists_error();  // a refused record creates nothing
  auto tx = change("prep-1on1 --save: " + person + " " + name);
  require_person(*this, person);
  if (tx.exists(rel)) throw exists_error();
  tx.create(rel, text);
  WriteResult result = tx.commit();
  result.ids.push_back(name);
  return result;
}

namespace {

/// Every action item `id` in the 1:1s of `people`; Error at the first record that does not read.
std::vector<ActionAt> find_action(const Repo& repo, const std::vector<std::string>& people, const std::string& id,
                                  std::vector<std::string>& open) {
  std::vector<ActionAt> found;
  std::vector<Problem> skipped;
  for (const auto& person : people)
    for (const auto& m : repo.meetings(person, skipped))
      for (size_t i = 0; i < m.actions.size(); ++i) {
        if (m.actions[i].id == id) found.push_back({m.path, i, m.actions[i], m.date});
        if (!m.actions[i].done && std::find(open.begin(), open.end(), m.actions[i].id) == open.end())
          open.push_back(m.actions[i].id);
      }
  if (!skipped.empty() && found.empty())  // it may be in a file that does not read
    throw Error(skipped.front().where, skipped.front().message);
  return found;
}

/// The position of the [[action]] table whose id is `id` in `text`; Error when it is not there.
size_t action_index(const std::string& text, const std::string& path, const std::string& id) {
  toml::table t = parse_toml(text, path);
  if (const toml::array* actions = t["action"].as_array())
    for (size_t i = 0; i < actions->size(); ++i)
      if (const toml::table* a = (*actions)[i].as_table(); a && (*a)["id"].value<std::string>() == id) return i;
  throw Error(path + " changed while upward was reading it: action '" + id + "' is no longer there; nothing was changed");
}

}  // namespace

WriteResult Repo::close_action(const std::string& person, const std::string& action_id, dates::Day day,
                               std::optional<dates::Day>& already) {
  if (!text::is_slug(action_id))
    throw UsageError("'" + action_id + "' is not an action id (expected lowercase letters, digits and '-')");
  if (!person.empty()) require_person(*this, person);
  auto locate = [&] {
    std::vector<std::string> open;
    auto found = find_action(*this, person.empty() ? meeting_people() : std::vector<std::string>{person}, action_id, open);
    if (found.empty())
      throw Error(open.empty() ? "unknown action '" + action_id + "' (there are no open action items" +
                                     (person.empty() ? "" : " with " + person) + ")"
                               : fmt::format("unknown action '{}' (expected {})", action_id, fmt::join(open, ", ")));
    if (found.size() > 1) {  // closed ones are history: the one still open is meant
      std::vector<ActionAt> open_ones;
      std::copy_if(found.begin(), found.end(), std::back_inserter(open_ones), [](const ActionAt& f) { return !f.action.done; });
      if (open_ones.size() == 1) found = std::move(open_ones);
    }
    if (found.size() > 1) {
      std::vector<std::string> where;
      for (const auto& f : found) where.push_back(f.rel);
      throw Error(fmt::format("action '{}' is in several 1:1 records: {} ({})", action_id, fmt::join(where, ", "),
                              person.empty() ? "give --with PERSON, or rename one" : "rename one"));
    }
    if (day < found[0].meeting)
      throw UsageError("--date: " + dates::format_day(day) + " is before the 1:1 of " +
                       dates::format_day(found[0].meeting) + " that holds action '" + action_id + "'");
    return found[0];
  };
  ActionAt at = locate();
  WriteResult result;
  result.ids.push_back(action_id);
  if ((already = at.action.done)) {
    result.noop = true;
    return result;
  }
  auto tx = change("prep-1on1 done: " + action_id);
  at = locate();  // again under the lock
  if ((already = at.action.done)) {
    result.noop = true;
    return result;
  }
  // the table is found again in the very text that is edited: a hand edit since the read moves it
  std::string text = tx.read(at.rel);
  at.index = action_index(text, path(at.rel), action_id);
  tx.replace(at.rel, toml_edit::set_in_array_table(text, "action", at.index, "done", dates::format_day(day), path(at.rel)));
  result = tx.commit();
  result.ids.push_back(action_id);
  return result;
}

}  // namespace upward
