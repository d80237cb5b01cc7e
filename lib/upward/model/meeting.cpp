#include "upward/model/meeting.hpp"

#include "upward/base/error.hpp"

namespace upward {

// STUB: helper "store" implements these.
void validate_topic(const Topic&) { throw Error("validate_topic: not implemented yet"); }
std::string topic_to_toml(const Topic&) { throw Error("topic_to_toml: not implemented yet"); }
std::string topic_stem(const Topic&) { throw Error("topic_stem: not implemented yet"); }
std::string meeting_folder(const std::string& person) { return "1on1s/" + person; }

}  // namespace upward
