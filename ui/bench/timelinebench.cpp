#include "benchmark.h"

namespace chronomap {

void benchTimeline(Story&, QTextStream&) {}

} // namespace chronomap
