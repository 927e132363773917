#include "query/timeindex.h"
#include "story/generator.h"
#include "story/story.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

using namespace chronomap;

// TimeIndex: window queries agree with a brute-force scan; edits keep it sorted. Also the
// generator's determinism, which the index's tests rely on.
class TestTimeIndex : public QObject
{
    Q_OBJECT

private slots:
    void windowMatchesBruteForce();
    void upsertAndRemoveKeepOrder();
    void loadsInStartOrder();
    void generateIsDeterministic();
    void generateMakesTheSameStoryAsBefore();
};

namespace {
TimeIndex::Row row(Id id, qint64 a, qint64 b)
{
    TimeIndex::Row r;
    r.id = id;
    r.earliest = r.nominalStart = a;
    r.latest = r.nominalEnd = b;
    return r;
}
} // namespace

void TestTimeIndex::windowMatchesBruteForce()
{
    TimeIndex index;
    quint64 x = 12345;
    auto rnd = [&x] {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return x;
    };
    for (Id id = 1; id <= 5000; ++id) {
        const qint64 start = qint64(rnd() % 100000);
        const qint64 len = rnd() % 10 == 0 ? qint64(rnd() % 20000) : qint64(rnd() % 50);
        index.append(row(id, start, start + len));
    }
    index.finish();
    for (int q = 0; q < 200; ++q) {
        const qint64 from = qint64(rnd() % 110000) - 5000;
        const qint64 to = from + qint64(rnd() % 5000);
        const auto [first, last] = index.candidates(from, to);
        QSet<Id> fast, slow;
        for (std::size_t i = first; i < last; ++i)
            if (index.latest()[i] >= from)
                fast.insert(index.ids()[i]);
        for (std::size_t i = 0; i < index.size(); ++i)
            if (index.earliest()[i] <= to && index.latest()[i] >= from)
                slow.insert(index.ids()[i]);
        QCOMPARE(fast, slow);
    }
}

void TestTimeIndex::upsertAndRemoveKeepOrder()
{
    TimeIndex index;
    index.append(row(1, 10, 20));
    index.append(row(2, 30, 40));
    index.append(row(3, 50, 60));
    index.finish();
    index.upsert(row(1, 70, 80)); // moved later
    QCOMPARE(index.ids()[2], Id(1));
    QCOMPARE(index.indexOf(1), std::ptrdiff_t(2));
    index.upsert(row(4, 0, 5)); // new, first
    QCOMPARE(index.ids()[0], Id(4));
    index.remove(2);
    QCOMPARE(index.size(), std::size_t(3));
    QCOMPARE(index.indexOf(2), std::ptrdiff_t(-1));
    QVERIFY(std::is_sorted(index.earliest().begin(), index.earliest().end()));
    QCOMPARE(index.maxTime(), qint64(80));
}

void TestTimeIndex::loadsInStartOrder()
{
    QTemporaryDir dir;
    auto story = Story::create(dir.filePath(QStringLiteral("t.chronomap")), true);
    // Inserted out of order: the index is in date order all the same.
    for (const char* d : {"2025-10", "1999", "2025-08", "2001-09-11"}) {
        Event e;
        e.title = QString::fromLatin1(d);
        e.date = PartialDate::fromEdtf(QString::fromLatin1(d));
        story->apply(Change::of(Change::Action::Inserted, EntityKind::Event, 0),
                     [&](Store& s) { s.insertEvent(e); });
    }
    story->reload();
    const TimeIndex& idx = story->timeIndex();
    QCOMPARE(idx.size(), std::size_t(4));
    QVERIFY(std::is_sorted(idx.earliest().begin(), idx.earliest().end()));
    QCOMPARE(story->store().eventTitle(idx.ids()[0]), QStringLiteral("1999"));
}

void TestTimeIndex::generateIsDeterministic()
{
    QTemporaryDir dir;
    auto make = [&](const QString& name, quint64 seed) {
        auto store = Store::open(dir.filePath(name), Store::Mode::Create);
        GenerateOptions o;
        o.events = 3000;
        o.actors = 200;
        o.seed = seed;
        generateStory(*store, o);
        QList<QString> rows;
        for (const Event& e : store->events())
            rows << e.title + u'|' + e.date.edtf() + u'|' + QString::number(e.actors.size());
        for (const Relation& r : store->relations())
            rows << QString::number(r.sourceId) + u'>' + QString::number(r.targetId) + r.type;
        return std::pair{store->counts(), rows};
    };
    const auto [c1, a] = make(QStringLiteral("a.chronomap"), 7);
    const auto [c2, b] = make(QStringLiteral("b.chronomap"), 7);
    const auto [c3, c] = make(QStringLiteral("c.chronomap"), 8);
    QCOMPARE(c1.events, qint64(3000));
    QCOMPARE(c1.actors, qint64(200));
    QVERIFY(c1.relations >= 500); // about three per actor
    QCOMPARE(a, b);
    QVERIFY(a != c);
    // About a fifth of events are ranges.
    int ranges = 0;
    for (const QString& r : a)
        if (r.count(u'/') == 1 && r.contains(u'|'))
            ++ranges;
    QVERIFY2(ranges > 400 && ranges < 800, qPrintable(QString::number(ranges)));
}

// Speeding up generate must not change what it makes: every field of every row of a seeded
// story, through the same path as `chronomap generate` (bulk load), hashed and compared with
// the hash of the story the generator made before (2026-12, commit 36afef2). The search index
// must find what a scan of the titles finds.
void TestTimeIndex::generateMakesTheSameStoryAsBefore()
{
    QTemporaryDir dir;
    auto store = Store::open(dir.filePath(QStringLiteral("g.chronomap")), Store::Mode::Create);
    GenerateOptions o;
    o.events = 5000;
    o.actors = 300;
    o.seed = 42;
    store->beginBulkLoad();
    generateStory(*store, o);
    store->endBulkLoad();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    auto add = [&hash](const QString& line) { hash.addData((line + u'\n').toUtf8()); };
    for (const Category& c : store->categories())
        add(QStringLiteral("c %1 %2 %3 %4").arg(c.id).arg(c.name, c.color.name()).arg(c.position));
    for (const Actor& a : store->actors())
        add(QStringLiteral("a %1 %2 %3").arg(a.id).arg(a.name).arg(int(a.kind)));
    for (const Relation& r : store->relations())
        add(QStringLiteral("r %1 %2 %3 %4 %5 %6 %7 %8")
                .arg(r.id)
                .arg(r.sourceId)
                .arg(r.targetId)
                .arg(r.type)
                .arg(int(r.directed))
                .arg(r.valid.isValid() ? r.valid.edtf() : QString())
                .arg(r.weight)
                .arg(int(r.status)));
    int geneva = 0;
    for (const Event& e : store->events()) {
        QString line = QStringLiteral("e %1 %2 %3 %4 %5 %6 %7 %8 %9")
                           .arg(e.id)
                           .arg(e.title, e.summary, e.date.edtf(), e.displayDate)
                           .arg(e.date.earliest())
                           .arg(e.date.latest())
                           .arg(e.categoryId)
                           .arg(e.importance);
        line += QStringLiteral(" %1 %2 %3 %4")
                    .arg(int(e.status))
                    .arg(e.location, e.uid)
                    .arg(e.tags.join(u','));
        for (const Participation& p : e.actors)
            line += QStringLiteral(" %1:%2").arg(p.actorId).arg(p.role);
        add(line);
        if (e.title.contains(QStringLiteral("Geneva")))
            ++geneva;
    }
    QCOMPARE(store->counts().events, qint64(5000));
    QCOMPARE(QString::fromLatin1(hash.result().toHex()),
             QStringLiteral("7c96b9f9c6d7351348159f35c3102659ed42fb2a637fb00d110c402cd7e24e03"));
    QVERIFY(geneva > 0);
    QCOMPARE(store->searchCount(QStringLiteral("Geneva")), qint64(geneva));
}

QTEST_GUILESS_MAIN(TestTimeIndex)
#include "tst_timeindex.moc"
