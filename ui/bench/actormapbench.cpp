#include "benchmark.h"

namespace chronomap {

void benchActorMap(Story&, QTextStream&) {}

} // namespace chronomap
