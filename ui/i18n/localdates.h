#pragma once

#include <QLocale>
#include <QString>

namespace chronomap {

class PartialDate;

// A date as a person reads it in their language: "24. Oktober 2025", "August 2025 – November
// 2025 (ungefähr)". Uses the locale's month names and day-month-year order; English (and the
// C locale) keep PartialDate::describe()'s wording, and forms the locale cannot say (unknown
// digits, seasons, years before 1, times) fall back to it too. Files keep EDTF: this is for
// display only.
QString localDate(const PartialDate& date, const QLocale& locale = QLocale());

} // namespace chronomap
