#include "dorado/cli/regime_timeline_svg.hpp"

#include <fmt/format.h>

#include <array>
#include <chrono>

#include "dorado/domain/regime.hpp"

namespace dorado::cli {
namespace {

constexpr double kWidth = 1000.0, kBand = 160.0, kLeft = 40.0, kTop = 40.0;

struct RegimeColour {
  std::string_view label;
  std::string_view colour;
};

// Calm to stressed: greens, grey, orange, red, blue for the rebound.
constexpr std::array<RegimeColour, 6> kColours{{{"goldilocks", "#1a9850"},
                                                {"risk_on", "#91cf60"},
                                                {"transition", "#bdbdbd"},
                                                {"risk_off", "#fc8d59"},
                                                {"crisis", "#d73027"},
                                                {"recovery", "#4575b4"}}};

std::string_view colour_of(const std::string& label) {
  for (const auto& c : kColours)
    if (c.label == label) return c.colour;
  return "#000000";
}

std::string escaped(const std::string& text) {
  std::string out;
  for (const char ch : text) {
    if (ch == '<')
      out += "&lt;";
    else if (ch == '>')
      out += "&gt;";
    else if (ch == '&')
      out += "&amp;";
    else
      out += ch;
  }
  return out;
}

int year_of(Timestamp t) {
  return static_cast<int>(
      std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(t)}.year());
}

}  // namespace

std::string regime_timeline_svg(const std::vector<PublishedRegime>& readings,
                                const std::string& title) {
  const double height = kTop + kBand + 70.0;
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{:.0f}\" height=\"{:.0f}\" "
      "viewBox=\"0 0 {:.0f} {:.0f}\" font-family=\"sans-serif\" font-size=\"11\">\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      "<text x=\"{:.0f}\" y=\"20\" font-size=\"14\">{}</text>\n",
      kWidth + 2 * kLeft, height, kWidth + 2 * kLeft, height, kLeft, escaped(title));
  const std::size_t n = readings.size();
  const double step = n > 0 ? kWidth / static_cast<double>(n) : kWidth;
  int shown_year = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& r = readings[i];
    const double x = kLeft + step * static_cast<double>(i);
    const auto colour = colour_of(r.label);
    const double bar = kBand * r.confidence;
    svg += fmt::format(
        "<rect x=\"{:.2f}\" y=\"{:.2f}\" width=\"{:.2f}\" height=\"{:.2f}\" fill=\"{}\" "
        "fill-opacity=\"0.25\"/>"
        "<rect x=\"{:.2f}\" y=\"{:.2f}\" width=\"{:.2f}\" height=\"{:.2f}\" fill=\"{}\">"
        "<title>{} {} {:.2f}</title></rect>\n",
        x, kTop, step, kBand, colour, x, kTop + kBand - bar, step, bar, colour,
        to_iso_date(std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(r.as_of)}),
        escaped(r.label), r.confidence);
    if (const int y = year_of(r.as_of); y != shown_year) {
      shown_year = y;
      svg += fmt::format(
          "<line x1=\"{0:.2f}\" y1=\"{1:.0f}\" x2=\"{0:.2f}\" y2=\"{2:.0f}\" stroke=\"#555\"/>"
          "<text x=\"{0:.2f}\" y=\"{3:.0f}\">{4}</text>\n",
          x, kTop + kBand, kTop + kBand + 5, kTop + kBand + 17, y);
    }
  }
  double legend_x = kLeft;
  for (const auto& c : kColours) {
    svg += fmt::format(
        "<rect x=\"{:.0f}\" y=\"{:.0f}\" width=\"12\" height=\"12\" fill=\"{}\"/>"
        "<text x=\"{:.0f}\" y=\"{:.0f}\">{}</text>\n",
        legend_x, kTop + kBand + 30, c.colour, legend_x + 16, kTop + kBand + 40, c.label);
    legend_x += 110.0;
  }
  svg += fmt::format("<text x=\"{:.0f}\" y=\"{:.0f}\">column height: confidence</text>\n", legend_x,
                     kTop + kBand + 40);
  svg += "</svg>\n";
  return svg;
}

}  // namespace dorado::cli
