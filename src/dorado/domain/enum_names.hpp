#pragma once
// Two-way mapping between enums and the lower_snake_case names used in YAML,
// the store and the CLI. Each enum specialises EnumNames<E> with its table.
#include <array>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace dorado {

template <typename E>
struct EnumNames;  // static constexpr std::array<std::pair<E, std::string_view>, N> table;

template <typename E>
constexpr std::string_view name_of(E value) {
  for (const auto& [e, name] : EnumNames<E>::table)
    if (e == value) return name;
  return "unknown";
}

template <typename E>
constexpr std::optional<E> parse_name(std::string_view name) {
  for (const auto& [e, n] : EnumNames<E>::table)
    if (n == name) return e;
  return std::nullopt;
}

template <typename E>
std::vector<std::string_view> all_names() {
  std::vector<std::string_view> out;
  for (const auto& entry : EnumNames<E>::table) out.push_back(entry.second);
  return out;
}

}  // namespace dorado
