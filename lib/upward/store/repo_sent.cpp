// The digests that were sent: sent/*.toml, one per `digest --send`.
#include <filesystem>

#include "upward/base/error.hpp"
#include "upward/base/text.hpp"
#include "upward/model/records.hpp"
#include "upward/store/fsio.hpp"
#include "upward/store/git.hpp"
#include "upward/store/repo.hpp"

namespace upward {

std::optional<SentDigest> Repo::last_sent(dates::Day day, std::vector<Problem>& skipped) const {
  namespace fs = std::filesystem;
  // The file names start with the day the digest was sent; two on one day differ by a random
  // suffix, so the later written of them wins.
  settle();
  try {  // a linked sent/ is not read, as it is not written
    fsio::refuse_links(dir(), "sent");
  } catch (const Error& e) {
    skipped.push_back({{path("sent"), 0, 0}, e.what()});
    return std::nullopt;
  }
  std::string best;
  std::optional<dates::Day> best_day;
  fs::file_time_type best_time{};
  for (const auto& rel : fsio::toml_files(path("sent"))) {
    if (rel.find('/') != std::string::npos || rel.size() < 10) continue;
    auto sent_day = dates::parse_iso(rel.substr(0, 10));
    if (!sent_day || *sent_day > day || (best_day && *sent_day < *best_day)) continue;
    std::error_code ec;
    auto time = fs::last_write_time(path("sent/" + rel), ec);
    if (best_day && *sent_day == *best_day && (ec || time < best_time)) continue;
    best = rel;
    best_day = sent_day;
    best_time = ec ? fs::file_time_type{} : time;
  }
  if (!best_day) return std::nullopt;
  std::string p = path("sent/" + best), id = best.substr(0, best.size() - 5);
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
