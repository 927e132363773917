#include "query/lanes.h"
#include "query/timeindex.h"

#include <QTest>

#include <random>

using namespace chronomap;

// LaneLayout: packing never puts overlapping events in one lane and uses the fewest lanes;
// each mode puts a known event in the right lane(s); the per-lane counting that density
// frames use agrees with a brute-force scan.
class TestLanes : public QObject
{
    Q_OBJECT

private slots:
    void packNeverOverlaps_data();
    void packNeverOverlaps();
    void categoryLanes();
    void actorLanes();
    void packedLanes();
    void countsMatchBruteForce();
    void reorderSurvivesRebuild();
    void filterLeavesRowsOut();
};

namespace {

TimeIndex::Row row(Id id, qint64 a, qint64 b, qint32 category = 0)
{
    TimeIndex::Row r;
    r.id = id;
    r.earliest = r.nominalStart = a;
    r.latest = r.nominalEnd = b;
    r.category = category;
    return r;
}

// The largest number of intervals that share one instant: no packing can use fewer lanes.
int depth(const std::vector<std::pair<qint64, qint64>>& items)
{
    std::vector<std::pair<qint64, int>> edges;
    for (const auto& [a, b] : items) {
        edges.push_back({a, -1}); // starts sort before ends at the same instant: closed ends
        edges.push_back({b, +1});
    }
    std::sort(edges.begin(), edges.end());
    int open = 0, best = 0;
    for (const auto& e : edges) {
        open -= e.second;
        best = std::max(best, open);
    }
    return best;
}

TimeIndex randomIndex(int n, quint32 seed)
{
    std::mt19937 rng(seed);
    TimeIndex index;
    for (int i = 0; i < n; ++i) {
        const qint64 a = qint64(rng() % 100000);
        const qint64 len = rng() % 4 == 0 ? qint64(rng() % 5000) : 0;
        index.append(row(i + 1, a, a + len, qint32(1 + rng() % 3)));
    }
    index.finish();
    return index;
}

} // namespace

void TestLanes::packNeverOverlaps_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("maxLength");
    QTest::addColumn<quint32>("seed");
    QTest::newRow("points") << 500 << 0 << 1u;
    QTest::newRow("short ranges") << 500 << 300 << 2u;
    QTest::newRow("long ranges") << 300 << 20000 << 3u;
    QTest::newRow("one") << 1 << 10 << 4u;
    QTest::newRow("none") << 0 << 10 << 5u;
}

void TestLanes::packNeverOverlaps()
{
    QFETCH(int, count);
    QFETCH(int, maxLength);
    QFETCH(quint32, seed);
    std::mt19937 rng(seed);
    std::vector<std::pair<qint64, qint64>> items;
    for (int i = 0; i < count; ++i) {
        const qint64 a = qint64(rng() % 100000);
        items.push_back({a, a + (maxLength ? qint64(rng() % quint32(maxLength)) : 0)});
    }
    std::sort(items.begin(), items.end());
    std::vector<qint64> starts, ends;
    for (const auto& [a, b] : items) {
        starts.push_back(a);
        ends.push_back(b);
    }
    const std::vector<quint32> lane = LaneLayout::pack(starts, ends);
    QCOMPARE(lane.size(), items.size());
    for (std::size_t i = 0; i < items.size(); ++i)
        for (std::size_t j = i + 1; j < items.size() && items[j].first <= items[i].second; ++j)
            QVERIFY2(lane[i] != lane[j],
                     qPrintable(QStringLiteral("items %1 and %2 overlap").arg(i).arg(j)));
    const int used = lane.empty() ? 0 : int(*std::max_element(lane.begin(), lane.end())) + 1;
    QCOMPARE(used, depth(items));
}

void TestLanes::categoryLanes()
{
    TimeIndex index;
    index.append(row(10, 100, 200, 2));
    index.append(row(11, 150, 150, 1));
    index.append(row(12, 300, 300, 0));
    index.finish();
    LaneLayout layout;
    LaneLayout::Input in;
    in.index = &index;
    in.mode = LaneMode::Category;
    // Listed out of position order, and one without events (left out).
    in.categories = {Category{2, QStringLiteral("War"), Qt::red, 1},
                     Category{1, QStringLiteral("Diplomacy"), Qt::blue, 0},
                     Category{3, QStringLiteral("Empty"), Qt::green, 2}};
    layout.build(in);
    QCOMPARE(layout.laneCount(), std::size_t(3));
    QCOMPARE(layout.laneAt(0).label, QStringLiteral("Diplomacy"));
    QCOMPARE(layout.laneAt(1).label, QStringLiteral("War"));
    QCOMPARE(layout.laneAt(2).key, qint64(0));
    QCOMPARE(layout.positionsOfRow(std::size_t(index.indexOf(10))), std::vector<std::size_t>{1});
    QCOMPARE(layout.positionsOfRow(std::size_t(index.indexOf(11))), std::vector<std::size_t>{0});
    QCOMPARE(layout.positionsOfRow(std::size_t(index.indexOf(12))), std::vector<std::size_t>{2});
}

void TestLanes::actorLanes()
{
    TimeIndex index;
    index.append(row(1, 0, 10));
    index.append(row(2, 20, 30));
    index.append(row(3, 40, 50));
    index.finish();
    LaneLayout layout;
    LaneLayout::Input in;
    in.index = &index;
    in.mode = LaneMode::Actor;
    in.actors = {{100, QStringLiteral("Witkoff")},
                 {200, QStringLiteral("Dmitriev")},
                 {300, QStringLiteral("Rubio")},
                 {400, QStringLiteral("Nobody")}};
    // Event 1 has three actors; event 3 none; Dmitriev is the busiest.
    in.participations = {{1, 100}, {1, 200}, {1, 300}, {2, 200}};
    layout.build(in);
    QCOMPARE(layout.laneCount(), std::size_t(4)); // three actors and "no actor"
    QCOMPARE(layout.laneAt(0).label, QStringLiteral("Dmitriev"));
    const auto lanes = layout.positionsOfRow(0);
    QCOMPARE(lanes.size(), std::size_t(3));
    QStringList labels;
    for (std::size_t p : lanes)
        labels << layout.laneAt(p).label;
    labels.sort();
    QCOMPARE(labels, (QStringList{QStringLiteral("Dmitriev"), QStringLiteral("Rubio"),
                                  QStringLiteral("Witkoff")}));
    QCOMPARE(layout.positionsOfRow(2), std::vector<std::size_t>{3});
    QCOMPARE(layout.laneAt(3).key, qint64(0));
}

void TestLanes::packedLanes()
{
    const TimeIndex index = randomIndex(2000, 9);
    LaneLayout layout;
    LaneLayout::Input in;
    in.index = &index;
    in.mode = LaneMode::Packed;
    layout.build(in);
    QVERIFY(layout.laneCount() > 1);
    for (std::size_t p = 0; p < layout.laneCount(); ++p) {
        const auto& lane = layout.laneAt(p);
        for (std::size_t i = 1; i < lane.rows.size(); ++i) {
            // Rows are in start order: each must start after every earlier one has ended.
            QVERIFY(lane.starts[i] > lane.prefixMaxEnd[i - 1]);
        }
    }
    std::size_t total = 0;
    for (std::size_t p = 0; p < layout.laneCount(); ++p)
        total += layout.laneAt(p).rows.size();
    QCOMPARE(total, index.size());
}

void TestLanes::countsMatchBruteForce()
{
    const TimeIndex index = randomIndex(5000, 17);
    LaneLayout layout;
    LaneLayout::Input in;
    in.index = &index;
    in.mode = LaneMode::Category;
    in.categories = {Category{1, QStringLiteral("a"), Qt::red, 0},
                     Category{2, QStringLiteral("b"), Qt::red, 1},
                     Category{3, QStringLiteral("c"), Qt::red, 2}};
    layout.build(in);
    const auto& lane = layout.laneAt(1);
    for (const auto& [from, to, columns] : std::vector<std::tuple<qint64, qint64, int>>{
             {0, 100000, 97}, {40000, 41000, 300}, {-500, 200, 10}, {99000, 120000, 64}}) {
        std::vector<int> counts;
        LaneLayout::countColumns(lane, from, to, columns, counts);
        const double step = double(to - from) / columns;
        for (int c = 0; c < columns; ++c) {
            const qint64 a = from + qint64(step * c);
            const qint64 b = c + 1 == columns ? to : from + qint64(step * (c + 1));
            int expected = 0;
            for (quint32 r : lane.rows)
                expected += index.earliest()[r] < b && index.latest()[r] >= a;
            QCOMPARE(counts[std::size_t(c)], expected);
        }
        qint64 visible = 0;
        const auto [first, last] = LaneLayout::candidates(lane, from, to - 1);
        for (std::size_t i = first; i < last; ++i)
            visible += index.latest()[lane.rows[i]] >= from;
        QCOMPARE(LaneLayout::countOverlapping(lane, from, to), visible);
    }
}

void TestLanes::reorderSurvivesRebuild()
{
    const TimeIndex index = randomIndex(300, 5);
    LaneLayout layout;
    LaneLayout::Input in;
    in.index = &index;
    in.categories = {Category{1, QStringLiteral("a"), Qt::red, 0},
                     Category{2, QStringLiteral("b"), Qt::red, 1},
                     Category{3, QStringLiteral("c"), Qt::red, 2}};
    layout.build(in);
    layout.moveLane(2, 0);
    QCOMPARE(layout.laneAt(0).label, QStringLiteral("c"));
    QCOMPARE(layout.laneAt(1).label, QStringLiteral("a"));
    const std::size_t r = 0;
    const qint32 cat = index.category()[r];
    QCOMPARE(layout.laneAt(layout.positionsOfRow(r).front()).key, qint64(cat));
    const auto keys = layout.orderKeys();
    LaneLayout again;
    again.build(in);
    again.applyOrder(keys);
    QCOMPARE(again.orderKeys(), keys);
}

void TestLanes::filterLeavesRowsOut()
{
    const TimeIndex index = randomIndex(1000, 3);
    LaneLayout layout;
    LaneLayout::Input in;
    in.index = &index;
    in.mode = LaneMode::Packed;
    in.include = [&index](std::size_t r) { return index.category()[r] == 2; };
    layout.build(in);
    std::size_t expected = 0;
    for (std::size_t r = 0; r < index.size(); ++r) {
        expected += index.category()[r] == 2;
        QCOMPARE(layout.isIncluded(r), index.category()[r] == 2);
    }
    QCOMPARE(layout.includedCount(), expected);
}

QTEST_GUILESS_MAIN(TestLanes)
#include "tst_lanes.moc"
