#pragma once
// The human step as the store keeps it: one decision per candidate (approved
// or rejected), who made it, when and through which channel, the one-tap
// annotation tags given with it, and whether an order has used the approval.
// An approval authorises one order path once; the store marks it used
// atomically so a replayed approval cannot authorise a second one.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "dorado/domain/enum_names.hpp"
#include "dorado/domain/time.hpp"

namespace dorado::ports {

enum class ApprovalDecision { Approved, Rejected };

// Where the decision was made; `automatic` is the engine itself, for a bot
// whose approval_mode is auto_execute.
enum class ApprovalChannel { Terminal, Telegram, Web, Automatic };

struct ApprovalDraft {
  std::int64_t candidate_id = 0;
  std::string bot_id;
  ApprovalDecision decision = ApprovalDecision::Approved;
  std::string actor;  // "cli:alice", "telegram:12345", "engine"
  ApprovalChannel channel = ApprovalChannel::Terminal;
  Timestamp at;
  std::string reason;             // why, for a rejection (may be empty)
  std::vector<std::string> tags;  // annotation tags, e.g. "conviction=high"

  bool operator==(const ApprovalDraft&) const = default;
};

struct ApprovalRecord {
  std::int64_t id = 0;
  ApprovalDraft draft;
  std::optional<Timestamp> used_at;  // when an order path consumed it
  std::optional<std::string> used_by;

  bool operator==(const ApprovalRecord&) const = default;
};

// Thrown by Store::record_approval when the candidate already has a decision:
// a candidate is approved or rejected once.
class DecisionExists : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace dorado::ports

template <>
struct dorado::EnumNames<dorado::ports::ApprovalDecision> {
  static constexpr std::array table{
      std::pair{ports::ApprovalDecision::Approved, std::string_view{"approved"}},
      std::pair{ports::ApprovalDecision::Rejected, std::string_view{"rejected"}},
  };
};

template <>
struct dorado::EnumNames<dorado::ports::ApprovalChannel> {
  static constexpr std::array table{
      std::pair{ports::ApprovalChannel::Terminal, std::string_view{"terminal"}},
      std::pair{ports::ApprovalChannel::Telegram, std::string_view{"telegram"}},
      std::pair{ports::ApprovalChannel::Web, std::string_view{"web"}},
      std::pair{ports::ApprovalChannel::Automatic, std::string_view{"automatic"}},
  };
};
