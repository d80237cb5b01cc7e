// libFuzzer target: the email header encoder (email::encode_header, RFC 2047) and the whole
// message (email::render: From's display name, Subject, the quoted-printable bodies).
// The input is a subject, optionally followed by NUL, a sender's display name, NUL, a body.
//
// Properties: encode_header's output is printable ASCII folded with CRLF SP only, no line longer
// than 78 characters with `Subject: `, encoded-words of at most 75 characters in the phrase
// alphabet that never split a UTF-8 character, and it decodes back to the value; render() either
// refuses with upward's Error or gives CRLF lines of printable ASCII (no NUL, no bare CR or LF)
// of at most 78 characters whose text/plain part decodes back to the body.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "upward/base/error.hpp"
#include "upward/base/text.hpp"
#include "upward/render/email.hpp"

using namespace upward;

namespace {

[[noreturn]] void fail(const std::string& what, const std::string& out) {
  std::fprintf(stderr, "property violated: %s\noutput: %s\n", what.c_str(), out.c_str());
  std::abort();
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// The lines of `s`, which must end every line with CRLF (and hold no other CR or LF).
/// TAB is allowed where `tab` (quoted-printable text, RFC 2045 §6.7 rule 3).
std::vector<std::string> crlf_lines(const std::string& s, bool final_crlf, bool tab = false) {
  std::vector<std::string> lines;
  std::size_t at = 0;
  for (;;) {
    std::size_t cr = s.find("\r\n", at);
    if (cr == std::string::npos) {
      if (final_crlf && at != s.size()) fail("text after the last CRLF", s);
      if (!final_crlf) lines.push_back(s.substr(at));
      break;
    }
    lines.push_back(s.substr(at, cr - at));
    at = cr + 2;
    if (final_crlf && at == s.size()) break;
  }
  for (const auto& l : lines)
    for (unsigned char c : l)
      if ((c < 0x20 && !(tab && c == '\t')) || c > 0x7E) fail("a byte that is not printable ASCII (or a bare CR or LF)", s);
  return lines;
}

void check_header(const std::string& value) {
  const std::string name = "Subject";
  std::string out = email::encode_header(name, value);
  auto lines = crlf_lines(out, false);
  std::string unfolded;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::size_t width = lines[i].size() + (i == 0 ? name.size() + 2 : 0);
    if (width > 78) fail("a header line longer than 78 characters", out);
    if (i > 0) {
      if (lines[i].empty() || lines[i][0] != ' ') fail("a continuation line that does not start with a space", out);
      if (lines[i].find_first_not_of(' ') == std::string::npos) fail("a continuation line of only spaces", out);
    }
    unfolded += lines[i];
  }
  const std::string open = "=?UTF-8?Q?", close = "?=";
  if (unfolded.rfind(open, 0) != 0) {  // plain text: as it was
    if (unfolded != value) fail("plain header value changed", out);
    return;
  }
  std::string decoded;
  std::size_t at = 0;
  while (at <= unfolded.size()) {
    std::size_t sp = unfolded.find(' ', at);
    std::string word = unfolded.substr(at, sp == std::string::npos ? std::string::npos : sp - at);
    if (word.size() > 75) fail("an encoded-word longer than 75 characters", out);
    if (word.size() < open.size() + close.size() || word.rfind(open, 0) != 0 ||
        word.substr(word.size() - 2) != close)
      fail("a word that is not an encoded-word beside encoded-words: " + word, out);
    std::string body = word.substr(open.size(), word.size() - open.size() - close.size()), bytes;
    for (std::size_t i = 0; i < body.size(); ++i) {
      char c = body[i];
      if (c == '_') {
        bytes += ' ';
      } else if (c == '=') {
        if (i + 2 >= body.size()) fail("a truncated =XX", out);
        int hi = hex(body[i + 1]), lo = hex(body[i + 2]);
        if (hi < 0 || lo < 0) fail("a bad =XX", out);
        bytes += static_cast<char>(hi * 16 + lo);
        i += 2;
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '!' || c == '*' ||
                 c == '+' || c == '-' || c == '/') {
        bytes += c;
      } else {
        fail(std::string("a character outside RFC 2047's phrase alphabet: ") + c, out);
      }
    }
    if (text::valid_utf8(value) && !text::valid_utf8(bytes)) fail("an encoded-word splits a UTF-8 character", out);
    decoded += bytes;
    if (sp == std::string::npos) break;
    at = sp + 1;
  }
  if (decoded != value) fail("encoded-words do not decode to the value", out);
}

/// Quoted-printable decoded (soft breaks joined, CRLF as LF).
std::string qp_decode(const std::vector<std::string>& lines, const std::string& whole) {
  std::string out;
  for (const auto& l : lines) {
    if (l.size() > 76) fail("a quoted-printable line longer than 76 characters", whole);
    bool soft = !l.empty() && l.back() == '=';
    std::string_view body(l.data(), l.size() - (soft ? 1 : 0));
    for (std::size_t i = 0; i < body.size(); ++i) {
      if (body[i] == '=') {
        if (i + 2 >= body.size()) fail("a truncated =XX in quoted-printable", whole);
        int hi = hex(body[i + 1]), lo = hex(body[i + 2]);
        if (hi < 0 || lo < 0) fail("a bad =XX in quoted-printable", whole);
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
      } else {
        out += body[i];
      }
    }
    if ((body.empty() ? false : body.back() == ' ' || body.back() == '\t') && !soft)
      fail("a quoted-printable line ending in white space", whole);
    if (!soft) out += '\n';
  }
  return out;
}

/// The body as quoted_printable promises to carry it: each line without a CR before its LF, and
/// a final line without a newline given one.
std::string expected_body(const std::string& text) {
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t nl = text.find('\n', at);
    std::string line = text.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (nl == std::string::npos && line.empty()) break;
    out += line + '\n';
    if (nl == std::string::npos) break;
    at = nl + 1;
  }
  return out;
}

void check_body(const std::string& text) {
  std::string qp = email::quoted_printable(text);
  auto lines = crlf_lines(qp, true, true);
  if (qp_decode(lines, qp) != expected_body(text)) fail("quoted-printable does not decode to the text", qp);
  for (const auto& l : lines)
    if (!l.empty() && l[0] == '.') fail("a quoted-printable line starting with '.'", qp);
}

void check_message(const std::string& subject, const std::string& from_name, const std::string& body) {
  email::Message m;
  m.from_name = from_name;
  m.from = "ada@example.com";
  m.to = {"dana@example.com", "lee@example.org"};
  m.subject = subject;
  m.date = 1795791600;
  m.utc_offset_minutes = 60;
  m.text = body;
  m.html = "<p>" + body + "</p>";
  std::string out;
  try {
    out = email::render(m);
  } catch (const Error&) {
    return;  // refused (a line break, NUL or bad UTF-8 in a header)
  }
  auto lines = crlf_lines(out, true, true);
  bool in_headers = true;
  for (const auto& l : lines) {
    if (l.size() > 78) fail("a message line longer than 78 characters", out);
    if (l.empty()) in_headers = false;
    if (in_headers && l.find(':') == std::string::npos && (l.empty() || l[0] != ' '))
      fail("a header line that is neither a field nor a continuation", out);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> parts;
  std::size_t at = 0;
  while (parts.size() < 2) {
    std::size_t nul = input.find('\0', at);
    if (nul == std::string::npos) break;
    parts.push_back(input.substr(at, nul - at));
    at = nul + 1;
  }
  parts.push_back(input.substr(at));
  std::string subject = parts[0], from_name = parts.size() > 1 ? parts[1] : "Ada Lovelace",
              body = parts.size() > 2 ? parts[2] : "hello\n";
  check_header(subject);
  check_body(body);
  check_message(subject, from_name, body);
  return 0;
}
