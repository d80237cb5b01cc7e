#include <catch2/catch.hpp>

#include "upward/base/error.hpp"
#include "upward/render/goals_render.hpp"
#include "upward/base/json.hpp"
#include "upward/model/person.hpp"
#include "upward/store/toml_edit.hpp"
#include "upward/model/toml_read.hpp"

using namespace upward;

TEST_CASE("toml_edit: append keeps every byte and adds a newline when the file lacks one") {
  std::string text = "# my goal\ntitle   =   'Checkout'   # spaced\n\n[[update]]\ndate = 2026-11-01 # first";
  std::string out = toml_edit::append(text, "\n[[update]]\ndate = 2026-11-23\n", "g.toml");
  CHECK(out == text + "\n\n[[update]]\ndate = 2026-11-23\n");
  CHECK(parse_toml(out, "g.toml")["update"].as_array()->size() == 2);
}

TEST_CASE("toml_edit: append refuses a file that does not parse, or a result that would not") {
  CHECK_THROWS_AS(toml_edit::append("title = \"open\n", "\n[[update]]\ndate = 2026-11-23\n", "g.toml"), Error);
  CHECK_THROWS_AS(toml_edit::append("update = 3\n", "\n[[update]]\ndate = 2026-11-23\n", "g.toml"), Error);
}

TEST_CASE("toml_edit: set a top-level string in place, keeping comments and layout") {
  std::string text = "schema = 1\nmanager   = \"old\"   # the boss\n\n[me]\nname = \"Ada\"\n";
  CHECK(toml_edit::set_top_level_string(text, "manager", "dana", "u.toml") ==
        "schema = 1\nmanager   = \"dana\"   # the boss\n\n[me]\nname = \"Ada\"\n");
}

TEST_CASE("toml_edit: a missing key goes after the last top-level key, before the tables") {
  std::string text = "# config\nschema = 1\nweek_start = \"monday\" # note\n# manager = \"x\"\n\n[me]\nname = \"Ada\"\n";
  CHECK(toml_edit::set_top_level_string(text, "manager", "dana", "u.toml") ==
        "# config\nschema = 1\nweek_start = \"monday\" # note\nmanager = \"dana\"\n# manager = \"x\"\n\n[me]\n"
        "name = \"Ada\"\n");
  CHECK(toml_edit::set_top_level_string("[me]\nname = \"A\"\n", "manager", "dana", "u.toml") ==
        "manager = \"dana\"\n[me]\nname = \"A\"\n");
  CHECK(toml_edit::set_top_level_string("schema = 1", "manager", "dana", "u.toml") ==
        "schema = 1\nmanager = \"dana\"\n");
  std::string multi = "tags = [\n  \"a\",\n]\n[me]\n";
  CHECK(toml_edit::set_top_level_string(multi, "manager", "d", "u.toml") == "tags = [\n  \"a\",\n]\nmanager = \"d\"\n[me]\n");
}

TEST_CASE("toml_edit: columns count code points, not bytes") {
  std::string text = "title = \"Café ☃\"\nmanager = \"é☃\" # ü\n";
  CHECK(toml_edit::set_top_level_string(text, "manager", "dana", "u.toml") ==
        "title = \"Café ☃\"\nmanager = \"dana\" # ü\n");
}

TEST_CASE("json: strings are escaped and objects assembled in order") {
  CHECK(json::quote("a\"b\\c\n\x01é") == "\"a\\\"b\\\\c\\n\\u0001é\"");
  CHECK(json::array({"x", "y"}) == "[\"x\", \"y\"]");
  CHECK(json::Object().str("a", "1").num("b", 2).boolean("c", false).raw("d", "null").done() ==
        "{\"a\": \"1\", \"b\": 2, \"c\": false, \"d\": null}");
}

TEST_CASE("render: progress bars in blocks and in ASCII") {
  CHECK(progress_bar(40, false) == "[####------]");
  CHECK(progress_bar(0, false) == "[----------]");
  CHECK(progress_bar(100, false) == "[##########]");
  CHECK(progress_bar(40, true) == "████░░░░░░");
  CHECK(progress_bar(45, true) == "████▌░░░░░");
  CHECK(progress_bar(100, true) == "██████████");
}

TEST_CASE("people: emails that could break a mail header are refused") {
  CHECK(valid_email("dana@example.com"));
  for (const char* bad : {"dana", "@example.com", "dana@", "a@b@c.com", "dana@example.com\nBcc: x@y.z",
                          "Dana <dana@example.com>", "a b@c.com", "dana@localhost"}) {
    INFO(bad);
    CHECK_FALSE(valid_email(bad));
  }
  Person p{"dana", "Dana", "manager", "dana@example.com", "brief", "weekly", {}, {}};
  CHECK_NOTHROW(validate_person(p));
  p.relationship = "boss";
  CHECK_THROWS_WITH(validate_person(p),
                    "--relationship: unknown value 'boss' (expected manager, skip-level, stakeholder, mentor, peer)");
  p.relationship = "manager";
  p.id = "Dana";
  CHECK_THROWS_AS(validate_person(p), UsageError);
}
