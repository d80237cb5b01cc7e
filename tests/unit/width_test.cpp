#include <catch2/catch.hpp>

#include "upward/base/text.hpp"
#include "upward/base/width.hpp"

using namespace upward;

TEST_CASE("width: ASCII and Latin letters take one column each") {
  CHECK(text::display_width("") == 0);
  CHECK(text::display_width("Ship search") == 11);
  CHECK(text::display_width("naïve café") == 10);
  CHECK(text::display_width("Ελληνικά кириллица") == 18);
}

TEST_CASE("width: CJK, fullwidth forms, Hangul and emoji take two columns") {
  CHECK(text::display_width("日本語") == 6);
  CHECK(text::display_width("ｆｕｌｌ") == 8);    // U+FF46...: fullwidth Latin
  CHECK(text::display_width("한국어") == 6);
  CHECK(text::display_width("かな") == 4);
  CHECK(text::display_width("🎉") == 2);
  CHECK(text::display_width("🚀 launch") == 9);
  CHECK(text::display_width("\xf0\xa0\x80\x80") == 2);  // U+20000, CJK Extension B
  CHECK(text::codepoint_width(0x3000) == 2);           // ideographic space (F)
  CHECK(text::codepoint_width(0x303F) == 1);           // half-fill space (N), between wide ranges
  CHECK(text::codepoint_width(0x2603) == 1);           // ☃ has text presentation
  CHECK(text::codepoint_width(0x1F600) == 2);
  CHECK(text::codepoint_width(0xFF61) == 1);           // halfwidth katakana punctuation
}

TEST_CASE("width: combining marks, joiners and controls take no column") {
  CHECK(text::display_width("e\xcc\x81") == 1);             // e + U+0301
  CHECK(text::display_width("\xe2\x80\x8b") == 0);          // zero width space
  CHECK(text::display_width("a\xe2\x80\x8d" "b") == 2);     // zero width joiner
  CHECK(text::display_width("\xe2\x80\xae") == 0);          // right-to-left override
  CHECK(text::codepoint_width(0x1B) == 0);
  CHECK(text::codepoint_width(0x85) == 0);
  CHECK(text::codepoint_width(0x115F) == 2);                // Hangul choseong filler
  CHECK(text::codepoint_width(0x1160) == 0);                // jungseong: joins the syllable
  CHECK(text::codepoint_width(0xFE0F) == 0);                // variation selector 16
}

TEST_CASE("width: a malformed byte counts as itself and never swallows the next character") {
  std::string s = "\xe6\x97" "A";  // a cut three-byte sequence, then A
  std::size_t i = 0;
  CHECK(text::next_codepoint(s, i) == 0xE6);
  CHECK(i == 1);
  CHECK(text::next_codepoint(s, i) == 0x97);
  CHECK(text::next_codepoint(s, i) == 'A');
  CHECK(i == 3);
  i = 0;
  CHECK(text::next_codepoint("\xc0\xaf", i) == 0xC0);  // overlong '/'
}

TEST_CASE("truncate: text that fits is kept whole") {
  CHECK(text::truncate("Ship search", 11) == "Ship search");
  CHECK(text::truncate("日本語", 6) == "日本語");
  CHECK(text::truncate("", 0) == "");
}

TEST_CASE("truncate: cut text ends with the ellipsis, within the columns") {
  CHECK(text::truncate("Ship the new search", 11) == "Ship the n…");
  CHECK(text::truncate("Ship the new search", 10, "...") == "Ship th...");
  CHECK(text::display_width(text::truncate("Ship the new search", 11)) == 11);
  CHECK(text::truncate("Ship the new search", 10) == "Ship the…");  // no space before the ellipsis
}

TEST_CASE("truncate: never cuts a wide character in half or a UTF-8 sequence apart") {
  // 日本語の検索 is 12 columns; 7 columns hold three wide characters and the ellipsis
  CHECK(text::truncate("日本語の検索", 7) == "日本語…");
  CHECK(text::truncate("日本語の検索", 6) == "日本…");   // 2 + 2 + 1 (the third would need 2)
  CHECK(text::truncate("🎉🎉🎉", 4) == "🎉…");
  CHECK(text::truncate("naïve café au lait", 8) == "naïve c…");
  for (std::size_t cols = 0; cols < 14; ++cols) {
    for (const char* s : {"日本語の検索を速く", "🚀 launch 🎉 party", "crème brûlée à la carte", "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81"}) {
      std::string t = text::truncate(s, cols);
      INFO(s << " at " << cols << ": " << t);
      CHECK(text::valid_utf8(t));
      CHECK(text::display_width(t) <= cols);
    }
  }
}

TEST_CASE("truncate: combining marks stay with the letter they belong to") {
  std::string s = "cafe\xcc\x81 au lait";  // café with a combining acute
  CHECK(text::truncate(s, 5) == "cafe\xcc\x81…");
  CHECK(text::truncate(s, 4) == "caf…");
}

TEST_CASE("truncate: too few columns for the ellipsis gives what fits") {
  CHECK(text::truncate("abcdef", 2, "...") == "");
  CHECK(text::truncate("abcdef", 1) == "…");
  CHECK(text::truncate("abcdef", 0) == "");
}

TEST_CASE("pad_right pads by display width") {
  CHECK(text::pad_right("ab", 4) == "ab  ");
  CHECK(text::pad_right("日本", 6) == "日本  ");
  CHECK(text::pad_right("日本語", 4) == "日本語");
  CHECK(text::pad_right("e\xcc\x81", 2) == "e\xcc\x81 ");
}
