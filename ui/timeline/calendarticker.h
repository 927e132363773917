#pragma once

#include "model/partialdate.h"

#include <qcustomplot.h>

namespace chronomap {

class TimeIndex;

// The date axis' ticks, on calendar boundaries (years, quarters, months, weeks, days, hours)
// and never finer than the story's dates: a story dated to the day gets no hours, one dated to
// the month no days. Each label names the year once, on the first tick and where it changes,
// so no year is printed twice. Axis values are seconds since the epoch (UTC).
class CalendarTicker final : public QCPAxisTicker
{
public:
    enum class Unit
    {
        Hour,
        Day,
        Month,
        Year
    };
    struct Step
    {
        Unit unit = Unit::Day;
        int count = 1;
    };

    // The finest unit a tick may have: from the story's finest date precision.
    void setFinest(DatePrecision precision);
    // The finest precision any of the story's dates has (Day for an empty story).
    static DatePrecision finestOf(const TimeIndex& index);
    DatePrecision finest() const { return m_finest; }
    void setTargetTicks(int ticks) { m_target = std::max(2, ticks); }

    // The step and the ticks with their labels for a range (exposed for tests).
    Step stepFor(double span) const;
    void ticksFor(const QCPRange& range, const QLocale& locale, QVector<double>& ticks,
                  QVector<QString>& labels) const;

    void generate(const QCPRange& range, const QLocale& locale, QChar formatChar, int precision,
                  QVector<double>& ticks, QVector<double>* subTicks,
                  QVector<QString>* tickLabels) override;

private:
    DatePrecision m_finest = DatePrecision::Day;
    int m_target = 8;
};

} // namespace chronomap
