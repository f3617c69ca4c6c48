#include "dorado/cache/lock_token.hpp"

#include <sys/random.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <string>

namespace dorado::cache {

ports::LockToken new_lock_token() {
  std::array<unsigned char, 16> bytes{};
  std::size_t filled = 0;
  while (filled < bytes.size()) {
    const ssize_t got = ::getrandom(bytes.data() + filled, bytes.size() - filled, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw ports::CacheError(std::string("lock token: getrandom failed: ") + std::strerror(errno));
    }
    filled += static_cast<std::size_t>(got);
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (const unsigned char b : bytes) {
    hex.push_back(kHex[b >> 4]);
    hex.push_back(kHex[b & 0x0f]);
  }
  return {std::move(hex)};
}

}  // namespace dorado::cache
