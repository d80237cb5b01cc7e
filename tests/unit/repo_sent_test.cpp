// The digests that were sent (sent/), in temporary repositories without git.
#include <catch2/catch.hpp>

#include <filesystem>

#include "upward/base/error.hpp"
#include "upward/model/records.hpp"
#include "upward/store/git.hpp"
#include "upward/store/repo.hpp"
#include "temp_repo.hpp"

using namespace upward;
using testing::day;
namespace fs = std::filesystem;

namespace {
SentDigest sent_on(const char* iso, const std::string& subject = "Weekly update") {
  SentDigest s;
  s.date = day(iso);
  s.period = {s.date - date::days{4}, s.date + date::days{2}};
  s.to = {"dana@example.com"};
  s.subject = subject;
  s.plans = {{"action", "send-rfc", "Send the RFC", std::nullopt, ""}};
  return s;
}
}  // namespace

TEST_CASE("repo: no sent digest yet") {
  testing::TempRepo t;
  std::vector<Problem> skipped;
  CHECK_FALSE(t.repo.last_sent(day("2026-11-27"), skipped));
  CHECK(skipped.empty());
}

TEST_CASE("repo: record_sent writes sent/DATE-digest.toml, a suffix when the day has one") {
  testing::TempRepo t;
  WriteResult first = t.repo.record_sent(sent_on("2026-11-27"));
  REQUIRE(first.ids == std::vector<std::string>{"2026-11-27-digest"});
  CHECK(t.read("sent/2026-11-27-digest.toml") == sent_to_toml(sent_on("2026-11-27")));
  WriteResult second = t.repo.record_sent(sent_on("2026-11-27", "Again"));
  REQUIRE(second.ids.size() == 1);
  CHECK(second.ids[0].rfind("2026-11-27-digest-", 0) == 0);
  CHECK(t.read("sent/" + second.ids[0] + ".toml").find("subject = \"Again\"") != std::string::npos);
}

TEST_CASE("repo: last_sent is the latest sent on or before the day") {
  testing::TempRepo t;
  t.repo.record_sent(sent_on("2026-11-13"));
  t.repo.record_sent(sent_on("2026-11-20"));
  t.repo.record_sent(sent_on("2026-11-27"));
  t.write("sent/notes.toml", "not = \"a digest\"\n");
  std::vector<Problem> skipped;
  auto last = t.repo.last_sent(day("2026-11-26"), skipped);
  REQUIRE(last);
  CHECK(last->id == "2026-11-20-digest");
  CHECK(last->date == day("2026-11-20"));
  CHECK(last->period == dates::DateRange{day("2026-11-16"), day("2026-11-22")});
  CHECK(last->to == std::vector<std::string>{"dana@example.com"});
  CHECK(last->plans == sent_on("2026-11-20").plans);
  CHECK(t.repo.last_sent(day("2026-11-27"), skipped)->id == "2026-11-27-digest");
  CHECK_FALSE(t.repo.last_sent(day("2026-11-12"), skipped));
  CHECK(skipped.empty());
}

TEST_CASE("repo: of two digests sent on one day, the later written is the last") {
  testing::TempRepo t;
  t.write("sent/2026-11-20-digest.toml", sent_to_toml(sent_on("2026-11-20", "second")));
  t.write("sent/2026-11-20-digest-zz.toml", sent_to_toml(sent_on("2026-11-20", "first")));
  auto now = fs::file_time_type::clock::now();
  fs::last_write_time(t.dir + "/sent/2026-11-20-digest-zz.toml", now - std::chrono::hours(2));
  fs::last_write_time(t.dir + "/sent/2026-11-20-digest.toml", now - std::chrono::hours(1));
  std::vector<Problem> skipped;
  CHECK(t.repo.last_sent(day("2026-11-27"), skipped)->subject == "second");
}

TEST_CASE("repo: the time in a sent digest's name orders one day's digests, whatever the files' times") {
  testing::TempRepo t;
  t.write("sent/2026-11-20-170000-digest.toml", sent_to_toml(sent_on("2026-11-20", "evening")));
  t.write("sent/2026-11-20-090000-digest.toml", sent_to_toml(sent_on("2026-11-20", "morning")));
  t.write("sent/2026-11-20-digest.toml", sent_to_toml(sent_on("2026-11-20", "no time")));  // an earlier release's
  auto now = fs::file_time_type::clock::now();
  fs::last_write_time(t.dir + "/sent/2026-11-20-170000-digest.toml", now - std::chrono::hours(3));
  std::vector<Problem> skipped;
  auto last = t.repo.last_sent(day("2026-11-27"), skipped);
  REQUIRE(last);
  CHECK(last->subject == "evening");
  CHECK(last->time == "170000");
  SentDigest timed = sent_on("2026-11-21");
  timed.time = "081500";
  CHECK(sent_stem(timed) == "2026-11-21-081500-digest");
  CHECK(t.repo.record_sent(timed).ids == std::vector<std::string>{"2026-11-21-081500-digest"});
}

TEST_CASE("repo: last_sent can pass over the digests of a period that does not end before a day") {
  testing::TempRepo t;
  t.repo.record_sent(sent_on("2026-11-20"));  // 2026-11-16..2026-11-22
  t.repo.record_sent(sent_on("2026-11-27"));  // 2026-11-23..2026-11-29
  std::vector<Problem> skipped;
  // sending this week again: last time is the week before
  CHECK(t.repo.last_sent(day("2026-11-27"), skipped, day("2026-11-29"))->id == "2026-11-20-digest");
  // since the last digest, a week later: that digest
  CHECK(t.repo.last_sent(day("2026-12-04"), skipped, day("2026-12-04"))->id == "2026-11-27-digest");
  CHECK_FALSE(t.repo.last_sent(day("2026-12-04"), skipped, day("2026-11-22")));
  CHECK(skipped.empty());
}

TEST_CASE("repo: only the latest sent file is read, and a bad one is skipped, not replaced by an older one") {
  testing::TempRepo t;
  t.write("sent/2026-11-13-digest.toml", "this is not toml");  // never read
  t.repo.record_sent(sent_on("2026-11-20"));
  std::vector<Problem> skipped;
  CHECK(t.repo.last_sent(day("2026-11-27"), skipped)->id == "2026-11-20-digest");
  CHECK(skipped.empty());
  t.write("sent/2026-11-27-digest.toml", "date = 2026-11-27\nperiod = \"last week\"\n");
  CHECK_FALSE(t.repo.last_sent(day("2026-11-27"), skipped));
  REQUIRE(skipped.size() == 1);
  CHECK(format_loc(skipped[0].where) + skipped[0].message ==
        t.dir + "/sent/2026-11-27-digest.toml:2:10: 'period' must be a table { first = DATE, last = DATE }");
}

TEST_CASE("repo: a linked sent/ is neither read nor written") {
  testing::TempRepo t;
  std::string outside = t.root + "/outside";
  fsio::make_dirs(outside);
  fsio::atomic_write(outside + "/2026-11-20-digest.toml", sent_to_toml(sent_on("2026-11-20")));
  fs::create_directory_symlink(outside, t.dir + "/sent");
  std::vector<Problem> skipped;
  CHECK_FALSE(t.repo.last_sent(day("2026-11-27"), skipped));
  REQUIRE(skipped.size() == 1);
  CHECK_THAT(skipped[0].message, Catch::Contains("is a symbolic link"));
  CHECK_THROWS_WITH(t.repo.record_sent(sent_on("2026-11-27")), Catch::Contains("is a symbolic link"));
  CHECK(fs::directory_iterator(outside)->path().filename() == "2026-11-20-digest.toml");
}

TEST_CASE("repo: a sent digest that would not read back is not recorded") {
  testing::TempRepo t;
  SentDigest s = sent_on("2026-11-27");
  s.plans[0].ref = "Not an id";
  CHECK_THROWS_WITH(t.repo.record_sent(s), "cannot record the sent digest: 'ref' = 'Not an id' is not an id "
                                           "(expected lowercase letters, digits and '-')");
  s = sent_on("2026-11-27");
  s.subject = "bad \xff byte";
  CHECK_THROWS_WITH(t.repo.record_sent(s), "the sent digest's record is not valid UTF-8; nothing was recorded");
  CHECK_FALSE(fs::exists(t.dir + "/sent"));
}

TEST_CASE("repo: a sent digest's name ends in the machine tag once a remote is set, and is found as the latest") {
  testing::TempRepo t;
  git::init(t.dir, {});
  REQUIRE(process::run({"git", "-C", t.dir, "remote", "add", "origin", t.root + "/nowhere.git"}, {}, std::nullopt, true)
              .exit_code == 0);
  REQUIRE(process::run({"git", "-C", t.dir, "config", "upward.machine", "laptop"}, {}, std::nullopt, true).exit_code == 0);
  SentDigest s = sent_on("2026-11-27");
  s.time = "170003";
  WriteResult r = t.repo.record_sent(s);
  REQUIRE(r.ids == std::vector<std::string>{"2026-11-27-170003-digest-laptop"});
  std::vector<Problem> skipped;
  auto last = t.repo.last_sent(day("2026-11-28"), skipped);
  REQUIRE(last);
  CHECK(last->id == "2026-11-27-170003-digest-laptop");
  CHECK(skipped.empty());
}
