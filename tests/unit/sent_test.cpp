// Sent digests: the sent/ record's text and reading it back.
#include <catch2/catch.hpp>

#include "upward/base/error.hpp"
#include "upward/model/records.hpp"
#include "upward/model/sent.hpp"

using namespace upward;

namespace {
dates::Day day(const char* iso) { return *dates::parse_iso(iso); }

SentDigest example() {
  SentDigest s;
  s.date = day("2026-11-27");
  s.period = {day("2026-11-23"), day("2026-11-29")};
  s.to = {"dana.okafor@example.com"};
  s.subject = "Weekly update: 2026-11-23..2026-11-29";
  s.plans = {{"goal-due", "checkout-latency", "Checkout p99 under 400 ms (due 2026-11-30)", day("2026-11-30")},
             {"action", "send-rfc", "Send the RFC", std::nullopt}};
  return s;
}

SentDigest read_back(const std::string& text, std::vector<Problem>& problems) {
  return sent_from_toml(parse_toml(text, "sent/x.toml"), "x", "sent/x.toml", problems);
}

std::vector<std::string> problems_of(const std::string& text) {
  std::vector<Problem> problems;
  read_back(text, problems);
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(format_loc(p.where) + p.message);
  return out;
}
}  // namespace

TEST_CASE("sent: the record's text is the documented format") {
  CHECK(sent_to_toml(example()) ==
        "date = 2026-11-27\n"
        "period = { first = 2026-11-23, last = 2026-11-29 }\n"
        "to = [\"dana.okafor@example.com\"]\n"
        "cc = []\n"
        "subject = \"Weekly update: 2026-11-23..2026-11-29\"\n"
        "\n"
        "[[plan]]\n"
        "kind = \"goal-due\"\n"
        "ref = \"checkout-latency\"\n"
        "text = \"Checkout p99 under 400 ms (due 2026-11-30)\"\n"
        "due = 2026-11-30\n"
        "\n"
        "[[plan]]\n"
        "kind = \"action\"\n"
        "ref = \"send-rfc\"\n"
        "text = \"Send the RFC\"\n");
  CHECK(sent_stem(example()) == "2026-11-27-digest");
}

TEST_CASE("sent: a record reads back as it was written, hostile strings included") {
  SentDigest s = example();
  s.to = {"a@example.com", "\"Ünïcødé\" <b@example.com>"};
  s.cc = {"c@example.com"};
  s.subject = "Quotes \" and \\ backslashes, ''' and \"\"\", tabs\tand\nnewlines\r, NUL\x01 and ESC\x1b[31m, é ✓";
  s.plans[1].text = "[[plan]]\nkind = \"injected\"\n# not a comment";
  s.plans.push_back({"next-step", "g", std::string("bidi \u202e override and a NUL:") + '\0' + "end", std::nullopt});
  std::string text = sent_to_toml(s);
  std::vector<Problem> problems;
  SentDigest back = read_back(text, problems);
  CHECK(problems.empty());
  CHECK(back.id == "x");
  CHECK(back.date == s.date);
  CHECK(back.period == s.period);
  CHECK(back.to == s.to);
  CHECK(back.cc == s.cc);
  CHECK(back.subject == s.subject);
  CHECK(back.plans == s.plans);
}

TEST_CASE("sent: an empty record (no plans, no recipients) reads back") {
  SentDigest s = example();
  s.to.clear();
  s.plans.clear();
  s.subject.clear();
  std::vector<Problem> problems;
  SentDigest back = read_back(sent_to_toml(s), problems);
  CHECK(problems.empty());
  CHECK(back.plans.empty());
  CHECK(back.period == s.period);
}

TEST_CASE("sent: mistakes in a record are problems at their place") {
  CHECK(problems_of("period = { first = 2026-11-23, last = 2026-11-29 }\n") ==
        std::vector<std::string>{"sent/x.toml:1:1: missing required key 'date'"});
  CHECK(problems_of("date = 2026-11-27\n") ==
        std::vector<std::string>{"sent/x.toml:1:1: missing required key 'period'"});
  CHECK(problems_of("date = 2026-11-27\nperiod = { first = 2026-11-23 }\n") ==
        std::vector<std::string>{"sent/x.toml:2:10: 'period' must be a table { first = DATE, last = DATE }"});
  CHECK(problems_of("date = 2026-11-27\nperiod = { first = 2026-11-29, last = 2026-11-23 }\n") ==
        std::vector<std::string>{"sent/x.toml:2:10: 'period' ends before it starts (2026-11-29 > 2026-11-23)"});
  auto p = problems_of(
      "date = 2026-11-27\nperiod = { first = 2026-11-23, last = 2026-11-29 }\nto = \"dana@example.com\"\n"
      "[[plan]]\nkind = \"wish\"\nref = \"g\"\ntext = \"T\"\n"
      "[[plan]]\nkind = \"action\"\ntext = \"T\"\n"
      "[[plan]]\nkind = \"action\"\nref = \"a\"\ntext = \"T\"\ndue = \"soon\"\n");
  REQUIRE(p.size() == 4);
  CHECK(p[0].rfind("sent/x.toml:3:6: ", 0) == 0);
  CHECK(p[1] == "sent/x.toml:5:8: unknown kind 'wish' (expected goal-due, next-step, action)");
  CHECK(p[2].rfind("sent/x.toml:8:1: a [[plan]] needs a 'kind', a 'ref'", 0) == 0);
  CHECK(p[3] == "sent/x.toml:15:7: 'due' must be a date like 2026-11-23 (no quotes), not a string");
}
