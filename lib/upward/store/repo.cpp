#include "upward/store/repo.hpp"

#include <dirent.h>
#include <unistd.h>

#include <fcntl.h>

#include <algorithm>
#include <cstdio>
#include <cerrno>
#include <string_view>

#include <fmt/format.h>

#include "upward/base/error.hpp"
#include "upward/store/fsio.hpp"
#include "upward/base/text.hpp"
#include "upward/model/records.hpp"
#include "upward/store/git.hpp"

namespace upward {

namespace {

constexpr const char* config_file = "upward.toml";

constexpr const char* gitignore_text =
    "# upward: the lock, its journal, temporary files and editor leftovers are never committed\n"
    ".upward.lock\n"
    ".upward-journal\n"
    ".*.upward-tmp.*\n"
    ".edit-*\n"
    "*.swp\n"
    "*~\n";

constexpr std::string_view ours[] = {".upward.lock", ".upward-journal", ".gitignore", ".git",
                                     "wins", "goals", "people", "1on1s"};

/// True when DIR may become a repository without asking: missing, empty, or holding only what
/// an interrupted upward made (its lock among them), so the next run completes it.
bool may_create(const std::string& dir) {
  DIR* d = ::opendir(dir.c_str());
  if (!d) return errno == ENOENT;
  bool only_ours = true, locked = false, empty = true;
  while (auto* e = ::readdir(d)) {
    std::string_view n = e->d_name;
    if (n == "." || n == "..") continue;
    empty = false;
    if (n == ".upward.lock") locked = true;
    if (std::find(std::begin(ours), std::end(ours), n) == std::end(ours) && !fsio::is_upward_temp(n)) only_ours = false;
  }
  ::closedir(d);
  return empty || (locked && only_ours);
}

}  // namespace

bool Repo::initialized() const { return fsio::exists(path(config_file)); }

const Config& Repo::config() {
  if (config_) return *config_;
  if (!initialized())
    throw Error("'" + dir_ + "' is not an upward repository (no upward.toml); run 'upward init' first");
  std::string p = path(config_file);
  auto table = parse_toml(fsio::read_file(p), p);
  std::vector<Problem> problems;
  Config c = config_from_toml(table, p, problems);
  if (!problems.empty()) throw Error(problems.front().where, problems.front().message);
  return config_.emplace(c);
}

std::unique_ptr<fsio::RepoLock> Repo::lock_for_write(WriteResult& result) {
  fsio::make_dirs(dir_);
  auto lock = std::make_unique<fsio::RepoLock>(dir_, waiting_);
  try {
    if (auto note = journal::recover(*this); !note.empty()) result.notes.push_back(note);
  } catch (const Error& e) {
    throw Error("cannot finish the change an interrupted upward left in '" + path(journal::file) + "': " + e.what());
  }
  config_.reset();  // another writer may have changed it while we waited
  return lock;
}

void Repo::settle() const {
  if (settled_) return;
  settled_ = true;
  if (!fsio::exists(path(journal::file))) return;
  try {
    fsio::RepoLock lock(dir_, waiting_);
    journal::recover(const_cast<Repo&>(*this));  // finishing an acknowledged change is no new write
  } catch (const Error&) {
    // best effort (a read-only folder, a damaged journal): the next writer reports it
  }
}

WriteResult Repo::init(const InitOptions& opt) {
  // what a refusal to commit told the user to run: complete a half-made `.git`, or make one
  // (a `.git` link or `gitdir:` file is refused by git::init, never followed)
  if (initialized() && !git::is_repo(dir_, env_) && git::available(env_)) {
    WriteResult notes;
    auto lock = lock_for_write(notes);
    bool had = fsio::exists(path(".git"));
    git::init(dir_, env_);
    notes.notes.push_back(std::string(had ? "completed the half-made" : "made a") + " git repository in '" +
                          path(".git") + "'; records written before are not committed yet ('upward check' lists them)");
    notes.noop = true;
    return notes;
  }
  if (initialized()) throw Error("'" + dir_ + "' is already an upward repository; nothing changed");
  WriteResult notes;
  auto lock = lock_for_write(notes);
  if (initialized()) throw Error("'" + dir_ + "' is already an upward repository; nothing changed");
  WriteResult result = create_locked(opt);
  result.notes.insert(result.notes.begin(), notes.notes.begin(), notes.notes.end());
  return result;
}

WriteResult Repo::create_locked(const InitOptions& opt) {
  bool use_git = git::is_repo(dir_, env_) || git::available(env_);
  if (use_git && !git::is_repo(dir_, env_)) git::init(dir_, env_);  // completes a half-made .git too
  std::string name = opt.name, email = opt.email;
  if (use_git && name.empty()) name = git::config_get(dir_, "user.name", env_);
  if (use_git && email.empty()) email = git::config_get(dir_, "user.email", env_);
  for (const char* sub : {"wins", "goals", "people", "1on1s"}) {
    fsio::refuse_links(dir_, sub);
    fsio::make_dirs(path(sub));
  }
  Transaction tx(*this, "init: upward repository", nullptr, use_git && git::is_repo(dir_, env_), {});
  if (!fsio::exists(path(".gitignore"))) tx.create(".gitignore", gitignore_text);
  tx.create(config_file, config_template(name, email, use_git));  // last: its presence makes the repository
  WriteResult result = tx.commit();
  result.created_repo = true;
  return result;
}

Transaction Repo::change(const std::string& message) {
  if (!initialized() && !may_create(dir_))
    throw Error("'" + dir_ + "' is not an upward repository (no upward.toml); run 'upward init " + dir_ + "' first");
  WriteResult start;
  auto lock = lock_for_write(start);
  if (!initialized()) {
    if (!may_create(dir_))
      throw Error("'" + dir_ + "' is not an upward repository (no upward.toml); run 'upward init " + dir_ + "' first");
    WriteResult created = create_locked({});
    start.created_repo = true;
    start.git_error = created.git_error;  // a failed first commit is reported with the record's own
    config_.reset();
  }
  config();  // a config upward cannot read changes nothing
  return Transaction(*this, message, std::move(lock), std::nullopt, std::move(start));
}

void Repo::check_writable() {
  if (initialized()) {
    config();
    if (::access(dir_.c_str(), W_OK) != 0) throw sys_error("cannot write to", dir_, errno);
  } else if (!may_create(dir_)) {
    throw Error("'" + dir_ + "' is not an upward repository (no upward.toml); run 'upward init " + dir_ + "' first");
  }
}

bool Repo::goal_exists(const std::string& id) const { return fsio::exists(path("goals/" + id + ".toml")); }
bool Repo::person_exists(const std::string& id) const { return fsio::exists(path("people/" + id + ".toml")); }

std::string Repo::scratch_file(const std::string& name, const std::string& suffix, const std::string& text) const {
  fsio::make_dirs(dir_);
  std::string file = path(".edit-" + name + "-XXXXXX" + suffix);
  int fd = ::mkostemps(file.data(), static_cast<int>(suffix.size()), O_CLOEXEC);
  if (fd < 0) throw sys_error("cannot create a file to edit in", dir_, errno);
  std::FILE* f = ::fdopen(fd, "w");  // written in place: the fresh file is ours alone
  bool ok = f && std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (f ? std::fclose(f) != 0 : ::close(fd) != 0) ok = false;
  if (!ok) {
    int err = errno;
    ::unlink(file.c_str());
    throw sys_error("cannot write", file, err);
  }
  return file;
}

Repo::Edited Repo::edit_in_editor(const std::string& text, const std::string& what) const {
  std::string file = scratch_file(what, ".txt", text);
  std::string edited;
  try {
    process::run_editor(file, env_);
    edited = fsio::read_file(file);
  } catch (const Error& e) {
    throw Error(std::string(e.what()) + "; your text is kept in '" + file + "'");
  }
  if (!text::valid_utf8(edited))
    throw Error("the edited text is not valid UTF-8; nothing was recorded; your text is kept in '" + file + "'");
  return {edited, file};
}

void Repo::forget_edit(const Edited& edited) const { ::unlink(edited.file.c_str()); }

}  // namespace upward
