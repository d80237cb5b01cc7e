// The 1:1 folders: talking points, records, action items; and a win's outcome.
#include "upward/store/repo.hpp"

namespace upward {

// STUB: helper "store" implements these.
Win Repo::win(const std::string& id) const { throw Error("unknown win '" + id + "' (not implemented yet)"); }
WriteResult Repo::record_outcome(const std::string&, const std::string&, dates::Day, std::string&) {
  throw Error("record_outcome: not implemented yet");
}
std::vector<Topic> Repo::topics(const std::string&, std::vector<Problem>&) const { return {}; }
std::vector<Meeting> Repo::meetings(const std::string&, std::vector<Problem>&) const { return {}; }
std::vector<std::string> Repo::meeting_people() const { return {}; }
WriteResult Repo::add_topic(const Topic&) { throw Error("add_topic: not implemented yet"); }
WriteResult Repo::save_meeting(const std::string&, dates::Day, const std::string&) {
  throw Error("save_meeting: not implemented yet");
}
WriteResult Repo::close_action(const std::string&, const std::string&, dates::Day, std::optional<dates::Day>&) {
  throw Error("close_action: not implemented yet");
}

}  // namespace upward
