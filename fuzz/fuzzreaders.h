#pragma once

#include "interchange/importbatch.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace chronomap {

class Store;

// How fuzzRead writes what a reader accepts.
enum class FuzzWrite
{
    // Inside a transaction of the harness that is always rolled back: the story stays as it
    // was and every input meets the same store (the fuzzers).
    RollBack,
    // As the program imports: each reader's own transaction, committed when it succeeds
    // (tst_fuzzcorpus, which checks that a refused input left the story as it was).
    Commit,
};

// One entry point per reader for the fuzzers and for tst_fuzzcorpus, which replays the seed
// corpus in the normal suite. Feeds `bytes` to the reader named `reader` (csv, timelinejs,
// gexf, graphml, chronomapjson, edtf) and, where the reader writes to a story, into `store`.
// Returns true when the input was accepted, false when it was refused with a StoreError;
// anything else (a crash, another exception) is the bug the fuzzer looks for. `progress` goes
// to the import (a test may make it fail after the rows are written).
bool fuzzRead(const QString& reader, const QByteArray& bytes, Store& store,
              FuzzWrite write = FuzzWrite::RollBack, const ImportProgress& progress = {});

// The reader names, which are also the corpus folder names.
QStringList fuzzReaders();

} // namespace chronomap
