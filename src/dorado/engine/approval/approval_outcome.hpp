#pragma once
// What the human step needs to know about a candidate, who answers, and what
// came of the answer. Shared by the approval desk (the decisions) and the
// approval gate (the order path).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dorado/domain/reason_code.hpp"
#include "dorado/domain/time.hpp"
#include "dorado/ports/store_approval.hpp"

namespace dorado::engine {

// A candidate of the scan as the approval window sees it: the window opens
// when the scan created it and, at the latest, closes at its expiry.
struct CandidateForApproval {
  std::int64_t candidate_id = 0;
  std::string bot_id;
  Timestamp created_at{};
  std::optional<Timestamp> expires_at;
};

// Who answers, through which channel, with which one-tap tags.
struct Answer {
  std::string actor;  // "cli:alice", "telegram:12345"
  ports::ApprovalChannel channel = ports::ApprovalChannel::Terminal;
  std::vector<std::string> tags;  // e.g. "conviction=high"
  std::string reason;             // for a rejection
};

// Where a candidate stands in the human step, for the pending lists of the
// CLI, Telegram and the web UI.
enum class Standing {
  Pending,    // waiting for an answer; `closes_at` says until when
  Approved,   // approved, waiting for the order path
  Executing,  // its approval was used by an order path
  Rejected,   // rejected by a human
  Closed,     // its window closed or its cycle ended unanswered
  Blocked,    // its bot is busy with another candidate
};

struct CandidateStanding {
  Standing standing = Standing::Pending;
  std::optional<Timestamp> closes_at;  // for Pending
  std::string note;                    // who decided, why closed, what blocks it
};

// Done (with the decision as stored, when one was written) or refused with a
// reason code and a sentence for the person who asked.
struct ApprovalOutcome {
  bool done = false;
  ReasonCode code = ReasonCode::NotAwaitingApproval;
  std::string sentence;
  std::optional<ports::ApprovalRecord> decision;

  static ApprovalOutcome refused(ReasonCode code, std::string sentence) {
    return {false, code, std::move(sentence), std::nullopt};
  }
};

}  // namespace dorado::engine

template <>
struct dorado::EnumNames<dorado::engine::Standing> {
  static constexpr std::array table{
      std::pair{engine::Standing::Pending, std::string_view{"pending"}},
      std::pair{engine::Standing::Approved, std::string_view{"approved"}},
      std::pair{engine::Standing::Executing, std::string_view{"executing"}},
      std::pair{engine::Standing::Rejected, std::string_view{"rejected"}},
      std::pair{engine::Standing::Closed, std::string_view{"closed"}},
      std::pair{engine::Standing::Blocked, std::string_view{"blocked"}},
  };
};
