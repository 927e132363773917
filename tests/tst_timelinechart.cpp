#include "edit/editcommand.h"
#include "edit/edits.h"
#include "export/chartcomposer.h"
#include "mainwindow.h"
#include "settings/preferences.h"
#include "query/selection.h"
#include "story/generator.h"
#include "story/story.h"
#include "timeline/timelinechart.h"
#include "timeline/timelineview.h"

#include <QCoreApplication>
#include <QDockWidget>
#include <QImage>
#include <QHeaderView>
#include <QPainter>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

using namespace chronomap;

// TimelineChart, the timeline drawn with no widget around it, as the window, the export and
// the deck draw it: no event hidden (every event of the window is labelled, or counted in a
// "+N more" where its lane has no room), no two boxes or labels overlapping, at window and at
// export sizes, on the sample story and on dense ones.
class TestTimelineChart : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyEventLabelledOrCounted_data();
    void everyEventLabelledOrCounted();
    void windowShowsEveryTitle_data();
    void windowShowsEveryTitle();
    void secondStoryKeepsTheChartsTall();
    void tableGivesTheTimelineItsHeight();
    void detailsWaitForAPick();
    void openingALaneShowsWhatItHid();
    void openingALaneWhenLanesScroll();
    void todayLabelCoversNoEvent();
    void addedEventIsLabelledAtOnce();
    void exportFollowsTheWindow();
    void exportLeavesOutEmptyLanesAndTheOverview();
    void seedStoryExportShowsWholeTitles_data();
    void seedStoryExportShowsWholeTitles();
    void longTitleIsWrappedNotCut();

private:
    std::unique_ptr<Story> denseStory(const QString& name, int events, int days, int lanes);
    std::unique_ptr<Story> generatedStory();

    QTemporaryDir m_dir;
};

namespace {

// What one frame of the chart shows, checked: no overlap, every event accounted for.
// Returns a description of what is wrong, or an empty string.
QString checkFrame(const TimelineChart& chart, const Story& story)
{
    const auto placed = chart.lastFrame();
    const auto hidden = chart.lastFrameHidden();
    if (chart.lastFrameWasDensity())
        return QStringLiteral("the frame drew density");
    const TimeIndex& index = story.timeIndex();
    // Overlaps: boxes and labels of different events (an event's label may sit on its own
    // whiskers). Rectangles that only touch do not overlap.
    auto meet = [](const QRectF& a, const QRectF& b) {
        return !a.isEmpty() && !b.isEmpty() &&
               a.adjusted(0.5, 0.5, -0.5, -0.5).intersects(b.adjusted(0.5, 0.5, -0.5, -0.5));
    };
    const QRectF area = chart.plotArea();
    // Lanes scrolled partly out of the plot are cut by it; the others hold their labels.
    auto whole = [&](int lane) {
        return area.adjusted(-1, -1, 1, 1).contains(chart.laneRect(lane));
    };
    for (std::size_t i = 0; i < placed.size(); ++i) {
        const auto& a = placed[i];
        if (!a.label.isEmpty() && whole(a.lane) && !area.adjusted(-1, -1, 1, 1).contains(a.label))
            return QStringLiteral("the label of event %1 leaves the plot").arg(a.id);
        for (std::size_t j = i + 1; j < placed.size(); ++j) {
            const auto& b = placed[j];
            if (meet(a.box, b.box))
                return QStringLiteral("boxes of events %1 and %2 overlap").arg(a.id).arg(b.id);
            if (meet(a.label, b.label) || meet(a.label, b.box) || meet(b.label, a.box))
                return QStringLiteral("labels of events %1 and %2 overlap").arg(a.id).arg(b.id);
        }
        for (const auto& h : hidden)
            if (meet(h.rect, a.box) || meet(h.rect, a.label))
                return QStringLiteral("a \"+N more\" covers event %1").arg(a.id);
    }
    // Every event of the window, lane by lane: labelled or counted.
    const LaneLayout& lanes = chart.lanes();
    const qint64 from = chart.windowFrom(), to = chart.windowTo();
    for (std::size_t p = 0; p < lanes.laneCount(); ++p) {
        const LaneLayout::Lane& lane = lanes.laneAt(p);
        if (!area.adjusted(-1, -1, 1, 1).contains(chart.laneRect(int(p))))
            continue; // scrolled out of the chart (its scroll bar reaches it)
        int inWindow = 0;
        for (const quint32 row : lane.rows)
            if (index.latest()[row] >= from && index.earliest()[row] <= to)
                ++inWindow;
        int labelled = 0, bare = 0, counted = 0;
        for (const auto& e : placed)
            if (e.lane == int(p))
                ++(e.label.isEmpty() ? bare : labelled);
        for (const auto& h : hidden)
            if (h.lane == int(p))
                counted += h.count;
        if (bare > 0)
            return QStringLiteral("lane %1 draws %2 events without a title")
                .arg(lane.label)
                .arg(bare);
        if (labelled + counted != inWindow)
            return QStringLiteral("lane %1: %2 events in the window, %3 labelled, %4 counted")
                .arg(lane.label)
                .arg(inWindow)
                .arg(labelled)
                .arg(counted);
    }
    return {};
}

// One frame at `size` (logical pixels), as the export draws it.
void paint(TimelineChart& chart, QSize size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    chart.paint(painter, size);
}

int hiddenCount(const TimelineChart& chart)
{
    int n = 0;
    for (const auto& h : chart.lastFrameHidden())
        n += h.count;
    return n;
}

} // namespace

void TestTimelineChart::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true); // the user's settings stay as they are
    Preferences::setBottomDocksSized(false);
}

std::unique_ptr<Story> TestTimelineChart::denseStory(const QString& name, int events, int days,
                                                     int laneCount)
{
    // `events` events in `days` days in `laneCount` categories: mostly single days, some
    // spans of a few days, headlines of news length; deterministic.
    const QString path = m_dir.filePath(name + QStringLiteral(".chronomap"));
    {
        auto store = Store::open(path, Store::Mode::Create);
        QList<Id> categories;
        for (int c = 0; c < laneCount; ++c)
            categories << store->insertCategory(
                Category{0, QStringLiteral("Desk %1").arg(c + 1), QColor(), c});
        const QStringList words = {
            QStringLiteral("Ministers"), QStringLiteral("meet"),  QStringLiteral("over"),
            QStringLiteral("ceasefire"), QStringLiteral("terms"), QStringLiteral("in"),
            QStringLiteral("Geneva"),    QStringLiteral("after"), QStringLiteral("overnight"),
            QStringLiteral("strikes"),   QStringLiteral("on"),    QStringLiteral("ports")};
        const QDate start(2025, 9, 1);
        quint32 seed = 7;
        auto next = [&seed](quint32 n) {
            seed = seed * 1103515245u + 12345u;
            return (seed >> 8) % n;
        };
        for (int i = 0; i < events; ++i) {
            Event e;
            QStringList title{QStringLiteral("Event %1:").arg(i + 1)};
            const int length = 3 + int(next(5));
            for (int w = 0; w < length; ++w)
                title << words[int(next(quint32(words.size())))];
            e.title = title.join(u' ');
            const QDate day = start.addDays(qint64(next(quint32(days))));
            const int span = next(4) == 0 ? 2 + int(next(6)) : 0;
            e.date = PartialDate::fromEdtf(
                span ? QStringLiteral("%1/%2").arg(day.toString(Qt::ISODate),
                                                   day.addDays(span).toString(Qt::ISODate))
                     : day.toString(Qt::ISODate));
            e.categoryId = categories[i % laneCount];
            e.status = Verification::Confirmed;
            store->insertEvent(e);
        }
    }
    return Story::open(path);
}

std::unique_ptr<Story> TestTimelineChart::generatedStory()
{
    const QString path = m_dir.filePath(QStringLiteral("generated.chronomap"));
    if (!QFile::exists(path)) {
        auto store = Store::open(path, Store::Mode::Create);
        GenerateOptions options;
        options.events = 3000;
        options.actors = 60;
        generateStory(*store, options);
    }
    return Story::open(path);
}

void TestTimelineChart::everyEventLabelledOrCounted_data()
{
    QTest::addColumn<QString>("story");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("scroll");
    // Window sizes: the timeline's pane at 1920×1080 and at 1280×720 (the window opens on the
    // whole screen; beside the details, above the table, the map folded away where a story has
    // no actors); export sizes in logical pixels (a phone's 1080×1920 is laid out 432 wide).
    const QList<std::pair<QByteArray, QSize>> sizes = {{"window 1920", QSize(1560, 520)},
                                                       {"window 1280", QSize(950, 440)},
                                                       {"export 1920x1080", QSize(1870, 900)},
                                                       {"export phone", QSize(420, 640)}};
    // The window's chart lets its lanes scroll rather than squeeze them; an export's does not.
    for (const QString& story : {QStringLiteral("sample"), QStringLiteral("dense"),
                                 QStringLiteral("dense40"), QStringLiteral("generated")})
        for (const auto& size : sizes)
            QTest::newRow(QByteArray(story.toUtf8() + " " + size.first).constData())
                << story << size.second << size.first.startsWith("window");
}

void TestTimelineChart::everyEventLabelledOrCounted()
{
    QFETCH(QString, story);
    QFETCH(QSize, size);
    QFETCH(bool, scroll);
    std::unique_ptr<Story> s;
    if (story == QLatin1String("dense40"))
        s = denseStory(QStringLiteral("dense40-%1x%2").arg(size.width()).arg(size.height()), 40, 63,
                       4);
    else if (story == QLatin1String("sample"))
        s = Story::create(m_dir.filePath(
            QStringLiteral("sample-%1x%2.chronomap").arg(size.width()).arg(size.height())));
    else if (story == QLatin1String("dense"))
        s = denseStory(QStringLiteral("dense-%1x%2").arg(size.width()).arg(size.height()), 24, 63,
                       4);
    else
        s = generatedStory();
    Selection selection;
    TimelineChart chart(s.get(), &selection);
    chart.setScrollLanes(scroll);
    if (story == QLatin1String("generated")) {
        // A window of a few hundred events: more than the lanes can hold at small sizes.
        const TimeIndex& index = s->timeIndex();
        const qint64 mid = index.minTime() + (index.maxTime() - index.minTime()) / 2;
        chart.setWindow(mid, mid + 86400 * 900);
    } else {
        chart.fitStory();
    }
    paint(chart, size);
    QVERIFY(!chart.lastFrame().empty());
    const QString problem = checkFrame(chart, *s);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // Where there is room (a full-height window, a landscape export) every title is whole:
    // a long one wrapped, none cut with "…" (the phone's export is checked as exported,
    // below).
    if (story == QLatin1String("sample") && size.width() >= 900 && size.height() >= 500)
        for (const auto& p : chart.lastFrame())
            QVERIFY2(!p.shortened, qPrintable(QStringLiteral("event %1's title is cut").arg(p.id)));
    if (story != QLatin1String("generated")) {
        // These fit: nothing is hidden at a full-height window's or a landscape export's size,
        // and in the window (whose sub-rows pack tighter when short) at any size.
        if (story != QLatin1String("dense40") &&
            ((size.width() >= 900 && size.height() >= 500) || scroll))
            QCOMPARE(hiddenCount(chart), 0);
    }
}

void TestTimelineChart::windowShowsEveryTitle_data()
{
    QTest::addColumn<QString>("story");
    QTest::addColumn<QSize>("size");
    for (const char* story : {"sample", "dense", "dense40", "dense60"})
        for (const QSize size : {QSize(1280, 720), QSize(1920, 1080)})
            QTest::newRow(QStringLiteral("%1 %2x%3")
                              .arg(QLatin1String(story))
                              .arg(size.width())
                              .arg(size.height())
                              .toUtf8()
                              .constData())
                << QString::fromLatin1(story) << size;
}

void TestTimelineChart::windowShowsEveryTitle()
{
    // The window itself, as a user opens it on a 1280×720 or a 1920×1080 screen: the
    // timeline's lanes all in view (none below the fold, no scrolling), no two boxes or labels
    // overlapping, every event of the window labelled or counted in a "+N more". The sample
    // story and a story of 24 events in nine weeks show every title, whole; the denser ones
    // hide what a lane truly has no room for, in view.
    QFETCH(QString, story);
    QFETCH(QSize, size);
    const QString name = QStringLiteral("window-%1-%2").arg(story).arg(size.width());
    QString path = m_dir.filePath(name + QStringLiteral(".chronomap"));
    if (story == QLatin1String("sample")) {
        Story::create(path);
    } else {
        const int events = story == QLatin1String("dense")     ? 24
                           : story == QLatin1String("dense40") ? 40
                                                                : 60;
        denseStory(name, events, 63, 4);
    }
    MainWindow w;
    w.resize(size);
    QVERIFY(w.openStory(path));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    TimelineChart* chart = w.timeline()->chart();
    // The splitter follows the height the timeline asks for, one queued step per frame.
    for (int i = 0; i < 6; ++i) {
        chart->plot()->replot(QCustomPlot::rpImmediateRefresh);
        QCoreApplication::processEvents();
    }
    chart->plot()->replot(QCustomPlot::rpImmediateRefresh);
    const QRectF area = chart->plotArea().adjusted(-1, -1, 1, 1);
    for (int p = 0; p < int(chart->lanes().laneCount()); ++p)
        QVERIFY2(area.contains(chart->laneRect(p)),
                 qPrintable(QStringLiteral("lane %1 is out of view").arg(p)));
    const QString problem = checkFrame(*chart, *w.story());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(int(chart->lastFrame().size()) + hiddenCount(*chart),
             int(w.story()->store().events().size()));
    // The window opens on the whole screen with the timeline taking the Details dock's width
    // until a pick: at 1920×1080 stories of 40 and 60 events in nine weeks show every title
    // whole too.
    if (story == QLatin1String("sample") || story == QLatin1String("dense") ||
        (story != QLatin1String("sample") && size.width() >= 1920)) {
        QCOMPARE(hiddenCount(*chart), 0);
        for (const auto& p : chart->lastFrame())
            QVERIFY2(!p.shortened, qPrintable(QStringLiteral("event %1's title is cut").arg(p.id)));
    }
}

void TestTimelineChart::secondStoryKeepsTheChartsTall()
{
    // File › Open of another story into an open window: the charts keep the height they had
    // (they were once squeezed to a sliver above the table), and the timeline still shows
    // every title.
    const QString first = m_dir.filePath(QStringLiteral("second-a.chronomap"));
    Story::create(first);
    denseStory(QStringLiteral("second-b"), 24, 63, 4);
    const QString second = m_dir.filePath(QStringLiteral("second-b.chronomap"));
    MainWindow w;
    w.resize(1280, 720);
    QVERIFY(w.openStory(first));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto settle = [&w] {
        for (int i = 0; i < 6; ++i) {
            w.timeline()->chart()->plot()->replot(QCustomPlot::rpImmediateRefresh);
            QCoreApplication::processEvents();
        }
    };
    settle();
    const QSize before = w.centralWidget()->size();
    QVERIFY2(before.height() > 300 && before.width() > 900,
             qPrintable(QStringLiteral("%1x%2").arg(before.width()).arg(before.height())));
    QVERIFY(w.openStory(second));
    settle();
    const QSize after = w.centralWidget()->size();
    // (Taller is fine: the table below gives the timeline what it needs.)
    QVERIFY2(std::abs(after.width() - before.width()) <= 8 && after.height() >= before.height() - 8,
             qPrintable(QStringLiteral("charts %1x%2, %3x%4 before")
                            .arg(after.width())
                            .arg(after.height())
                            .arg(before.width())
                            .arg(before.height())));
    TimelineChart* chart = w.timeline()->chart();
    chart->plot()->replot(QCustomPlot::rpImmediateRefresh);
    const QString problem = checkFrame(*chart, *w.story());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(hiddenCount(*chart), 0);
}

void TestTimelineChart::tableGivesTheTimelineItsHeight()
{
    // The events table under the charts gives the timeline the height it needs to show every
    // event with its title, down to its header and a few rows; a story that fits leaves it
    // as it was; once the user drags its edge, the table keeps the user's height.
    denseStory(QStringLiteral("table-a"), 24, 63, 4);
    denseStory(QStringLiteral("table-b"), 150, 63, 4);
    auto open = [this](MainWindow& w, const QString& name) {
        w.resize(1920, 1080);
        QVERIFY(w.openStory(m_dir.filePath(name + QStringLiteral(".chronomap"))));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        for (int i = 0; i < 8; ++i) {
            w.timeline()->chart()->plot()->replot(QCustomPlot::rpImmediateRefresh);
            QCoreApplication::processEvents();
        }
        w.timeline()->chart()->plot()->replot(QCustomPlot::rpImmediateRefresh);
    };
    int first = 0;
    {
        MainWindow w;
        open(w, QStringLiteral("table-a"));
        first = w.findChild<QDockWidget*>(QStringLiteral("eventsDock"))->height();
        QCOMPARE(hiddenCount(*w.timeline()->chart()), 0);
    }
    {
        MainWindow w;
        open(w, QStringLiteral("table-b"));
        auto* dock = w.findChild<QDockWidget*>(QStringLiteral("eventsDock"));
        auto* table = w.findChild<QTableView*>(QStringLiteral("eventTable"));
        QVERIFY(dock->isVisible());
        QVERIFY2(dock->height() < first - 20,
                 qPrintable(QStringLiteral("table %1 px, %2 with 24 events")
                                .arg(dock->height())
                                .arg(first)));
        // Its header and two rows stay in view.
        QVERIFY(table->height() >= table->horizontalHeader()->height() +
                                       2 * table->verticalHeader()->defaultSectionSize());
        TimelineChart* chart = w.timeline()->chart();
        const QString problem = checkFrame(*chart, *w.story());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(hiddenCount(*chart), 0);

        // The user drags the edge between the charts and the table up by 60 pixels.
        const QPoint edge((dock->geometry().left() + dock->geometry().right()) / 2,
                          (w.centralWidget()->geometry().bottom() + dock->geometry().top()) / 2);
        const int before = dock->height();
        QTest::mousePress(&w, Qt::LeftButton, {}, edge);
        for (int dy = 10; dy <= 60; dy += 10) {
            QTest::mouseMove(&w, edge - QPoint(0, dy));
            QCoreApplication::processEvents(); // the window moves its separator on a timer
        }
        QTest::mouseRelease(&w, Qt::LeftButton, {}, edge - QPoint(0, 60));
        QVERIFY2(dock->height() > before + 40,
                 qPrintable(QStringLiteral("%1 px, %2 before").arg(dock->height()).arg(before)));
        QVERIFY(Preferences::bottomDocksSized());
        const int dragged = dock->height();
        for (int i = 0; i < 4; ++i) {
            chart->plot()->replot(QCustomPlot::rpImmediateRefresh);
            QCoreApplication::processEvents();
        }
        QCOMPARE(dock->height(), dragged);
    }
    Preferences::setBottomDocksSized(false);
}

void TestTimelineChart::detailsWaitForAPick()
{
    // A new window gives the timeline the Details dock's width while nothing is picked; the
    // first pick opens the dock. Closed by the user, a pick does not open it again.
    const QString path = m_dir.filePath(QStringLiteral("details.chronomap"));
    Story::create(path);
    MainWindow w;
    w.resize(1280, 720);
    QVERIFY(w.openStory(path));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto* details = w.findChild<QDockWidget*>(QStringLiteral("detailsDock"));
    QVERIFY(details);
    QVERIFY(details->isHidden());
    const QList<Event> events = w.story()->store().events();
    w.selection()->setCurrent(EntityRef{EntityKind::Event, events.at(0).id});
    QVERIFY(details->isVisible());
    details->close();
    QVERIFY(details->isHidden());
    w.selection()->setCurrent(EntityRef{EntityKind::Event, events.at(1).id});
    QVERIFY(details->isHidden());
}

void TestTimelineChart::openingALaneShowsWhatItHid()
{
    // A small chart of a dense story hides events behind "+N more"; opening that lane shows
    // more of them, still without overlap.
    auto s = denseStory(QStringLiteral("open"), 60, 30, 4);
    Selection selection;
    TimelineChart chart(s.get(), &selection);
    chart.fitStory();
    const QSize size(1000, 380);
    paint(chart, size);
    const auto hidden = chart.lastFrameHidden();
    QVERIFY(!hidden.empty());
    // The lane that hides the fewest: the others, hiding more, were given the room first.
    QHash<int, int> perLane;
    for (const auto& h : hidden)
        perLane[h.lane] += h.count;
    int lane = hidden.front().lane;
    for (auto it = perLane.cbegin(); it != perLane.cend(); ++it)
        if (it.value() < perLane.value(lane))
            lane = it.key();
    const int before = perLane.value(lane);
    QRectF mark;
    for (const auto& h : hidden)
        if (h.lane == lane)
            mark = h.rect;
    QCOMPARE(chart.hiddenMarkAt(mark.center()), lane);
    chart.setLaneExpanded(lane, true);
    QVERIFY(chart.isLaneExpanded(lane));
    paint(chart, size);
    int after = 0;
    for (const auto& h : chart.lastFrameHidden())
        after += h.lane == lane ? h.count : 0;
    QVERIFY2(after < before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
    const QString problem = checkFrame(chart, *s);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestTimelineChart::openingALaneWhenLanesScroll()
{
    // Many lanes, each busier than the plot is tall: the lanes scroll, each as tall as the plot,
    // and hide the rest behind "+N more". A click on the mark (in the window's view) opens
    // the lane to every sub-row it needs: nothing hidden in it any more.
    auto s = denseStory(QStringLiteral("scrolling"), 240, 3, 12);
    Selection selection;
    TimelineView view(s.get(), &selection);
    TimelineChart* chart = view.chart();
    QVERIFY(chart->scrollLanes());
    view.resize(960, 330);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    chart->fitStory();
    chart->plot()->replot(QCustomPlot::rpImmediateRefresh);
    chart->plot()->replot(QCustomPlot::rpImmediateRefresh);
    const int lanes = int(chart->lanes().laneCount());
    QVERIFY(chart->laneStart(lanes) > chart->lanesVisible()); // the lanes scroll
    const auto hidden = chart->lastFrameHidden();
    QVERIFY(!hidden.empty());
    const int lane = hidden.front().lane;
    QVERIFY(!chart->isLaneExpanded(lane));
    QTest::mouseClick(chart->plot(), Qt::LeftButton, {}, hidden.front().rect.center().toPoint());
    QVERIFY(chart->isLaneExpanded(lane));
    chart->plot()->replot(QCustomPlot::rpImmediateRefresh);
    chart->plot()->replot(QCustomPlot::rpImmediateRefresh);
    int after = 0;
    for (const auto& h : chart->lastFrameHidden())
        after += h.lane == lane ? h.count : 0;
    QCOMPARE(after, 0);
    // The opened lane is taller than the plot: the lanes scroll through it.
    QVERIFY(chart->laneRect(lane).height() > chart->plotArea().height());
}

void TestTimelineChart::todayLabelCoversNoEvent()
{
    // Events up to today, their labels running to the plot's right edge: the "Today" label at
    // the top of the plot keeps its place, no event's label or box under it.
    const QString path = m_dir.filePath(QStringLiteral("today.chronomap"));
    {
        auto store = Store::open(path, Store::Mode::Create);
        const QDate today = QDate::currentDate();
        for (int i = 0; i < 12; ++i) {
            Event e;
            e.title = QStringLiteral("Late talks on the draft agreement, round %1").arg(i + 1);
            e.date = PartialDate::fromEdtf(today.addDays(-2 * i).toString(Qt::ISODate));
            e.status = Verification::Confirmed;
            store->insertEvent(e);
        }
    }
    auto s = Story::open(path);
    for (const QSize size : {QSize(1560, 520), QSize(960, 330), QSize(1870, 900)}) {
        Selection selection;
        TimelineChart chart(s.get(), &selection);
        chart.fitStory();
        paint(chart, size);
        const QRectF today = chart.todayLabelRect();
        QVERIFY(!today.isEmpty());
        QVERIFY(chart.plotArea().contains(today));
        for (const auto& p : chart.lastFrame()) {
            QVERIFY2(!p.label.intersects(today), qPrintable(QString::number(p.id)));
            QVERIFY2(!p.box.intersects(today), qPrintable(QString::number(p.id)));
        }
    }
}

void TestTimelineChart::addedEventIsLabelledAtOnce()
{
    auto s = Story::create(m_dir.filePath(QStringLiteral("added.chronomap")));
    Selection selection;
    TimelineChart chart(s.get(), &selection);
    chart.fitStory();
    paint(chart, QSize(1560, 520));
    Event e;
    e.title = QStringLiteral("Negotiators return to Geneva");
    e.date = PartialDate::fromEdtf(QStringLiteral("2025-11-05"));
    EditCommand* insert = makeInsert(s.get(), e);
    QString error;
    QVERIFY2(EditGuard::push(s.get(), insert, &error), qPrintable(error));
    const Id id = insert->createdId();
    paint(chart, QSize(1560, 520));
    QVERIFY(!chart.eventRect(id).isEmpty());
    QVERIFY(!chart.eventLabelRect(id).isEmpty());
}

void TestTimelineChart::exportFollowsTheWindow()
{
    // What you see is what you export: the window's time range, lane mode and highlight reach
    // the exported chart (and so the preview and the deck, which draw through the same
    // composer).
    auto s = Story::create(m_dir.filePath(QStringLiteral("wysiwyg.chronomap")));
    Selection window;
    const qint64 from = PartialDate::fromEdtf(QStringLiteral("2025-10-01")).earliest();
    const qint64 to = PartialDate::fromEdtf(QStringLiteral("2025-11-30")).latest();
    window.setTimeWindow(from, to);
    Id inside = 0, outside = 0;
    for (const Event& e : s->store().events()) {
        if (e.date.earliest() >= from && e.date.latest() <= to && !inside)
            inside = e.id;
        if (e.date.latest() < from && !outside)
            outside = e.id;
    }
    QVERIFY(inside && outside);
    window.setHighlight({inside}, {});

    ExportRequest r;
    r.state = &window;
    r.laneMode = LaneMode::Actor;
    r.highlight = true;
    ChartComposer composer(*s, r);
    composer.image(QSize(1920, 1080));
    TimelineChart* chart = composer.timelineChart();
    QVERIFY(chart);
    QCOMPARE(chart->windowFrom(), from);
    QCOMPARE(chart->windowTo(), to);
    QCOMPARE(chart->laneMode(), LaneMode::Actor);
    QCOMPARE(chart->lanes().mode(), LaneMode::Actor);
    QCOMPARE(chart->highlighted(), QSet<Id>{inside});
    QVERIFY(!chart->eventRect(inside).isEmpty());
    QVERIFY(chart->eventRect(outside).isEmpty());
    // Every placed event lies in the window.
    const TimeIndex& index = s->timeIndex();
    for (const auto& p : chart->lastFrame()) {
        const std::ptrdiff_t row = index.indexOf(p.id);
        QVERIFY(row >= 0);
        QVERIFY(index.latest()[std::size_t(row)] >= from);
        QVERIFY(index.earliest()[std::size_t(row)] <= to);
    }

    // Without the highlight request, nothing is highlighted.
    r.highlight = false;
    ChartComposer plain(*s, r);
    plain.image(QSize(1920, 1080));
    QVERIFY(plain.timelineChart()->highlighted().isEmpty());
}

void TestTimelineChart::exportLeavesOutEmptyLanesAndTheOverview()
{
    auto s = Story::create(m_dir.filePath(QStringLiteral("lanes.chronomap")));
    Selection window;
    // A window in which only some categories have events.
    const qint64 from = PartialDate::fromEdtf(QStringLiteral("2025-10-20")).earliest();
    const qint64 to = PartialDate::fromEdtf(QStringLiteral("2025-10-31")).latest();
    window.setTimeWindow(from, to);
    ExportRequest r;
    r.state = &window;
    ChartComposer composer(*s, r);
    composer.image(QSize(1920, 1080));
    TimelineChart* chart = composer.timelineChart();
    QVERIFY(!chart->overviewVisible());
    // Its lanes laid out once, with the empty ones left out (not once more for that), and
    // not again for a second image of the same window.
    QCOMPARE(chart->layoutBuilds(), 1);
    composer.image(QSize(1080, 1920));
    QCOMPARE(chart->layoutBuilds(), 1);
    const LaneLayout& lanes = chart->lanes();
    QVERIFY(lanes.laneCount() > 0);
    const TimeIndex& index = s->timeIndex();
    for (std::size_t p = 0; p < lanes.laneCount(); ++p) {
        int inWindow = 0;
        for (const quint32 row : lanes.laneAt(p).rows)
            if (index.latest()[row] >= from && index.earliest()[row] <= to)
                ++inWindow;
        QVERIFY2(inWindow > 0, qPrintable(lanes.laneAt(p).label));
    }
    // The window itself keeps every lane of the story.
    TimelineChart windowChart(s.get(), &window);
    QVERIFY(windowChart.lanes().laneCount() > lanes.laneCount());
}

void TestTimelineChart::seedStoryExportShowsWholeTitles_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("marks");
    // Publish-safe marks (the default) put "⚠ " before every title not cleared: longer labels.
    QTest::newRow("phone 1080x1920, marked") << QSize(1080, 1920) << true;
    QTest::newRow("phone 1080x1920") << QSize(1080, 1920) << false;
    QTest::newRow("screen 1920x1080, marked") << QSize(1920, 1080) << true;
    QTest::newRow("screen 1920x1080") << QSize(1920, 1080) << false;
}

void TestTimelineChart::seedStoryExportShowsWholeTitles()
{
    // The exported seed story, as `chronomap export` draws it (type sized for the output):
    // every event there and labelled, nothing hidden, nothing overlapping, and every title
    // whole (wrapped where a line has no room, never cut with "…"), on a screen's 1920×1080
    // as on a phone's 1080×1920, whose height gives the labels their lines.
    QFETCH(QSize, size);
    QFETCH(bool, marks);
    auto s = Story::create(m_dir.filePath(QStringLiteral("seed-%1x%2-%3.chronomap")
                                              .arg(size.width())
                                              .arg(size.height())
                                              .arg(marks)));
    ExportRequest r;
    r.size = size;
    r.publishSafe = marks ? ExportRequest::PublishSafe::Mark : ExportRequest::PublishSafe::Off;
    r.scale = autoExportScale(size);
    ChartComposer composer(*s, r);
    composer.image(size);
    TimelineChart* chart = composer.timelineChart();
    QVERIFY(chart);
    const QString problem = checkFrame(*chart, *s);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(hiddenCount(*chart), 0);
    QCOMPARE(int(chart->lastFrame().size()), int(s->store().events().size()));
    for (const auto& p : chart->lastFrame()) {
        QVERIFY2(!p.label.isEmpty(), qPrintable(QString::number(p.id)));
        QVERIFY2(!p.shortened, qPrintable(QStringLiteral("event %1's title is cut").arg(p.id)));
    }
}

void TestTimelineChart::longTitleIsWrappedNotCut()
{
    // A headline far longer than a label may be wide: on several lines, each within the
    // maximum width, in the window as in an export, and the lane keeps room for its lines.
    const QString path = m_dir.filePath(QStringLiteral("long.chronomap"));
    Id longId = 0;
    {
        auto store = Store::open(path, Store::Mode::Create);
        const Id category = store->insertCategory(Category{0, QStringLiteral("Desk"), QColor(), 0});
        for (int i = 0; i < 6; ++i) {
            Event e;
            e.title = i == 0 ? QStringLiteral("Negotiators from both sides meet again in Geneva "
                                              "after a week of strikes on the northern ports "
                                              "and agree on the terms of a ceasefire")
                             : QStringLiteral("Event %1 nearby").arg(i);
            e.date = PartialDate::fromEdtf(QStringLiteral("2025-10-%1").arg(10 + i));
            e.categoryId = category;
            e.status = Verification::Confirmed;
            const Id id = store->insertEvent(e);
            if (i == 0)
                longId = id;
        }
    }
    auto s = Story::open(path);
    for (const bool scroll : {true, false}) {
        Selection selection;
        TimelineChart chart(s.get(), &selection);
        chart.setScrollLanes(scroll);
        chart.setWindow(PartialDate::fromEdtf(QStringLiteral("2025-09-01")).earliest(),
                        PartialDate::fromEdtf(QStringLiteral("2025-11-30")).latest());
        paint(chart, QSize(900, 400));
        const QString problem = checkFrame(chart, *s);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        bool found = false;
        for (const auto& p : chart.lastFrame()) {
            QVERIFY(!p.shortened);
            if (p.id != longId)
                continue;
            found = true;
            QVERIFY(p.label.width() <= 341);
            QVERIFY2(p.label.height() > 1.5 * p.box.height(), "the long title is on one line");
        }
        QVERIFY(found);
    }
}

QTEST_MAIN(TestTimelineChart)
#include "tst_timelinechart.moc"
