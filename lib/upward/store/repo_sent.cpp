// The digests that were sent: sent/*.toml.
#include "upward/store/repo.hpp"

namespace upward {

// STUB: helper "data" implements these.
std::optional<SentDigest> Repo::last_sent(dates::Day, std::vector<Problem>&) const { return std::nullopt; }
WriteResult Repo::record_sent(const SentDigest&) { throw Error("record_sent: not implemented yet"); }

}  // namespace upward
