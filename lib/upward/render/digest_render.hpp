#pragma once
// The digest as bytes: Markdown (the default), plain text wrapped at 72 columns, JSON (stable keys,
// documented in upward-digest(1)), vimgrep lines, a self-contained HTML page; and the email that
// carries the text and the HTML (email.hpp).
#include <string>

#include "upward/views/digest.hpp"

namespace upward {

/// Where a record's file is, for vimgrep: the repository folder as the user named it.
struct DigestRenderOptions {
  std::string repo_dir;   ///< vimgrep paths are repo_dir + "/" + the record's path
  std::string me_name;    ///< "Sam Rivera": the page title and the email's sign-off
};

std::string render_digest_md(const Digest& d, const DigestRenderOptions& opt);
/// Plain text: headings underlined, lists indented, every line wrapped at 72 columns.
std::string render_digest_text(const Digest& d, const DigestRenderOptions& opt);
std::string render_digest_json(const Digest& d);
/// `FILE:LINE:COL: text`, one line per record the digest names (wins, goals, actions, topics).
std::string render_digest_vimgrep(const Digest& d, const DigestRenderOptions& opt);
/// One self-contained HTML page: no external resource; an inline SVG bar chart of wins per week
/// of the period; goal progress bars; readable on a phone; print-friendly.
std::string render_digest_html(const Digest& d, const DigestRenderOptions& opt);

/// A page that shows `text` as it is (escaped, its line breaks kept): the HTML part of an email
/// whose plain text the user edited (`digest --edit`), so both parts say the same.
std::string render_text_html(const std::string& text, const std::string& title);

/// The subject: `subject` (else "Weekly update") then ": " and the period ("2026-11-23..2026-11-29").
std::string digest_subject(const std::string& subject, const dates::DateRange& period);

}  // namespace upward
