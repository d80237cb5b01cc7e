#include "upward/render/email.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <string_view>

#include "upward/base/error.hpp"
#include "upward/base/text.hpp"
#include "upward/model/person.hpp"

namespace upward::email {

namespace {

constexpr std::size_t max_line = 78;   // RFC 5322 §2.1.1: SHOULD be no more than 78 characters
constexpr std::size_t max_word = 75;   // RFC 2047 §2: an encoded-word is at most 75 characters
constexpr std::size_t max_qp = 76;     // RFC 2045 §6.7: encoded lines at most 76 characters
constexpr const char* crlf = "\r\n";
constexpr const char* hex_digits = "0123456789ABCDEF";
constexpr const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/// FNV-1a, 64 bits: small, stable across platforms and runs, enough to name one message.
struct Fnv1a64 {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  void add(std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 0x100000001b3ULL;
    }
  }
  void add_field(std::string_view s) {  // with a separator, so ("ab","c") and ("a","bc") differ
    add(s);
    add(std::string_view("\0", 1));
  }
};

std::string hex16(std::uint64_t v) {
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<std::size_t>(i)] = "0123456789abcdef"[v & 0xF];
  return out;
}

std::string pct(unsigned char c) { return std::string{'=', hex_digits[c >> 4], hex_digits[c & 0xF]}; }

bool plain_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c < 0x20 || c > 0x7E) return false;
  return true;
}

/// Tokens laid out on header lines joined by one space, folded (CRLF SP) so that no line,
/// the first one with `Name: `, is longer than 78 characters.
std::string fold(const std::string& name, const std::vector<std::string>& tokens) {
  std::string out;
  std::size_t col = name.size() + 2;
  bool first = true;
  for (const auto& t : tokens) {
    if (first) {
      out += t;
      col += t.size();
      first = false;
    } else if (col + 1 + t.size() <= max_line) {
      out += ' ' + t;
      col += 1 + t.size();
    } else {
      out += std::string(crlf) + ' ' + t;
      col = 1 + t.size();
    }
  }
  return out;
}

/// The length of the UTF-8 sequence that starts with `c` (1 for a stray byte).
std::size_t utf8_len(unsigned char c) {
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

/// RFC 2047 Q encoded-words for `value`, each at most 75 characters, the first short enough to
/// follow `Name: `, never splitting a UTF-8 character. The "phrase" alphabet (§5 rule 3) is used
/// everywhere: letters, digits and `!*+-/` as they are, space as `_`, the rest `=XX`.
std::vector<std::string> encoded_words(const std::string& name, std::string_view value) {
  const std::string open = "=?UTF-8?Q?", close = "?=";
  std::vector<std::string> words;
  std::string cur;
  std::size_t budget = max_line - (name.size() + 2);
  if (budget > max_word) budget = max_word;
  for (std::size_t i = 0; i < value.size();) {
    std::size_t n = utf8_len(static_cast<unsigned char>(value[i]));
    if (i + n > value.size()) n = value.size() - i;
    std::string enc;
    for (std::size_t k = 0; k < n; ++k) {
      unsigned char c = static_cast<unsigned char>(value[i + k]);
      bool literal = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                     c == '!' || c == '*' || c == '+' || c == '-' || c == '/';
      enc += c == ' ' ? std::string("_") : literal ? std::string(1, static_cast<char>(c)) : pct(c);
    }
    if (!cur.empty() && open.size() + cur.size() + enc.size() + close.size() > budget) {
      words.push_back(open + cur + close);
      cur.clear();
      budget = max_word;  // later words start a continuation line: " " + word <= 76
    }
    cur += enc;
    i += n;
  }
  if (!cur.empty() || words.empty()) words.push_back(open + cur + close);
  return words;
}

/// Unstructured text (Subject) that can go out as it is: printable ASCII, single spaces, no
/// encoded-word look-alike, every word short enough to fold.
bool foldable_ascii(const std::string& name, std::string_view v) {
  if (!plain_ascii(v) || v.find("  ") != std::string_view::npos || v.find("=?") != std::string_view::npos) return false;
  if (!v.empty() && (v.front() == ' ' || v.back() == ' ')) return false;
  std::size_t word = 0;
  for (char c : v) {
    word = c == ' ' ? 0 : word + 1;
    if (word + name.size() + 2 > max_line) return false;
  }
  return true;
}

std::vector<std::string> words_of(std::string_view v) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : v) {
    if (c == ' ') {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

/// A display name as RFC 5322 phrase tokens: atoms as they are, a quoted string when it holds
/// specials, encoded-words when it is not ASCII.
std::vector<std::string> phrase_tokens(const std::string& header, const std::string& name) {
  if (!plain_ascii(name) || name.find("=?") != std::string::npos) return encoded_words(header, name);
  bool atoms = !name.empty() && name.front() != ' ' && name.back() != ' ' && name.find("  ") == std::string::npos;
  for (char c : name) {
    bool atext = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' ||
                 std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
    if (!atext) atoms = false;
  }
  auto words = words_of(name);  // a word too long for a folded line is encoded (and split) instead
  if (atoms && std::all_of(words.begin(), words.end(), [](const std::string& w) { return w.size() <= 70; })) return words;
  std::string q = "\"";
  for (char c : name) {
    if (c == '"' || c == '\\') q += '\\';
    q += c;
  }
  q += '"';
  if (q.size() + header.size() + 2 > max_line) return encoded_words(header, name);
  return {q};
}

void check_header(const char* header, const std::string& value) {
  if (value.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos)
    throw Error(std::string("refused header '") + header + "': it contains a line break or NUL character");
  if (!text::valid_utf8(value)) throw Error(std::string("refused header '") + header + "': it is not valid UTF-8");
}

void check_address(const char* header, const std::string& addr) {
  check_header(header, addr);
  if (!valid_email(addr))
    throw Error(std::string("refused header '") + header + "': '" + addr +
                "' is not a plain address like dana@example.com");
}

std::string address_list(const std::string& header, const std::vector<std::string>& addrs) {
  std::vector<std::string> tokens;
  for (std::size_t i = 0; i < addrs.size(); ++i) tokens.push_back(addrs[i] + (i + 1 < addrs.size() ? "," : ""));
  return fold(header, tokens);
}

/// `YYYYMMDDHHMMSS` of an instant, in UTC.
std::string stamp(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d%02d%02d%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

}  // namespace

void validate(const Message& m) {
  check_header("From", m.from_name);
  if (m.from.empty()) throw Error("no sender: set the email of [me] in upward.toml");
  check_address("From", m.from);
  for (const auto& a : m.to) check_address("To", a);
  for (const auto& a : m.cc) check_address("Cc", a);
  if (m.to.empty()) throw Error("no recipient: give --to, or an email to the person, or [digest] to");
  check_header("Subject", m.subject);
}

std::string encode_header(const std::string& name, const std::string& value) {
  if (foldable_ascii(name, value)) return fold(name, words_of(value));
  return fold(name, encoded_words(name, value));
}

std::string quoted_printable(const std::string& text) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    bool last = nl == std::string::npos;
    std::string_view line(text.data() + start, (last ? text.size() : nl) - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (last && line.empty()) break;  // text ending with a newline: nothing after it

    std::string cur;  // the physical line being built
    for (std::size_t i = 0; i < line.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(line[i]);
      bool at_end = i + 1 == line.size();
      std::string tok;
      if ((c == ' ' || c == '\t') && at_end) tok = pct(c);                   // trailing whitespace
      else if (c == '=' || c >= 0x7F || (c < 0x20 && c != '\t')) tok = pct(c);
      else tok = std::string(1, static_cast<char>(c));
      // keep what fits, leaving room for the soft break's '=' unless this is the line's end
      std::size_t room = at_end ? max_qp : max_qp - 1;
      if (cur.size() + tok.size() > room) {
        out += cur + "=" + crlf;
        cur.clear();
      }
      if (cur.empty()) {  // a physical line that starts with '.' or "From " (sendmail, mbox)
        if (c == '.') tok = pct(c);
        else if (c == 'F' && line.substr(i, 5) == "From ") tok = pct(c);
      }
      cur += tok;
    }
    out += cur + crlf;
    if (last) break;
    start = nl + 1;
  }
  return out;
}

std::string rfc5322_date(std::time_t t, int utc_offset_minutes) {
  std::time_t local = t + static_cast<std::time_t>(utc_offset_minutes) * 60;
  std::tm tm{};
  gmtime_r(&local, &tm);
  int off = utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d", days[tm.tm_wday], tm.tm_mday,
                months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec,
                utc_offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
  return buf;
}

std::string render(const Message& m) {
  validate(m);
  std::string date = rfc5322_date(m.date, m.utc_offset_minutes);

  Fnv1a64 h;
  h.add_field(m.from_name);
  h.add_field(m.from);
  for (const auto& a : m.to) h.add_field(a);
  h.add_field("cc");
  for (const auto& a : m.cc) h.add_field(a);
  h.add_field(m.subject);
  h.add_field(date);
  h.add_field(m.text);
  h.add_field(m.html);
  std::string hash = hex16(h.h);

  std::string text = quoted_printable(m.text), html = quoted_printable(m.html);
  // "=_" never occurs in quoted-printable output ('=' is always followed by hex or a line end);
  // the check below only guards against a change of encoder.
  std::string boundary = "=_upward_" + hash;
  while (text.find(boundary) != std::string::npos || html.find(boundary) != std::string::npos) boundary += "_";

  std::vector<std::string> from = m.from_name.empty() ? std::vector<std::string>{}
                                                      : phrase_tokens("From", m.from_name);
  from.push_back(m.from_name.empty() ? m.from : "<" + m.from + ">");

  std::string out;
  auto header = [&out](const std::string& name, const std::string& value) {
    out += name + ": " + value + crlf;
  };
  header("From", fold("From", from));
  header("To", address_list("To", m.to));
  if (!m.cc.empty()) header("Cc", address_list("Cc", m.cc));
  header("Subject", encode_header("Subject", m.subject));
  header("Date", date);
  header("Message-ID", "<" + stamp(m.date) + "." + hash + "@upward.invalid>");
  header("MIME-Version", "1.0");
  header("Auto-Submitted", "auto-generated");
  header("Content-Type", std::string("multipart/alternative;") + crlf + " boundary=\"" + boundary + "\"");
  out += crlf;
  out += std::string("This is a multi-part message in MIME format.") + crlf;
  auto part = [&](const char* type, const std::string& body) {
    out += crlf + std::string("--") + boundary + crlf;
    out += std::string("Content-Type: ") + type + "; charset=UTF-8" + crlf;
    out += std::string("Content-Transfer-Encoding: quoted-printable") + crlf + crlf;
    out += body;
  };
  part("text/plain", text);
  part("text/html", html);
  out += crlf + std::string("--") + boundary + "--" + crlf;
  return out;
}

}  // namespace upward::email
