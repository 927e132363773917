#include "interchange.h"

#include "cancellation.h"
#include "chronomapjson.h"
#include "graphformats.h"
#include "timelinejs.h"

#include "store/store.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace chronomap {

QStringList importFormats()
{
    return {QStringLiteral("csv"),     QStringLiteral("timelinejs"), QStringLiteral("gexf"),
            QStringLiteral("graphml"), QStringLiteral("json"),       QStringLiteral("edges")};
}

QStringList exportFormats()
{
    return {QStringLiteral("timelinejs"), QStringLiteral("timelinejs-csv"),
            QStringLiteral("chronomap"),  QStringLiteral("events-csv"),
            QStringLiteral("edges-csv"),  QStringLiteral("gexf"),
            QStringLiteral("graphml")};
}

QString guessImportFormat(const QString& path, const QByteArray& head)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("gexf"))
        return QStringLiteral("gexf");
    if (suffix == QLatin1String("graphml"))
        return QStringLiteral("graphml");
    if (suffix == QLatin1String("csv") || suffix == QLatin1String("tsv") ||
        suffix == QLatin1String("txt"))
        return QStringLiteral("csv");
    const QByteArray start = head.left(4096).trimmed();
    if (suffix == QLatin1String("json") || start.startsWith('{') ||
        start.startsWith("\xEF\xBB\xBF")) {
        // Chronomap JSON says so at the top; anything with "events" is TimelineJS.
        if (head.contains("\"format\"") && head.contains("\"chronomap\""))
            return QStringLiteral("json");
        if (suffix == QLatin1String("json") || start.startsWith('{'))
            return QStringLiteral("timelinejs");
    }
    if (start.startsWith("<?xml") || start.startsWith('<')) {
        if (head.contains("<gexf"))
            return QStringLiteral("gexf");
        if (head.contains("<graphml"))
            return QStringLiteral("graphml");
    }
    if (suffix == QLatin1String("xml"))
        return {};
    return {};
}

QString guessExportFormat(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("json"))
        return QStringLiteral("chronomap");
    if (suffix == QLatin1String("csv"))
        return QStringLiteral("events-csv");
    if (suffix == QLatin1String("gexf"))
        return QStringLiteral("gexf");
    if (suffix == QLatin1String("graphml"))
        return QStringLiteral("graphml");
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

void parseTable(ParsedImport& p, const QByteArray& bytes, const QString& format,
                const std::optional<CsvMapping>& mapping, bool lenient)
{
    p.table = readCsv(bytes, p.fileName);
    const CsvTable& t = *p.table;
    if (format == QLatin1String("edges") || (format == QLatin1String("csv") && isEdgesTable(t))) {
        p.format = QStringLiteral("edges");
        p.batch = readEdgesTable(t, p.fileName);
    } else if (format == QLatin1String("timelinejs") ||
               (format == QLatin1String("csv") && !mapping && isTimelineJsTable(t))) {
        p.format = QStringLiteral("timelinejs");
        p.batch = readTimelineJsTable(t, p.fileName);
    } else {
        p.format = QStringLiteral("csv");
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
}

} // namespace

namespace {

ParsedImport parse(const QString& path, const QString& requested,
                   const std::optional<CsvMapping>& mapping, bool lenient)
{
    ParsedImport p;
    p.fileName = path;
    const QByteArray bytes = readInputFile(path);
    checkCancelled(path);
    QString format = requested.toLower();
    if (format.isEmpty())
        format = guessImportFormat(path, bytes.left(65536));
    if (format.isEmpty())
        throw StoreError(
            QCoreApplication::translate("chronomap::Interchange",
                                        "%1: cannot tell the format from the name or the content; "
                                        "give --format csv|timelinejs|gexf|graphml|json|edges")
                .arg(path));
    if (!importFormats().contains(format))
        throw StoreError(
            QCoreApplication::translate("chronomap::Interchange",
                                        "%1: unknown format \"%2\"; expected one of %3")
                .arg(path, format, importFormats().join(QStringLiteral(", "))));
    if (format == QLatin1String("json")) {
        p.format = format;
        p.chronomapJson = bytes;
        // A preview shows the file's rows and is refused here when the file is broken, not
        // after the user chose Import. (The command line checks it while writing: once.)
        if (lenient)
            p.batch = storyJsonAsBatch(bytes, path);
    } else if (format == QLatin1String("gexf")) {
        p.format = format;
        p.batch = readGexf(bytes, path);
    } else if (format == QLatin1String("graphml")) {
        p.format = format;
        p.batch = readGraphMl(bytes, path);
    } else if (format == QLatin1String("timelinejs")) {
        const QByteArray start = bytes.left(64).trimmed();
        if (start.startsWith('{') ||
            (start.startsWith("\xEF\xBB\xBF") && start.mid(3).trimmed().startsWith('{'))) {
            p.format = format;
            p.batch = readTimelineJsJson(bytes, path);
        } else {
            parseTable(p, bytes, format, mapping, lenient);
        }
    } else {
        parseTable(p, bytes, format, mapping, lenient);
    }
    return p;
}

} // namespace

ParsedImport parseImport(const QString& path, const QString& format,
                         const std::optional<CsvMapping>& mapping)
{
    return parse(path, format, mapping, false);
}

ParsedImport parseImportForPreview(const QString& path, const QString& format)
{
    return parse(path, format, std::nullopt, true);
}

void remapImport(ParsedImport& parsed, const CsvMapping& mapping)
{
    if (!parsed.table)
        return;
    parsed.mapping = mapping;
    parsed.format = QStringLiteral("csv");
    parsed.batch = {};
    parsed.error.clear();
    try {
        parsed.batch = readEventsTable(*parsed.table, mapping, parsed.fileName);
    } catch (const StoreError& e) {
        parsed.error = e.message();
        throw;
    }
}

ImportSummary previewParsedImport(const Store& store, const ParsedImport& parsed)
{
    if (parsed.format != QLatin1String("json"))
        return previewImport(store, parsed.batch);
    return previewStoryJson(store, parsed.batch);
}

ImportSummary applyParsedImport(Store& store, const ParsedImport& parsed,
                                const ImportProgress& progress)
{
    if (!parsed.error.isEmpty())
        throw StoreError(parsed.error);
    if (parsed.format != QLatin1String("json"))
        return applyImport(store, parsed.batch, parsed.fileName, progress);
    // Counted inside the write transaction, so another import committing meanwhile is not
    // counted as this one's.
    Store::Transaction tx(store);
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
    tx.commit();
    return s;
}

QByteArray exportBytes(const Store& store, const QString& format, const QString& path)
{
    const QString f = format.isEmpty() ? guessExportFormat(path) : format.toLower();
    if (f == QLatin1String("timelinejs-csv"))
        return writeTimelineJsCsv(store);
    if (f == QLatin1String("timelinejs"))
        return QFileInfo(path).suffix().toLower() == QLatin1String("csv")
                   ? writeTimelineJsCsv(store)
                   : writeTimelineJsJson(store);
    if (f == QLatin1String("chronomap"))
        return writeStoryJson(store);
    if (f == QLatin1String("events-csv"))
        return writeEventsCsv(store);
    if (f == QLatin1String("edges-csv"))
        return writeEdgesCsv(store);
    if (f == QLatin1String("gexf"))
        return writeGexf(store);
    if (f == QLatin1String("graphml"))
        return writeGraphMl(store);
    throw StoreError(
        QCoreApplication::translate("chronomap::Interchange",
                                    "%1: unknown export format \"%2\"; expected one of %3")
            .arg(path, f, exportFormats().join(QStringLiteral(", "))));
}

void exportData(const Store& store, const QString& format, const QString& path)
{
    const QByteArray bytes = exportBytes(store, format, path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw StoreError(
            QCoreApplication::translate("chronomap::Interchange", "%1: cannot write the file: %2")
                .arg(path, file.errorString()));
    if (file.write(bytes) != bytes.size() || !file.commit())
        throw StoreError(
            QCoreApplication::translate("chronomap::Interchange",
                                        "%1: cannot write the file: %2; an existing file was left "
                                        "as it was")
                .arg(path, file.errorString()));
}

} // namespace chronomap
