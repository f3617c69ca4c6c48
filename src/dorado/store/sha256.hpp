#pragma once
#include <string>
#include <string_view>

namespace dorado::store {

// Lower-case hex SHA-256 of the concatenated parts (OpenSSL EVP).
std::string sha256_hex(std::initializer_list<std::string_view> parts);

}  // namespace dorado::store
