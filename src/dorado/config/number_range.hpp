#pragma once
// A closed interval written [min, max] in YAML (dte_range, vix_range ...).
namespace dorado::config {

struct NumberRange {
  double min = 0;
  double max = 0;
  bool contains(double v) const { return v >= min && v <= max; }
  friend bool operator==(const NumberRange&, const NumberRange&) = default;
};

}  // namespace dorado::config
