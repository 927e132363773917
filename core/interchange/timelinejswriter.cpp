#include "timelinejs.h"

#include "csvreader.h"
#include "jsonwriter.h"

#include "store/store.h"

#include <QHash>
#include <QRegularExpression>

namespace chronomap {

namespace {

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
        for (const QString& line : lines.mid(1)) {
            const qsizetype colon = line.indexOf(QLatin1String(": "));
            const QString key = line.left(colon), value = line.mid(colon + 2);
            if (key == QLatin1String("title"))
                m.title = value;
            else if (key == QLatin1String("thumbnail"))
                m.thumbnail = value;
            else if (key == QLatin1String("link"))
                m.link = value;
            else if (key == QLatin1String("background"))
                m.background = value;
            else if (key == QLatin1String("background-color"))
                m.backgroundColor = value;
        }
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
    w.key("title");
    w.beginObject();
    writeText(w, store.meta(QStringLiteral("title")), store.meta(QStringLiteral("description")));
    w.endObject();

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
        writeText(w, e.title, e.summary);
        if (const QString display = displayFor(e); !display.isEmpty())
            w.field("display_date", display);
        if (e.categoryId && categories.contains(e.categoryId))
            w.field("group", categories.value(e.categoryId));
        w.field("unique_id", e.uid.isEmpty() ? QStringLiteral("event-%1").arg(e.id) : e.uid);
        if (const auto it = media.constFind(e.id); it != media.constEnd()) {
            if (!it->url.isEmpty() || !it->caption.isEmpty() || !it->credit.isEmpty()) {
                w.key("media");
                w.beginObject();
                w.field("url", it->url);
                if (!it->caption.isEmpty())
                    w.field("caption", it->caption);
                if (!it->credit.isEmpty())
                    w.field("credit", it->credit);
                if (!it->thumbnail.isEmpty())
                    w.field("thumbnail", it->thumbnail);
                if (!it->alt.isEmpty())
                    w.field("alt", it->alt);
                if (!it->title.isEmpty())
                    w.field("title", it->title);
                if (!it->link.isEmpty())
                    w.field("link", it->link);
                w.endObject();
            }
            if (!it->background.isEmpty() || !it->backgroundColor.isEmpty()) {
                w.key("background");
                w.beginObject();
                if (!it->background.isEmpty())
                    w.field("url", it->background);
                if (!it->backgroundColor.isEmpty())
                    w.field("color", it->backgroundColor);
                w.endObject();
            }
        }
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
        writeDate(w, "start_date", *span.start);
        // TimelineJS requires an era's end: a one-date era ends where it starts.
        writeDate(w, "end_date", span.end ? *span.end : *span.start);
        writeText(w, era.title, QString());
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
    auto dateCells = [&](const Span& s) {
        const Parts st = *s.start;
        QStringList cells{QString::number(st.year), num(st.month), num(st.day), timeText(st)};
        if (s.end)
            cells << QString::number(s.end->year) << num(s.end->month) << num(s.end->day)
                  << timeText(*s.end);
        else
            cells << QString() << QString() << QString() << QString();
        return cells;
    };
    const QString title = store.meta(QStringLiteral("title"));
    const QString description = store.meta(QStringLiteral("description"));
    if (!title.isEmpty() || !description.isEmpty()) {
        QStringList row(19);
        row[9] = title;
        row[10] = description;
        row[16] = QStringLiteral("title");
        out += csvRow(row);
    }
    for (const Event& e : store.events()) {
        const Span span = spanOf(e.date);
        if (!span.start)
            continue;
        QStringList row = dateCells(span);
        const Media m = media.value(e.id);
        row << displayFor(e) << e.title << e.summary << m.url << m.credit << m.caption
            << m.thumbnail << m.alt << QString() << categories.value(e.categoryId)
            << (m.backgroundColor.isEmpty() ? m.background : m.backgroundColor);
        out += csvRow(row);
    }
    for (const Era& era : store.eras()) {
        const Span span = spanOf(era.date);
        if (!span.start)
            continue;
        QStringList row = dateCells(span);
        if (!span.end) {
            row[4] = row[0];
            row[5] = row[1];
            row[6] = row[2];
            row[7] = row[3];
        }
        row << QString() << era.title << QString() << QString() << QString() << QString()
            << QString() << QString() << QStringLiteral("era") << QString() << QString();
        out += csvRow(row);
    }
    return out;
}

} // namespace chronomap
