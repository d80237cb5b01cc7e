#pragma once
#include <date/date.h>

#include <cstdint>
#include <string>

namespace upward {

/// upward.toml: what the commands need of it. Unknown keys are kept in the file and ignored here.
struct Config {
  std::int64_t schema = 1;
  date::weekday week_start = date::Monday;
  std::string manager;  ///< the primary manager's person id, or empty
  std::string me_name, me_email;
  bool autocommit = true;
  int stale_after_days = 21;  ///< [goals] stale_after_days: a goal without an update for longer is stale
};

/// The schema this build writes and reads; a newer one is refused rather than misread.
inline constexpr std::int64_t current_schema = 1;

/// The text of a new upward.toml. Its `# manager = "dana"` example line is where
/// toml_edit::set_top_level_string puts the real `manager` line.
std::string config_template(const std::string& name, const std::string& email, bool autocommit);

}  // namespace upward
