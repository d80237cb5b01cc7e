#include "upward/render/email.hpp"

#include "upward/base/error.hpp"

namespace upward::email {

// STUB: helper "mail" implements these.
void validate(const Message&) { throw Error("email: not implemented yet"); }
std::string render(const Message&) { throw Error("email: not implemented yet"); }
std::string encode_header(const std::string&, const std::string& value) { return value; }
std::string quoted_printable(const std::string& text) { return text; }
std::string rfc5322_date(std::time_t, int) { return ""; }

}  // namespace upward::email
