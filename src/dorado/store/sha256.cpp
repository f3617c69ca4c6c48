#include "dorado/store/sha256.hpp"

#include <openssl/evp.h>

#include <memory>

#include "dorado/store/store_error.hpp"

namespace dorado::store {

std::string sha256_hex(std::initializer_list<std::string_view> parts) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
    throw StoreError("SHA-256 unavailable");
  for (const auto part : parts)
    if (EVP_DigestUpdate(ctx.get(), part.data(), part.size()) != 1)
      throw StoreError("SHA-256 failed");
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(ctx.get(), digest, &length) != 1) throw StoreError("SHA-256 failed");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0x0f];
  }
  return hex;
}

}  // namespace dorado::store
