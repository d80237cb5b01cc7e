#include "upward/store/transaction.hpp"

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <random>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "upward/base/error.hpp"
#include "upward/base/text.hpp"
#include "upward/model/toml_read.hpp"
#include "upward/store/git.hpp"
#include "upward/store/repo.hpp"
#include "upward/store/transaction_detail.hpp"

namespace upward {

namespace detail {

std::string folder_of(const std::string& rel) {
  auto slash = rel.rfind('/');
  return slash == std::string::npos ? "" : rel.substr(0, slash);
}

/// 'a', 'b', 'c' (and N more): a batch of 30,000 files makes no 30,000-name message.
std::string quoted_list(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size() && i < 8; ++i) out += (out.empty() ? "'" : ", '") + items[i] + "'";
  if (items.size() > 8) out += fmt::format(" and {} more", items.size() - 8);
  return out;
}

/// A short random suffix, so two machines that both hit a taken name pick different ones.
std::string random_suffix() {
  std::random_device rd;
  return fmt::format("{:04x}", rd() & 0xFFFF);
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) out.push_back(line.substr(start, tab - start));
  out.push_back(line.substr(start));
  return out;
}

void unlink_or_throw(const std::string& path) {
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) throw sys_error("cannot remove", path, errno);
}

/// A git child of a killed upward may still be finishing its commit: give it a moment.
void wait_for_git_index(const Repo& repo) {
  for (int i = 0; i < 100 && fsio::exists(repo.path(".git/index.lock")); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

/// Who commits when git has no identity: `[me]` from upward.toml, else the login name at
/// localhost, so a machine without a git identity still commits (DESIGN §4: never fail a commit
/// for want of a name; the user fixes it in [me]).
git::Identity identity(Repo& repo) {
  git::Identity id;
  try {
    id = {repo.config().me_name, repo.config().me_email};
  } catch (const Error&) {
  }
  std::string login = process::getenv(repo.env(), "USER").value_or(process::getenv(repo.env(), "LOGNAME").value_or(""));
  if (login.empty()) {  // cron and sudo may leave USER unset: ask the system
    if (const passwd* pw = ::getpwuid(::geteuid()); pw && pw->pw_name) login = pw->pw_name;
  }
  if (login.empty() || login.find_first_of("<>\n\r ") != std::string::npos) login = "upward";
  if (id.name.empty()) id.name = login;
  if (id.email.empty()) id.email = login + "@localhost";
  return id;
}

}  // namespace detail

using namespace detail;

Transaction::Transaction(Repo& repo, std::string message, std::unique_ptr<fsio::RepoLock> lock,
                         std::optional<bool> commit_override, WriteResult start)
    : repo_(&repo), message_(std::move(message)), lock_(std::move(lock)),
      commit_override_(commit_override), result_(std::move(start)) {}

Transaction::~Transaction() = default;  // nothing reaches the disk before commit(); the lock goes with lock_

Transaction::Op* Transaction::find(const std::string& rel) {
  auto it = index_.find(rel);
  return it == index_.end() ? nullptr : &ops_[it->second];
}

void Transaction::check_rel(const std::string& rel) const {
  if (done_) throw Error("internal: the change '" + message_ + "' is already committed");
  bool bad = rel.empty() || rel[0] == '/' || rel.find("..") != std::string::npos ||
             rel.find_first_of("\t\n\r") != std::string::npos || rel == journal::file;
  if (bad) throw Error("internal: '" + rel + "' is not a path upward writes");
  fsio::refuse_links(repo_->dir(), rel);
}

bool Transaction::exists(const std::string& rel) {
  if (Op* op = find(rel)) return op->kind != Kind::remove;
  return fsio::exists(repo_->path(rel));
}

std::string Transaction::read(const std::string& rel) {
  if (Op* op = find(rel)) {
    if (op->kind == Kind::remove) throw Error("'" + repo_->path(rel) + "' is removed by this change");
    return op->text;
  }
  std::string text = fsio::read_file(repo_->path(rel));
  read_[rel] = text;
  return text;
}

void Transaction::create(const std::string& rel, const std::string& text) {
  check_rel(rel);
  if (exists(rel)) throw Error("'" + repo_->path(rel) + "' already exists");
  if (rel.ends_with(".toml")) parse_toml(text, repo_->path(rel));  // upward's own text must parse
  if (Op* op = find(rel)) {  // removed earlier in this change: it becomes a replace
    op->kind = Kind::replace;
    op->text = text;
    return;
  }
  index_[rel] = ops_.size();
  ops_.push_back({rel, Kind::create, text, std::nullopt, ""});
}

std::string Transaction::create_unique(const std::string& folder, const std::string& stem, const std::string& text,
                                       Naming naming) {
  std::string base = stem;
  if (naming == Naming::tagged) {
    if (!tag_) {
      bool made = false;
      tag_ = git::machine_tag(repo_->dir(), repo_->env(), &made);
      if (made)
        result_.notes.push_back("new records made here end in '-" + *tag_ + "', this clone's machine tag (a git remote "
                                "is set); choose another: git -C " + repo_->dir() + " config upward.machine NAME");
    }
    if (!tag_->empty()) base += "-" + *tag_;
  }
  std::string chosen = base;
  while (exists(folder + "/" + chosen + ".toml")) chosen = base + "-" + random_suffix();
  create(folder + "/" + chosen + ".toml", text);
  return chosen;
}

void Transaction::replace(const std::string& rel, const std::string& text) {
  check_rel(rel);
  if (rel.ends_with(".toml")) parse_toml(text, repo_->path(rel));
  if (Op* op = find(rel)) {
    if (op->kind == Kind::remove) op->kind = Kind::replace;
    op->text = text;
    return;
  }
  auto base = read_.find(rel);  // the text the new one was computed from, else the file as it is now
  std::string old = base != read_.end() ? base->second : fsio::read_file(repo_->path(rel));  // Error when missing
  index_[rel] = ops_.size();
  ops_.push_back({rel, Kind::replace, text, old, ""});
}

void Transaction::remove(const std::string& rel) {
  check_rel(rel);
  if (Op* op = find(rel)) {
    if (op->kind == Kind::create) {  // created and removed in one change: nothing to do
      ops_.erase(ops_.begin() + (op - ops_.data()));
      index_.clear();
      for (size_t i = 0; i < ops_.size(); ++i) index_[ops_[i].rel] = i;
      return;
    }
    op->kind = Kind::remove;
    return;
  }
  index_[rel] = ops_.size();
  ops_.push_back({rel, Kind::remove, "", fsio::read_file(repo_->path(rel)), ""});
}

void Transaction::refuse_changed_files() const {
  for (const auto& op : ops_) {
    if (op.kind == Kind::create || !op.old) continue;
    // a file removed meanwhile has changed; one that cannot be read is that error, named
    std::string now = fsio::exists(repo_->path(op.rel)) ? fsio::read_file(repo_->path(op.rel)) : "";
    if (!fsio::exists(repo_->path(op.rel)) || now != *op.old)
      throw Error("'" + repo_->path(op.rel) + "' changed while upward was editing it (run the command again)");
  }
}

/// Every new text into a synced temporary beside its file; Error after removing them.
std::vector<std::string> Transaction::stage() {
  std::set<std::string> folders;
  try {
    fsio::remove_stale_temps(repo_->dir());
    for (auto& op : ops_) {
      std::string folder = folder_of(op.rel);
      if (folders.insert(folder).second && !folder.empty()) {
        fsio::refuse_links(repo_->dir(), folder);
        fsio::make_dirs(repo_->path(folder));
        fsio::remove_stale_temps(repo_->path(folder));
      }
      if (op.kind != Kind::remove) op.tmp = fsio::write_temp(repo_->path(op.rel), op.text);
    }
    for (const auto& f : folders) fsio::sync_dir(f.empty() ? repo_->dir() : repo_->path(f), "wrote a temporary file");
  } catch (...) {
    for (auto& op : ops_)
      if (!op.tmp.empty()) ::unlink(op.tmp.c_str());
    throw;
  }
  return {folders.begin(), folders.end()};
}

namespace {
std::string journal_text(bool commit, const std::string& dir, const std::vector<std::tuple<std::string, std::string, std::string>>& ops,
                         const std::string& message) {
  std::string out = fmt::format("upward journal 1\ncommit {}\n", commit ? 1 : 0);
  for (const auto& [kind, tmp, rel] : ops)
    out += kind + "\t" + (tmp.empty() ? "-" : tmp.substr(dir.size() + 1)) + "\t" + rel + "\n";
  return out + "message\n" + message;
}
}  // namespace

WriteResult Transaction::commit() {
  if (done_) throw Error("internal: the change '" + message_ + "' is already committed");
  done_ = true;
  for (size_t nul; (nul = message_.find('\0')) != std::string::npos;) message_.replace(nul, 1, "\\0");  // git refuses NUL
  WriteResult result = std::move(result_);
  std::erase_if(ops_, [](const Op& op) { return op.kind == Kind::replace && op.old && *op.old == op.text; });
  index_.clear();
  if (ops_.empty()) {
    result.noop = true;
    lock_.reset();
    return result;
  }
  const std::string& dir = repo_->dir();
  // a `.git` that is not this folder's own repository is refused by git::commit, loudly
  bool do_commit = commit_override_ ? *commit_override_ : repo_->config().autocommit && fsio::exists(dir + "/.git");
  std::string busy = do_commit ? git::busy(dir) : "";
  if (!busy.empty()) do_commit = false;  // saved, not committed: a commit now would be lost (below: exit 1)
  if (!commit_override_ && repo_->config().autocommit && !do_commit && busy.empty())
    result.notes.push_back("not committed: autocommit is on, but '" + dir +
                           "' is not a git repository ('git init' it, or set autocommit = false under [git])");
  try {
    refuse_changed_files();  // before anything is committed or written
  } catch (const Error& e) {
    throw Error(std::string(e.what()) + "; nothing was changed");
  }
  std::vector<std::string> paths, existing;
  for (const auto& op : ops_) {
    paths.push_back(op.rel);
    if (op.kind != Kind::create) existing.push_back(op.rel);
  }
  if (do_commit && !existing.empty()) {
    auto hand = git::modified(dir, existing, repo_->env());
    if (!hand.empty()) {
      wait_for_git_index(*repo_);
      try {
        git::commit(dir, hand, fmt::format("edit by hand: {}\n", fmt::join(hand, ", ")), repo_->env(), identity(*repo_));
      } catch (const Error& e) {
        throw Error("cannot commit your hand edits of " + quoted_list(hand) + " first: " + e.what() + "; nothing was changed");
      }
      result.notes.push_back("committed your hand edits of " + quoted_list(hand) + " first");
    }
  }

  std::vector<std::string> folders;
  try {
    folders = stage();
    refuse_changed_files();  // again, just before the renames: the window is the staging's fsyncs
    std::vector<std::tuple<std::string, std::string, std::string>> jops;
    for (const auto& op : ops_)
      jops.emplace_back(op.kind == Kind::create ? "create" : op.kind == Kind::replace ? "replace" : "remove", op.tmp, op.rel);
    fsio::atomic_write(repo_->path(journal::file), journal_text(do_commit, dir, jops, message_));
  } catch (const Error& e) {
    for (auto& op : ops_)
      if (!op.tmp.empty()) ::unlink(op.tmp.c_str());
    ::unlink(repo_->path(journal::file).c_str());  // the journal's own sync may have failed after its rename
    throw Error(std::string(e.what()) + "; nothing was changed");
  }

  size_t published = 0;
  try {
    for (; published < ops_.size(); ++published) {
      const Op& op = ops_[published];
      if (op.kind == Kind::remove) unlink_or_throw(repo_->path(op.rel));
      else fsio::rename_file(op.tmp, repo_->path(op.rel));
    }
  } catch (const Error& e) {
    throw Error(std::string(e.what()) + rollback(published));
  }
  for (const auto& f : folders) {
    try {
      fsio::sync_dir(f.empty() ? dir : repo_->path(f), "saved");
    } catch (const Error& e) {
      // "saved, but cannot sync its folder 'DIR': ..." reads after "the win is saved, but "
      std::string why = e.what();
      if (why.rfind("saved, but ", 0) == 0) why = why.substr(11);
      if (!result.sync_error) result.sync_error = why + " (a crash before the next sync could lose it)";
    }
  }
  result.paths = paths;
  if (std::find(paths.begin(), paths.end(), "upward.toml") != paths.end()) repo_->config_.reset();
  if (do_commit) {
    wait_for_git_index(*repo_);
    try {
      git::commit(dir, paths, message_ + "\n", repo_->env(), identity(*repo_));
    } catch (const Error& e) {
      result.git_error = e.what();
    }
  } else if (!busy.empty()) {
    result.git_error = "not committed: " + busy;
  }
  try {
    fsio::remove_file(repo_->path(journal::file));
  } catch (const Error&) {
    // the next writer finds the journal and finishes this change again: nothing is lost
  }
  lock_.reset();
  return result;
}

/// Undo the first `published` files after a failure; the text to append to the error.
std::string Transaction::rollback(size_t published) {
  const std::string& dir = repo_->dir();
  // First the journal: once it is gone no later writer rolls this change forward. While it
  // cannot be removed, the next writer finishes the change instead: say so, undo nothing.
  if (::unlink(repo_->path(journal::file).c_str()) != 0 && errno != ENOENT)
    return std::string("; could not roll back (cannot remove '") + repo_->path(journal::file) + "': " +
           std::strerror(errno) + "): the next upward that writes here completes the change";
  std::vector<std::string> undone, left;
  std::set<std::string> folders{""};
  for (size_t i = published; i-- > 0;) {
    const Op& op = ops_[i];
    std::string target = repo_->path(op.rel);
    try {
      if (op.kind == Kind::create) {
        unlink_or_throw(target);
      } else {
        std::string tmp = fsio::write_temp(target, *op.old);
        try {
          fsio::rename_file(tmp, target);
        } catch (const Error&) {
          ::unlink(tmp.c_str());
          throw;
        }
      }
      undone.push_back(op.rel);
    } catch (const Error&) {
      left.push_back(op.rel + (op.kind == Kind::create ? " (new)" : " (changed)"));
    }
    folders.insert(folder_of(op.rel));
  }
  for (size_t i = published; i < ops_.size(); ++i)
    if (!ops_[i].tmp.empty()) ::unlink(ops_[i].tmp.c_str());
  for (const auto& f : folders) {
    try {
      fsio::sync_dir(f.empty() ? dir : repo_->path(f), "rolled back");
    } catch (const Error&) {
      // best effort: the old texts are in place; a crash now may show the failed change's files
    }
  }
  std::vector<std::string> all;
  for (const auto& op : ops_) all.push_back(op.rel);
  if (left.empty()) return "; rolled back " + quoted_list(all) + ": nothing was changed";
  return "; rolled back " + (undone.empty() ? std::string("nothing") : quoted_list(undone)) +
         "; could not roll back, left behind: " + quoted_list(left);
}

}  // namespace upward
