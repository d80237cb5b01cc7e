#pragma once
// Reading commands show what they can: the files they had to leave out, said once each.
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <vector>

#include "context.hpp"
#include "upward/base/error.hpp"

namespace upward::cmd {

/// Print each file a reading command left out, `upward: FILE:LINE:COL: message (skipped)` on
/// stderr (even with -q: it is an error, not a note), once per file, sorted by file. Returns
/// exit_error when anything was skipped, else `rc`.
inline int report_skipped(std::vector<Problem> skipped, const Context& ctx, int rc = exit_ok) {
  std::stable_sort(skipped.begin(), skipped.end(),
                   [](const Problem& a, const Problem& b) { return a.where.path < b.where.path; });
  std::set<std::string> said;
  for (const auto& p : skipped)
    if (said.insert(p.where.path.empty() ? p.message : p.where.path).second) fmt::print(ctx.err, "upward: {} (skipped)\n", for_stderr(format_loc(p.where) + p.message));
  return skipped.empty() ? rc : exit_error;
}

}  // namespace upward::cmd
