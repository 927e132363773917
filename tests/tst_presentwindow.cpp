// Present mode: keys and clicker keys move through the scenes in order and show each scene's
// window, charts and caption; a key pressed during a transition lands the scene at once; Esc
// leaves; a story without scenes presents the current view and says how to add scenes; two
// charts share the height equally.
#include "actormap/actormapview.h"
#include "edit/sceneedits.h"
#include "present/presentwindow.h"
#include "present/scenestate.h"
#include "story/story.h"
#include "theme/charttheme.h"
#include "timeline/timelinechart.h"
#include "timeline/timelineview.h"

#include <QLabel>
#include <QPointer>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

using namespace chronomap;

namespace {
qint64 at(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
}
} // namespace

class TestPresentWindow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void keysMoveThroughScenes_data();
    void keysMoveThroughScenes();
    void keyDuringTransitionLandsTheScene();
    void keysSentToAChartStillNavigate();
    void escapeLeaves();
    void storyWithoutScenesPresentsCurrentView();
    void bothChartsShareTheHeight();
    void emptyLanesLeftOutAsInTheDeck();

private:
    std::unique_ptr<PresentWindow> open(int durationMs);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Story> m_story;
    QList<SceneState> m_states;
};

void TestPresentWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    const QString path = m_dir->filePath(QStringLiteral("s.chronomap"));
    Story::create(path); // the seed story
    m_story = Story::open(path);
    // The seed's own scenes make way for three with known windows and charts.
    for (const Scene& s : orderedScenes(m_story->store()))
        m_story->store().deleteScene(s.id);
    m_states.clear();
    const std::pair<qint64, qint64> windows[] = {{at(2025, 8, 1), at(2025, 9, 1)},
                                                 {at(2025, 10, 15), at(2025, 11, 10)},
                                                 {at(2025, 6, 1), at(2025, 12, 31)}};
    const SceneState::Charts charts[] = {SceneState::Charts::Both, SceneState::Charts::Timeline,
                                         SceneState::Charts::Actors};
    for (int i = 0; i < 3; ++i) {
        SceneState s;
        s.from = windows[i].first;
        s.to = windows[i].second;
        s.charts = charts[i];
        m_states << s;
        QVERIFY(EditGuard::push(
            m_story.get(), makeAddScene(m_story.get(), QStringLiteral("Scene %1").arg(i + 1),
                                        QStringLiteral("Caption %1").arg(i + 1), s.toJsonText())));
    }
}

void TestPresentWindow::cleanup()
{
    m_story.reset();
    m_dir.reset();
}

std::unique_ptr<PresentWindow> TestPresentWindow::open(int durationMs)
{
    auto w = std::make_unique<PresentWindow>(m_story.get(), SceneState(),
                                             *ChartTheme::named(QStringLiteral("dark")));
    w->setAttribute(Qt::WA_DeleteOnClose, false); // the test owns it
    w->setTransitionDuration(durationMs);
    w->resize(1280, 720);
    w->show();
    return w;
}

void TestPresentWindow::keysMoveThroughScenes_data()
{
    QTest::addColumn<QList<int>>("keys");
    QTest::addColumn<int>("expected");
    QTest::newRow("right") << QList<int>{Qt::Key_Right} << 1;
    QTest::newRow("clicker next twice") << QList<int>{Qt::Key_PageDown, Qt::Key_PageDown} << 2;
    QTest::newRow("space, enter, down stop at the end")
        << QList<int>{Qt::Key_Space, Qt::Key_Return, Qt::Key_Down} << 2;
    QTest::newRow("end then clicker back") << QList<int>{Qt::Key_End, Qt::Key_PageUp} << 1;
    QTest::newRow("left at the start stays") << QList<int>{Qt::Key_Left} << 0;
    QTest::newRow("end, backspace, up")
        << QList<int>{Qt::Key_End, Qt::Key_Backspace, Qt::Key_Up} << 0;
    QTest::newRow("home") << QList<int>{Qt::Key_End, Qt::Key_Home} << 0;
    QTest::newRow("unknown key does nothing") << QList<int>{Qt::Key_X} << 0;
}

void TestPresentWindow::keysMoveThroughScenes()
{
    QFETCH(QList<int>, keys);
    QFETCH(int, expected);
    auto w = open(0);
    QCOMPARE(w->sceneCount(), 3);
    for (int key : keys)
        QTest::keyClick(w.get(), Qt::Key(key));
    QCOMPARE(w->currentIndex(), expected);
    const SceneState& s = m_states[expected];
    QCOMPARE(w->timeline()->windowFrom(), *s.from);
    QCOMPARE(w->timeline()->windowTo(), *s.to);
    QCOMPARE(w->captionLabel()->text(), QStringLiteral("Caption %1").arg(expected + 1));
    // The scene's charts: both, the timeline alone, the map alone.
    QCOMPARE(w->timeline()->isVisible(), s.charts != SceneState::Charts::Actors);
    QCOMPARE(w->actorMap()->isVisible(), s.charts != SceneState::Charts::Timeline);
}

void TestPresentWindow::keyDuringTransitionLandsTheScene()
{
    auto w = open(600);
    QTest::keyClick(w.get(), Qt::Key_Right);
    QCOMPARE(w->currentIndex(), 1);
    QVERIFY(w->isAnimating());
    QCOMPARE(w->targetWindow(), std::make_pair(*m_states[1].from, *m_states[1].to));
    // Mid-glide the timeline is still near scene 1, not at scene 2.
    QVERIFY(w->timeline()->windowFrom() != *m_states[1].from);
    // A quick second key: scene 2 lands at once and the glide to scene 3 starts from it.
    QTest::keyClick(w.get(), Qt::Key_Right);
    QCOMPARE(w->currentIndex(), 2);
    QVERIFY(std::abs(w->timeline()->windowFrom() - *m_states[1].from) <= 1);
    QVERIFY(std::abs(w->timeline()->windowTo() - *m_states[1].to) <= 1);
    QTRY_VERIFY(!w->isAnimating());
    QCOMPARE(w->timeline()->windowFrom(), *m_states[2].from);
    QCOMPARE(w->timeline()->windowTo(), *m_states[2].to);
}

void TestPresentWindow::keysSentToAChartStillNavigate()
{
    auto w = open(0);
    // The timeline pans on arrow keys in the window; here the presentation has them.
    QTest::keyClick(w->timeline()->plot(), Qt::Key_Right);
    QCOMPARE(w->currentIndex(), 1);
    QCOMPARE(w->timeline()->windowFrom(), *m_states[1].from);
}

void TestPresentWindow::escapeLeaves()
{
    auto* w = new PresentWindow(m_story.get(), SceneState(), ChartTheme());
    QPointer<PresentWindow> alive(w);
    w->show();
    QTest::keyClick(w, Qt::Key_Escape);
    QVERIFY(!w->isVisible());
    QTRY_VERIFY(alive.isNull()); // closed windows delete themselves
}

void TestPresentWindow::storyWithoutScenesPresentsCurrentView()
{
    for (const Scene& s : orderedScenes(m_story->store()))
        QVERIFY(EditGuard::push(m_story.get(), makeDeleteScene(m_story.get(), s.id)));
    SceneState now;
    now.from = at(2025, 10, 1);
    now.to = at(2025, 11, 1);
    PresentWindow w(m_story.get(), now, ChartTheme());
    w.setAttribute(Qt::WA_DeleteOnClose, false);
    w.show();
    QCOMPARE(w.sceneCount(), 1);
    QCOMPARE(w.timeline()->windowFrom(), *now.from);
    QVERIFY(w.captionLabel()->text().contains(QStringLiteral("no scenes")));
    QTest::keyClick(&w, Qt::Key_Right);
    QCOMPARE(w.currentIndex(), 0);
}

void TestPresentWindow::bothChartsShareTheHeight()
{
    // The first scene shows both charts: each gets half, or the map is too small to read
    // from the back of a room (the timeline's size hint took about three quarters).
    auto w = open(0);
    QCOMPARE(w->currentIndex(), 0);
    QVERIFY(QTest::qWaitForWindowExposed(w.get()));
    const int timeline = w->timeline()->height(), map = w->actorMap()->height();
    QVERIFY2(std::abs(timeline - map) <= 4,
             qPrintable(QStringLiteral("timeline %1 (min %3), map %2 (min %4)")
                            .arg(timeline)
                            .arg(map)
                            .arg(w->timeline()->minimumSizeHint().height())
                            .arg(w->actorMap()->minimumSizeHint().height())));
    // A scene with one chart gives it all the room; back to both, halves again.
    w->goTo(1);
    QVERIFY(!w->actorMap()->isVisible());
    w->goTo(0);
    QTRY_VERIFY(std::abs(w->timeline()->height() - w->actorMap()->height()) <= 4);
    w->resize(1600, 1000);
    QTRY_VERIFY(std::abs(w->timeline()->height() - w->actorMap()->height()) <= 4);
}

void TestPresentWindow::emptyLanesLeftOutAsInTheDeck()
{
    // Present shows only the lanes with something in the scene's window, as the deck's pages
    // do, and every event of the window is in one of them. Gliding to the next scene, the
    // lanes are that scene's from the start and are not laid out again on the way.
    auto w = open(600);
    TimelineChart* chart = w->timeline()->chart();
    const TimeIndex& index = m_story->timeIndex();
    auto keys = [chart] {
        QList<qint64> out;
        for (std::size_t p = 0; p < chart->lanes().laneCount(); ++p)
            out << chart->lanes().laneAt(p).key;
        return out;
    };
    auto check = [&](int scene) {
        const qint64 from = *m_states[scene].from, to = *m_states[scene].to;
        auto inWindow = [&](quint32 row) {
            return index.latest()[row] >= from && index.earliest()[row] <= to;
        };
        int shown = 0;
        for (std::size_t p = 0; p < chart->lanes().laneCount(); ++p) {
            const auto& rows = chart->lanes().laneAt(p).rows;
            const auto n = std::count_if(rows.begin(), rows.end(), inWindow);
            QVERIFY2(n > 0, qPrintable(QStringLiteral("scene %1 shows an empty lane, %2")
                                           .arg(scene + 1)
                                           .arg(chart->lanes().laneAt(p).label)));
            shown += int(n);
        }
        int all = 0;
        for (quint32 row = 0; row < quint32(index.size()); ++row)
            all += inWindow(row) ? 1 : 0;
        QCOMPARE(shown, all);
    };
    check(0);
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY(!chart->overviewVisible()); // no navigation strip either, as on the deck's pages
    // The first scene's window (August) leaves lanes of the story out.
    QVERIFY(int(chart->lanes().laneCount()) < int(m_story->store().categories().size()));
    const QList<qint64> first = keys();
    QTest::keyClick(w.get(), Qt::Key_Right);
    QVERIFY(w->isAnimating());
    const QList<qint64> second = keys();
    QVERIFY(second != first);
    const int generation = chart->layoutGeneration();
    QTRY_VERIFY(!w->isAnimating());
    QCOMPARE(chart->layoutGeneration(), generation);
    QCOMPARE(keys(), second);
    check(1);
}

QTEST_MAIN(TestPresentWindow)
#include "tst_presentwindow.moc"
