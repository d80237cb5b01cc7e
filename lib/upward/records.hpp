#pragma once
// Reading records from parsed TOML, collecting every problem with its location.
#include <vector>

#include "upward/config.hpp"
#include "upward/toml_read.hpp"
#include "upward/win.hpp"

namespace upward {

/// upward.toml's settings; problems for wrong types, an unknown week_start or a newer schema.
Config config_from_toml(const toml::table& table, const std::string& path, std::vector<Problem>& problems);

/// A win read back from its file; problems for missing or mistyped keys. Unknown keys are ignored.
Win win_from_toml(const toml::table& table, const std::string& path, std::vector<Problem>& problems);

}  // namespace upward
