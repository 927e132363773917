#pragma once

#include "partialdate.h"

#include <QString>

namespace chronomap {

// Reads a date as reporters type it ("late October 2025", "Aug 2025", "c. 2019",
// "2025-10-24/26", "Oct 24, 2025", "early 2025", "mid-August 2025", "24–26 October 2025",
// "before 2020", "24.10.2025") or plain EDTF, and returns the EDTF date it means. Phrases are
// English; "24/10/2025" is refused as ambiguous.
//
// "late" is the 21st to the month's end (Sep–Dec of a year), "early" the 1st to the 10th
// (Jan–Apr), "mid" the 11th to the 20th (May–Aug). A phrase without a year takes
// `defaultYear` marked as inferred ("2025?-08"); with no default it is refused.
// On failure returns an invalid date and, if asked, says what to type instead.
PartialDate parseDatePhrase(const QString& text, QString* error, int defaultYear = 0);

} // namespace chronomap
