#include "dorado/data/import/cboe_chain_csv.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <map>

#include "dorado/calendar/new_york_time.hpp"
#include "dorado/data/import/csv_records.hpp"
#include "dorado/data/import/field_values.hpp"
#include "dorado/domain/option_contract_id.hpp"

namespace dorado::data {

namespace {

using namespace std::chrono;

constexpr std::array<std::string_view, 22> kHeader{"Expiration Date",
                                                   "Calls",
                                                   "Last Sale",
                                                   "Net",
                                                   "Bid",
                                                   "Ask",
                                                   "Volume",
                                                   "IV",
                                                   "Delta",
                                                   "Gamma",
                                                   "Open Interest",
                                                   "Strike",
                                                   "Puts",
                                                   "Last Sale",
                                                   "Net",
                                                   "Bid",
                                                   "Ask",
                                                   "Volume",
                                                   "IV",
                                                   "Delta",
                                                   "Gamma",
                                                   "Open Interest"};
constexpr std::size_t kPutOffset = 11;  // the put's fields follow the strike

constexpr std::array<std::string_view, 12> kMonthNames{
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

// Consumes a leading unsigned number from `s`.
std::optional<int> take_number(std::string_view& s) {
  int value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc{}) return std::nullopt;
  s.remove_prefix(static_cast<std::size_t>(end - s.data()));
  return value;
}

bool take(std::string_view& s, std::string_view prefix) {
  if (!s.starts_with(prefix)) return false;
  s.remove_prefix(prefix.size());
  return true;
}

std::string side_name(OptionRight right) {
  return right == OptionRight::Call ? "call" : "put";
}

// Reads one side of a row (call at offset 1, put at offset 12).
std::variant<OptionContract, std::string> read_side(const std::vector<std::string>& f,
                                                    std::size_t at, OptionRight right,
                                                    Date expiration, double strike,
                                                    const std::string& underlying,
                                                    Timestamp as_of) {
  const auto side = side_name(right);
  OptionContract c;
  c.underlying = underlying;
  c.expiration = expiration;
  c.strike = strike;
  c.right = right;
  c.quote_time = as_of;
  try {
    const auto id = OptionContractId::parse_occ(trim(f[at]));
    if (id.expiration != expiration || id.right != right || id.strike != Price::from_double(strike))
      return side + " symbol " + std::string(trim(f[at])) + " does not match the row's " +
             to_iso_date(expiration) + " " + std::string(trim(f[11])) + " " + side;
  } catch (const std::invalid_argument&) {
    return side + " symbol \"" + f[at] + "\" is not an OCC option symbol";
  }
  std::array<std::pair<std::string, double*>, 3> prices{
      {{side + " last sale", &c.last}, {side + " bid", &c.bid}, {side + " ask", &c.ask}}};
  const std::array<std::size_t, 3> price_at{at + 1, at + 3, at + 4};
  for (std::size_t i = 0; i < prices.size(); ++i) {
    const auto v = parse_decimal(prices[i].first, f[price_at[i]]);
    if (!has_value(v)) return std::get<std::string>(v);
    if (std::get<double>(v) < 0)
      return prices[i].first + " is " + std::string(trim(f[price_at[i]])) + ", below zero";
    *prices[i].second = std::get<double>(v);
  }
  if (const auto net = parse_decimal(side + " net", f[at + 2]); !has_value(net))
    return std::get<std::string>(net);
  const auto volume = parse_count(side + " volume", f[at + 5]);
  if (!has_value(volume)) return std::get<std::string>(volume);
  c.volume = std::get<std::int64_t>(volume);
  const auto oi = parse_count(side + " open interest", f[at + 9]);
  if (!has_value(oi)) return std::get<std::string>(oi);
  c.open_interest = std::get<std::int64_t>(oi);
  const auto iv = parse_decimal(side + " IV", f[at + 6]);
  const auto delta = parse_decimal(side + " delta", f[at + 7]);
  const auto gamma = parse_decimal(side + " gamma", f[at + 8]);
  for (const auto* v : {&iv, &delta, &gamma})
    if (!has_value(*v)) return std::get<std::string>(*v);
  if (std::get<double>(iv) < 0)
    return side + " IV is " + std::string(trim(f[at + 6])) + ", below zero";
  if (std::get<double>(iv) > 0) c.implied_vol = std::get<double>(iv);
  c.delta = std::get<double>(delta);
  c.gamma = std::get<double>(gamma);
  return c;
}

std::optional<double> labelled_number(const std::vector<std::string>& fields,
                                      std::string_view label) {
  for (const auto& f : fields) {
    const auto t = trim(f);
    if (t.starts_with(label)) {
      const auto v = parse_decimal(label, t.substr(label.size()));
      if (has_value(v)) return std::get<double>(v);
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Timestamp> parse_cboe_export_time(std::string_view text) {
  auto s = trim(text);
  if (!take(s, "Date:")) return std::nullopt;
  s = trim(s);
  unsigned month_number = 0;
  for (unsigned i = 0; i < kMonthNames.size(); ++i)
    if (s.starts_with(kMonthNames[i])) {
      month_number = i + 1;
      s.remove_prefix(kMonthNames[i].size());
      break;
    }
  s = trim(s);
  const auto d = take_number(s);
  if (month_number == 0 || !d || !take(s, ", ")) return std::nullopt;
  const auto y = take_number(s);
  if (!y || !take(s, " at ")) return std::nullopt;
  const auto hour = take_number(s);
  if (!hour || !take(s, ":")) return std::nullopt;
  const auto minute = take_number(s);
  s = trim(s);
  bool pm = false;
  if (take(s, "p.m.") || take(s, "PM") || take(s, "pm"))
    pm = true;
  else if (!(take(s, "a.m.") || take(s, "AM") || take(s, "am")))
    return std::nullopt;
  if (!minute || *hour < 1 || *hour > 12 || *minute > 59) return std::nullopt;
  const Date day{year{*y}, month{month_number}, std::chrono::day{static_cast<unsigned>(*d)}};
  if (!day.ok()) return std::nullopt;
  const int h24 = (*hour % 12) + (pm ? 12 : 0);
  return calendar::new_york_to_utc(day, hours{h24} + minutes{*minute});
}

ChainFile parse_cboe_chain_csv(std::string_view text, const std::string& underlying) {
  ChainFile file;
  file.chain.underlying = underlying;
  const auto records = read_csv_records(text);
  // CBOE's download starts with an empty line; the three header lines follow.
  if (records.size() < 3) {
    file.problems.push_back(
        {0, "a CBOE chain export starts with 3 header lines (name and last, date, columns)"});
    return file;
  }
  const auto spot = labelled_number(records[0].fields, "Last:");
  if (!spot || *spot <= 0) {
    file.problems.push_back({records[0].line, "no positive \"Last: <price>\" of the underlying"});
    return file;
  }
  file.chain.spot = *spot;
  const auto as_of =
      records[1].fields.empty() ? std::nullopt : parse_cboe_export_time(records[1].fields[0]);
  if (!as_of) {
    file.problems.push_back(
        {records[1].line, "no export time such as \"Date: July 9, 2022 at 5:28 p.m. EDT\""});
    return file;
  }
  file.chain.as_of = *as_of;
  const auto& header = records[2].fields;
  bool header_ok = header.size() == kHeader.size();
  for (std::size_t i = 0; header_ok && i < kHeader.size(); ++i)
    header_ok = equal_ignoring_case(trim(header[i]), kHeader[i]);
  if (!header_ok) {
    file.problems.push_back({records[2].line,
                             "the column header is not CBOE's (Expiration Date,Calls,Last "
                             "Sale,...,Strike,Puts,...,Open Interest: 22 columns)"});
    return file;
  }
  const Date export_day = calendar::new_york_date(*as_of);
  std::map<std::pair<Date, double>, std::size_t> first_line_of;
  for (std::size_t i = 3; i < records.size(); ++i) {
    const auto& r = records[i];
    const auto problem = [&](std::string message) {
      file.problems.push_back({r.line, std::move(message)});
    };
    if (r.problem) {
      problem(*r.problem);
      continue;
    }
    if (r.fields.size() != kHeader.size()) {
      problem("has " + std::to_string(r.fields.size()) + " fields, the header has 22");
      continue;
    }
    const auto expiration = parse_cboe_date("expiration date", r.fields[0]);
    if (!has_value(expiration)) {
      problem(std::get<std::string>(expiration));
      continue;
    }
    const Date exp = std::get<Date>(expiration);
    if (exp < export_day) {
      problem("expiration " + to_iso_date(exp) + " is before the export date " +
              to_iso_date(export_day));
      continue;
    }
    const auto strike = parse_decimal("strike", r.fields[11]);
    if (!has_value(strike) || std::get<double>(strike) <= 0) {
      problem(has_value(strike) ? "strike " + std::string(trim(r.fields[11])) + " is not positive"
                                : std::get<std::string>(strike));
      continue;
    }
    const auto [seen, fresh] =
        first_line_of.emplace(std::pair{exp, std::get<double>(strike)}, r.line);
    if (!fresh) {
      problem("expiration " + to_iso_date(exp) + " strike " + std::string(trim(r.fields[11])) +
              " already appears on line " + std::to_string(seen->second));
      continue;
    }
    auto call = read_side(r.fields, 1, OptionRight::Call, exp, std::get<double>(strike), underlying,
                          *as_of);
    auto put = read_side(r.fields, 1 + kPutOffset, OptionRight::Put, exp, std::get<double>(strike),
                         underlying, *as_of);
    if (auto* why = std::get_if<std::string>(&call)) {
      problem(std::move(*why));
      continue;
    }
    if (auto* why = std::get_if<std::string>(&put)) {
      problem(std::move(*why));
      continue;
    }
    file.chain.contracts.push_back(std::move(std::get<OptionContract>(call)));
    file.chain.contracts.push_back(std::move(std::get<OptionContract>(put)));
  }
  if (file.chain.contracts.empty() && file.problems.empty())
    file.problems.push_back({records[2].line, "the file has a header but no rows"});
  return file;
}

}  // namespace dorado::data
