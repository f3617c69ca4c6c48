#pragma once
// Everything the paper venue must remember across a restart of the process
// (the daemon paper-trades for weeks; the lifecycle's crash tests kill it
// mid-order): cash, every fill booked, every order with its fills, the
// settlements, and the next venue order number. Written as JSON, exact
// figures as decimal strings, times as microseconds since the epoch.
//
// The state file is replaced atomically (written beside, then renamed), so a
// crash leaves either the old state or the new one, never half of one.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dorado/domain/fill.hpp"
#include "dorado/domain/money.hpp"
#include "dorado/venue/paper/carry.hpp"
#include "dorado/venue/paper/option_expiration.hpp"
#include "dorado/venue/paper/paper_order.hpp"

namespace dorado::venue::paper {

struct PaperVenueState {
  Money cash{Currency{"USD"}};
  std::vector<Fill> booked;        // booking order
  std::vector<PaperOrder> orders;  // acceptance order
  std::vector<Settlement> settlements;
  std::vector<CarryCharge> carry;
  std::int64_t next_order_number = 1;

  friend bool operator==(const PaperVenueState&, const PaperVenueState&) = default;
};

std::string to_json(const PaperVenueState& state);
// Throws std::invalid_argument naming the field for malformed text.
PaperVenueState paper_state_from_json(std::string_view text);

// nullopt when the file does not exist; throws std::runtime_error when it
// cannot be read and std::invalid_argument (with the path) when malformed.
std::optional<PaperVenueState> load_paper_state(const std::filesystem::path& file);
// Throws std::runtime_error when the file cannot be written.
void save_paper_state(const std::filesystem::path& file, const PaperVenueState& state);

}  // namespace dorado::venue::paper
