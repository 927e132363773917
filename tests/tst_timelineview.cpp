#include "query/selection.h"
#include "story/generator.h"
#include "story/story.h"
#include "timeline/timelinechart.h"
#include "timeline/timelineview.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

using namespace chronomap;

// TimelineView on the seed story: zoom, pan, keyboard and clicks move the window and the
// selection the other views read; lanes by category, actor and packing; level of detail.
class TestTimelineView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void fitStoryShowsEveryEvent();
    void keyboardZoom_data();
    void keyboardZoom();
    void wheelZoomKeepsTimeUnderCursor();
    void dragPans();
    void clickSelectsAndHighlights();
    void doubleClickActivates();
    void nextAndPreviousEvent();
    void lanesByMode();
    void moveLane();
    void filterHidesEvents();
    void windowFromSelection();
    void densityAboveThreshold();
    void busyLanesGetRoomForLabels();
    void highlightedEventsAreLabelledFirst();

private:
    Id eventTitled(const QString& words) const;
    void frame() { m_view->plot()->replot(QCustomPlot::rpImmediateRefresh); }
    void sendMouse(QEvent::Type type, QPointF pos, Qt::MouseButtons buttons);

    QTemporaryDir m_dir;
    std::unique_ptr<Story> m_story;
    std::unique_ptr<Selection> m_selection;
    std::unique_ptr<TimelineView> m_view;
};

void TestTimelineView::init()
{
    const QString path = m_dir.filePath(
        QStringLiteral("%1.chronomap").arg(QLatin1String(QTest::currentTestFunction())));
    QFile::remove(path);
    m_story = Story::create(path);
    m_selection = std::make_unique<Selection>();
    m_view = std::make_unique<TimelineView>(m_story.get(), m_selection.get());
    m_view->resize(1300, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_view->activateWindow();
    m_view->plot()->setFocus();
    frame();
}

void TestTimelineView::cleanup()
{
    m_view.reset();
    m_selection.reset();
    m_story.reset();
}

Id TestTimelineView::eventTitled(const QString& words) const
{
    for (const Event& e : m_story->store().events())
        if (e.title.contains(words))
            return e.id;
    return 0;
}

void TestTimelineView::sendMouse(QEvent::Type type, QPointF pos, Qt::MouseButtons buttons)
{
    QWidget* target = m_view->plot();
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent e(type, pos, target->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(target, &e);
}

void TestTimelineView::fitStoryShowsEveryEvent()
{
    const TimeIndex& index = m_story->timeIndex();
    m_view->zoom(0.01);
    m_view->fitStory();
    QVERIFY(m_view->windowFrom() < index.minTime());
    QVERIFY(m_view->windowTo() > index.maxTime());
    QCOMPARE(m_selection->windowFrom(), m_view->windowFrom());
    QCOMPARE(m_selection->windowTo(), m_view->windowTo());
}

void TestTimelineView::keyboardZoom_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<double>("factor");
    QTest::newRow("plus zooms in") << int(Qt::Key_Plus) << 1 / 1.6;
    QTest::newRow("equals zooms in") << int(Qt::Key_Equal) << 1 / 1.6;
    QTest::newRow("minus zooms out") << int(Qt::Key_Minus) << 1.6;
}

void TestTimelineView::keyboardZoom()
{
    QFETCH(int, key);
    QFETCH(double, factor);
    m_view->setWindow(1700000000, 1760000000);
    const double span = double(m_selection->windowTo() - m_selection->windowFrom());
    const double mid = (m_selection->windowTo() + m_selection->windowFrom()) / 2.0;
    QTest::keyClick(m_view->plot(), Qt::Key(key));
    const double newSpan = double(m_selection->windowTo() - m_selection->windowFrom());
    QVERIFY(qAbs(newSpan / span - factor) < 1e-3);
    QVERIFY(qAbs((m_selection->windowTo() + m_selection->windowFrom()) / 2.0 - mid) < 2);
    // Home fits the story again.
    QTest::keyClick(m_view->plot(), Qt::Key_Home);
    QVERIFY(m_selection->windowFrom() < m_story->timeIndex().minTime());
}

void TestTimelineView::wheelZoomKeepsTimeUnderCursor()
{
    QCustomPlot* plot = m_view->plot();
    const QRect area = plot->axisRect()->rect();
    const QPointF pos(area.left() + area.width() * 0.3, area.center().y());
    const double before = plot->xAxis->pixelToCoord(pos.x());
    const qint64 span = m_view->windowTo() - m_view->windowFrom();
    QWheelEvent wheel(pos, plot->mapToGlobal(pos), QPoint(), QPoint(0, 240), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(plot, &wheel);
    QVERIFY(m_view->windowTo() - m_view->windowFrom() < span * 0.7);
    QVERIFY(qAbs(plot->xAxis->pixelToCoord(pos.x()) - before) < span * 0.002);
    QCOMPARE(m_selection->windowFrom(), m_view->windowFrom());
}

void TestTimelineView::dragPans()
{
    QCustomPlot* plot = m_view->plot();
    const QRect area = plot->axisRect()->rect();
    const qint64 from = m_view->windowFrom(), span = m_view->windowTo() - from;
    const QPointF start(area.center().x(), area.top() + 5);
    sendMouse(QEvent::MouseButtonPress, start, Qt::LeftButton);
    sendMouse(QEvent::MouseMove, start + QPointF(100, 0), Qt::LeftButton);
    sendMouse(QEvent::MouseMove, start + QPointF(200, 0), Qt::LeftButton);
    sendMouse(QEvent::MouseButtonRelease, start + QPointF(200, 0), Qt::NoButton);
    const double expected = from - 200.0 * double(span) / area.width();
    QVERIFY(qAbs(m_selection->windowFrom() - expected) < span * 0.01);
    QCOMPARE(m_selection->windowTo() - m_selection->windowFrom(), span);
    QVERIFY(m_selection->selectedEvents().isEmpty()); // a drag is not a click
}

void TestTimelineView::clickSelectsAndHighlights()
{
    const Id miami = eventTitled(QStringLiteral("Miami"));
    QVERIFY(miami);
    m_view->setWindow(PartialDate::secondsOf(2025, 10, 1), PartialDate::secondsOf(2025, 11, 15));
    frame();
    const QRectF box = m_view->eventRect(miami);
    QVERIFY(!box.isEmpty());
    QTest::mouseClick(m_view->plot(), Qt::LeftButton, {}, box.center().toPoint());
    QCOMPARE(m_selection->selectedEvents(), QSet<Id>{miami});
    QVERIFY(m_selection->current().has_value());
    QCOMPARE(m_selection->current()->id, miami);
    QCOMPARE(m_selection->highlightedEvents(), QSet<Id>{miami});
    QSet<Id> actors;
    const Event event = *m_story->store().event(miami);
    for (const Participation& p : event.actors)
        actors.insert(p.actorId);
    QVERIFY(!actors.isEmpty());
    QCOMPARE(m_selection->highlightedActors(), actors);
    // A click on empty space clears the selection.
    const QRect area = m_view->plot()->axisRect()->rect();
    QTest::mouseClick(m_view->plot(), Qt::LeftButton, {},
                      QPoint(area.left() + 2, area.bottom() - 2));
    QVERIFY(m_selection->selectedEvents().isEmpty());
}

void TestTimelineView::doubleClickActivates()
{
    const Id summit = eventTitled(QStringLiteral("summit"));
    QVERIFY(summit);
    m_view->setWindow(PartialDate::secondsOf(2025, 6, 1), PartialDate::secondsOf(2025, 12, 1));
    frame();
    const QRectF box = m_view->eventRect(summit);
    QVERIFY(!box.isEmpty());
    QSignalSpy spy(m_view.get(), &TimelineView::eventActivated);
    QTest::mouseDClick(m_view->plot(), Qt::LeftButton, {}, box.center().toPoint());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<Id>(), summit);
    QCOMPARE(m_selection->selectedEvents(), QSet<Id>{summit});
}

void TestTimelineView::nextAndPreviousEvent()
{
    const TimeIndex& index = m_story->timeIndex();
    m_view->fitStory();
    QTest::keyClick(m_view->plot(), Qt::Key_Right);
    QCOMPARE(m_selection->current()->id, index.ids()[0]);
    QTest::keyClick(m_view->plot(), Qt::Key_Right);
    QCOMPARE(m_selection->current()->id, index.ids()[1]);
    QTest::keyClick(m_view->plot(), Qt::Key_J);
    QCOMPARE(m_selection->current()->id, index.ids()[2]);
    QTest::keyClick(m_view->plot(), Qt::Key_Left);
    QCOMPARE(m_selection->current()->id, index.ids()[1]);
    QCOMPARE(m_selection->selectedEvents(), QSet<Id>{index.ids()[1]});
    // Far away, the next event is brought into view.
    const Id last = index.ids()[index.size() - 1];
    m_view->setWindow(PartialDate::secondsOf(2000, 1, 1), PartialDate::secondsOf(2000, 2, 1));
    m_selection->setCurrent(EntityRef{EntityKind::Event, index.ids()[index.size() - 2]});
    QTest::keyClick(m_view->plot(), Qt::Key_Right);
    QCOMPARE(m_selection->current()->id, last);
    const std::size_t r = std::size_t(index.indexOf(last));
    QVERIFY(index.nominalStart()[r] <= m_selection->windowTo());
    QVERIFY(index.nominalEnd()[r] >= m_selection->windowFrom());
}

void TestTimelineView::lanesByMode()
{
    const Id miami = eventTitled(QStringLiteral("Miami"));
    const Id sanctions = eventTitled(QStringLiteral("sanctions on Russian oil"));
    QVERIFY(miami && sanctions);
    auto labelsOf = [this](Id id) {
        QStringList labels;
        for (std::size_t p : m_view->lanesOfEvent(id))
            labels << m_view->lanes().laneAt(p).label;
        labels.sort();
        return labels;
    };
    QCOMPARE(labelsOf(miami), QStringList{QStringLiteral("Diplomacy")});
    QCOMPARE(labelsOf(sanctions), QStringList{QStringLiteral("Sanctions & economy")});

    m_view->setLaneMode(LaneMode::Actor);
    QStringList expected;
    const Event event = *m_story->store().event(miami);
    for (const Participation& p : event.actors)
        expected << m_story->store().actor(p.actorId)->name;
    expected.sort();
    QVERIFY(expected.contains(QStringLiteral("Steve Witkoff")));
    QVERIFY(expected.contains(QStringLiteral("Kirill Dmitriev")));
    QCOMPARE(labelsOf(miami), expected);

    // Through the action, as the View menu does it.
    for (QAction* a : m_view->actions())
        if (a->text().contains(QStringLiteral("Packed")))
            a->trigger();
    QCOMPARE(m_view->laneMode(), LaneMode::Packed);
    const TimeIndex& index = m_story->timeIndex();
    const LaneLayout& lanes = m_view->lanes();
    for (std::size_t i = 0; i < index.size(); ++i)
        for (std::size_t j = i + 1; j < index.size(); ++j) {
            const bool overlap = index.earliest()[i] <= index.latest()[j] &&
                                 index.earliest()[j] <= index.latest()[i];
            if (overlap)
                QVERIFY(lanes.positionsOfRow(i) != lanes.positionsOfRow(j));
        }
    QCOMPARE(m_view->lanesOfEvent(miami).size(), std::size_t(1));
}

void TestTimelineView::moveLane()
{
    const Id miami = eventTitled(QStringLiteral("Miami"));
    const std::size_t before = m_view->lanesOfEvent(miami).front();
    m_selection->setCurrent(EntityRef{EntityKind::Event, miami});
    QTest::keyClick(m_view->plot(), Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(m_view->lanesOfEvent(miami).front(), before + 1);
    // The order survives a rebuild (another mode and back).
    m_view->setLaneMode(LaneMode::Packed);
    m_view->setLaneMode(LaneMode::Category);
    QCOMPARE(m_view->lanesOfEvent(miami).front(), before + 1);
    QTest::keyClick(m_view->plot(), Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(m_view->lanesOfEvent(miami).front(), before);
}

void TestTimelineView::filterHidesEvents()
{
    const Id miami = eventTitled(QStringLiteral("Miami"));
    const Id sanctions = eventTitled(QStringLiteral("sanctions on Russian oil"));
    Id witkoff = 0;
    for (const Actor& a : m_story->store().actors())
        if (a.name == QStringLiteral("Steve Witkoff"))
            witkoff = a.id;
    QVERIFY(witkoff);
    Selection::Filter filter;
    filter.actors = {witkoff};
    m_selection->setFilter(filter);
    QVERIFY(!m_view->lanesOfEvent(miami).empty());
    QVERIFY(m_view->lanesOfEvent(sanctions).empty());
    QCOMPARE(m_view->lanes().includedCount(),
             std::size_t(m_story->store().eventsOfActor(witkoff).size()));

    filter = {};
    filter.statuses = {int(Verification::Draft)};
    m_selection->setFilter(filter);
    for (const Event& e : m_story->store().events())
        QCOMPARE(m_view->lanesOfEvent(e.id).empty(), e.status != Verification::Draft);
    m_selection->setFilter({});
    QCOMPARE(m_view->lanes().includedCount(), m_story->timeIndex().size());
}

void TestTimelineView::windowFromSelection()
{
    // Another view (a presentation scene) sets the window: the timeline follows.
    const qint64 from = PartialDate::secondsOf(2025, 8, 1),
                 to = PartialDate::secondsOf(2025, 11, 1);
    m_selection->setTimeWindow(from, to);
    QCOMPARE(m_view->windowFrom(), from);
    QCOMPARE(m_view->windowTo(), to);
}

void TestTimelineView::densityAboveThreshold()
{
    cleanup();
    const QString path = m_dir.filePath(QStringLiteral("big.chronomap"));
    {
        auto store = Store::open(path, Store::Mode::Create);
        GenerateOptions o;
        o.events = 20000;
        o.actors = 300;
        generateStory(*store, o);
    }
    m_story = Story::open(path);
    m_selection = std::make_unique<Selection>();
    m_view = std::make_unique<TimelineView>(m_story.get(), m_selection.get());
    m_view->resize(1300, 700);
    m_view->show();
    m_view->setDetailLimit(1500);
    m_view->fitStory();
    frame();
    QVERIFY(m_view->lastFrameWasDensity());
    // Two weeks of a 35-year story hold a few dozen events: boxes again.
    const qint64 mid = PartialDate::secondsOf(2008, 6, 1);
    m_view->setWindow(mid, mid + 14 * 86400);
    frame();
    QVERIFY(!m_view->lastFrameWasDensity());
    // The threshold decides: below the visible count, density again at the same window.
    m_view->setDetailLimit(5);
    frame();
    QVERIFY(m_view->lastFrameWasDensity());
    // Hovering in density says nothing breaks; clicking density zooms in around the point.
    const qint64 span = m_view->windowTo() - m_view->windowFrom();
    const QRect area = m_view->plot()->axisRect()->rect();
    QTest::mouseClick(m_view->plot(), Qt::LeftButton, {},
                      QPoint(area.center().x(), area.top() + 10));
    QVERIFY(m_view->windowTo() - m_view->windowFrom() < span);
}

void TestTimelineView::busyLanesGetRoomForLabels()
{
    // A short timeline (as in the window beside the actor map) on the seed story: Diplomacy,
    // with six events of late 2025, gets more height than Politics with one, and more of
    // its events get their title than one row would hold.
    m_view->resize(1300, 340);
    m_view->fitStory();
    frame();
    const LaneLayout& lanes = m_view->lanes();
    int diplomacy = -1, politics = -1;
    for (std::size_t p = 0; p < lanes.laneCount(); ++p) {
        if (lanes.laneAt(p).label == QStringLiteral("Diplomacy"))
            diplomacy = int(p);
        if (lanes.laneAt(p).label == QStringLiteral("Politics"))
            politics = int(p);
    }
    QVERIFY(diplomacy >= 0 && politics >= 0);
    QVERIFY2(m_view->laneRect(diplomacy).height() > 1.5 * m_view->laneRect(politics).height(),
             qPrintable(QStringLiteral("%1 vs %2")
                            .arg(m_view->laneRect(diplomacy).height())
                            .arg(m_view->laneRect(politics).height())));
    int labelled = 0;
    for (const Event& e : m_story->store().events())
        if (e.categoryId && lanes.laneAt(std::size_t(diplomacy)).key == e.categoryId &&
            !m_view->eventLabelRect(e.id).isEmpty())
            ++labelled;
    QString heights;
    for (std::size_t p = 0; p < lanes.laneCount(); ++p)
        heights += QStringLiteral(" %1").arg(m_view->laneRect(int(p)).height());
    QVERIFY2(labelled >= 3, qPrintable(QString::number(labelled) + heights));
}

void TestTimelineView::highlightedEventsAreLabelledFirst()
{
    // So short that Diplomacy has room for one row of labels: the Miami talks, the last of
    // its events, lose theirs to earlier ones, until a scene or a picked actor lights them up.
    // Lanes that share the height (an export's, a deck page's: the window's scroll instead).
    m_view->chart()->setScrollLanes(false);
    m_view->resize(1300, 250);
    m_view->fitStory();
    frame();
    const Id miami = eventTitled(QStringLiteral("Miami"));
    QVERIFY(miami);
    QVERIFY(m_view->eventLabelRect(miami).isEmpty());
    m_selection->setHighlight({miami}, {});
    frame();
    QVERIFY(!m_view->eventLabelRect(miami).isEmpty());
    m_view->chart()->setScrollLanes(true);
}

QTEST_MAIN(TestTimelineView)
#include "tst_timelineview.moc"
