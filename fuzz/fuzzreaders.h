#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace chronomap {

class Store;

// One entry point per reader for the fuzzers and for tst_fuzzcorpus, which replays the seed
// corpus in the normal suite. Feeds `bytes` to the reader named `reader` (csv, timelinejs,
// gexf, graphml, chronomapjson, edtf) and, where the reader writes to a story, into `store`
// inside a transaction that is always rolled back. Returns true when the input was accepted,
// false when it was refused with a StoreError; anything else (a crash, another exception) is
// the bug the fuzzer looks for.
bool fuzzRead(const QString& reader, const QByteArray& bytes, Store& store);

// The reader names, which are also the corpus folder names.
QStringList fuzzReaders();

} // namespace chronomap
