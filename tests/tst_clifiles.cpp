// The command line never loses a file it did not create (issue 16, sections 1, 6 and 7):
// generate, new, export and import onto existing files, onto the story itself and the files
// SQLite keeps beside it, through symbolic and hard links; a story in a folder its user cannot
// write, on a read-only mount and a full disk; messages that say what happened.
//
// Tests run as root in CI, where permissions do not stop writes: the unprivileged cases run
// the program as `nobody` through setpriv, and mounts are made in a private mount namespace
// (unshare -m), so nothing outlives the test. Each such case is skipped when the machine
// does not allow it.
#include "store/store.h"
#include "story/story.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>
#include <unistd.h>

using namespace chronomap;

namespace {

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray sha(const QString& path)
{
    return QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256).toHex();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// A few bytes of a Word document: a ZIP archive.
const QByteArray kDocx = QByteArray("PK\x03\x04\x14\x00\x06\x00", 8) +
                         QByteArray("[Content_Types].xml thesis chapter one ") +
                         QByteArray(200, '\x01');

bool rawExec(const QString& path, const char* sql)
{
    sqlite3* db = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) != SQLITE_OK)
        return false;
    const bool ok = sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

} // namespace

class TestCliFiles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void createRefusesWhatExists_data();
    void createRefusesWhatExists();
    void exportRefusesTheStoryItself_data();
    void exportRefusesTheStoryItself();
    void exportRefusesTheOpenStorysWal();
    void exportForeignFileNeedsForce_data();
    void exportForeignFileNeedsForce();
    void exportReplacesAnEarlierExport();
    void importIntoItselfIsRefused_data();
    void importIntoItselfIsRefused();
    void readOnlyFolderReadsAsNobody();
    void readOnlyMountReads();
    void fullDiskSaysSo();
    void utf16WithoutBomIsNamed_data();
    void utf16WithoutBomIsNamed();
    void brokenRowsAreNamedAndLeftOut();

private:
    struct Result
    {
        int code = -1;
        QString out, err;
    };
    Result run(const QStringList& args, const QString& program = {});
    Result runShell(const QString& script);
    QString freshStory(const QString& name);
    static void verifyOneLineError(const Result& r, const QString& names);

    QTemporaryDir m_dir;
    QString m_story; // the seed story, never changed
    QByteArray m_storySha;
};

TestCliFiles::Result TestCliFiles::run(const QStringList& args, const QString& program)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    if (program.isEmpty())
        p.start(QStringLiteral(CHRONOMAP_BINARY), args);
    else
        p.start(program, args);
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

// A shell script in a private mount namespace; CHRONOMAP names the program.
TestCliFiles::Result TestCliFiles::runShell(const QString& script)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("CHRONOMAP"), QStringLiteral(CHRONOMAP_BINARY));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("unshare"),
            {QStringLiteral("-m"), QStringLiteral("--propagation"), QStringLiteral("private"),
             QStringLiteral("sh"), QStringLiteral("-c"), script});
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QString TestCliFiles::freshStory(const QString& name)
{
    const QString path = m_dir.filePath(name);
    QFile::remove(path);
    if (!QFile::copy(m_story, path))
        return {};
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther |
                                    QFile::ReadGroup);
    return path;
}

void TestCliFiles::verifyOneLineError(const Result& r, const QString& names)
{
    QVERIFY2(r.code != 0, qPrintable(r.out));
    QVERIFY2(r.err.trimmed().count(u'\n') == 0, qPrintable(r.err)); // one line
    QVERIFY2(r.err.contains(names), qPrintable(r.err));
}

void TestCliFiles::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                            QFile::ReadOther | QFile::ExeOther | QFile::ReadGroup |
                                            QFile::ExeGroup);
    m_story = m_dir.filePath(QStringLiteral("seed.chronomap"));
    const Result r = run({QStringLiteral("new"), m_story});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(m_story + QStringLiteral("-wal")));
    m_storySha = sha(m_story);
}

void TestCliFiles::createRefusesWhatExists_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("what");
    for (const char* command : {"generate", "new"})
        for (const char* what :
             {"a document", "a story", "an empty file", "a dangling link", "a leftover wal"})
            QTest::addRow("%s onto %s", command, what)
                << QString::fromLatin1(command) << QString::fromLatin1(what);
}

void TestCliFiles::createRefusesWhatExists()
{
    QFETCH(QString, command);
    QFETCH(QString, what);
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("x.chronomap"));
    QString guarded = target; // the file that must come through byte for byte
    if (what == QLatin1String("a document")) {
        QVERIFY(writeFile(target, kDocx));
    } else if (what == QLatin1String("a story")) {
        QVERIFY(QFile::copy(m_story, target));
    } else if (what == QLatin1String("an empty file")) {
        QVERIFY(writeFile(target, {}));
    } else if (what == QLatin1String("a dangling link")) {
        guarded = dir.filePath(QStringLiteral("elsewhere.txt"));
        QVERIFY(QFile::link(guarded, target));
    } else {
        guarded = target + QStringLiteral("-wal");
        QVERIFY(writeFile(guarded, kDocx));
    }
    const QByteArray before = fileBytes(guarded);
    const bool existed = QFileInfo::exists(guarded);
    const QStringList args = command == QLatin1String("generate")
                                 ? QStringList{command,
                                               target,
                                               QStringLiteral("--events"),
                                               QStringLiteral("50"),
                                               QStringLiteral("--actors"),
                                               QStringLiteral("5"),
                                               QStringLiteral("--quiet")}
                                 : QStringList{command, target};
    const Result r = run(args);
    verifyOneLineError(r, target);
    QCOMPARE(QFileInfo::exists(guarded), existed);
    QCOMPARE(fileBytes(guarded), before);
    if (what == QLatin1String("a dangling link")) {
        QVERIFY(QFileInfo(target).isSymLink()); // the link itself is still there
        QVERIFY(!QFileInfo::exists(guarded));   // and nothing was created through it
    }
    if (what == QLatin1String("a leftover wal"))
        QVERIFY(!QFileInfo::exists(target)); // no story made beside someone's -wal
}

void TestCliFiles::exportRefusesTheStoryItself_data()
{
    QTest::addColumn<QString>("how"); // how OUT names the story
    QTest::addColumn<QString>("format");
    const char* formats[] = {"events-csv", "chronomap", "timelinejs", "timelinejs-csv",
                             "edges-csv",  "gexf",      "graphml",    "png"};
    for (const char* how : {"same name", "relative name", "symbolic link", "hard link"})
        for (const char* format : formats)
            QTest::addRow("%s, %s", how, format)
                << QString::fromLatin1(how) << QString::fromLatin1(format);
}

void TestCliFiles::exportRefusesTheStoryItself()
{
    QFETCH(QString, how);
    QFETCH(QString, format);
    const QString story = freshStory(QStringLiteral("self.chronomap"));
    QVERIFY(!story.isEmpty());
    QString out = story;
    if (how == QLatin1String("relative name")) {
        out = QStringLiteral("%1/../%2/./self.chronomap")
                  .arg(m_dir.path(), QFileInfo(m_dir.path()).fileName());
    } else if (how == QLatin1String("symbolic link")) {
        out = m_dir.filePath(QStringLiteral("link.") + (format == QLatin1String("png")
                                                            ? QStringLiteral("png")
                                                            : QStringLiteral("json")));
        QFile::remove(out);
        QVERIFY(QFile::link(story, out));
    } else if (how == QLatin1String("hard link")) {
        out = m_dir.filePath(QStringLiteral("hard.") + (format == QLatin1String("png")
                                                            ? QStringLiteral("png")
                                                            : QStringLiteral("csv")));
        QFile::remove(out);
        QCOMPARE(::link(QFile::encodeName(story).constData(), QFile::encodeName(out).constData()),
                 0);
    }
    const QByteArray before = sha(story);
    QStringList args{QStringLiteral("export"), story, QStringLiteral("-o"), out};
    if (format != QLatin1String("png"))
        args << QStringLiteral("--format") << format;
    const Result r = run(args);
    verifyOneLineError(r, out);
    QCOMPARE(sha(story), before);
    // Not even --force writes onto the story.
    args << QStringLiteral("--force");
    verifyOneLineError(run(args), out);
    QCOMPARE(sha(story), before);
    auto check = Store::open(story, Store::Mode::ReadOnly); // still a sound story
    QVERIFY(check->counts().events > 0);
}

void TestCliFiles::exportRefusesTheOpenStorysWal()
{
    const QString story = freshStory(QStringLiteral("busy.chronomap"));
    // Another window has the story open and has written: its -wal holds the latest edit.
    auto store = Store::open(story, Store::Mode::ReadWrite);
    store->setMeta(QStringLiteral("title"), QStringLiteral("Edited in another window"));
    const QString wal = story + QStringLiteral("-wal");
    const QString shm = story + QStringLiteral("-shm");
    QVERIFY(QFileInfo::exists(wal));
    const QByteArray walBefore = fileBytes(wal);
    for (const QString& out : {wal, shm}) {
        for (const char* format : {"events-csv", "chronomap"}) {
            const Result r = run({QStringLiteral("export"), story, QStringLiteral("-o"), out,
                                  QStringLiteral("--format"), QString::fromLatin1(format),
                                  QStringLiteral("--force")});
            verifyOneLineError(r, out);
        }
    }
    QCOMPARE(fileBytes(wal), walBefore);
    // The -wal of a story that is not the one exported is refused too.
    const QString other = freshStory(QStringLiteral("exported.chronomap"));
    const Result r = run({QStringLiteral("export"), other, QStringLiteral("-o"), wal,
                          QStringLiteral("--format"), QStringLiteral("events-csv")});
    verifyOneLineError(r, wal);
    QCOMPARE(fileBytes(wal), walBefore);
    QCOMPARE(store->meta(QStringLiteral("title")), QStringLiteral("Edited in another window"));
    store.reset();
    QCOMPARE(Store::open(story, Store::Mode::ReadOnly)->meta(QStringLiteral("title")),
             QStringLiteral("Edited in another window"));
}

void TestCliFiles::exportForeignFileNeedsForce_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("forceWrites");
    QTest::newRow("thesis.docx as events-csv")
        << QStringLiteral("thesis.docx") << kDocx << QStringLiteral("events-csv") << true;
    QTest::newRow("a document named .png")
        << QStringLiteral("thesis.png") << kDocx << QStringLiteral("png") << true;
    QTest::newRow("a binary .csv")
        << QStringLiteral("data.csv") << kDocx << QStringLiteral("events-csv") << true;
    QTest::newRow("a UTF-16 .csv")
        << QStringLiteral("sheet.csv") << QByteArray("\xFF\xFEt\0i\0t\0l\0e\0", 12)
        << QStringLiteral("events-csv") << true;
    QTest::newRow("notes.txt as json")
        << QStringLiteral("notes.json") << QByteArray("my notes, not JSON\n")
        << QStringLiteral("chronomap") << true;
    QTest::newRow("a CSV under a .json name")
        << QStringLiteral("table.json") << QByteArray("a,b\n1,2\n") << QStringLiteral("timelinejs")
        << true;
    QTest::newRow("a JPEG named .png")
        << QStringLiteral("photo.png") << QByteArray("\xFF\xD8\xFF\xE0 JFIF", 9)
        << QStringLiteral("png") << true;
    QTest::newRow("another story, never") << QStringLiteral("other.chronomap") << QByteArray()
                                          << QStringLiteral("chronomap") << false;
    QTest::newRow("a SQLite database named .json, never")
        << QStringLiteral("db.json") << QByteArray() << QStringLiteral("chronomap") << false;
}

void TestCliFiles::exportForeignFileNeedsForce()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, format);
    QFETCH(bool, forceWrites);
    QTemporaryDir dir;
    const QString out = dir.filePath(name);
    if (bytes.isEmpty()) {
        QVERIFY(QFile::copy(m_story, out)); // a database
        QFile::setPermissions(out, QFile::ReadOwner | QFile::WriteOwner);
        bytes = fileBytes(out);
    } else {
        QVERIFY(writeFile(out, bytes));
    }
    QStringList args{QStringLiteral("export"), m_story, QStringLiteral("-o"), out};
    if (format != QLatin1String("png"))
        args << QStringLiteral("--format") << format;
    const Result r = run(args);
    verifyOneLineError(r, out);
    QCOMPARE(fileBytes(out), bytes); // byte for byte as it was
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{name}); // and nothing left beside it
    const Result forced = run(args << QStringLiteral("--force"));
    if (forceWrites) {
        QVERIFY2(forced.code == 0, qPrintable(forced.err));
        QVERIFY(fileBytes(out) != bytes);
    } else {
        verifyOneLineError(forced, out);
        QCOMPARE(fileBytes(out), bytes);
    }
    QCOMPARE(sha(m_story), m_storySha);
}

void TestCliFiles::exportReplacesAnEarlierExport()
{
    QTemporaryDir dir;
    for (const char* name : {"out.csv", "out.json", "out.gexf", "out.graphml", "out.png"}) {
        const QString out = dir.filePath(QString::fromLatin1(name));
        for (int round = 0; round < 2; ++round) {
            const Result r = run({QStringLiteral("export"), m_story, QStringLiteral("-o"), out});
            QVERIFY2(r.code == 0, qPrintable(QString::fromLatin1(name) + u' ' + r.err));
        }
    }
    // A story is exported only from a story: the output of generate replaced by nothing.
    QCOMPARE(sha(m_story), m_storySha);
}

void TestCliFiles::importIntoItselfIsRefused_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("same name") << QStringLiteral("same name");
    QTest::newRow("symbolic link") << QStringLiteral("symbolic link");
    QTest::newRow("hard link") << QStringLiteral("hard link");
    QTest::newRow("its wal") << QStringLiteral("its wal");
}

void TestCliFiles::importIntoItselfIsRefused()
{
    QFETCH(QString, how);
    const QString story = freshStory(QStringLiteral("into.chronomap"));
    QString input = story;
    std::unique_ptr<Store> open;
    if (how == QLatin1String("symbolic link")) {
        input = m_dir.filePath(QStringLiteral("into-link.json"));
        QFile::remove(input);
        QVERIFY(QFile::link(story, input));
    } else if (how == QLatin1String("hard link")) {
        input = m_dir.filePath(QStringLiteral("into-hard.csv"));
        QFile::remove(input);
        QCOMPARE(::link(QFile::encodeName(story).constData(), QFile::encodeName(input).constData()),
                 0);
    } else if (how == QLatin1String("its wal")) {
        open = Store::open(story, Store::Mode::ReadWrite);
        open->setMeta(QStringLiteral("note"), QStringLiteral("in the wal"));
        input = story + QStringLiteral("-wal");
    }
    const QByteArray before = open ? QByteArray() : sha(story);
    for (const char* format : {"", "json", "csv"}) {
        QStringList args{QStringLiteral("import"), story, input};
        if (*format)
            args << QStringLiteral("--format") << QString::fromLatin1(format);
        const Result r = run(args);
        verifyOneLineError(r, input);
        QVERIFY2(r.err.contains(QLatin1String("itself")), qPrintable(r.err));
    }
    if (!open)
        QCOMPARE(sha(story), before);
}

void TestCliFiles::readOnlyFolderReadsAsNobody()
{
    const QStringList asNobody{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                               QStringLiteral("--clear-groups"), QStringLiteral("--")};
    if (run(asNobody + QStringList{QStringLiteral("true")}, QStringLiteral("setpriv")).code != 0)
        QSKIP("setpriv cannot run a program as nobody here");
    // A folder owned by root, readable by all: nobody may read the story but not write beside
    // it, so SQLite cannot make its -wal and -shm.
    QTemporaryDir dir;
    QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                          QFile::ReadOther | QFile::ExeOther);
    const QString story = dir.filePath(QStringLiteral("shared.chronomap"));
    QVERIFY(QFile::copy(m_story, story));
    for (const bool fileWritable : {false, true}) {
        QFile::setPermissions(story, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther |
                                         (fileWritable ? QFile::WriteOther : QFile::Permissions()));
        const QByteArray before = sha(story);
        const Result info = run(
            asNobody + QStringList{QStringLiteral(CHRONOMAP_BINARY), QStringLiteral("info"), story},
            QStringLiteral("setpriv"));
        QVERIFY2(info.code == 0, qPrintable(info.err));
        QVERIFY2(info.out.contains(QLatin1String("events:")), qPrintable(info.out));
        QVERIFY2(info.out.contains(QLatin1String("read-only:")), qPrintable(info.out));
        QVERIFY2(info.out.contains(QDir::toNativeSeparators(dir.path())), qPrintable(info.out));
        // An export of it, into a folder nobody may write (/tmp).
        QTemporaryDir outDir;
        QFile::setPermissions(outDir.path(), QFile::ReadOwner | QFile::WriteOwner |
                                                 QFile::ExeOwner | QFile::ReadOther |
                                                 QFile::WriteOther | QFile::ExeOther);
        const QString out = outDir.filePath(QStringLiteral("shared.json"));
        const Result exported =
            run(asNobody + QStringList{QStringLiteral(CHRONOMAP_BINARY), QStringLiteral("export"),
                                       story, QStringLiteral("-o"), out},
                QStringLiteral("setpriv"));
        QVERIFY2(exported.code == 0, qPrintable(exported.err));
        QVERIFY(fileBytes(out).contains("\"chronomap\""));
        // Nothing was left beside the story, and the story is as it was.
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("shared.chronomap")});
        QCOMPARE(sha(story), before);
        // An import is refused with the reason, and changes nothing.
        const Result imported = run(asNobody + QStringList{QStringLiteral(CHRONOMAP_BINARY),
                                                           QStringLiteral("import"), story, out},
                                    QStringLiteral("setpriv"));
        QVERIFY(imported.code != 0);
        QVERIFY2(imported.err.contains(QLatin1String("read-only")), qPrintable(imported.err));
        QCOMPARE(sha(story), before);
    }
}

void TestCliFiles::readOnlyMountReads()
{
    if (runShell(QStringLiteral("mount -t tmpfs tmpfs /mnt")).code != 0)
        QSKIP("no private mount namespace here (unshare -m and mount need root)");
    QTemporaryDir dir;
    const QString story = dir.filePath(QStringLiteral("archive.chronomap"));
    QVERIFY(QFile::copy(m_story, story));
    QFile::setPermissions(story, QFile::ReadOwner | QFile::WriteOwner);
    const QByteArray before = sha(story);
    // Read-only bind mount of the folder: root cannot write there either.
    const QString script =
        QStringLiteral(
            "set -e; D='%1'; mount --bind \"$D\" \"$D\"; "
            "mount -o remount,bind,ro \"$D\"; "
            "\"$CHRONOMAP\" info \"$D/archive.chronomap\"; "
            "\"$CHRONOMAP\" export \"$D/archive.chronomap\" -o '%2'; "
            "\"$CHRONOMAP\" import \"$D/archive.chronomap\" '%2' || echo IMPORT-REFUSED; "
            "ls -A \"$D\"")
            .arg(dir.path(), m_dir.filePath(QStringLiteral("from-ro.json")));
    const Result r = runShell(script);
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    QVERIFY2(r.out.contains(QLatin1String("read-only:")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QLatin1String("read-only disk")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QLatin1String("IMPORT-REFUSED")), qPrintable(r.out));
    QVERIFY2(r.err.contains(QLatin1String("read-only")), qPrintable(r.err));
    QVERIFY(!r.out.contains(QLatin1String("archive.chronomap-wal")));
    QVERIFY(!r.out.contains(QLatin1String("archive.chronomap-shm")));
    QVERIFY(fileBytes(m_dir.filePath(QStringLiteral("from-ro.json"))).contains("\"chronomap\""));
    QCOMPARE(sha(story), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("archive.chronomap")});
}

void TestCliFiles::fullDiskSaysSo()
{
    if (runShell(QStringLiteral("mount -t tmpfs tmpfs /mnt")).code != 0)
        QSKIP("no private mount namespace here (unshare -m and mount need root)");
    QTemporaryDir dir;
    const QString big = dir.filePath(QStringLiteral("big.chronomap"));
    QVERIFY2(
        run({QStringLiteral("generate"), big, QStringLiteral("--events"), QStringLiteral("3000"),
             QStringLiteral("--actors"), QStringLiteral("40"), QStringLiteral("--quiet")})
                .code == 0,
        "generate");
    const QString disk = dir.filePath(QStringLiteral("disk"));
    QVERIFY(QDir().mkpath(disk));
    // A 64 KiB disk: the export (several hundred KiB) cannot fit; an earlier small file there
    // must stay as it was. Then a story on the full disk still opens for info.
    const QString script =
        QStringLiteral(
            "D='%1'; mount -t tmpfs -o size=64k tmpfs \"$D\" || exit 99; "
            "printf 'a,b\\n' > \"$D/out.csv\"; "
            "\"$CHRONOMAP\" export '%2' -o \"$D/out.csv\"; echo \"code=$?\"; "
            "\"$CHRONOMAP\" export '%2' -o \"$D/out.png\" --size 3840x2160; echo \"code=$?\"; "
            "cat \"$D/out.csv\"; ls -A \"$D\"; "
            "\"$CHRONOMAP\" generate \"$D/g.chronomap\" --events 20000 --actors 50 "
            "--quiet; echo \"code=$?\"; ls -A \"$D\"; "
            "umount \"$D\"; mount -t tmpfs -o size=4m tmpfs \"$D\"; "
            "\"$CHRONOMAP\" new \"$D/small.chronomap\" >/dev/null; "
            "head -c 8000000 /dev/zero > \"$D/filler\" 2>/dev/null; "
            "\"$CHRONOMAP\" info \"$D/small.chronomap\"; echo \"info=$?\"; "
            "ls -A \"$D\"")
            .arg(disk, big);
    const Result r = runShell(script);
    if (r.code == 99)
        QSKIP("tmpfs cannot be mounted here");
    const QStringList errors = r.err.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(r.out.count(QLatin1String("code=1")) == 3, qPrintable(r.out + r.err));
    // "No space left on device", naming the file: never "Unknown error".
    QVERIFY2(errors.value(0).contains(QLatin1String("out.csv")) &&
                 errors.value(0).contains(QLatin1String("No space left on device")),
             qPrintable(r.err));
    QVERIFY2(errors.value(1).contains(QLatin1String("out.png")) &&
                 errors.value(1).contains(QLatin1String("No space left on device")),
             qPrintable(r.err));
    QVERIFY2(!r.err.contains(QLatin1String("Unknown error")), qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("a,b\n")), qPrintable(r.out)); // the old file whole
    QVERIFY2(!r.out.contains(QLatin1String("partial")), qPrintable(r.out));
    QVERIFY2(!r.out.contains(QLatin1String("g.chronomap")), qPrintable(r.out)); // removed: ours
    // A story on a full disk still opens for info, read-only, and says why.
    QVERIFY2(r.out.contains(QLatin1String("info=0")), qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QLatin1String("disk holding small.chronomap is full")),
             qPrintable(r.out));
    QVERIFY2(!r.out.contains(QLatin1String("small.chronomap-wal")), qPrintable(r.out));
}

void TestCliFiles::utf16WithoutBomIsNamed_data()
{
    QTest::addColumn<QString>("encoding");
    QTest::newRow("UTF-16LE") << QStringLiteral("UTF-16LE");
    QTest::newRow("UTF-16BE") << QStringLiteral("UTF-16BE");
}

void TestCliFiles::utf16WithoutBomIsNamed()
{
    QFETCH(QString, encoding);
    const QString text =
        QStringLiteral("title,date\nTalks in Geneva,2025-10-24\nCeasefire,2025-11\n");
    QByteArray bytes;
    for (const QChar c : text) {
        const char lo = char(c.unicode() & 0xff), hi = char(c.unicode() >> 8);
        bytes += encoding == QLatin1String("UTF-16LE") ? QByteArray{lo, hi} : QByteArray{hi, lo};
    }
    const QString input = m_dir.filePath(encoding + QStringLiteral(".csv"));
    QVERIFY(writeFile(input, bytes));
    const QString story = freshStory(QStringLiteral("utf16.chronomap"));
    const QByteArray before = sha(story);
    const Result r = run({QStringLiteral("import"), story, input});
    verifyOneLineError(r, input);
    QVERIFY2(r.err.contains(encoding), qPrintable(r.err));
    QVERIFY2(!r.err.contains(QLatin1String("title column")), qPrintable(r.err));
    QCOMPARE(sha(story), before);
}

void TestCliFiles::brokenRowsAreNamedAndLeftOut()
{
    const QString story = freshStory(QStringLiteral("broken.chronomap"));
    // A damaged or hand-edited story: an event ending before it starts, one with an
    // unreadable date, a note whose thread loops.
    QVERIFY(rawExec(story, "UPDATE events SET latest = 0 WHERE id = (SELECT min(id) FROM events)"));
    QVERIFY(rawExec(story, "UPDATE events SET date = 'sometime soon' WHERE id = (SELECT max(id) "
                           "FROM events)"));
    const Result info = run({QStringLiteral("info"), story});
    QVERIFY2(info.code == 0, qPrintable(info.err));
    QVERIFY2(!info.out.contains(QLatin1String("1970")), qPrintable(info.out));
    QVERIFY2(info.out.contains(QLatin1String("broken rows:    2 events")), qPrintable(info.out));
    const QString range = info.out.section(QStringLiteral("date range:"), 1).section(u'\n', 0, 0);
    const QStringList ends = range.section(u'(', 0, 0).trimmed().split(QStringLiteral(" to "));
    QCOMPARE(ends.size(), 2);
    QVERIFY2(ends[0] <= ends[1], qPrintable(range));
    const Result json = run({QStringLiteral("info"), story, QStringLiteral("--json")});
    QVERIFY2(json.out.contains(QLatin1String("\"broken_events\"")), qPrintable(json.out));

    // Every data export leaves the unreadable row out, says so, and imports back.
    QTemporaryDir dir;
    for (const char* name : {"back.json", "back.csv", "back-tl.json"}) {
        const QString out = dir.filePath(QString::fromLatin1(name));
        QStringList args{QStringLiteral("export"), story, QStringLiteral("-o"), out};
        if (QByteArray(name) == "back-tl.json")
            args << QStringLiteral("--format") << QStringLiteral("timelinejs");
        const Result exported = run(args);
        QVERIFY2(exported.code == 0, qPrintable(exported.err));
        if (QByteArray(name) == "back.json")
            QVERIFY2(exported.out.contains(QLatin1String("1 event with an invalid date")),
                     qPrintable(exported.out));
        const QString fresh =
            dir.filePath(QString::fromLatin1(name) + QStringLiteral(".chronomap"));
        QVERIFY(run({QStringLiteral("new"), fresh, QStringLiteral("--empty")}).code == 0);
        const Result back = run({QStringLiteral("import"), fresh, out});
        QVERIFY2(back.code == 0, qPrintable(QString::fromLatin1(name) + u' ' + back.err));
    }
}

QTEST_GUILESS_MAIN(TestCliFiles)
#include "tst_clifiles.moc"
