#include "eventscsv.h"
#include "exportscreen.h"

#include "model/datephrase.h"

#include "cancellation.h"
#include "csvreader.h"
#include "formatregistry.h"
#include "graphcommon.h"
#include "timedcells.h"

#include "store/store.h"

#include <QCoreApplication>
#include <QSet>

namespace chronomap {

namespace {

struct FieldInfo
{
    const char* field;
    const char* label;
    QList<const char*> synonyms;
};

const QList<FieldInfo>& fieldInfos()
{
    static const QList<FieldInfo> infos = {
        {"title", "Title", {"title", "headline", "event", "name"}},
        {"date", "Date (EDTF)", {"date", "start", "start date", "start_date", "when", "year"}},
        {"end", "End date", {"end", "end date", "end_date"}},
        {"display_date", "Display date", {"display_date", "display date"}},
        {"summary", "Summary", {"summary", "text", "description", "body"}},
        {"category", "Category", {"category", "group", "lane"}},
        {"tags", "Tags", {"tags", "tag", "keywords"}},
        {"actors", "Actors", {"actors", "people", "participants", "who"}},
        {"location", "Location", {"location", "place", "where"}},
        {"importance", "Importance (0-5)", {"importance", "priority"}},
        {"status", "Status", {"status", "verification"}},
        {"uid", "Identifier", {"uid", "unique_id", "id"}},
    };
    return infos;
}

} // namespace

QStringList CsvMapping::fields()
{
    QStringList out;
    for (const FieldInfo& f : fieldInfos())
        out << QLatin1String(f.field);
    return out;
}

QString CsvMapping::fieldLabel(const QString& field)
{
    for (const FieldInfo& f : fieldInfos())
        if (field == QLatin1String(f.field))
            return QLatin1String(f.label);
    return field;
}

CsvMapping guessEventMapping(const CsvTable& table)
{
    CsvMapping m;
    QSet<int> used;
    // Our own export names "id" (the story's row id) and "uid": prefer uid for the identifier.
    for (const FieldInfo& f : fieldInfos()) {
        for (const char* synonym : f.synonyms) {
            const int col = table.column(QLatin1String(synonym));
            if (col >= 0 && !used.contains(col)) {
                if (QLatin1String(f.field) == QLatin1String("uid") &&
                    QLatin1String(synonym) == QLatin1String("id") &&
                    table.column(QStringLiteral("uid")) >= 0)
                    continue;
                m.columns.insert(QLatin1String(f.field), col);
                used.insert(col);
                break;
            }
        }
    }
    return m;
}

ImportBatch readEventsTable(const CsvTable& t, const CsvMapping& m, const QString& fileName)
{
    auto fail = [&](qsizetype row, int col, const QString& what) {
        throw StoreError(
            QCoreApplication::translate("chronomap::EventsCsvReader", "%1:%2:%3: column \"%4\": %5")
                .arg(fileName)
                .arg(t.rowLines.value(row, 1))
                .arg(col + 1)
                .arg(t.header.value(col).trimmed(), what));
    };
    if (m.column(QStringLiteral("title")) < 0)
        throw StoreError(QCoreApplication::translate(
                             "chronomap::EventsCsvReader",
                             "%1:1:1: no column gives the event's title; expected a column named "
                             "\"title\" or \"headline\" (or choose one in the import dialog)")
                             .arg(fileName));
    if (m.column(QStringLiteral("date")) < 0)
        throw StoreError(QCoreApplication::translate(
                             "chronomap::EventsCsvReader",
                             "%1:1:1: no column gives the event's date; expected a column named "
                             "\"date\" or \"start\" (or choose one in the import dialog)")
                             .arg(fileName));
    ImportBatch batch;
    batch.origin = QStringLiteral("csv");
    batch.actorsAreReferences = true; // the people each row names
    batch.listsRelations = false;
    QHash<QString, qint64> categories;
    QHash<QString, Id> actors;
    QList<int> unmapped;
    for (int c = 0; c < t.header.size(); ++c) {
        bool used = false;
        for (auto it = m.columns.constBegin(); it != m.columns.constEnd(); ++it)
            used = used || it.value() == c;
        const QString h = t.header.at(c).trimmed().toLower();
        if (!used && !h.isEmpty() && h != QLatin1String("id") && h != QLatin1String("uid"))
            unmapped << c;
    }
    for (qsizetype row = 0; row < t.rows.size(); ++row) {
        if ((row & 4095) == 4095)
            checkCancelled(fileName);
        bool blank = true;
        for (const QString& c : t.rows.at(row))
            blank = blank && c.trimmed().isEmpty();
        if (blank)
            continue;
        const auto cell = [&](const char* field) {
            return unneutralised(t.cell(row, m.column(QLatin1String(field))).trimmed());
        };
        Event e;
        e.title = cell("title");
        const QString dateText = cell("date");
        const QString end = cell("end");
        if (dateText.isEmpty())
            fail(row, m.column(QStringLiteral("date")),
                 QCoreApplication::translate(
                     "chronomap::EventsCsvReader",
                     "expected a date such as 2025-10-24, found an empty cell"));
        // EDTF, or what a spreadsheet or a reporter writes ("24.10.2025", "Oct 24, 2025",
        // "late October 2025"), read the way the date field of the window reads it.
        auto readDate = [&](const QString& text, const char* column) {
            QString why;
            PartialDate d = PartialDate::fromEdtf(text, &why);
            if (!d.isValid()) {
                QString phraseWhy;
                d = parseDatePhrase(text, &phraseWhy);
                if (!d.isValid())
                    fail(row, m.column(QLatin1String(column)),
                         QCoreApplication::translate(
                             "chronomap::EventsCsvReader",
                             "expected a date such as 2025-10-24, 2025-10 or "
                             "2025-10-21/2025-10-31, found \"%1\": %2")
                             .arg(text, phraseWhy.isEmpty() ? why : phraseWhy));
            }
            return d;
        };
        e.date = readDate(dateText, "date");
        if (!end.isEmpty() && end != dateText) {
            const PartialDate last = readDate(end, "end");
            QString why;
            e.date = PartialDate::fromEdtf(e.date.edtf() + u'/' + last.edtf(), &why);
            if (!e.date.isValid())
                fail(row, m.column(QStringLiteral("end")),
                     QCoreApplication::translate(
                         "chronomap::EventsCsvReader",
                         "the end \"%1\" does not close the range that starts at "
                         "\"%2\": %3")
                         .arg(end, dateText, why));
        }
        e.displayDate = cell("display_date");
        e.summary = cell("summary");
        e.location = cell("location");
        e.uid = cell("uid");
        if (const QString c = cell("category"); !c.isEmpty()) {
            const QString key = c.toCaseFolded();
            if (!categories.contains(key)) {
                batch.categories.append(c);
                categories.insert(key, batch.categories.size());
            }
            e.categoryId = categories.value(key);
        }
        QSet<QString> tagSeen; // a list's contains() would make many tags quadratic
        for (const QString& tag : cell("tags").split(u';', Qt::SkipEmptyParts))
            if (const QString tg = tag.trimmed(); !tg.isEmpty() && !tagSeen.contains(tg)) {
                tagSeen.insert(tg);
                e.tags.append(tg);
            }
        if (const QString imp = cell("importance"); !imp.isEmpty()) {
            bool ok = false;
            e.importance = imp.toInt(&ok);
            if (!ok || e.importance < 0 || e.importance > 5)
                fail(
                    row, m.column(QStringLiteral("importance")),
                    QCoreApplication::translate("chronomap::EventsCsvReader",
                                                "expected a whole number from 0 to 5, found \"%1\"")
                        .arg(imp));
        }
        if (const QString st = cell("status").toLower(); !st.isEmpty()) {
            if (!verificationFromName(st))
                fail(row, m.column(QStringLiteral("status")),
                     QCoreApplication::translate(
                         "chronomap::EventsCsvReader",
                         "expected draft, confirmed, disputed or cleared, found \"%1\"")
                         .arg(st));
            e.status = *verificationFromName(st);
        }
        QSet<Id> seen;
        for (const QString& item : cell("actors").split(u';', Qt::SkipEmptyParts)) {
            QString name = item.trimmed(), role;
            // "Name (role)": the last parenthesis is the role.
            if (name.endsWith(u')')) {
                if (const qsizetype open = name.lastIndexOf(QLatin1String(" (")); open > 0) {
                    role = name.mid(open + 2, name.size() - open - 3);
                    name = name.left(open).trimmed();
                }
            }
            if (name.isEmpty())
                continue;
            const QString key = name.toCaseFolded();
            if (!actors.contains(key)) {
                Actor a;
                a.name = name;
                batch.actors.append(a);
                actors.insert(key, batch.actors.size());
            }
            const Id id = actors.value(key);
            if (!seen.contains(id)) {
                seen.insert(id);
                e.actors.append(Participation{id, role});
            }
        }
        // Columns no field takes are kept as the event's typed attributes.
        for (int c : unmapped) {
            const QString v = unneutralised(t.cell(row, c).trimmed());
            if (v.isEmpty())
                continue;
            const auto [name, typeName] = typedHeader(t.header.at(c).trimmed());
            // Timed values come as "<[start, end, value]; ...>" (timedcells.h).
            setAttribute(e.attributes, name, attributeFromCell(typeName, v));
        }
        batch.events.append(e);
        batch.eventLines.append(t.rowLines.value(row));
    }
    return batch;
}

QByteArray writeEventsCsv(const Store& store)
{
    QHash<Id, QString> categories, actors;
    for (const Category& c : store.categories())
        categories.insert(c.id, c.name);
    for (const Actor& a : store.actors())
        actors.insert(a.id, a.name);
    const QList<Event> events = store.events();
    const auto columns = attributeColumns(events);
    QByteArray out = kUtf8Bom;
    QStringList header = {QStringLiteral("id"),       QStringLiteral("uid"),
                          QStringLiteral("date"),     QStringLiteral("display_date"),
                          QStringLiteral("title"),    QStringLiteral("summary"),
                          QStringLiteral("category"), QStringLiteral("tags"),
                          QStringLiteral("importance"), QStringLiteral("location"),
                          QStringLiteral("status"),   QStringLiteral("actors")};
    for (const auto& [name, type] : columns)
        header << typedHeaderText(name, type);
    out += csvRow(header);
    for (const Event& e : events) {
        if (!ExportScreen::exportable(e))
            continue; // the import would refuse it; ExportScreen counts it
        QStringList people;
        for (const Participation& p : e.actors)
            people << actors.value(p.actorId) +
                          (p.role.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(p.role));
        QStringList row = {QString::number(e.id), e.uid, e.date.edtf(), e.displayDate, e.title,
                           e.summary, categories.value(e.categoryId),
                           e.tags.join(QStringLiteral("; ")), QString::number(e.importance),
                           e.location, verificationName(e.status),
                           people.join(QStringLiteral("; "))};
        for (const auto& [name, type] : columns)
            row << timedCellText(e.attributes, name);
        out += csvRow(row);
    }
    return out;
}

} // namespace chronomap

namespace chronomap {

// Events, one a row (any table no other spreadsheet format claims: the columns are mapped).
FileFormat eventsCsvFileFormat()
{
    FileFormat f;
    f.name = QStringLiteral("events-csv");
    f.origin = QStringLiteral("csv");
    f.label = QT_TRANSLATE_NOOP("chronomap::FileFormat", "Events (CSV)");
    f.suffixes = {QStringLiteral("csv"), QStringLiteral("tsv"), QStringLiteral("txt")};
    f.aliases = {QStringLiteral("events")};
    f.readTable = [](const CsvTable& t, const QString& fileName) {
        return readEventsTable(t, guessEventMapping(t), fileName);
    };
    f.write = writeEventsCsv;
    return f;
}

} // namespace chronomap
