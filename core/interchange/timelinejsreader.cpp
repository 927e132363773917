#include "timelinejs.h"

#include "cancellation.h"
#include "csvreader.h"
#include "jsonguard.h"
#include "jsonpath.h"

#include "store/store.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace chronomap {

QString timelineJsMediaLocator()
{
    return QStringLiteral("timelinejs media");
}

QString timelineJsTitleMediaKey()
{
    return QStringLiteral("timelinejs_title_media");
}

namespace {

// A tag other than <p>, </p> and <br>: markup plain text cannot say.
bool hasRichMarkup(const QString& text)
{
    static const QRegularExpression tag(QStringLiteral("<(/?)([A-Za-z][A-Za-z0-9]*)\\b[^<>]*>"));
    for (auto it = tag.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString name = m.captured(2).toLower();
        if (name != QLatin1String("p") && name != QLatin1String("br"))
            return true;
    }
    return false;
}

// Decodes character references in one pass, so that "&amp;lt;" gives "&lt;" and not "<".
QString decodeReferences(const QString& text)
{
    static const QRegularExpression ref(
        QStringLiteral("&(?:#([0-9]{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z]+));"));
    static const QHash<QString, QString> named{
        {QStringLiteral("amp"), QStringLiteral("&")},
        {QStringLiteral("lt"), QStringLiteral("<")},
        {QStringLiteral("gt"), QStringLiteral(">")},
        {QStringLiteral("quot"), QStringLiteral("\"")},
        {QStringLiteral("apos"), QStringLiteral("'")},
        {QStringLiteral("nbsp"), QStringLiteral("\u00a0")},
        {QStringLiteral("ndash"), QStringLiteral("\u2013")},
        {QStringLiteral("mdash"), QStringLiteral("\u2014")},
        {QStringLiteral("lsquo"), QStringLiteral("\u2018")},
        {QStringLiteral("rsquo"), QStringLiteral("\u2019")},
        {QStringLiteral("ldquo"), QStringLiteral("\u201c")},
        {QStringLiteral("rdquo"), QStringLiteral("\u201d")},
        {QStringLiteral("hellip"), QStringLiteral("\u2026")}};
    QString out;
    qsizetype at = 0;
    for (auto it = ref.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        QString replacement;
        bool ok = false;
        uint code = 0;
        if (m.hasCaptured(1))
            code = m.captured(1).toUInt(&ok);
        else if (m.hasCaptured(2))
            code = m.captured(2).toUInt(&ok, 16);
        if (ok && code > 0 && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF)) {
            const char32_t c = code;
            replacement = QString::fromUcs4(&c, 1);
        } else if (m.hasCaptured(3)) {
            replacement = named.value(m.captured(3));
        }
        if (replacement.isEmpty())
            continue; // not a reference we know: the text stays as it is
        out += QStringView(text).mid(at, m.capturedStart() - at);
        out += replacement;
        at = m.capturedEnd();
    }
    out += QStringView(text).mid(at);
    return out;
}

} // namespace

QString timelineJsHtml(const QString& text)
{
    if (hasRichMarkup(text))
        return text;
    QString out = text.toHtmlEscaped();
    // toHtmlEscaped also writes &quot;, which TimelineJS does not need; keep quotes readable.
    out.replace(QLatin1String("&quot;"), QLatin1String("\""));
    out.replace(u'\n', QLatin1String("<br>"));
    return out;
}

QString textFromTimelineJsHtml(const QString& html)
{
    if (hasRichMarkup(html) || (!html.contains(u'<') && !html.contains(u'&')))
        return html;
    static const QRegularExpression breaks(QStringLiteral("<br\\s*/?>"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression between(QStringLiteral("</p>\\s*<p\\b[^<>]*>"),
                                            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression paragraph(QStringLiteral("</?p\\b[^<>]*>"),
                                              QRegularExpression::CaseInsensitiveOption);
    QString t = html;
    t.replace(between, QStringLiteral("\n\n"));
    t.replace(paragraph, QString());
    t.replace(breaks, QStringLiteral("\n"));
    return decodeReferences(t);
}

namespace {

// One TimelineJS date as its fields; -1 / 0 for fields not given.
struct DateParts
{
    qint64 year = 0;
    int month = 0, day = 0;
    int hour = -1, minute = -1, second = -1;
    QString display;
};

QString yearText(qint64 y)
{
    return (y < 0 ? QStringLiteral("-") : QString()) +
           QStringLiteral("%1").arg(std::abs(y), 4, 10, QLatin1Char('0'));
}

// Checks the fields and writes the EDTF date they allow, as precise as they are and no more.
// Returns an empty string and sets `why` when a field is out of range.
QString edtfOf(const DateParts& d, QString& why)
{
    if (d.year < -9999 || d.year > 9999) {
        why = QCoreApplication::translate("chronomap::TimelineJsReader",
                                          "expected a year from -9999 to 9999, found %1")
                  .arg(d.year);
        return {};
    }
    QString out = yearText(d.year);
    if (d.month == 0) {
        if (d.day || d.hour >= 0) {
            why = QCoreApplication::translate("chronomap::TimelineJsReader",
                                              "a day or a time needs a month");
            return {};
        }
        return out;
    }
    if (d.month < 1 || d.month > 12) {
        why = QCoreApplication::translate("chronomap::TimelineJsReader",
                                          "expected a month from 1 to 12, found %1")
                  .arg(d.month);
        return {};
    }
    out += QStringLiteral("-%1").arg(d.month, 2, 10, QLatin1Char('0'));
    if (d.day == 0) {
        if (d.hour >= 0) {
            why = QCoreApplication::translate("chronomap::TimelineJsReader", "a time needs a day");
            return {};
        }
        return out;
    }
    const int days = PartialDate::daysInMonth(int(d.year), d.month);
    if (d.day < 1 || d.day > days) {
        why = QCoreApplication::translate("chronomap::TimelineJsReader",
                                          "expected a day from 1 to %1 for that month, found %2")
                  .arg(days)
                  .arg(d.day);
        return {};
    }
    out += QStringLiteral("-%1").arg(d.day, 2, 10, QLatin1Char('0'));
    if (d.hour < 0)
        return out;
    if (d.hour > 23 || d.minute > 59 || d.second > 59) {
        why = QCoreApplication::translate("chronomap::TimelineJsReader",
                                          "expected a time from 00:00:00 to 23:59:59");
        return {};
    }
    out += QStringLiteral("T%1:%2")
               .arg(d.hour, 2, 10, QLatin1Char('0'))
               .arg(std::max(d.minute, 0), 2, 10, QLatin1Char('0'));
    if (d.second >= 0)
        out += QStringLiteral(":%1").arg(d.second, 2, 10, QLatin1Char('0'));
    return out;
}

// A start and an optional end as one date; empty with `why` set when they do not make one.
PartialDate dateOf(const DateParts& start, const std::optional<DateParts>& end, QString& why)
{
    QString text = edtfOf(start, why);
    if (text.isEmpty())
        return {};
    if (end) {
        const QString e = edtfOf(*end, why);
        if (e.isEmpty())
            return {};
        if (e != text)
            text += u'/' + e;
    }
    PartialDate d = PartialDate::fromEdtf(text, &why);
    if (!d.isValid() && why.isEmpty())
        why = QCoreApplication::translate("chronomap::TimelineJsReader", "\"%1\" is not a date")
                  .arg(text);
    return d;
}

// Adds media fields to the batch as a source cited by event `eventIndex` (0-based).
struct MediaFields
{
    QString url, caption, credit, thumbnail, alt, title, link, backgroundUrl, backgroundColor;
    bool isEmpty() const
    {
        return url.isEmpty() && caption.isEmpty() && credit.isEmpty() && thumbnail.isEmpty() &&
               alt.isEmpty() && title.isEmpty() && link.isEmpty() && backgroundUrl.isEmpty() &&
               backgroundColor.isEmpty();
    }
};

// The title slide's media as the story keeps it (timelineJsTitleMediaKey).
void setTitleMedia(ImportBatch& batch, const MediaFields& m)
{
    QStringList lines;
    const std::pair<const char*, QString> fields[] = {{"url", m.url},
                                                      {"caption", m.caption},
                                                      {"credit", m.credit},
                                                      {"thumbnail", m.thumbnail},
                                                      {"alt", m.alt},
                                                      {"title", m.title},
                                                      {"link", m.link},
                                                      {"background", m.backgroundUrl},
                                                      {"background-color", m.backgroundColor}};
    for (const auto& [key, value] : fields)
        if (!value.isEmpty())
            lines << QLatin1String(key) + QStringLiteral(": ") +
                         QString(value).replace(u'\n', u' ');
    if (!lines.isEmpty())
        batch.meta.append({timelineJsTitleMediaKey(), lines.join(u'\n')});
}

void addMedia(ImportBatch& batch, qsizetype eventIndex, const MediaFields& m)
{
    if (m.isEmpty())
        return;
    Source s;
    s.title = !m.title.isEmpty()     ? m.title
              : !m.caption.isEmpty() ? m.caption
              : !m.url.isEmpty()     ? m.url
                                     : QStringLiteral("Slide background");
    s.url = m.url;
    s.publisher = m.credit;
    s.text = m.alt;
    batch.sources.append(s);
    Citation c;
    c.sourceId = batch.sources.size();
    c.target = EntityRef{EntityKind::Event, Id(eventIndex + 1)};
    c.quote = m.caption;
    // What a source has no field for rides in the locator, one "key: value" a line.
    QString locator = timelineJsMediaLocator();
    const std::pair<const char*, QString> extra[] = {{"title", m.title},
                                                     {"thumbnail", m.thumbnail},
                                                     {"link", m.link},
                                                     {"background", m.backgroundUrl},
                                                     {"background-color", m.backgroundColor}};
    for (const auto& [key, value] : extra)
        if (!value.isEmpty())
            locator += u'\n' + QLatin1String(key) + QStringLiteral(": ") +
                       QString(value).replace(u'\n', u' ');
    c.locator = locator;
    batch.citations.append(c);
}

qint64 categoryIndex(ImportBatch& batch, QHash<QString, qint64>& byName, const QString& name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return 0;
    const QString key = trimmed.toCaseFolded();
    if (const auto it = byName.constFind(key); it != byName.constEnd())
        return *it;
    batch.categories.append(trimmed);
    byName.insert(key, batch.categories.size());
    return batch.categories.size();
}

// ---------------------------------------------------------------------------------------------
// JSON

class JsonReader
{
public:
    JsonReader(const QByteArray& bytes, const QString& fileName)
        : m_bytes(bytes), m_fileName(fileName)
    {}

    ImportBatch read(const QJsonObject& root);

private:
    [[noreturn]] void fail(const Path& at, const QString& what) const
    {
        const qsizetype offset = RawLocator(m_bytes).locate(at);
        throw StoreError(
            located(m_fileName, m_bytes, offset, QStringLiteral("%1: %2").arg(pathText(at), what)));
    }
    QJsonObject object(const QJsonValue& v, const Path& at) const
    {
        if (!v.isObject())
            fail(at, QCoreApplication::translate("chronomap::TimelineJsReader",
                                                 "expected an object, {...}, found %1")
                         .arg(typeName(v)));
        return v.toObject();
    }
    // Text fields: TimelineJS writers put numbers where text goes, so both are read.
    QString text(const QJsonObject& o, const Path& at, const QString& key) const
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (v.isString())
            return v.toString();
        if (v.isDouble())
            return QString::number(v.toDouble(), 'g', 17);
        fail(at / key, QCoreApplication::translate("chronomap::TimelineJsReader",
                                                   "expected a string, found %1")
                           .arg(typeName(v)));
    }
    // A whole number given as a number or as text ("2025"), as TimelineJS documents it.
    std::optional<qint64> whole(const QJsonObject& o, const Path& at, const QString& key) const
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty()))
            return std::nullopt;
        bool ok = false;
        qint64 n = 0;
        if (v.isDouble()) {
            const double d = v.toDouble();
            ok = std::isfinite(d) && d == std::floor(d) && std::abs(d) < 1e15;
            n = qint64(d);
        } else if (v.isString()) {
            n = v.toString().trimmed().toLongLong(&ok);
        }
        if (!ok)
            fail(at / key, QCoreApplication::translate(
                               "chronomap::TimelineJsReader",
                               "expected a whole number such as 2025 or \"2025\", found %1")
                               .arg(v.isString() ? u'"' + v.toString() + u'"' : typeName(v)));
        return n;
    }
    DateParts date(const QJsonObject& slide, const Path& at, const QString& key) const
    {
        const Path dat = at / key;
        const QJsonObject o = object(slide.value(key), dat);
        DateParts d;
        const auto year = whole(o, dat, QStringLiteral("year"));
        if (!year)
            fail(dat, QCoreApplication::translate(
                          "chronomap::TimelineJsReader",
                          "the field \"year\" is missing; TimelineJS needs at least a year"));
        d.year = *year;
        const auto part = [&](const char* name, int fallback) {
            const auto n = whole(o, dat, QLatin1String(name));
            if (n && (*n < -1 || *n > 9999))
                fail(
                    dat / QLatin1String(name),
                    QCoreApplication::translate("chronomap::TimelineJsReader", "%1 is out of range")
                        .arg(*n));
            return n ? int(*n) : fallback;
        };
        d.month = part("month", 0);
        d.day = part("day", 0);
        d.hour = part("hour", -1);
        d.minute = part("minute", -1);
        d.second = part("second", -1);
        d.display = textFromTimelineJsHtml(text(o, dat, QStringLiteral("display_date")));
        return d;
    }
    PartialDate range(const QJsonObject& slide, const Path& at, DateParts* start = nullptr) const
    {
        const DateParts s = date(slide, at, QStringLiteral("start_date"));
        std::optional<DateParts> e;
        if (slide.contains(QStringLiteral("end_date")) &&
            !slide.value(QStringLiteral("end_date")).isNull())
            e = date(slide, at, QStringLiteral("end_date"));
        QString why;
        const PartialDate d = dateOf(s, e, why);
        if (!d.isValid())
            fail(at / QStringLiteral("start_date"),
                 QCoreApplication::translate("chronomap::TimelineJsReader",
                                             "expected a valid date: %1")
                     .arg(why));
        if (start)
            *start = s;
        return d;
    }
    // A slide's media and background.
    MediaFields media(const QJsonObject& slide, const Path& at) const
    {
        MediaFields m;
        if (slide.contains(QStringLiteral("media"))) {
            const Path mat = at / QStringLiteral("media");
            const QJsonObject media = object(slide.value(QStringLiteral("media")), mat);
            m.url = text(media, mat, QStringLiteral("url"));
            m.caption = textFromTimelineJsHtml(text(media, mat, QStringLiteral("caption")));
            m.credit = textFromTimelineJsHtml(text(media, mat, QStringLiteral("credit")));
            m.thumbnail = text(media, mat, QStringLiteral("thumbnail"));
            m.alt = textFromTimelineJsHtml(text(media, mat, QStringLiteral("alt")));
            m.title = textFromTimelineJsHtml(text(media, mat, QStringLiteral("title")));
            m.link = text(media, mat, QStringLiteral("link"));
        }
        if (slide.contains(QStringLiteral("background"))) {
            const Path bat = at / QStringLiteral("background");
            const QJsonObject bg = object(slide.value(QStringLiteral("background")), bat);
            m.backgroundUrl = text(bg, bat, QStringLiteral("url"));
            m.backgroundColor = text(bg, bat, QStringLiteral("color"));
        }
        return m;
    }
    void slideText(const QJsonObject& slide, const Path& at, QString& headline, QString& body) const
    {
        const QJsonValue t = slide.value(QStringLiteral("text"));
        if (t.isUndefined() || t.isNull())
            return;
        const QJsonObject o = object(t, at / QStringLiteral("text"));
        headline = textFromTimelineJsHtml(
            text(o, at / QStringLiteral("text"), QStringLiteral("headline")));
        body = textFromTimelineJsHtml(text(o, at / QStringLiteral("text"), QStringLiteral("text")));
    }

    const QByteArray& m_bytes;
    QString m_fileName;
};

ImportBatch JsonReader::read(const QJsonObject& root)
{
    ImportBatch batch;
    const Path top;
    if (root.contains(QStringLiteral("title"))) {
        const QJsonObject title =
            object(root.value(QStringLiteral("title")), top / QStringLiteral("title"));
        slideText(title, top / QStringLiteral("title"), batch.title, batch.description);
        setTitleMedia(batch, media(title, top / QStringLiteral("title")));
    }
    const QJsonValue eventsValue = root.value(QStringLiteral("events"));
    if (eventsValue.isUndefined())
        fail(top,
             QCoreApplication::translate("chronomap::TimelineJsReader",
                                         "the field \"events\" is missing: a TimelineJS file has "
                                         "\"events\": [...] (is this a TimelineJS file?)"));
    if (!eventsValue.isArray())
        fail(top / QStringLiteral("events"),
             QCoreApplication::translate("chronomap::TimelineJsReader",
                                         "expected an array, [...], found %1")
                 .arg(typeName(eventsValue)));
    const QJsonArray events = eventsValue.toArray();
    // Every event's line, found once for all of them: linear in the file's size.
    const QList<qint64> lines =
        linesOf(m_bytes, RawLocator(m_bytes).elementStarts(top / QStringLiteral("events")));
    QHash<QString, qint64> categories;
    for (qsizetype i = 0; i < events.size(); ++i) {
        if ((i & 4095) == 4095)
            checkCancelled(m_fileName);
        const Path at = top / QStringLiteral("events") / i;
        const QJsonObject slide = object(events.at(i), at);
        Event e;
        DateParts start;
        e.date = range(slide, at, &start);
        slideText(slide, at, e.title, e.summary);
        e.displayDate = textFromTimelineJsHtml(text(slide, at, QStringLiteral("display_date")));
        if (e.displayDate.isEmpty())
            e.displayDate = start.display;
        e.categoryId = categoryIndex(
            batch, categories, textFromTimelineJsHtml(text(slide, at, QStringLiteral("group"))));
        e.uid = text(slide, at, QStringLiteral("unique_id"));
        addMedia(batch, batch.events.size(), media(slide, at));
        batch.events.append(e);
        batch.eventLines.append(lines.value(i, 1));
    }
    const QJsonValue erasValue = root.value(QStringLiteral("eras"));
    if (!erasValue.isUndefined()) {
        if (!erasValue.isArray())
            fail(top / QStringLiteral("eras"),
                 QCoreApplication::translate("chronomap::TimelineJsReader",
                                             "expected an array, [...], found %1")
                     .arg(typeName(erasValue)));
        const QJsonArray eras = erasValue.toArray();
        for (qsizetype i = 0; i < eras.size(); ++i) {
            const Path at = top / QStringLiteral("eras") / i;
            const QJsonObject o = object(eras.at(i), at);
            Era era;
            era.date = range(o, at);
            QString body;
            slideText(o, at, era.title, body);
            batch.eras.append(era);
        }
    }
    return batch;
}

// ---------------------------------------------------------------------------------------------
// The spreadsheet template

class TableReader
{
public:
    TableReader(const CsvTable& table, const QString& fileName) : m_t(table), m_fileName(fileName)
    {}

    ImportBatch read();

private:
    [[noreturn]] void fail(qsizetype row, int col, const QString& what) const
    {
        const qint64 line = row < 0 ? 1 : m_t.rowLines.value(row, 1);
        throw StoreError(QCoreApplication::translate("chronomap::TimelineJsReader",
                                                     "%1:%2:%3: column \"%4\": %5")
                             .arg(m_fileName)
                             .arg(line)
                             .arg(col + 1)
                             .arg(m_t.header.value(col).trimmed(), what));
    }
    QString cell(qsizetype row, const char* name) const
    {
        return unneutralised(m_t.cell(row, m_t.column(QLatin1String(name))).trimmed());
    }
    // A number cell; `name` absent or blank gives `fallback`.
    int number(qsizetype row, const char* name, int fallback, bool monthNames = false) const
    {
        const int col = m_t.column(QLatin1String(name));
        QString t = m_t.cell(row, col).trimmed();
        if (t.isEmpty())
            return fallback;
        // As TimelineJS reads these cells: blanks and thousands separators do not count
        // (a sheet formatted as numbers gives "1,999").
        static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
        t.remove(separators);
        bool ok = false;
        int n = t.toInt(&ok);
        if (!ok) {
            // Spreadsheets may give 2025.0 for a number cell.
            const double d = t.toDouble(&ok);
            ok = ok && d == std::floor(d) && std::abs(d) < 1e9;
            n = int(d);
        }
        if (!ok && monthNames) {
            for (int m = 1; m <= 12 && !ok; ++m)
                if (t.compare(QLocale::c().monthName(m), Qt::CaseInsensitive) == 0 ||
                    t.compare(QLocale::c().monthName(m, QLocale::ShortFormat),
                              Qt::CaseInsensitive) == 0) {
                    n = m;
                    ok = true;
                }
        }
        if (!ok)
            fail(row, col,
                 QCoreApplication::translate("chronomap::TimelineJsReader",
                                             "expected a whole number, found \"%1\"")
                     .arg(t));
        return n;
    }
    // A row's media and background.
    MediaFields media(qsizetype row) const
    {
        MediaFields m;
        m.url = cell(row, "Media");
        m.credit = textFromTimelineJsHtml(cell(row, "Media Credit"));
        m.caption = textFromTimelineJsHtml(cell(row, "Media Caption"));
        m.thumbnail = cell(row, "Media Thumbnail");
        m.alt = textFromTimelineJsHtml(cell(row, "Alt Text"));
        // As TimelineJS tells them apart: a URL is an image, anything else a CSS colour
        // ("#8BB1C4", "lightblue").
        static const QRegularExpression url(QStringLiteral("^(https?:)?//?"));
        const QString background = cell(row, "Background");
        if (url.match(background).hasMatch())
            m.backgroundUrl = background;
        else
            m.backgroundColor = background;
        return m;
    }
    // The times TimelineJS reads: "14:30", "14:30:05.250", "14.30", "1430", "2:30 PM",
    // "2:30 p.m."; sets hour, minute and (if given) second.
    void time(qsizetype row, const char* name, DateParts& d) const
    {
        const int col = m_t.column(QLatin1String(name));
        QString t = m_t.cell(row, col).trimmed();
        if (t.isEmpty())
            return;
        static const QRegularExpression meridiem(QStringLiteral("\\s*([AaPp])\\.?[Mm]\\.?$"));
        QChar halfDay;
        if (const auto m = meridiem.match(t); m.hasMatch()) {
            halfDay = m.captured(1).at(0).toLower();
            t = t.left(m.capturedStart()).trimmed();
        }
        // Hours, then minutes and seconds after one separator, ':' or '.'; or "1430".
        static const QRegularExpression re(
            QStringLiteral("^(\\d{1,2})(?:([:.])(\\d{1,2})(?:\\2(\\d{1,2})(?:[.,]\\d+)?)?)?$|^(\\d{"
                           "1,2})(\\d{2})$"));
        const auto m = re.match(t);
        if (!m.hasMatch())
            fail(row, col,
                 QCoreApplication::translate(
                     "chronomap::TimelineJsReader",
                     "expected a time such as 14:30 or 2:30 PM, found \"%1\"")
                     .arg(m_t.cell(row, col).trimmed()));
        const bool compact = m.hasCaptured(5);
        int h = m.captured(compact ? 5 : 1).toInt();
        if (!halfDay.isNull()) {
            if (h < 1 || h > 12)
                fail(row, col,
                     QCoreApplication::translate(
                         "chronomap::TimelineJsReader",
                         "expected an hour from 1 to 12 before AM/PM, found %1")
                         .arg(h));
            h = (h % 12) + (halfDay == u'p' ? 12 : 0);
        }
        d.hour = h;
        const QString minute = m.captured(compact ? 6 : 3);
        d.minute = minute.isEmpty() ? 0 : minute.toInt();
        d.second = compact || m.captured(4).isEmpty() ? -1 : m.captured(4).toInt();
    }
    // TimelineJS 2's "Start Date", as TimelineJS reads it: "2025,10,24", "2025-10-24",
    // "2025-10-24T14:30:00Z", "2025", and the US forms Google Sheets writes for date cells:
    // "10/24/2025", "10/24/2025 14:30:00" and "10/2025" (month and year).
    std::optional<DateParts> oldDate(qsizetype row, const char* name) const
    {
        const int col = m_t.column(QLatin1String(name));
        const QString t = m_t.cell(row, col).trimmed();
        if (t.isEmpty())
            return std::nullopt;
        static const QRegularExpression ymd(
            QStringLiteral("^([-+]?\\d{1,4})(?:[,-](\\d{1,2}))?(?:[,-](\\d{1,2}))?(?:[ "
                           "T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?)?Z?$"));
        static const QRegularExpression us(QStringLiteral(
            "^(\\d{1,2})/(?:(\\d{1,2})/)?(\\d{1,4})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?$"));
        DateParts d;
        auto setTime = [&d](const QRegularExpressionMatch& m) {
            if (!m.captured(4).isEmpty()) {
                d.hour = m.captured(4).toInt();
                d.minute = m.captured(5).toInt();
                d.second = m.captured(6).isEmpty() ? -1 : m.captured(6).toInt();
            }
        };
        if (const auto m = ymd.match(t); m.hasMatch()) {
            d.year = m.captured(1).toLongLong();
            d.month = m.captured(2).toInt();
            d.day = m.captured(3).toInt();
            setTime(m);
        } else if (const auto u = us.match(t); u.hasMatch()) {
            d.month = u.captured(1).toInt();
            d.day = u.captured(2).toInt();
            d.year = u.captured(3).toLongLong();
            setTime(u);
        } else {
            fail(row, col,
                 QCoreApplication::translate(
                     "chronomap::TimelineJsReader",
                     "expected a date such as 2025,10,24 or 2025-10-24, found \"%1\"")
                     .arg(t));
        }
        return d;
    }
    // The row's date from either layout; the column named in errors is the start's.
    PartialDate rowDate(qsizetype row, bool required) const
    {
        std::optional<DateParts> start, end;
        int col = 0;
        if (m_old) {
            col = m_t.column(QStringLiteral("Start Date"));
            start = oldDate(row, "Start Date");
            end = oldDate(row, "End Date");
        } else {
            col = m_t.column(QStringLiteral("Year"));
            if (!m_t.cell(row, col).trimmed().isEmpty()) {
                DateParts s;
                s.year = number(row, "Year", 0);
                s.month = number(row, "Month", 0, true);
                s.day = number(row, "Day", 0);
                time(row, "Time", s);
                start = s;
            }
            if (!cell(row, "End Year").isEmpty()) {
                DateParts e;
                e.year = number(row, "End Year", 0);
                e.month = number(row, "End Month", 0, true);
                e.day = number(row, "End Day", 0);
                time(row, "End Time", e);
                end = e;
            }
        }
        if (!start) {
            if (required)
                fail(row, col,
                     QCoreApplication::translate(
                         "chronomap::TimelineJsReader",
                         "expected a year; every event needs at least a year"));
            return {};
        }
        QString why;
        const PartialDate d = dateOf(*start, end, why);
        if (!d.isValid())
            fail(row, col,
                 QCoreApplication::translate("chronomap::TimelineJsReader",
                                             "expected a valid date: %1")
                     .arg(why));
        return d;
    }

    const CsvTable& m_t;
    QString m_fileName;
    bool m_old = false;
};

ImportBatch TableReader::read()
{
    m_old = m_t.column(QStringLiteral("Year")) < 0 && m_t.column(QStringLiteral("Start Date")) >= 0;
    if (m_t.column(QStringLiteral("Year")) < 0 && !m_old)
        throw StoreError(QCoreApplication::translate(
                             "chronomap::TimelineJsReader",
                             "%1:1:1: the column \"Year\" (or \"Start Date\") is missing; "
                             "expected TimelineJS's template: Year, Month, Day, Time, "
                             "End Year, ..., Headline, Text, ...")
                             .arg(m_fileName));
    if (m_t.column(QStringLiteral("Headline")) < 0)
        throw StoreError(
            QCoreApplication::translate("chronomap::TimelineJsReader",
                                        "%1:1:1: the column \"Headline\" is missing; expected "
                                        "TimelineJS's template")
                .arg(m_fileName));
    ImportBatch batch;
    QHash<QString, qint64> categories;
    for (qsizetype row = 0; row < m_t.rows.size(); ++row) {
        if ((row & 4095) == 4095)
            checkCancelled(m_fileName);
        bool blank = true;
        for (const QString& c : m_t.rows.at(row))
            blank = blank && c.trimmed().isEmpty();
        if (blank)
            continue;
        const QString type = cell(row, "Type").toLower();
        if (type == QLatin1String("title")) {
            batch.title = textFromTimelineJsHtml(cell(row, "Headline"));
            batch.description = textFromTimelineJsHtml(cell(row, "Text"));
            setTitleMedia(batch, media(row));
            continue;
        }
        if (type == QLatin1String("era")) {
            Era era;
            era.title = textFromTimelineJsHtml(cell(row, "Headline"));
            era.date = rowDate(row, true);
            batch.eras.append(era);
            continue;
        }
        Event e;
        e.date = rowDate(row, true);
        e.title = textFromTimelineJsHtml(cell(row, "Headline"));
        e.summary = textFromTimelineJsHtml(cell(row, "Text"));
        e.displayDate = textFromTimelineJsHtml(cell(row, "Display Date"));
        QString group = textFromTimelineJsHtml(cell(row, "Group"));
        if (group.isEmpty())
            group = cell(row, "Tag");
        e.categoryId = categoryIndex(batch, categories, group);
        addMedia(batch, batch.events.size(), media(row));
        batch.events.append(e);
        batch.eventLines.append(m_t.rowLines.value(row));
    }
    return batch;
}

} // namespace

bool isTimelineJsTable(const CsvTable& table)
{
    return table.column(QStringLiteral("Headline")) >= 0 &&
           (table.column(QStringLiteral("Year")) >= 0 ||
            table.column(QStringLiteral("Start Date")) >= 0);
}

ImportBatch readTimelineJsJson(const QByteArray& input, const QString& fileName)
{
    QByteArray json;
    const QJsonDocument doc = parseJsonGuarded(input, fileName, &json);
    if (!doc.isObject())
        throw StoreError(located(
            fileName, json, 0,
            QCoreApplication::translate("chronomap::TimelineJsReader",
                                        "expected an object, {\"events\": [...]}, at the top "
                                        "of the file")));
    return JsonReader(json, fileName).read(doc.object());
}

ImportBatch readTimelineJsTable(const CsvTable& table, const QString& fileName)
{
    return TableReader(table, fileName).read();
}

} // namespace chronomap
