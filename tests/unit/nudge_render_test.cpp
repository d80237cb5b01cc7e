#include <catch2/catch.hpp>

#include "upward/render/nudge_render.hpp"

using namespace upward;

namespace {
dates::Day d(const char* iso) { return *dates::parse_iso(iso); }

Nudge overdue_action() {
  Nudge n;
  n.kind = "action";
  n.urgency = Urgency::overdue;
  n.date = d("2026-11-25");
  n.message = "action 'send-rfc' for dana was due 2026-11-25: Send the RFC";
  n.ref = "send-rfc";
  n.person = "dana";
  n.file = "1on1s/dana/2026-11-16.toml";
  n.command = "upward prep-1on1 done send-rfc";
  return n;
}

Nudge problem() {
  Nudge n;
  n.kind = "1on1-problem";
  n.urgency = Urgency::soon;
  n.date = d("2026-11-30");
  n.message = "1:1 with dana on monday 2026-11-30: problem 'Deploys \x1b[31mfail' has no proposed solution";
  n.ref = "2026-11-19-deploys";
  n.person = "dana";
  n.file = "1on1s/dana/topics/2026-11-19-deploys.toml";
  n.hint = "add solution = \"...\" to";
  return n;
}
}  // namespace

TEST_CASE("nudge render: one line each, the label its urgency, then what to run") {
  std::vector<Nudge> ns{overdue_action(), problem()};
  CHECK(render_nudges_text(ns, "/home/sam/up", {}) ==
        "overdue: action 'send-rfc' for dana was due 2026-11-25: Send the RFC (upward prep-1on1 done send-rfc)\n"
        "soon: 1:1 with dana on monday 2026-11-30: problem 'Deploys \x1b[31mfail' has no proposed solution "
        "(add solution = \"...\" to /home/sam/up/1on1s/dana/topics/2026-11-19-deploys.toml)\n");
  CHECK(render_nudges_text(std::vector<Nudge>{}, "/x", {}).empty());
}

TEST_CASE("nudge render: on a terminal record text is escaped and the label coloured") {
  std::vector<Nudge> ns{problem()};
  std::string plain = render_nudges_text(ns, "up", {false, false, 0, true});
  CHECK(plain.find("\x1b") == std::string::npos);
  CHECK(plain.find("'Deploys \\x1b[31mfail'") != std::string::npos);
  std::string coloured = render_nudges_text(ns, "up", {true, false, 0, true});
  CHECK(coloured.rfind("\x1b[36msoon:\x1b[0m 1:1 with dana", 0) == 0);
  CHECK(coloured.find("\\x1b[31mfail") != std::string::npos);
}

TEST_CASE("nudge render: a message over several lines stays on one") {
  Nudge n = overdue_action();
  n.message = "action 'x' was due:\nline two\ttab";
  n.command.clear();
  n.file.clear();
  CHECK(nudge_line(n, "up") == "overdue: action 'x' was due: line two tab");
}

TEST_CASE("nudge render: json is an array with the documented keys, [] for none") {
  CHECK(render_nudges_json(std::vector<Nudge>{}, "up") == "[]\n");
  Nudge vague;
  vague.kind = "vague-wins";
  vague.message = "2 wins say nothing";
  vague.ref = "2026-11-02-a";
  vague.refs = {"2026-11-02-a", "2026-11-03-b"};
  vague.command = "upward set win 2026-11-02-a --impact TEXT";
  std::vector<Nudge> ns{overdue_action(), vague};
  CHECK(render_nudges_json(ns, "up") ==
        "[\n"
        "  {\"urgency\": \"overdue\", \"kind\": \"action\", \"date\": \"2026-11-25\", \"message\": \"action 'send-rfc' "
        "for dana was due 2026-11-25: Send the RFC\", \"command\": \"upward prep-1on1 done send-rfc\", \"file\": "
        "\"1on1s/dana/2026-11-16.toml\", \"ref\": \"send-rfc\", \"refs\": [\"send-rfc\"], \"person\": \"dana\", "
        "\"line\": \"overdue: action 'send-rfc' for dana was due 2026-11-25: Send the RFC (upward prep-1on1 done "
        "send-rfc)\"},\n"
        "  {\"urgency\": \"habit\", \"kind\": \"vague-wins\", \"date\": null, \"message\": \"2 wins say nothing\", "
        "\"command\": \"upward set win 2026-11-02-a --impact TEXT\", \"file\": null, \"ref\": \"2026-11-02-a\", "
        "\"refs\": [\"2026-11-02-a\", \"2026-11-03-b\"], \"person\": null, \"line\": \"habit: 2 wins say nothing "
        "(upward set win 2026-11-02-a --impact TEXT)\"}\n"
        "]\n");
  std::string escaped = render_nudges_json(std::vector<Nudge>{problem()}, "up");
  CHECK(escaped.find("\\u001B[31mfail") != std::string::npos);  // JSON escapes, never a raw ESC
  CHECK(escaped.find('\x1b') == std::string::npos);
}
