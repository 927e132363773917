#pragma once

#include <QString>

class QTextStream;

namespace chronomap {

class Story;

// The figures of each chart, printed by runBenchmarks (timelinebench.cpp, actormapbench.cpp).
void benchTimeline(Story& story, QTextStream& out);
void benchActorMap(Story& story, QTextStream& out);
void benchExport(Story& story, QTextStream& out); // exportbench.cpp

// `chronomap bench FILE`: measures in-process, with the code paths the window uses on the
// offscreen platform, and prints one line per figure: "name value unit". Returns an exit code.
int runBenchmarks(const QString& storePath, QTextStream& out);

} // namespace chronomap
