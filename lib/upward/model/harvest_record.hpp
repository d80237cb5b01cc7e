#pragma once
// What one recording run of `upward harvest` considered (issue 12): harvest/DATE-HHMMSS.toml.
// Its commits (kept as wins, or dismissed in --edit) are never proposed again, and the latest
// record's period says where `since-last-harvest` starts.
#include <string>
#include <vector>

#include "upward/base/dates.hpp"
#include "upward/base/error.hpp"

namespace upward {

struct HarvestRecord {
  std::string id;             ///< the file's stem; not stored in the file
  dates::Day date;            ///< the day of the run
  std::string time;           ///< HHMMSS, the local time of the run: in the file name only
  dates::DateRange period;    ///< the period it harvested
  std::vector<std::string> wins;       ///< the ids of the wins it recorded
  std::vector<std::string> kept;       ///< `git:REPO@HASH` of the commits those wins came from
  std::vector<std::string> dismissed;  ///< `git:REPO@HASH` of the commits proposed and deleted in --edit
};

/// The text of a new harvest record: a comment, date, period, wins, kept, dismissed.
std::string harvest_record_to_toml(const HarvestRecord& record);

/// The stem of a new harvest record without its collision suffix: `2026-11-27-143000`.
std::string harvest_record_stem(const HarvestRecord& record);

/// The folder of harvest records, relative to the repository.
inline constexpr const char* harvest_folder = "harvest";

}  // namespace upward
