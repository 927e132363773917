// Hostile story files: crafted .chronomap files (damaged, newer, foreign, with planted SQL,
// oversized, impossible) are refused with a message naming the file, or opened where that is
// the design, without a crash or a hang, and are never changed by the attempt. Opening never
// runs SQL stored in the file.
#include "story/story.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace chronomap;

namespace {

// How a crafted file must be received.
enum class Expect
{
    Refused, // every open refuses it
    Opens,   // it opens (the damage is outside what opening checks); reading it may refuse
    Either,  // damage quick_check may not see (record content, overflow pages): refused, or
             // opened and read without a crash
};

// SQL run on the file by a plain connection: no defensive mode, schema writable when asked.
void rawExec(const QString& path, const QByteArray& sql, bool writableSchema = false)
{
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
    if (writableSchema) {
        int off = 0;
        sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 0, &off);
        sqlite3_exec(db, "PRAGMA writable_schema = ON", nullptr, nullptr, nullptr);
    }
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql.constData(), nullptr, nullptr, &err);
    const QString why = QString::fromUtf8(err ? err : "");
    sqlite3_free(err);
    sqlite3_close(db);
    QVERIFY2(rc == SQLITE_OK, qPrintable(why + u" in " + QString::fromUtf8(sql)));
}

int rawInt(const QString& path, const char* sql)
{
    sqlite3* db = nullptr;
    // Read-write, so that closing removes the -wal and -shm it made (a read-only one cannot).
    sqlite3_open(QFile::encodeName(path).constData(), &db);
    sqlite3_stmt* st = nullptr;
    int v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

void patchBytes(const QString& path, qint64 offset, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.seek(offset));
    QCOMPARE(f.write(bytes), bytes.size());
}

void truncateTo(const QString& path, qint64 size)
{
    QVERIFY(QFile::resize(path, size));
}

// The state of a story on disk: the file and its -wal and -shm companions, hashed (or absent).
QString diskState(const QString& path)
{
    QStringList out;
    for (const QString& p :
         QStringList{path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")}) {
        const QFileInfo info(p);
        if (info.isDir()) {
            out << p + QStringLiteral(": directory");
            continue;
        }
        QFile f(p);
        if (!info.isSymLink() && !info.exists()) {
            out << p + QStringLiteral(": absent");
        } else if (info.isSymLink() && !info.exists()) {
            out << p + QStringLiteral(": link to ") + info.symLinkTarget();
        } else if (f.open(QIODevice::ReadOnly)) {
            QCryptographicHash h(QCryptographicHash::Sha256);
            h.addData(&f);
            out << p + u": " + QString::fromLatin1(h.result().toHex());
        } else {
            out << p + QStringLiteral(": unreadable");
        }
    }
    return out.join(u'\n');
}

// Whether the -wal and -shm companions exist.
QString companions(const QString& path)
{
    return QStringLiteral("wal %1, shm %2")
        .arg(
            QLatin1String(QFileInfo::exists(path + QStringLiteral("-wal")) ? "present" : "absent"),
            QLatin1String(QFileInfo::exists(path + QStringLiteral("-shm")) ? "present" : "absent"));
}

// Every attempt, read-only ones included, leaves the -wal and -shm as it found them: Store
// removes the empty ones a read-only connection creates once no connection uses them.
void checkCompanionsUnchanged(const QString& path, const QString& before)
{
    QCOMPARE(companions(path), before);
}

using Craft = std::function<void(const QString& path, const QString& dir)>;

} // namespace

Q_DECLARE_METATYPE(Craft)
Q_DECLARE_METATYPE(Expect)

class TestHostileStory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void craftedFileIsRefusedAndUnchanged_data();
    void craftedFileIsRefusedAndUnchanged();
    void openingNeverRunsStoredSql_data();
    void openingNeverRunsStoredSql();
    void oversizedCellHitsLengthLimitWithMessage();
    void readOnlyOpenLeavesNoCompanionFiles();

private:
    QString freshCopy(const QString& name);

    QTemporaryDir m_dir;
    QString m_template;
    qint64 m_pageSize = 0;
};

void TestHostileStory::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_template = m_dir.filePath(QStringLiteral("template.chronomap"));
    Story::create(m_template); // closed at once: the WAL is checkpointed and removed
    QVERIFY(!QFileInfo::exists(m_template + QStringLiteral("-wal")));
    m_pageSize = rawInt(m_template, "PRAGMA page_size");
    QVERIFY(m_pageSize >= 512);
    QVERIFY(QFileInfo(m_template).size() >= 8 * m_pageSize);
}

QString TestHostileStory::freshCopy(const QString& name)
{
    const QString path = m_dir.filePath(name + QStringLiteral(".chronomap"));
    QFile::remove(path);
    QFile::copy(m_template, path);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

void TestHostileStory::craftedFileIsRefusedAndUnchanged_data()
{
    QTest::addColumn<Craft>("craft");
    QTest::addColumn<Expect>("expect");
    QTest::addColumn<QString>("message"); // a part of the refusal the user must read

    const QString damaged = QStringLiteral("damaged");
    const QString notStory = QStringLiteral("not a Chronomap story");
    const QString foreignCode = QStringLiteral("did not create");
    const qint64 page = 8192; // the page size new stories get (checked in craft below)

    auto sql = [](QByteArray text, bool writable = false) -> Craft {
        return [text, writable](const QString& p, const QString&) { rawExec(p, text, writable); };
    };

    QTest::newRow("empty file") << Craft([](const QString& p, const QString&) { truncateTo(p, 0); })
                                << Expect::Refused << notStory;
    QTest::newRow("truncated to 100 bytes")
        << Craft([](const QString& p, const QString&) { truncateTo(p, 100); }) << Expect::Refused
        << notStory;
    QTest::newRow("truncated inside page 1")
        << Craft([](const QString& p, const QString&) { truncateTo(p, 4000); }) << Expect::Refused
        << QString();
    QTest::newRow("truncated after 3 pages")
        << Craft([page](const QString& p, const QString&) { truncateTo(p, 3 * page); })
        << Expect::Refused << damaged;
    QTest::newRow("truncated at half")
        << Craft([](const QString& p, const QString&) { truncateTo(p, QFileInfo(p).size() / 2); })
        << Expect::Refused << damaged;
    QTest::newRow("last page cut short")
        << Craft([](const QString& p, const QString&) { truncateTo(p, QFileInfo(p).size() - 100); })
        << Expect::Either << damaged;
    QTest::newRow("garbage in the events table's root page") << Craft([page](const QString& p,
                                                                             const QString&) {
        const int root = rawInt(p, "SELECT rootpage FROM sqlite_schema WHERE name = 'events'");
        QVERIFY(root > 1);
        patchBytes(p, (root - 1) * page, QByteArray(int(page), '\xa5'));
    }) << Expect::Refused << damaged;
    QTest::newRow("zeroed page in the middle") << Craft([page](const QString& p, const QString&) {
        const qint64 pages = QFileInfo(p).size() / page;
        patchBytes(p, (pages / 2) * page + 8, QByteArray(int(page) - 8, '\0'));
    }) << Expect::Either << damaged;
    QTest::newRow("header magic overwritten") << Craft([](const QString& p, const QString&) {
        patchBytes(p, 0, QByteArrayLiteral("Chronomap fmt 3"));
    }) << Expect::Refused << notStory;
    QTest::newRow("impossible page size in header") << Craft([](const QString& p, const QString&) {
        patchBytes(p, 16, QByteArray("\x03\x01", 2));
    }) << Expect::Refused << notStory;
    QTest::newRow("huge page count in header") << Craft([](const QString& p, const QString&) {
        patchBytes(p, 28, QByteArray("\x7f\xff\xff\xff", 4));
    }) << Expect::Refused << QString();
    QTest::newRow("newer story format")
        << sql("PRAGMA user_version = 99") << Expect::Refused << QStringLiteral("newer Chronomap");
    QTest::newRow("no story format")
        << sql("PRAGMA user_version = 0") << Expect::Refused << notStory;
    QTest::newRow("foreign application id")
        << sql("PRAGMA application_id = 1718773356") << Expect::Refused << notStory;
    QTest::newRow("zero application id, our tables")
        << sql("PRAGMA application_id = 0") << Expect::Refused << notStory;
    QTest::newRow("planted trigger")
        << sql("CREATE TABLE pwned(x); CREATE TRIGGER t AFTER INSERT ON changes "
               "BEGIN INSERT INTO pwned VALUES (1); END")
        << Expect::Refused << foreignCode;
    QTest::newRow("planted view") << sql("CREATE VIEW v AS SELECT * FROM events") << Expect::Refused
                                  << foreignCode;
    // A trigger cannot hold ATTACH in SQL SQLite accepts; written straight into the schema it
    // must make the file refused, never attach (and create) the other file.
    QTest::newRow("trigger that attaches another file")
        << Craft([](const QString& p, const QString& dir) {
               const QByteArray target = QFile::encodeName(dir + QStringLiteral("/pwned.db"));
               rawExec(p,
                       "INSERT INTO sqlite_schema VALUES ('trigger', 'evil', 'meta', 0, "
                       "'CREATE TRIGGER evil AFTER INSERT ON meta BEGIN ATTACH DATABASE ''" +
                           target + "'' AS pwn; CREATE TABLE pwn.x(y); END')",
                       true);
           })
        << Expect::Refused << QString();
    QTest::newRow("extra table") << sql("CREATE TABLE notes_extra(x TEXT)") << Expect::Refused
                                 << foreignCode;
    QTest::newRow("extra index") << sql("CREATE INDEX events_by_title ON events(title)")
                                 << Expect::Refused << foreignCode;
    QTest::newRow("altered CHECK constraint")
        << sql("UPDATE sqlite_schema SET sql = replace(sql, 'importance BETWEEN 0 AND 5', "
               "'importance BETWEEN 0 AND 500') WHERE name = 'events'",
               true)
        << Expect::Refused << foreignCode;
    // A table with a shadow table's name but not a plain table: verifySchema lets the FTS5
    // shadow names through without comparing their SQL.
    QTest::newRow("virtual table posing as a shadow table")
        << sql("CREATE VIRTUAL TABLE events_fts_content USING fts5vocab(events_fts, 'row')")
        << Expect::Refused << foreignCode;
    // quick_check does not read inside FTS5 tables: the story opens, a search may refuse.
    QTest::newRow("FTS5 shadow table tampered")
        << sql("UPDATE events_fts_data SET block = zeroblob(length(block)) WHERE id > 10", true)
        << Expect::Opens << QString();
    QTest::newRow("a directory") << Craft([](const QString& p, const QString&) {
        QFile::remove(p);
        QDir().mkdir(p);
    }) << Expect::Refused << QStringLiteral("not a file");
    QTest::newRow("symlink loop") << Craft([](const QString& p, const QString&) {
        QFile::remove(p);
        QFile::link(p + QStringLiteral(".b"), p);
        QFile::link(p, p + QStringLiteral(".b"));
    }) << Expect::Refused << QStringLiteral("no such file");
}

void TestHostileStory::craftedFileIsRefusedAndUnchanged()
{
    QFETCH(Craft, craft);
    QFETCH(Expect, expect);
    QFETCH(QString, message);
    QCOMPARE(m_pageSize, 8192);

    const QString path =
        freshCopy(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_'));
    const QString caseDir = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()));
    QDir().mkpath(caseDir);
    craft(path, caseDir);
    if (QTest::currentTestFailed())
        return;
    const QString before = diskState(path);

    struct Attempt
    {
        Store::Mode mode;
        Store::Check check;
        const char* name;
    };
    const Attempt attempts[] = {
        {Store::Mode::ReadOnly, Store::Check::Full, "read-only, full check"},
        {Store::Mode::ReadWrite, Store::Check::Full, "read-write, full check"},
        {Store::Mode::ReadOnly, Store::Check::Deferred, "read-only, deferred check"},
        {Store::Mode::ReadWrite, Store::Check::Deferred, "read-write, deferred check"},
    };
    const QString companionsBefore = companions(path);
    for (const Attempt& a : attempts) {
        QElapsedTimer clock;
        clock.start();
        QString refusal;
        bool opened = false;
        try {
            std::unique_ptr<Story> story = Story::open(path, a.mode, a.check);
            opened = true;
            // What the window does next: read, search; and, deferred, check every page.
            try {
                story->store().counts();
                story->store().events();
                story->store().search(QStringLiteral("Miami talks"));
            } catch (const StoreError& e) {
                QVERIFY2(e.message().contains(path), qPrintable(e.message()));
            }
            if (a.check == Store::Check::Deferred && expect == Expect::Refused)
                refusal = Store::checkIntegrity(path);
        } catch (const StoreError& e) {
            refusal = e.message();
        }
        const QString where = QString::fromLatin1(a.name) + u": " + refusal;
        // A generous bound against hangs (a huge page count must not make us read 2^31 pages).
        QVERIFY2(clock.elapsed() < 10000, qPrintable(where));
        if (expect == Expect::Opens) {
            QVERIFY2(opened, qPrintable(where));
        } else if (expect == Expect::Either) {
            QVERIFY2(opened || refusal.contains(path), qPrintable(where));
        } else if (!opened || a.check == Store::Check::Full) {
            // Refused outright, or (deferred) opened and then reported by the background check.
            QVERIFY2(!opened, qPrintable(where + u" (it opened)"));
            QVERIFY2(refusal.contains(path), qPrintable(where));
            QVERIFY2(refusal.contains(message), qPrintable(where));
        } else {
            QVERIFY2(!refusal.isEmpty(), qPrintable(where + u" (deferred check found nothing)"));
            QVERIFY2(refusal.contains(path), qPrintable(where));
        }
        checkCompanionsUnchanged(path, companionsBefore);
        QCOMPARE(diskState(path), before);
    }
    QVERIFY2(!QFileInfo::exists(caseDir + QStringLiteral("/pwned.db")),
             "SQL stored in the story attached another file");
}

// Triggers on every table we write when a story opens or is edited, and a view, each of which
// would leave a row in `marker`; the story is refused, and nothing runs on the way.
void TestHostileStory::openingNeverRunsStoredSql_data()
{
    QTest::addColumn<Store::Mode>("mode");
    QTest::addColumn<Store::Check>("check");
    QTest::newRow("read-only, full") << Store::Mode::ReadOnly << Store::Check::Full;
    QTest::newRow("read-write, full") << Store::Mode::ReadWrite << Store::Check::Full;
    QTest::newRow("read-only, deferred") << Store::Mode::ReadOnly << Store::Check::Deferred;
    QTest::newRow("read-write, deferred") << Store::Mode::ReadWrite << Store::Check::Deferred;
}

void TestHostileStory::openingNeverRunsStoredSql()
{
    QFETCH(Store::Mode, mode);
    QFETCH(Store::Check, check);
    const QString path = freshCopy(QStringLiteral("marker"));
    QByteArray plant = "CREATE TABLE marker(what TEXT);"
                       "CREATE VIEW marker_view AS SELECT 1;"
                       "CREATE TRIGGER marker_view_t INSTEAD OF INSERT ON marker_view "
                       "BEGIN INSERT INTO marker VALUES ('view'); END;";
    for (const char* table : {"meta", "events", "actors", "annotations", "changes", "citations",
                              "event_actors", "sources", "relations"})
        for (const char* op : {"INSERT", "UPDATE", "DELETE"})
            plant += QByteArray("CREATE TRIGGER marker_") + table + '_' + op + " AFTER " + op +
                     " ON " + table + " BEGIN INSERT INTO marker VALUES ('" + table + ' ' + op +
                     "'); END;";
    rawExec(path, plant);
    if (QTest::currentTestFailed())
        return;
    const QString before = diskState(path);
    const QString companionsBefore = companions(path);
    try {
        std::unique_ptr<Story> story = Story::open(path, mode, check);
        QFAIL("a story with planted triggers opened");
    } catch (const StoreError& e) {
        QVERIFY2(e.message().contains(path), qPrintable(e.message()));
        QVERIFY2(e.message().contains(QStringLiteral("did not create")), qPrintable(e.message()));
    }
    QCOMPARE(Store::checkIntegrity(path), QString()); // the background check runs none either
    checkCompanionsUnchanged(path, companionsBefore);
    QCOMPARE(diskState(path), before);
    QCOMPARE(rawInt(path, "SELECT count(*) FROM marker"), 0);
}

// A cell longer than the Store's SQLITE_LIMIT_LENGTH (64 MB) is refused with a message naming
// the file when it is read; one under it (50 MB) reads whole.
void TestHostileStory::oversizedCellHitsLengthLimitWithMessage()
{
    const QString path = freshCopy(QStringLiteral("oversized"));
    // No journal and no syncs while crafting: 120 MB through the WAL is slow on a busy disk.
    rawExec(path, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                  "UPDATE events SET title = 'big:' || hex(zeroblob(25 * 1024 * 1024)) "
                  "WHERE id = (SELECT min(id) FROM events);"
                  "UPDATE events SET summary = hex(zeroblob(35 * 1024 * 1024)) "
                  "WHERE id = (SELECT max(id) FROM events)");
    if (QTest::currentTestFailed())
        return;
    const QString before = diskState(path);
    const QString companionsBefore = companions(path);
    const Id small = Id(rawInt(path, "SELECT min(id) FROM events"));
    const Id big = Id(rawInt(path, "SELECT max(id) FROM events"));
    {
        // Deferred: the page check would read all 120 MB of overflow pages first; the limit is
        // what is tested here.
        std::unique_ptr<Store> store =
            Store::open(path, Store::Mode::ReadOnly, Store::Check::Deferred);
        const auto e = store->event(small);
        QVERIFY(e.has_value());
        QCOMPARE(e->title.size(), 4 + 50 * 1024 * 1024);
        try {
            store->event(big);
            QFAIL("a 70 MB cell was read");
        } catch (const StoreError& error) {
            QVERIFY2(error.message().contains(path), qPrintable(error.message()));
            QVERIFY2(error.message().contains(QStringLiteral("too big")),
                     qPrintable(error.message()));
        }
    }
    checkCompanionsUnchanged(path, companionsBefore);
    QCOMPARE(diskState(path), before);
}

// A read-only open, and the background integrity check, leave no -wal or -shm behind; while a
// writer holds the story open they are its files and stay.
void TestHostileStory::readOnlyOpenLeavesNoCompanionFiles()
{
    const QString path = freshCopy(QStringLiteral("companions"));
    const QString before = companions(path);
    QCOMPARE(before, QStringLiteral("wal absent, shm absent"));
    const QString state = diskState(path);
    Store::open(path, Store::Mode::ReadOnly).reset();
    QCOMPARE(companions(path), before);
    QCOMPARE(Store::checkIntegrity(path), QString());
    QCOMPARE(companions(path), before);
    QCOMPARE(diskState(path), state);

    // A writer opens after the reader: closing the reader must not pull the WAL from under it,
    // and the writer's commit after that is in the file.
    {
        std::unique_ptr<Store> reader = Store::open(path, Store::Mode::ReadOnly);
        std::unique_ptr<Store> writer = Store::open(path, Store::Mode::ReadWrite);
        reader.reset();
        QCOMPARE(companions(path), QStringLiteral("wal present, shm present"));
        writer->setMeta(QStringLiteral("title"), QStringLiteral("written after the reader left"));
    }
    std::unique_ptr<Store> again = Store::open(path, Store::Mode::ReadOnly);
    QCOMPARE(again->meta(QStringLiteral("title")), QStringLiteral("written after the reader left"));
}

QTEST_GUILESS_MAIN(TestHostileStory)
#include "tst_hostilestory.moc"
