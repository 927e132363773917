#pragma once

#include "query/eventfilter.h"

#include <QString>

namespace chronomap {

class Story;

// The status bar's counts: the story's events, actors and relations, and with filters on, how
// many of each pass them ("7 of 12 events · …"), by the one predicate every view obeys.
QString storyCountsText(const Story& story, const FilterSpec& filter);

} // namespace chronomap
