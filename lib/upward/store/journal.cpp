// Finishing a change an interrupted upward left: its journal, read back and checked.
#include <set>

#include "upward/base/error.hpp"
#include "upward/base/text.hpp"
#include "upward/store/git.hpp"
#include "upward/store/repo.hpp"
#include "upward/store/transaction.hpp"
#include "upward/store/transaction_detail.hpp"

namespace upward {

using namespace detail;

namespace {
/// A journal line names a file of the repository and a temporary of upward's own beside it:
/// a hand-made or damaged journal never makes recovery rename or remove anything elsewhere.
bool journal_entry_ok(const Repo& repo, const std::vector<std::string>& f) {
  auto inside = [](const std::string& rel) {
    if (rel.empty() || rel[0] == '/' || rel == journal::file) return false;
    for (size_t b = 0; b <= rel.size();) {  // no empty, "." or ".." component
      size_t e = std::min(rel.find('/', b), rel.size());
      std::string_view part(rel.data() + b, e - b);
      if (part.empty() || part == "." || part == "..") return false;
      b = e + 1;
    }
    return true;
  };
  if ((f[0] != "create" && f[0] != "replace" && f[0] != "remove") || !inside(f[2])) return false;
  if (f[0] != "remove") {
    if (!inside(f[1]) || folder_of(f[1]) != folder_of(f[2])) return false;
    std::string name = f[1].substr(f[1].rfind('/') == std::string::npos ? 0 : f[1].rfind('/') + 1);
    if (!fsio::is_upward_temp(name)) return false;
  }
  try {
    fsio::refuse_links(repo.dir(), f[2]);
  } catch (const Error&) {
    return false;
  }
  return true;
}
}  // namespace

std::string journal::recover(Repo& repo) {
  std::string jp = repo.path(file);
  if (!fsio::exists(jp)) return "";
  fsio::refuse_links(repo.dir(), file);  // a journal that is a link is never read, nor followed
  auto lines = text::lines(fsio::read_file(jp));
  bool commit = false;
  std::string message;
  std::vector<std::string> paths;
  std::set<std::string> folders;
  size_t i = 0;
  if (lines.size() < 2 || lines[0] != "upward journal 1")
    throw Error("'" + jp + "' is not a journal this upward can finish; move it away and run 'upward check'");
  commit = lines[1] == "commit 1";
  for (i = 2; i < lines.size() && lines[i] != "message"; ++i) {
    auto f = split_tabs(lines[i]);
    if (f.size() != 3 || !journal_entry_ok(repo, f))
      throw Error("'" + jp + "' is not a journal this upward can finish; move it away and run 'upward check'");
    std::string target = repo.path(f[2]);
    if (f[0] == "remove") unlink_or_throw(target);
    else if (fsio::exists(repo.path(f[1]))) fsio::rename_file(repo.path(f[1]), target);
    paths.push_back(f[2]);
    folders.insert(folder_of(f[2]));
  }
  for (++i; i < lines.size(); ++i) message += lines[i] + "\n";
  for (const auto& f : folders) fsio::sync_dir(f.empty() ? repo.dir() : repo.path(f), "finished '" + jp + "'");
  std::string subject = message.substr(0, message.find('\n'));
  std::string note = "finished the change '" + subject + "' that an interrupted upward left";
  if (commit && !paths.empty() && git::is_repo(repo.dir(), repo.env()) && git::busy(repo.dir()).empty()) {
    wait_for_git_index(repo);
    // the killed upward may have committed before it was killed: then there is nothing to commit
    std::set<std::string> pending;
    for (const auto& p : git::uncommitted(repo.dir(), repo.env())) pending.insert(p);
    for (const auto& p : git::modified(repo.dir(), paths, repo.env())) pending.insert(p);
    std::vector<std::string> mine;
    for (const auto& p : paths)
      if (pending.count(p)) mine.push_back(p);
    try {
      git::commit(repo.dir(), mine.empty() ? paths : mine, message, repo.env(), identity(repo));
    } catch (const Error& e) {
      if (!mine.empty()) note += ", but could not commit it: " + std::string(e.what());
    }
  }
  fsio::remove_file(jp);
  return note;
}

}  // namespace upward
