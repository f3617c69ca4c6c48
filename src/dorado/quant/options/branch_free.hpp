#pragma once
// A selection between two doubles without a branch, for conditions that are
// coin flips over a chain of options (call or put, which side of the
// forward, which range of erfcx): a mispredicted branch costs more than
// computing both sides and masking one away. Compilers keep a ternary on
// doubles as a branch more often than not; masking the bits they keep as is.
#include <bit>
#include <cstdint>

namespace dorado::quant {

// a if `pick_a`, else b.
[[gnu::always_inline]] inline double select(bool pick_a, double a, double b) {
  const std::uint64_t mask = std::uint64_t{0} - static_cast<std::uint64_t>(pick_a);
  return std::bit_cast<double>((std::bit_cast<std::uint64_t>(a) & mask) |
                               (std::bit_cast<std::uint64_t>(b) & ~mask));
}

}  // namespace dorado::quant
