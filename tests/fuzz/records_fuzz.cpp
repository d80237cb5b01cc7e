// libFuzzer target: the record loaders. The input is the text of a record file; it is read as
// every kind of record upward keeps (upward.toml, a win, a goal, a person, a 1:1 record, a talking
// point, an outcome note, a sent digest, a harvest record): through parse_toml and each
// *_from_toml loader, and through check_file (the loaders plus `upward check`'s per-file rules, as
// `upward edit` runs them) in a small repository in a temporary folder.
//
// Properties: no crash, leak or undefined behaviour; nothing thrown but upward's Error; every
// problem names the file it was found in.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "upward/model/config.hpp"
#include "upward/model/harvest_record_read.hpp"
#include "upward/model/records.hpp"
#include "upward/store/check.hpp"
#include "upward/store/fsio.hpp"
#include "upward/store/repo.hpp"

using namespace upward;

namespace {

std::string root;

void remove_root() {
  if (!root.empty()) std::filesystem::remove_all(root);
}

/// A repository with a person, a goal and a 1:1 record, for the rules that look at other files.
const Repo& repo() {
  static Repo* r = [] {
    std::string tmpl = (std::filesystem::temp_directory_path() / "upward-records-fuzz-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) std::abort();
    root = tmpl;
    std::atexit(remove_root);
    std::string dir = root + "/repo";
    fsio::make_dirs(dir + "/people");
    fsio::make_dirs(dir + "/goals");
    fsio::make_dirs(dir + "/1on1s/dana/topics");
    fsio::atomic_write(dir + "/upward.toml", config_template("Ada", "ada@example.com", false));
    fsio::atomic_write(dir + "/people/dana.toml", "name = \"Dana\"\nrelationship = \"manager\"\n");
    fsio::atomic_write(dir + "/goals/checkout-latency.toml",
                       "title = \"Checkout p99 under 400 ms\"\nstatus = \"active\"\ncreated = 2026-10-01\n");
    fsio::atomic_write(dir + "/1on1s/dana/2026-11-09.toml",
                       "date = 2026-11-09\nwith = \"dana\"\n\n[[action]]\nid = \"send-plan\"\nowner = \"me\"\n"
                       "text = \"Send the plan\"\n");
    return new Repo(dir, {});
  }();
  return *r;
}

const char* const files[] = {
    "upward.toml",
    "wins/2026/11/2026-11-26-turned-on-the-cache.toml",
    "goals/q4-conversion.toml",
    "people/priya.toml",
    "1on1s/dana/2026-11-16.toml",
    "1on1s/dana/topics/2026-11-02-on-call.toml",
    "outcomes/2026/11/2026-11-27-turned-on-the-cache.toml",
    "sent/2026-11-20-170003-digest.toml",
    "harvest/2026-11-27-143000.toml",
};

void check_problems(const std::vector<Problem>& problems, const std::string& path) {
  for (const auto& p : problems)
    if (p.where.path != path && p.where.path.find("/repo/") == std::string::npos) {
      std::fprintf(stderr, "property violated: a problem in '%s' for '%s': %s\n", p.where.path.c_str(),
                   path.c_str(), p.message.c_str());
      std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  const std::string path = "fuzz.toml";
  try {
    toml::table t = parse_toml(text, path);
    std::vector<Problem> problems;
    config_from_toml(t, path, problems);
    win_from_toml(t, path, problems);
    goal_from_toml(t, "q4-conversion", path, problems);
    person_from_toml(t, "priya", path, problems);
    topic_from_toml(t, "2026-11-02-on-call", "dana", path, problems);
    meeting_from_toml(t, "dana", path, problems);
    outcome_note_from_toml(t, path, problems);
    sent_from_toml(t, "2026-11-20-170003-digest", path, problems);
    harvest_record_from_toml(t, "2026-11-27-143000", path, problems);
    check_problems(problems, path);
  } catch (const Error&) {
  }
  const Repo& r = repo();
  for (const char* rel : files) {
    try {
      check_problems(check_file(r, rel, text, date::sys_days{date::year{2026} / 11 / 27}), r.path(rel));
    } catch (const Error&) {
    }
  }
  return 0;
}
