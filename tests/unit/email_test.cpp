#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "upward/base/error.hpp"
#include "upward/render/email.hpp"

using namespace upward;

namespace {

std::vector<std::string> split_crlf(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t p; (p = s.find("\r\n", start)) != std::string::npos; start = p + 2) out.push_back(s.substr(start, p - start));
  if (start < s.size()) out.push_back(s.substr(start));
  return out;
}

int hexval(char c) { return c <= '9' ? c - '0' : c - 'A' + 10; }

/// A strict quoted-printable decoder (RFC 2045 §6.7): soft breaks removed, =XX upper-case hex.
std::string qp_decode(const std::string& s) {
  std::string out;
  for (const auto& line : split_crlf(s)) {
    bool soft = !line.empty() && line.back() == '=';
    std::string l = soft ? line.substr(0, line.size() - 1) : line;
    for (std::size_t i = 0; i < l.size(); ++i) {
      if (l[i] == '=') {
        REQUIRE(i + 2 < l.size());
        out += static_cast<char>(hexval(l[i + 1]) * 16 + hexval(l[i + 2]));
        i += 2;
      } else {
        out += l[i];
      }
    }
    if (!soft) out += '\n';
  }
  return out;
}

/// The text of RFC 2047 Q encoded-words separated by folding whitespace.
std::string q_decode(const std::string& folded) {
  std::string out, s;
  for (const auto& line : split_crlf(folded)) s += line;  // unfold
  std::size_t pos = 0;
  while ((pos = s.find("=?UTF-8?Q?", pos)) != std::string::npos) {
    auto end = s.find("?=", pos + 10);
    REQUIRE(end != std::string::npos);
    std::string w = s.substr(pos + 10, end - pos - 10);
    for (std::size_t i = 0; i < w.size(); ++i) {
      if (w[i] == '_') out += ' ';
      else if (w[i] == '=') { out += static_cast<char>(hexval(w[i + 1]) * 16 + hexval(w[i + 2])); i += 2; }
      else out += w[i];
    }
    pos = end + 2;
  }
  return out;
}

/// True when `s` ends with a complete UTF-8 sequence (none cut off).
bool whole_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (i + n > s.size()) return false;
    i += n;
  }
  return true;
}

std::size_t longest_line(const std::string& s) {
  std::size_t n = 0;
  for (const auto& l : split_crlf(s)) n = std::max(n, l.size());
  return n;
}

email::Message sample() {
  email::Message m;
  m.from_name = "Sam Rivera";
  m.from = "sam@example.com";
  m.to = {"dana.okafor@example.com"};
  m.subject = "Weekly update: 2026-11-23..2026-11-29";
  m.date = 1795780800;  // 2026-11-27 12:00:00 UTC
  m.utc_offset_minutes = 60;
  m.text = "Weekly update\n\n- Cut checkout p99\n";
  m.html = "<!DOCTYPE html>\n<p>Cut checkout p99</p>\n";
  return m;
}

}  // namespace

TEST_CASE("email: quoted-printable encodes '=', non-ASCII and trailing whitespace and round-trips") {
  std::string text = "a=b caf\xC3\xA9 \xE2\x80\x94 end \nTab\t\n.dot line\nFrom here\nplain";
  auto qp = email::quoted_printable(text);
  CHECK(qp.find("a=3Db caf=C3=A9 =E2=80=94 end=20\r\n") == 0);
  CHECK(qp.find("Tab=09\r\n") != std::string::npos);
  CHECK(qp.find("\r\n=2Edot line\r\n") != std::string::npos);
  CHECK(qp.find("\r\n=46rom here\r\n") != std::string::npos);
  CHECK(qp_decode(qp) == text + "\n");
  CHECK(email::quoted_printable("x\r\ny\r\n") == "x\r\ny\r\n");
}

TEST_CASE("email: quoted-printable breaks long lines softly at 76 without splitting =XX") {
  for (std::size_t n = 60; n < 200; n += 7) {
    for (std::string unit : {std::string("a"), std::string("\xC3\xA9"), std::string("\xF0\x9F\x8E\x89"), std::string("= ")}) {
      std::string text;
      while (text.size() < n) text += unit;
      auto qp = email::quoted_printable(text + "\n");
      for (const auto& line : split_crlf(qp)) {
        CHECK(line.size() <= 76);
        auto eq = line.rfind('=');
        if (eq != std::string::npos && eq + 1 != line.size()) CHECK(eq + 2 < line.size());  // a whole =XX
      }
      CHECK(qp_decode(qp) == text + "\n");
    }
  }
}

TEST_CASE("email: RFC 5322 dates have English names and a numeric zone") {
  std::time_t t = 1795780800;  // Fri 2026-11-27 12:00:00 UTC
  CHECK(email::rfc5322_date(t, 0) == "Fri, 27 Nov 2026 12:00:00 +0000");
  CHECK(email::rfc5322_date(t, 60) == "Fri, 27 Nov 2026 13:00:00 +0100");
  CHECK(email::rfc5322_date(t, -300) == "Fri, 27 Nov 2026 07:00:00 -0500");
  CHECK(email::rfc5322_date(t, 330) == "Fri, 27 Nov 2026 17:30:00 +0530");
  CHECK(email::rfc5322_date(t, -570) == "Fri, 27 Nov 2026 02:30:00 -0930");
  CHECK(email::rfc5322_date(t + 12 * 3600, 60) == "Sat, 28 Nov 2026 01:00:00 +0100");
  CHECK(email::rfc5322_date(1798761599, -30) == "Thu, 31 Dec 2026 23:29:59 -0030");
}

TEST_CASE("email: RFC 2047 encodes a non-ASCII name and a Japanese subject in short words") {
  auto name = email::encode_header("From", "Dana Okafor-\xC3\x98""deg\xC3\xA5rd");
  CHECK(name == "=?UTF-8?Q?Dana_Okafor-=C3=98deg=C3=A5rd?=");
  std::string jp = "\xE9\x80\xB1\xE5\xA0\xB1: \xE3\x83\x81\xE3\x82\xA7\xE3\x83\x83\xE3\x82\xAF\xE3\x82\xA2\xE3\x82\xA6"
                   "\xE3\x83\x88\xE3\x81\xAE\xE9\x81\x85\xE5\xBB\xB6\xE3\x82\x92\xE5\x8D\x8A\xE5\x88\x86\xE3\x81\xAB"
                   "\xE3\x81\x97\xE3\x81\x9F 2026-11-23..2026-11-29";
  auto subject = email::encode_header("Subject", jp);
  CHECK(q_decode(subject) == jp);
  CHECK(longest_line("Subject: " + subject) <= 78);
  auto lines = split_crlf(subject);
  CHECK(lines.size() > 1);
  for (std::size_t i = 1; i < lines.size(); ++i) CHECK(lines[i][0] == ' ');
  for (const auto& l : lines) {  // each encoded-word at most 75 characters and whole characters
    auto w = l.substr(l.find("=?"));
    CHECK(w.size() <= 75);
    CHECK(w.substr(w.size() - 2) == "?=");
  }
  for (const auto& l : lines) CHECK(whole_utf8(q_decode(l)));  // no character split between words
}

TEST_CASE("email: an ASCII subject stays readable and is folded at spaces") {
  CHECK(email::encode_header("Subject", "Weekly update: 2026-11-23..2026-11-29") == "Weekly update: 2026-11-23..2026-11-29");
  std::string longer;
  for (int i = 0; i < 20; ++i) longer += (i ? " " : "") + std::string("word") + std::to_string(i);
  auto folded = email::encode_header("Subject", longer);
  CHECK(longest_line("Subject: " + folded) <= 78);
  std::string unfolded;
  for (const auto& l : split_crlf(folded)) unfolded += l;
  CHECK(unfolded == longer);
  CHECK(email::encode_header("Subject", "looks =?like?= a word").rfind("=?UTF-8?Q?", 0) == 0);
}

TEST_CASE("email: a header value with CR, LF or NUL is refused, naming the header") {
  auto m = sample();
  m.subject = "Weekly\r\nBcc: attacker@evil.example";
  CHECK_THROWS_WITH(email::validate(m), Catch::Contains("'Subject'"));
  CHECK_THROWS_AS(email::render(m), Error);
  m = sample();
  m.subject = std::string("nul\0byte", 8);
  CHECK_THROWS_WITH(email::validate(m), Catch::Contains("'Subject'"));
  m = sample();
  m.from_name = "Sam\nBcc: x@y.z";
  CHECK_THROWS_WITH(email::validate(m), Catch::Contains("'From'"));
  m = sample();
  m.to = {"dana@example.com\nBcc: x@y.z"};
  CHECK_THROWS_WITH(email::validate(m), Catch::Contains("'To'"));
  m = sample();
  m.cc = {"Dana <dana@example.com>"};
  CHECK_THROWS_WITH(email::validate(m), Catch::Contains("'Cc'") && Catch::Contains("not a plain address"));
  m = sample();
  m.to.clear();
  CHECK_THROWS_WITH(email::validate(m), Catch::StartsWith("no recipient"));
  m = sample();
  m.from.clear();
  CHECK_THROWS_WITH(email::validate(m), Catch::StartsWith("no sender"));
  CHECK_NOTHROW(email::validate(sample()));
}

TEST_CASE("email: the message has every header, two quoted-printable parts and CRLF lines") {
  auto m = sample();
  m.cc = {"lee@example.com", "kim@example.com"};
  auto raw = email::render(m);
  CHECK(raw.rfind("From: Sam Rivera <sam@example.com>\r\nTo: dana.okafor@example.com\r\n"
                  "Cc: lee@example.com, kim@example.com\r\nSubject: Weekly update: 2026-11-23..2026-11-29\r\n"
                  "Date: Fri, 27 Nov 2026 13:00:00 +0100\r\nMessage-ID: <20261127120000.", 0) == 0);
  CHECK(raw.find("@upward.invalid>\r\nMIME-Version: 1.0\r\nAuto-Submitted: auto-generated\r\n"
                 "Content-Type: multipart/alternative;\r\n boundary=\"=_upward_") != std::string::npos);
  auto plain = raw.find("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n");
  auto html = raw.find("Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n");
  CHECK(plain != std::string::npos);
  CHECK(html > plain);
  CHECK(raw.substr(raw.size() - 4) == "--\r\n");
  for (std::size_t i = 0; i < raw.size(); ++i)
    if (raw[i] == '\n') CHECK(raw[i - 1] == '\r');
  m.cc.clear();
  CHECK(email::render(m).find("\r\nCc:") == std::string::npos);
}

TEST_CASE("email: quoted names and encoded names in From") {
  auto m = sample();
  m.from_name = "Rivera, Sam (Eng)";
  CHECK(email::render(m).rfind("From: \"Rivera, Sam (Eng)\" <sam@example.com>\r\n", 0) == 0);
  m.from_name = "Sam \"the\" R\\";
  CHECK(email::render(m).rfind("From: \"Sam \\\"the\\\" R\\\\\" <sam@example.com>\r\n", 0) == 0);
  m.from_name = "Dana Okafor-\xC3\x98""deg\xC3\xA5rd";
  CHECK(email::render(m).rfind("From: =?UTF-8?Q?Dana_Okafor-=C3=98deg=C3=A5rd?= <sam@example.com>\r\n", 0) == 0);
  m.from_name.clear();
  CHECK(email::render(m).rfind("From: sam@example.com\r\n", 0) == 0);
}

TEST_CASE("email: the Message-ID is deterministic and changes with the content") {
  auto a = email::render(sample());
  CHECK(a == email::render(sample()));
  auto id = [](const std::string& raw) {
    auto p = raw.find("Message-ID: ");
    return raw.substr(p, raw.find("\r\n", p) - p);
  };
  CHECK(id(a).size() == std::string("Message-ID: <20261127120000.0123456789abcdef@upward.invalid>").size());
  auto m = sample();
  m.text += "one more line\n";
  CHECK(id(email::render(m)) != id(a));
  m = sample();
  m.to.push_back("lee@example.com");
  CHECK(id(email::render(m)) != id(a));
}

TEST_CASE("email: no line over 78 characters, whatever the digest holds") {
  auto m = sample();
  m.from_name = "Dana Okafor-\xC3\x98""deg\xC3\xA5rd \xE5\xB1\xB1\xE7\x94\xB0\xE5\xA4\xAA\xE9\x83\x8E with a very long display name indeed";
  m.subject = "\xF0\x9F\x8E\x89 Weekly update \xE2\x80\x94 " + std::string(120, 'x') + " \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E";
  m.to = {"a@example.com", "b@example.com", "c@example.com", "d@example.com", "e@example.com", "f@example.com",
          "g@example.com"};
  std::string body;
  body += std::string(300, 'w') + "\n";
  for (int i = 0; i < 40; ++i) body += "\xE6\xBC\xA2\xE5\xAD\x97";
  body += "\n";
  for (int i = 0; i < 40; ++i) body += "\xF0\x9F\x9A\x80 ";
  body += "\n    \n\t\n";
  m.text = body;
  m.html = "<p>" + body + "</p>";
  auto raw = email::render(m);
  CHECK(longest_line(raw) <= 78);
  auto subject = raw.substr(raw.find("Subject: ") + 9);
  subject = subject.substr(0, subject.find("\r\nDate:"));
  CHECK(q_decode(subject) == m.subject);
}
