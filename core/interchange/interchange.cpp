#include "interchange.h"

#include "cancellation.h"
#include "chronomapjson.h"
#include "exportscreen.h"
#include "formatregistry.h"
#include "graphformats.h"
#include "timelinejs.h"

#include "files/filesafety.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QSet>
#include <QJsonObject>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace chronomap {

namespace {
// A data export up to this size is read back before it is written.
constexpr qsizetype kReadBackBytes = qsizetype(64) << 20;
} // namespace

QStringList importFormats()
{
    return readableFormats() << csvFamily();
}

QStringList exportFormats()
{
    return writableFormats();
}

bool canImportFormat(const QString& name)
{
    const FileFormat* f = fileFormat(name);
    return name.toLower() == csvFamily() || (f && f->canRead());
}

bool canExportFormat(const QString& name)
{
    const FileFormat* f = fileFormat(name);
    return name.toLower() == csvFamily() || (f && f->canWrite());
}

QString guessImportFormat(const QString& path, const QByteArray& head)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    // The content first where a format says what it is (a .xml GEXF, a .json Chronomap file).
    for (const FileFormat& f : fileFormats())
        if (f.canRead() && f.sniff && f.sniff(head))
            return f.name;
    for (const FileFormat& f : fileFormats())
        if (f.canRead() && f.suffixes.contains(suffix))
            return f.isTable() ? csvFamily() : f.name;
    return {};
}

QString guessExportFormat(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    // .json is the whole story unless asked; .csv the events.
    if (suffix == QLatin1String("json"))
        return QStringLiteral("chronomap");
    if (suffix == QLatin1String("csv"))
        return QStringLiteral("events-csv");
    for (const FileFormat& f : fileFormats())
        if (f.canWrite() && f.suffixes.value(0) == suffix)
            return f.name;
    return {};
}

bool isDataExportPath(const QString& path)
{
    return !guessExportFormat(path).isEmpty();
}

QByteArray readInputFile(const QString& path, qint64 maxBytes)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw StoreError(
            QCoreApplication::translate("chronomap::Interchange", "%1: cannot open the file: %2")
                .arg(path, f.errorString()));
    // The size the file claims, checked before a byte is read: a 2 GB file is refused at once.
    if (f.size() > maxBytes)
        throw StoreError(
            QCoreApplication::translate("chronomap::Interchange",
                                        "%1: the file is %2 MiB; Chronomap imports files up to "
                                        "%3 MiB")
                .arg(path)
                .arg(f.size() >> 20)
                .arg(maxBytes >> 20));
    QByteArray bytes = f.readAll();
    if (f.error() != QFile::NoError)
        throw StoreError(
            QCoreApplication::translate("chronomap::Interchange", "%1: cannot read the file: %2")
                .arg(path, f.errorString()));
    return bytes;
}

namespace {

// UTF-16 without a byte-order mark reads as UTF-8 with a NUL after (or before) every ASCII
// character: a CSV header "t\0i\0t\0l\0e" is then not "title". Said in words instead.
void refuseUtf16WithoutBom(const QByteArray& bytes, const QString& path)
{
    const qsizetype n = std::min<qsizetype>(bytes.size(), 4096) & ~qsizetype(1);
    if (n < 4 || bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF"))
        return;
    qsizetype evenNul = 0, oddNul = 0;
    for (qsizetype i = 0; i < n; i += 2) {
        evenNul += bytes.at(i) == '\0';
        oddNul += bytes.at(i + 1) == '\0';
    }
    const qsizetype pairs = n / 2;
    const char* encoding = nullptr;
    if (oddNul * 3 >= pairs && evenNul * 20 < pairs)
        encoding = "UTF-16LE";
    else if (evenNul * 3 >= pairs && oddNul * 20 < pairs)
        encoding = "UTF-16BE";
    if (!encoding)
        return;
    throw StoreError(QCoreApplication::translate("chronomap::Interchange",
                                                 "%1: expected UTF-8 text, found %2 without a "
                                                 "byte-order mark; save the file as UTF-8 (\"CSV "
                                                 "UTF-8\" in a spreadsheet program)")
                         .arg(path, QLatin1String(encoding)));
}

// A spreadsheet: `format` is the table format asked for, or null to let the header tell.
void parseTable(ParsedImport& p, const QByteArray& bytes, const FileFormat* format,
                const std::optional<CsvMapping>& mapping, bool lenient)
{
    p.table = readCsv(bytes, p.fileName);
    const CsvTable& t = *p.table;
    if (!format) {
        for (const FileFormat& f : fileFormats())
            if (f.isTable() && (!mapping || f.name == QLatin1String("events-csv")) &&
                (!f.claimsTable || f.claimsTable(t))) {
                format = &f;
                break;
            }
    }
    if (!format)
        format = fileFormat(QStringLiteral("events-csv"));
    p.format = format->name;
    if (format->name != QLatin1String("events-csv")) {
        p.batch = format->readTable(t, p.fileName);
        return;
    }
    p.mapping = mapping ? *mapping : guessEventMapping(t);
    try {
        p.batch = readEventsTable(t, p.mapping, p.fileName);
    } catch (const ReadCancelled&) {
        throw;
    } catch (const StoreError& e) {
        if (!lenient)
            throw;
        p.error = e.message();
    }
}

bool looksLikeJson(const QByteArray& bytes)
{
    QByteArray start = bytes.left(64).trimmed();
    if (start.startsWith("\xEF\xBB\xBF"))
        start = start.mid(3).trimmed();
    return start.startsWith('{') || start.startsWith('[');
}

ParsedImport parse(const QByteArray& bytes, const QString& path, const QString& requested,
                   const std::optional<CsvMapping>& mapping, bool lenient)
{
    ParsedImport p;
    p.fileName = path;
    checkCancelled(path);
    QString format = requested.toLower();
    if (format != QLatin1String("gexf") && format != QLatin1String("graphml"))
        refuseUtf16WithoutBom(bytes, path);
    if (format.isEmpty())
        format = guessImportFormat(path, bytes.left(65536));
    if (format.isEmpty())
        throw StoreError(
            QCoreApplication::translate("chronomap::Interchange",
                                        "%1: cannot tell the format from the name or the content; "
                                        "give --format %2")
                .arg(path, importFormats().join(u'|')));
    const FileFormat* f = format == csvFamily() ? nullptr : fileFormat(format);
    if (format != csvFamily() && (!f || !f->canRead()))
        throw StoreError(
            QCoreApplication::translate("chronomap::Interchange",
                                        "%1: unknown format \"%2\"; expected one of %3")
                .arg(path, format, importFormats().join(QStringLiteral(", "))));
    // TimelineJS comes as JSON or as its sheet: the content tells.
    if (f && f->name == QLatin1String("timelinejs") && !looksLikeJson(bytes))
        f = fileFormat(QStringLiteral("timelinejs-csv"));
    if (f && f->wholeStory) {
        p.format = f->name;
        p.chronomapJson = bytes;
        // A preview shows the file's rows and is refused here when the file is broken, not
        // after the user chose Import. (The command line checks it while writing: once.)
        if (lenient)
            p.batch = storyJsonAsBatch(bytes, path);
    } else if (!f || f->isTable()) {
        parseTable(p, bytes, f, mapping, lenient);
    } else {
        p.format = f->name;
        p.batch = f->read(bytes, path);
    }
    if (const FileFormat* read = fileFormat(p.format); read && p.batch.origin.isEmpty())
        p.batch.origin = read->origin;
    return p;
}

} // namespace

ParsedImport parseImport(const QString& path, const QString& format,
                         const std::optional<CsvMapping>& mapping)
{
    return parse(readInputFile(path), path, format, mapping, false);
}

ParsedImport parseImportForPreview(const QString& path, const QString& format)
{
    return parse(readInputFile(path), path, format, std::nullopt, true);
}

ParsedImport parseImportBytes(const QByteArray& bytes, const QString& fileName,
                              const QString& format)
{
    return parse(bytes, fileName, format, std::nullopt, false);
}

void remapImport(ParsedImport& parsed, const CsvMapping& mapping)
{
    if (!parsed.table)
        return;
    parsed.mapping = mapping;
    parsed.format = QStringLiteral("events-csv");
    parsed.batch = {};
    parsed.error.clear();
    try {
        parsed.batch = readEventsTable(*parsed.table, mapping, parsed.fileName);
        parsed.batch.origin = QStringLiteral("csv");
    } catch (const StoreError& e) {
        parsed.error = e.message();
        throw;
    }
}

bool isWholeStory(const ParsedImport& parsed)
{
    const FileFormat* f = fileFormat(parsed.format);
    return f && f->wholeStory;
}

ImportSummary previewParsedImport(const Store& store, const ParsedImport& parsed)
{
    if (!isWholeStory(parsed))
        return previewImport(store, parsed.batch);
    return previewStoryJson(store, parsed.batch);
}

namespace {

// The rows of every table a whole-story import may add to, by id, and the story's actors and
// properties as they are: a Chronomap JSON import is journaled by what it changed.
struct StorySnapshot
{
    QSet<Id> ids[7];
    QHash<Id, Actor> actors;
    QHash<QString, QString> meta;

    explicit StorySnapshot(const Store& store)
    {
        using T = ImportJournal::Table;
        for (const Category& c : store.categories())
            ids[int(T::Category)].insert(c.id);
        for (const Era& e : store.eras())
            ids[int(T::Era)].insert(e.id);
        for (const Actor& a : store.actors()) {
            ids[int(T::Actor)].insert(a.id);
            actors.insert(a.id, a);
        }
        for (const Relation& r : store.relations())
            ids[int(T::Relation)].insert(r.id);
        store.scanEventDates([this](Id id, const QString&, std::optional<qint64>,
                                    std::optional<qint64>) { ids[int(T::Event)].insert(id); });
        for (const Source& s : store.sources())
            ids[int(T::Source)].insert(s.id);
        for (const Citation& c : store.citations())
            ids[int(T::Citation)].insert(c.id);
        for (const auto& [key, value] : store.metaEntries())
            meta.insert(key, value);
    }

    // What `after` has that this has not, in the order the rows depend on each other.
    void journal(const StorySnapshot& after, ImportJournal& out) const
    {
        for (int t = 0; t < 7; ++t) {
            QList<Id> added;
            for (const Id id : after.ids[t])
                if (!ids[t].contains(id))
                    added << id;
            std::sort(added.begin(), added.end());
            for (const Id id : std::as_const(added))
                out.inserted.append({ImportJournal::Table(t), id});
        }
        for (auto it = actors.constBegin(); it != actors.constEnd(); ++it)
            if (const auto now = after.actors.constFind(it.key());
                now != after.actors.constEnd() && !(*now == *it))
                out.updated.append({Entity(*it), Entity(*now)});
        for (auto it = after.meta.constBegin(); it != after.meta.constEnd(); ++it)
            if (meta.value(it.key()) != *it)
                out.meta.append({it.key(), meta.value(it.key()), *it});
    }
};

} // namespace

ImportSummary applyParsedImport(Store& store, const ParsedImport& parsed,
                                const ImportProgress& progress, ImportJournal* journal)
{
    if (!parsed.error.isEmpty())
        throw StoreError(parsed.error);
    checkImportInput(parsed.fileName, store.path()); // a story is never its own input
    if (!isWholeStory(parsed))
        return applyImport(store, parsed.batch, parsed.fileName, progress, journal);
    // Counted inside the write transaction, so another import committing meanwhile is not
    // counted as this one's.
    Store::Transaction tx(store);
    std::optional<StorySnapshot> snapshot;
    if (journal)
        snapshot.emplace(store);
    const StoryCounts before = store.counts();
    const QString titleBefore = store.meta(QStringLiteral("title"));
    const qint64 matched = readStoryJson(store, parsed.chronomapJson, parsed.fileName, progress);
    const StoryCounts after = store.counts();
    ImportSummary s;
    s.titleSet = store.meta(QStringLiteral("title")) != titleBefore;
    s.matchedActors = matched;
    s.newEvents = after.events - before.events;
    s.newActors = after.actors - before.actors;
    s.newRelations = after.relations - before.relations;
    s.newCategories = after.categories - before.categories;
    s.newEras = after.eras - before.eras;
    if (snapshot)
        snapshot->journal(StorySnapshot(store), *journal);
    tx.commit();
    return s;
}

ChangeRecord importAuditRecord(const ParsedImport& parsed, const ImportSummary& summary)
{
    ChangeRecord rec;
    rec.at = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    rec.action = QStringLiteral("import");
    rec.target = EntityRef{EntityKind::Event, 0};
    rec.after = QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("file"), parsed.fileName},
                                  {QStringLiteral("format"), parsed.format},
                                  {QStringLiteral("summary"), summary.text()}})
            .toJson(QJsonDocument::Compact));
    return rec;
}

QByteArray exportBytes(const Store& store, const QString& format, const QString& path)
{
    const QString name = format.isEmpty() ? guessExportFormat(path) : format.toLower();
    const FileFormat* f = name == csvFamily() ? fileFormat(QStringLiteral("events-csv"))
                                              : fileFormat(name);
    // "timelinejs" to a .csv name is the sheet.
    if (f && f->name == QLatin1String("timelinejs") &&
        QFileInfo(path).suffix().toLower() == QLatin1String("csv"))
        f = fileFormat(QStringLiteral("timelinejs-csv"));
    if (!f || !f->canWrite())
        throw StoreError(
            QCoreApplication::translate("chronomap::Interchange",
                                        "%1: unknown export format \"%2\"; expected one of %3")
                .arg(path, name, exportFormats().join(QStringLiteral(", "))));
    return f->write(store);
}

namespace {

// Parses an export's bytes as its import would, writing nothing; throws what import throws.
void readBack(const QByteArray& bytes, const QString& format, const QString& path)
{
    if (format == QLatin1String("chronomap")) {
        storyJsonAsBatch(bytes, path);
    } else if (format == QLatin1String("gexf")) {
        readGexf(bytes, path);
    } else if (format == QLatin1String("graphml")) {
        readGraphMl(bytes, path);
    } else if (format == QLatin1String("timelinejs")) {
        readTimelineJsJson(bytes, path);
    } else {
        ParsedImport p;
        p.fileName = path;
        parseTable(p, bytes, fileFormat(format), std::nullopt, false);
    }
}

} // namespace

QString exportData(const Store& store, const QString& format, const QString& path)
{
    QString f = format.isEmpty() ? guessExportFormat(path) : format.toLower();
    if (const FileFormat* known = fileFormat(f))
        f = known->name; // an alias ("csv", "json") reads back as the format it names
    if (f == QLatin1String("timelinejs") && QFileInfo(path).suffix().toLower() == QLatin1String("csv"))
        f = QStringLiteral("timelinejs-csv"); // TimelineJS to a .csv is its sheet
    if (!exportFormats().contains(f))
        exportBytes(store, f, path); // throws, naming the format
    // Never the story itself, its -wal/-shm, a database or a foreign file (filesafety.h).
    checkWriteTarget(path, store.path(), fileKindOfExport(f, path));
    // Rows the import would refuse are left out and counted, so the export reads back.
    const ExportScreen rows(store);
    const QByteArray bytes =
        f == QLatin1String("chronomap") ? writeStoryJson(store, rows) : exportBytes(store, f, path);
    // And the bytes are read back as the import would read them before they are written:
    // what import would refuse is never written (bounded: a very large file relies on the
    // screen alone).
    if (bytes.size() <= kReadBackBytes) {
        try {
            readBack(bytes, f, path);
        } catch (const StoreError& e) {
            throw StoreError(QCoreApplication::translate("chronomap::Interchange",
                                                         "%1: not written: Chronomap could not "
                                                         "import this export back (%2)")
                                 .arg(path, e.message()));
        }
    }
    writeFileAtomically(path, bytes);
    return rows.note();
}

} // namespace chronomap
