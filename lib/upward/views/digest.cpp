#include "upward/views/digest.hpp"

namespace upward {

// STUB: helper "views" implements these.
std::string section_of(const Win&, const std::map<std::string, std::string>&) { return "projects"; }
dates::DateRange next_period(const dates::DateRange& period) { return period; }
Digest build_digest(const DigestInput& in) {
  Digest d;
  d.period = in.period;
  d.style = in.style;
  d.group_by = in.group_by;
  d.for_person = in.for_person;
  return d;
}
std::string tally_line(const Digest&) { return "no wins"; }

}  // namespace upward
