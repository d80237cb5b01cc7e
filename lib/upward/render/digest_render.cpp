#include "upward/render/digest_render.hpp"

#include <algorithm>
#include <set>
#include <string_view>

#include <fmt/format.h>

#include "upward/base/json.hpp"
#include "upward/base/text.hpp"
#include "upward/base/width.hpp"
#include "upward/render/markdown.hpp"

namespace upward {

namespace {

using text::one_line;

std::string day_text(dates::Day d) { return dates::format_day(d); }

// ---- the document both md and text are written from -----------------------------------------
//
// The digest is first laid out as a list of blocks holding plain text (the user's words and
// upward's own, no markup); md escapes every block as a whole and text wraps it, so the two
// formats cannot say different things.

struct Block {
  enum Kind { heading, para, item, link } kind;
  int level = 0;  ///< heading: 1..3; item and link: the list depth (0 or 1)
  std::string text;
};

std::string plural(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

/// "Checkout p99 under 400 ms (me): 40%, due 2026-11-30, at risk because the cache is cold"
std::string glance_text(const GlanceLine& g) {
  std::string s = one_line(g.goal.goal.title);
  if (!text::trim(g.owner_label).empty()) s += " (" + one_line(g.owner_label) + ")";
  s += ": " + std::to_string(g.goal.state.progress) + "%";
  if (g.goal.goal.due) s += ", due " + day_text(*g.goal.goal.due);
  if (!text::trim(g.state).empty()) s += ", " + one_line(g.state);
  return s;
}

std::string win_text(const Win& w, bool brief) {
  std::string s = one_line(w.title);
  if (w.kind == "kudos" && !text::trim(w.from).empty()) s += " (kudos from " + one_line(w.from) + ")";
  if (!brief && !text::trim(w.impact).empty()) s += " — " + one_line(w.impact);
  return s;
}

/// "p99: 900ms → 350ms"
std::string metric_text(const Metric& m) {
  return one_line(m.name) + ": " + one_line(m.before) + " → " + one_line(m.after);
}

/// Who gave a kudos: the `--for` person's name when it is them, else the id as recorded.
std::string kudos_from(const Digest& d, const Win& w) {
  if (d.for_person && d.for_person->id == w.from && !text::trim(d.for_person->name).empty()) return d.for_person->name;
  return w.from;
}

/// "Checkout p99 under 400 ms: 20% → 40%, at risk → on track"
std::string move_text(const GoalMove& m) {
  std::vector<std::string> parts;
  if (m.from != m.to) parts.push_back(fmt::format("{}% → {}%", m.from, m.to));
  if (m.status_from != m.status_to) parts.push_back(one_line(status_words(m.status_from)) + " → " + one_line(status_words(m.status_to)));
  if (parts.empty()) parts.push_back(fmt::format("still {}%", m.to));
  std::string s = one_line(m.goal.goal.title) + ": ";
  for (size_t i = 0; i < parts.size(); ++i) s += (i ? ", " : "") + parts[i];
  return s;
}

/// "✓ TEXT: done on 2026-11-25", "→ TEXT: due 2026-12-05 now", "… TEXT: still open"
std::string plan_review_text(const PlanReview& p) {
  const char* mark = p.state == "done" ? "✓" : p.state == "moved" ? "→" : "…";
  std::string detail = one_line(p.detail);
  if (detail.empty()) detail = p.state == "done" ? "done" : p.state == "moved" ? "moved" : "still open";
  return std::string(mark) + " " + one_line(p.plan.text) + ": " + detail;
}

/// "Checkout p99: blocked — waiting on the DB team"; "Flaky deploys — Proposed: a canary stage"
std::string problem_text(const ProblemLine& p) {
  const std::string detail = one_line(p.detail);
  if (p.kind == "topic")
    return one_line(p.title) + " — " + (detail.empty() ? std::string("no proposed solution yet") : "Proposed: " + detail);
  return one_line(p.title) + ": " + one_line(status_words(p.status)) + (detail.empty() ? "" : " — " + detail);
}

std::vector<Block> layout(const Digest& d) {
  const bool brief = d.style == "brief";
  std::vector<Block> doc;
  doc.push_back({Block::heading, 1, digest_subject("", d.period)});

  if (!d.glance.empty()) {
    doc.push_back({Block::heading, 2, "Goals at a glance"});
    for (const auto& g : d.glance) doc.push_back({Block::item, 0, glance_text(g)});
  }

  const bool any_wins = std::any_of(d.progress.begin(), d.progress.end(), [](const WinGroup& g) { return !g.wins.empty(); });
  if (any_wins || !d.kudos.empty() || !d.moves.empty() || !d.done.empty() || !d.outcomes.empty() || d.left_out > 0) {
    doc.push_back({Block::heading, 2, "Progress"});
    for (const auto& g : d.progress) {
      if (g.wins.empty()) continue;
      doc.push_back({Block::heading, 3, one_line(g.label)});
      for (const auto& w : g.wins) {
        doc.push_back({Block::item, 0, win_text(w, brief)});
        if (brief) continue;
        for (const auto& m : w.metrics) doc.push_back({Block::item, 1, metric_text(m)});
        for (const auto& l : w.links)
          if (!text::trim(l).empty()) doc.push_back({Block::link, 1, one_line(l)});
      }
    }
    if (d.left_out > 0)  // a paragraph of its own: not an item of the last group
      doc.push_back({Block::para, 0, (any_wins ? "And " : "") + plural(d.left_out, "more win", "more wins") +
                                         " not shown here."});
    if (!d.kudos.empty()) {
      doc.push_back({Block::heading, 3, "Kudos"});
      for (const auto& k : d.kudos) {
        const std::string from = one_line(kudos_from(d, k));
        doc.push_back({Block::item, 0, one_line(k.title) + (from.empty() ? "" : " — from " + from)});
      }
    }
    if (!d.moves.empty()) {
      doc.push_back({Block::heading, 3, "Goals that moved"});
      for (const auto& m : d.moves) {
        doc.push_back({Block::item, 0, move_text(m)});
        for (const auto& n : m.notes)
          if (!text::trim(n).empty()) doc.push_back({Block::item, 1, one_line(n)});
      }
    }
    if (!d.done.empty()) {
      doc.push_back({Block::heading, 3, "Goals done"});
      for (const auto& g : d.done) doc.push_back({Block::item, 0, one_line(g.goal.title)});
    }
    if (!d.outcomes.empty()) {
      doc.push_back({Block::heading, 3, "Outcomes"});
      for (const auto& w : d.outcomes) doc.push_back({Block::item, 0, one_line(w.title) + ": " + one_line(w.outcome)});
    }
  }

  if (!d.last_plans.empty()) {
    doc.push_back({Block::heading, 2, "Last time's plans"});
    if (d.last_sent) doc.push_back({Block::para, 0, "From the update sent on " + day_text(d.last_sent->date) + ":"});
    for (const auto& p : d.last_plans) doc.push_back({Block::item, 0, plan_review_text(p)});
  }

  if (!d.plans.empty()) {
    doc.push_back({Block::heading, 2, "Plans"});
    for (const auto& p : d.plans) doc.push_back({Block::item, 0, one_line(p.text)});
  }

  if (!d.problems.empty()) {
    doc.push_back({Block::heading, 2, "Problems"});
    for (const auto& p : d.problems) doc.push_back({Block::item, 0, problem_text(p)});
  }

  doc.push_back({Block::para, 0, tally_line(d)});
  return doc;
}

/// Lists are written without blank lines between their items; every other pair of blocks is
/// separated by one.
bool in_list(const Block& b) { return b.kind == Block::item || b.kind == Block::link; }

// ---- Markdown -------------------------------------------------------------------------------

/// A heading's text: escaped, and a closing run of `#` kept as text (CommonMark would drop it).
std::string md_heading(const std::string& s) {
  std::string e = md::escape(s);
  size_t run = e.size();
  while (run > 0 && e[run - 1] == '#') --run;
  if (run < e.size() && (run == 0 || e[run - 1] == ' ')) e.insert(run, "\\");
  return e;
}

/// A link as a CommonMark autolink when it is one (`<https://...>`: nothing inside is
/// interpreted), else as escaped text.
std::string md_link(const std::string& url) {
  const bool scheme = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0 || url.rfind("mailto:", 0) == 0;
  const bool plain = std::none_of(url.begin(), url.end(), [](char c) {
    return c == ' ' || c == '<' || c == '>' || static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
  });
  return scheme && plain ? "<" + url + ">" : md::escape(url);
}

// ---- plain text -----------------------------------------------------------------------------

constexpr size_t text_width = 72;

/// A piece of text no line break may split: a word, or one wide (CJK) character, which a line
/// may end before or after; `space` when a space comes before it.
struct Token {
  std::string text;
  bool space = false;
};

/// CJK punctuation and marks that may not start a line (kinsoku): they stay with the character before.
constexpr std::u32string_view no_break_marks =
      U"\u3001\u3002\uFF0C\uFF0E\uFF09\u300D\u300F\u3011\u3009\u300B\uFF01\uFF1F\uFF1A\uFF1B\u30FC"
      U"\u3041\u3043\u3045\u3047\u3049\u3063\u3083\u3085\u3087\u308E"
      U"\u30A1\u30A3\u30A5\u30A7\u30A9\u30C3\u30E3\u30E5\u30E7\u30EE\u30F5\u30F6";

bool no_break_before(char32_t cp) { return no_break_marks.find(cp) != std::u32string_view::npos; }

std::vector<Token> tokens(std::string_view s) {
  std::vector<Token> out;
  Token cur;
  bool space = false, cur_wide = false;
  auto flush = [&] {
    if (!cur.text.empty()) out.push_back(std::move(cur));
    cur = Token{};
    cur_wide = false;
  };
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    const char32_t cp = text::next_codepoint(s, i);
    const std::string_view bytes = s.substr(start, i - start);
    if (cp == U' ') {
      flush();
      space = true;
      continue;
    }
    const int w = text::codepoint_width(cp);
    const bool stick = cur_wide && no_break_before(cp);
    if (!stick && (w == 2 || (cur_wide && w != 0))) flush();
    if (cur.text.empty()) {  // a word may start with a zero-width character (U+200F, U+202E): its space stays
      cur.space = space;
      space = false;
    }
    cur.text += bytes;
    if (w == 2) cur_wide = true;
  }
  flush();
  if (!out.empty()) out.front().space = false;
  return out;
}

/// `s` wrapped at `width` columns: the first line starts with `first`, the others with `rest`.
/// Lines break at spaces and around wide characters; a word wider than the line stays whole,
/// on a line of its own.
std::vector<std::string> wrap(std::string_view s, const std::string& first, const std::string& rest,
                              size_t width = text_width) {
  std::vector<std::string> lines;
  std::string line = first;
  size_t line_w = text::display_width(first);
  bool has_word = false;
  for (const auto& t : tokens(s)) {
    const size_t w = text::display_width(t.text);
    const size_t gap = has_word && t.space ? 1 : 0;
    if (has_word && line_w + gap + w > width) {
      lines.push_back(line);
      line = rest;
      line_w = text::display_width(rest);
      has_word = false;
    } else if (gap) {
      line += ' ';
      ++line_w;
    }
    line += t.text;
    line_w += w;
    has_word = true;
  }
  if (has_word || lines.empty()) lines.push_back(line);
  return lines;
}

}  // namespace

std::string render_digest_md(const Digest& d, const DigestRenderOptions&) {
  const auto doc = layout(d);
  std::string out;
  for (size_t i = 0; i < doc.size(); ++i) {
    const Block& b = doc[i];
    if (i > 0 && !(in_list(b) && in_list(doc[i - 1]))) out += "\n";
    const std::string indent(static_cast<size_t>(b.level) * 2, ' ');
    switch (b.kind) {
      case Block::heading: out += std::string(static_cast<size_t>(b.level), '#') + " " + md_heading(b.text) + "\n"; break;
      case Block::para: out += md::escape(b.text) + "\n"; break;
      case Block::item: out += indent + "- " + md::escape(b.text) + "\n"; break;
      case Block::link: out += indent + "- " + md_link(b.text) + "\n"; break;
    }
  }
  return out;
}

std::string render_digest_text(const Digest& d, const DigestRenderOptions&) {
  const auto doc = layout(d);
  std::string out;
  for (size_t i = 0; i < doc.size(); ++i) {
    const Block& b = doc[i];
    if (i > 0 && !(in_list(b) && in_list(doc[i - 1]))) out += "\n";
    std::vector<std::string> lines;
    if (b.kind == Block::heading || b.kind == Block::para) {
      lines = wrap(b.text, "", "");
    } else {
      const std::string indent(static_cast<size_t>(b.level) * 2, ' ');
      lines = wrap(b.text, indent + "- ", indent + "  ");
    }
    size_t widest = 0;
    for (const auto& l : lines) {
      out += l + "\n";
      widest = std::max(widest, text::display_width(l));
    }
    if (b.kind == Block::heading) {
      const char under = b.level == 1 ? '=' : b.level == 2 ? '-' : '~';
      out += std::string(std::min(std::max<size_t>(widest, 1), text_width), under) + "\n";
    }
  }
  return out;
}

std::string digest_subject(const std::string& subject, const dates::DateRange& period) {
  bool week = (period.last - period.first).count() == 6;  // as the heading says: "Update" for any other period
  return (subject.empty() ? std::string(week ? "Weekly update" : "Update") : subject) + ": " + dates::format_range(period);
}

}  // namespace upward
