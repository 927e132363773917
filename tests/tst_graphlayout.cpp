#include "graph/actorgraph.h"
#include "graph/graphanalysis.h"
#include "graph/graphjob.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace chronomap;

namespace {

Actor actor(Id id)
{
    Actor a;
    a.id = id;
    a.name = QStringLiteral("A%1").arg(id);
    return a;
}

Relation relation(Id id, Id from, Id to, const QString& edtf = {}, bool directed = true)
{
    Relation r;
    r.directed = directed;
    r.id = id;
    r.sourceId = from;
    r.targetId = to;
    r.type = QStringLiteral("knows");
    if (!edtf.isEmpty())
        r.valid = PartialDate::fromEdtf(edtf);
    return r;
}

// A reproducible sparse graph: each actor links to up to three earlier ones.
ActorGraph randomGraph(int n)
{
    QList<Actor> actors;
    QList<Relation> relations;
    quint64 state = 12345;
    auto next = [&state] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return state >> 33;
    };
    for (int i = 1; i <= n; ++i) {
        actors.append(actor(i));
        for (int k = 0; k < std::min(3, i - 1); ++k)
            relations.append(relation(relations.size() + 1, i, Id(1 + next() % quint64(i - 1))));
    }
    return ActorGraph::build(actors, relations);
}

// Two cliques of five joined by one edge.
ActorGraph twoCliques()
{
    QList<Actor> actors;
    QList<Relation> relations;
    for (int i = 1; i <= 10; ++i)
        actors.append(actor(i));
    for (int base : {0, 5})
        for (int i = 1; i <= 5; ++i)
            for (int j = i + 1; j <= 5; ++j)
                relations.append(relation(relations.size() + 1, base + i, base + j));
    relations.append(relation(relations.size() + 1, 5, 6));
    return ActorGraph::build(actors, relations);
}

} // namespace

// Layout, centrality and communities of core/graph on small graphs whose answers are known.
class TestGraphLayout : public QObject
{
    Q_OBJECT

private slots:
    void layoutIsDeterministic_data()
    {
        QTest::addColumn<int>("nodes");
        QTest::newRow("small, exact forces") << 60;
        QTest::newRow("large, grid forces") << 1500;
    }
    void layoutIsDeterministic()
    {
        QFETCH(int, nodes);
        const ActorGraph g = randomGraph(nodes);
        const auto a = layoutGraph(g, {}, {});
        const auto b = layoutGraph(g, {}, {});
        QCOMPARE(int(a.size()), nodes);
        QCOMPARE(a, b);
        // Not degenerate: the nodes are spread out.
        double spread = 0;
        for (const QPointF& p : a)
            spread = std::max(spread, std::abs(p.x()) + std::abs(p.y()));
        QVERIFY(spread > 1.0);
        LayoutOptions other;
        other.seed = 99;
        QVERIFY(layoutGraph(g, {}, other) != a);
    }

    void pinnedNodesStayWherePinned()
    {
        ActorGraph g = randomGraph(80);
        g.pinned[0] = QPointF(12.5, -3.25);
        g.pinned[41] = QPointF(-7.0, 4.0);
        const auto out = layoutGraph(g, {}, {});
        QCOMPARE(out[0], QPointF(12.5, -3.25));
        QCOMPARE(out[41], QPointF(-7.0, 4.0));
        QVERIFY(out[1] != QPointF(12.5, -3.25));
    }

    void starCentreIsMostCentral()
    {
        QList<Actor> actors;
        QList<Relation> relations;
        for (int i = 1; i <= 7; ++i)
            actors.append(actor(i));
        for (int i = 2; i <= 7; ++i)
            relations.append(relation(i, i, 4 == i ? 1 : 4, {}, false)); // centre: actor 4
        relations.append(relation(100, 4, 1, {}, false));
        const ActorGraph g = ActorGraph::build(actors, relations);
        const Centrality c = computeCentrality(g, {});
        const int centre = g.indexOf.value(4);
        for (int i = 0; i < g.nodeCount(); ++i) {
            if (i == centre)
                continue;
            QVERIFY(c.degree[std::size_t(centre)] > c.degree[std::size_t(i)]);
            QVERIFY(c.betweenness[std::size_t(centre)] > c.betweenness[std::size_t(i)]);
            QVERIFY(c.pageRank[std::size_t(centre)] > c.pageRank[std::size_t(i)]);
        }
        QCOMPARE(c.degree[std::size_t(centre)], 7.0);
        QVERIFY(!c.betweennessEstimated);
    }

    void twoCliquesAreTwoCommunities()
    {
        const ActorGraph g = twoCliques();
        const Communities c = detectCommunities(g, {});
        QCOMPARE(c.count, 2);
        for (int i = 1; i < 5; ++i) {
            QCOMPARE(c.membership[std::size_t(i)], c.membership[0]);
            QCOMPARE(c.membership[std::size_t(5 + i)], c.membership[5]);
        }
        QVERIFY(c.membership[0] != c.membership[5]);
    }

    void cancelledLayoutStopsAndSaysSo()
    {
        const ActorGraph g = randomGraph(3000);
        GraphControl control;
        int reports = 0;
        // Cancel from inside the run, at its first progress report.
        control.setProgressCallback([&](double) {
            if (++reports == 2)
                control.cancel();
        });
        LayoutOptions many;
        many.iterations = 100000; // would take minutes if cancelling did not work
        QVERIFY_THROWS_EXCEPTION(GraphCancelled, layoutGraph(g, {}, many, &control));
        QVERIFY(reports >= 2);
        QVERIFY(reports < 100);
        // igraph is usable again afterwards.
        QCOMPARE(int(layoutGraph(g, {}, {}).size()), 3000);
    }

    void jobReportsCancellation()
    {
        GraphJob job;
        QSignalSpy failed(&job, &GraphJob::failed);
        QSignalSpy finished(&job, &GraphJob::finished);
        job.start(randomGraph(20000), {}, {});
        job.cancel();
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().at(1).toBool(), true);
        QCOMPARE(finished.size(), 0);

        job.start(randomGraph(40), {}, {});
        QVERIFY(finished.wait(10000));
        const auto result = finished.first().at(0).value<std::shared_ptr<const MapAnalysis>>();
        QVERIFY(result);
        QCOMPARE(int(result->positions.size()), 40);
    }

    void relationValidity_data()
    {
        QTest::addColumn<QString>("edtf");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<bool>("valid");
        QTest::newRow("undated holds always") << ""
                                              << "2025-08-01"
                                              << "2025-08-31" << true;
        QTest::newRow("inside") << "2025-08-15"
                                << "2025-08-01"
                                << "2025-08-31" << true;
        QTest::newRow("month covers window") << "2025-08"
                                             << "2025-08-10"
                                             << "2025-08-12" << true;
        QTest::newRow("overlaps the start") << "2025-07-20/2025-08-02"
                                            << "2025-08-01"
                                            << "2025-08-31" << true;
        QTest::newRow("before") << "2025-07"
                                << "2025-08-01"
                                << "2025-08-31" << false;
        QTest::newRow("after") << "2025-10-21/2025-10-31"
                               << "2025-08-01"
                               << "2025-08-31" << false;
        QTest::newRow("open end") << "2025-01/.."
                                  << "2025-10-20"
                                  << "2025-10-31" << true;
        QTest::newRow("open end, before it began") << "2025-01/.."
                                                   << "2024-10-20"
                                                   << "2024-10-31" << false;
        QTest::newRow("open start") << "../2024"
                                    << "2020-01-01"
                                    << "2020-01-31" << true;
    }
    void relationValidity()
    {
        QFETCH(QString, edtf);
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(bool, valid);
        const PartialDate d = edtf.isEmpty() ? PartialDate() : PartialDate::fromEdtf(edtf);
        QVERIFY(edtf.isEmpty() || d.isValid());
        const qint64 f = PartialDate::fromEdtf(from).earliest();
        const qint64 t = PartialDate::fromEdtf(to).latest();
        QCOMPARE(relationValidIn(d, f, t), valid);
    }

    void windowMasksEdgesAndNeighbourhoods()
    {
        const QList<Actor> actors = {actor(1), actor(2), actor(3), actor(4)};
        const QList<Relation> relations = {relation(1, 1, 2, QStringLiteral("2025-08")),
                                           relation(2, 2, 3),
                                           relation(3, 3, 4, QStringLiteral("2025-10"))};
        const ActorGraph g = ActorGraph::build(actors, relations);
        const auto aug = g.edgesValidIn(PartialDate::fromEdtf(QStringLiteral("2025-08")).earliest(),
                                        PartialDate::fromEdtf(QStringLiteral("2025-08")).latest());
        QCOMPARE(aug, (std::vector<char>{1, 1, 0}));
        QCOMPARE(g.edgesValidIn(0, 0), (std::vector<char>{1, 1, 1}));
        QCOMPARE(g.neighbourhood(0, 1, aug), (std::vector<char>{1, 1, 0, 0}));
        QCOMPARE(g.neighbourhood(0, 2, aug), (std::vector<char>{1, 1, 1, 0}));
        QCOMPARE(g.neighbourhood(0, 3, {}), (std::vector<char>{1, 1, 1, 1}));
    }
};

QTEST_GUILESS_MAIN(TestGraphLayout)
#include "tst_graphlayout.moc"
