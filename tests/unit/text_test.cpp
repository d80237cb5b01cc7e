#include <catch2/catch.hpp>

#include "upward/base/text.hpp"
#include "upward/model/toml_read.hpp"

using namespace upward;

namespace {
std::string round_trip(const std::string& s) {
  auto table = parse_toml("v = " + text::toml_quote(s) + "\n", "t.toml");
  return table["v"].value<std::string>().value();
}
}  // namespace

TEST_CASE("text: toml_quote round-trips every hostile string through a TOML parser") {
  const std::string hostile[] = {
      "plain",
      "say \"hi\" and 'bye'",
      "back\\slash C:\\Users\\dana\\new",
      "has ''' triple\nline",
      "has \"\"\" triple\nline",
      "\nstarts with newline",
      "ends with newline\n",
      "tab\there",
      "cr\r\nlf",
      "bell\a esc\x1b del\x7f nul",
      std::string("with\0nul", 8),
      "emoji 🎉 naïve ☃ 日本語",
      "csi \xC2\x9B" "2J nel \xC2\x85 rlo \xE2\x80\xAEgnp.exe lri \xE2\x81\xA6x\xE2\x81\xA9 ‐‑ ’ ⁊",
      "$(touch x) `id` ; rm -rf /",
      "",
      "\"",
      "'",
  };
  for (const auto& s : hostile) {
    INFO("string: " << s);
    CHECK(round_trip(s) == s);
  }
}

TEST_CASE("text: toml_quote writes one line, escaping controls") {
  CHECK(text::toml_quote("a\nb") == "\"a\\nb\"");
  CHECK(text::toml_quote("x\x7fy") == "\"x\\u007Fy\"");
  // C1 controls and bidirectional overrides are escaped too: a terminal that prints them acts on nothing
  CHECK(text::toml_quote("a\xC2\x9B" "b\xE2\x80\xAE" "c\xE2\x81\xA9") == "\"a\\u009Bb\\u202Ec\\u2069\"");
  CHECK(text::toml_quote("\xC2\xA0\xE2\x80\x99") == "\"\xC2\xA0\xE2\x80\x99\"");  // no-break space, ’: kept
  CHECK(text::toml_quote("q\"b\\") == "\"q\\\"b\\\\\"");
  CHECK(text::toml_string_array({"a", "b c"}) == "[\"a\", \"b c\"]");
  CHECK(text::toml_string_array({}) == "[]");
}

TEST_CASE("text: valid_utf8 refuses every kind of malformed input") {
  CHECK(text::valid_utf8("plain ascii"));
  CHECK(text::valid_utf8("naïve ☃ 🎉"));
  CHECK_FALSE(text::valid_utf8("ok \xff\xfe bad"));
  CHECK_FALSE(text::valid_utf8("\xc3"));                  // truncated
  CHECK_FALSE(text::valid_utf8("\xc0\xaf"));              // overlong '/'
  CHECK_FALSE(text::valid_utf8("\xed\xa0\x80"));          // surrogate
  CHECK_FALSE(text::valid_utf8("\xf4\x90\x80\x80"));      // above U+10FFFF
  CHECK_FALSE(text::valid_utf8("\xe2\x82"));              // cut three-byte sequence
  CHECK(text::valid_utf8("\xf4\x8f\xbf\xbf"));            // U+10FFFF
}

TEST_CASE("text: ids are slugs and nothing that could be a path") {
  CHECK(text::is_slug("checkout-latency"));
  CHECK(text::is_slug("q4-2026"));
  CHECK(text::is_slug(std::string(64, 'a')));
  CHECK_FALSE(text::is_slug(std::string(65, 'a')));
  for (const char* bad : {"", "../x", "..", ".git", "a/b", "Dana", "-rf", "a b", "a_b", "é"}) {
    INFO(bad);
    CHECK_FALSE(text::is_slug(bad));
  }
}

TEST_CASE("text: slugify makes short ASCII file names from titles") {
  CHECK(text::slugify("Cut checkout p99 from 900 ms to 350 ms") == "cut-checkout-p99-from-900-ms-to-350-ms");
  CHECK(text::slugify("  Hello, World!  ") == "hello-world");
  CHECK(text::slugify("$(touch x)") == "touch-x");
  CHECK(text::slugify("日本語 🎉").empty());
  CHECK(text::slugify("../../etc/passwd") == "etc-passwd");
  std::string s = text::slugify("a very long title that goes on and on well past forty characters");
  CHECK(s.size() <= 40);
  CHECK(s.back() != '-');
  CHECK(s == "a-very-long-title-that-goes-on-and-on");
}

TEST_CASE("text: lines and trim") {
  CHECK(text::lines("a\r\nb\n\nc\n") == std::vector<std::string>{"a", "b", "", "c"});
  CHECK(text::lines("").empty());
  CHECK(text::trim("  x y \t\n") == "x y");
}

TEST_CASE("text: for_terminal shows controls, C1 and bidirectional overrides escaped") {
  CHECK(text::for_terminal("plain naïve 日本語 🎉") == "plain naïve 日本語 🎉");
  CHECK(text::for_terminal("red \x1b[31mALERT\x1b[0m") == "red \\x1b[31mALERT\\x1b[0m");
  CHECK(text::for_terminal("bell\a del\x7f cr\r nul" + std::string(1, '\0')) == "bell\\x07 del\\x7f cr\\x0d nul\\x00");
  CHECK(text::for_terminal("keeps\nlines\tand tabs") == "keeps\nlines\tand tabs");
  CHECK(text::for_terminal("c1 \xc2\x9b" "31m \xc2\x85") == "c1 \\u009b31m \\u0085");
  CHECK(text::for_terminal("abc\xe2\x80\xae" "fdp.exe") == "abc\\u202efdp.exe");
  CHECK(text::for_terminal("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad") == "\\u202a\\u202b\\u202c\\u202d");
  CHECK(text::for_terminal("\xe2\x81\xa6x\xe2\x81\xa9") == "\\u2066x\\u2069");
  CHECK(text::for_terminal("\xe2\x80\x8f") == "\xe2\x80\x8f");  // RIGHT-TO-LEFT MARK: no override, kept
  CHECK(text::for_terminal("bad \xff\xfe byte \x9b") == "bad \\xff\\xfe byte \\x9b");
}

TEST_CASE("text: slugs transliterate accented Latin letters") {
  CHECK(text::slugify("naïve café") == "naive-cafe");
  CHECK(text::slugify("Straße über Ærø") == "strasse-uber-aero");
  CHECK(text::slugify("Œuvre façade Łódź Ðá þorn") == "oeuvre-facade-lodz-da-thorn");
  CHECK(text::slugify("crème brûlée") == "creme-brulee");
  CHECK(text::slugify("cafe\xcc\x81 ok") == "cafe-ok");  // a combining accent is dropped, not a separator
  CHECK(text::slugify("5 × 3 ÷ 2") == "5-3-2");
  CHECK(text::slugify("日本語 launch 🎉") == "launch");
  CHECK(text::slugify("ÀÉÎÕÜ") == "aeiou");
}
