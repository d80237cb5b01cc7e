#include "upward/store/sendmail.hpp"

#include "upward/base/error.hpp"

namespace upward::sendmail {

// STUB: helper "data" implements these.
std::vector<std::string> argv_of(const std::string&) { throw UsageError("argv_of: not implemented yet"); }
void send(const std::string&, const std::string&, const process::Env&) { throw Error("send: not implemented yet"); }

}  // namespace upward::sendmail
