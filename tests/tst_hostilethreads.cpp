// A story whose note threads loop (a note that is its own ancestor through parent ids: the
// program never writes one, a damaged or hostile file may hold one) and run thousands of
// replies deep. Opening it, deleting a note or its entry, undoing and redoing, exporting it
// and showing the Notes dock all finish, and the search index stays in step with the notes.
#include "annotations/annotationspanel.h"
#include "edit/edits.h"
#include "interchange/interchange.h"
#include "story/story.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <sqlite3.h>

using namespace chronomap;

namespace {

constexpr int kDeep = 3000; // deeper than SQLite's trigger depth (1000): a cascade would fail

// SQL run on the file by a plain connection (foreign keys off, as a hostile writer's).
void rawExec(const QString& path, const QByteArray& sql)
{
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql.constData(), nullptr, nullptr, &err);
    const QString why = QString::fromUtf8(err ? err : "");
    sqlite3_free(err);
    sqlite3_close(db);
    QVERIFY2(rc == SQLITE_OK, qPrintable(why));
}

// The search index of the notes agrees with the notes (FTS5's own check).
bool notesIndexSound(const QString& path)
{
    sqlite3* db = nullptr;
    sqlite3_open(QFile::encodeName(path).constData(), &db);
    const int rc = sqlite3_exec(
        db, "INSERT INTO annotations_fts(annotations_fts, rank) VALUES('integrity-check', 1)",
        nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return rc == SQLITE_OK;
}

// id → parent id of every note.
QHash<Id, Id> parents(const Store& store)
{
    QHash<Id, Id> out;
    for (const Annotation& a : store.annotations())
        out.insert(a.id, a.parentId);
    return out;
}

} // namespace

class TestHostileThreads : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void opensWithItsLoops();
    void deletingANoteInALoopFinishesAndUndoes();
    void deletingTheEntryOfLoopingThreadsFinishes();
    void exportsFinish();
    void notesDockShowsLoopingThreads();

private:
    QString m_path;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Story> m_story;
    Id m_event = 0, m_other = 0;
    qsizetype m_baseNotes = 0; // the seed story's own notes
    int m_baseOpen = 0;
};

// On one event: a loop of three notes A1 → A2 → A3 → A1 (A = 100000) with a chain of kDeep
// replies below A2 (ids A + 1001...), and a note A + 50 that is its own parent. On another
// event: a loop of kDeep notes (ids A + 10001...).
void TestHostileThreads::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("loops.chronomap"));
    {
        auto story = Story::create(m_path);
        const QList<Event> events = story->store().events();
        QVERIFY(events.size() >= 2);
        m_event = events.at(0).id;
        m_other = events.at(1).id;
        m_baseNotes = story->store().annotations().size();
        for (const Annotation& a : story->store().annotations())
            m_baseOpen += a.resolved ? 0 : 1;
    }
    const QByteArray e = QByteArray::number(m_event), f = QByteArray::number(m_other);
    const QByteArray deep = QByteArray::number(kDeep);
    rawExec(m_path,
            "BEGIN;"
            "INSERT INTO annotations(id, event_id, parent_id, author, body, created) VALUES"
            " (100001, " +
                e +
                ", 100003, 'ana', 'loop one', '2025-01-01T00:00:00Z'),"
                " (100002, " +
                e +
                ", 100001, 'ana', 'loop two', '2025-01-01T00:00:00Z'),"
                " (100003, " +
                e +
                ", 100002, 'ana', 'loop three', '2025-01-01T00:00:00Z'),"
                " (100050, " +
                e +
                ", 100050, 'ana', 'its own parent', '2025-01-01T00:00:00Z');"
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
                deep +
                ")"
                " INSERT INTO annotations(id, event_id, parent_id, author, body, created)"
                " SELECT 101000 + i, " +
                e +
                ", CASE WHEN i = 1 THEN 100002 ELSE 100999 + i END,"
                " 'ben',"
                " 'deep reply ' || i, '2025-01-02T00:00:00Z' FROM n;"
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
                deep +
                ")"
                " INSERT INTO annotations(id, event_id, parent_id, author, body, created)"
                " SELECT 110000 + i, " +
                f + ", CASE WHEN i = 1 THEN 110000 + " + deep +
                " ELSE 109999 + i END, 'cy', 'long loop ' || i, '2025-01-03T00:00:00Z' FROM n;"
                "INSERT INTO annotations_fts(rowid, author, body)"
                " SELECT id, author, body FROM annotations WHERE id > 100000;"
                "COMMIT;");
    QVERIFY(notesIndexSound(m_path));
    m_story = Story::open(m_path, Store::Mode::ReadWrite, Store::Check::Full);
}

void TestHostileThreads::cleanup()
{
    m_story.reset();
    m_dir.reset();
}

void TestHostileThreads::opensWithItsLoops()
{
    QCOMPARE(m_story->store().annotations().size(), m_baseNotes + 4 + 2 * kDeep);
    QVERIFY(!m_story->store().search(QStringLiteral("loop"), 10).isEmpty());
}

void TestHostileThreads::deletingANoteInALoopFinishesAndUndoes()
{
    const QHash<Id, Id> before = parents(m_story->store());
    QString error;
    // A1 heads a thread that loops back to it: A1, A2, A3 and the kDeep replies below A2.
    QVERIFY2(EditGuard::push(m_story.get(),
                             makeDelete(m_story.get(), {EntityKind::Annotation, 100001}), &error),
             qPrintable(error));
    const QHash<Id, Id> after = parents(m_story->store());
    QCOMPARE(after.size(), before.size() - 3 - kDeep);
    QVERIFY(after.contains(100050));
    QVERIFY(!after.contains(100001) && !after.contains(100002) && !after.contains(100003));
    QVERIFY(!after.contains(101000 + kDeep));
    QVERIFY(notesIndexSound(m_path));
    QVERIFY(m_story->store().search(QStringLiteral("deep reply"), 10).isEmpty());

    // Undo puts back every note with its parent, the loop included; redo takes them again.
    m_story->undoStack()->undo();
    QCOMPARE(parents(m_story->store()), before);
    QVERIFY(notesIndexSound(m_path));
    QVERIFY(!m_story->store().search(QStringLiteral("deep reply"), 10).isEmpty());
    m_story->undoStack()->redo();
    QCOMPARE(parents(m_story->store()), after);

    // A note that is its own parent, and one in the middle of the long loop.
    QVERIFY2(EditGuard::push(m_story.get(),
                             makeDelete(m_story.get(), {EntityKind::Annotation, 100050}), &error),
             qPrintable(error));
    QVERIFY2(EditGuard::push(
                 m_story.get(),
                 makeDelete(m_story.get(), {EntityKind::Annotation, 110000 + kDeep / 2}), &error),
             qPrintable(error));
    QCOMPARE(m_story->store().annotations().size(), m_baseNotes);
    QVERIFY(notesIndexSound(m_path));
    m_story->undoStack()->undo();
    m_story->undoStack()->undo();
    QCOMPARE(m_story->store().annotations().size(), m_baseNotes + 1 + kDeep);
    QVERIFY(notesIndexSound(m_path));
}

void TestHostileThreads::deletingTheEntryOfLoopingThreadsFinishes()
{
    const qsizetype notes = m_story->store().annotations().size();
    const qsizetype onTheTwo = m_story->store().annotationsOf({EntityKind::Event, m_event}).size() +
                               m_story->store().annotationsOf({EntityKind::Event, m_other}).size();
    QVERIFY(onTheTwo >= 4 + 2 * kDeep);
    QString error;
    for (Id id : {m_event, m_other})
        QVERIFY2(EditGuard::push(m_story.get(), makeDelete(m_story.get(), {EntityKind::Event, id}),
                                 &error),
                 qPrintable(error));
    QCOMPARE(m_story->store().annotations().size(), notes - onTheTwo);
    QVERIFY(notesIndexSound(m_path));
    m_story->undoStack()->undo();
    m_story->undoStack()->undo();
    QCOMPARE(m_story->store().annotations().size(), notes);
    QVERIFY(m_story->store().event(m_event).has_value());
    QVERIFY(notesIndexSound(m_path));
}

void TestHostileThreads::exportsFinish()
{
    for (const QString& format : exportFormats()) {
        const QByteArray bytes = exportBytes(m_story->store(), format);
        QVERIFY2(!bytes.isEmpty(), qPrintable(format));
    }
    // The story's own format carries the notes; reading it back refuses the loops with a
    // message rather than hang.
    const QString json = m_dir->filePath(QStringLiteral("loops.json"));
    exportData(m_story->store(), QStringLiteral("chronomap"), json);
    try {
        (void)parseImport(json, QStringLiteral("json"));
        auto fresh =
            Store::open(m_dir->filePath(QStringLiteral("fresh.chronomap")), Store::Mode::Create);
        applyParsedImport(*fresh, parseImport(json, QStringLiteral("json")));
    } catch (const StoreError& e) {
        QVERIFY2(e.message().contains(QStringLiteral("loop")), qPrintable(e.message()));
    }
}

void TestHostileThreads::notesDockShowsLoopingThreads()
{
    AnnotationListModel model(m_story.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), m_baseOpen + 4 + 2 * kDeep);
    QSet<QString> shown;
    for (int row = 0; row < model.rowCount(); ++row)
        shown.insert(
            model.index(row, AnnotationListModel::NoteColumn).data(Qt::DisplayRole).toString());
    QVERIFY(shown.contains(QStringLiteral("↳ its own parent")));
    QString error;
    QVERIFY(EditGuard::push(m_story.get(),
                            makeDelete(m_story.get(), {EntityKind::Annotation, 100002}), &error));
    QCOMPARE(model.rowCount(), m_baseOpen + 4 + 2 * kDeep - 3 - kDeep);
}

QTEST_MAIN(TestHostileThreads)
#include "tst_hostilethreads.moc"
