#pragma once

#include <QString>
#include <QtGlobal>

namespace chronomap {

// How finely one end of a date is known.
enum class DatePrecision : quint8 { Open = 0, Year = 1, Month = 2, Day = 3, Time = 4 };

// Bits describing a date's uncertainty, shared by PartialDate and the in-memory time index.
namespace DateFlag {
enum : quint32 {
    StartPrecisionMask = 0x7,      // DatePrecision of the start, bits 0-2
    EndPrecisionShift = 3,         // DatePrecision of the end, bits 3-5
    EndPrecisionMask = 0x7 << 3,
    Range = 1u << 6,               // an interval ("a/b"), not a single date
    Approximate = 1u << 7,         // "~": about this date
    Uncertain = 1u << 8,           // "?": possibly this date
    YearInferred = 1u << 9,        // the year is implied by the source, not stated ("2025?-08")
    UnspecifiedDigits = 1u << 10,  // "2025-10-2X", "19XX"
    OpenStart = 1u << 11,          // "../2025"
    OpenEnd = 1u << 12,            // "2025/.."
};
}

// A reporting date as precise as its source and no more: an EDTF string (Library of Congress
// Extended Date/Time Format, levels 0-1 and component qualification) with the instants it
// allows. Instants are seconds since 1970-01-01T00:00Z; years use astronomical numbering
// (0 = 1 BCE), as EDTF does.
//
//   nominal   the span the text names: "2025-10" is the whole of October
//   earliest  the first instant the date could mean; widened by "~" (one unit either side)
//   latest    the last instant the date could mean (inclusive)
class PartialDate
{
public:
    PartialDate() = default;

    // Parses EDTF. On failure returns an invalid date and, if asked, says why in plain words.
    static PartialDate fromEdtf(const QString& text, QString* error = nullptr);
    // A single day, for generated and imported data.
    static PartialDate fromDay(int year, int month, int day);
    // Seconds since the epoch; a date at full time precision (UTC).
    static PartialDate fromSeconds(qint64 secs);

    bool isValid() const { return m_valid; }
    bool isRange() const { return m_flags & DateFlag::Range; }
    QString edtf() const { return m_edtf; }

    qint64 earliest() const { return m_earliest; }
    qint64 latest() const { return m_latest; }
    qint64 nominalStart() const { return m_nominalStart; }
    qint64 nominalEnd() const { return m_nominalEnd; }
    quint32 flags() const { return m_flags; }
    DatePrecision startPrecision() const
    {
        return DatePrecision(m_flags & DateFlag::StartPrecisionMask);
    }
    DatePrecision endPrecision() const
    {
        return DatePrecision((m_flags & DateFlag::EndPrecisionMask) >> DateFlag::EndPrecisionShift);
    }

    // A reader's rendering in English ("October 2025, approximately"; "24–26 October 2025").
    QString describe() const;

    // Ordering for sorting lists: by earliest instant, then by latest, then by text.
    friend bool operator<(const PartialDate& a, const PartialDate& b);
    friend bool operator==(const PartialDate& a, const PartialDate& b)
    {
        return a.m_edtf == b.m_edtf;
    }

    // Utilities shared by the parsers.
    static qint64 secondsOf(int year, int month, int day, int hour = 0, int minute = 0,
                            int second = 0);
    static int daysInMonth(int year, int month);
    // The calendar day of an instant (UTC), and "YYYY-MM-DD" for it.
    static void civilDay(qint64 secs, qint64& year, int& month, int& day);
    static QString isoDay(qint64 secs);

private:
    friend class EdtfParser;
    QString m_edtf;
    qint64 m_earliest = 0;
    qint64 m_latest = 0;
    qint64 m_nominalStart = 0;
    qint64 m_nominalEnd = 0;
    quint32 m_flags = 0;
    bool m_valid = false;
};

} // namespace chronomap
