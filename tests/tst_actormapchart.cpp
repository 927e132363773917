// The actor map as a chart without a widget: it lays out once per story revision, draws at
// any size with every label inside what it paints, and is what the export and Present draw.
#include "actormap/actormapchart.h"
#include "actormap/actormaplayer.h"
#include "actormap/actormapview.h"
#include "edit/sceneedits.h"
#include "export/chartcomposer.h"
#include "graph/graphanalysis.h"
#include "interchange/interchange.h"
#include "present/presentwindow.h"
#include "present/scenestate.h"
#include "query/selection.h"
#include "story/story.h"
#include "theme/charttheme.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

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

// A new story holding what a real file from ../shared/realworld brings (nullptr: not there).
std::unique_ptr<Story> importedStory(const QString& dir, const QString& file)
{
    const QString input = QStringLiteral(CHRONOMAP_REALWORLD "/") + file;
    if (!QFile::exists(input))
        return nullptr;
    const QString path =
        dir + QStringLiteral("/") + QFileInfo(file).baseName() + QStringLiteral(".chronomap");
    auto story = Story::create(path, true);
    applyParsedImport(story->store(), parseImport(input));
    story.reset();
    return Story::open(path);
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

    void colourByGephiModularityClass()
    {
        auto story = importedStory(m_dir.path(), QStringLiteral("gexf/gephi-les-miserables.gexf"));
        if (!story)
            QSKIP("../shared/realworld is not there");
        const QString key = ActorMapChart::attributeKey(QStringLiteral("Modularity Class"));
        {
            Selection selection;
            ActorMapChart chart(story.get(), &selection);
            chart.setAnimated(false);
            chart.layoutNow();
            bool offered = false;
            for (const auto& o : chart.colourOptions())
                offered = offered || o.key == key;
            QVERIFY(offered);
            chart.setColourKey(key);
            // Actors of one class share a colour, and classes differ from each other.
            const MapScene& scene = chart.layer()->scene();
            QHash<QString, QColor> colourOfClass;
            QSet<QRgb> colours;
            for (int i = 0; i < chart.graph().nodeCount(); ++i) {
                const QString cls =
                    attributeText(chart.actors()[i].attributes, QStringLiteral("Modularity Class"));
                QVERIFY(!cls.isEmpty());
                const QColor fill = scene.nodes[std::size_t(i)].fill;
                if (colourOfClass.contains(cls))
                    QCOMPARE(fill, colourOfClass.value(cls));
                colourOfClass.insert(cls, fill);
                colours.insert(fill.rgb());
            }
            QVERIFY(colourOfClass.size() >= 5);
            QCOMPARE(colours.size(), colourOfClass.size());
            // The legend names the attribute and lists every class with its colour.
            QCOMPARE(scene.colourTitle, QStringLiteral("Modularity Class"));
            QCOMPARE(int(scene.colourKey.size()), int(colourOfClass.size()));
            for (const auto& [value, colour] : scene.colourKey)
                QCOMPARE(colour, colourOfClass.value(value));
            chart.rememberStyle();
        }
        // The story remembers it: an export draws the same colours and key.
        QCOMPARE(story->store().meta(QStringLiteral("map.colourBy")), key);
        ExportRequest request;
        request.view = QStringLiteral("actors");
        request.output = m_dir.filePath(QStringLiteral("miserables.png"));
        ChartComposer composer(*story, request);
        const QImage image = composer.image(QSize(1600, 1000));
        QCOMPARE(composer.actorMapChart()->colourKey(), key);
        QVERIFY(composer.actorMapChart()->layer()->scene().colourKey.size() >= 5);
        QCOMPARE(image.size(), QSize(1600, 1000));
    }

    void gephiPositionsAreTheStartNotPins()
    {
        // Gephi's viz:position is the file's layout: the map starts from it and keeps it, but
        // no actor is pinned (a pin is the user's undoable edit), and a new layout the user
        // asks for starts from it.
        const QString file = QStringLiteral("gexf/gephi-les-miserables.gexf");
        const QString dir = m_dir.filePath(QStringLiteral("positions")); // a story of its own
        QVERIFY(QDir().mkpath(dir));
        auto story = importedStory(dir, file);
        if (!story)
            QSKIP("../shared/realworld is not there");
        // The file's positions, read here by label (unique in this file).
        QHash<QString, QPointF> inFile;
        {
            QFile f(QStringLiteral(CHRONOMAP_REALWORLD "/") + file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QXmlStreamReader xml(&f);
            QString label;
            while (!xml.atEnd()) {
                if (xml.readNext() != QXmlStreamReader::StartElement)
                    continue;
                if (xml.name() == QLatin1String("node"))
                    label = xml.attributes().value(QLatin1String("label")).toString();
                else if (xml.name() == QLatin1String("position"))
                    inFile.insert(label,
                                  QPointF(xml.attributes().value(QLatin1String("x")).toDouble(),
                                          xml.attributes().value(QLatin1String("y")).toDouble()));
            }
        }
        const QList<Actor> actors = story->store().actors();
        QCOMPARE(inFile.size(), actors.size());
        for (const Actor& a : actors) {
            QVERIFY2(!a.pinnedX && !a.pinnedY, qPrintable(a.name));
            QVERIFY(inFile.contains(a.name));
        }

        Selection selection;
        ActorMapChart chart(story.get(), &selection);
        chart.setAnimated(false);
        chart.setSize(QSize(1200, 800));
        chart.layoutNow();
        QCOMPARE(chart.layoutRuns(), 0); // kept, not recomputed
        const MapScene& scene = chart.layer()->scene();
        for (const Actor& a : actors) {
            const auto at = chart.positionOf(a.id);
            QVERIFY(at);
            QCOMPARE(*at, inFile.value(a.name));
            QVERIFY(!(scene.nodes[std::size_t(chart.nodeOf(a.id))].flags & MapScene::NodePinned));
        }

        // The user asks for a new layout: it runs, from the file's picture, and moves actors
        // (none is held as a pin); the story still pins none.
        std::vector<QPointF> start;
        for (const auto& p : chart.graph().given) {
            QVERIFY(p);
            start.push_back(*p);
        }
        LayoutOptions options;
        options.start = start;
        options.fitStart = true;
        const std::vector<QPointF> expected = layoutGraph(chart.graph(), {}, options);
        chart.relayout();
        chart.layoutNow();
        QCOMPARE(chart.layoutRuns(), 1);
        int moved = 0;
        for (const Actor& a : actors) {
            const QPointF now = *chart.positionOf(a.id);
            QCOMPARE(now, expected[std::size_t(chart.nodeOf(a.id))]);
            moved += now != inFile.value(a.name) ? 1 : 0;
        }
        QVERIFY(moved > actors.size() / 2);
        for (const Actor& a : story->store().actors())
            QVERIFY(!a.pinnedX && !a.pinnedY);
    }

    void sizeByANumericAttribute()
    {
        auto story =
            importedStory(m_dir.path(), QStringLiteral("gexf/gephilite-people-software.gexf"));
        if (!story)
            QSKIP("../shared/realworld is not there");
        Selection selection;
        ActorMapChart chart(story.get(), &selection);
        chart.setAnimated(false);
        chart.layoutNow();
        const QString key = ActorMapChart::attributeKey(QStringLiteral("degree"));
        bool offered = false;
        for (const auto& o : chart.sizeOptions())
            offered = offered || o.key == key;
        QVERIFY(offered);
        chart.setSizeKey(key);
        // Larger values, larger actors; the smallest and largest values at the map's ends.
        const MapScene& scene = chart.layer()->scene();
        double lo = 1e18, hi = -1e18;
        float smallest = 1e9f, largest = 0;
        for (int i = 0; i < chart.graph().nodeCount(); ++i) {
            const Attribute* a =
                findAttribute(chart.actors()[i].attributes, QStringLiteral("degree"));
            QVERIFY(a && a->number());
            lo = std::min(lo, *a->number());
            hi = std::max(hi, *a->number());
            smallest = std::min(smallest, scene.nodes[std::size_t(i)].size);
            largest = std::max(largest, scene.nodes[std::size_t(i)].size);
        }
        QVERIFY(hi > lo);
        QVERIFY(largest > smallest);
        for (int i = 0; i < chart.graph().nodeCount(); ++i)
            for (int j = 0; j < chart.graph().nodeCount(); ++j) {
                const double vi =
                    *findAttribute(chart.actors()[i].attributes, QStringLiteral("degree"))
                         ->number();
                const double vj =
                    *findAttribute(chart.actors()[j].attributes, QStringLiteral("degree"))
                         ->number();
                if (vi < vj)
                    QVERIFY(scene.nodes[std::size_t(i)].size < scene.nodes[std::size_t(j)].size);
                if (vi == lo)
                    QCOMPARE(scene.nodes[std::size_t(i)].size, smallest);
                if (vi == hi)
                    QCOMPARE(scene.nodes[std::size_t(i)].size, largest);
            }
    }

    void actorsOutsideTheirValidityHideAsOfTheWindow()
    {
        // A dynamic GEXF as Gephi writes it: node spells become the actors' validity.
        const QString input = m_dir.filePath(QStringLiteral("dynamic.gexf"));
        {
            QFile f(input);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(
                "<?xml version='1.0' encoding='UTF-8'?>\n"
                "<gexf xmlns='http://gexf.net/1.3' version='1.3'>\n"
                "<graph mode='dynamic' defaultedgetype='undirected' timeformat='date'>\n"
                "<nodes>\n"
                "<node id='a' label='Always'/>\n"
                "<node id='old' label='Old Guard' start='2001-01-01' end='2003-12-31'/>\n"
                "<node id='new' label='Newcomer'>\n"
                "<spells><spell start='2020-01-01' end='2022-12-31'/></spells>\n"
                "</node>\n"
                "</nodes>\n"
                "<edges>\n"
                "<edge id='e1' source='a' target='old'/>\n"
                "<edge id='e2' source='a' target='new'/>\n"
                "<edge id='e3' source='old' target='new' start='2001-01-01' end='2030-01-01'/>\n"
                "<edge id='e4' source='a' target='new' start='2021-01-01' end='2021-02-01'/>\n"
                "</edges>\n"
                "</graph>\n"
                "</gexf>\n");
        }
        const QString path = m_dir.filePath(QStringLiteral("dynamic.chronomap"));
        {
            auto created = Story::create(path, true);
            applyParsedImport(created->store(), parseImport(input));
        }
        auto story = Story::open(path);
        Selection selection;
        ActorMapChart chart(story.get(), &selection);
        chart.setAnimated(false);
        chart.layoutNow();
        auto node = [&](const QString& name) {
            for (int i = 0; i < chart.graph().nodeCount(); ++i)
                if (chart.actors()[i].name == name)
                    return i;
            return -1;
        };
        auto edge = [&](Id from, Id to, bool dated) {
            for (int e = 0; e < chart.graph().edgeCount(); ++e) {
                const Relation& r = chart.relations()[e];
                if (r.valid.isValid() == dated && ((r.sourceId == from && r.targetId == to) ||
                                                   (r.sourceId == to && r.targetId == from)))
                    return e;
            }
            return -1;
        };
        const int a = node(QStringLiteral("Always")), old = node(QStringLiteral("Old Guard")),
                  fresh = node(QStringLiteral("Newcomer"));
        QVERIFY(a >= 0 && old >= 0 && fresh >= 0);
        QVERIFY(actorValidity(chart.actors()[old]).isValid());
        QVERIFY(!actorValidity(chart.actors()[a]).isValid());
        const Id idA = chart.actorOfNode(a), idOld = chart.actorOfNode(old),
                 idNew = chart.actorOfNode(fresh);
        const int e1 = edge(idA, idOld, false), e2 = edge(idA, idNew, false),
                  e3 = edge(idOld, idNew, true), e4 = edge(idA, idNew, true);
        QVERIFY(e1 >= 0 && e2 >= 0 && e3 >= 0 && e4 >= 0);
        const MapScene& scene = chart.layer()->scene();
        auto hidden = [&](int n) {
            return bool(scene.nodes[std::size_t(n)].flags & MapScene::NodeHidden);
        };
        auto edgeHidden = [&](int e) {
            return bool(scene.edges[std::size_t(e)].flags & MapScene::EdgeHidden);
        };
        // No window: everyone.
        QVERIFY(!hidden(a) && !hidden(old) && !hidden(fresh));
        QVERIFY(!edgeHidden(e1) && !edgeHidden(e2) && !edgeHidden(e3));
        // As of 2020-2021: the old guard is gone, with its relations; the newcomer is there.
        selection.setTimeWindow(at(2020, 6, 1), at(2021, 6, 1));
        QVERIFY(!hidden(a) && hidden(old) && !hidden(fresh));
        QVERIFY(edgeHidden(e1) && !edgeHidden(e2) && edgeHidden(e3) && !edgeHidden(e4));
        // As of 2020 (before the dated relation): its time bounds hide it.
        selection.setTimeWindow(at(2020, 2, 1), at(2020, 3, 1));
        QVERIFY(edgeHidden(e4) && !edgeHidden(e2));
        // As of 2002: the newcomer is not there yet.
        selection.setTimeWindow(at(2002, 1, 1), at(2002, 12, 31));
        QVERIFY(!hidden(a) && !hidden(old) && hidden(fresh));
        QVERIFY(!edgeHidden(e1) && edgeHidden(e2) && edgeHidden(e3));
        // The layout was made once; the window only hides and shows.
        chart.layoutNow();
        QCOMPARE(chart.layoutRuns(), 1);
        // The one predicate, asked directly.
        const EventFilter filter(story->store(), story->timeIndex(), FilterSpec());
        QVERIFY(filter.passes(chart.actors()[old]));
        QVERIFY(!filter.passesAsOf(chart.actors()[old], at(2020, 1, 1), at(2023, 1, 1)));
        QVERIFY(filter.passesAsOf(chart.actors()[fresh], at(2020, 1, 1), at(2023, 1, 1)));
        QVERIFY(!filter.passesAsOf(chart.actors()[fresh], at(2010, 1, 1), at(2011, 1, 1)));
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
