#include "upward/render/digest_render.hpp"

namespace upward {

// STUB: helper "render" implements these.
std::string render_digest_md(const Digest&, const DigestRenderOptions&) { return "# Digest (not implemented yet)\n"; }
std::string render_digest_text(const Digest&, const DigestRenderOptions&) { return "Digest (not implemented yet)\n"; }
std::string render_digest_json(const Digest&) { return "{}\n"; }
std::string render_digest_vimgrep(const Digest&, const DigestRenderOptions&) { return ""; }
std::string digest_subject(const std::string& subject, const dates::DateRange& period) {
  return (subject.empty() ? std::string("Weekly update") : subject) + ": " + dates::format_range(period);
}

}  // namespace upward
