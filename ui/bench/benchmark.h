#pragma once

#include <QString>

#include <vector>

class QTextStream;

namespace chronomap {

// Shared by the bench files: one printed figure, "name value unit".
void benchLine(QTextStream& out, const char* name, double value, const char* unit);
// The p-th fraction of `v` (0.5: the median, 0.95: p95), nearest rank; 0 for none.
double percentile(std::vector<double> v, double p);
// CPU time of the calling thread in ms: on a shared, loaded machine wall time also counts the
// waits for a core, which this does not.
double threadCpuMs();

class Story;

// The figures of each chart, printed by runBenchmarks (timelinebench.cpp, actormapbench.cpp).
void benchTimeline(Story& story, QTextStream& out);
void benchActorMap(Story& story, QTextStream& out);
void benchExport(Story& story, QTextStream& out); // exportbench.cpp
void benchImport(QTextStream& out);               // importbench.cpp
// `chronomap bench URL`: a shared story's open, first timeline, search and edit round trip
// between two connections, the import of `importEvents` generated events into a scratch story
// beside it (0: none), and the same figures for a story file in the same run (sharedbench.cpp).
void benchShared(const QString& url, qint64 importEvents, QTextStream& out);

// `chronomap bench FILE`: measures in-process, with the code paths the window uses on the
// offscreen platform, and prints one line per figure: "name value unit". Returns an exit code.
int runBenchmarks(const QString& storePath, QTextStream& out);

} // namespace chronomap
