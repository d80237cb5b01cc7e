#include <catch2/catch.hpp>

#include "upward/base/error.hpp"
#include "upward/render/goals_render.hpp"
#include "upward/base/json.hpp"
#include "upward/model/config.hpp"
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
  std::string text = "# config\nschema = 1\nweek_start = \"monday\" # note\n# other = \"x\"\n\n[me]\nname = \"Ada\"\n";
  CHECK(toml_edit::set_top_level_string(text, "manager", "dana", "u.toml") ==
        "# config\nschema = 1\nweek_start = \"monday\" # note\nmanager = \"dana\"\n# other = \"x\"\n\n[me]\n"
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

TEST_CASE("toml_edit: the commented example of a key becomes the key's line") {
  std::string text = "schema = 1\n# the boss\n#  manager = \"dana\"  # example\nweek_start = \"monday\"\n[me]\n"
                     "# manager = \"not this one\"\n";
  CHECK(toml_edit::set_top_level_string(text, "manager", "lee", "u.toml") ==
        "schema = 1\n# the boss\nmanager = \"lee\"\nweek_start = \"monday\"\n[me]\n# manager = \"not this one\"\n");
  // only an example of the same key, and only above the first table
  std::string other = "schema = 1\n# managers = 2\n[me]\n# manager = \"x\"\n";
  CHECK(toml_edit::set_top_level_string(other, "manager", "lee", "u.toml") ==
        "schema = 1\nmanager = \"lee\"\n# managers = 2\n[me]\n# manager = \"x\"\n");
}

TEST_CASE("toml_edit: a line inside a multi-line string or array is no commented example") {
  // found by tests/reliability/test_in_place_editors.py: the line was replaced, and the key never set
  std::string in_string = "pasted = '''\n# manager = \"x\"\n'''\nschema = 1\n[me]\n";
  CHECK(toml_edit::set_top_level_string(in_string, "manager", "lee", "u.toml") ==
        "pasted = '''\n# manager = \"x\"\n'''\nschema = 1\nmanager = \"lee\"\n[me]\n");
  std::string in_array = "numbers = [\r\n  ## manager = ''\r\n  42,\r\n]\r\nschema = 1\r\n";
  CHECK(toml_edit::set_top_level_string(in_array, "manager", "lee", "u.toml") ==
        "numbers = [\r\n  ## manager = ''\r\n  42,\r\n]\r\nschema = 1\r\nmanager = \"lee\"\r\n");
  // an example after the value still counts
  std::string after = "numbers = [\n  # manager = 1\n]\n# manager = \"dana\"\nschema = 1\n";
  CHECK(toml_edit::set_top_level_string(after, "manager", "lee", "u.toml") ==
        "numbers = [\n  # manager = 1\n]\nmanager = \"lee\"\nschema = 1\n");
}

TEST_CASE("toml_edit: a line of a multi-line string that looks like the example stays in the string") {
  // found while writing tests/fuzz/toml_edit_fuzz: the line was replaced, no key was set, the edit refused
  std::string text = "notes = \"\"\"\n# manager = \"x\"\n\"\"\"\n[me]\n";
  std::string out = toml_edit::set_top_level_string(text, "manager", "lee", "u.toml");
  CHECK(out == "notes = \"\"\"\n# manager = \"x\"\n\"\"\"\nmanager = \"lee\"\n[me]\n");
  CHECK(parse_toml(out, "u.toml")["notes"].value_or(std::string()) == "# manager = \"x\"\n");
}

TEST_CASE("toml_edit: the upward.toml template takes its manager in place of the example") {
  std::string text = config_template("Ada Tester", "ada@example.com", true);
  std::string out = toml_edit::set_top_level_string(text, "manager", "dana", "upward.toml");
  // only the example line became the real one: every other byte of the template stays
  const std::string example = "# manager = \"dana\"\n";
  std::string expected = text;
  expected.replace(expected.find(example), example.size(), "manager = \"dana\"\n");
  CHECK(out == expected);
  // and a second change replaces the value in place
  CHECK(toml_edit::set_top_level_string(out, "manager", "lee", "upward.toml") ==
        std::string(out).replace(out.find("\"dana\""), 6, "\"lee\""));
}

TEST_CASE("toml_edit: a CRLF file gets CRLF lines") {
  std::string text = "title = \"Checkout\"\r\n\r\n[[update]]\r\ndate = 2026-11-01\r\n";
  CHECK(toml_edit::append(text, "\n[[update]]\ndate = 2026-11-23\n", "g.toml") ==
        text + "\r\n[[update]]\r\ndate = 2026-11-23\r\n");
  std::string no_end = "title = \"Checkout\"\r\nowner = \"me\"";
  CHECK(toml_edit::append(no_end, "\n[[update]]\n", "g.toml") == no_end + "\r\n\r\n[[update]]\r\n");
  CHECK(toml_edit::set_top_level_string("schema = 1\r\n\r\n[me]\r\n", "manager", "dana", "u.toml") ==
        "schema = 1\r\nmanager = \"dana\"\r\n\r\n[me]\r\n");
  CHECK(toml_edit::set_top_level_string("schema = 1\r\n# manager = \"x\"\r\n[me]\r\n", "manager", "dana", "u.toml") ==
        "schema = 1\r\nmanager = \"dana\"\r\n[me]\r\n");
  // the first line decides: a file that starts LF stays LF
  CHECK(toml_edit::append("a = 1\nc = 3\r\n", "b = 2\n", "g.toml") == "a = 1\nc = 3\r\nb = 2\n");
}

TEST_CASE("toml_edit: a byte-order mark stays first and locations stay right") {
  const std::string bom = "\xEF\xBB\xBF";
  // replaced in place on the first line: the mark is not counted as a column
  CHECK(toml_edit::set_top_level_string(bom + "manager = \"old\" # boss\n[me]\n", "manager", "dana", "u.toml") ==
        bom + "manager = \"dana\" # boss\n[me]\n");
  // inserted before a table on the first line, or in place of a first-line example
  CHECK(toml_edit::set_top_level_string(bom + "[me]\nname = \"A\"\n", "manager", "dana", "u.toml") ==
        bom + "manager = \"dana\"\n[me]\nname = \"A\"\n");
  CHECK(toml_edit::set_top_level_string(bom + "# manager = \"x\"\n[me]\n", "manager", "dana", "u.toml") ==
        bom + "manager = \"dana\"\n[me]\n");
  CHECK(toml_edit::set_top_level_string(bom, "manager", "dana", "u.toml") == bom + "manager = \"dana\"\n");
  CHECK(toml_edit::append(bom + "title = \"x\"\n", "[[update]]\n", "g.toml") == bom + "title = \"x\"\n[[update]]\n");
  CHECK(toml_edit::append(bom, "title = \"x\"\n", "g.toml") == bom + "title = \"x\"\n");
  // an error on the first line points where an editor shows it
  try {
    parse_toml(bom + "title = = 1\n", "g.toml");
    FAIL("parsed");
  } catch (const Error& e) {
    CHECK(std::string(e.located()).rfind("g.toml:1:9:", 0) == 0);
  }
  auto table = parse_toml(bom + "title = \"x\"\n", "g.toml");
  CHECK(table["title"].node()->source().begin.column == 9);
}

TEST_CASE("toml_edit: set_top_level replaces a value's text or adds a line after the last top-level key") {
  std::string win = "date = 2026-11-20\ntitle = \"Cut p99\"   # short\nfollow_up = 2027-01-01\n";
  std::string out = toml_edit::set_top_level(win, "outcome", "\"Held at 350 ms\"", "w.toml");
  CHECK(out == win + "outcome = \"Held at 350 ms\"\n");
  out = toml_edit::set_top_level(out, "outcome_date", "2027-01-05", "w.toml");
  CHECK(out == win + "outcome = \"Held at 350 ms\"\noutcome_date = 2027-01-05\n");
  CHECK(toml_edit::set_top_level(out, "outcome_date", "2027-01-06", "w.toml") ==
        win + "outcome = \"Held at 350 ms\"\noutcome_date = 2027-01-06\n");
  CHECK(toml_edit::set_top_level("title = 'x'\noutcome =   'old'  # by hand\n", "outcome", "\"new\"", "w.toml") ==
        "title = 'x'\noutcome =   \"new\"  # by hand\n");
  // no commented example is taken: that is set_top_level_string's job for upward.toml
  CHECK(toml_edit::set_top_level("a = 1\n# outcome = \"x\"\n", "outcome", "\"y\"", "w.toml") ==
        "a = 1\noutcome = \"y\"\n# outcome = \"x\"\n");
  // before the first table, CRLF and BOM kept
  const std::string bom = "\xEF\xBB\xBF";
  CHECK(toml_edit::set_top_level(bom + "a = 1\r\n\r\n[[m]]\r\nn = 2\r\n", "b", "2026-11-01", "w.toml") ==
        bom + "a = 1\r\nb = 2026-11-01\r\n\r\n[[m]]\r\nn = 2\r\n");
  CHECK(toml_edit::set_top_level("a = 1", "b", "true", "w.toml") == "a = 1\nb = true\n");
}

TEST_CASE("toml_edit: set_top_level refuses a table, a bad file or a bad value") {
  CHECK_THROWS_WITH(toml_edit::set_top_level("[outcome]\nx = 1\n", "outcome", "\"y\"", "w.toml"),
                    "cannot set 'outcome' in place: it is a table here");
  CHECK_THROWS_AS(toml_edit::set_top_level("a = \n", "b", "1", "w.toml"), Error);
  CHECK_THROWS_AS(toml_edit::set_top_level("a = 1\n", "b", "\"open", "w.toml"), Error);
  CHECK_THROWS_AS(toml_edit::set_top_level("a = 1\n", "b c", "1", "w.toml"), Error);
}

namespace {
const std::string record =
    "# 1:1 with Dana\n"
    "date = 2026-11-16\n"
    "topics = [\n  \"2026-11-12-vendor\",  # covered\n]\n"
    "\n"
    "[[action]]\n"
    "id = \"send-plan\"\n"
    "owner=\"me\"   # mine\n"
    "text = \"Send the plan\"\n"
    "due = 2026-11-20\n"
    "  # a note about this action\n"
    "\n"
    "# the next one: Dana's\n"
    "[[action]]\n"
    "id = \"intro\"\n"
    "owner = \"dana\"\n"
    "text = '''Intro to\n[not a header]\nthe vendor'''\n"
    "done=2026-11-01   # x\n"
    "\n"
    "[[action]]\n"
    "\n"
    "# only a comment\n"
    "[extra]\n"
    "k = 1\n";

/// `before` with the text `from` (once) replaced by `to`.
std::string with(const std::string& before, const std::string& from, const std::string& to) {
  auto at = before.find(from);
  REQUIRE(at != std::string::npos);
  return before.substr(0, at) + to + before.substr(at + from.size());
}
}  // namespace

TEST_CASE("toml_edit: set_in_array_table replaces exactly the value's text") {
  CHECK(toml_edit::set_in_array_table(record, "action", 1, "done", "2026-11-19", "r.toml") ==
        with(record, "done=2026-11-01   # x", "done=2026-11-19   # x"));
  CHECK(toml_edit::set_in_array_table(record, "action", 0, "owner", "\"dana\"", "r.toml") ==
        with(record, "owner=\"me\"   # mine", "owner=\"dana\"   # mine"));
}

TEST_CASE("toml_edit: set_in_array_table adds a key after that table's last key line") {
  // after `due`, before the comment, the blank line and the next table's comment and header
  CHECK(toml_edit::set_in_array_table(record, "action", 0, "done", "2026-11-19", "r.toml") ==
        with(record, "due = 2026-11-20\n", "due = 2026-11-20\ndone = 2026-11-19\n"));
  // a multi-line string whose lines look like a header is a value, not a header
  CHECK(toml_edit::set_in_array_table(record, "action", 1, "due", "2026-11-30", "r.toml") ==
        with(record, "done=2026-11-01   # x\n", "done=2026-11-01   # x\ndue = 2026-11-30\n"));
  // an empty table: right after its header, not after the comment that belongs to [extra]
  CHECK(toml_edit::set_in_array_table(record, "action", 2, "id", "\"x\"", "r.toml") ==
        with(record, "[[action]]\n\n# only", "[[action]]\nid = \"x\"\n\n# only"));
  // the last table of a file without a final newline
  CHECK(toml_edit::set_in_array_table("[[action]]\nid = \"a\"", "action", 0, "done", "2026-11-19", "r.toml") ==
        "[[action]]\nid = \"a\"\ndone = 2026-11-19\n");
  // a sub-table of the action is not the action's own lines
  CHECK(toml_edit::set_in_array_table("[[action]]\nid = \"a\"\n[action.more]\nx = 1\n", "action", 0, "done", "2026-11-19",
                                      "r.toml") == "[[action]]\nid = \"a\"\ndone = 2026-11-19\n[action.more]\nx = 1\n");
  // dotted keys belong to the table
  CHECK(toml_edit::set_in_array_table("[[action]]\nid = \"a\"\nx.y = 1\n\n[[action]]\n", "action", 0, "done",
                                      "2026-11-19", "r.toml") ==
        "[[action]]\nid = \"a\"\nx.y = 1\ndone = 2026-11-19\n\n[[action]]\n");
  // indented tables and keys
  CHECK(toml_edit::set_in_array_table("  [[action]]\n  id = \"a\"\n  [[action]]\n  id = \"b\"\n", "action", 1, "done",
                                      "2026-11-19", "r.toml") ==
        "  [[action]]\n  id = \"a\"\n  [[action]]\n  id = \"b\"\ndone = 2026-11-19\n");
}

TEST_CASE("toml_edit: set_in_array_table keeps CRLF, a byte-order mark and non-ASCII text") {
  const std::string bom = "\xEF\xBB\xBF";
  std::string crlf = bom + "date = 2026-11-16\r\n[[action]]\r\nid = \"é☃\"\r\ntext = \"Café ☃\" # ü\r\n\r\n[[action]]\r\nid = \"b\"\r\n";
  CHECK(toml_edit::set_in_array_table(crlf, "action", 0, "done", "2026-11-19", "r.toml") ==
        with(crlf, "# ü\r\n", "# ü\r\ndone = 2026-11-19\r\n"));
  CHECK(toml_edit::set_in_array_table(crlf, "action", 0, "text", "\"x\"", "r.toml") ==
        with(crlf, "\"Café ☃\" # ü", "\"x\" # ü"));
  std::string first = bom + "[[action]]\nid = \"a\" # ☃\n";
  CHECK(toml_edit::set_in_array_table(first, "action", 0, "id", "\"b\"", "r.toml") == bom + "[[action]]\nid = \"b\" # ☃\n");
}

TEST_CASE("toml_edit: set_in_array_table refuses what it cannot do") {
  CHECK_THROWS_WITH(toml_edit::set_in_array_table(record, "action", 3, "done", "2026-11-19", "r.toml"),
                    "no [[action]] table number 4 (there are 3)");
  CHECK_THROWS_WITH(toml_edit::set_in_array_table("date = 2026-11-16\n", "action", 0, "done", "2026-11-19", "r.toml"),
                    "no [[action]] tables");
  CHECK_THROWS_WITH(toml_edit::set_in_array_table("action = [{ id = \"a\" }]\n", "action", 0, "done", "2026-11-19", "r.toml"),
                    "no [[action]] tables");
  CHECK_THROWS_AS(toml_edit::set_in_array_table("[[action]]\nid = \n", "action", 0, "done", "2026-11-19", "r.toml"), Error);
  CHECK_THROWS_WITH(toml_edit::set_in_array_table("[[action]]\n[action.done]\nx = 1\n", "action", 0, "done", "2026-11-19",
                                                  "r.toml"),
                    "cannot set 'done' in place: it is a table here");
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
