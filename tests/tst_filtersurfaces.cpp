// One filter, every surface (issue 13 §3, §4): each kind of filter, applied once in the window,
// leaves the same events in the timeline, the events table, the status-bar counts, a chart
// export and a data export; the counts follow edits; navigating adds no filter and Clear
// filters keeps the zoom.
#include "edit/edits.h"
#include "events/eventtablemodel.h"
#include "export/chartcomposer.h"
#include "interchange/filteredcopy.h"
#include "mainwindow.h"
#include "query/selection.h"
#include "search/filterbar.h"
#include "story/story.h"
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
    void navigatingIsNotFiltering();

private:
    Selection::Filter specFor(const QString& kind) const;
    QSet<Id> inTimeline() const;
    QSet<Id> inTable() const;
    QSet<Id> inChartExport() const;
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
    return composer.shownEvents();
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
