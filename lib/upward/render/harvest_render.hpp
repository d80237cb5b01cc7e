#pragma once
// `upward harvest` without --edit or --accept-all: the candidates, each with its evidence.
#include <string>
#include <vector>

#include "upward/views/harvest.hpp"

namespace upward {

/// Markdown: a heading with the period, then one item per candidate (day, title) with its
/// evidence below (each commit: repository, short hash, subject; then the totals).
std::string render_harvest_md(const std::vector<Candidate>& candidates, const dates::DateRange& period);

/// JSON: `{"period": {"first", "last"}, "candidates": [{"date", "title", "topic", "key", "source",
/// "commits": [{"repo", "hash", "short", "date", "subject", "files", "added", "deleted"}],
/// "files", "added", "deleted"}]}`.
std::string render_harvest_json(const std::vector<Candidate>& candidates, const dates::DateRange& period);

}  // namespace upward
