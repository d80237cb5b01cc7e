#include "upward/store/repo_rm.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "upward/base/error.hpp"
#include "upward/base/text.hpp"
#include "upward/store/fsio.hpp"
#include "upward/store/git.hpp"
#include "upward/store/repo_require.hpp"
#include "upward/store/repo_set.hpp"

namespace upward {

namespace {

/// The refusal naming `refs`, or (with `force`) nothing: they are kept in `left`.
void refuse_referred(const std::string& what, const std::vector<std::string>& refs, bool force) {
  if (refs.empty() || force) return;
  std::vector<std::string> named(refs.begin(), refs.begin() + std::min(refs.size(), max_named_references));
  std::string more = refs.size() > named.size() ? fmt::format(" and {} more", refs.size() - named.size()) : "";
  throw Error(fmt::format("{} is still named by {}{}; nothing was removed (--force removes it anyway, leaving them "
                          "naming it)",
                          what, fmt::join(named, ", "), more));
}

/// The first problem of a file that could not be read while looking for references: with
/// `force` it is passed over, else it stops the removal (it may name the record).
void refuse_unread(const std::vector<Problem>& skipped, bool force) {
  if (!skipped.empty() && !force)
    throw Error(skipped.front().where,
                skipped.front().message + " (cannot tell whether it names the record; fix it, or give --force)");
}

/// Remove `rels` (the record's file first) in one change; `refs()` is run again under the lock.
template <class Refs>
Removal remove_files(Repo& repo, const std::vector<std::string>& rels, const std::string& what, bool force, Refs refs) {
  Removal out;
  out.left = refs();
  refuse_referred(what, out.left, force);
  if (!force && !(repo.config().autocommit && git::is_repo(repo.dir(), repo.env())))
    throw Error(what + ": no git history would keep a copy (autocommit is off, or '" + repo.dir() +
                "' is not a git repository); nothing was removed (--force removes it for good)");
  auto tx = repo.change("rm: " + rels.front());
  out.left = refs();  // again under the lock
  refuse_referred(what, out.left, force);
  tx.remove(rels.front());  // Error when it went meanwhile
  for (size_t i = 1; i < rels.size(); ++i)
    if (tx.exists(rels[i])) tx.remove(rels[i]);
  out.write = tx.commit();
  out.committed = !out.write.noop && !out.write.git_error && repo.config().autocommit &&
                  fsio::exists(repo.path(".git"));
  if (out.committed) out.commit = git::head(repo.dir(), repo.env());
  return out;
}

void require_slug(const std::string& id, const char* what) {
  if (!text::is_slug(id))
    throw UsageError(
        fmt::format("'{}' is not a {} id (expected lowercase letters, digits and '-', at most 64)", id, what));
}

void require_file(const Repo& repo, const std::string& rel, const std::string& what) {
  if (!fsio::exists(repo.path(rel))) throw Error("unknown " + what + " (no " + rel + ")");
}

}  // namespace

Removal remove_win(Repo& repo, const std::string& id, bool force) {
  if (!is_win_id(id))
    throw UsageError("'" + id +
                     "' is not a win id (expected the id log-win printed, like 2026-11-23-cut-checkout-p99)");
  repo.settle();
  std::string rel = win_path(id);
  require_file(repo, rel, "win '" + id + "'");
  std::vector<std::string> rels{rel};
  for (const auto& note : outcome_notes_of(repo, id)) rels.push_back(note);
  return remove_files(repo, rels, "win '" + id + "'", force, [] { return std::vector<std::string>{}; });
}

Removal remove_goal(Repo& repo, const std::string& id, bool force) {
  require_slug(id, "goal");
  repo.settle();
  std::string rel = "goals/" + id + ".toml";
  require_file(repo, rel, "goal '" + id + "'");
  auto refs = [&] {
    std::vector<std::string> out;
    std::vector<Problem> skipped;
    for (const auto& w : repo.wins_linked_to(id, date::year{9999} / 12 / 31, skipped)) out.push_back("win " + w.id);
    for (const auto& g : repo.goals(skipped))
      if (std::find(g.supports.begin(), g.supports.end(), id) != g.supports.end() && g.id != id)
        out.push_back("goal " + g.id + " (supports)");
    std::erase_if(skipped, [&](const Problem& p) { return p.where.path == repo.path(rel); });  // a broken goal can go
    refuse_unread(skipped, force);
    return out;
  };
  return remove_files(repo, {rel}, "goal '" + id + "'", force, refs);
}

Removal remove_person(Repo& repo, const std::string& id, bool force) {
  require_person_id(id);
  repo.settle();
  std::string rel = "people/" + id + ".toml";
  require_file(repo, rel, "person '" + id + "'");
  auto refs = [&] {
    std::vector<std::string> out;
    std::vector<Problem> skipped;
    if (repo.config().manager == id) out.push_back("upward.toml (manager)");
    for (const auto& g : repo.goals(skipped))
      if (g.owner == id) out.push_back("goal " + g.id + " (owner)");
    size_t records = 0, topics = 0;
    for (const auto& f : fsio::toml_files(repo.path(meeting_folder(id))))
      ++(f.find('/') == std::string::npos ? records : topics);
    std::string folder = meeting_folder(id);
    if (records) out.push_back(fmt::format("{} 1:1 record{} in {}/", records, records == 1 ? "" : "s", folder));
    if (topics) out.push_back(fmt::format("{} talking point{} in {}/topics/", topics, topics == 1 ? "" : "s", folder));
    refuse_unread(skipped, force);
    return out;
  };
  return remove_files(repo, {rel}, "person '" + id + "'", force, refs);
}

Removal remove_topic(Repo& repo, const std::string& id, const std::string& with, bool force) {
  require_slug(id, "topic");
  if (!with.empty()) require_person_id(with);
  repo.settle();
  std::vector<std::string> people;
  for (const auto& p : with.empty() ? repo.meeting_people() : std::vector<std::string>{with})
    if (fsio::exists(repo.path(meeting_folder(p) + "/topics/" + id + ".toml"))) people.push_back(p);
  if (people.empty())
    throw Error("unknown topic '" + id + "'" +
                (with.empty() ? "" : " (no " + meeting_folder(with) + "/topics/" + id + ".toml)"));
  if (people.size() > 1)
    throw Error(fmt::format("topic '{}' is queued for several people: {} (give --with PERSON)", id,
                            fmt::join(people, ", ")));
  std::string person = people.front();
  auto refs = [&] {
    std::vector<std::string> out;
    std::vector<Problem> skipped;
    for (const auto& m : repo.meetings(person, skipped))
      if (std::find(m.topics.begin(), m.topics.end(), id) != m.topics.end()) out.push_back("1:1 record " + m.path);
    refuse_unread(skipped, force);
    return out;
  };
  return remove_files(repo, {meeting_folder(person) + "/topics/" + id + ".toml"}, "topic '" + id + "'", force, refs);
}

}  // namespace upward
