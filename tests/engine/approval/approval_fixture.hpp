#pragma once
// The lifecycle fixture plus the approval desk and gate, with the shipped
// default approval timeout (risk_policy.yaml approval.timeout: 4h).
#include <memory>

#include "dorado/engine/approval/approval_desk.hpp"
#include "dorado/engine/approval/approval_gate.hpp"
#include "engine/lifecycle/lifecycle_fixture.hpp"

namespace dorado::engine::testing {

class ApprovalFixture : public LifecycleFixture {
 protected:
  void SetUp() override {
    LifecycleFixture::SetUp();
    desk_ = std::make_unique<ApprovalDesk>(*store_, *bots_, clock_, std::chrono::hours(4));
    gate_ = std::make_unique<ApprovalGate>(*store_, *bots_);
  }
  void TearDown() override {
    gate_.reset();
    desk_.reset();
    LifecycleFixture::TearDown();
  }

  CandidateForApproval pending(const std::string& bot_id, int rank) {
    return {candidate(bot_id, rank), bot_id, clock_.now(), std::nullopt};
  }
  static Answer alice(std::vector<std::string> tags = {}, std::string reason = "") {
    return {"cli:alice", ports::ApprovalChannel::Terminal, std::move(tags), std::move(reason)};
  }

  std::unique_ptr<ApprovalDesk> desk_;
  std::unique_ptr<ApprovalGate> gate_;
};

}  // namespace dorado::engine::testing
