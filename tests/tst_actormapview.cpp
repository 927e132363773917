#include "actormap/actormaplayer.h"
#include "actormap/actormapview.h"
#include "query/selection.h"
#include "story/generator.h"
#include "story/story.h"

#include <QAction>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

using namespace chronomap;

// The actor map on the seed story, driven the way the timeline and a user drive it: through
// Selection, the mouse and the map's actions.
class TestActorMapView : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Story> m_story;
    Selection* m_selection = nullptr;
    ActorMapView* m_view = nullptr;

    Id actorNamed(const QString& name) const
    {
        for (const Actor& a : m_story->store().actors())
            if (a.name == name)
                return a.id;
        return 0;
    }
    int nodeOf(Id id) const
    {
        const QList<Actor> actors = m_story->store().actors();
        QList<Id> ids;
        for (const Actor& a : actors)
            ids.append(a.id);
        std::sort(ids.begin(), ids.end());
        return int(ids.indexOf(id));
    }
    int edgeOfType(const QString& type) const
    {
        const auto& edges = m_view->layer()->scene().edges;
        for (std::size_t e = 0; e < edges.size(); ++e)
            if (edges[e].type == type)
                return int(e);
        return -1;
    }
    QAction* action(const QString& text) const
    {
        for (QAction* a : m_view->actions())
            if (a->text() == text)
                return a;
        return nullptr;
    }

    // A generated story of `actors` actors shown on a 1000x700 map, laid out and fitted.
    struct GeneratedMap
    {
        GeneratedMap(const QString& path, qint64 actors)
            : story((create(path, actors), Story::open(path))), view(story.get(), &selection)
        {
            view.setAnimated(false);
            view.resize(1000, 700);
            view.show();
        }
        static void create(const QString& path, qint64 actors)
        {
            auto store = Store::open(path, Store::Mode::Create);
            GenerateOptions options;
            options.events = 20;
            options.actors = actors;
            generateStory(*store, options);
        }
        // Lays the map out and draws one frame as the window does.
        QCustomPlot* draw()
        {
            view.layoutNow();
            view.fitMap();
            view.plot()->replot(QCustomPlot::rpImmediateRefresh);
            return view.plot();
        }
        std::unique_ptr<Story> story;
        Selection selection;
        ActorMapView view;
    };

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(
            QStringLiteral("s%1.chronomap").arg(QLatin1String(QTest::currentTestFunction())));
        m_story = Story::create(path);
        m_selection = new Selection;
        m_view = new ActorMapView(m_story.get(), m_selection);
        m_view->setAnimated(false);
        m_view->resize(1200, 800);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view));
        m_view->layoutNow();
        m_view->fitMap();
        m_view->plot()->replot(QCustomPlot::rpImmediateRefresh);
    }
    void cleanup()
    {
        delete m_view;
        delete m_selection;
        m_story.reset();
    }

    void clickingAnActorLightsUpItsEvents()
    {
        const Id witkoff = actorNamed(QStringLiteral("Steve Witkoff"));
        QVERIFY(witkoff);
        const auto at = m_view->pixelOf(witkoff);
        QVERIFY(at);
        QTest::mouseClick(m_view->plot(), Qt::LeftButton, {}, at->toPoint());
        QSet<Id> expected;
        for (const Event& e : m_story->store().eventsOfActor(witkoff))
            expected.insert(e.id);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(m_selection->highlightedEvents(), expected);
        QCOMPARE(m_selection->selectedActors(), QSet<Id>{witkoff});
        QCOMPARE(m_selection->current(),
                 std::optional<EntityRef>(EntityRef{EntityKind::Actor, witkoff}));
        QVERIFY(m_view->layer()->scene().nodes[std::size_t(nodeOf(witkoff))].flags &
                MapScene::NodeEmphasised);
    }

    void timelineHighlightEmphasisesActors()
    {
        const Id putin = actorNamed(QStringLiteral("Vladimir Putin"));
        const Id trump = actorNamed(QStringLiteral("Donald Trump"));
        const Id hamas = actorNamed(QStringLiteral("Hamas"));
        // What the timeline does when the user picks the summit.
        m_selection->setHighlight({1}, {putin, trump});
        const auto& nodes = m_view->layer()->scene().nodes;
        QVERIFY(nodes[std::size_t(nodeOf(putin))].flags & MapScene::NodeEmphasised);
        QVERIFY(nodes[std::size_t(nodeOf(trump))].flags & MapScene::NodeEmphasised);
        QVERIFY(nodes[std::size_t(nodeOf(hamas))].flags & MapScene::NodeDimmed);
        m_selection->setHighlight({}, {});
        QVERIFY(!(nodes[std::size_t(nodeOf(hamas))].flags & MapScene::NodeDimmed));
    }

    void filterActionsSetTheActorFilter()
    {
        const Id rubio = actorNamed(QStringLiteral("Marco Rubio"));
        m_view->pickActor(rubio);
        QAction* only = action(QStringLiteral("Show Only This Actor's Events"));
        QAction* clear = action(QStringLiteral("Clear Actor Filter"));
        QVERIFY(only && clear);
        QVERIFY(only->isEnabled());
        only->trigger();
        QCOMPARE(m_selection->filter().actors, QSet<Id>{rubio});
        QVERIFY(clear->isEnabled());
        clear->trigger();
        QVERIFY(m_selection->filter().actors.isEmpty());
    }

    void draggingPinsAndUnpinReleases()
    {
        const Id rubio = actorNamed(QStringLiteral("Marco Rubio"));
        const QPoint from = m_view->pixelOf(rubio)->toPoint();
        const QPoint to = from + QPoint(-60, 40);
        QTest::mousePress(m_view->plot(), Qt::LeftButton, {}, from);
        QMouseEvent move(QEvent::MouseMove, QPointF(from + QPoint(-30, 20)),
                         m_view->plot()->mapToGlobal(QPointF(from + QPoint(-30, 20))), Qt::NoButton,
                         Qt::LeftButton, {});
        QApplication::sendEvent(m_view->plot(), &move);
        QMouseEvent move2(QEvent::MouseMove, QPointF(to), m_view->plot()->mapToGlobal(QPointF(to)),
                          Qt::NoButton, Qt::LeftButton, {});
        QApplication::sendEvent(m_view->plot(), &move2);
        QTest::mouseRelease(m_view->plot(), Qt::LeftButton, {}, to);

        const auto stored = m_story->store().actor(rubio);
        QVERIFY(stored->pinnedX && stored->pinnedY);
        const QPointF where(m_view->plot()->xAxis->pixelToCoord(to.x()),
                            m_view->plot()->yAxis->pixelToCoord(to.y()));
        QCOMPARE(*stored->pinnedX, where.x());
        QCOMPARE(*stored->pinnedY, where.y());
        QCOMPARE(*m_view->positionOf(rubio), where);
        QVERIFY(m_view->layer()->scene().nodes[std::size_t(nodeOf(rubio))].flags &
                MapScene::NodePinned);

        // A new layout keeps the pin exactly.
        m_view->layoutNow();
        QCOMPARE(*m_view->positionOf(rubio), where);

        m_view->pickActor(rubio);
        QAction* unpin = action(QStringLiteral("Unpin Actor"));
        QVERIFY(unpin && unpin->isEnabled());
        unpin->trigger();
        QVERIFY(!m_story->store().actor(rubio)->pinnedX);
        QVERIFY(!(m_view->layer()->scene().nodes[std::size_t(nodeOf(rubio))].flags &
                  MapScene::NodePinned));
    }

    void windowShowsRelationsAsOf()
    {
        const int talks = edgeOfType(QStringLiteral("negotiates with"));
        const int summit = edgeOfType(QStringLiteral("met at a summit"));
        const int war = edgeOfType(QStringLiteral("at war with")); // undated
        QVERIFY(talks >= 0 && summit >= 0 && war >= 0);
        const auto& edges = m_view->layer()->scene().edges;
        m_selection->setTimeWindow(PartialDate::fromEdtf(QStringLiteral("2025-08")).earliest(),
                                   PartialDate::fromEdtf(QStringLiteral("2025-08")).latest());
        QVERIFY(edges[std::size_t(talks)].flags & MapScene::EdgeHidden);
        QVERIFY(!(edges[std::size_t(summit)].flags & MapScene::EdgeHidden));
        QVERIFY(!(edges[std::size_t(war)].flags & MapScene::EdgeHidden));
        m_selection->setTimeWindow(PartialDate::fromEdtf(QStringLiteral("2025-10-20")).earliest(),
                                   PartialDate::fromEdtf(QStringLiteral("2025-10-31")).latest());
        QVERIFY(!(edges[std::size_t(talks)].flags & MapScene::EdgeHidden));
        QVERIFY(edges[std::size_t(summit)].flags & MapScene::EdgeHidden);
        // The new window's layout arrives from the worker.
        QSignalSpy done(m_view, &ActorMapView::layoutFinished);
        QVERIFY(done.wait(10000));
        m_view->plot()->replot(QCustomPlot::rpImmediateRefresh);
        QVERIFY(m_view->layer()->lastLabelCount() > 0);
    }

    void windowChangesRunNoLayout()
    {
        // The map's layout is made once per story revision: moving the window N times (as a
        // zoom or a brush does) keeps every actor where it stands and runs no new layout,
        // whether the window's analysis runs now or on the worker.
        const int runs = m_view->layoutRuns();
        QCOMPARE(runs, 1);
        std::vector<std::pair<Id, QPointF>> before;
        for (const Actor& a : m_story->store().actors())
            if (const auto p = m_view->positionOf(a.id))
                before.emplace_back(a.id, *p);
        QVERIFY(!before.empty());
        const qint64 start = PartialDate::fromEdtf(QStringLiteral("2025-08")).earliest();
        for (int i = 0; i < 8; ++i) {
            const qint64 from = start + qint64(i) * 9 * 86400;
            m_selection->setTimeWindow(from, from + (20 + 10 * i) * 86400);
            if (i % 2 == 0)
                m_view->layoutNow();
        }
        QSignalSpy done(m_view, &ActorMapView::layoutFinished);
        m_selection->setTimeWindow(start, start + 40 * 86400);
        QVERIFY(done.wait(10000));
        QCOMPARE(m_view->layoutRuns(), runs);
        for (const auto& [id, where] : before)
            QCOMPARE(*m_view->positionOf(id), where);
        // Asked for, it lays out again.
        QAction* again = action(QStringLiteral("Lay Out Map Again"));
        QVERIFY(again);
        again->trigger();
        QVERIFY(done.wait(10000));
        QCOMPARE(m_view->layoutRuns(), runs + 1);
    }

    void egoViewShowsNeighbours()
    {
        const Id witkoff = actorNamed(QStringLiteral("Steve Witkoff"));
        m_view->pickActor(witkoff);
        m_view->setEgoSteps(1);
        const auto& nodes = m_view->layer()->scene().nodes;
        auto hidden = [&](const char* name) {
            return bool(nodes[std::size_t(nodeOf(actorNamed(QString::fromUtf8(name))))].flags &
                        MapScene::NodeHidden);
        };
        QVERIFY(!hidden("Steve Witkoff"));
        QVERIFY(!hidden("Kirill Dmitriev"));
        QVERIFY(!hidden("Donald Trump"));
        QVERIFY(hidden("Volodymyr Zelensky"));
        QVERIFY(hidden("Hamas"));
        m_view->setEgoSteps(2);
        QVERIFY(!hidden("Vladimir Putin")); // via Trump
        QVERIFY(hidden("Hamas"));
        m_view->setEgoSteps(0);
        QVERIFY(!hidden("Hamas"));
    }

    void everyActorIsLabelled()
    {
        // The seed story's map at the size of the window's map pane and of an export: every
        // actor of the article gets its name, and relations carry their type where they fit.
        for (const QSize size : {QSize(1200, 800), QSize(1300, 400)}) {
            m_view->resize(size);
            m_view->plot()->resize(size);
            m_view->fitMap();
            m_view->plot()->replot(QCustomPlot::rpImmediateRefresh);
            QCOMPARE(m_view->layer()->lastLabelCount(), int(m_story->store().actors().size()));
            QVERIFY(m_view->layer()->lastEdgeLabelCount() >= 6);
        }
    }

    void largeMapPansFromItsCache()
    {
        // A map past the level-of-detail threshold draws its body once; panning a little
        // reuses it in the window (whose painter is shifted half a pixel for antialiasing).
        GeneratedMap map(m_dir.filePath(QStringLiteral("large.chronomap")), 900);
        QVERIFY(QTest::qWaitForWindowExposed(&map.view));
        ActorMapView& view = map.view;
        QCustomPlot* plot = map.draw();
        QVERIFY(view.layer()->lastDrawWasLarge());
        QVERIFY(!view.layer()->lastDrawWasFromCache());
        plot->xAxis->moveRange(plot->xAxis->range().size() * 0.02);
        plot->yAxis->moveRange(plot->yAxis->range().size() * 0.01);
        plot->replot(QCustomPlot::rpImmediateRefresh);
        QVERIFY(view.layer()->lastDrawWasFromCache());
        // Zoomed far out the cached image would be too coarse: drawn afresh.
        plot->xAxis->scaleRange(3);
        plot->yAxis->scaleRange(3);
        plot->replot(QCustomPlot::rpImmediateRefresh);
        QVERIFY(!view.layer()->lastDrawWasFromCache());
    }

    void selectedAndHighlightedActorsAreAlwaysNamed()
    {
        // Level of detail: far out on a large map only actors drawn large enough are named,
        // the most central first; the selected and the highlighted ones are named however
        // small they are drawn.
        GeneratedMap map(m_dir.filePath(QStringLiteral("lod.chronomap")), 2500);
        QVERIFY(QTest::qWaitForWindowExposed(&map.view));
        ActorMapView& view = map.view;
        QCustomPlot* plot = map.draw();
        QVERIFY(view.layer()->lastDrawWasLarge());
        const auto& nodes = view.layer()->scene().nodes;
        const QRectF inside = QRectF(plot->rect()).adjusted(200, 100, -200, -100);
        auto named = [&](int node) {
            // A name sits beside its actor, or up to two lines further out with a leader.
            const QPointF c = view.layer()->pixelOf(nodes[std::size_t(node)].pos);
            const double reach = nodes[std::size_t(node)].radius + 45;
            for (const QRectF& r : view.layer()->lastLabelRects()) {
                const QPointF d(std::clamp(c.x(), r.left(), r.right()) - c.x(),
                                std::clamp(c.y(), r.top(), r.bottom()) - c.y());
                if (std::hypot(d.x(), d.y()) <= reach)
                    return true;
            }
            return false;
        };
        // Two actors drawn too small to be named, well inside the view, and unnamed.
        std::vector<int> small;
        for (std::size_t i = 0; i < nodes.size() && small.size() < 2; ++i)
            if (!(nodes[i].flags & MapScene::NodeHidden) && nodes[i].radius < 3 &&
                inside.contains(view.layer()->pixelOf(nodes[i].pos)) && !named(int(i)))
                small.push_back(int(i));
        QCOMPARE(small.size(), std::size_t(2));
        const Id picked = view.chart()->actorOfNode(small[0]);
        const Id lit = view.chart()->actorOfNode(small[1]);
        map.selection.selectActors({picked});
        map.selection.setHighlight({}, {lit});
        plot->replot(QCustomPlot::rpImmediateRefresh);
        QVERIFY(nodes[std::size_t(small[0])].flags & MapScene::NodeSelected);
        QVERIFY(nodes[std::size_t(small[1])].flags & MapScene::NodeEmphasised);
        QVERIFY(named(small[0]));
        QVERIFY(named(small[1]));
    }

    void veryLargeMapDrawsItsBodyOnAWorker()
    {
        // Past several thousand actors the body is drawn on a worker thread: the frame that
        // asks for it returns at once, and the image arrives through the event loop.
        GeneratedMap map(m_dir.filePath(QStringLiteral("huge.chronomap")), 6000);
        QVERIFY(QTest::qWaitForWindowExposed(&map.view));
        ActorMapView& view = map.view;
        QCustomPlot* plot = map.draw();
        QVERIFY(view.layer()->isDrawingBody());
        QTRY_VERIFY_WITH_TIMEOUT(!view.layer()->isDrawingBody(), 30000);
        QVERIFY(view.layer()->lastBackgroundBodyMs() > 0);
        plot->replot(QCustomPlot::rpImmediateRefresh);
        QVERIFY(view.layer()->lastDrawWasFromCache());
        // Zoomed far out: the old image is shown scaled while the next one is drawn.
        plot->xAxis->scaleRange(3);
        plot->yAxis->scaleRange(3);
        plot->replot(QCustomPlot::rpImmediateRefresh);
        QVERIFY(view.layer()->isDrawingBody());
        QTRY_VERIFY_WITH_TIMEOUT(!view.layer()->isDrawingBody(), 30000);
    }

    void hoverCardsSayWhatAndWhen()
    {
        // The relation's card: its ends, type, when it holds and the article it comes from.
        const int talks = edgeOfType(QStringLiteral("negotiates with"));
        QVERIFY(talks >= 0);
        const QString relation = m_view->relationCard(talks);
        QVERIFY2(relation.contains(QStringLiteral("Steve Witkoff")) &&
                     relation.contains(QStringLiteral("Kirill Dmitriev")),
                 qPrintable(relation));
        QVERIFY2(relation.contains(QStringLiteral("2025?-10-21/2025?-10-31")),
                 qPrintable(relation));
        QVERIFY2(relation.contains(QStringLiteral("Sources:")), qPrintable(relation));
        // The actor's card: kind, role, how many of its relations hold in the window, its
        // centrality and sources.
        const QString actor = m_view->actorCard(actorNamed(QStringLiteral("Steve Witkoff")));
        QVERIFY2(actor.contains(QStringLiteral("person")), qPrintable(actor));
        QVERIFY2(actor.contains(QStringLiteral("relations hold in this window")),
                 qPrintable(actor));
        QVERIFY2(actor.contains(QStringLiteral("PageRank")), qPrintable(actor));
        QVERIFY2(actor.contains(QStringLiteral("Sources:")), qPrintable(actor));
    }
};

QTEST_MAIN(TestActorMapView)
#include "tst_actormapview.moc"
