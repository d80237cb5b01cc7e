#include "upward/render/harvest_render.hpp"

#include "upward/base/json.hpp"
#include "upward/base/text.hpp"
#include "upward/render/markdown.hpp"

namespace upward {

namespace {

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::int64_t sum(const Commit& c, bool added) {
  std::int64_t n = 0;
  for (const auto& f : c.files) n += added ? f.added : f.deleted;
  return n;
}

}  // namespace

std::string render_harvest_md(const std::vector<Candidate>& candidates, const dates::DateRange& period) {
  std::string out = "# Harvest " + dates::format_range(period) + "\n\n";
  for (const auto& c : candidates) {
    out += "- " + dates::format_day(c.day) + " " + md::escape(c.title) + "\n";
    for (const auto& commit : c.commits)
      out += "  - " + md::code(commit.repo + "@" + commit.short_hash) + " " + md::escape(commit.subject) + "\n";
    out += "  - " + plural(c.commits.size(), "commit", "commits") + ", " + plural(c.files, "file", "files") +
           " changed, +" + std::to_string(c.added) + " -" + std::to_string(c.deleted) + "\n";
  }
  return out;
}

std::string render_harvest_json(const std::vector<Candidate>& candidates, const dates::DateRange& period) {
  std::string items;
  for (const auto& c : candidates) {
    std::string commits;
    for (const auto& commit : c.commits) {
      json::Object o;
      o.str("repo", commit.repo).str("hash", commit.hash).str("short", commit.short_hash);
      o.str("date", dates::format_day(commit.day)).str("subject", commit.subject);
      o.num("files", static_cast<long long>(commit.files.size()));
      o.num("added", sum(commit, true)).num("deleted", sum(commit, false));
      commits += (commits.empty() ? "" : ", ") + o.done();
    }
    json::Object o;
    o.str("date", dates::format_day(c.day)).str("title", c.title).str("topic", c.topic).str("key", c.key());
    o.raw("source", json::array(c.sources())).raw("commits", "[" + commits + "]");
    o.num("files", static_cast<long long>(c.files)).num("added", c.added).num("deleted", c.deleted);
    items += (items.empty() ? "\n  " : ",\n  ") + o.done();
  }
  json::Object period_o;
  period_o.str("first", dates::format_day(period.first)).str("last", dates::format_day(period.last));
  return "{\"period\": " + period_o.done() + ", \"candidates\": [" + items + (items.empty() ? "]}\n" : "\n]}\n");
}

}  // namespace upward
