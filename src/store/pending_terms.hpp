// Hands the terms computed ahead for one row to the tokenizer, for the duration of the index
// write on this thread (store/fts_tokenizer.cpp).
#pragma once

#include "masar/store/index_terms.hpp"

namespace masar::store {

class PendingTerms {
 public:
  explicit PendingTerms(const IndexTerms* terms);
  ~PendingTerms();
  PendingTerms(const PendingTerms&) = delete;
  PendingTerms& operator=(const PendingTerms&) = delete;

 private:
  const IndexTerms* previous_;
};

}  // namespace masar::store
