#include "calendarticker.h"

#include "query/timeindex.h"

#include <QDateTime>
#include <QTimeZone>

#include <cmath>

namespace chronomap {

namespace {
constexpr double kHour = 3600, kDay = 86400;
constexpr double kMonth = 30.44 * kDay, kYear = 365.25 * kDay;

double lengthOf(const CalendarTicker::Step& s)
{
    switch (s.unit) {
    case CalendarTicker::Unit::Hour:
        return s.count * kHour;
    case CalendarTicker::Unit::Day:
        return s.count * kDay;
    case CalendarTicker::Unit::Month:
        return s.count * kMonth;
    case CalendarTicker::Unit::Year:
        return s.count * kYear;
    }
    return kDay;
}

QDateTime utc(double seconds)
{
    return QDateTime::fromSecsSinceEpoch(qint64(std::floor(seconds)), QTimeZone::utc());
}

// The first boundary of the step at or before `t`.
QDateTime floorTo(const QDateTime& t, const CalendarTicker::Step& s)
{
    const QDate d = t.date();
    switch (s.unit) {
    case CalendarTicker::Unit::Hour:
        return QDateTime(d, QTime(t.time().hour() - t.time().hour() % s.count, 0),
                         QTimeZone::utc());
    case CalendarTicker::Unit::Day:
        if (s.count == 7) // weeks start on Monday
            return QDateTime(d.addDays(1 - d.dayOfWeek()), QTime(0, 0), QTimeZone::utc());
        return QDateTime(QDate(d.year(), d.month(), d.day() - (d.day() - 1) % s.count), QTime(0, 0),
                         QTimeZone::utc());
    case CalendarTicker::Unit::Month:
        return QDateTime(QDate(d.year(), d.month() - (d.month() - 1) % s.count, 1), QTime(0, 0),
                         QTimeZone::utc());
    case CalendarTicker::Unit::Year: {
        int y = d.year() - ((d.year() % s.count) + s.count) % s.count;
        if (y == 0) // there is no year 0 in QDate
            y = -1;
        return QDateTime(QDate(y, 1, 1), QTime(0, 0), QTimeZone::utc());
    }
    }
    return t;
}

QDateTime advance(const QDateTime& t, const CalendarTicker::Step& s)
{
    switch (s.unit) {
    case CalendarTicker::Unit::Hour:
        return t.addSecs(3600LL * s.count);
    case CalendarTicker::Unit::Day:
        if (s.count != 7 && t.date().day() + s.count > t.date().daysInMonth() - s.count / 2 &&
            s.count > 1) // day steps restart at each month: 1, 11, 21, then the 1st again
            // (From the month's first day: the 31st plus a month is the 30th or less, and
            // back to day 1 of that was the 31st again, a tick that never advanced.)
            return QDateTime(QDate(t.date().year(), t.date().month(), 1).addMonths(1), QTime(0, 0),
                             QTimeZone::utc());
        return t.addDays(s.count);
    case CalendarTicker::Unit::Month:
        return t.addMonths(s.count);
    case CalendarTicker::Unit::Year:
        return t.addYears(s.count);
    }
    return t.addDays(1);
}
} // namespace

DatePrecision CalendarTicker::finestOf(const TimeIndex& index)
{
    if (index.empty())
        return DatePrecision::Day;
    quint32 finest = 0;
    for (const quint32 f : index.flags()) {
        finest = std::max({finest, f & DateFlag::StartPrecisionMask,
                           (f & DateFlag::EndPrecisionMask) >> DateFlag::EndPrecisionShift});
        if (finest >= quint32(DatePrecision::Time))
            break;
    }
    return finest ? DatePrecision(finest) : DatePrecision::Day;
}

void CalendarTicker::setFinest(DatePrecision precision)
{
    m_finest = precision == DatePrecision::Open ? DatePrecision::Year : precision;
}

CalendarTicker::Step CalendarTicker::stepFor(double span) const
{
    static const Step steps[] = {
        {Unit::Hour, 1},   {Unit::Hour, 3},   {Unit::Hour, 6},   {Unit::Hour, 12},
        {Unit::Day, 1},    {Unit::Day, 2},    {Unit::Day, 7},    {Unit::Day, 10},
        {Unit::Month, 1},  {Unit::Month, 2},  {Unit::Month, 3},  {Unit::Month, 6},
        {Unit::Year, 1},   {Unit::Year, 2},   {Unit::Year, 5},   {Unit::Year, 10},
        {Unit::Year, 20},  {Unit::Year, 50},  {Unit::Year, 100}, {Unit::Year, 200},
        {Unit::Year, 500}, {Unit::Year, 1000}};
    const Unit finest = m_finest == DatePrecision::Time    ? Unit::Hour
                        : m_finest == DatePrecision::Day   ? Unit::Day
                        : m_finest == DatePrecision::Month ? Unit::Month
                                                           : Unit::Year;
    Step chosen = steps[std::size(steps) - 1];
    for (const Step& s : steps) {
        if (s.unit < finest)
            continue;
        if (span / lengthOf(s) <= m_target) {
            chosen = s;
            break;
        }
    }
    return chosen;
}

void CalendarTicker::ticksFor(const QCPRange& range, const QLocale& locale, QVector<double>& ticks,
                              QVector<QString>& labels) const
{
    ticks.clear();
    labels.clear();
    if (!(range.size() > 0) || !std::isfinite(range.lower) || !std::isfinite(range.upper))
        return;
    const Step step = stepFor(range.size());
    QDateTime t = floorTo(utc(range.lower), step);
    int previousYear = 0;
    QDate previousDay;
    for (int guard = 0; guard < 200; ++guard, t = advance(t, step)) {
        const double x = double(t.toSecsSinceEpoch());
        if (x > range.upper)
            break;
        if (x < range.lower)
            continue;
        const QDate d = t.date();
        // The year is named once: on the first tick and where it changes.
        const bool newYear = d.year() != previousYear;
        QString label;
        switch (step.unit) {
        case Unit::Year:
            label = QString::number(d.year());
            break;
        case Unit::Month:
            label = locale.toString(d, QStringLiteral("MMM"));
            if (newYear)
                label += u'\n' + QString::number(d.year());
            break;
        case Unit::Day:
            label = locale.toString(d, QStringLiteral("d MMM"));
            if (newYear)
                label += u'\n' + QString::number(d.year());
            break;
        case Unit::Hour:
            label = locale.toString(t.time(), QStringLiteral("HH:mm"));
            if (d != previousDay)
                label += u'\n' + locale.toString(d, QStringLiteral("d MMM")) +
                         (newYear ? u' ' + QString::number(d.year()) : QString());
            break;
        }
        previousYear = d.year();
        previousDay = d;
        ticks << x;
        labels << label;
    }
}

void CalendarTicker::generate(const QCPRange& range, const QLocale& locale, QChar, int,
                              QVector<double>& ticks, QVector<double>* subTicks,
                              QVector<QString>* tickLabels)
{
    QVector<QString> labels;
    ticksFor(range, locale, ticks, labels);
    if (subTicks)
        subTicks->clear();
    if (tickLabels)
        *tickLabels = labels;
}

} // namespace chronomap
