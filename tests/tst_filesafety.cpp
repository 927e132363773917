// files/filesafety: which files Chronomap may write, replace or remove (issue 16, section 1),
// and the core's own enforcement of it: data exports, Store::saveCopy, Store::open(Create);
// the rows an export leaves out so it always imports back, and the date audit behind `info`
// (section 7).
#include "files/filesafety.h"
#include "interchange/chronomapjson.h"
#include "interchange/exportscreen.h"
#include "interchange/interchange.h"
#include "store/storeaudit.h"
#include "story/story.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace chronomap;

namespace {

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList entries(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

bool rawExec(const QString& path, const char* sql)
{
    sqlite3* db = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) != SQLITE_OK)
        return false;
    int off = 0;
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 0, &off);
    sqlite3_exec(db, "PRAGMA foreign_keys = OFF", nullptr, nullptr, nullptr);
    const bool ok = sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

} // namespace

class TestFileSafety : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void writeTargets_data();
    void writeTargets();
    void sameFileThroughLinks();
    void claimNewFileTakesNothingThatExists();
    void createdStoryIsRemovedOnlyWhenOurs();
    void atomicWriteSaysWhyAndKeepsOldFile();
    void exportDataRefusesStoryAndForeign();
    void brokenRowsAreLeftOutAndImportBack();
    void dateAuditNamesBrokenRows();

private:
    QTemporaryDir m_dir;
    QString m_story;
};

void TestFileSafety::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_story = m_dir.filePath(QStringLiteral("story.chronomap"));
    Story::create(m_story);
}

void TestFileSafety::writeTargets_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes"); // "STORY": a copy of the story; empty: absent
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("verdict"); // 0 written, 1 only with force, 2 never
    const QByteArray story = "STORY";
    const QByteArray docx("PK\x03\x04 word document", 18);
    QTest::newRow("new file") << QStringLiteral("new.csv") << QByteArray() << int(FileKind::Csv)
                              << 0;
    QTest::newRow("earlier csv") << QStringLiteral("old.csv")
                                 << QByteArray("\xEF\xBB\xBFid,title\n1,a\n") << int(FileKind::Csv)
                                 << 0;
    QTest::newRow("earlier json") << QStringLiteral("old.json") << QByteArray("  {\"events\": []}")
                                  << int(FileKind::Json) << 0;
    QTest::newRow("earlier gexf") << QStringLiteral("old.gexf")
                                  << QByteArray("<?xml?>\n<gexf version=\"1.3\">")
                                  << int(FileKind::Gexf) << 0;
    QTest::newRow("earlier png") << QStringLiteral("old.png")
                                 << QByteArray("\x89PNG\r\n\x1a\nrest", 12) << int(FileKind::Png)
                                 << 0;
    QTest::newRow("earlier pdf") << QStringLiteral("old.pdf") << QByteArray("%PDF-1.4 ...")
                                 << int(FileKind::Pdf) << 0;
    QTest::newRow("empty file") << QStringLiteral("empty.docx") << QByteArray("")
                                << int(FileKind::Csv) << 0;
    QTest::newRow("thesis.docx") << QStringLiteral("thesis.docx") << docx << int(FileKind::Csv)
                                 << 1;
    QTest::newRow("docx named .csv")
        << QStringLiteral("thesis.csv") << docx << int(FileKind::Csv) << 1;
    QTest::newRow("text named .docx")
        << QStringLiteral("notes.docx") << QByteArray("a,b\n") << int(FileKind::Csv) << 1;
    QTest::newRow("prose named .json")
        << QStringLiteral("notes.json") << QByteArray("Dear editor") << int(FileKind::Json) << 1;
    QTest::newRow("graphml under .gexf")
        << QStringLiteral("g.gexf") << QByteArray("<graphml>") << int(FileKind::Gexf) << 1;
    QTest::newRow("utf-16 csv") << QStringLiteral("u.csv") << QByteArray("\xFF\xFEi\0d\0", 6)
                                << int(FileKind::Csv) << 1;
    QTest::newRow("a story as csv")
        << QStringLiteral("other.csv") << story << int(FileKind::Csv) << 2;
    QTest::newRow("a story as json")
        << QStringLiteral("other.chronomap") << story << int(FileKind::Json) << 2;
    QTest::newRow("story's wal") << QStringLiteral("story.chronomap-wal") << QByteArray()
                                 << int(FileKind::Csv) << 2;
    QTest::newRow("story's journal")
        << QStringLiteral("story.chronomap-journal") << QByteArray() << int(FileKind::Json) << 2;
    QTest::newRow("story itself") << QStringLiteral("story.chronomap") << QByteArray()
                                  << int(FileKind::Json) << 2;
    QTest::newRow("copy onto a closed story")
        << QStringLiteral("copy.chronomap") << story << int(FileKind::Story) << 0;
    QTest::newRow("copy onto a document")
        << QStringLiteral("copy.chronomap") << docx << int(FileKind::Story) << 2;
}

void TestFileSafety::writeTargets()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(int, kind);
    QFETCH(int, verdict);
    QTemporaryDir other;
    // The story's own names are checked in the story's folder; the rest in a fresh one.
    const bool ofStory = name.startsWith(QLatin1String("story.chronomap"));
    const QString target = ofStory ? m_dir.filePath(name) : other.filePath(name);
    if (bytes == "STORY")
        QVERIFY(QFile::copy(m_story, target));
    else if (!bytes.isNull())
        QVERIFY(writeFile(target, bytes));
    for (const bool force : {false, true}) {
        bool refused = false;
        try {
            checkWriteTarget(target, m_story, FileKind(kind), force);
        } catch (const StoreError& e) {
            refused = true;
            QVERIFY2(e.message().startsWith(target), qPrintable(e.message()));
            QVERIFY(!e.message().contains(u'\n'));
        }
        const bool expected = verdict == 2 || (verdict == 1 && !force);
        QVERIFY2(refused == expected,
                 qPrintable(name + (force ? QStringLiteral(" forced") : QString())));
    }
}

void TestFileSafety::sameFileThroughLinks()
{
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.chronomap"));
    QVERIFY(writeFile(a, "x"));
    const QString sym = dir.filePath(QStringLiteral("sym"));
    const QString hard = dir.filePath(QStringLiteral("hard"));
    QVERIFY(QFile::link(a, sym));
    QCOMPARE(::link(QFile::encodeName(a).constData(), QFile::encodeName(hard).constData()), 0);
    QVERIFY(sameFile(a, sym));
    QVERIFY(sameFile(a, hard));
    QVERIFY(sameFile(a, dir.path() + QStringLiteral("/./../") + QFileInfo(dir.path()).fileName() +
                            QStringLiteral("/a.chronomap")));
    QVERIFY(!sameFile(a, dir.filePath(QStringLiteral("b"))));
    // A companion that does not exist yet is still the story's.
    QVERIFY(isStoryOrCompanion(dir.filePath(QStringLiteral("a.chronomap-wal")), a));
    QVERIFY(isStoryOrCompanion(dir.filePath(QStringLiteral("a.chronomap-wal")), sym));
    QVERIFY(!isStoryOrCompanion(dir.filePath(QStringLiteral("a.chronomap.csv")), a));
    // A link to where the -wal would be.
    const QString toWal = dir.filePath(QStringLiteral("to-wal.csv"));
    QVERIFY(QFile::link(a + QStringLiteral("-wal"), toWal));
    QVERIFY(isStoryOrCompanion(toWal, a));
}

void TestFileSafety::claimNewFileTakesNothingThatExists()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("n.chronomap"));
    claimNewFile(path);
    QVERIFY(QFileInfo(path).isFile());
    QVERIFY_THROWS_EXCEPTION(StoreError, claimNewFile(path));
    const QString link = dir.filePath(QStringLiteral("dangling.chronomap"));
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("nowhere")), link));
    QVERIFY_THROWS_EXCEPTION(StoreError, claimNewFile(link));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("nowhere"))));
    const QString leftover = dir.filePath(QStringLiteral("w.chronomap"));
    QVERIFY(writeFile(leftover + QStringLiteral("-shm"), "someone's"));
    QVERIFY_THROWS_EXCEPTION(StoreError, claimNewFile(leftover));
    QVERIFY(!QFileInfo::exists(leftover));
}

void TestFileSafety::createdStoryIsRemovedOnlyWhenOurs()
{
    QTemporaryDir dir;
    const QString thesis = dir.filePath(QStringLiteral("thesis.chronomap"));
    QVERIFY(writeFile(thesis, "my thesis"));
    QVERIFY_THROWS_EXCEPTION(StoreError, Story::create(thesis));
    QCOMPARE(fileBytes(thesis), QByteArray("my thesis"));
    QVERIFY_THROWS_EXCEPTION(StoreError, Store::open(thesis, Store::Mode::Create));
    QCOMPARE(fileBytes(thesis), QByteArray("my thesis"));
    // A create that fails after making its file removes that file, and only it.
    const QString made = dir.filePath(QStringLiteral("made.chronomap"));
    {
        auto s = Store::open(made, Store::Mode::Create);
        QVERIFY(QFileInfo::exists(made));
    }
    QCOMPARE(entries(dir.path()),
             (QStringList{QStringLiteral("made.chronomap"), QStringLiteral("thesis.chronomap")}));
}

void TestFileSafety::atomicWriteSaysWhyAndKeepsOldFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.csv"));
    writeFileAtomically(path, "old\n");
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
    rlimit old{};
    getrlimit(RLIMIT_FSIZE, &old);
    auto handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit lim = old;
    lim.rlim_cur = 4096;
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &lim), 0);
    QString message;
    try {
        writeFileAtomically(path, QByteArray(64 * 1024, 'n'));
    } catch (const StoreError& e) {
        message = e.message();
    }
    setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, handler);
    QVERIFY2(message.startsWith(path), qPrintable(message));
    QVERIFY2(message.contains(QString::fromLocal8Bit(strerror(EFBIG))), qPrintable(message));
    QVERIFY(!message.contains(QLatin1String("Unknown error")));
    QCOMPARE(fileBytes(path), QByteArray("old\n"));
    QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("out.csv")});
    // A replacement keeps the old file's permissions.
    writeFileAtomically(path, "new\n");
    QCOMPARE(fileBytes(path), QByteArray("new\n"));
    QVERIFY(QFileInfo(path).permissions() & QFile::ReadOther);
}

void TestFileSafety::exportDataRefusesStoryAndForeign()
{
    auto store = Store::open(m_story, Store::Mode::ReadWrite);
    store->setMeta(QStringLiteral("note"), QStringLiteral("in the wal"));
    const QByteArray storyBytes = fileBytes(m_story);
    for (const QString& format : exportFormats()) {
        for (const QString& target : QStringList{m_story, m_story + QStringLiteral("-wal"),
                                                 m_story + QStringLiteral("-shm")}) {
            const QByteArray before = fileBytes(target);
            QVERIFY_THROWS_EXCEPTION(StoreError, exportData(*store, format, target));
            QCOMPARE(fileBytes(target), before);
        }
    }
    QTemporaryDir dir;
    const QString thesis = dir.filePath(QStringLiteral("thesis.docx"));
    QVERIFY(writeFile(thesis, "PK\x03\x04 thesis"));
    QVERIFY_THROWS_EXCEPTION(StoreError, exportData(*store, QStringLiteral("events-csv"), thesis));
    QCOMPARE(fileBytes(thesis), QByteArray("PK\x03\x04 thesis"));
    QCOMPARE(store->meta(QStringLiteral("note")), QStringLiteral("in the wal"));
    store.reset();
    QCOMPARE(Store::checkIntegrity(m_story), QString());
}

void TestFileSafety::brokenRowsAreLeftOutAndImportBack()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.chronomap"));
    QVERIFY(QFile::copy(m_story, path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    const qint64 events = Store::open(path, Store::Mode::ReadOnly)->counts().events;
    // Rows no import would make: an unreadable date, a missing category, a missing actor,
    // a relation to no one, a note replying to itself.
    QVERIFY(rawExec(path, "UPDATE events SET date = 'soon' WHERE id = (SELECT min(id) FROM "
                          "events)"));
    QVERIFY(rawExec(path, "UPDATE events SET category_id = 9999 WHERE id = (SELECT max(id) FROM "
                          "events)"));
    QVERIFY(rawExec(path, "INSERT INTO annotations (event_id, parent_id, author, body, created, "
                          "resolved) SELECT min(id), NULL, 'x', 'loop', '', 0 FROM events"));
    QVERIFY(rawExec(path, "UPDATE annotations SET parent_id = id WHERE body = 'loop'"));
    auto store = Store::open(path, Store::Mode::ReadOnly);
    const ExportScreen screen(*store);
    QCOMPARE(screen.events.size(), events - 2);
    QVERIFY(screen.leftOut() >= 3);
    QVERIFY2(screen.note().contains(QLatin1String("1 event with an invalid date")),
             qPrintable(screen.note()));
    for (const QString& format : exportFormats()) {
        const QString suffix = format.endsWith(QLatin1String("csv")) ? QStringLiteral(".csv")
                               : format == QLatin1String("gexf")     ? QStringLiteral(".gexf")
                               : format == QLatin1String("graphml")  ? QStringLiteral(".graphml")
                                                                     : QStringLiteral(".json");
        const QString out = dir.filePath(format + suffix);
        QString note;
        try {
            note = exportData(*store, format, out);
        } catch (const StoreError& e) {
            QFAIL(qPrintable(format + u' ' + e.message()));
        }
        QVERIFY2(note.contains(QLatin1String("left out")), qPrintable(format));
        // What was written imports back into a fresh story.
        const QString fresh = dir.filePath(format + QStringLiteral(".chronomap"));
        Story::create(fresh, true);
        auto target = Store::open(fresh, Store::Mode::ReadWrite);
        try {
            applyParsedImport(*target, parseImport(out, {}));
        } catch (const StoreError& e) {
            QFAIL(qPrintable(format + u' ' + e.message()));
        }
    }
}

void TestFileSafety::dateAuditNamesBrokenRows()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dates.chronomap"));
    QVERIFY(QFile::copy(m_story, path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    {
        auto store = Store::open(path, Store::Mode::ReadOnly);
        const DateAudit sound = auditEventDates(*store);
        QCOMPARE(sound.broken, 0);
        QVERIFY(sound.soundRange);
        QCOMPARE(sound.soundRange, store->dateRange());
    }
    QVERIFY(rawExec(path, "UPDATE events SET latest = 0 WHERE id = (SELECT min(id) FROM events)"));
    QVERIFY(rawExec(path, "UPDATE events SET date = '' WHERE id = (SELECT max(id) FROM events)"));
    auto store = Store::open(path, Store::Mode::ReadOnly);
    const DateAudit audit = auditEventDates(*store);
    QCOMPARE(audit.broken, 2);
    QCOMPARE(audit.brokenIds.size(), 2);
    QVERIFY(audit.soundRange);
    QVERIFY(audit.soundRange->first <= audit.soundRange->second);
    const auto range = store->dateRange();
    QVERIFY(range && range->first <= range->second);
}

QTEST_GUILESS_MAIN(TestFileSafety)
#include "tst_filesafety.moc"
