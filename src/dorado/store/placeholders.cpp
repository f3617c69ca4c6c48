#include <string>
#include <string_view>

#include "dorado/store/sql_connection.hpp"

namespace dorado::store {

std::string to_numbered_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 1;
  char quote = 0;  // inside '...' or "..." when set
  bool line_comment = false;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (line_comment) {
      line_comment = c != '\n';
    } else if (quote) {
      if (c == quote) quote = 0;  // a doubled quote re-enters on the next char
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      line_comment = true;
    } else if (c == '?') {
      out += '$';
      out += std::to_string(next++);
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace dorado::store
