#include "upward/store/repo.hpp"

#include <dirent.h>
#include <unistd.h>

#include <cerrno>
#include <random>
#include <set>

#include <fmt/format.h>

#include "upward/base/error.hpp"
#include "upward/store/fsio.hpp"
#include "upward/store/git.hpp"
#include "upward/model/records.hpp"
#include "upward/base/text.hpp"

namespace upward {

namespace {

constexpr const char* config_file = "upward.toml";

constexpr const char* gitignore_text =
    "# upward: the lock, temporary files and editor leftovers are never committed\n"
    ".upward.lock\n"
    ".*.tmp.*\n"
    ".edit-*\n"
    "*.swp\n"
    "*~\n";

bool missing_or_empty(const std::string& dir) {
  DIR* d = ::opendir(dir.c_str());
  if (!d) return errno == ENOENT;
  bool empty = true;
  while (auto* e = ::readdir(d)) {
    std::string_view n = e->d_name;
    if (n != "." && n != "..") empty = false;
  }
  ::closedir(d);
  return empty;
}

/// A short random suffix, so two machines that both hit a taken name pick different ones.
std::string random_suffix() {
  std::random_device rd;
  return fmt::format("{:04x}", rd() & 0xFFFF);
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

WriteResult Repo::init(const InitOptions& opt) {
  if (initialized()) throw Error("'" + dir_ + "' is already an upward repository; nothing changed");
  return create(opt);
}

WriteResult Repo::create(const InitOptions& opt) {
  fsio::make_dirs(dir_);
  fsio::RepoLock lock(dir_);
  if (initialized()) throw Error("'" + dir_ + "' is already an upward repository; nothing changed");
  WriteResult result;
  result.created_repo = true;
  bool use_git = git::is_repo(dir_, env_) || git::available(env_);
  if (use_git && !git::is_repo(dir_, env_)) git::init(dir_, env_);
  std::string name = opt.name, email = opt.email;
  if (use_git && name.empty()) name = git::config_get(dir_, "user.name", env_);
  if (use_git && email.empty()) email = git::config_get(dir_, "user.email", env_);
  for (const char* sub : {"wins", "goals", "people", "1on1s"}) fsio::make_dirs(path(sub));
  std::string text = config_template(name, email, use_git);
  parse_toml(text, path(config_file));  // upward's own text must parse before it is written
  if (!fsio::exists(path(".gitignore"))) {
    fsio::atomic_write(path(".gitignore"), gitignore_text);
    result.paths.push_back(".gitignore");
  }
  fsio::atomic_write(path(config_file), text);
  result.paths.push_back(config_file);
  if (use_git) commit(result.paths, "init: upward repository", result);
  return result;
}

void Repo::autocommit(const std::vector<std::string>& paths, const std::string& message, WriteResult& result) {
  // A `.git` that is not a repository of this folder's own is refused by git::commit, loudly.
  if (config().autocommit && fsio::exists(path(".git"))) commit(paths, message, result);
}

void Repo::commit(const std::vector<std::string>& paths, const std::string& message, WriteResult& result) {
  try {
    git::commit(dir_, paths, message + "\n", env_, {config().me_name, config().me_email});
  } catch (const Error& e) {
    result.git_error = e.what();
  }
}

WriteResult Repo::prepare_write() {
  WriteResult result;
  if (!initialized()) {
    if (!missing_or_empty(dir_))
      throw Error("'" + dir_ + "' is not an upward repository (no upward.toml); run 'upward init " + dir_ + "' first");
    result = create({});  // a failed first commit is reported with the record's own commit
    result.paths.clear();
  }
  config();
  return result;
}

WriteResult Repo::add_wins(const std::vector<Win>& wins) {
  for (const auto& w : wins)
    for (const auto& g : w.goals)
      if (!goal_exists(g)) throw Error("unknown goal '" + g + "' (no goals/" + g + ".toml; see 'upward goals')");
  WriteResult result = prepare_write();  // only now: a refused win creates nothing

  std::vector<std::pair<std::string, std::string>> files;  // relative path, text
  for (const auto& w : wins) {
    std::string text = win_to_toml(w);
    parse_toml(text, "new win " + win_stem(w));  // upward's own text must parse before it is written
    files.emplace_back(win_folder(w.date), text);
  }

  fsio::RepoLock lock(dir_);
  std::set<std::string> cleaned, taken;
  std::vector<std::string> written;
  try {
    for (size_t i = 0; i < wins.size(); ++i) {
      const std::string& folder = files[i].first;
      fsio::make_dirs(path(folder));
      if (cleaned.insert(folder).second) fsio::remove_stale_temps(path(folder));
      std::string stem = win_stem(wins[i]);
      std::string rel = folder + "/" + stem + ".toml";
      while (taken.count(rel) || fsio::exists(path(rel))) {
        stem = win_stem(wins[i]) + "-" + random_suffix();
        rel = folder + "/" + stem + ".toml";
      }
      taken.insert(rel);
      written.push_back(rel);  // before the write: a failure after its rename still rolls it back
      fsio::atomic_write(path(rel), files[i].second);
      result.ids.push_back(stem);
    }
  } catch (...) {
    for (const auto& rel : written) {
      try {
        fsio::remove_file(path(rel));
      } catch (const Error&) {
      }
    }
    throw;
  }
  result.paths = written;
  std::string message = "log-win: " + git::one_line(wins[0].title, 63);
  if (wins.size() > 1) {
    message = fmt::format("log-win: {} wins\n", wins.size());
    for (const auto& w : wins) message += "\n- " + git::one_line(w.title, 70);
  }
  autocommit(written, message, result);
  return result;
}

bool Repo::goal_exists(const std::string& id) const { return fsio::exists(path("goals/" + id + ".toml")); }
bool Repo::person_exists(const std::string& id) const { return fsio::exists(path("people/" + id + ".toml")); }

std::string Repo::edit_in_editor(const std::string& text) const {
  fsio::make_dirs(dir_);
  std::string file = path(".edit-win-XXXXXX.txt");
  int fd = ::mkstemps(file.data(), 4);
  if (fd < 0) throw sys_error("cannot create a file to edit in", dir_, errno);
  ::close(fd);
  std::string edited;
  try {
    fsio::atomic_write(file, text);
    process::run_editor(file, env_);
    edited = fsio::read_file(file);
  } catch (...) {
    ::unlink(file.c_str());
    throw;
  }
  ::unlink(file.c_str());
  if (!text::valid_utf8(edited)) throw Error("the edited text is not valid UTF-8; nothing was recorded");
  return edited;
}

}  // namespace upward
