#include "benchmark.h"

#include "query/selection.h"
#include "store/postgres/pgstore.h"
#include "store/storecopy.h"
#include "story/generator.h"
#include "story/story.h"
#include "timeline/timelineview.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QUrlQuery>

#include <qcustomplot.h>

#include <poll.h>

#include <vector>

namespace chronomap {

namespace {

double ms(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// Waits (without spinning) until the other side has seen an outside change of `id`: on a
// server, the notification on the connection's socket; on a file, the data version moving.
// `before` is the file's data version before the edit. Returns false after 5 s.
bool awaitChange(Store& other, Id id, qint64 before)
{
    QElapsedTimer t;
    t.start();
    if (auto* pg = dynamic_cast<PgStore*>(&other)) {
        while (t.elapsed() < 5000) {
            for (const auto& [kind, changed] : pg->takeOutsideChanges())
                if ((kind == QLatin1String("event") && changed == id) ||
                    kind == QLatin1String("*"))
                    return true;
            pollfd fd{pg->socket(), POLLIN, 0};
            ::poll(&fd, 1, 50);
        }
        return false;
    }
    while (t.elapsed() < 5000) {
        if (other.dataVersion() != before)
            return true;
        QThread::usleep(200);
    }
    return false;
}

// One editor changes an event's title and commits; the other window learns of it and reads
// the entry again, as the window does for one outside change. Median of 20, the title put
// back at the end.
void editRoundTrip(const QString& locator, const char* name, QTextStream& out)
{
    auto editor = Store::open(locator, Store::Mode::ReadWrite);
    auto watcher = Store::open(locator, Store::Mode::ReadOnly);
    const auto range = editor->dateRange();
    if (!range)
        return;
    std::optional<Event> e;
    for (const SearchHit& hit : editor->search(QStringLiteral("sanctions"), 50))
        if (!e && hit.ref.kind == EntityKind::Event)
            e = editor->event(hit.ref.id);
    if (!e)
        return;
    const QString title = e->title;
    std::vector<double> times;
    for (int i = 0; i < 21; ++i) {
        if (auto* pg = dynamic_cast<PgStore*>(watcher.get()))
            pg->takeOutsideChanges(); // settle what arrived before
        const qint64 before = watcher->dataVersion();
        e->title = i == 20 ? title : title + QStringLiteral(" (%1)").arg(i);
        QElapsedTimer t;
        t.start();
        editor->updateEvent(*e);
        if (!awaitChange(*watcher, e->id, before)) {
            out << name << " no notification within 5 s\n";
            return;
        }
        const std::optional<Event> seen = watcher->event(e->id);
        if (i < 20 && seen && seen->title == e->title)
            times.push_back(ms(t));
        e = editor->event(e->id);
    }
    benchLine(out, name, percentile(times, 0.5), "ms");
}

// A story of `events` generated events (and a few thousand actors) into `locator`, the
// generator's bulk path: the event rows with their search index, as an import writes them.
void importFigures(const QString& locator, qint64 events, const char* prefix, QTextStream& out)
{
    auto store = Store::open(locator, Store::Mode::Create);
    GenerateOptions options;
    options.events = events;
    options.actors = 2'000;
    QElapsedTimer t;
    t.start();
    const GenerateTimings g = generateStory(*store, options);
    const QByteArray p(prefix);
    benchLine(out, QByteArray(p + "_import_events_total").constData(),
              double(g.rowsMs + g.indexesMs + g.searchIndexMs), "ms");
    benchLine(out, QByteArray(p + "_import_actors_and_relations").constData(), double(g.actorsMs), "ms");
    benchLine(out, QByteArray(p + "_import_events_per_s").constData(),
              double(events) * 1000.0 / double(std::max<qint64>(1, g.rowsMs + g.indexesMs +
                                                                       g.searchIndexMs)),
              "events/s");
}

// Open to the first drawn timeline, as the window opens a story: the store, the time index,
// the view and one full replot at 1920x1080. Median of 3.
void firstTimeline(const QString& locator, const char* name, QTextStream& out)
{
    std::vector<double> firsts;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        t.start();
        auto story = Story::open(locator, Store::Mode::ReadOnly, Store::Check::Deferred);
        Selection selection;
        TimelineView view(story.get(), &selection);
        view.resize(1920, 1080);
        view.show();
        view.fitStory();
        view.plot()->replot(QCustomPlot::rpImmediateRefresh);
        firsts.push_back(ms(t));
    }
    benchLine(out, name, percentile(firsts, 0.5), "ms");
}

void openAndSearch(const QString& locator, const char* prefix, QTextStream& out)
{
    const QByteArray p(prefix);
    std::vector<double> opens;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        t.start();
        auto story = Story::open(locator, Store::Mode::ReadOnly, Store::Check::Deferred);
        opens.push_back(ms(t));
    }
    benchLine(out, QByteArray(p + "_open_median").constData(), percentile(opens, 0.5), "ms");
    auto story = Story::open(locator, Store::Mode::ReadOnly, Store::Check::Deferred);
    benchLine(out, QByteArray(p + "_events").constData(), double(story->timeIndex().size()), "events");
    std::vector<double> searches;
    for (int round = 0; round < 3; ++round)
        for (const char* q : {"sanctions", "peace proposal", "Miami", "ceasefire terms", "envoy"}) {
            QElapsedTimer t;
            t.start();
            story->store().search(QString::fromLatin1(q), 50);
            searches.push_back(ms(t));
        }
    benchLine(out, QByteArray(p + "_search_median").constData(), percentile(searches, 0.5), "ms");
    benchLine(out, QByteArray(p + "_search_max").constData(), percentile(searches, 1.0), "ms");
    firstTimeline(locator, QByteArray(p + "_open_to_first_timeline").constData(), out);
}

} // namespace

void benchShared(const QString& url, qint64 importEvents, QTextStream& out)
{
    // The shared story named by the URL: open, first drawn timeline, search, edit round trip.
    openAndSearch(url, "shared", out);
    editRoundTrip(url, "shared_edit_round_trip_median", out);

    // The same for a story file of the same content: the events of the shared story are
    // regenerated into both when the bench imports; otherwise a copy of the shared story.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("bench.chronomap"));
    if (importEvents > 0) {
        const PgLocator where = PgLocator::parse(url);
        const QString scratchName =
            where.story + QStringLiteral("-bench-import-%1").arg(QCoreApplication::applicationPid());
        QString scratch = url;
        scratch.replace(QStringLiteral("story=") + where.story,
                        QStringLiteral("story=") + scratchName);
        importFigures(scratch, importEvents, "shared", out);
        PgStore::dropStory(scratch);
        importFigures(file, importEvents, "file", out);
    } else {
        copyStoryTo(*Store::open(url, Store::Mode::ReadOnly), file);
    }
    openAndSearch(file, "file", out);
    editRoundTrip(file, "file_edit_round_trip_median", out);
}

} // namespace chronomap
