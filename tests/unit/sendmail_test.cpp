// Handing a message to sendmail: an argument vector, never a shell.
#include <catch2/catch.hpp>

#include <csignal>

#include "upward/base/error.hpp"
#include "upward/store/sendmail.hpp"

using namespace upward;

namespace {
/// upward's main ignores SIGPIPE (a program that exits without reading its stdin makes the write
/// fail with EPIPE, and its exit status tells the rest); so do these tests.
const bool sigpipe_ignored = ::signal(SIGPIPE, SIG_IGN) != SIG_ERR;

std::string error_of(const std::string& command) {
  REQUIRE(sigpipe_ignored);
  try {
    sendmail::send(command, "Subject: hi\r\n\r\nbody\r\n", {});
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("sendmail: the command is split at spaces and tabs, without quoting rules") {
  CHECK(sendmail::argv_of("/usr/sbin/sendmail -t -i") == std::vector<std::string>{"/usr/sbin/sendmail", "-t", "-i"});
  CHECK(sendmail::argv_of("  msmtp\t-t   --read-envelope-from ") ==
        std::vector<std::string>{"msmtp", "-t", "--read-envelope-from"});
  CHECK(sendmail::argv_of("sh -c 'rm -rf ~'") == std::vector<std::string>{"sh", "-c", "'rm", "-rf", "~'"});
  CHECK_THROWS_AS(sendmail::argv_of(""), UsageError);
  CHECK_THROWS_WITH(sendmail::argv_of(" \t "), Catch::Matchers::StartsWith("the sendmail command is empty"));
}

TEST_CASE("sendmail: a program that reads the message and exits 0 has sent it") {
  CHECK_NOTHROW(sendmail::send("/bin/cat", "Subject: hi\r\n\r\nbody\r\n", {}));
  CHECK(error_of("/bin/cat -") == "");
}

TEST_CASE("sendmail: a failure says its exit status and what the program said") {
  CHECK(error_of("/bin/false") == "sendmail failed (exit 1)");
  std::string m = error_of("/bin/ls /nonexistent-upward-folder");
  CHECK(m.rfind("sendmail failed (exit 2): ", 0) == 0);
  CHECK(m.find("/nonexistent-upward-folder") != std::string::npos);
}

TEST_CASE("sendmail: a program that cannot start is named") {
  CHECK(error_of("/nonexistent/sendmail -t -i") == "cannot run '/nonexistent/sendmail': No such file or directory");
  CHECK_THROWS_AS(sendmail::send("", "x", {}), UsageError);
}

TEST_CASE("sendmail: a long complaint is cut to its end") {
  REQUIRE(sigpipe_ignored);
  std::string m;
  try {
    sendmail::send("/bin/cat /nonexistent-upward-file -", std::string(5000, 'x') + "THE END", {});
  } catch (const Error& e) {
    m = e.what();
  }
  CHECK(m.rfind("sendmail failed (exit 1): ...", 0) == 0);
  CHECK(m.size() < 2100);
  CHECK(m.find("THE END") != std::string::npos);
}
