// Two windows or two processes on one story: each has its own connection; edits interleave
// or run at once and none is lost, no "busy" reaches the user, and an undo never overwrites
// the other's newer edit of the same entry.
#include "edit/edits.h"
#include "story/story.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <atomic>
#include <thread>

using namespace chronomap;

class TestConcurrency : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void interleavedEditsInTwoStoriesLoseNothing();
    void twoThreadsWritingAtOnceLoseNothing();
    void undoRefusesOverTheOtherWindowsEdit();
    void otherWindowSeesEdits();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestConcurrency::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("s.chronomap"));
    Story::create(m_path);
}

void TestConcurrency::interleavedEditsInTwoStoriesLoseNothing()
{
    auto a = Story::open(m_path);
    auto b = Story::open(m_path);
    const Id event = a->store().events().first().id;
    const EntityRef ref{EntityKind::Event, event};
    for (int i = 0; i < 20; ++i) {
        QVERIFY(EditGuard::push(a.get(), makeAnnotate(a.get(), ref, QStringLiteral("a%1").arg(i))));
        QVERIFY(EditGuard::push(b.get(), makeAnnotate(b.get(), ref, QStringLiteral("b%1").arg(i))));
    }
    QCOMPARE(a->store().annotationsOf(ref).size(), 40);
    QCOMPARE(b->store().annotationsOf(ref).size(), 40);
    // Each window undoes its own notes only.
    while (a->undoStack()->canUndo())
        a->undoStack()->undo();
    QStringList left;
    for (const Annotation& n : b->store().annotationsOf(ref))
        left << n.body;
    QCOMPARE(left.size(), 20);
    QVERIFY(left.filter(QStringLiteral("a")).isEmpty());
}

void TestConcurrency::twoThreadsWritingAtOnceLoseNothing()
{
    constexpr int kEach = 60;
    std::atomic<int> failures{0};
    QString firstError;
    auto writer = [&](const QString& who) {
        try {
            auto store = Store::open(m_path, Store::Mode::ReadWrite);
            const Id event = store->events().first().id;
            for (int i = 0; i < kEach; ++i) {
                Store::Transaction tx(*store);
                Annotation n;
                n.target = {EntityKind::Event, event};
                n.author = who;
                n.body = QStringLiteral("%1 %2").arg(who).arg(i);
                store->insertAnnotation(n);
                ChangeRecord rec;
                rec.author = who;
                rec.action = QStringLiteral("annotate");
                rec.target = n.target;
                store->logChange(rec);
                tx.commit();
            }
        } catch (const StoreError& e) {
            if (failures++ == 0)
                firstError = e.message();
        }
    };
    std::thread t1(writer, QStringLiteral("one"));
    std::thread t2(writer, QStringLiteral("two"));
    t1.join();
    t2.join();
    QVERIFY2(failures == 0, qPrintable(firstError));
    auto check = Story::open(m_path);
    int one = 0, two = 0;
    for (const Annotation& n : check->store().annotations()) {
        one += n.author == QLatin1String("one");
        two += n.author == QLatin1String("two");
    }
    QCOMPARE(one, kEach);
    QCOMPARE(two, kEach);
}

void TestConcurrency::undoRefusesOverTheOtherWindowsEdit()
{
    auto a = Story::open(m_path);
    auto b = Story::open(m_path);
    const Event original = a->store().events().first();
    Event mine = original;
    mine.summary = QStringLiteral("A's summary");
    QVERIFY(EditGuard::push(a.get(), makeUpdate(a.get(), mine)));
    Event theirs = *b->store().event(original.id);
    QCOMPARE(theirs.summary, QStringLiteral("A's summary")); // B reads A's commit at once
    theirs.summary = QStringLiteral("B's newer summary");
    QVERIFY(EditGuard::push(b.get(), makeUpdate(b.get(), theirs)));

    QSignalSpy failed(EditGuard::of(a.get()), &EditGuard::failed);
    a->undoStack()->undo();
    QCOMPARE(failed.size(), 1);
    QCOMPARE(a->undoStack()->index(), 1); // A's step is still there to retry
    QCOMPARE(a->store().event(original.id)->summary, QStringLiteral("B's newer summary"));
    // B undoes its own edit; now A's undo applies.
    b->undoStack()->undo();
    a->undoStack()->undo();
    QCOMPARE(failed.size(), 1);
    QCOMPARE(*a->store().event(original.id), original);
}

void TestConcurrency::otherWindowSeesEdits()
{
    auto a = Story::open(m_path);
    auto b = Story::open(m_path);
    QVERIFY(!b->changedOutside());
    const Event e = a->store().events().first();
    QVERIFY(EditGuard::push(a.get(), makeSetStatus(a.get(), {{EntityKind::Event, e.id}},
                                                   e.status == Verification::Disputed
                                                       ? Verification::Confirmed
                                                       : Verification::Disputed)));
    QVERIFY(!a->changedOutside()); // its own write is not "outside"
    QVERIFY(b->changedOutside());
    QSignalSpy changed(b.get(), &Story::changed);
    b->reload();
    QCOMPARE(changed.size(), 1);
    const std::ptrdiff_t row = b->timeIndex().indexOf(e.id);
    QVERIFY(row >= 0);
    QCOMPARE(TimeIndex::statusOf(b->timeIndex().flags()[std::size_t(row)]),
             a->store().event(e.id)->status);
}

QTEST_GUILESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
