#include <catch2/catch.hpp>

#include <map>

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

TEST_CASE("config: the template shows [digest], [sections] and [cycles] and has none set") {
  std::string text = config_template("Ada", "ada@example.com", true);
  CHECK(text.find("[digest]\n# to = ") != std::string::npos);
  CHECK(text.find("[sections]\n") != std::string::npos);
  CHECK(text.find("# h2-2026 = \"2026-07-01..2026-12-31\"\n") != std::string::npos);
  std::vector<Problem> problems;
  Config c = config_from_toml(parse_toml(text, "upward.toml"), "upward.toml", problems);
  CHECK(problems.empty());
  CHECK(c.digest.to.empty());
  CHECK(c.digest.sendmail == "/usr/sbin/sendmail -t -i");
  CHECK(c.sections.empty());
  CHECK(c.cycles.empty());
}

TEST_CASE("config: [digest], [sections] and [cycles] read back") {
  std::vector<Problem> problems;
  Config c = config_from_toml(parse_toml("schema = 1\n"
                                         "[digest]\nto = \"dana@example.com\"\ncc = \"lee@example.com, kim@example.com\"\n"
                                         "subject = \"Wöchentlich\"\nsendmail = \"/usr/bin/msmtp -t\"\n"
                                         "[sections]\nmentoring = \"collaboration\"\nrfc = \"design\"\n"
                                         "[cycles]\nh2-2026 = \"2026-07-01..2026-12-31\"\nfy = \"2026\"\n",
                                         "u.toml"),
                              "u.toml", problems);
  CHECK(problems.empty());
  CHECK(c.digest.to == "dana@example.com");
  CHECK(c.digest.cc == "lee@example.com, kim@example.com");
  CHECK(c.digest.subject == "Wöchentlich");
  CHECK(c.digest.sendmail == "/usr/bin/msmtp -t");
  CHECK(c.sections == std::map<std::string, std::string>{{"mentoring", "collaboration"}, {"rfc", "design"}});
  CHECK(c.cycles == std::map<std::string, std::string>{{"fy", "2026"}, {"h2-2026", "2026-07-01..2026-12-31"}});
  c = config_from_toml(parse_toml("schema = 1\n[digest]\nto = [\"a@example.com\", \"b@example.com\"]\ncc = []\n", "u.toml"),
                       "u.toml", problems);
  CHECK(problems.empty());
  CHECK(c.digest.to == "a@example.com, b@example.com");
  CHECK(c.digest.cc.empty());
}

TEST_CASE("config: mistakes in [digest], [sections] and [cycles] are problems at the value") {
  std::vector<Problem> problems;
  Config c = config_from_toml(parse_toml("schema = 1\n"
                                         "[digest]\nto = 3\nsendmail = \" \"\n"
                                         "[sections]\nperf = \"speed\"\nrfc = 3\nok = \"learning\"\n"
                                         "[cycles]\nH2 = \"2026-H2\"\nh1 = 2026\n",
                                         "u.toml"),
                              "u.toml", problems);
  std::vector<std::string> got;
  for (const auto& p : problems) got.push_back(format_loc(p.where) + p.message);
  REQUIRE(got.size() == 6);
  CHECK(got[0].rfind("u.toml:3:6: ", 0) == 0);
  CHECK(got[1] == "u.toml:4:12: 'sendmail' is empty (a command such as \"/usr/sbin/sendmail -t -i\")");
  CHECK(got[2] == "u.toml:6:8: unknown section 'speed' for tag 'perf' (expected projects, collaboration, design, "
                  "company, learning)");
  CHECK(got[3] == "u.toml:7:7: [sections] 'rfc' must be a string: a section (projects, collaboration, design, "
                  "company, learning)");
  CHECK(got[4] == "u.toml:10:6: the cycle name 'H2' is not an id: use lowercase letters, digits and '-' (h2-2026)");
  CHECK(got[5] == "u.toml:11:6: [cycles] 'h1' must be a string: a period such as \"2026-07-01..2026-12-31\"");
  CHECK(c.sections == std::map<std::string, std::string>{{"ok", "learning"}});
  CHECK(c.cycles.empty());
  CHECK(c.digest.sendmail == "/usr/sbin/sendmail -t -i");
}

TEST_CASE("win: 'section' names a brag section") {
  std::vector<Problem> problems;
  Win w = win_from_toml(parse_toml("date = 2026-11-23\ntitle = \"T\"\nsection = \"design\"\n", "w.toml"), "w.toml",
                        problems);
  CHECK(problems.empty());
  CHECK(w.section == "design");
  w = win_from_toml(parse_toml("date = 2026-11-23\ntitle = \"T\"\nsection = \"Design\"\n", "w.toml"), "w.toml",
                    problems);
  REQUIRE(problems.size() == 1);
  CHECK(format_loc(problems[0].where) + problems[0].message ==
        "w.toml:3:11: unknown section 'Design' (expected projects, collaboration, design, company, learning)");
  CHECK(w.section.empty());
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
