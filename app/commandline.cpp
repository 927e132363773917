#include "commandline.h"
#include "terminalprogress.h"

#include "bench/benchmark.h"
#include "export/chartexport.h"
#include "files/filesafety.h"
#include "interchange/formatregistry.h"
#include "interchange/filteredcopy.h"
#include "interchange/interchange.h"
#include "query/eventfilter.h"
#include "present/scenedeck.h"
#include "store/postgres/pgstore.h"
#include "store/storeaudit.h"
#include "store/storecopy.h"
#include "story/generator.h"
#include "story/story.h"
#include "theme/charttheme.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTextStream>

#include <cstdio>

namespace chronomap {

namespace {

QTextStream& out()
{
    static QTextStream s(stdout);
    return s;
}

int error(const QString& message)
{
    QTextStream err(stderr);
    err << "chronomap: " << message << Qt::endl;
    return 1;
}

// Parses "--name value" options after the positional arguments. Unknown options are errors.
class Options
{
public:
    Options(const QStringList& args, const QStringList& withValue, const QStringList& flags)
    {
        for (int i = 0; i < args.size(); ++i) {
            const QString& a = args[i];
            if (a.startsWith(QLatin1String("--"))) {
                QString name = a.mid(2), value;
                if (const qsizetype eq = name.indexOf(u'='); eq >= 0) {
                    value = name.mid(eq + 1);
                    name = name.left(eq);
                    if (!withValue.contains(name)) {
                        m_error =
                            QStringLiteral("unknown option --%1 (see chronomap --help)").arg(name);
                        return;
                    }
                    m_values.insert(name, value);
                } else if (withValue.contains(name)) {
                    if (i + 1 >= args.size()) {
                        m_error = QStringLiteral("--%1 needs a value").arg(name);
                        return;
                    }
                    m_values.insert(name, args[++i]);
                } else if (flags.contains(name)) {
                    m_flags.insert(name);
                } else {
                    m_error =
                        QStringLiteral("unknown option --%1 (see chronomap --help)").arg(name);
                    return;
                }
            } else if (a == QLatin1String("-o")) {
                if (i + 1 >= args.size()) {
                    m_error = QStringLiteral("-o needs a file name");
                    return;
                }
                m_values.insert(QStringLiteral("output"), args[++i]);
            } else if (a.startsWith(u'-') && a.size() > 1) {
                m_error = QStringLiteral("unknown option %1 (see chronomap --help)").arg(a);
                return;
            } else {
                m_positional << a;
            }
        }
    }
    QString error() const { return m_error; }
    QStringList positional() const { return m_positional; }
    bool has(const QString& name) const
    {
        return m_values.contains(name) || m_flags.contains(name);
    }
    QString value(const QString& name, const QString& fallback = {}) const
    {
        return m_values.value(name, fallback);
    }

private:
    QString m_error;
    QStringList m_positional;
    QHash<QString, QString> m_values;
    QSet<QString> m_flags;
};

// The export's title block, legend, sources line and publish-safe choice from the command
// line, checked before the story is opened: an error message, or empty.
QString applyTitleBlockOptions(const Options& o, ExportRequest& req)
{
    req.subtitle = o.value(QStringLiteral("subtitle"));
    req.caption = o.value(QStringLiteral("caption"));
    req.credit = o.value(QStringLiteral("credit"));
    req.legend = !o.has(QStringLiteral("no-legend"));
    req.sourcesLine = !o.has(QStringLiteral("no-sources"));
    if (req.view != QLatin1String("timeline") && req.view != QLatin1String("actors"))
        return QStringLiteral("--view takes timeline or actors, not \"%1\"").arg(req.view);
    const auto theme = ChartTheme::named(req.theme);
    if (!theme)
        return QStringLiteral("--theme takes one of %1, not \"%2\"")
            .arg(ChartTheme::names().join(QStringLiteral(", ")), req.theme);
    req.theme = theme->name;
    const QString safe = o.value(QStringLiteral("publish-safe"), QStringLiteral("mark")).toLower();
    if (safe == QLatin1String("omit"))
        req.publishSafe = ExportRequest::PublishSafe::Omit;
    else if (safe == QLatin1String("mark"))
        req.publishSafe = ExportRequest::PublishSafe::Mark;
    else if (safe == QLatin1String("off"))
        req.publishSafe = ExportRequest::PublishSafe::Off;
    else
        return QStringLiteral("--publish-safe takes mark, omit or off, not \"%1\"")
            .arg(o.value(QStringLiteral("publish-safe")));
    // --scenes may write numbered images into a folder (checked by exportScenesForCommandLine).
    if (!isExportFormat(req.output) && !o.has(QStringLiteral("scenes")))
        return QStringLiteral("%1: unknown image format \"%2\"; use .png, .jpg, .svg or .pdf")
            .arg(req.output, QFileInfo(req.output).suffix());
    return {};
}

bool parseCount(const QString& text, qint64& out)
{
    bool ok = false;
    out = text.toLongLong(&ok);
    return ok && out >= 0;
}

} // namespace

CommandLine::CommandLine(const QStringList& arguments) : m_args(arguments.mid(1))
{
    static const QStringList commands = {QStringLiteral("new"),      QStringLiteral("info"),
                                         QStringLiteral("import"),   QStringLiteral("export"),
                                         QStringLiteral("generate"), QStringLiteral("bench"),
                                         QStringLiteral("copy"),     QStringLiteral("admin")};
    if (m_args.isEmpty()) {
        m_wantsWindow = true;
        return;
    }
    const QString first = m_args.first();
    if (commands.contains(first)) {
        m_command = first;
        m_args.removeFirst();
    } else if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        m_command = QStringLiteral("version");
    } else if (first == QLatin1String("--help") || first == QLatin1String("-h")) {
        m_command = QStringLiteral("help");
    } else if (!first.startsWith(u'-') && m_args.size() == 1) {
        m_wantsWindow = true;
        m_file = first;
    } else {
        m_command = QStringLiteral("unknown");
    }
}

bool CommandLine::needsGui() const
{
    if (m_command == QLatin1String("bench"))
        return true;
    if (m_command != QLatin1String("export"))
        return false;
    // Data exports (JSON, CSV, GEXF, GraphML) draw nothing: only images need a GUI platform.
    static const QStringList images = {QStringLiteral("png"), QStringLiteral("jpg"),
                                       QStringLiteral("jpeg"), QStringLiteral("svg"),
                                       QStringLiteral("pdf")};
    if (m_args.contains(QLatin1String("--scenes"))) // a deck or a folder of images
        return true;
    for (int i = 0; i + 1 < m_args.size(); ++i)
        if (m_args[i] == QLatin1String("-o") || m_args[i] == QLatin1String("--output"))
            return images.contains(QFileInfo(m_args[i + 1]).suffix().toLower()) &&
                   !m_args.contains(QLatin1String("--format"));
    return true;
}

// The data formats, from the registry: one name each for import and export.
static QString formatsHelp()
{
    QString out = QStringLiteral("\nData formats (--format):\n");
    for (const FileFormat& f : fileFormats()) {
        const QString how = f.canRead() && f.canWrite() ? QStringLiteral("import, export")
                            : f.canRead()               ? QStringLiteral("import")
                                                        : QStringLiteral("export");
        out += QStringLiteral("  %1 %2 (%3)\n")
                   .arg(f.name.leftJustified(15), f.displayName(), how);
    }
    out += QStringLiteral("  %1 any of the spreadsheets above, told apart by the header\n")
               .arg(csvFamily().leftJustified(15));
    return out;
}

QString CommandLine::usage()
{
    return QStringLiteral(
        "Usage:\n"
        "  chronomap [FILE]                      open the window (no FILE: the seed story)\n"
        "  chronomap --version | --help\n"
        "  chronomap new FILE [--empty]          create a story (default: the seed story)\n"
        "  chronomap info FILE [--json]          counts, date range, schema version\n"
        "  chronomap import FILE INPUT [--format FORMAT]   (FORMAT: see below)\n"
        "  chronomap export FILE -o OUT [--view timeline|actors] [--size WxH] [--scale S]\n"
        "                   [--from DATE] [--to DATE] [--theme light|dark|print|broadcast]\n"
        "                   [--title TEXT] [--subtitle TEXT] [--caption TEXT] [--credit TEXT]\n"
        "                   [--no-legend] [--no-sources] [--publish-safe mark|omit|off]\n"
        "                   [--scene NAME]\n"
        "                   [--actor NAMES] [--category NAMES] [--tag TAGS]\n"
        "                   [--status draft|confirmed|disputed|cleared] [--dates DATE]\n"
        "                   only what passes these filters (as the window's filter bar;\n"
        "                   names comma-separated), for charts and data alike\n"
        "  chronomap export FILE --scenes -o DECK.pdf|FOLDER/  every scene: a PDF page or a\n"
        "                   numbered PNG each (scene-01-name.png ...)\n"
        "                   (image format from OUT: .png .jpg .svg .pdf)\n"
        "  chronomap export FILE -o OUT [--format FORMAT] [--force]\n"
        "                   data (format from OUT: .json .csv .gexf .graphml)\n"
        "  chronomap generate FILE --events N --actors M [--seed S]\n"
        "                                        a synthetic story of any size\n"
        "  chronomap bench FILE                  performance figures, one per line\n"
        "  chronomap bench URL [--import N]      a shared story's figures beside a file's (N\n"
        "                                        events imported into a scratch story: 1000000)\n"
        "  chronomap copy FROM TO                a story between file and server, losslessly\n"
        "  chronomap admin URL grant USER viewer|reporter|editor|standards\n"
        "\n"
        "FILE may be a shared story on a PostgreSQL server instead:\n"
        "  postgresql://[user@]host[:port]/dbname?story=NAME (password: ~/.pgpass, PGPASSWORD)\n"
        "\n"
        "Dates are EDTF: 2025, 2025-10, 2025-10-24, 2025-10-21/2025-10-31.\n"
        "\n"
        "Files: new and generate write only where nothing exists. An export replaces an\n"
        "existing OUT only if it is the kind of file it writes (name and content, such as an\n"
        "earlier export); --force replaces another kind of file. Never, even with --force:\n"
        "the story itself, its -wal/-shm/-journal, any SQLite database or story, a folder.\n"
        "A story that cannot be written (read-only file, folder or disk) opens read-only.\n") +
           formatsHelp();
}

int CommandLine::run()
{
    if (m_command == QLatin1String("version")) {
        out() << "chronomap " << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    if (m_command == QLatin1String("help")) {
        out() << usage();
        out().flush();
        return 0;
    }
    if (m_command == QLatin1String("unknown"))
        return error(
            QStringLiteral("unknown command \"%1\"; try chronomap --help").arg(m_args.value(0)));
    try {
        if (m_command == QLatin1String("new"))
            return runNew();
        if (m_command == QLatin1String("info"))
            return runInfo();
        if (m_command == QLatin1String("generate"))
            return runGenerate();
        if (m_command == QLatin1String("import"))
            return runImport();
        if (m_command == QLatin1String("export"))
            return runExport();
        if (m_command == QLatin1String("bench"))
            return runBench();
        if (m_command == QLatin1String("copy"))
            return runCopy();
        if (m_command == QLatin1String("admin"))
            return runAdmin();
    } catch (const StoreError& e) {
        return error(e.message());
    }
    return error(QStringLiteral("nothing to do; try chronomap --help"));
}

int CommandLine::runNew()
{
    Options o(m_args, {}, {QStringLiteral("empty")});
    if (!o.error().isEmpty())
        return error(o.error());
    if (o.positional().size() != 1)
        return error(QStringLiteral("usage: chronomap new FILE [--empty]"));
    const QString path = o.positional().first();
    auto story = Story::create(path, o.has(QStringLiteral("empty")));
    const StoryCounts c = story->store().counts();
    out() << "created " << story->path() << ": " << c.events << " events, " << c.actors << " actors, "
          << c.relations << " relations" << Qt::endl;
    return 0;
}

int CommandLine::runInfo()
{
    Options o(m_args, {}, {QStringLiteral("json")});
    if (!o.error().isEmpty())
        return error(o.error());
    if (o.positional().size() != 1)
        return error(QStringLiteral("usage: chronomap info FILE [--json]"));
    const QString path = o.positional().first();
    auto store = Store::open(path, Store::Mode::ReadOnly);
    const StoryCounts c = store->counts();
    // The range of the rows whose dates are sound; broken rows are named, never averaged in.
    const DateAudit audit = auditEventDates(*store);
    const auto range = audit.soundRange;
    QStringList brokenIds;
    for (Id id : audit.brokenIds)
        brokenIds << QString::number(id);
    if (audit.broken > audit.brokenIds.size())
        brokenIds << QStringLiteral("…");
    // The day, whatever the year (deep time: "-13800000000-01-01", "20000-12-31").
    auto iso = [](qint64 secs) { return PartialDate::isoDay(secs); };
    if (o.has(QStringLiteral("json"))) {
        QJsonObject counts{{QStringLiteral("events"), c.events},
                           {QStringLiteral("actors"), c.actors},
                           {QStringLiteral("relations"), c.relations},
                           {QStringLiteral("sources"), c.sources},
                           {QStringLiteral("citations"), c.citations},
                           {QStringLiteral("annotations"), c.annotations},
                           {QStringLiteral("categories"), c.categories},
                           {QStringLiteral("tags"), c.tags},
                           {QStringLiteral("eras"), c.eras},
                           {QStringLiteral("scenes"), c.scenes},
                           {QStringLiteral("changes"), c.changes}};
        const QString where =
            Store::isUrl(path) ? store->path() : QFileInfo(path).absoluteFilePath();
        QJsonObject o2{{QStringLiteral("file"), where},
                       {QStringLiteral("title"), store->meta(QStringLiteral("title"))},
                       {QStringLiteral("schema_version"), store->schemaVersion()},
                       {QStringLiteral("counts"), counts},
                       {QStringLiteral("events"), c.events}};
        if (range)
            o2.insert(QStringLiteral("date_range"),
                      QJsonObject{{QStringLiteral("earliest"), iso(range->first)},
                                  {QStringLiteral("latest"), iso(range->second)}});
        else
            o2.insert(QStringLiteral("date_range"), QJsonValue::Null);
        QJsonArray ids;
        for (Id id : audit.brokenIds)
            ids.append(id);
        o2.insert(
            QStringLiteral("broken_events"),
            QJsonObject{{QStringLiteral("count"), audit.broken}, {QStringLiteral("ids"), ids}});
        if (store->isReadOnly() && store->readOnlyReason() != ReadOnlyReason::Requested)
            o2.insert(QStringLiteral("read_only"),
                      readOnlyReasonText(store->readOnlyReason(), path));
        out() << QJsonDocument(o2).toJson(QJsonDocument::Indented);
        out().flush();
        return 0;
    }
    out() << "file:           "
          << (Store::isUrl(path) ? store->path() : QFileInfo(path).absoluteFilePath()) << '\n'
          << "title:          " << store->meta(QStringLiteral("title")) << '\n'
          << (store->readOnlyReason() != ReadOnlyReason::Requested
                  ? QStringLiteral("read-only:      %1\n")
                        .arg(readOnlyReasonText(store->readOnlyReason(), path))
                  : QString())
          << "schema version: " << store->schemaVersion() << '\n'
          << "events:         " << c.events << '\n'
          << "actors:         " << c.actors << '\n'
          << "relations:      " << c.relations << '\n'
          << "sources:        " << c.sources << '\n'
          << "citations:      " << c.citations << '\n'
          << "annotations:    " << c.annotations << '\n'
          << "date range:     "
          << (range      ? iso(range->first) + QStringLiteral(" to ") + iso(range->second)
              : c.events ? QStringLiteral("(no event has a sound date)")
                         : QStringLiteral("(no events)"))
          << (range && audit.broken ? QStringLiteral(" (of the events with sound dates)")
                                    : QString())
          << '\n';
    if (audit.broken)
        out() << "broken rows:    " << audit.broken
              << (audit.broken == 1 ? " event has" : " events have")
              << " an impossible or unreadable date (id " << brokenIds.join(QStringLiteral(", "))
              << "); left out of the date range\n";
    out().flush();
    return 0;
}

int CommandLine::runGenerate()
{
    Options o(m_args, {QStringLiteral("events"), QStringLiteral("actors"), QStringLiteral("seed")},
              {QStringLiteral("quiet")});
    if (!o.error().isEmpty())
        return error(o.error());
    if (o.positional().size() != 1 || !o.has(QStringLiteral("events")) ||
        !o.has(QStringLiteral("actors")))
        return error(
            QStringLiteral("usage: chronomap generate FILE --events N --actors M [--seed S]"));
    GenerateOptions g;
    qint64 seed = 1;
    if (!parseCount(o.value(QStringLiteral("events")), g.events))
        return error(QStringLiteral("--events takes a whole number, not \"%1\"")
                         .arg(o.value(QStringLiteral("events"))));
    if (!parseCount(o.value(QStringLiteral("actors")), g.actors))
        return error(QStringLiteral("--actors takes a whole number, not \"%1\"")
                         .arg(o.value(QStringLiteral("actors"))));
    if (o.has(QStringLiteral("seed")) && !parseCount(o.value(QStringLiteral("seed")), seed))
        return error(QStringLiteral("--seed takes a whole number, not \"%1\"")
                         .arg(o.value(QStringLiteral("seed"))));
    g.seed = quint64(seed);
    const QString path = o.positional().first();
    const bool quiet = o.has(QStringLiteral("quiet"));
    // Ctrl+C stops at the next progress report; the half-made file is removed below.
    InterruptGuard interrupt;
    TerminalProgress progress(QStringLiteral("generating"), quiet);
    g.progress = [&progress](double share) { return progress.update(share); };
    QElapsedTimer timer;
    timer.start();
    GenerateTimings phases;
    // Create refuses any existing file (and leftovers of one) at `path` and makes the file
    // exclusively: from here on it is ours, and only then may a failure remove it.
    std::unique_ptr<Store> store;
    try {
        store = Store::open(path, Store::Mode::Create);
    } catch (...) {
        progress.done();
        throw;
    }
    try {
        store->beginBulkLoad();
        phases = generateStory(*store, g);
        progress.update(-1); // indexes: no figure to show
        store->endBulkLoad();
        if (InterruptGuard::interrupted())
            throw StoreError(QStringLiteral("generate: cancelled; nothing was written"));
        store.reset();
    } catch (...) {
        store.reset();
        removeCreatedStory(path);
        progress.done();
        throw;
    }
    progress.done();
    out() << "generated " << path << ": " << g.events << " events, " << g.actors << " actors in "
          << timer.elapsed() << " ms (actors and relations " << phases.actorsMs
          << " ms, event rows " << phases.rowsMs << " ms, indexes " << phases.indexesMs
          << " ms, search index " << phases.searchIndexMs << " ms)" << Qt::endl;
    return 0;
}

int CommandLine::runImport()
{
    Options o(m_args, {QStringLiteral("format")}, {});
    if (!o.error().isEmpty())
        return error(o.error());
    if (o.positional().size() != 2)
        return error(QStringLiteral("usage: chronomap import FILE INPUT [--format %1]")
                         .arg(importFormats().join(u'|')));
    const QString path = o.positional().at(0), input = o.positional().at(1);
    const QString format = o.value(QStringLiteral("format")).toLower();
    if (!format.isEmpty() && !canImportFormat(format))
        return error(QStringLiteral("--format takes one of %1, not \"%2\"")
                         .arg(importFormats().join(QStringLiteral(", ")), format));
    // The story is opened first so that a missing story is named before the input is read;
    // the input is read and checked whole before anything is written, and the write is one
    // transaction: a file that fails anywhere changes nothing.
    checkImportInput(input, path);
    auto store = Store::open(path, Store::Mode::ReadWrite);
    // Ctrl+C before the write commits changes nothing (the write is one transaction).
    InterruptGuard interrupt;
    TerminalProgress progress(QStringLiteral("importing"));
    progress.update(-1);
    const ParsedImport parsed = parseImport(input, format);
    if (InterruptGuard::interrupted())
        throw StoreError(
            QStringLiteral("%1: the import was cancelled; %2 is unchanged").arg(input, path));
    // One transaction: the import and its audit line, the same line the window writes.
    Store::Transaction tx(*store);
    const ImportSummary summary = applyParsedImport(
        *store, parsed, [&progress](double share) { return progress.update(share); });
    ChangeRecord record = importAuditRecord(parsed, summary);
    record.author = defaultAuthor();
    store->logChange(record);
    tx.commit();
    progress.done();
    out() << "imported " << input << " (" << parsed.format << ") into " << path << ": "
          << summary.text() << Qt::endl;
    return 0;
}

namespace {
// The export's filter options, for filterSpecFromOptions.
template<typename Opts>
QList<std::pair<QString, QString>> filterOptions(const Opts& o)
{
    QList<std::pair<QString, QString>> out;
    for (const char* key : {"actor", "category", "tag", "status", "dates"})
        if (o.has(QLatin1String(key)))
            out.append({QLatin1String(key), o.value(QLatin1String(key))});
    return out;
}
} // namespace

int CommandLine::runExport()
{
    Options o(
        m_args,
        {QStringLiteral("output"), QStringLiteral("view"), QStringLiteral("size"),
         QStringLiteral("scale"), QStringLiteral("from"), QStringLiteral("to"),
         QStringLiteral("theme"), QStringLiteral("title"), QStringLiteral("scene"),
         QStringLiteral("format"), QStringLiteral("subtitle"), QStringLiteral("caption"),
         QStringLiteral("credit"), QStringLiteral("publish-safe"), QStringLiteral("actor"),
         QStringLiteral("category"), QStringLiteral("tag"), QStringLiteral("status"),
         QStringLiteral("dates")},
        {QStringLiteral("no-legend"), QStringLiteral("no-sources"), QStringLiteral("scenes"),
         QStringLiteral("force")});
    if (!o.error().isEmpty())
        return error(o.error());
    if (o.positional().size() != 1 || !o.has(QStringLiteral("output")))
        return error(QStringLiteral("usage: chronomap export FILE -o OUT [--view timeline|actors] "
                                    "[--size WxH] ..."));
    // Data exports (TimelineJS, CSV, GEXF, GraphML, Chronomap JSON) before the image path.
    if (o.has(QStringLiteral("format")) || isDataExportPath(o.value(QStringLiteral("output")))) {
        const QString output = o.value(QStringLiteral("output"));
        const QString format =
            o.value(QStringLiteral("format"), guessExportFormat(output)).toLower();
        if (!canExportFormat(format))
            return error(QStringLiteral("--format takes one of %1, not \"%2\"")
                             .arg(exportFormats().join(QStringLiteral(", ")), format));
        auto store = Store::open(o.positional().first(), Store::Mode::ReadOnly);
        QString why;
        const auto filter = filterSpecFromOptions(*store, filterOptions(o), &why);
        if (!filter)
            return error(why);
        // The story itself, its -wal/-shm, any database and a foreign file are refused before
        // anything is written (see files/filesafety.h).
        checkWriteTarget(output, o.positional().first(), fileKindOfExport(format, output),
                         o.has(QStringLiteral("force")));
        // Ctrl+C leaves no partial file and any old OUT as it was.
        InterruptGuard interrupt;
        TerminalProgress progress(QStringLiteral("exporting"));
        progress.update(-1);
        QString note;
        if (!writeThroughTemporary(output, [&](const QString& temporary) {
                note = exportFilteredData(*store, *filter, format, temporary);
            }))
            return error(QStringLiteral("export cancelled; %1 was not written").arg(output));
        progress.done();
        out() << "exported " << o.positional().first() << " as " << format << " to " << output
              << (note.isEmpty() ? QString() : QStringLiteral("; ") + note) << Qt::endl;
        return 0;
    }
    ExportRequest req;
    req.output = o.value(QStringLiteral("output"));
    req.view = o.value(QStringLiteral("view"), QStringLiteral("timeline"));
    req.theme = o.value(QStringLiteral("theme"), QStringLiteral("light"));
    req.title = o.value(QStringLiteral("title"));
    if (const QString why = applyTitleBlockOptions(o, req); !why.isEmpty())
        return error(why);
    req.scene = o.value(QStringLiteral("scene"));
    req.replaceForeign = o.has(QStringLiteral("force"));
    if (o.has(QStringLiteral("size"))) {
        const QStringList wh = o.value(QStringLiteral("size")).toLower().split(u'x');
        bool okW = false, okH = false;
        const int w = wh.value(0).toInt(&okW), h = wh.value(1).toInt(&okH);
        if (wh.size() != 2 || !okW || !okH || w < 16 || h < 16 || w > 16384 || h > 16384)
            return error(
                QStringLiteral("--size takes WIDTHxHEIGHT between 16 and 16384, not \"%1\"")
                    .arg(o.value(QStringLiteral("size"))));
        req.size = QSize(w, h);
    }
    if (o.has(QStringLiteral("scale"))) {
        bool ok = false;
        req.scale = o.value(QStringLiteral("scale")).toDouble(&ok);
        if (!ok || req.scale < 0.25 || req.scale > 8)
            return error(QStringLiteral("--scale takes a number from 0.25 to 8"));
    } else {
        req.scale = autoExportScale(req.size); // 4K gets 4K type, not 1080p type in a corner
    }
    for (const QString& which : {QStringLiteral("from"), QStringLiteral("to")}) {
        if (!o.has(which))
            continue;
        QString why;
        const PartialDate d = PartialDate::fromEdtf(o.value(which), &why);
        if (!d.isValid())
            return error(QStringLiteral("--%1: %2").arg(which, why));
        if (which == QLatin1String("from"))
            req.from = d.earliest();
        else
            req.to = d.latest();
    }
    if (req.from && req.to && *req.to <= *req.from)
        return error(QStringLiteral("--to must come after --from"));
    auto story = Story::open(o.positional().first(), Store::Mode::ReadOnly);
    // A deck or a single image: the target is checked here; a folder's images one by one.
    if (!o.has(QStringLiteral("scenes")) ||
        QFileInfo(req.output).suffix().toLower() == QLatin1String("pdf"))
        checkWriteTarget(req.output, o.positional().first(), fileKindOfImage(req.output),
                         req.replaceForeign);
    {
        // The same filters as the window's filter bar (one predicate, core/query/eventfilter).
        QString why;
        const auto filter = filterSpecFromOptions(story->store(), filterOptions(o), &why);
        if (!filter)
            return error(why);
        req.filter = *filter;
    }
    // Saved scenes (ui/present/scenedeck): one by name, or all as a PDF deck or numbered PNGs.
    if (o.has(QStringLiteral("scenes")) || !req.scene.isEmpty()) {
        for (const QString& line : exportScenesForCommandLine(
                 *story, req, o.has(QStringLiteral("scenes")), o.has(QStringLiteral("view"))))
            out() << line << Qt::endl;
        return 0;
    }
    // Ctrl+C leaves no partial file and any old OUT as it was.
    InterruptGuard interrupt;
    TerminalProgress progress(QStringLiteral("exporting"));
    progress.update(-1);
    const QString output = req.output;
    QString note;
    if (!writeThroughTemporary(output, [&](const QString& temporary) {
            req.output = temporary;
            note = exportChart(*story, req);
        }))
        return error(QStringLiteral("export cancelled; %1 was not written").arg(output));
    progress.done();
    if (!note.isEmpty())
        out() << note << Qt::endl; // what publish-safe left out or marked
    return 0;
}

int CommandLine::runCopy()
{
    Options o(m_args, {}, {});
    if (!o.error().isEmpty())
        return error(o.error());
    if (o.positional().size() != 2)
        return error(QStringLiteral("usage: chronomap copy FROM TO (a file or a postgresql:// "
                                    "URL each; TO must not exist)"));
    auto from = Store::open(o.positional().at(0), Store::Mode::ReadOnly);
    copyStoryTo(*from, o.positional().at(1));
    const StoryCounts c = from->counts();
    out() << "copied " << from->path() << " to "
          << (Store::isUrl(o.positional().at(1)) ? PgLocator::withoutSecrets(o.positional().at(1))
                                                 : o.positional().at(1))
          << ": " << c.events << " events, " << c.actors << " actors, " << c.relations
          << " relations" << Qt::endl;
    return 0;
}

int CommandLine::runAdmin()
{
    Options o(m_args, {}, {});
    if (!o.error().isEmpty())
        return error(o.error());
    const QStringList p = o.positional();
    if (p.size() != 4 || p.at(1) != QLatin1String("grant") || !Store::isUrl(p.at(0)))
        return error(QStringLiteral("usage: chronomap admin URL grant USER "
                                    "viewer|reporter|editor|standards"));
    auto store = PgStore::openUrl(p.at(0), Store::Mode::ReadWrite);
    store->grantRole(p.at(2), p.at(3));
    out() << "granted " << p.at(3) << " on " << store->path() << " to " << p.at(2) << Qt::endl;
    return 0;
}

int CommandLine::runBench()
{
    Options o(m_args, {QStringLiteral("import")}, {});
    if (!o.error().isEmpty())
        return error(o.error());
    if (o.positional().size() != 1)
        return error(QStringLiteral("usage: chronomap bench FILE | chronomap bench URL "
                                    "[--import EVENTS]"));
    const QString where = o.positional().first();
    if (!Store::isUrl(where)) {
        if (o.has(QStringLiteral("import")))
            return error(QStringLiteral("--import is for a shared story (a postgresql:// URL)"));
        return runBenchmarks(where, out());
    }
    bool ok = true;
    const qint64 events =
        o.has(QStringLiteral("import")) ? o.value(QStringLiteral("import")).toLongLong(&ok)
                                        : 1'000'000;
    if (!ok || events < 0)
        return error(QStringLiteral("--import wants a number of events (0: no import)"));
    benchShared(where, events, out());
    return 0;
}

} // namespace chronomap
