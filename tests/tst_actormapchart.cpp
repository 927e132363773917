// The actor map as a chart without a widget: it lays out once per story revision, draws at
// any size with every label inside what it paints, and is what the export and Present draw.
#include "actormap/actormapchart.h"
#include "actormap/actormaplayer.h"
#include "actormap/actormapview.h"
#include "edit/sceneedits.h"
#include "export/chartcomposer.h"
#include "present/presentwindow.h"
#include "present/scenestate.h"
#include "query/selection.h"
#include "story/story.h"
#include "theme/charttheme.h"

#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

using namespace chronomap;

namespace {

qint64 at(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
}

// Every label rectangle inside `area`; the first one outside is named in `why`.
bool labelsInside(const ActorMapLayer& layer, const QRectF& area, QString* why)
{
    for (const QRectF& r : layer.lastLabelRects())
        if (!area.contains(r)) {
            *why = QStringLiteral("label (%1,%2 %3x%4) outside (%5,%6 %7x%8)")
                       .arg(r.x())
                       .arg(r.y())
                       .arg(r.width())
                       .arg(r.height())
                       .arg(area.x())
                       .arg(area.y())
                       .arg(area.width())
                       .arg(area.height());
            return false;
        }
    return true;
}

} // namespace

class TestActorMapChart : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Story> m_story;

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        static int n = 0;
        const QString path = m_dir.filePath(QStringLiteral("s%1.chronomap").arg(++n));
        m_story = Story::create(path); // the seed story
    }
    void cleanup() { m_story.reset(); }

    void paintsAtAnySizeWithLabelsInside_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("screen") << QSize(1200, 800);
        QTest::newRow("small pane") << QSize(520, 360);
        QTest::newRow("portrait") << QSize(600, 1000);
    }
    void paintsAtAnySizeWithLabelsInside()
    {
        QFETCH(QSize, size);
        Selection selection;
        ActorMapChart chart(m_story.get(), &selection);
        chart.setAnimated(false);
        chart.layoutNow();
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        {
            QPainter p(&image);
            chart.paint(p, size);
        }
        // Something was drawn, with names, and no name leaves the picture.
        QVERIFY(chart.layer()->lastLabelCount() > 0);
        QCOMPARE(chart.plot()->size(), size);
        QString why;
        QVERIFY2(labelsInside(*chart.layer(), QRectF(QPointF(0, 0), QSizeF(size)), &why),
                 qPrintable(why));
        int inked = 0;
        for (int y = 0; y < size.height(); y += 4)
            for (int x = 0; x < size.width(); x += 4)
                inked += image.pixel(x, y) != qRgb(255, 255, 255);
        QVERIFY(inked > 100);
    }

    void windowChangesKeepTheLayout()
    {
        Selection selection;
        ActorMapChart chart(m_story.get(), &selection);
        chart.setAnimated(false);
        chart.layoutNow();
        QCOMPARE(chart.layoutRuns(), 1);
        // An actor with relations in the story: the connected part is what must not move.
        Id anchor = 0;
        for (int i = 0; i < chart.graph().nodeCount() && !anchor; ++i)
            if (chart.relationCount(i) > 0)
                anchor = chart.actorOfNode(i);
        QVERIFY(anchor);
        const QPointF before = *chart.positionOf(anchor);
        for (const auto& [from, to] : {std::pair{at(2025, 8, 1), at(2025, 9, 1)},
                                       std::pair{at(2025, 10, 15), at(2025, 11, 30)},
                                       std::pair{at(2024, 1, 1), at(2026, 1, 1)}}) {
            selection.setTimeWindow(from, to);
            chart.layoutNow(); // the window's sizes and communities; no new layout
        }
        QCOMPARE(chart.layoutRuns(), 1);
        QCOMPARE(*chart.positionOf(anchor), before);
    }

    void exportDrawsThroughTheChart()
    {
        ExportRequest request;
        request.view = QStringLiteral("actors");
        request.output = m_dir.filePath(QStringLiteral("map.png"));
        ChartComposer composer(*m_story, request);
        QVERIFY(composer.actorMapChart());
        QVERIFY(!composer.timelineChart());
        const QSize size(1400, 900);
        const QImage image = composer.image(size);
        QCOMPARE(image.size(), size);
        const ActorMapLayer& layer = *composer.actorMapChart()->layer();
        QVERIFY(layer.lastLabelCount() > 0);
        // The chart was drawn at the size of its part of the page, labels inside it.
        const QSize drawn = composer.actorMapChart()->plot()->size();
        QVERIFY(drawn.width() <= size.width() && drawn.height() <= size.height());
        QString why;
        QVERIFY2(labelsInside(layer, QRectF(QPointF(0, 0), QSizeF(drawn)), &why), qPrintable(why));
    }

    void presentKeepsMapLabelsInsideTheFrame_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<int>("charts");
        QTest::newRow("both, 1280x720") << QSize(1280, 720) << int(SceneState::Charts::Both);
        QTest::newRow("map, 1280x720") << QSize(1280, 720) << int(SceneState::Charts::Actors);
        QTest::newRow("both, 1920x1080") << QSize(1920, 1080) << int(SceneState::Charts::Both);
        QTest::newRow("map, 800x600") << QSize(800, 600) << int(SceneState::Charts::Actors);
    }
    void presentKeepsMapLabelsInsideTheFrame()
    {
        QFETCH(QSize, size);
        QFETCH(int, charts);
        for (const Scene& s : orderedScenes(m_story->store()))
            m_story->store().deleteScene(s.id);
        SceneState state;
        state.from = at(2025, 6, 1);
        state.to = at(2025, 12, 31);
        state.charts = SceneState::Charts(charts);
        QVERIFY(EditGuard::push(
            m_story.get(), makeAddScene(m_story.get(), QStringLiteral("The actors"),
                                        QStringLiteral("Who talks to whom"), state.toJsonText())));
        PresentWindow w(m_story.get(), SceneState(), *ChartTheme::named(QStringLiteral("dark")));
        w.setAttribute(Qt::WA_DeleteOnClose, false);
        w.setTransitionDuration(0);
        w.resize(size);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ActorMapView* map = w.actorMap();
        QTRY_VERIFY_WITH_TIMEOUT(!map->isLayingOut() && map->layoutRuns() > 0, 20000);
        QCoreApplication::processEvents(); // the fit that follows the splitter's sizes
        QCustomPlot* plot = map->plot();
        plot->replot(QCustomPlot::rpImmediateRefresh);
        const ActorMapLayer& layer = *map->layer();
        QVERIFY(layer.lastLabelCount() > 0);
        // The frame: what the plot paints, and the plot wholly inside the presentation.
        QString why;
        QVERIFY2(labelsInside(layer, QRectF(QPointF(0, 0), QSizeF(plot->size())), &why),
                 qPrintable(why));
        const QRect plotInWindow(plot->mapTo(&w, QPoint(0, 0)), plot->size());
        QVERIFY2(w.rect().contains(plotInWindow),
                 qPrintable(QStringLiteral("map %1,%2 %3x%4 in a %5x%6 window")
                                .arg(plotInWindow.x())
                                .arg(plotInWindow.y())
                                .arg(plotInWindow.width())
                                .arg(plotInWindow.height())
                                .arg(w.width())
                                .arg(w.height())));
        // And the map drawn by the chart at the plot's size, as a still of Present.
        QImage still(plot->size(), QImage::Format_ARGB32_Premultiplied);
        {
            QPainter p(&still);
            map->chart()->paint(p, plot->size());
        }
        QVERIFY(layer.lastLabelCount() > 0);
        QVERIFY2(labelsInside(layer, QRectF(QPointF(0, 0), QSizeF(still.size())), &why),
                 qPrintable(why));
    }
};

QTEST_MAIN(TestActorMapChart)
#include "tst_actormapchart.moc"
