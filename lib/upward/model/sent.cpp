#include "upward/model/sent.hpp"

#include "upward/base/error.hpp"

namespace upward {

// STUB: helper "data" implements these.
std::string sent_to_toml(const SentDigest&) { throw Error("sent_to_toml: not implemented yet"); }
std::string sent_stem(const SentDigest& sent) { return dates::format_day(sent.date) + "-digest"; }

}  // namespace upward
