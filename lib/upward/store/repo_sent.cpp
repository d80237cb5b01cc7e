// The digests that were sent: sent/*.toml, one per `digest --send`.
#include <algorithm>
#include <filesystem>
#include <tuple>

#include "upward/base/error.hpp"
#include "upward/base/text.hpp"
#include "upward/model/records.hpp"
#include "upward/store/fsio.hpp"
#include "upward/store/git.hpp"
#include "upward/store/repo.hpp"

namespace upward {

namespace {

/// sent/REL read and checked; nullopt, with its first problem in `skipped`, when it does not read cleanly.
std::optional<SentDigest> read_sent(const Repo& repo, const std::string& rel, std::vector<Problem>& skipped) {
  std::string p = repo.path("sent/" + rel), id = rel.substr(0, rel.size() - 5);
  std::vector<Problem> problems;
  SentDigest sent;
  try {
    std::string text = fsio::read_file(p);
    if (!text::valid_utf8(text)) throw Error(SourceLoc{p, 0, 0}, "not valid UTF-8");
    sent = sent_from_toml(parse_toml(text, p), id, p, problems);
  } catch (const Error& e) {
    problems.push_back({e.where().value_or(SourceLoc{p, 0, 0}), e.what()});
  }
  if (!problems.empty()) {
    skipped.push_back(problems.front());
    return std::nullopt;
  }
  return sent;
}

/// False (and the reason in `skipped`) when sent/ is a link: it is not read, as it is not written.
bool sent_readable(const Repo& repo, std::vector<Problem>& skipped) {
  try {
    fsio::refuse_links(repo.dir(), "sent");
    return true;
  } catch (const Error& e) {
    skipped.push_back({{repo.path("sent"), 0, 0}, e.what()});
    return false;
  }
}

}  // namespace

std::optional<SentDigest> Repo::last_sent(dates::Day day, std::vector<Problem>& skipped,
                                          std::optional<dates::Day> ends_before) const {
  namespace fs = std::filesystem;
  settle();
  if (!sent_readable(*this, skipped)) return std::nullopt;
  // by name: the day, then HHMMSS when the name has one (`2026-11-27-170003-digest`), then mtime
  struct Candidate {
    dates::Day day;
    std::string time, rel;
    fs::file_time_type mtime;
  };
  std::vector<Candidate> found;
  for (const auto& rel : fsio::toml_files(path("sent"))) {
    if (rel.find('/') != std::string::npos || rel.size() < 10) continue;
    auto sent_day = dates::parse_iso(rel.substr(0, 10));
    if (!sent_day || *sent_day > day) continue;
    std::string time = rel.size() > 17 && rel[10] == '-' && rel[17] == '-' &&
                               rel.find_first_not_of("0123456789", 11) == 17
                           ? rel.substr(11, 6)
                           : "";
    std::error_code ec;
    auto mtime = fs::last_write_time(path("sent/" + rel), ec);
    found.push_back({*sent_day, time, rel, ec ? fs::file_time_type{} : mtime});
  }
  std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(a.day, a.time, a.mtime) > std::tie(b.day, b.time, b.mtime);
  });
  for (const auto& c : found) {
    auto sent = read_sent(*this, c.rel, skipped);
    if (!sent) return std::nullopt;
    sent->time = c.time;
    if (!ends_before || sent->period.last < *ends_before) return sent;
  }
  return std::nullopt;
}

std::vector<SentDigest> Repo::sent_in(const dates::DateRange& days, std::vector<Problem>& skipped) const {
  settle();
  std::vector<SentDigest> out;
  if (!sent_readable(*this, skipped)) return out;
  for (const auto& rel : fsio::toml_files(path("sent"))) {
    auto sent_day = rel.find('/') == std::string::npos && rel.size() >= 10 ? dates::parse_iso(rel.substr(0, 10))
                                                                            : std::nullopt;
    if (!sent_day || !days.contains(*sent_day)) continue;
    if (auto sent = read_sent(*this, rel, skipped)) out.push_back(std::move(*sent));
  }
  return out;
}

WriteResult Repo::record_sent(const SentDigest& sent) {
  // what is written must read back cleanly, or the next digest could not use it
  std::string text = sent_to_toml(sent), shown = path("sent/" + sent_stem(sent) + ".toml");
  if (!text::valid_utf8(text)) throw Error("the sent digest's record is not valid UTF-8; nothing was recorded");
  std::vector<Problem> problems;
  sent_from_toml(parse_toml(text, shown), sent_stem(sent), shown, problems);
  if (!problems.empty()) throw Error("cannot record the sent digest: " + problems.front().message);
  std::string to;
  for (const auto& a : sent.to) to += (to.empty() ? "" : ", ") + a;
  auto tx = change(git::one_line("digest --send: " + dates::format_range(sent.period) + " to " + to, 100));
  std::string id = tx.create_unique("sent", sent_stem(sent), text);
  WriteResult result = tx.commit();
  result.ids.push_back(id);
  return result;
}

}  // namespace upward
