#pragma once
// The days of a daily feature table (fx, crypto) with every feature known,
// and the column checks a model makes before reading a table. A Table has
// `names`, `dates`, `values` and `complete(i)`.
#include <Eigen/Dense>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace dorado::regime {

struct CompleteDays {
  std::vector<Eigen::Index> rows;  // of the table
  Eigen::MatrixXd features;        // those rows, in order
};

template <class Table>
CompleteDays complete_days(const Table& table) {
  CompleteDays d;
  for (Eigen::Index i = 0; i < table.values.rows(); ++i)
    if (table.complete(i)) d.rows.push_back(i);
  d.features.resize(static_cast<Eigen::Index>(d.rows.size()), table.values.cols());
  for (std::size_t k = 0; k < d.rows.size(); ++k)
    d.features.row(static_cast<Eigen::Index>(k)) = table.values.row(d.rows[k]);
  return d;
}

// `model` names the model in the error, e.g. "fx model fx-xgb/...".
inline void require_model_columns(const std::vector<std::string>& table_names,
                                  const std::vector<std::string>& model_names,
                                  const std::string& model) {
  if (table_names != model_names)
    throw std::invalid_argument(model + ": the feature table's columns differ from the model's");
}

// The columns every market's table shares; `market` is "pair" or "coin".
// Throws std::invalid_argument when there is no table or the columns differ.
template <class Table>
const std::vector<std::string>& shared_columns(const std::map<std::string, Table>& tables,
                                               const std::string& model,
                                               const std::string& market) {
  if (tables.empty()) throw std::invalid_argument(model + ": no " + market + "s to train on");
  const auto& names = tables.begin()->second.names;
  for (const auto& [symbol, table] : tables)
    if (table.names != names)
      throw std::invalid_argument(model + ": " + market + " " + symbol +
                                  " has different feature columns");
  return names;
}

}  // namespace dorado::regime
