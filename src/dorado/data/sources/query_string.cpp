#include "dorado/data/sources/query_string.hpp"

#include <algorithm>
#include <array>

namespace dorado::data {

std::string percent_encode(std::string_view text) {
  static constexpr std::array<char, 16> hex{'0', '1', '2', '3', '4', '5', '6', '7',
                                            '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                            (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~';
    if (unreserved) {
      out += c;
    } else {
      out += '%';
      out += hex[byte >> 4];
      out += hex[byte & 0x0F];
    }
  }
  return out;
}

std::string with_query(std::string_view base, const QueryParams& params) {
  std::string url(base);
  char separator = url.find('?') == std::string::npos ? '?' : '&';
  for (const auto& [key, value] : params) {
    url += separator;
    url += percent_encode(key);
    url += '=';
    url += percent_encode(value);
    separator = '&';
  }
  return url;
}

std::string redact_url(std::string_view url, const std::vector<std::string>& secret_params) {
  const auto query_start = url.find('?');
  if (query_start == std::string_view::npos || secret_params.empty()) return std::string(url);
  std::string out(url.substr(0, query_start + 1));
  std::string_view query = url.substr(query_start + 1);
  bool first = true;
  while (!query.empty() || first) {
    const auto end = query.find('&');
    const std::string_view pair = query.substr(0, end);
    const auto eq = pair.find('=');
    const std::string_view key = pair.substr(0, eq);
    if (!first) out += '&';
    const bool secret = std::any_of(secret_params.begin(), secret_params.end(),
                                    [&](const std::string& name) { return name == key; });
    if (secret && eq != std::string_view::npos) {
      out += key;
      out += '=';
      out += kRedacted;
    } else {
      out += pair;
    }
    first = false;
    if (end == std::string_view::npos) break;
    query.remove_prefix(end + 1);
  }
  return out;
}

std::string redact_values(std::string text, const std::vector<std::string>& secrets) {
  for (const auto& secret : secrets) {
    if (secret.empty()) continue;
    for (auto at = text.find(secret); at != std::string::npos;
         at = text.find(secret, at + kRedacted.size()))
      text.replace(at, secret.size(), kRedacted);
  }
  return text;
}

}  // namespace dorado::data
