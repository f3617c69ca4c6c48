#pragma once
// Labelled training days shared by the supervised regime models (fx, crypto):
// the time-ordered train/test split, the training window and the stacking of
// feature rows into a matrix. A Row has `features` (Eigen::VectorXd), `date`
// and `label_end` (the last day whose close its label used).
#include <Eigen/Dense>
#include <algorithm>
#include <chrono>
#include <set>
#include <vector>

#include "dorado/domain/time.hpp"

namespace dorado::regime {

inline bool before_or_on(Date a, Date b) {
  return std::chrono::sys_days{a} <= std::chrono::sys_days{b};
}

// The distinct day at `share` of the way through the rows' days.
template <class Row>
Date cut_date(const std::vector<Row>& rows, double share) {
  std::set<std::chrono::sys_days> unique;
  for (const auto& r : rows) unique.insert(std::chrono::sys_days{r.date});
  const std::vector<std::chrono::sys_days> days(unique.begin(), unique.end());
  const auto at = static_cast<std::size_t>(share * static_cast<double>(days.size() - 1));
  return Date{days[std::min(at, days.size() - 1)]};
}

template <class Row>
struct TimeOrderedSplit {
  std::vector<const Row*> train, test;
};

// Train on rows whose label ended by the cut, test on rows dated after it;
// rows straddling the cut are dropped so no test close leaks into training.
template <class Row>
TimeOrderedSplit<Row> split_at_cut(const std::vector<Row>& rows, double train_share) {
  const Date cut = cut_date(rows, train_share);
  TimeOrderedSplit<Row> split;
  for (const auto& r : rows) {
    if (before_or_on(r.label_end, cut))
      split.train.push_back(&r);
    else if (!before_or_on(r.date, cut))
      split.test.push_back(&r);
  }
  return split;
}

struct TrainingWindow {
  Date first, last;  // first row's day, last close any label used
};

// `train` must not be empty.
template <class Row>
TrainingWindow training_window(const std::vector<const Row*>& train) {
  TrainingWindow w{train.front()->date, train.front()->label_end};
  for (const auto* r : train) {
    if (!before_or_on(w.first, r->date)) w.first = r->date;
    if (before_or_on(w.last, r->label_end)) w.last = r->label_end;
  }
  return w;
}

template <class Row>
Eigen::MatrixXd stack_features(const std::vector<const Row*>& rows, Eigen::Index width) {
  Eigen::MatrixXd m(static_cast<Eigen::Index>(rows.size()), width);
  for (std::size_t i = 0; i < rows.size(); ++i)
    m.row(static_cast<Eigen::Index>(i)) = rows[i]->features.transpose();
  return m;
}

}  // namespace dorado::regime
