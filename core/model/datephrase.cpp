#include "datephrase.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include <optional>

namespace chronomap {

namespace {

// A phrase read into numbers before it becomes EDTF: one end of a date.
struct End
{
    int year = 0; // 0: not given
    bool yearInferred = false;
    int month = 0; // 0: not given
    int day = 0;   // 0: not given
};

// A parsed phrase: a single end, or a span between two ends.
struct Span
{
    End from, to;
    bool range = false;
    bool approximate = false; // "early", "mid", "late": the ends are a reporter's estimate
    QString edtf; // set when the phrase maps to EDTF directly (seasons, open ends)
};

int monthOf(const QString& word)
{
    static const char* const names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
    QString w = word.toLower();
    if (w.endsWith(u'.'))
        w.chop(1);
    if (w.size() < 3)
        return 0;
    static const char* const full[] = {"january",   "february", "march",    "april",
                                       "may",       "june",     "july",     "august",
                                       "september", "october",  "november", "december"};
    for (int m = 0; m < 12; ++m) {
        const QString f = QLatin1String(full[m]);
        if (w == QLatin1String(names[m]) || (f.startsWith(w) && w.size() >= 3) ||
            (m == 8 && w == QLatin1String("sept")))
            return m + 1;
    }
    return 0;
}

QString yearText(const End& e)
{
    QString y = QStringLiteral("%1").arg(e.year, 4, 10, QLatin1Char('0'));
    if (e.yearInferred)
        y += u'?';
    return y;
}

QString endText(const End& e)
{
    QString s = yearText(e);
    if (e.month)
        s += QStringLiteral("-%1").arg(e.month, 2, 10, QLatin1Char('0'));
    if (e.day)
        s += QStringLiteral("-%1").arg(e.day, 2, 10, QLatin1Char('0'));
    return s;
}

// Reads "24 Oct 2025", "Oct 24, 2025", "October 2025", "2025", "24 October", "Oct".
std::optional<End> readEnd(const QString& text, QString* why, bool bareDay = false)
{
    static const QRegularExpression ordinal(QStringLiteral("^(\\d{1,2})(st|nd|rd|th)$"));
    const QStringList words =
        QString(text)
            .replace(u',', u' ')
            .split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    End e;
    for (QString w : words) {
        if (w.compare(QLatin1String("of"), Qt::CaseInsensitive) == 0 ||
            w.compare(QLatin1String("the"), Qt::CaseInsensitive) == 0)
            continue;
        const auto m = ordinal.match(w.toLower());
        if (m.hasMatch())
            w = m.captured(1);
        bool isNumber = false;
        const int n = w.toInt(&isNumber);
        if (isNumber) {
            if (w.size() == 4 && !e.year) {
                e.year = n;
            } else if (w.size() <= 2 && !e.day && n >= 1 && n <= 31) {
                e.day = n;
            } else {
                *why = QCoreApplication::translate(
                           "DatePhrase", "\"%1\" is neither a day (1–31) nor a four-digit year")
                           .arg(w);
                return std::nullopt;
            }
            continue;
        }
        const int month = monthOf(w);
        if (month && !e.month) {
            e.month = month;
            continue;
        }
        *why =
            QCoreApplication::translate("DatePhrase", "\"%1\" is not a month, day or year").arg(w);
        return std::nullopt;
    }
    if (!e.year && !e.month && !e.day) {
        *why = QCoreApplication::translate("DatePhrase", "no date in it");
        return std::nullopt;
    }
    if (e.day && !e.month && !bareDay) {
        *why = QCoreApplication::translate("DatePhrase",
                                           "a day needs its month (\"24 October 2025\")");
        return std::nullopt;
    }
    return e;
}

bool fillYear(End& e, int year)
{
    if (e.year)
        return true;
    if (!year)
        return false;
    e.year = year;
    e.yearInferred = true;
    return true;
}

// The reasons below are shown to the user under the date field: translated, unlike the
// English phrases the reader understands.
QString needYear()
{
    return QCoreApplication::translate("DatePhrase",
                                       "add a year, for example \"late October 2025\"");
}

// The part of the month or year "early", "mid" or "late" names.
std::optional<Span> readPart(const QString& part, const QString& rest, int defaultYear,
                             QString* why)
{
    const auto e = readEnd(rest, why);
    if (!e)
        return std::nullopt;
    End base = *e;
    if (base.day) {
        *why = QCoreApplication::translate("DatePhrase", "\"%1\" already names a day").arg(rest);
        return std::nullopt;
    }
    if (!fillYear(base, defaultYear)) {
        *why = needYear();
        return std::nullopt;
    }
    Span s;
    s.range = true;
    s.approximate = true;
    s.from = s.to = base;
    const int which = part == QLatin1String("early") ? 0 : part == QLatin1String("late") ? 2 : 1;
    if (base.month) {
        const int last = PartialDate::daysInMonth(base.year, base.month);
        const int firsts[] = {1, 11, 21};
        const int lasts[] = {10, 20, last};
        s.from.day = firsts[which];
        s.to.day = lasts[which];
    } else {
        const int firsts[] = {1, 5, 9};
        s.from.month = firsts[which];
        s.to.month = firsts[which] + 3;
    }
    return s;
}

std::optional<Span> readSingle(QString text, int defaultYear, QString* why)
{
    text = text.trimmed();
    static const QRegularExpression partRx(
        QStringLiteral("^(early|mid|late|end of|beginning of|start of)[\\s-]+(.*)$"),
        QRegularExpression::CaseInsensitiveOption);
    if (const auto m = partRx.match(text); m.hasMatch()) {
        QString part = m.captured(1).toLower();
        if (part == QLatin1String("end of"))
            part = QStringLiteral("late");
        else if (part != QLatin1String("mid") && part != QLatin1String("late"))
            part = QStringLiteral("early");
        return readPart(part, m.captured(2), defaultYear, why);
    }
    static const QRegularExpression seasonRx(
        QStringLiteral("^(spring|summer|autumn|fall|winter)\\s+(\\d{4})$"),
        QRegularExpression::CaseInsensitiveOption);
    if (const auto m = seasonRx.match(text); m.hasMatch()) {
        const QString season = m.captured(1).toLower();
        const int code = season == QLatin1String("spring")   ? 21
                         : season == QLatin1String("summer") ? 22
                         : season == QLatin1String("winter") ? 24
                                                             : 23;
        Span s;
        s.edtf = QStringLiteral("%1-%2").arg(m.captured(2)).arg(code);
        return s;
    }
    static const QRegularExpression quarterRx(QStringLiteral("^Q([1-4])\\s+(\\d{4})$"),
                                              QRegularExpression::CaseInsensitiveOption);
    if (const auto m = quarterRx.match(text); m.hasMatch()) {
        Span s;
        s.range = true;
        s.from.year = s.to.year = m.captured(2).toInt();
        s.from.month = (m.captured(1).toInt() - 1) * 3 + 1;
        s.to.month = s.from.month + 2;
        return s;
    }
    // "24–26 October 2025", "24-26 Oct 2025": a span of days within one month.
    static const QRegularExpression daysRx(
        QStringLiteral("^(\\d{1,2})\\s*[-–—]\\s*(\\d{1,2})\\s+(.+)$"));
    if (const auto m = daysRx.match(text); m.hasMatch()) {
        auto e = readEnd(m.captured(3), why);
        if (!e)
            return std::nullopt;
        if (!e->month || e->day) {
            *why = QCoreApplication::translate(
                "DatePhrase", "say the month after the days (\"24–26 October 2025\")");
            return std::nullopt;
        }
        if (!fillYear(*e, defaultYear)) {
            *why = needYear();
            return std::nullopt;
        }
        Span s;
        s.range = true;
        s.from = s.to = *e;
        s.from.day = m.captured(1).toInt();
        s.to.day = m.captured(2).toInt();
        return s;
    }
    auto e = readEnd(text, why);
    if (!e)
        return std::nullopt;
    if (!fillYear(*e, defaultYear)) {
        *why = needYear();
        return std::nullopt;
    }
    Span s;
    s.from = *e;
    return s;
}

QString edtfOf(const Span& s, QString qualifier)
{
    // "late November 2025" is about the 21st to about the 30th: the README's promise
    // (2025-11-21~/2025-11-30~). A year already marked inferred keeps just its "?".
    if (s.approximate && !s.from.yearInferred && !s.to.yearInferred)
        qualifier = qualifier == QLatin1String("?") ? QStringLiteral("%") : QStringLiteral("~");
    if (!s.edtf.isEmpty())
        return s.edtf + qualifier;
    if (!s.range)
        return endText(s.from) + qualifier;
    return endText(s.from) + qualifier + u'/' + endText(s.to) + qualifier;
}

} // namespace

PartialDate parseDatePhrase(const QString& input, QString* error, int defaultYear)
{
    QString dummy;
    QString& why = error ? *error : dummy;
    why.clear();
    const QString text = input.simplified();
    if (text.isEmpty()) {
        why = QCoreApplication::translate(
            "DatePhrase", "the date is empty; type one, for example \"late October 2025\"");
        return {};
    }
    if (text.size() > 100) {
        why = QCoreApplication::translate("DatePhrase", "the date is longer than 100 characters");
        return {};
    }

    // Plain EDTF first: it is what the phrases become, and editors may type it directly.
    if (const PartialDate d = PartialDate::fromEdtf(text); d.isValid())
        return d;
    // "24.10.2025": day, month and year with dots, as European spreadsheets write dates (the
    // dots make the order certain; "10/24/2025" and "24/10/2025" are not, and are refused).
    static const QRegularExpression dotted(QStringLiteral("^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})$"));
    if (const auto m = dotted.match(text); m.hasMatch()) {
        QString edtfError;
        const PartialDate d =
            PartialDate::fromEdtf(QStringLiteral("%1-%2-%3")
                                      .arg(m.captured(3), m.captured(2).rightJustified(2, u'0'),
                                           m.captured(1).rightJustified(2, u'0')),
                                  &edtfError);
        if (!d.isValid())
            why = edtfError;
        return d;
    }
    static const QRegularExpression slashed(QStringLiteral("^\\d{1,2}/\\d{1,2}/\\d{2,4}$"));
    if (slashed.match(text).hasMatch()) {
        why = QCoreApplication::translate(
                  "DatePhrase", "\"%1\" could be day/month or month/day; write it as 2025-10-24 or "
                                "24 October 2025")
                  .arg(text);
        return {};
    }
    // "2025-10-24/26": an EDTF day with the end's month and year left out.
    static const QRegularExpression shortRange(
        QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})\\s*/\\s*(?:(\\d{2})-)?(\\d{2})$"));
    if (const auto m = shortRange.match(text); m.hasMatch()) {
        const QString end =
            QStringLiteral("%1-%2-%3")
                .arg(m.captured(1), m.captured(4).isEmpty() ? m.captured(2) : m.captured(4),
                     m.captured(5));
        QString edtfError;
        const PartialDate d = PartialDate::fromEdtf(
            QStringLiteral("%1-%2-%3/%4").arg(m.captured(1), m.captured(2), m.captured(3), end),
            &edtfError);
        if (!d.isValid())
            why = edtfError;
        return d;
    }

    QString body = text;
    QString qualifier;
    static const QRegularExpression approxRx(
        QStringLiteral("^(circa|approximately|approx\\.|around|about|ca\\.|c\\.|~)\\s*(.+)$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression uncertainRx(
        QStringLiteral("^(possibly|perhaps|probably|maybe)\\s+(.+)$"),
        QRegularExpression::CaseInsensitiveOption);
    if (const auto m = approxRx.match(body); m.hasMatch() && !m.captured(2).isEmpty()) {
        qualifier = QStringLiteral("~");
        body = m.captured(2);
    } else if (const auto u = uncertainRx.match(body); u.hasMatch()) {
        qualifier = QStringLiteral("?");
        body = u.captured(2);
    } else if (body.endsWith(u'?') && body.size() > 1) {
        qualifier = QStringLiteral("?");
        body.chop(1);
    }

    static const QRegularExpression openRx(
        QStringLiteral("^(before|until|by|after|since|from)\\s+(.+)$"),
        QRegularExpression::CaseInsensitiveOption);
    // "24 Oct to 2 Nov 2025", "October – December 2025", "between May and June 2025".
    static const QRegularExpression betweenRx(QStringLiteral("^between\\s+(.+)\\s+and\\s+(.+)$"),
                                              QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression toRx(QStringLiteral("^(.+?)\\s+(?:to|until|–|—|-)\\s+(.+)$"),
                                         QRegularExpression::CaseInsensitiveOption);

    QString edtf;
    if (const auto m = openRx.match(body); m.hasMatch()) {
        const auto s = readSingle(m.captured(2), defaultYear, &why);
        if (!s)
            return {};
        const QString side = edtfOf(*s, qualifier);
        if (s->range || !s->edtf.isEmpty()) {
            why = QCoreApplication::translate("DatePhrase", "\"%1\" needs a single date after it")
                      .arg(m.captured(1));
            return {};
        }
        const QString word = m.captured(1).toLower();
        const bool before = word == QLatin1String("before") || word == QLatin1String("until") ||
                            word == QLatin1String("by");
        edtf = before ? QStringLiteral("../") + side : side + QStringLiteral("/..");
    } else {
        auto span = betweenRx.match(body);
        if (!span.hasMatch())
            span = toRx.match(body);
        if (span.hasMatch()) {
            // The end usually carries the year (and month) the start leaves out.
            const auto to = readSingle(span.captured(2), defaultYear, &why);
            if (!to)
                return {};
            if (to->range || !to->edtf.isEmpty()) {
                why =
                    QCoreApplication::translate("DatePhrase", "the end of a span must be one date");
                return {};
            }
            QString startText = span.captured(1);
            std::optional<End> from;
            if (auto e = readEnd(startText, &why, true)) {
                from = *e;
                if (!from->year) {
                    from->year = to->from.year;
                    from->yearInferred = to->from.yearInferred;
                }
                if (from->day && !from->month)
                    from->month = to->from.month;
            }
            if (!from)
                return {};
            Span s;
            s.range = true;
            s.from = *from;
            s.to = to->from;
            edtf = edtfOf(s, qualifier);
        } else {
            const auto s = readSingle(body, defaultYear, &why);
            if (!s)
                return {};
            edtf = edtfOf(*s, qualifier);
        }
    }

    QString edtfError;
    const PartialDate d = PartialDate::fromEdtf(edtf, &edtfError);
    if (!d.isValid())
        why =
            QCoreApplication::translate("DatePhrase", "\"%1\" reads as %2, which is not a date: %3")
                .arg(text, edtf, edtfError);
    return d;
}

} // namespace chronomap
