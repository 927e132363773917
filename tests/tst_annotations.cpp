// Notes: stored and read back whole, threaded by parent, resolved and reopened as undo steps,
// signed by the author (the login name unless the preferences say otherwise), and listed in
// the Notes dock, which goes to the entry a note is about.
#include "annotations/annotationspanel.h"
#include "edit/edits.h"
#include "query/selection.h"
#include "story/story.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace chronomap;

class TestAnnotations : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void roundTrip();
    void threadsAndReplies();
    void resolveAndReopenAreUndoable();
    void authorDefaultsToLoginName();
    void deletingAThreadTakesRepliesAndUndoRestoresThem();
    void panelListsOpenNotesAndJumps();

private:
    Id firstEvent() const { return m_story->store().events().first().id; }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Story> m_story;
};

void TestAnnotations::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    const QString path = m_dir->filePath(QStringLiteral("s.chronomap"));
    Story::create(path);
    m_story = Story::open(path);
}

void TestAnnotations::cleanup()
{
    m_story.reset();
    m_dir.reset();
}

void TestAnnotations::roundTrip()
{
    Annotation a;
    a.target = {EntityKind::Actor, m_story->store().actors().first().id};
    a.author = QStringLiteral("Ana");
    a.body = QStringLiteral("Title “special envoy” — check the ministry's wording");
    a.created = QStringLiteral("2025-11-21T09:30:00Z");
    a.resolved = true;
    a.id = m_story->store().insertAnnotation(a);
    QVERIFY(a.id);
    QCOMPARE(*m_story->store().annotation(a.id), a);
    QCOMPARE(m_story->store().annotationsOf(a.target).size(), 1);
}

void TestAnnotations::threadsAndReplies()
{
    Story* s = m_story.get();
    const EntityRef ref{EntityKind::Event, firstEvent()};
    QVERIFY(EditGuard::push(s, makeAnnotate(s, ref, QStringLiteral("Which day?"))));
    const Id root = s->store().annotationsOf(ref).constLast().id;
    QVERIFY(EditGuard::push(s, makeAnnotate(s, ref, QStringLiteral("The 24th"), root)));
    const Id reply = s->store().annotationsOf(ref).constLast().id;
    QVERIFY(EditGuard::push(s, makeAnnotate(s, ref, QStringLiteral("Per Axios"), reply)));
    const QList<Annotation> notes = s->store().annotationsOf(ref);
    QCOMPARE(notes.size(), 3);
    QCOMPARE(s->store().annotation(reply)->parentId, root);
    QCOMPARE(notes.constLast().parentId, reply);
    QVERIFY(!notes.first().created.isEmpty());
}

void TestAnnotations::resolveAndReopenAreUndoable()
{
    Story* s = m_story.get();
    const EntityRef ref{EntityKind::Event, firstEvent()};
    QVERIFY(EditGuard::push(s, makeAnnotate(s, ref, QStringLiteral("Second source?"))));
    const Id id = s->store().annotationsOf(ref).constLast().id;
    QVERIFY(EditGuard::push(s, makeResolve(s, id, true)));
    QVERIFY(s->store().annotation(id)->resolved);
    QCOMPARE(makeResolve(s, id, true), nullptr); // already resolved: nothing to do
    s->undoStack()->undo();
    QVERIFY(!s->store().annotation(id)->resolved);
    s->undoStack()->redo();
    QVERIFY(s->store().annotation(id)->resolved);
    QVERIFY(EditGuard::push(s, makeResolve(s, id, false)));
    QVERIFY(!s->store().annotation(id)->resolved);
}

void TestAnnotations::authorDefaultsToLoginName()
{
    // ctest sets CHRONOMAP_AUTHOR, which stands for the login name here.
    const QString expected = qEnvironmentVariable("CHRONOMAP_AUTHOR", qEnvironmentVariable("USER"));
    if (!expected.isEmpty())
        QCOMPARE(defaultAuthor(), expected);
    QVERIFY(!defaultAuthor().isEmpty());
    QCOMPARE(m_story->author(), defaultAuthor());
    const EntityRef ref{EntityKind::Event, firstEvent()};
    QVERIFY(EditGuard::push(m_story.get(), makeAnnotate(m_story.get(), ref, QStringLiteral("a"))));
    QCOMPARE(m_story->store().annotationsOf(ref).constLast().author, defaultAuthor());
    m_story->setAuthor(QStringLiteral("Desk editor"));
    QVERIFY(EditGuard::push(m_story.get(), makeAnnotate(m_story.get(), ref, QStringLiteral("b"))));
    QCOMPARE(m_story->store().annotationsOf(ref).constLast().author, QStringLiteral("Desk editor"));
    QCOMPARE(m_story->store().changes().constLast().author, QStringLiteral("Desk editor"));
}

void TestAnnotations::deletingAThreadTakesRepliesAndUndoRestoresThem()
{
    Story* s = m_story.get();
    const EntityRef ref{EntityKind::Event, firstEvent()};
    QVERIFY(EditGuard::push(s, makeAnnotate(s, ref, QStringLiteral("root"))));
    const Id root = s->store().annotationsOf(ref).constLast().id;
    QVERIFY(EditGuard::push(s, makeAnnotate(s, ref, QStringLiteral("reply"), root)));
    QVERIFY(EditGuard::push(s, makeAnnotate(s, ref, QStringLiteral("other thread"))));
    const QList<Annotation> before = s->store().annotationsOf(ref);
    QVERIFY(EditGuard::push(s, makeDelete(s, {EntityKind::Annotation, root})));
    QCOMPARE(s->store().annotationsOf(ref).size(), 1);
    s->undoStack()->undo();
    QCOMPARE(s->store().annotationsOf(ref), before);
}

void TestAnnotations::panelListsOpenNotesAndJumps()
{
    Story* s = m_story.get();
    Selection selection;
    AnnotationsPanel panel(s, &selection);
    QAbstractItemModelTester tester(panel.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int start = panel.model()->rowCount();
    const Id actor = s->store().actors().first().id;
    QVERIFY(EditGuard::push(
        s, makeAnnotate(s, {EntityKind::Actor, actor}, QStringLiteral("Confirm the spelling"))));
    QVERIFY(EditGuard::push(
        s, makeAnnotate(s, {EntityKind::Event, firstEvent()}, QStringLiteral("Resolved soon"))));
    QCOMPARE(panel.model()->rowCount(), start + 2);
    // Resolving hides a note unless resolved ones are shown.
    const Id resolvedId =
        s->store().annotationsOf({EntityKind::Event, firstEvent()}).constLast().id;
    QVERIFY(EditGuard::push(s, makeResolve(s, resolvedId, true)));
    QCOMPARE(panel.model()->rowCount(), start + 1);
    panel.model()->setShowResolved(true);
    QCOMPARE(panel.model()->rowCount(), start + 2);
    panel.model()->setShowResolved(false);

    int row = -1;
    for (int r = 0; r < panel.model()->rowCount(); ++r)
        if (panel.model()->annotationAt(r).body == QLatin1String("Confirm the spelling"))
            row = r;
    QVERIFY(row >= 0);
    const QModelIndex index = panel.model()->index(row, AnnotationListModel::TargetColumn);
    QVERIFY(index.data().toString().contains(s->store().actor(actor)->name));
    panel.jumpTo(index);
    QVERIFY(selection.current().has_value());
    QCOMPARE(*selection.current(), (EntityRef{EntityKind::Actor, actor}));
    QCOMPARE(selection.selectedActors(), QSet<Id>{actor});
}

QTEST_MAIN(TestAnnotations)
#include "tst_annotations.moc"
