#include "interchange.h"

#include "cancellation.h"
#include "chronomapjson.h"
#include "exportscreen.h"
#include "graphformats.h"
#include "timelinejs.h"

#include "files/filesafety.h"
#include "store/store.h"

#include <QCoreApplication>
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
    if (format != QLatin1String("gexf") && format != QLatin1String("graphml"))
        refuseUtf16WithoutBom(bytes, path);
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
    checkImportInput(parsed.fileName, store.path()); // a story is never its own input
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
    } else if (format == QLatin1String("timelinejs") &&
               QFileInfo(path).suffix().toLower() != QLatin1String("csv")) {
        readTimelineJsJson(bytes, path);
    } else {
        ParsedImport p;
        p.fileName = path;
        parseTable(p, bytes,
                   format == QLatin1String("events-csv")  ? QStringLiteral("csv")
                   : format == QLatin1String("edges-csv") ? QStringLiteral("edges")
                                                          : QStringLiteral("timelinejs"),
                   std::nullopt, false);
    }
}

} // namespace

QString exportData(const Store& store, const QString& format, const QString& path)
{
    const QString f = format.isEmpty() ? guessExportFormat(path) : format.toLower();
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
