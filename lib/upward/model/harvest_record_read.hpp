#pragma once
// Reading a harvest record (apart from harvest_record.hpp, so that commands never include toml++).
#include "upward/model/harvest_record.hpp"
#include "upward/model/toml_read.hpp"

namespace upward {

/// A harvest record read back; each problem (a missing or mistyped key) is added to `problems`.
HarvestRecord harvest_record_from_toml(const toml::table& table, const std::string& id, const std::string& path,
                                       std::vector<Problem>& problems);

}  // namespace upward
