#pragma once
// A database that cannot do what the store asked (connection lost, constraint
// violated, schema out of step). Expected outcomes are returned values; this
// is for the fatal and retryable categories.
#include <stdexcept>
#include <string>

namespace dorado::store {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The schema in the database does not match the migrations this binary ships
// (an edited migration, or a database from a newer binary). Never auto-fixed.
class MigrationError : public StoreError {
 public:
  using StoreError::StoreError;
};

}  // namespace dorado::store
