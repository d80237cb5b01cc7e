#pragma once
// An RFC 5322 message for `sendmail -t -i` (DESIGN §6): headers, then a multipart/alternative
// body: quoted-printable text/plain first, then the HTML. No line over 78 characters.
#include <ctime>
#include <string>
#include <vector>

namespace upward::email {

struct Message {
  std::string from_name, from;        ///< `[me]` name and email
  std::vector<std::string> to, cc;    ///< plain addresses
  std::string subject;                ///< any UTF-8: RFC 2047 encoded when not ASCII
  std::time_t date = 0;               ///< the Date header: this instant ...
  int utc_offset_minutes = 0;         ///< ... in this zone (`+0100`)
  std::string text, html;             ///< the two bodies (UTF-8)
};

/// Error (nothing returned) when a header value holds CR, LF or NUL, an address is not a plain
/// `local@domain` (no name, no brackets), or there is no sender or no recipient.
void validate(const Message& m);

/// The whole message, CRLF line ends, as `sendmail -t -i` reads it. Message-ID is made from the
/// date and a hash of the content and sender, so the same digest gives the same id. validate() first.
std::string render(const Message& m);

/// `=?UTF-8?Q?...?=` encoded-words for a header value that is not plain ASCII (folded to fit
/// 78 columns with the header name); the value itself when it is.
std::string encode_header(const std::string& name, const std::string& value);

/// Quoted-printable (RFC 2045) of UTF-8 text with LF or CRLF line ends: lines of at most 76
/// characters, soft breaks `=`, CRLF line ends.
std::string quoted_printable(const std::string& text);

/// `Fri, 27 Nov 2026 17:00:00 +0100`: English names, a numeric zone.
std::string rfc5322_date(std::time_t t, int utc_offset_minutes);

}  // namespace upward::email
