#pragma once
// SHA-256 (OpenSSL EVP) as lower-case hex: the configuration content hash,
// the audit chain and the decision journal are all fingerprinted with it.
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace dorado::digest {

// Incremental: update() any number of times, then hex() once.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  Sha256& update(std::string_view bytes);
  std::string hex();

 private:
  struct Free {
    void operator()(evp_md_ctx_st* ctx) const;
  };
  std::unique_ptr<evp_md_ctx_st, Free> ctx_;
};

// The hash of the concatenated parts.
std::string sha256_hex(std::initializer_list<std::string_view> parts);
inline std::string sha256_hex(std::string_view bytes) {
  return sha256_hex({bytes});
}

}  // namespace dorado::digest
