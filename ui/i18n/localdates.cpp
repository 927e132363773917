#include "localdates.h"

#include "model/partialdate.h"

#include <QCoreApplication>
#include <QDate>
#include <QRegularExpression>

namespace chronomap {

namespace {

// The locale's long date without the weekday ("dddd, d. MMMM yyyy" -> "d. MMMM yyyy").
QString dayFormat(const QLocale& locale)
{
    QString format = locale.dateFormat(QLocale::LongFormat);
    format.remove(QRegularExpression(QStringLiteral("d{4}[,.]?\\s*")));
    return format.trimmed();
}

// One EDTF point ("2025-10-24", "2025-08", "2025", qualifiers removed) in the locale's words,
// or a null string for a form left to describe().
QString point(QStringView edtf, const QLocale& locale)
{
    QString clean;
    for (QChar c : edtf)
        if (c != u'?' && c != u'~' && c != u'%')
            clean += c;
    static const QRegularExpression simple(
        QStringLiteral("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?$"));
    const auto m = simple.match(clean);
    if (!m.hasMatch())
        return {};
    const int year = m.captured(1).toInt();
    if (year < 1)
        return {};
    if (m.captured(2).isEmpty())
        return QString::number(year);
    const int month = m.captured(2).toInt();
    if (month < 1 || month > 12)
        return {};
    if (m.captured(3).isEmpty())
        return QCoreApplication::translate("LocalDates", "%1 %2")
            .arg(locale.standaloneMonthName(month, QLocale::LongFormat))
            .arg(year);
    const QDate day(year, month, m.captured(3).toInt());
    return day.isValid() ? locale.toString(day, dayFormat(locale)) : QString();
}

} // namespace

QString localDate(const PartialDate& date, const QLocale& locale)
{
    if (!date.isValid() || locale.language() == QLocale::C || locale.language() == QLocale::English)
        return date.describe();
    const QString edtf = date.edtf();
    QString text;
    if (const qsizetype slash = edtf.indexOf(u'/'); slash >= 0) {
        const QStringView a = QStringView(edtf).left(slash), b = QStringView(edtf).mid(slash + 1);
        const bool openStart = a.isEmpty() || a == u"..", openEnd = b.isEmpty() || b == u"..";
        const QString from = openStart ? QString() : point(a, locale);
        const QString to = openEnd ? QString() : point(b, locale);
        if ((!openStart && from.isNull()) || (!openEnd && to.isNull()) || (openStart && openEnd))
            return date.describe();
        text = openStart ? QCoreApplication::translate("LocalDates", "until %1").arg(to)
               : openEnd ? QCoreApplication::translate("LocalDates", "from %1").arg(from)
                         : QCoreApplication::translate("LocalDates", "%1 – %2").arg(from, to);
    } else {
        text = point(edtf, locale);
        if (text.isNull())
            return date.describe();
    }
    QStringList notes;
    if (date.flags() & DateFlag::Approximate)
        notes << QCoreApplication::translate("LocalDates", "approximate");
    if (date.flags() & DateFlag::YearInferred)
        notes << QCoreApplication::translate("LocalDates", "year inferred");
    else if (date.flags() & DateFlag::Uncertain)
        notes << QCoreApplication::translate("LocalDates", "uncertain");
    if (!notes.isEmpty())
        text += QCoreApplication::translate("LocalDates", " (%1)")
                    .arg(notes.join(QCoreApplication::translate("LocalDates", ", ")));
    return text;
}

} // namespace chronomap
