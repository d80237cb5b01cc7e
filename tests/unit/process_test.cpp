#include <catch2/catch.hpp>

#include "upward/base/error.hpp"
#include "upward/store/git.hpp"
#include "upward/store/process.hpp"

using namespace upward;

TEST_CASE("process: editors run the way git runs them") {
  CHECK(process::editor_argv("vim", "/r/.edit-win-1.txt") == std::vector<std::string>{"vim", "/r/.edit-win-1.txt"});
  CHECK(process::editor_argv("code --wait", "f; rm -rf ~ #.txt") ==
        std::vector<std::string>{"sh", "-c", "code --wait \"$@\"", "code --wait", "f; rm -rf ~ #.txt"});
  CHECK(process::editor_argv("/usr/bin/nano", "x")[0] == "/usr/bin/nano");
}

TEST_CASE("process: run passes stdin, captures output and the exit code, never through a shell") {
  process::Env env{"PATH=/usr/bin:/bin"};
  auto r = process::run({"cat"}, env, std::string("$(echo hi)\n"), true);
  CHECK(r.exit_code == 0);
  CHECK(r.output == "$(echo hi)\n");
  CHECK(process::run({"sh", "-c", "exit 3"}, env, std::nullopt, true).exit_code == 3);
  CHECK_THROWS_AS(process::run({"no-such-program-upward"}, env, std::nullopt, true), Error);
}

TEST_CASE("process: environment helpers") {
  process::Env env{"A=1", "GIT_DIR=/x", "AB=2"};
  CHECK(process::getenv(env, "A") == "1");
  CHECK_FALSE(process::getenv(env, "B"));
  CHECK(process::without(env, {"GIT_DIR"}) == process::Env{"A=1", "AB=2"});
}

TEST_CASE("git: one_line makes commit subjects short and whole") {
  CHECK(git::one_line("Cut\ncheckout\tp99", 72) == "Cut checkout p99");
  std::string long_title(100, 'x');
  CHECK(git::one_line(long_title, 20) == std::string(17, 'x') + "...");
  std::string cut = git::one_line("ééééééééééééé", 10);  // two bytes each: never split one
  CHECK(cut == "ééé...");  // 9 bytes: a fourth é would need 11
}
