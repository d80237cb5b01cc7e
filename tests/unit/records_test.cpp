#include <catch2/catch.hpp>

#include "upward/model/config.hpp"
#include "upward/base/error.hpp"
#include "upward/model/records.hpp"

using namespace upward;

TEST_CASE("config: the template parses and reads back what init was given") {
  std::string text = config_template("Ada \"The Countess\" Lovelace", "ada@example.com", true);
  std::vector<Problem> problems;
  Config c = config_from_toml(parse_toml(text, "upward.toml"), "upward.toml", problems);
  CHECK(problems.empty());
  CHECK(c.schema == 1);
  CHECK(c.week_start == date::Monday);
  CHECK(c.me_name == "Ada \"The Countess\" Lovelace");
  CHECK(c.me_email == "ada@example.com");
  CHECK(c.autocommit);
  CHECK(c.manager.empty());
}

TEST_CASE("config: settings and their mistakes") {
  std::vector<Problem> problems;
  Config c = config_from_toml(
      parse_toml("schema = 1\nweek_start = \"Sunday\"\nmanager = \"dana\"\n[git]\nautocommit = false\n", "u.toml"),
      "u.toml", problems);
  CHECK(problems.empty());
  CHECK(c.week_start == date::Sunday);
  CHECK(c.manager == "dana");
  CHECK_FALSE(c.autocommit);

  problems.clear();
  config_from_toml(parse_toml("schema = 2\nweek_start = \"funday\"\nmanager = \"Dana\"\nme = 3\n", "u.toml"), "u.toml",
                   problems);
  REQUIRE(problems.size() == 4);
  CHECK(format_loc(problems[0].where) + problems[0].message ==
        "u.toml:1:10: schema 2 is not one this upward reads (it reads 1); upgrade upward");
  CHECK(problems[1].message == "unknown week_start 'funday' (expected monday ... sunday)");
  CHECK(problems[2].where.line == 3);
  CHECK(problems[3].message == "'me' must be a table ([me])");
}

TEST_CASE("parse_toml: syntax errors carry FILE:LINE:COL and a hint for unterminated strings") {
  try {
    parse_toml("date = 2026-11-23\ntitle = \"Shipped the thing\n", "wins/x.toml");
    FAIL("no error");
  } catch (const Error& e) {
    REQUIRE(e.where());
    CHECK(e.where()->line == 2);
    CHECK(e.located().rfind("wins/x.toml:2:", 0) == 0);
    CHECK(std::string(e.what()).find("(unterminated string?)") != std::string::npos);
  }
  CHECK_THROWS_WITH(parse_toml("d = 2024-02-30\n", "x.toml"), Catch::Contains("expected day between 1 and 29"));
}
