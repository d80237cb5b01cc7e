#include <algorithm>
#include <set>
#include <string_view>

#include "upward/render/digest_render.hpp"

namespace upward {

namespace {

/// The fill of the chart's bars: distinctive, so a screenshot test can find the chart.
constexpr const char* bar_colour = "#d9480f";

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    auto next = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
    // a C1 control (U+0080-U+009F: CSI is one) shows as U+FFFD like a C0 one; a bidirectional
    // override (U+202A-U+202E, U+2066-U+2069) as a character reference: the same page to a
    // browser, and nothing a terminal acts on when the page is printed to one
    if (static_cast<unsigned char>(c) == 0xC2 && next(1) >= 0x80 && next(1) <= 0x9F) {
      out += "\xEF\xBF\xBD";
      i += 1;
      continue;
    }
    if (static_cast<unsigned char>(c) == 0xE2 && ((next(1) == 0x80 && next(2) >= 0xAA && next(2) <= 0xAE) ||
                                                  (next(1) == 0x81 && next(2) >= 0xA6 && next(2) <= 0xA9))) {
      unsigned cp = 0x2000 + ((next(1) & 0x3F) << 6) + (next(2) & 0x3F);
      out += "&#x";
      for (int shift = 12; shift >= 0; shift -= 4) out += "0123456789ABCDEF"[(cp >> shift) & 0xF];
      out += ';';
      i += 2;
      continue;
    }
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:  // a C0 control (NUL is a parse error) or DEL shows as U+FFFD; newline and tab stay
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == 0x7F) out += "\xEF\xBF\xBD";
        else out += c;
    }
  }
  return out;
}

std::string num(long v) { return std::to_string(v); }

constexpr const char* style_sheet = R"(
:root { color-scheme: light; }
body { margin: 0; padding: 1rem; background: #ffffff; color: #1d2125;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 44rem; margin: 0 auto; overflow-wrap: anywhere; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid #dde1e5; }
h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
.who, .muted { color: #5f6b76; }
ul { padding-left: 1.25rem; margin: .25rem 0; }
li { margin: .25rem 0; }
.chart svg { width: 100%; height: auto; display: block; }
.chart figcaption { color: #5f6b76; font-size: .85rem; }
figure { margin: 1rem 0; }
.goal { list-style: none; margin-left: -1.25rem; }
.bar { background: #e9ecef; border-radius: 3px; height: .6rem; max-width: 20rem; }
.bar span { display: block; height: 100%; border-radius: 3px; background: #2f9e44; }
.bar.at-risk span { background: #f08c00; }
.bar.blocked span { background: #e03131; }
.state { font-size: .9rem; }
.tag { font-size: .8rem; border: 1px solid #ced4da; border-radius: 3px; padding: 0 .3rem; }
.impact { display: block; color: #343a40; }
.tally { font-weight: 600; margin-top: 1.5rem; }
a { color: #1864ab; }
@media print {
  body { padding: 0; font-size: 11pt; color: #000; }
  main { max-width: none; }
  h2 { break-after: avoid; }
  li, figure { break-inside: avoid; }
  a { color: #000; text-decoration: none; }
  .chart svg rect.b { fill: #d9480f; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)";

/// Only links a reader can follow safely become anchors; the rest stay text.
std::string link(const std::string& url) {
  bool web = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0 || url.rfind("mailto:", 0) == 0;
  if (!web) return "<code>" + esc(url) + "</code>";
  return "<a href=\"" + esc(url) + "\">" + esc(url) + "</a>";
}

std::string week_label(dates::Day first) {
  date::year_month_day ymd{first};
  return num(static_cast<unsigned>(ymd.month())) + "/" + num(static_cast<unsigned>(ymd.day()));
}

/// An inline SVG bar chart: weeks on x (labelled by their first day), wins on y.
std::string chart(const Digest& d) {
  // at most about two years of bars: a longer period gets one bar per several weeks
  const std::size_t per_bar = std::max<std::size_t>(1, (d.per_week.size() + 103) / 104);
  std::vector<std::pair<dates::Day, int>> weeks;
  for (std::size_t i = 0; i < d.per_week.size(); ++i) {
    if (i % per_bar == 0) weeks.emplace_back(d.per_week[i].first, 0);
    weeks.back().second += d.per_week[i].second;
  }
  const std::string unit = per_bar == 1 ? "week" : num(static_cast<int>(per_bar)) + " weeks";
  int top = 1;
  for (const auto& w : weeks) top = std::max(top, w.second);
  const int width = 640, height = 220, left = 36, right = 8, up = 12, bottom = 36;
  const int plot_w = width - left - right, plot_h = height - up - bottom;
  const int n = static_cast<int>(std::max<std::size_t>(weeks.size(), 1));
  const double slot = static_cast<double>(plot_w) / n;
  const int label_every = (n + 11) / 12;  // at most about 12 labels
  std::string out;
  out += "<figure class=\"chart\">\n<svg viewBox=\"0 0 " + num(width) + " " +
         num(height) + "\" role=\"img\" aria-labelledby=\"chart-title\">\n";
  out += "<title id=\"chart-title\">Wins per " + unit + "</title>\n";
  out += "<g font-family=\"system-ui, sans-serif\" font-size=\"11\" fill=\"#5f6b76\">\n";
  // y axis: 0, the middle when it is a whole number, the top
  std::vector<int> ticks{0, top};
  if (top % 2 == 0 && top > 2) ticks.insert(ticks.begin() + 1, top / 2);
  for (int t : ticks) {
    int y = up + plot_h - plot_h * t / top;
    out += "<line x1=\"" + num(left) + "\" y1=\"" + num(y) + "\" x2=\"" + num(width - right) + "\" y2=\"" + num(y) +
           "\" stroke=\"#dde1e5\"/>\n";
    out += "<text x=\"" + num(left - 6) + "\" y=\"" + num(y + 4) + "\" text-anchor=\"end\">" + num(t) + "</text>\n";
  }
  for (int i = 0; i < static_cast<int>(weeks.size()); ++i) {
    const auto& [first, count] = weeks[static_cast<std::size_t>(i)];
    double w = std::min(slot * 0.7, 64.0), x = left + slot * i + (slot - w) / 2;  // a lone week stays a bar
    int h = plot_h * count / top;
    char buf[64];
    std::snprintf(buf, sizeof buf, "x=\"%.1f\" width=\"%.1f\"", x, w);
    out += "<rect class=\"b\" " + std::string(buf) + " y=\"" + num(up + plot_h - h) + "\" height=\"" + num(h) +
           "\" fill=\"" + bar_colour + "\"><title>" + (per_bar == 1 ? "week" : unit) + " of " + dates::format_day(first) + ": " + num(count) +
           (count == 1 ? " win" : " wins") + "</title></rect>\n";
    if (i % label_every == 0) {
      std::snprintf(buf, sizeof buf, "%.1f", left + slot * i + slot / 2);
      out += "<text x=\"" + std::string(buf) + "\" y=\"" + num(up + plot_h + 16) + "\" text-anchor=\"middle\">" +
             week_label(first) + "</text>\n";
    }
  }
  out += "<text x=\"" + num(left + plot_w / 2) + "\" y=\"" + num(height - 4) +
         "\" text-anchor=\"middle\">week starting</text>\n";
  out += "</g>\n</svg>\n<figcaption>Wins per " + unit + "</figcaption>\n</figure>\n";
  return out;
}

std::string progress_bar(int progress, const std::string& status) {
  int p = std::clamp(progress, 0, 100);
  return "<div class=\"bar " + esc(status) + "\" role=\"progressbar\" aria-valuenow=\"" + num(p) +
         "\" aria-valuemin=\"0\" aria-valuemax=\"100\"><span style=\"width:" + num(p) + "%\"></span></div>";
}

std::string metric_text(const Metric& m) {
  return esc(m.name) + " " + esc(m.before) + " \xE2\x86\x92 " + esc(m.after);
}

std::string win_item(const Win& w, bool brief) {
  std::string out = "<li><strong>" + esc(w.title) + "</strong>";
  if (w.kind == "kudos" && !w.from.empty()) out += " (kudos from " + esc(w.from) + ")";
  if (!brief) {
    out += " <span class=\"muted\">(" + dates::format_day(w.date) + ")</span>";
    for (const auto& m : w.metrics) out += " <span class=\"tag\">" + metric_text(m) + "</span>";
    if (!w.impact.empty()) out += "<span class=\"impact\">" + esc(w.impact) + "</span>";
    for (const auto& l : w.links) out += "<span class=\"impact\">" + link(l) + "</span>";
  }
  return out + "</li>\n";
}

std::string section(const std::string& title, const std::string& body) {
  return "<section>\n<h2>" + esc(title) + "</h2>\n" + body + "</section>\n";
}

std::string list(const std::vector<std::string>& items) {
  std::string out = "<ul>\n";
  for (const auto& i : items) out += "<li>" + i + "</li>\n";
  return out + "</ul>\n";
}

}  // namespace

std::string render_digest_html(const Digest& d, const DigestRenderOptions& opt) {
  const bool brief = d.style == "brief";
  const std::string range = dates::format_range(d.period);
  const bool week = (d.period.last - d.period.first).count() == 6;
  const std::string heading = (week ? "Weekly update \xE2\x80\x94 " : "Update \xE2\x80\x94 ") + range;
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + esc(heading) + (opt.me_name.empty() ? "" : " \xE2\x80\x94 " + esc(opt.me_name)) + "</title>\n";
  out += "<style>" + std::string(style_sheet) + "</style>\n</head>\n<body>\n<main>\n";
  out += "<h1>" + esc(heading) + "</h1>\n";
  out += chart(d);
  if (!opt.me_name.empty()) out += "<p class=\"who\">" + esc(opt.me_name) + "</p>\n";

  if (!d.glance.empty()) {
    std::string body = "<ul>\n";
    for (const auto& g : d.glance) {
      body += "<li class=\"goal\"><strong>" + esc(g.goal.goal.title) + "</strong>";
      if (!g.owner_label.empty()) body += " <span class=\"muted\">(" + esc(g.owner_label) + ")</span>";
      body += " <span class=\"state\">" + esc(g.state) + ", " + num(g.goal.state.progress) + "%";
      if (g.goal.goal.due) body += ", due " + dates::format_day(*g.goal.goal.due);
      body += "</span>\n" + progress_bar(g.goal.state.progress, g.goal.state.status) + "</li>\n";
    }
    out += section("Goals at a glance", body + "</ul>\n");
  }

  const bool any_wins =
      std::any_of(d.progress.begin(), d.progress.end(), [](const WinGroup& g) { return !g.wins.empty(); });
  if (any_wins || !d.kudos.empty() || !d.moves.empty() || !d.done.empty() || !d.outcomes.empty() || d.left_out > 0) {
    std::string body;
    for (const auto& g : d.progress) {
      if (g.wins.empty()) continue;
      body += "<h3>" + esc(g.label.empty() ? "Other work" : g.label) + "</h3>\n<ul>\n";
      for (const auto& w : g.wins) body += win_item(w, brief);
      body += "</ul>\n";
    }
    if (d.left_out > 0) {
      if (!any_wins) body += "<h3>Wins</h3>\n";
      body += "<p class=\"muted\">and " + num(d.left_out) + (d.left_out == 1 ? " more win" : " more wins") + "</p>\n";
    }
    if (!d.kudos.empty()) {
      std::vector<std::string> items;
      for (const auto& k : d.kudos) {
        std::string from = d.for_person && d.for_person->id == k.from && !d.for_person->name.empty()
                               ? d.for_person->name : k.from;
        items.push_back("<strong>" + esc(k.title) + "</strong>" +
                        (from.empty() ? "" : " <span class=\"muted\">from " + esc(from) + "</span>"));
      }
      body += "<h3>Kudos</h3>\n" + list(items);
    }
    if (!d.moves.empty()) {
      std::vector<std::string> items;
      for (const auto& m : d.moves) {
        std::string item = "<strong>" + esc(m.goal.goal.title) + "</strong>: ";
        if (m.from != m.to) item += num(m.from) + "% \xE2\x86\x92 " + num(m.to) + "%";
        if (m.status_from != m.status_to)
          item += std::string(m.from != m.to ? ", " : "") + esc(status_words(m.status_from)) + " \xE2\x86\x92 " + esc(status_words(m.status_to));
        if (m.from == m.to && m.status_from == m.status_to) item += "still " + num(m.to) + "%";
        item += progress_bar(m.to, m.status_to);
        for (const auto& n : m.notes) item += "<span class=\"impact\">" + esc(n) + "</span>";
        items.push_back(item);
      }
      body += "<h3>Goals that moved</h3>\n" + list(items);
    }
    if (!d.done.empty()) {
      std::vector<std::string> items;
      for (const auto& g : d.done) items.push_back("<strong>" + esc(g.goal.title) + "</strong>");
      body += "<h3>Goals done</h3>\n" + list(items);
    }
    if (!d.outcomes.empty()) {
      std::vector<std::string> items;
      for (const auto& w : d.outcomes)
        items.push_back("<strong>" + esc(w.title) + "</strong>: " + esc(w.outcome));
      body += "<h3>Outcomes</h3>\n" + list(items);
    }
    out += section("Progress", body);
  }

  if (!d.last_plans.empty()) {
    std::vector<std::string> items;
    for (const auto& p : d.last_plans) {
      const char* mark = p.state == "done" ? "\xE2\x9C\x93" : p.state == "moved" ? "\xE2\x86\x92" : "\xE2\x80\xA6";
      std::string detail = p.detail.empty() ? (p.state == "done" ? "done" : p.state == "moved" ? "moved" : "still open")
                                            : p.detail;
      items.push_back(std::string(mark) + " " + esc(p.plan.text) + ": <strong>" + esc(detail) + "</strong>");
    }
    out += section("Last time's plans",
                   (d.last_sent ? "<p class=\"muted\">From the update sent on " + dates::format_day(d.last_sent->date) +
                                      ":</p>\n"
                                : std::string()) +
                       list(items));
  }

  if (!d.plans.empty()) {
    std::vector<std::string> items;
    for (const auto& p : d.plans) items.push_back(esc(p.text));
    out += section("Plans", list(items));
  }

  if (!d.problems.empty()) {
    std::vector<std::string> items;
    for (const auto& p : d.problems) {
      std::string item = "<strong>" + esc(p.title) + "</strong>";
      if (p.kind == "topic") {
        item += " \xE2\x80\x94 " + (p.detail.empty() ? std::string("no proposed solution yet") : "Proposed: " + esc(p.detail));
        if (!p.person.empty()) item += " <span class=\"muted\">(to raise with " + esc(p.person) + ")</span>";
      } else {
        item += ": " + esc(status_words(p.status)) + (p.detail.empty() ? "" : " \xE2\x80\x94 " + esc(p.detail));
      }
      items.push_back(item);
    }
    out += section("Problems", list(items));
  }

  out += "<p class=\"tally\">" + esc(tally_line(d)) + "</p>\n";
  out += "</main>\n</body>\n</html>\n";
  return out;
}

std::string render_text_html(const std::string& text, const std::string& title) {
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + esc(title) +
         "</title>\n</head>\n<body>\n<pre style=\"white-space: pre-wrap; font-family: inherit\">" + esc(text) +
         "</pre>\n</body>\n</html>\n";
}

}  // namespace upward
