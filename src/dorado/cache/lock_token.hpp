#pragma once
#include "dorado/ports/cache.hpp"

namespace dorado::cache {

// A fresh owner token: 128 bits from the kernel's CSPRNG (getrandom), as 32
// hex characters. Unguessable, so no other process can forge a release.
ports::LockToken new_lock_token();

}  // namespace dorado::cache
