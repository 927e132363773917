#include "partialdate.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <array>

namespace chronomap {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (astronomical years), valid for any year
// the parser accepts. Howard Hinnant's days_from_civil.
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

bool isLeap(qint64 y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonthStatic(qint64 y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : days[(m - 1) % 12];
}

constexpr qint64 kDay = 86400;
// Seconds of a calendar instant with a 64-bit year: EDTF long years ("Y-4000000000") are beyond
// an int.
qint64 secondsOfYear(qint64 year, int month, int day, int hour = 0, int minute = 0,
                     int second = 0)
{
    return daysFromCivil(year, unsigned(month), unsigned(day)) * kDay + hour * 3600 +
           minute * 60 + second;
}
// EDTF allows any year; we keep to what fits comfortably in seconds and in QCustomPlot's double
// axis: 1,000,000 years either side of year 0 for ordinary years, and for EDTF's long years
// ("Y-13800000000", TimelineJS's cosmological template) the age of the universe and a little:
// 20 billion years (6.3e17 seconds, within qint64; a double keeps them to about a minute).
constexpr qint64 kMaxYear = 1000000;
constexpr qint64 kMaxLongYear = 20000000000;

const std::array<const char*, 12> kMonthNames = {"January",   "February", "March",    "April",
                                                 "May",       "June",     "July",     "August",
                                                 "September", "October",  "November", "December"};

enum Qual : quint8
{
    QNone = 0,
    QUncertain = 1,
    QApprox = 2
};

Qual qualOf(QChar c)
{
    if (c == u'?')
        return QUncertain;
    if (c == u'~')
        return QApprox;
    if (c == u'%')
        return Qual(QUncertain | QApprox);
    return QNone;
}

// One end of an EDTF date or interval, as parsed.
struct Point
{
    bool open = false; // ".." or empty: no bound
    qint64 yearMin = 0, yearMax = 0;
    int monthMin = 0, monthMax = 0; // 0: not given
    int season = 0;                 // 21..24 when the month slot holds a season
    int dayMin = 0, dayMax = 0;     // 0: not given
    int hour = -1, minute = 0, second = 0, secondsGiven = 0;
    int offsetSeconds = 0;
    DatePrecision precision = DatePrecision::Open;
    quint8 yearQual = QNone, monthQual = QNone, dayQual = QNone;
    bool unspecified = false;
    qint64 nominalStart = 0, nominalEnd = 0, earliest = 0, latest = 0;
};

// Parses digits that may contain X (unspecified). Returns false on any other character.
bool parseDigitsX(QStringView s, qint64& lo, qint64& hi, bool& hasX)
{
    if (s.isEmpty())
        return false;
    lo = 0;
    hi = 0;
    for (QChar c : s) {
        if (c.isDigit()) {
            lo = lo * 10 + c.digitValue();
            hi = hi * 10 + c.digitValue();
        } else if (c == u'X' || c == u'x') {
            hasX = true;
            lo = lo * 10;
            hi = hi * 10 + 9;
        } else {
            return false;
        }
    }
    return true;
}

void addMonths(qint64& y, int& m, int delta)
{
    qint64 total = y * 12 + (m - 1) + delta;
    y = total >= 0 ? total / 12 : -((-total + 11) / 12);
    m = int(total - y * 12) + 1;
}

} // namespace

// Parses EDTF text into a PartialDate. A class (not free functions) so it can be PartialDate's
// friend and fill in its fields.
class EdtfParser
{
public:
    static PartialDate parse(const QString& input, QString* error);

private:
    static bool parsePoint(QStringView s, Point& p, QString& why);
    static bool computeBounds(Point& p, QString& why);
};

bool EdtfParser::parsePoint(QStringView s, Point& p, QString& why)
{
    if (s.isEmpty() || s == u"..") {
        p.open = true;
        return true;
    }
    int i = 0;
    // A qualifier before the year qualifies the year alone (EDTF level 2).
    if (i < s.size() && qualOf(s[i]) != QNone) {
        p.yearQual |= qualOf(s[i]);
        ++i;
    }
    bool negative = false;
    if (i < s.size() && s[i] == u'Y') { // long year: Y170000002
        ++i;
    }
    if (i < s.size() && s[i] == u'-') {
        negative = true;
        ++i;
    }
    int yStart = i;
    while (i < s.size() && (s[i].isDigit() || s[i] == u'X' || s[i] == u'x'))
        ++i;
    if (i - yStart < 4 && !(yStart > 0 && s[0] == u'Y')) {
        why = QCoreApplication::translate(
            "PartialDate", "a year needs four digits (\"2025\", \"-0044\" for 45 BCE)");
        return false;
    }
    qint64 ylo = 0, yhi = 0;
    const bool longYear = yStart > 0 && s[0] == u'Y';
    if (i - yStart > (longYear ? 11 : 7) ||
        !parseDigitsX(s.mid(yStart, i - yStart), ylo, yhi, p.unspecified)) {
        why = QCoreApplication::translate("PartialDate", "the year \"%1\" is not a year")
                  .arg(s.mid(yStart, i - yStart));
        return false;
    }
    if (negative) {
        std::swap(ylo, yhi);
        ylo = -ylo;
        yhi = -yhi;
    }
    if (ylo < -(longYear ? kMaxLongYear : kMaxYear) || yhi > (longYear ? kMaxLongYear : kMaxYear)) {
        why = longYear ? QCoreApplication::translate(
                             "PartialDate", "the year is beyond 20 billion years from now")
                       : QCoreApplication::translate(
                             "PartialDate", "the year is beyond a million years from now; "
                                            "write longer years as Y-13800000000");
        return false;
    }
    p.yearMin = ylo;
    p.yearMax = yhi;
    p.precision = DatePrecision::Year;
    auto takeQual = [&](quint8& target) {
        while (i < s.size() && qualOf(s[i]) != QNone) {
            target |= qualOf(s[i]);
            ++i;
        }
    };
    quint8 afterYear = QNone;
    takeQual(afterYear);
    p.yearQual |= afterYear;

    auto twoDigits = [&](qint64& lo, qint64& hi) -> bool {
        if (i + 2 > s.size())
            return false;
        bool ok = parseDigitsX(s.mid(i, 2), lo, hi, p.unspecified);
        i += 2;
        return ok;
    };

    if (i < s.size() && s[i] == u'-') {
        ++i;
        if (i < s.size() && qualOf(s[i]) != QNone) { // level 2: qualifier before the month
            p.monthQual |= qualOf(s[i]);
            ++i;
        }
        qint64 mlo = 0, mhi = 0;
        if (!twoDigits(mlo, mhi)) {
            why = QCoreApplication::translate("PartialDate",
                                              "the month must be two digits, 01 to 12");
            return false;
        }
        if (mlo >= 21 && mhi <= 24 && mlo == mhi) {
            p.season = int(mlo);
            mlo = mhi = 0;
        } else {
            mlo = std::max<qint64>(mlo, 1);
            mhi = std::min<qint64>(mhi, 12);
            if (mlo > 12 || mhi < 1 || mlo > mhi) {
                why = QCoreApplication::translate(
                    "PartialDate", "the month must be 01 to 12 (or a season, 21 to 24)");
                return false;
            }
        }
        p.monthMin = int(mlo);
        p.monthMax = int(mhi);
        p.precision = DatePrecision::Month;
        quint8 afterMonth = QNone;
        takeQual(afterMonth);
        // Group qualification: a qualifier right of a component covers everything to its left.
        p.monthQual |= afterMonth;
        p.yearQual |= afterMonth;

        if (p.season == 0 && i < s.size() && s[i] == u'-') {
            ++i;
            if (i < s.size() && qualOf(s[i]) != QNone) {
                p.dayQual |= qualOf(s[i]);
                ++i;
            }
            qint64 dlo = 0, dhi = 0;
            if (!twoDigits(dlo, dhi)) {
                why = QCoreApplication::translate("PartialDate",
                                                  "the day must be two digits, 01 to 31");
                return false;
            }
            dlo = std::max<qint64>(dlo, 1);
            if (dlo > 31 || dhi < 1 || dlo > dhi) {
                why = QCoreApplication::translate("PartialDate", "the day must be 01 to 31");
                return false;
            }
            p.dayMin = int(dlo);
            p.dayMax = int(std::min<qint64>(dhi, 31));
            p.precision = DatePrecision::Day;
            quint8 afterDay = QNone;
            takeQual(afterDay);
            p.dayQual |= afterDay;
            p.monthQual |= afterDay;
            p.yearQual |= afterDay;

            if (i < s.size() && (s[i] == u'T' || s[i] == u't' || s[i] == u' ')) {
                ++i;
                auto num = [&](int& out, int max) -> bool {
                    if (i + 2 > s.size() || !s[i].isDigit() || !s[i + 1].isDigit())
                        return false;
                    out = s[i].digitValue() * 10 + s[i + 1].digitValue();
                    i += 2;
                    return out <= max;
                };
                if (!num(p.hour, 23) || i >= s.size() || s[i] != u':' ||
                    (++i, !num(p.minute, 59))) {
                    why = QCoreApplication::translate("PartialDate",
                                                      "the time must read HH:MM or HH:MM:SS");
                    return false;
                }
                if (i < s.size() && s[i] == u':') {
                    ++i;
                    if (!num(p.second, 60)) {
                        why = QCoreApplication::translate("PartialDate",
                                                          "the seconds must be 00 to 59");
                        return false;
                    }
                    p.secondsGiven = 1;
                }
                if (i < s.size() && (s[i] == u'Z' || s[i] == u'z')) {
                    ++i;
                } else if (i < s.size() && (s[i] == u'+' || s[i] == u'-')) {
                    int sign = s[i] == u'-' ? -1 : 1;
                    ++i;
                    int oh = 0, om = 0;
                    if (!num(oh, 14)) {
                        why = QCoreApplication::translate("PartialDate",
                                                          "the time zone must read +HH:MM");
                        return false;
                    }
                    if (i < s.size() && s[i] == u':')
                        ++i;
                    if (i < s.size())
                        num(om, 59);
                    p.offsetSeconds = sign * (oh * 3600 + om * 60);
                }
                p.precision = DatePrecision::Time;
            }
        }
    }
    if (i != s.size()) {
        why = QCoreApplication::translate("PartialDate", "unexpected \"%1\" after the date")
                  .arg(s.mid(i));
        return false;
    }
    return computeBounds(p, why);
}

bool EdtfParser::computeBounds(Point& p, QString& why)
{
    qint64 startY = p.yearMin, endY = p.yearMax;
    int startM = 1, endM = 12;
    int startD = 1, endD = 0;
    if (p.season) {
        // Northern-hemisphere meteorological seasons; winter runs into the next year.
        static const int first[] = {3, 6, 9, 12};
        startM = first[p.season - 21];
        endY = p.yearMax + (p.season == 24 ? 1 : 0);
        endM = p.season == 24 ? 2 : startM + 2;
    } else if (p.monthMin) {
        startM = p.monthMin;
        endM = p.monthMax;
    }
    if (p.dayMin) {
        if (p.dayMin > daysInMonthStatic(startY, startM)) {
            why = QCoreApplication::translate("PartialDate", "%1 has no day %2")
                      .arg(QString::fromLatin1(kMonthNames[startM - 1]))
                      .arg(p.dayMin);
            return false;
        }
        startD = p.dayMin;
        endD = std::min(p.dayMax, daysInMonthStatic(endY, endM));
    } else {
        endD = daysInMonthStatic(endY, endM);
    }
    if (p.hour >= 0) {
        qint64 t = secondsOfYear((startY), startM, startD, p.hour, p.minute, p.second) -
                   p.offsetSeconds;
        p.nominalStart = t;
        p.nominalEnd = t + (p.secondsGiven ? 0 : 59);
    } else {
        p.nominalStart = secondsOfYear((startY), startM, startD);
        p.nominalEnd = secondsOfYear((endY), endM, endD) + kDay - 1;
    }
    p.earliest = p.nominalStart;
    p.latest = p.nominalEnd;
    // "~" widens by one unit of the finest component it qualifies: "2025~" by a year,
    // "2025-08~" by a month, "2025-08-12~" by a day (an hour for times).
    if (p.dayQual & QApprox) {
        const qint64 unit = p.precision == DatePrecision::Time ? 3600 : kDay;
        p.earliest -= unit;
        p.latest += unit;
    } else if (p.monthQual & QApprox) {
        qint64 y0 = startY, y1 = endY;
        int m0 = startM, m1 = endM;
        addMonths(y0, m0, -1);
        addMonths(y1, m1, 1);
        p.earliest =
            secondsOfYear((y0), m0, std::min(startD, daysInMonthStatic(y0, m0)));
        p.latest = secondsOfYear((y1), m1, std::min(endD, daysInMonthStatic(y1, m1))) +
                   kDay - 1;
    } else if (p.yearQual & QApprox) {
        p.earliest = secondsOfYear((startY - 1), startM, std::min(startD, daysInMonthStatic(startY - 1, startM)));
        p.latest = secondsOfYear((endY + 1), endM,
                                          std::min(endD, daysInMonthStatic(endY + 1, endM))) +
                   kDay - 1;
    }
    return true;
}

PartialDate EdtfParser::parse(const QString& input, QString* error)
{
    PartialDate d;
    const QString text = input.trimmed();
    QString why;
    auto fail = [&](const QString& reason) {
        if (error)
            *error = QCoreApplication::translate("PartialDate",
                                                 "\"%1\" is not a date Chronomap understands: %2")
                         .arg(input, reason);
        return PartialDate();
    };
    if (text.isEmpty())
        return fail(QCoreApplication::translate("PartialDate", "it is empty"));
    if (text.size() > 80)
        return fail(QCoreApplication::translate("PartialDate", "it is longer than any date"));

    const qsizetype slash = text.indexOf(u'/');
    Point a, b;
    bool range = slash >= 0;
    if (range) {
        if (text.indexOf(u'/', slash + 1) >= 0)
            return fail(QCoreApplication::translate("PartialDate", "an interval has one \"/\""));
        if (!parsePoint(QStringView(text).left(slash), a, why) ||
            !parsePoint(QStringView(text).mid(slash + 1), b, why))
            return fail(why);
        if (a.open && b.open)
            return fail(
                QCoreApplication::translate("PartialDate", "an interval needs at least one end"));
        if (!a.open && !b.open && b.nominalEnd < a.nominalStart)
            return fail(
                QCoreApplication::translate("PartialDate", "the interval ends before it starts"));
    } else {
        if (!parsePoint(text, a, why) || a.open)
            return fail(why.isEmpty() ? QCoreApplication::translate("PartialDate", "it has no year")
                                      : why);
        b = a;
    }

    auto qualFlags = [](const Point& p) {
        quint32 f = 0;
        const quint8 all = p.yearQual | p.monthQual | p.dayQual;
        if (all & QApprox)
            f |= DateFlag::Approximate;
        if (all & QUncertain)
            f |= DateFlag::Uncertain;
        // The year alone is qualified: the source implies it ("2025?-08").
        if ((p.yearQual & QUncertain) && !(p.monthQual & QUncertain) &&
            p.precision > DatePrecision::Year)
            f |= DateFlag::YearInferred;
        if (p.unspecified)
            f |= DateFlag::UnspecifiedDigits;
        return f;
    };

    quint32 flags = qualFlags(a) | qualFlags(b);
    flags |= quint32(a.precision) & DateFlag::StartPrecisionMask;
    flags |= (quint32(b.precision) << DateFlag::EndPrecisionShift) & DateFlag::EndPrecisionMask;
    if (range)
        flags |= DateFlag::Range;

    if (a.open) {
        flags |= DateFlag::OpenStart;
        a.nominalStart = a.earliest = b.earliest;
    }
    if (b.open) {
        flags |= DateFlag::OpenEnd;
        b.nominalEnd = b.latest = a.latest;
    }
    d.m_edtf = text;
    d.m_nominalStart = a.nominalStart;
    d.m_earliest = a.earliest;
    d.m_nominalEnd = b.nominalEnd;
    d.m_latest = b.latest;
    d.m_flags = flags;
    d.m_valid = true;
    return d;
}

PartialDate PartialDate::fromEdtf(const QString& text, QString* error)
{
    return EdtfParser::parse(text, error);
}

PartialDate PartialDate::fromDay(int year, int month, int day)
{
    return fromEdtf(QStringLiteral("%1-%2-%3")
                        .arg(year, 4, 10, QLatin1Char('0'))
                        .arg(month, 2, 10, QLatin1Char('0'))
                        .arg(day, 2, 10, QLatin1Char('0')));
}

void PartialDate::civilDay(qint64 secs, qint64& year, int& month, int& day)
{
    // Howard Hinnant's civil_from_days.
    qint64 days = secs >= 0 ? secs / kDay : -((-secs + kDay - 1) / kDay);
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = unsigned(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    qint64 y = qint64(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    day = int(doy - (153 * mp + 2) / 5 + 1);
    month = int(mp < 10 ? mp + 3 : mp - 9);
    year = y + (month <= 2);
}

QString PartialDate::isoDay(qint64 secs)
{
    qint64 y = 0;
    int m = 0, d = 0;
    civilDay(secs, y, m, d);
    if (y < 0 || y > 9999)
        return QStringLiteral("%1%2-%3-%4")
            .arg(y < 0 ? QStringLiteral("-") : QString())
            .arg(qAbs(y), 4, 10, QLatin1Char('0'))
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(d, 2, 10, QLatin1Char('0'));
    const char16_t text[10] = {char16_t(u'0' + y / 1000),
                               char16_t(u'0' + y / 100 % 10),
                               char16_t(u'0' + y / 10 % 10),
                               char16_t(u'0' + y % 10),
                               u'-',
                               char16_t(u'0' + m / 10),
                               char16_t(u'0' + m % 10),
                               u'-',
                               char16_t(u'0' + d / 10),
                               char16_t(u'0' + d % 10)};
    return QString(reinterpret_cast<const QChar*>(text), 10);
}

PartialDate PartialDate::fromSeconds(qint64 secs)
{
    const qint64 days = secs >= 0 ? secs / kDay : -((-secs + kDay - 1) / kDay);
    const qint64 rem = secs - days * kDay;
    return fromEdtf(QStringLiteral("%1T%2:%3:%4Z")
                        .arg(isoDay(secs))
                        .arg(int(rem / 3600), 2, 10, QLatin1Char('0'))
                        .arg(int(rem % 3600 / 60), 2, 10, QLatin1Char('0'))
                        .arg(int(rem % 60), 2, 10, QLatin1Char('0')));
}

qint64 PartialDate::secondsOf(int year, int month, int day, int hour, int minute, int second)
{
    return daysFromCivil(year, unsigned(month), unsigned(day)) * kDay + hour * 3600 + minute * 60 +
           second;
}

int PartialDate::daysInMonth(int year, int month)
{
    return daysInMonthStatic(year, month);
}

bool operator<(const PartialDate& a, const PartialDate& b)
{
    if (a.m_earliest != b.m_earliest)
        return a.m_earliest < b.m_earliest;
    if (a.m_latest != b.m_latest)
        return a.m_latest < b.m_latest;
    return a.m_edtf < b.m_edtf;
}

namespace {

QString yearWords(qint64 y)
{
    if (y <= 0)
        return QStringLiteral("%1 BCE").arg(1 - y);
    return QString::number(y);
}

// Describes one end of the EDTF text in words, from its own components.
QString describePoint(QStringView s)
{
    if (s.isEmpty() || s == u"..")
        return QStringLiteral("an open date");
    QString clean;
    for (QChar c : s)
        if (qualOf(c) == QNone)
            clean += c;
    const bool negative = clean.startsWith(u'-');
    QStringList parts = clean.mid(negative ? 1 : 0).split(u'-');
    QString year = parts.value(0);
    QString timePart;
    QString dayPart = parts.value(2);
    if (const qsizetype t = dayPart.indexOf(u'T'); t >= 0) {
        timePart = dayPart.mid(t + 1);
        dayPart = dayPart.left(t);
    }
    QString yearText;
    if (year.contains(u'X') || year.contains(u'x'))
        yearText = QStringLiteral("the %1s").arg(year.replace(u'x', u'X').replace(u'X', u'0'));
    else
        yearText = yearWords(negative ? -year.toLongLong() : year.toLongLong());
    if (parts.size() < 2)
        return yearText;
    const QString month = parts.value(1);
    QString monthText;
    static const char* seasons[] = {"spring", "summer", "autumn", "winter"};
    const int mNum = month.toInt();
    if (mNum >= 21 && mNum <= 24)
        return QStringLiteral("%1 %2").arg(QString::fromLatin1(seasons[mNum - 21]), yearText);
    if (month.contains(u'X') || month.contains(u'x'))
        return QStringLiteral("%1, month unknown").arg(yearText);
    monthText = QString::fromLatin1(kMonthNames[std::clamp(mNum, 1, 12) - 1]);
    if (parts.size() < 3)
        return QStringLiteral("%1 %2").arg(monthText, yearText);
    QString dayText =
        dayPart.contains(u'X') || dayPart.contains(u'x')
            ? QStringLiteral("day %1").arg(dayPart.replace(u'x', u'X').replace(u'X', u'?'))
            : QString::number(dayPart.toInt());
    QString out = QStringLiteral("%1 %2 %3").arg(dayText, monthText, yearText);
    if (!timePart.isEmpty())
        out += QStringLiteral(", %1").arg(timePart.left(5)) +
               (timePart.endsWith(u'Z') ? QStringLiteral(" UTC") : QString());
    return out;
}

} // namespace

QString PartialDate::describe() const
{
    if (!m_valid)
        return QStringLiteral("no date");
    QString text;
    const qsizetype slash = m_edtf.indexOf(u'/');
    if (slash >= 0) {
        const QStringView a = QStringView(m_edtf).left(slash);
        const QStringView b = QStringView(m_edtf).mid(slash + 1);
        if (m_flags & DateFlag::OpenStart)
            text = QStringLiteral("until %1").arg(describePoint(b));
        else if (m_flags & DateFlag::OpenEnd)
            text = QStringLiteral("from %1").arg(describePoint(a));
        else
            text = QStringLiteral("%1 – %2").arg(describePoint(a), describePoint(b));
    } else {
        text = describePoint(m_edtf);
    }
    QStringList notes;
    if (m_flags & DateFlag::Approximate)
        notes << QStringLiteral("approximate");
    if (m_flags & DateFlag::YearInferred)
        notes << QStringLiteral("year inferred");
    else if (m_flags & DateFlag::Uncertain)
        notes << QStringLiteral("uncertain");
    if (!notes.isEmpty())
        text += QStringLiteral(" (%1)").arg(notes.join(QStringLiteral(", ")));
    return text;
}

} // namespace chronomap
