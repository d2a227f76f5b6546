#include "masar/store/ingest.hpp"

#include <algorithm>
#include <future>
#include <optional>
#include <unordered_map>

#include "masar/extract/boilerplate.hpp"
#include "masar/util/parallel.hpp"
#include "store/dedup_records.hpp"

namespace masar::store {

struct Ingester::State {
  Store* store;
  IngestOptions options;
  dedup::Deduplicator dedup;
  DedupRecords records;
  // Per dedup document, in the order dedup knows them: the restored ones first (ascending
  // rowid), then this run's. A restored document's id is read from the store when needed.
  std::vector<std::string> doc_ids;
  std::vector<std::int64_t> doc_rowids;       // 0 while not stored
  std::vector<std::uint64_t> exact_hashes;    // exact body hash
  std::size_t restored = 0;                   // documents [0, restored) came from the store
  std::unordered_map<std::string, std::size_t> doc_of_id;  // this run's documents
  // An earlier text of an article that became another story: its copies now have an heir
  // (Store::hand_down_copies), which that text's document stands for from then on.
  std::unordered_map<std::size_t, Store::Heir> heirs;

  State(Store& s, IngestOptions o) : store(&s), options(o), dedup(o.dedup), records(s.handle()) {}

  std::size_t add_doc(const std::string& id, std::uint64_t exact_hash) {
    doc_ids.push_back(id);
    doc_rowids.push_back(0);
    exact_hashes.push_back(exact_hash);
    doc_of_id[id] = doc_ids.size() - 1;
    return doc_ids.size() - 1;
  }

  std::optional<std::size_t> restored_doc(std::int64_t rowid) const {
    const auto end = doc_rowids.begin() + static_cast<std::ptrdiff_t>(restored);
    const auto it = std::lower_bound(doc_rowids.begin(), end, rowid);
    if (it == end || *it != rowid) return std::nullopt;
    return static_cast<std::size_t>(it - doc_rowids.begin());
  }

  // The dedup document of an article already known: of this run, else restored.
  Result<std::optional<std::size_t>> doc_of(const std::string& id) {
    if (const auto it = doc_of_id.find(id); it != doc_of_id.end()) return std::optional<std::size_t>(it->second);
    if (restored == 0) return std::optional<std::size_t>();
    auto rowid = records.rowid_of(id);
    if (!rowid) return rowid.error();
    return rowid.value() ? restored_doc(*rowid.value()) : std::nullopt;
  }

  Result<std::string> id_of(std::size_t doc) {
    if (const auto heir = heirs.find(doc); heir != heirs.end()) return heir->second.id;
    if (!doc_ids[doc].empty()) return doc_ids[doc];
    auto id = records.article_id(doc_rowids[doc]);
    if (!id) return id.error();
    if (!id.value()) return make_error(Errc::internal, "dedup: article " + std::to_string(doc_rowids[doc]) + " vanished");
    doc_ids[doc] = *id.value();
    return doc_ids[doc];
  }

  // What dedup found for `doc`, stored as `rowid`: the record a later ingest restores.
  DedupRecord record_of(std::int64_t rowid, const dedup::Fingerprint& fp, const dedup::Match& m) const {
    DedupRecord r{rowid, fp.exact_hash, dedup::band_keys(fp, dedup.banding()), {}};
    for (const dedup::Link& l : m.links) {
      const auto heir = heirs.find(l.earlier);
      const std::int64_t earlier = heir != heirs.end() ? heir->second.rowid : doc_rowids[l.earlier];
      if (earlier != 0 && earlier != rowid) r.links.emplace_back(earlier, l.similarity);
    }
    return r;
  }

  // The dedup state of what is stored, from the records when every article has one made with
  // these options; else from the bodies (a file of schema 8 or older, other dedup options, a
  // damaged record), writing the records for the next time.
  Status load();
  void use_store_loader();
  Status restore();
  Status rebuild();
};

// A restored document's fingerprint, from its stored body.
void Ingester::State::use_store_loader() {
  dedup.set_loader([this](std::size_t doc) -> std::optional<dedup::Fingerprint> {
    auto body = records.body(doc_rowids[doc]);
    if (!body || !body.value()) return std::nullopt;
    return dedup::fingerprint(*body.value(), options.dedup);
  });
}

Status Ingester::State::load() {
  use_store_loader();
  auto version = store->data_version("dedup", "dedup_docs");
  if (!version) return version.error();
  auto complete = records.covers_every_article();
  if (!complete) return complete.error();
  if (version.value() == dedup_records_version(options.dedup) && complete.value()) {
    if (Status s = restore(); s || s.error().code != Errc::parse_error) return s;
    // A damaged record: start again from the bodies.
    dedup = dedup::Deduplicator(options.dedup);
    use_store_loader();
    doc_ids.clear();
    doc_rowids.clear();
    exact_hashes.clear();
    restored = 0;
  }
  return rebuild();
}

Status Ingester::State::restore() {
  std::vector<std::vector<std::pair<std::int64_t, double>>> links;
  const auto bands = static_cast<std::size_t>(dedup.banding().bands);
  std::optional<std::int64_t> damaged;  // a record whose band keys are not one a band
  if (Status s = records.for_each([&](DedupRecord&& r) {
        if (damaged || (!r.bands.empty() && r.bands.size() != bands)) {
          damaged = damaged.value_or(r.rowid);
          return;
        }
        dedup.restore(doc_ids.size(), r.exact_hash, std::move(r.bands));
        doc_ids.emplace_back();
        doc_rowids.push_back(r.rowid);
        exact_hashes.push_back(r.exact_hash);
        links.push_back(std::move(r.links));
      });
      !s) {
    return s;
  }
  if (damaged) {
    return make_error(Errc::parse_error, "the dedup record of article " + std::to_string(*damaged) + " is damaged");
  }
  restored = doc_ids.size();
  for (std::size_t doc = 0; doc < links.size(); ++doc) {
    for (const auto& [rowid, similarity] : links[doc]) {
      const auto earlier = restored_doc(rowid);
      if (earlier && *earlier != doc) dedup.restore_link(*earlier, doc, similarity);
    }
  }
  return Ok{};
}

Status Ingester::State::rebuild() {
  // Fingerprints in parallel, adds in order, then the records of every stored article.
  std::vector<std::string> bodies;
  if (Status s = store->for_each_body([&](std::int64_t rowid, const std::string& id, const std::string& body) {
        doc_ids.push_back(id);
        doc_rowids.push_back(rowid);
        bodies.push_back(body);
      });
      !s) {
    return s;
  }
  std::vector<dedup::Fingerprint> fps(bodies.size());
  util::parallel_for(bodies.size(), options.threads,
                     [&](std::size_t i) { fps[i] = dedup::fingerprint(bodies[i], options.dedup); });
  bodies = {};
  restored = doc_ids.size();
  if (Status s = store->begin(); !s) return s;
  Status written = records.clear();
  for (std::size_t doc = 0; doc < restored && written; ++doc) {
    exact_hashes.push_back(fps[doc].exact_hash);
    const dedup::Match m = dedup.add(doc, fps[doc]);
    written = records.put(record_of(doc_rowids[doc], fps[doc], m));
  }
  if (written) written = store->record_version("dedup", dedup_records_version(options.dedup));
  if (!written) {
    (void)store->rollback();
    return written;
  }
  return store->commit();
}

Ingester::Ingester(Store& store, IngestOptions options) : state_(std::make_unique<State>(store, options)) {}
Ingester::Ingester(Ingester&&) noexcept = default;
Ingester::~Ingester() = default;

Result<Ingester> Ingester::create(Store& store, IngestOptions options) {
  if (Status s = dedup::validate(options.dedup); !s) return s.error();
  Ingester ingester(store, options);
  if (Status s = ingester.state_->load(); !s) return s.error();
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
    const auto fail = [&](Error e) -> Result<IngestSummary> {
      (void)st.store->rollback();
      return e;
    };
    for (std::size_t i = start; i < end; ++i) {
      const extract::CleanedArticle& a = cleaned[i];
      IngestResult r{a.id, "", "", ""};
      DuplicateLink link;
      // Dedup decides in input order. A re-ingested article with the same body keeps the link
      // it has; an article never counts as a copy of its own earlier version.
      auto known = st.doc_of(a.id);
      if (!known) return fail(known.error());
      std::optional<std::size_t> added;  // the dedup document of this version, when new
      bool left_its_copies = false;      // a new text that is not a copy of the old one
      dedup::Match m;
      if (known.value() && st.exact_hashes[*known.value()] == fps[i].exact_hash) {
        auto stored = st.store->get(a.id);
        if (stored && stored.value()) link = stored.value()->duplicate;
      } else {
        added = st.add_doc(a.id, fps[i].exact_hash);
        m = st.dedup.add(*added, fps[i]);
        if (m.kind != dedup::MatchKind::none) {
          auto rep = st.id_of(m.representative);
          auto matched = st.id_of(m.matched);
          if (!rep || !matched) return fail(!rep ? rep.error() : matched.error());
          const bool matched_self = matched.value() == a.id;
          if (rep.value() != a.id) {
            link = DuplicateLink{rep.value(), matched_self ? "near" : dedup::match_kind_name(m.kind), m.similarity};
          }
          left_its_copies = known.value() && rep.value() != a.id;
        } else {
          left_its_copies = known.value().has_value();
        }
      }
      std::int64_t rowid = 0;
      auto outcome = st.store->upsert(a, link, ahead ? std::move(terms.terms[i - start]) : nullptr, &rowid);
      if (outcome && added) {
        st.doc_rowids[*added] = rowid;
        if (Status s = st.records.put(st.record_of(rowid, fps[i], m)); !s) return fail(s.error());
      }
      if (outcome && left_its_copies) {
        auto heir = st.store->hand_down_copies(rowid);
        if (!heir) return fail(heir.error());
        if (heir.value()) {
          if (Status s = st.records.relink(rowid, heir.value()->rowid); !s) return fail(s.error());
          st.heirs[*known.value()] = *heir.value();
          ++summary.handed_down;
        }
      }
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
