#include "masar/store/ingest.hpp"

#include <future>
#include <unordered_map>

#include "masar/extract/boilerplate.hpp"

#include "masar/util/parallel.hpp"

namespace masar::store {

struct Ingester::State {
  Store* store;
  IngestOptions options;
  dedup::Deduplicator dedup;
  std::vector<std::string> doc_ids;  // dedup doc index -> article id
  std::vector<std::uint64_t> exact_hashes;  // dedup doc index -> exact body hash
  std::unordered_map<std::string, std::size_t> doc_of_id;

  State(Store& s, IngestOptions o) : store(&s), options(o), dedup(o.dedup) {}

  std::size_t add_doc(const std::string& id, std::uint64_t exact_hash) {
    doc_ids.push_back(id);
    exact_hashes.push_back(exact_hash);
    doc_of_id[id] = doc_ids.size() - 1;
    return doc_ids.size() - 1;
  }
};

Ingester::Ingester(Store& store, IngestOptions options) : state_(std::make_unique<State>(store, options)) {}
Ingester::Ingester(Ingester&&) noexcept = default;
Ingester::~Ingester() = default;

Result<Ingester> Ingester::create(Store& store, IngestOptions options) {
  if (Status s = dedup::validate(options.dedup); !s) return s.error();
  Ingester ingester(store, options);
  State& st = *ingester.state_;
  // Rebuild the dedup index from what is stored: fingerprints in parallel, adds in order.
  std::vector<std::string> ids, bodies;
  if (Status s = store.for_each_body([&](std::int64_t, const std::string& id, const std::string& body) {
        ids.push_back(id);
        bodies.push_back(body);
      });
      !s) {
    return s.error();
  }
  std::vector<dedup::Fingerprint> fps(bodies.size());
  util::parallel_for(bodies.size(), options.threads,
                     [&](std::size_t i) { fps[i] = dedup::fingerprint(bodies[i], options.dedup); });
  for (std::size_t i = 0; i < ids.size(); ++i) st.dedup.add(st.add_doc(ids[i], fps[i].exact_hash), fps[i]);
  return ingester;
}

Result<IngestSummary> Ingester::ingest(std::vector<extract::Article> articles,
                                       const std::function<void(std::size_t)>& progress,
                                       std::vector<IngestResult>* results) {
  std::vector<extract::PreparedArticle> prepared(articles.size());
  util::parallel_for(articles.size(), std::max(1u, state_->options.threads),
                     [&](std::size_t i) { prepared[i] = extract::Cleaner::prepare(std::move(articles[i])); });
  return ingest_prepared(std::move(prepared), progress, results);
}

Result<IngestSummary> Ingester::ingest_prepared(std::vector<extract::PreparedArticle> prepared,
                                                const std::function<void(std::size_t)>& progress,
                                                std::vector<IngestResult>* results) {
  State& st = *state_;
  IngestSummary summary;
  summary.read = prepared.size();
  const unsigned threads = std::max(1u, st.options.threads);

  // Clean (learning the per-source statistics first) and fingerprint on the workers.
  extract::Cleaner cleaner(st.options.clean);
  std::vector<extract::CleanedArticle> cleaned(prepared.size());
  std::vector<dedup::Fingerprint> fps(prepared.size());
  cleaner.clean_batch(std::move(prepared), threads, [&](std::size_t i, extract::CleanedArticle&& a) {
    fps[i] = dedup::fingerprint(a.body(), st.options.dedup);
    cleaned[i] = std::move(a);
  });
  // Persist the lines that recur in this batch (singletons would only bloat the table), so the
  // per-source boilerplate statistics accumulate across ingests and can be audited.
  std::unordered_map<std::string, std::vector<Store::LineCount>> recurring;
  cleaner.source_stats().for_each([&](const std::string& source, std::uint64_t hash, std::uint32_t count) {
    if (count >= 2) recurring[source].push_back({hash, count});
  });

  if (results) results->assign(cleaned.size(), IngestResult{});
  if (!recurring.empty()) {
    if (Status s = st.store->begin(); !s) return s.error();
    for (const auto& [source, counts] : recurring) {
      if (Status s = st.store->add_source_line_counts(source, counts); !s) {
        (void)st.store->rollback();
        return s.error();
      }
    }
    if (Status s = st.store->commit(); !s) return s.error();
  }
  // The index terms of each batch are computed on another core while the batch before it is
  // stored: indexing happens at commit on this, the one writing thread, and the analysis was
  // most of it.
  struct BatchTerms {
    std::vector<std::shared_ptr<const IndexTerms>> terms;
    std::vector<std::function<void(std::int64_t)>> when_stored;  // from options.with_index_terms
  };
  const auto analyze_batch = [&cleaned, size = st.options.batch_size, &hook = st.options.with_index_terms](std::size_t start) {
    BatchTerms out;
    for (std::size_t i = start; i < std::min(cleaned.size(), start + size); ++i) {
      const std::string body = cleaned[i].body();
      auto terms = std::make_shared<const IndexTerms>(analyze_for_index(cleaned[i].title, body));
      if (hook) out.when_stored.push_back(hook(cleaned[i].title, body, *terms));
      out.terms.push_back(std::move(terms));
    }
    return out;
  };
  const bool ahead = threads > 1;
  std::future<BatchTerms> next;
  if (ahead && !cleaned.empty()) next = std::async(std::launch::async, analyze_batch, 0);
  std::size_t done = 0;
  for (std::size_t start = 0; start < cleaned.size(); start += st.options.batch_size) {
    const std::size_t end = std::min(cleaned.size(), start + st.options.batch_size);
    BatchTerms terms;
    if (ahead) {
      terms = next.get();
      if (end < cleaned.size()) next = std::async(std::launch::async, analyze_batch, end);
    }
    if (Status s = st.store->begin(); !s) return s.error();
    for (std::size_t i = start; i < end; ++i) {
      const extract::CleanedArticle& a = cleaned[i];
      IngestResult r{a.id, "", "", ""};
      DuplicateLink link;
      // Dedup decides in input order. A re-ingested article with the same body keeps the link
      // it has; an article never counts as a copy of its own earlier version.
      const auto known = st.doc_of_id.find(a.id);
      if (known != st.doc_of_id.end() && st.exact_hashes[known->second] == fps[i].exact_hash) {
        auto stored = st.store->get(a.id);
        if (stored && stored.value()) link = stored.value()->duplicate;
      } else {
        const dedup::Match m = st.dedup.add(st.add_doc(a.id, fps[i].exact_hash), fps[i]);
        const std::string& rep = st.doc_ids[m.representative];
        if (m.kind != dedup::MatchKind::none && rep != a.id) {
          const bool matched_self = st.doc_ids[m.matched] == a.id;
          link = DuplicateLink{rep, matched_self ? "near" : dedup::match_kind_name(m.kind), m.similarity};
        }
      }
      std::int64_t rowid = 0;
      auto outcome = st.store->upsert(a, link, ahead ? std::move(terms.terms[i - start]) : nullptr, &rowid);
      if (!outcome) {
        r.status = "skipped";
        r.error = outcome.error().message;
        ++summary.skipped;
        summary.problems.push_back(a.id + ": " + outcome.error().message);
      } else {
        switch (outcome.value()) {
          case UpsertOutcome::inserted: ++summary.inserted; r.status = "inserted"; break;
          case UpsertOutcome::updated: ++summary.updated; r.status = "updated"; break;
          case UpsertOutcome::unchanged: ++summary.unchanged; r.status = "unchanged"; break;
        }
        if (!link.representative_id.empty() && outcome.value() != UpsertOutcome::unchanged) {
          ++summary.duplicates;
          r.duplicate_of = link.representative_id;
        }
        if (link.representative_id.empty() && outcome.value() != UpsertOutcome::unchanged &&
            !terms.when_stored.empty() && terms.when_stored[i - start]) {
          terms.when_stored[i - start](rowid);
        }
      }
      if (results) (*results)[i] = std::move(r);
    }
    if (Status s = st.store->commit(); !s) {
      (void)st.store->rollback();
      return s.error();
    }
    done = end;
    if (progress) progress(done);
  }
  return summary;
}

}  // namespace masar::store
