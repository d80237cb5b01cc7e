#include "upward/store/repo_edit.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "upward/base/text.hpp"
#include "upward/model/toml_read.hpp"
#include "upward/model/win.hpp"
#include "upward/store/check.hpp"
#include "upward/store/fsio.hpp"
#include "upward/store/process.hpp"

namespace upward {

namespace {

std::string slug_or_usage(const std::string& id, const std::string& what) {
  if (!text::is_slug(id)) throw UsageError("'" + id + "' is not a " + what + " id");
  return id;
}

/// The newest 1:1 record with `person` (1on1s/PERSON/DATE.toml, chosen by name), or "".
std::string latest_meeting(const Repo& repo, const std::string& person) {
  std::string best;
  for (const auto& name : fsio::toml_files(repo.path("1on1s/" + person))) {
    if (name.find('/') != std::string::npos || name.size() != 15 || !dates::parse_iso(name.substr(0, 10))) continue;
    best = std::max(best, name);
  }
  return best.empty() ? "" : "1on1s/" + person + "/" + best;
}

std::string one_on_one_target(const Repo& repo, const std::vector<std::string>& args, dates::Day today) {
  std::string person = slug_or_usage(args[0], "person");
  if (args.size() == 1) {
    std::string rel = latest_meeting(repo, person);
    if (rel.empty())
      throw Error("no 1:1 record with '" + person + "' yet (no 1on1s/" + person + "/DATE.toml; 'upward prep-1on1 " +
                  person + " --save' writes one)");
    return rel;
  }
  std::string expr = args[1];  // `edit 1on1 dana last friday` needs no quotes
  for (size_t i = 2; i < args.size(); ++i) expr += " " + args[i];
  std::string day = dates::format_day(dates::parse_day(expr, today, dates::Lean::past));
  std::string rel = "1on1s/" + person + "/" + day + ".toml";
  if (!fsio::exists(repo.path(rel))) {
    std::string latest = latest_meeting(repo, person);
    throw Error("no 1:1 record with '" + person + "' on " + day + " (no " + rel + ")" +
                (latest.empty() ? "" : "; the latest is " + latest.substr(latest.rfind('/') + 1, 10)));
  }
  return rel;
}

/// Write `text` to the fresh file `fd` made at `path`, fsync and close it; Error (the file
/// removed) when it fails.
void fill(int fd, const std::string& path, const std::string& text) {
  size_t done = 0;
  int err = 0;
  while (done < text.size() && !err) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno != EINTR) err = errno;
    if (n > 0) done += static_cast<size_t>(n);
  }
  if (!err && ::fsync(fd) != 0) err = errno;
  if (::close(fd) != 0 && !err) err = errno;
  if (err) {
    ::unlink(path.c_str());
    throw sys_error("cannot write", path, err);
  }
}

/// Write `text` to a new file `path` (O_EXCL, never through a link); false when it exists.
bool write_new(const std::string& path, const std::string& text) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0 && errno == EEXIST) return false;
  if (fd < 0) throw sys_error("cannot create", path, errno);
  fill(fd, path, text);
  return true;
}

/// The hidden copy the editor opens: `.edit-STEM-XXXXXX.toml` at the repository root.
std::string make_copy(const Repo& repo, const std::string& rel, const std::string& text) {
  auto slash = rel.rfind('/');
  std::string stem = rel.substr(slash == std::string::npos ? 0 : slash + 1);
  return repo.scratch_file(stem.substr(0, std::min<size_t>(stem.size() - 5, 160)), ".toml", text);
}

/// Keep a rejected text beside its file: `REL.rej`, else `REL.2.rej`, `REL.3.rej`, ...
std::string keep_rejected(const Repo& repo, const std::string& rel, const std::string& text) {
  auto slash = rel.rfind('/');
  if (slash != std::string::npos) fsio::refuse_links(repo.dir(), rel.substr(0, slash));
  for (int n = 1;; ++n) {
    std::string path = repo.path(rel + (n == 1 ? "" : "." + std::to_string(n)) + ".rej");
    if (write_new(path, text)) return path;
  }
}

/// A win whose date moved to another month belongs in another folder: `set win --date` does that.
void hint_moved_win(const std::string& rel, std::vector<Problem>& problems) {
  if (rel.rfind("wins/", 0) != 0) return;
  std::string id = rel.substr(rel.rfind('/') + 1);
  id.resize(id.size() - 5);
  for (auto& p : problems)
    if (!p.warning && p.message.find("does not belong in this folder") != std::string::npos)
      p.message += "; to give a win another month's date, keep the date here and run 'upward set win " + id +
                   " --date DATE', which moves the file";
}

/// A problem the file had before the edit (a goal removed with --force that a win still names)
/// does not block an unrelated change: it stays a warning that says so. Compared by message,
/// as lines may move.
void settled_before(const Repo& repo, const std::string& rel, const std::string& original, const std::string& text,
                    dates::Day today, std::vector<Problem>& problems) {
  std::vector<Problem> before;
  try {
    parse_toml(text, repo.path(rel));  // a text that does not parse is never written, whatever it had before
    before = check_file(repo, rel, original, today);
  } catch (const Error&) {
    return;
  }
  for (auto& p : problems)
    if (!p.warning && std::any_of(before.begin(), before.end(), [&](const Problem& b) { return b.message == p.message; })) {
      p.warning = true;
      p.message += " (already so before this edit)";
    }
}

bool blocking(const std::vector<Problem>& problems) {
  return std::any_of(problems.begin(), problems.end(), [](const Problem& p) { return !p.warning; });
}

std::string read_copy(const std::string& copy) {
  try {
    return fsio::read_file(copy);
  } catch (const Error& e) {
    throw Error(std::string(e.what()) + "; the file was not changed");
  }
}

}  // namespace

std::string edit_target(const Repo& repo, const std::string& kind, const std::vector<std::string>& args,
                        dates::Day today) {
  if (std::find(edit_kinds.begin(), edit_kinds.end(), kind) == edit_kinds.end())
    throw UsageError("cannot edit '" + kind + "' (expected win ID, goal ID, person ID, 1on1 PERSON [DATE] or config)");
  // the command line first (exit 2), then the repository (exit 1)
  size_t lo = kind == "config" ? 0 : 1, hi = kind == "config" ? 0 : kind == "1on1" ? 4 : 1;
  if (args.size() < lo || args.size() > hi)
    throw UsageError("usage: upward edit " + kind +
                     (kind == "config" ? "" : kind == "1on1" ? " PERSON [DATE]" : " ID"));
  if (kind == "win" && !is_win_id(args[0]))
    throw UsageError("'" + args[0] + "' is not a win id (expected the id log-win printed, like 2026-11-23-cut-checkout-p99)");
  if (kind == "goal" || kind == "person" || kind == "1on1") slug_or_usage(args[0], kind == "goal" ? "goal" : "person");
  if (!repo.initialized())
    throw Error("'" + repo.dir() + "' is not an upward repository (no upward.toml); run 'upward init' first");
  std::string rel = "upward.toml";
  if (kind == "win") {
    rel = win_path(args[0]);
    if (!fsio::exists(repo.path(rel))) throw Error("unknown win '" + args[0] + "' (no " + rel + ")");
  } else if (kind == "goal" || kind == "person") {
    std::string folder = kind == "goal" ? "goals" : "people";
    rel = folder + "/" + args[0] + ".toml";
    if (!fsio::exists(repo.path(rel)))
      throw Error("unknown " + kind + " '" + args[0] + "' (no " + rel + "; see 'upward " + folder + "')");
  } else if (kind == "1on1") {
    rel = one_on_one_target(repo, args, today);
  }
  fsio::refuse_links(repo.dir(), rel);
  return rel;
}

EditOutcome edit_file(Repo& repo, const std::string& rel, dates::Day today, const EditAgain& again) {
  repo.settle();
  repo.check_writable();
  fsio::refuse_links(repo.dir(), rel);
  const std::string original = fsio::read_file(repo.path(rel));
  const std::string copy = make_copy(repo, rel, original);
  EditOutcome outcome;
  std::string text;
  for (;;) {
    try {
      process::run_editor(copy, repo.env());
    } catch (const Error& e) {
      if (read_copy(copy) == original) {
        ::unlink(copy.c_str());
        throw Error(std::string(e.what()) + "; the file was not changed");
      }
      throw Error(std::string(e.what()) + "; the file was not changed; your text is kept in '" + copy + "'");
    }
    text = read_copy(copy);
    if (text == original) {
      ::unlink(copy.c_str());
      return outcome;
    }
    outcome.problems = check_file(repo, rel, text, today);
    hint_moved_win(rel, outcome.problems);
    settled_before(repo, rel, original, text, today, outcome.problems);
    if (!blocking(outcome.problems)) break;
    if (again(outcome.problems)) continue;
    outcome.status = EditOutcome::Status::rejected;
    try {
      outcome.kept = keep_rejected(repo, rel, text);
    } catch (const Error& e) {
      throw Error(e.located() + "; the file was not changed; your text is kept in '" + copy + "'");
    }
    ::unlink(copy.c_str());
    return outcome;
  }
  try {
    auto tx = repo.change("edit: " + rel);
    if (tx.read(rel) != original)
      throw Error("'" + repo.path(rel) + "' changed while upward was editing it; nothing was written");
    tx.replace(rel, text);
    outcome.result = tx.commit();
  } catch (const Error& e) {
    throw Error(e.located() + "; your text is kept in '" + copy + "'");
  }
  outcome.result.ids.push_back(rel);
  outcome.status = EditOutcome::Status::saved;
  ::unlink(copy.c_str());
  return outcome;
}

}  // namespace upward
