#include "upward/render/digest_render.hpp"

namespace upward {

// STUB: helper "mail" implements this.
std::string render_digest_html(const Digest&, const DigestRenderOptions&) {
  return "<!DOCTYPE html>\n<html><body>not implemented yet</body></html>\n";
}

}  // namespace upward
