#pragma once
// Real servers for integration tests. scripts/with-test-services.sh starts a
// throwaway PostgreSQL and Redis and exports their URLs; run directly without
// them, a test skips with a clear message, unless DORADO_REQUIRE_SERVICES is
// set (as `make test` and CI do), where a missing server is a failure.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

// Declares `std::string var` holding the URL from environment variable `env`,
// or skips/fails the current test.
#define DORADO_SERVICE_URL_OR_SKIP(var, env)                                       \
  std::string var;                                                                 \
  if (const char* dorado_url_ = std::getenv(env); dorado_url_ && *dorado_url_) {   \
    var = dorado_url_;                                                             \
  } else if (std::getenv("DORADO_REQUIRE_SERVICES")) {                             \
    FAIL() << env << " is not set but DORADO_REQUIRE_SERVICES is";                 \
  } else {                                                                         \
    GTEST_SKIP() << env << " is not set: run under scripts/with-test-services.sh"; \
  }
