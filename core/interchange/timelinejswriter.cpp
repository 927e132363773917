#include "timelinejs.h"

#include "csvreader.h"
#include "htmlsanitizer.h"
#include "jsonwriter.h"

#include "store/store.h"

#include <QHash>
#include <QRegularExpression>

namespace chronomap {

namespace {

// What leaves for the web (htmlsanitizer.h has the rule). TimelineJS puts headline, text,
// media caption and credit into the page as HTML: they keep harmless formatting. Display date,
// group, alt, media title and unique_id are text: escaped. URLs pass the scheme allow-list or
// are left out; a background colour must be a plain CSS colour.
QString webHtml(const QString& text)
{
    return sanitizeWebHtml(timelineJsHtml(text));
}

QString webColor(const QString& color)
{
    return isSafeCssColor(color) ? color.trimmed() : QString();
}

// The sheet's one Background cell: a colour if it is a safe one, else the background URL.
QString backgroundCell(const QString& color, const QString& url)
{
    const QString c = webColor(color);
    return c.isEmpty() ? sanitizeWebUrl(url) : c;
}

// One end of a date as TimelineJS fields: month/day 0 and hour -1 when not known.
struct Parts
{
    qint64 year = 0;
    int month = 0, day = 0, hour = -1, minute = -1, second = -1;
};

// One side of an EDTF interval as TimelineJS fields, as precise as the side is; nullopt for an
// open or unknown side. Qualifiers (~ ? %) have no TimelineJS field: the display date says them.
std::optional<Parts> partsOf(QString side, qint64 fallbackSecs)
{
    side.remove(u'~').remove(u'?').remove(u'%');
    if (side.isEmpty() || side == QLatin1String(".."))
        return std::nullopt;
    static const QRegularExpression re(
        QStringLiteral("^(-?[0-9X]{4})(?:-([0-9X]{2}))?(?:-([0-9X]{2}))?(?:[T "
                       "](\\d{2}):(\\d{2})(?::(\\d{2}))?)?"));
    const auto m = re.match(side);
    Parts p;
    qint64 fy = 0;
    int fm = 0, fd = 0;
    PartialDate::civilDay(fallbackSecs, fy, fm, fd);
    if (!m.hasMatch() || m.captured(1).contains(u'X')) {
        p.year = fy; // long years and unspecified digits: the year is all we can say
        return p;
    }
    p.year = m.captured(1).toLongLong();
    const QString month = m.captured(2);
    if (month.isEmpty() || month.contains(u'X') || month.toInt() > 12)
        return p; // seasons (21-24) have no TimelineJS month
    p.month = month.toInt();
    const QString day = m.captured(3);
    if (day.isEmpty() || day.contains(u'X'))
        return p;
    p.day = day.toInt();
    if (m.captured(4).isEmpty())
        return p;
    p.hour = m.captured(4).toInt();
    p.minute = m.captured(5).toInt();
    if (!m.captured(6).isEmpty())
        p.second = m.captured(6).toInt();
    return p;
}

struct Span
{
    std::optional<Parts> start, end;
};

Span spanOf(const PartialDate& d)
{
    const QString edtf = d.edtf();
    const qsizetype slash = edtf.indexOf(u'/');
    Span s;
    if (slash < 0) {
        s.start = partsOf(edtf, d.nominalStart());
        return s;
    }
    s.start = partsOf(edtf.left(slash), d.nominalStart());
    s.end = partsOf(edtf.mid(slash + 1), d.nominalEnd());
    if (!s.start) { // "../2025": TimelineJS needs a start
        s.start = s.end;
        s.end.reset();
    }
    return s;
}

// How finely a side is given: 1 year, 2 month, 3 day, 4 minute, 5 second.
int precisionOf(const Parts& p)
{
    return p.hour >= 0 ? (p.second >= 0 ? 5 : 4) : p.day ? 3 : p.month ? 2 : 1;
}

// True when TimelineJS would take `end` for `start`: TL.TimelineConfig._processDates compares
// only the fields the start gives and drops an end that agrees with all of them, which turns a
// range into one instant and makes an era invalid ("All eras must have start and end dates").
bool sameForTimelineJs(const Parts& start, const Parts& end)
{
    const int precision = precisionOf(start);
    return start.year == end.year && (precision < 2 || start.month == end.month) &&
           (precision < 3 || start.day == end.day) &&
           (precision < 4 || (start.hour == end.hour && start.minute == end.minute)) &&
           (precision < 5 || start.second == end.second);
}

// The first instant after the period a side names, at the same precision ("2025-01" gives
// "2025-02", "2025-12-31" gives "2026-01-01"): the end TimelineJS draws a one-date era to.
Parts nextPeriod(Parts p)
{
    switch (precisionOf(p)) {
    case 1:
        ++p.year;
        return p;
    case 2:
        if (++p.month > 12) {
            p.month = 1;
            ++p.year;
        }
        return p;
    default:
        break;
    }
    const int step = p.hour < 0 ? 86400 : p.second >= 0 ? 1 : 60;
    const qint64 secs = PartialDate::secondsOf(int(p.year), p.month, p.day, std::max(p.hour, 0),
                                               std::max(p.minute, 0), std::max(p.second, 0)) +
                        step;
    PartialDate::civilDay(secs, p.year, p.month, p.day);
    if (p.hour >= 0) {
        const qint64 inDay = ((secs % 86400) + 86400) % 86400;
        p.hour = int(inDay / 3600);
        p.minute = int(inDay / 60 % 60);
        if (p.second >= 0)
            p.second = int(inDay % 60);
    }
    return p;
}

// An era's two ends as TimelineJS keeps them: the start filled out to the end's precision
// (January, the 1st, midnight) so that the end differs in a field the start gives, and a
// one-date era ending where the next period begins. Either way TimelineJS draws the span the
// story's date names instead of refusing the whole timeline.
std::pair<Parts, Parts> eraEnds(const Span& span)
{
    Parts start = *span.start;
    if (!span.end)
        return {start, nextPeriod(start)};
    const Parts end = *span.end;
    const int precision = precisionOf(end);
    if (precision >= 2 && !start.month)
        start.month = 1;
    if (precision >= 3 && !start.day)
        start.day = 1;
    if (precision >= 4 && start.hour < 0) {
        start.hour = 0;
        start.minute = 0;
    }
    if (precision >= 5 && start.second < 0)
        start.second = 0;
    if (sameForTimelineJs(start, end))
        return {start, nextPeriod(end)};
    return {start, end};
}

// What the date says that TimelineJS's fields cannot (about, perhaps, open ends).
QString displayFor(const Event& e)
{
    if (!e.displayDate.isEmpty())
        return e.displayDate;
    constexpr quint32 unsaid = DateFlag::Approximate | DateFlag::Uncertain |
                               DateFlag::YearInferred | DateFlag::UnspecifiedDigits |
                               DateFlag::OpenStart | DateFlag::OpenEnd;
    if (e.date.flags() & unsaid)
        return e.date.describe();
    return {};
}

// The media of an event: the first citation marked as TimelineJS media.
struct Media
{
    QString url, caption, credit, thumbnail, alt, title, link, background, backgroundColor;
    bool present = false;
};

// "key: value" lines (a media citation's locator, the title media entry) into `m`.
void readMediaLines(const QStringList& lines, Media& m)
{
    for (const QString& line : lines) {
        const qsizetype colon = line.indexOf(QLatin1String(": "));
        if (colon < 0)
            continue;
        const QString key = line.left(colon), value = line.mid(colon + 2);
        QString* field = key == QLatin1String("url")                ? &m.url
                         : key == QLatin1String("caption")          ? &m.caption
                         : key == QLatin1String("credit")           ? &m.credit
                         : key == QLatin1String("thumbnail")        ? &m.thumbnail
                         : key == QLatin1String("alt")              ? &m.alt
                         : key == QLatin1String("title")            ? &m.title
                         : key == QLatin1String("link")             ? &m.link
                         : key == QLatin1String("background")       ? &m.background
                         : key == QLatin1String("background-color") ? &m.backgroundColor
                                                                    : nullptr;
        if (field) {
            *field = value;
            m.present = true;
        }
    }
}

QHash<Id, Media> mediaByEvent(const Store& store)
{
    QHash<Id, Source> sources;
    for (const Source& s : store.sources())
        sources.insert(s.id, s);
    QHash<Id, Media> out;
    for (const Citation& c : store.citations()) {
        if (c.target.kind != EntityKind::Event || out.contains(c.target.id))
            continue;
        const QStringList lines = c.locator.split(u'\n');
        if (lines.value(0) != timelineJsMediaLocator())
            continue;
        const Source s = sources.value(c.sourceId);
        Media m;
        m.present = true;
        m.url = s.url;
        m.credit = s.publisher;
        m.alt = s.text;
        m.caption = c.quote;
        readMediaLines(lines.mid(1), m);
        out.insert(c.target.id, m);
    }
    return out;
}

QHash<Id, QString> categoryNames(const Store& store)
{
    QHash<Id, QString> out;
    for (const Category& c : store.categories())
        out.insert(c.id, c.name);
    return out;
}

void writeDate(JsonWriter& w, const char* key, const Parts& p)
{
    w.key(key);
    w.beginObject();
    // TimelineJS documents the fields as strings ("2025"); it accepts numbers too.
    w.field("year", QString::number(p.year));
    if (p.month)
        w.field("month", QString::number(p.month));
    if (p.day)
        w.field("day", QString::number(p.day));
    if (p.hour >= 0) {
        w.field("hour", QString::number(p.hour));
        w.field("minute", QString::number(std::max(p.minute, 0)));
        if (p.second >= 0)
            w.field("second", QString::number(p.second));
    }
    w.endObject();
}

void writeMedia(JsonWriter& w, const Media& m)
{
    const QString url = sanitizeWebUrl(m.url), thumbnail = sanitizeWebUrl(m.thumbnail),
                  link = sanitizeWebUrl(m.link), background = sanitizeWebUrl(m.background),
                  color = webColor(m.backgroundColor);
    if (!url.isEmpty() || !m.caption.isEmpty() || !m.credit.isEmpty()) {
        w.key("media");
        w.beginObject();
        w.field("url", url);
        if (!m.caption.isEmpty())
            w.field("caption", webHtml(m.caption));
        if (!m.credit.isEmpty())
            w.field("credit", webHtml(m.credit));
        if (!thumbnail.isEmpty())
            w.field("thumbnail", thumbnail);
        if (!m.alt.isEmpty())
            w.field("alt", webText(m.alt));
        if (!m.title.isEmpty())
            w.field("title", webText(m.title));
        if (!link.isEmpty())
            w.field("link", link);
        w.endObject();
    }
    if (!background.isEmpty() || !color.isEmpty()) {
        w.key("background");
        w.beginObject();
        if (!background.isEmpty())
            w.field("url", background);
        if (!color.isEmpty())
            w.field("color", color);
        w.endObject();
    }
}

// The title slide's media, kept as a story entry by the importers.
Media titleMedia(const Store& store)
{
    Media m;
    readMediaLines(store.meta(timelineJsTitleMediaKey()).split(u'\n'), m);
    return m;
}

void writeText(JsonWriter& w, const QString& headline, const QString& body)
{
    w.key("text");
    w.beginObject();
    w.field("headline", headline);
    w.field("text", body);
    w.endObject();
}

QString timeText(const Parts& p)
{
    if (p.hour < 0)
        return {};
    QString t = QStringLiteral("%1:%2")
                    .arg(p.hour, 2, 10, QLatin1Char('0'))
                    .arg(std::max(p.minute, 0), 2, 10, QLatin1Char('0'));
    if (p.second >= 0)
        t += QStringLiteral(":%1").arg(p.second, 2, 10, QLatin1Char('0'));
    return t;
}

} // namespace

QByteArray writeTimelineJsJson(const Store& store)
{
    const QHash<Id, QString> categories = categoryNames(store);
    const QHash<Id, Media> media = mediaByEvent(store);
    JsonWriter w;
    w.beginObject();
    // No title slide for a story without title or description: TimelineJS would open on an
    // empty slide.
    const QString title = store.meta(QStringLiteral("title")),
                  description = store.meta(QStringLiteral("description"));
    if (!title.isEmpty() || !description.isEmpty()) {
        w.key("title");
        w.beginObject();
        writeText(w, webHtml(title), webHtml(description));
        writeMedia(w, titleMedia(store));
        w.endObject();
    }

    w.key("events");
    w.beginArray();
    for (const Event& e : store.events()) {
        const Span span = spanOf(e.date);
        if (!span.start)
            continue; // ".." alone: no date TimelineJS could place; never stored by our readers
        w.element();
        w.beginObject();
        writeDate(w, "start_date", *span.start);
        if (span.end)
            writeDate(w, "end_date", *span.end);
        writeText(w, webHtml(e.title), webHtml(e.summary));
        if (const QString display = displayFor(e); !display.isEmpty())
            w.field("display_date", webText(display));
        if (e.categoryId && categories.contains(e.categoryId))
            w.field("group", webText(categories.value(e.categoryId)));
        w.field("unique_id",
                e.uid.isEmpty() ? QStringLiteral("event-%1").arg(e.id) : webText(e.uid));
        if (const auto it = media.constFind(e.id); it != media.constEnd())
            writeMedia(w, *it);
        w.endObject();
    }
    w.endArray();

    w.key("eras");
    w.beginArray();
    for (const Era& era : store.eras()) {
        const Span span = spanOf(era.date);
        if (!span.start)
            continue;
        w.element();
        w.beginObject();
        const auto [start, end] = eraEnds(span);
        writeDate(w, "start_date", start);
        writeDate(w, "end_date", end);
        writeText(w, webHtml(era.title), QString());
        w.endObject();
    }
    w.endArray();
    w.endObject();
    w.raw("\n");
    return w.take();
}

QByteArray writeTimelineJsCsv(const Store& store)
{
    const QHash<Id, QString> categories = categoryNames(store);
    const QHash<Id, Media> media = mediaByEvent(store);
    QByteArray out = kUtf8Bom;
    out += csvRow({QStringLiteral("Year"), QStringLiteral("Month"), QStringLiteral("Day"),
                   QStringLiteral("Time"), QStringLiteral("End Year"), QStringLiteral("End Month"),
                   QStringLiteral("End Day"), QStringLiteral("End Time"),
                   QStringLiteral("Display Date"), QStringLiteral("Headline"),
                   QStringLiteral("Text"), QStringLiteral("Media"), QStringLiteral("Media Credit"),
                   QStringLiteral("Media Caption"), QStringLiteral("Media Thumbnail"),
                   QStringLiteral("Alt Text"), QStringLiteral("Type"), QStringLiteral("Group"),
                   QStringLiteral("Background")});
    auto num = [](int n) { return n ? QString::number(n) : QString(); };
    auto dateCells = [&](const Parts& st, const std::optional<Parts>& end) {
        QStringList cells{QString::number(st.year), num(st.month), num(st.day), timeText(st)};
        if (end)
            cells << QString::number(end->year) << num(end->month) << num(end->day)
                  << timeText(*end);
        else
            cells << QString() << QString() << QString() << QString();
        return cells;
    };
    const QString title = store.meta(QStringLiteral("title"));
    const QString description = store.meta(QStringLiteral("description"));
    if (!title.isEmpty() || !description.isEmpty()) {
        QStringList row(19);
        row[9] = webHtml(title);
        row[10] = webHtml(description);
        const Media m = titleMedia(store);
        row[11] = sanitizeWebUrl(m.url);
        row[12] = webHtml(m.credit);
        row[13] = webHtml(m.caption);
        row[14] = sanitizeWebUrl(m.thumbnail);
        row[15] = webText(m.alt);
        row[18] = backgroundCell(m.backgroundColor, m.background);
        row[16] = QStringLiteral("title");
        out += csvRow(row);
    }
    for (const Event& e : store.events()) {
        const Span span = spanOf(e.date);
        if (!span.start)
            continue;
        QStringList row = dateCells(*span.start, span.end);
        const Media m = media.value(e.id);
        row << webText(displayFor(e)) << webHtml(e.title) << webHtml(e.summary)
            << sanitizeWebUrl(m.url) << webHtml(m.credit) << webHtml(m.caption)
            << sanitizeWebUrl(m.thumbnail) << webText(m.alt) << QString()
            << webText(categories.value(e.categoryId))
            << backgroundCell(m.backgroundColor, m.background);
        out += csvRow(row);
    }
    for (const Era& era : store.eras()) {
        const Span span = spanOf(era.date);
        if (!span.start)
            continue;
        const auto [start, end] = eraEnds(span);
        QStringList row = dateCells(start, end);
        row << QString() << webHtml(era.title) << QString() << QString() << QString() << QString()
            << QString() << QString() << QStringLiteral("era") << QString() << QString();
        out += csvRow(row);
    }
    return out;
}

} // namespace chronomap
