// libFuzzer harness for the dedup records a later ingest restores its state from (table
// dedup_docs, store/dedup_records.hpp): a damaged or hostile database file is an input too.
// The input is split into an exact hash, a band-key blob and a link blob, written as the record
// of one of four stored articles (a copy of a small database built once); then an ingester
// opens the file and ingests a near copy of one of them. Checks: nothing crashes or throws,
// the ingest succeeds, and afterwards every stored article has a record.
#include <sqlite3.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "masar/store/ingest.hpp"
#include "masar/store/store.hpp"

namespace {

using namespace masar;

extract::Article article(std::string id, std::string text) {
  extract::Article a;
  a.id = std::move(id);
  a.source = a.id;  // each its own outlet: no line recurs within one
  a.date = "2023-06-21";
  a.title = "عنوان " + a.id;
  a.text = std::move(text);
  return a;
}

const char* const kBody =
    "اختتمت في العاصمة الكازاخية الجولة العشرون من المحادثات بمشاركة الدول الضامنة روسيا وتركيا وإيران "
    "واتفق المشاركون على مواصلة العمل من أجل تثبيت وقف إطلاق النار وتبادل المحتجزين وعقد الجولة المقبلة "
    "في موعد يحدد لاحقا بعد مشاورات بين الوفود والمبعوث الأممي الذي حضر الجلسة الختامية";

struct Fixture {
  std::filesystem::path base, work;
  Fixture() {
    const auto dir = std::filesystem::temp_directory_path();
    base = dir / ("masar-fuzz-dedup-base-" + std::to_string(::getpid()) + ".db");
    work = dir / ("masar-fuzz-dedup-work-" + std::to_string(::getpid()) + ".db");
    for (const auto& p : {base, work}) {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + suffix);
    }
    auto s = store::Store::open(base);
    if (!s) __builtin_trap();
    auto ingester = store::Ingester::create(s.value(), {});
    if (!ingester) __builtin_trap();
    std::vector<extract::Article> four = {article("a1", kBody), article("a2", std::string(kBody) + " وقال مصدر مطلع"),
                                          article("a3", kBody), article("a4", "خبر قصير")};
    if (!ingester->ingest(std::move(four))) __builtin_trap();
  }  // the last connection closed: the WAL is checkpointed into the file, which each run copies
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Fixture fixture;
  // Byte 0: which article; bytes 1-2: where the band keys end; 3-10: the exact hash.
  if (size < 11) return 0;
  const int rowid = 1 + data[0] % 4;
  const std::size_t rest = size - 11;
  const std::size_t cut = (static_cast<std::size_t>(data[1]) | static_cast<std::size_t>(data[2]) << 8) % (rest + 1);
  std::int64_t exact = 0;
  std::memcpy(&exact, data + 3, 8);
  const std::string bands(reinterpret_cast<const char*>(data + 11), cut);
  const std::string links(reinterpret_cast<const char*>(data + 11 + cut), rest - cut);

  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(fixture.work.string() + suffix);
  std::filesystem::copy_file(fixture.base, fixture.work);
  {
    sqlite3* raw = nullptr;
    if (sqlite3_open(fixture.work.c_str(), &raw) != SQLITE_OK) __builtin_trap();
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(raw, "INSERT OR REPLACE INTO dedup_docs(rowid, exact_hash, bands, links) VALUES(?1, ?2, ?3, ?4)", -1, &st, nullptr);
    sqlite3_bind_int(st, 1, rowid);
    sqlite3_bind_int64(st, 2, exact);
    sqlite3_bind_blob(st, 3, bands.data(), static_cast<int>(bands.size()), SQLITE_TRANSIENT);
    sqlite3_bind_blob(st, 4, links.data(), static_cast<int>(links.size()), SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE) __builtin_trap();
    sqlite3_finalize(st);
    sqlite3_close(raw);
  }
  auto s = store::Store::open(fixture.work);
  if (!s) __builtin_trap();
  auto ingester = store::Ingester::create(s.value(), {});
  if (!ingester) __builtin_trap();
  std::vector<extract::Article> one = {article("a5", std::string(kBody) + " في بيان")};
  if (!ingester->ingest(std::move(one))) __builtin_trap();
  sqlite3_stmt* count = nullptr;
  sqlite3_prepare_v2(s->handle(), "SELECT (SELECT count(*) FROM articles) = (SELECT count(*) FROM dedup_docs)", -1, &count, nullptr);
  if (sqlite3_step(count) != SQLITE_ROW || sqlite3_column_int(count, 0) != 1) __builtin_trap();
  sqlite3_finalize(count);
  return 0;
}
