#pragma once

#include <QString>

class QTextStream;

namespace chronomap {

// `chronomap bench FILE`: measures in-process, with the code paths the window uses on the
// offscreen platform, and prints one line per figure: "name value unit". Returns an exit code.
int runBenchmarks(const QString& storePath, QTextStream& out);

} // namespace chronomap
