// One filter, every surface (issue 13 §3, §4): each kind of filter, applied once in the window,
// leaves the same events in the timeline, the events table, the status-bar counts, a chart
// export and a data export; the counts follow edits; navigating adds no filter and Clear
// filters keeps the zoom.
#include "edit/editcommand.h"
#include "edit/edits.h"
#include "events/eventtablemodel.h"
#include "export/chartcomposer.h"
#include "interchange/filteredcopy.h"
#include "mainwindow.h"
#include "query/selection.h"
#include "search/filterbar.h"
#include "search/searchpanel.h"
#include "story/story.h"
#include "timeline/timelinechart.h"
#include "timeline/timelineview.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace chronomap;

class TestFilterSurfaces : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void everySurfaceShowsTheSameEvents_data();
    void everySurfaceShowsTheSameEvents();
    void countsFollowEdits();
    void searchFilterFollowsEdits();
    void chartExportDrawsTheWindowsTimeRange();
    void navigatingIsNotFiltering();

private:
    Selection::Filter specFor(const QString& kind) const;
    QSet<Id> inTimeline() const;
    QSet<Id> inTable() const;
    QSet<Id> inChartExport() const;
    QSet<Id> drawnBy(ChartComposer& composer) const;
    QSet<Id> inDataExport() const;

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestFilterSurfaces::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString path = m_dir.filePath(QStringLiteral("s.chronomap"));
    Story::create(path);
    m_window = std::make_unique<MainWindow>();
    QVERIFY(m_window->openStory(path));
    m_window->resize(1600, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // One event disputed: a status filter then tells events apart.
    Story* story = m_window->story();
    const QList<Event> events = story->store().events();
    QVERIFY(EditGuard::push(story, makeSetStatus(story, {{EntityKind::Event, events.at(5).id}},
                                                 Verification::Disputed)));
}

void TestFilterSurfaces::cleanup()
{
    m_window->selection()->setFilter({});
}

Selection::Filter TestFilterSurfaces::specFor(const QString& kind) const
{
    const Store& store = m_window->story()->store();
    const QList<Event> events = store.events();
    Selection::Filter f;
    if (kind == QLatin1String("actor"))
        f.actors = {events.at(0).actors.first().actorId};
    else if (kind == QLatin1String("category"))
        f.categories = {events.at(1).categoryId};
    else if (kind == QLatin1String("tag"))
        f.tags = {events.at(2).tags.first()};
    else if (kind == QLatin1String("status"))
        f.statuses = {int(Verification::Disputed)};
    else if (kind == QLatin1String("dates")) {
        f.from = events.at(3).date.nominalStart();
        f.to = events.at(8).date.nominalEnd();
    } else if (kind == QLatin1String("search")) {
        f.searchHits = QSet<Id>{events.at(4).id, events.at(9).id};
        f.searchText = QStringLiteral("words");
    }
    return f;
}

QSet<Id> TestFilterSurfaces::inTimeline() const
{
    QSet<Id> out;
    for (const Event& e : m_window->story()->store().events())
        if (!m_window->timeline()->lanesOfEvent(e.id).empty())
            out.insert(e.id);
    return out;
}

QSet<Id> TestFilterSurfaces::inTable() const
{
    QSet<Id> out;
    const QAbstractItemModel* model = m_window->eventTable()->model();
    for (int r = 0; r < model->rowCount(); ++r)
        out.insert(model->index(r, 0).data(EventTableModel::IdRole).toLongLong());
    return out;
}

QSet<Id> TestFilterSurfaces::inChartExport() const
{
    // The window's export: its filters, over the whole story (publish-safe off, so nothing
    // is left out for not being cleared).
    ExportRequest request;
    request.state = m_window->selection();
    request.publishSafe = ExportRequest::PublishSafe::Off;
    const TimeIndex& index = m_window->story()->timeIndex();
    request.from = index.minTime() - 86400;
    request.to = index.maxTime() + 86400;
    ChartComposer composer(*m_window->story(), request);
    // What the exported chart draws, not only what the composer means to draw.
    const QSet<Id> drawn = drawnBy(composer);
    if (drawn != composer.shownEvents())
        return {};
    return drawn;
}

QSet<Id> TestFilterSurfaces::drawnBy(ChartComposer& composer) const
{
    // The events the exported picture holds: every box of its frame (at this size nothing
    // hides behind "+N more": a count there would make the set incomplete, so it fails).
    composer.image(QSize(1920, 1080));
    const TimelineChart* chart = composer.timelineChart();
    if (!chart || chart->lastFrameWasDensity() || !chart->lastFrameHidden().empty())
        return {QSet<Id>{-1}};
    QSet<Id> out;
    for (const auto& p : chart->lastFrame())
        out.insert(p.id);
    return out;
}

QSet<Id> TestFilterSurfaces::inDataExport() const
{
    const Store& store = m_window->story()->store();
    const QByteArray json =
        exportFilteredBytes(store, m_window->selection()->filter(), QStringLiteral("chronomap"));
    QSet<QString> titles;
    for (const QJsonValue v : QJsonDocument::fromJson(json).object().value(u"events").toArray())
        titles.insert(v.toObject().value(u"title").toString());
    QSet<Id> out;
    for (const Event& e : store.events())
        if (titles.contains(e.title))
            out.insert(e.id);
    return out;
}

void TestFilterSurfaces::everySurfaceShowsTheSameEvents_data()
{
    QTest::addColumn<QString>("kind");
    for (const char* kind : {"actor", "category", "tag", "status", "dates", "search"})
        QTest::newRow(kind) << QString::fromLatin1(kind);
}

void TestFilterSurfaces::everySurfaceShowsTheSameEvents()
{
    QFETCH(QString, kind);
    const qsizetype all = m_window->story()->store().counts().events;
    m_window->selection()->setFilter(specFor(kind));
    const QSet<Id> timeline = inTimeline();
    QVERIFY(!timeline.isEmpty());
    QVERIFY(timeline.size() < all); // the filter leaves something out
    QCOMPARE(inTable(), timeline);
    QCOMPARE(inChartExport(), timeline);
    QCOMPARE(inDataExport(), timeline);
    // The counts say how many of all pass.
    const QString counts = m_window->countsShown();
    QVERIFY2(counts.startsWith(QStringLiteral("%1 of %2 events").arg(timeline.size()).arg(all)),
             qPrintable(counts));
    // And the chip says what filters.
    QCOMPARE(m_window->filterBar()->activeFilters().size(), 1);
}

void TestFilterSurfaces::countsFollowEdits()
{
    Story* story = m_window->story();
    const qsizetype before = story->store().counts().events;
    QVERIFY(m_window->countsShown().startsWith(QStringLiteral("%1 events").arg(before)));
    Event e;
    e.title = QStringLiteral("A thirteenth event");
    e.date = PartialDate::fromEdtf(QStringLiteral("2025-11-05"));
    QVERIFY(EditGuard::push(story, makeInsert(story, e)));
    QVERIFY2(m_window->countsShown().startsWith(QStringLiteral("%1 events").arg(before + 1)),
             qPrintable(m_window->countsShown()));
    story->undoStack()->undo();
    QVERIFY(m_window->countsShown().startsWith(QStringLiteral("%1 events").arg(before)));
}

void TestFilterSurfaces::searchFilterFollowsEdits()
{
    // The search-hits filter is the search itself: an event that comes to match after an edit
    // joins the timeline, the table and the counts; one that stops matching leaves them.
    Story* story = m_window->story();
    const qsizetype all = story->store().counts().events;
    SearchPanel* search = m_window->searchPanel();
    search->setQuery(QStringLiteral("Zanzibar"));
    Event e;
    e.title = QStringLiteral("Envoys meet in Zanzibar");
    e.date = PartialDate::fromEdtf(QStringLiteral("2025-11-06"));
    EditCommand* insert = makeInsert(story, e);
    QVERIFY(EditGuard::push(story, insert));
    const Id id = insert->createdId();
    search->filterToMatches();
    QCOMPARE(inTimeline(), QSet<Id>{id});
    // A second event comes to match by an edit of its title.
    const Event other = story->store().events().at(2);
    Event renamed = other;
    renamed.title = other.title + QStringLiteral(" (from Zanzibar)");
    QVERIFY(EditGuard::push(story, makeUpdate(story, Entity(renamed))));
    QCOMPARE(inTimeline(), (QSet<Id>{id, other.id}));
    QCOMPARE(inTable(), inTimeline());
    QVERIFY2(m_window->countsShown().startsWith(QStringLiteral("2 of %1 events").arg(all + 1)),
             qPrintable(m_window->countsShown()));
    // Undone: it matches no more.
    story->undoStack()->undo();
    QCOMPARE(inTimeline(), QSet<Id>{id});
    QCOMPARE(inTable(), inTimeline());
    QVERIFY2(m_window->countsShown().startsWith(QStringLiteral("1 of %1 events").arg(all + 1)),
             qPrintable(m_window->countsShown()));
    story->undoStack()->undo();
    search->setQuery({});
}

void TestFilterSurfaces::chartExportDrawsTheWindowsTimeRange()
{
    // The export of the window draws the window's time range with its filters: exactly the
    // events of the timeline that lie in its visible window (an export that ignored the
    // range, or the filter, would draw more).
    TimelineView* timeline = m_window->timeline();
    const TimeIndex& index = m_window->story()->timeIndex();
    const qint64 from = PartialDate::fromEdtf(QStringLiteral("2025-01-01")).earliest();
    const qint64 to = PartialDate::fromEdtf(QStringLiteral("2025-12-31")).latest();
    for (const QString& kind : {QString(), QStringLiteral("status"), QStringLiteral("category")}) {
        m_window->selection()->setFilter(kind.isEmpty() ? Selection::Filter() : specFor(kind));
        timeline->setWindow(from, to);
        QSet<Id> expected;
        for (const Id id : inTimeline()) {
            const std::size_t r = std::size_t(index.indexOf(id));
            if (index.latest()[r] >= timeline->windowFrom() &&
                index.earliest()[r] <= timeline->windowTo())
                expected.insert(id);
        }
        QVERIFY2(!expected.isEmpty(),
                 qPrintable(QStringLiteral("%1: %2 in the timeline, window %3-%4")
                                .arg(kind)
                                .arg(inTimeline().size())
                                .arg(timeline->windowFrom())
                                .arg(timeline->windowTo())));
        ExportRequest request;
        request.state = m_window->selection();
        request.publishSafe = ExportRequest::PublishSafe::Off;
        ChartComposer composer(*m_window->story(), request);
        QCOMPARE(drawnBy(composer), expected);
        if (kind.isEmpty())
            QVERIFY(expected.size() < m_window->story()->store().counts().events);
    }
    timeline->fitStory();
}

void TestFilterSurfaces::navigatingIsNotFiltering()
{
    TimelineView* timeline = m_window->timeline();
    timeline->fitStory();
    timeline->zoom(0.25);
    timeline->pan(0.3);
    // Zooming and panning move the view: no chip, every event still in the table.
    QVERIFY(m_window->filterBar()->activeFilters().isEmpty());
    QVERIFY(m_window->selection()->filter().isEmpty());
    QCOMPARE(inTable().size(), m_window->story()->store().counts().events);
    // A real filter, then Clear filters: the filter goes, the zoom stays.
    m_window->selection()->setFilter(specFor(QStringLiteral("status")));
    const qint64 from = timeline->windowFrom(), to = timeline->windowTo();
    m_window->filterBar()->clearFilters();
    QVERIFY(m_window->selection()->filter().isEmpty());
    QCOMPARE(timeline->windowFrom(), from);
    QCOMPARE(timeline->windowTo(), to);
    QCOMPARE(m_window->selection()->windowFrom(), from);
}

QTEST_MAIN(TestFilterSurfaces)
#include "tst_filtersurfaces.moc"
