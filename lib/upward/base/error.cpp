#include "upward/base/error.hpp"

#include <cstring>

namespace upward {

std::string format_loc(const SourceLoc& loc) {
  if (loc.path.empty()) return "";  // the message names what is at fault
  if (loc.line == 0) return loc.path + ": ";
  return loc.path + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column) + ": ";
}

std::string Error::located() const {
  return where_ ? format_loc(*where_) + what() : std::string(what());
}

Error sys_error(const std::string& what, const std::string& subject, int err) {
  return Error(what + " '" + subject + "': " + std::strerror(err));
}

}  // namespace upward
