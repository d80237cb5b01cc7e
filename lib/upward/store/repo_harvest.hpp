#pragma once
// What `upward harvest` reads and writes in the repository (issue 12): the harvest records in
// harvest/, the sources of the period's wins, and a recording run (wins and record at once).
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "upward/model/harvest_record.hpp"
#include "upward/store/repo.hpp"

namespace upward {

/// The harvest records made from `from` to `to` (days included), selected by file name
/// (harvest/DATE-HHMMSS.toml: only those are opened), oldest first; a file that does not read
/// cleanly is added to `skipped`.
std::vector<HarvestRecord> harvest_records(const Repo& repo, dates::Day from, dates::Day to,
                                           std::vector<Problem>& skipped);

/// The latest harvest record made on or before `day` (by file name: the day, then the time), or
/// nullopt; only that file is opened. A file that does not read cleanly is added to `skipped`
/// (and nullopt returned).
std::optional<HarvestRecord> last_harvest(const Repo& repo, dates::Day day, std::vector<Problem>& skipped);

/// Every `git:REPO@HASH` already harvested that a commit of `period` could be: the `source` of
/// the wins of the period's month folders, and `kept` and `dismissed` of the harvest records
/// made on or after the period's first day up to `today` (a commit is harvested on or after its
/// day). Files that do not read cleanly are added to `skipped`.
std::set<std::string> harvested_sources(const Repo& repo, const dates::DateRange& period, dates::Day today,
                                        std::vector<Problem>& skipped);

/// Record `wins` and the harvest record (its `wins` filled with their ids) in one change: all
/// or nothing. The ids of the wins in the result's `ids`.
WriteResult record_harvest(Repo& repo, const std::vector<Win>& wins, HarvestRecord record);

}  // namespace upward
