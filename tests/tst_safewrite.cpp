// Save As and exports never leave a half-written file: Store::saveCopy (VACUUM INTO) and the
// chart export (writePlot through QSaveFile) either write the whole file or leave the target
// exactly as it was, with no partial file or temporary left behind, and say why.
//
// Tests run as root in CI, where chmod does not stop writes. Failures are forced in ways root
// cannot bypass: a target whose parent is a regular file (no directory can be made there),
// and RLIMIT_FSIZE, which makes every write past a size fail with EFBIG even for root, so the
// write breaks off midway through the file.
#include "export/chartexport.h"
#include "story/story.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

using namespace chronomap;

namespace {

QByteArray sha256(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

// While alive, no file of this process may grow past `bytes`: writes beyond fail (EFBIG).
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_old);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN); // fail the write instead of killing us
        rlimit lim = m_old;
        lim.rlim_cur = bytes;
        m_ok = setrlimit(RLIMIT_FSIZE, &lim) == 0;
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    bool ok() const { return m_ok; }

private:
    rlimit m_old{};
    void (*m_oldHandler)(int) = nullptr;
    bool m_ok = false;
};

// Everything in a folder, for "nothing was left behind".
QStringList entries(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestSafeWrite : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void saveCopyWritesAWholeStory();
    void saveCopyRefusesExistingTarget();
    void saveCopyIntoUnwritableFolderLeavesNothing_data();
    void saveCopyIntoUnwritableFolderLeavesNothing();
    void saveCopyBrokenOffMidwayLeavesNothing();
    void exportBrokenOffMidwayKeepsOldFile_data();
    void exportBrokenOffMidwayKeepsOldFile();
    void exportIntoFolderThatCannotExistFails();
    void saveCopyRefusesTheOpenStory_data();
    void saveCopyRefusesTheOpenStory();
    void saveCopyReplacesOnlyAClosedStory();
    void exportRefusesStoryAndForeignFiles_data();
    void exportRefusesStoryAndForeignFiles();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Story> m_story;
};

void TestSafeWrite::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_story = Story::create(m_dir.filePath(QStringLiteral("story.chronomap")));
}

void TestSafeWrite::saveCopyWritesAWholeStory()
{
    const QString copy = m_dir.filePath(QStringLiteral("copy.chronomap"));
    m_story->store().saveCopy(copy);
    const auto opened = Store::open(copy, Store::Mode::ReadOnly, Store::Check::Full);
    QCOMPARE(opened->counts().events, m_story->store().counts().events);
    QVERIFY(opened->counts().events > 0);
}

void TestSafeWrite::saveCopyRefusesExistingTarget()
{
    const QString target = m_dir.filePath(QStringLiteral("exists.chronomap"));
    QFile f(target);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("an editor's other story, not to be overwritten");
    f.close();
    const QByteArray before = sha256(target);
    try {
        m_story->store().saveCopy(target);
        QFAIL("saveCopy overwrote an existing file");
    } catch (const StoreError& e) {
        QVERIFY2(e.message().contains(target), qPrintable(e.message()));
        QVERIFY2(e.message().contains(QStringLiteral("already exists")), qPrintable(e.message()));
    }
    QCOMPARE(sha256(target), before);
}

void TestSafeWrite::saveCopyIntoUnwritableFolderLeavesNothing_data()
{
    QTest::addColumn<QString>("relative"); // the target, under the test's folder
    // "blocker" is a regular file: nothing can be created under it, even by root.
    QTest::newRow("parent is a file") << QStringLiteral("blocker/copy.chronomap");
    QTest::newRow("grandparent is a file") << QStringLiteral("blocker/sub/copy.chronomap");
    QTest::newRow("parent missing") << QStringLiteral("no-such-folder/copy.chronomap");
}

void TestSafeWrite::saveCopyIntoUnwritableFolderLeavesNothing()
{
    QFETCH(QString, relative);
    QTemporaryDir dir;
    const QString blocker = dir.filePath(QStringLiteral("blocker"));
    QFile f(blocker);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("a file where a folder is expected");
    f.close();
    const QStringList before = entries(dir.path());
    const QByteArray blockerBefore = sha256(blocker);
    const QString target = dir.filePath(relative);
    try {
        m_story->store().saveCopy(target);
        QFAIL("saveCopy wrote where no file can be");
    } catch (const StoreError& e) {
        QVERIFY2(e.message().contains(target), qPrintable(e.message()));
    }
    QCOMPARE(entries(dir.path()), before);
    QCOMPARE(sha256(blocker), blockerBefore);
}

void TestSafeWrite::saveCopyBrokenOffMidwayLeavesNothing()
{
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("copy.chronomap"));
    // How large a whole copy is, so the limit falls in its middle.
    const QString whole = dir.filePath(QStringLiteral("whole.chronomap"));
    m_story->store().saveCopy(whole);
    const qint64 size = QFileInfo(whole).size();
    QVERIFY(size >= 4 * 8192);
    QVERIFY(QFile::remove(whole));
    {
        FileSizeLimit limit(rlim_t(size / 2)); // the copy breaks off halfway
        QVERIFY(limit.ok());
        try {
            m_story->store().saveCopy(target);
            QFAIL("saveCopy succeeded past the file size limit");
        } catch (const StoreError& e) {
            QVERIFY2(e.message().contains(target), qPrintable(e.message()));
        }
    }
    QCOMPARE(entries(dir.path()), QStringList());
    // The story itself is untouched by the failed copy.
    QCOMPARE(Store::checkIntegrity(m_story->path()), QString());
}

void TestSafeWrite::exportBrokenOffMidwayKeepsOldFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("png") << QStringLiteral("chart.png");
    QTest::newRow("svg") << QStringLiteral("chart.svg");
    QTest::newRow("pdf") << QStringLiteral("chart.pdf");
}

void TestSafeWrite::exportBrokenOffMidwayKeepsOldFile()
{
    QFETCH(QString, name);
    QTemporaryDir dir;
    const QString target = dir.filePath(name);
    QCustomPlot plot;
    plot.addGraph();
    QVector<double> x, y;
    for (int i = 0; i < 2000; ++i) {
        x << i;
        y << (i * 7919 % 1000) / 10.0; // jagged: a PNG that does not compress to nothing
    }
    plot.graph(0)->setData(x, y);
    plot.rescaleAxes();
    plot.resize(1600, 1000);

    // The export works when it can (so the failure below is the limit's doing).
    writePlot(plot, target, QSize(1600, 1000), 1.0);
    const qint64 full = QFileInfo(target).size();
    QVERIFY(full > 16 * 1024);

    // The old file: what the editor exported an hour ago (an earlier export may be replaced;
    // a foreign file may not, see exportRefusesStoryAndForeignFiles).
    const QByteArray before = sha256(target);
    {
        FileSizeLimit limit(8 * 1024); // the new file breaks off after 8 KB
        QVERIFY(limit.ok());
        try {
            writePlot(plot, target, QSize(1600, 1000), 1.0);
            QFAIL("the export succeeded past the file size limit");
        } catch (const StoreError& e) {
            QVERIFY2(e.message().contains(target), qPrintable(e.message()));
        }
    }
    QCOMPARE(sha256(target), before);
    QCOMPARE(entries(dir.path()), QStringList{name}); // no temporary left behind
}

void TestSafeWrite::exportIntoFolderThatCannotExistFails()
{
    QTemporaryDir dir;
    const QString blocker = dir.filePath(QStringLiteral("blocker"));
    QFile f(blocker);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    QCustomPlot plot;
    plot.resize(400, 300);
    const QString target = blocker + QStringLiteral("/chart.png");
    try {
        writePlot(plot, target, QSize(400, 300), 1.0);
        QFAIL("the export wrote where no file can be");
    } catch (const StoreError& e) {
        QVERIFY2(e.message().contains(target), qPrintable(e.message()));
    }
    QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("blocker")});
}

void TestSafeWrite::saveCopyRefusesTheOpenStory_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<bool>("replace"); // the dialog's "replace" answered yes
    for (const char* how : {"same name", "relative name", "its wal", "its shm", "symbolic link",
                            "hard link", "link to its wal"})
        for (const bool replace : {false, true})
            QTest::addRow("%s%s", how, replace ? ", replace" : "")
                << QString::fromLatin1(how) << replace;
}

void TestSafeWrite::saveCopyRefusesTheOpenStory()
{
    QFETCH(QString, how);
    QFETCH(bool, replace);
    // An open story with an edit in its -wal, as in the window.
    const QString path = m_dir.filePath(QStringLiteral("open.chronomap"));
    if (!QFileInfo::exists(path))
        Story::create(path);
    auto story = Story::open(path, Store::Mode::ReadWrite);
    story->store().setMeta(QStringLiteral("title"), QStringLiteral("Edited, in the wal"));
    const QString wal = path + QStringLiteral("-wal");
    QVERIFY(QFileInfo::exists(wal) && QFileInfo::exists(path + QStringLiteral("-shm")));
    const qint64 events = story->store().counts().events;
    QString target = path;
    const QString link = m_dir.filePath(QStringLiteral("link-to-open.chronomap"));
    QFile::remove(link);
    if (how == QLatin1String("relative name"))
        target = m_dir.path() + QStringLiteral("/./../") + QFileInfo(m_dir.path()).fileName() +
                 QStringLiteral("/open.chronomap");
    else if (how == QLatin1String("its wal"))
        target = wal;
    else if (how == QLatin1String("its shm"))
        target = path + QStringLiteral("-shm");
    else if (how == QLatin1String("symbolic link"))
        QVERIFY(QFile::link(path, target = link));
    else if (how == QLatin1String("link to its wal"))
        QVERIFY(QFile::link(wal, target = link));
    else if (how == QLatin1String("hard link"))
        QCOMPARE(::link(QFile::encodeName(path).constData(),
                        QFile::encodeName(target = link).constData()),
                 0);
    const QStringList before = entries(m_dir.path());
    try {
        story->store().saveCopy(target, replace);
        QFAIL("Save a Copy wrote onto the open story");
    } catch (const StoreError& e) {
        QVERIFY2(e.message().contains(target), qPrintable(e.message()));
        QVERIFY2(!e.message().contains(QLatin1String("\n")), qPrintable(e.message()));
    }
    QCOMPARE(entries(m_dir.path()), before); // no temporary left beside it
    // The story is whole, keeps its edit, and takes another.
    QCOMPARE(story->store().meta(QStringLiteral("title")), QStringLiteral("Edited, in the wal"));
    story->store().setMeta(QStringLiteral("after"), QStringLiteral("still writable"));
    story.reset();
    QFile::remove(link);
    QCOMPARE(Store::checkIntegrity(path), QString());
    const auto reopened = Store::open(path, Store::Mode::ReadOnly);
    QCOMPARE(reopened->counts().events, events);
    QCOMPARE(reopened->meta(QStringLiteral("title")), QStringLiteral("Edited, in the wal"));
    QCOMPARE(reopened->meta(QStringLiteral("after")), QStringLiteral("still writable"));
}

void TestSafeWrite::saveCopyReplacesOnlyAClosedStory()
{
    QTemporaryDir dir;
    // An earlier copy, closed: replaced once the new copy is whole.
    const QString earlier = dir.filePath(QStringLiteral("earlier.chronomap"));
    Story::create(earlier, true);
    m_story->store().saveCopy(earlier, true);
    QCOMPARE(Store::open(earlier, Store::Mode::ReadOnly)->counts().events,
             m_story->store().counts().events);
    QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("earlier.chronomap")});

    // Not a story (a thesis given a story's name, an empty file): left byte for byte.
    for (const QByteArray& bytes : {QByteArray("PK\x03\x04 thesis", 13), QByteArray()}) {
        const QString foreign = dir.filePath(QStringLiteral("thesis.chronomap"));
        QFile f(foreign);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        try {
            m_story->store().saveCopy(foreign, true);
            QFAIL("Save a Copy replaced a file that is not a story");
        } catch (const StoreError& e) {
            QVERIFY2(e.message().contains(foreign), qPrintable(e.message()));
        }
        QCOMPARE(sha256(foreign),
                 QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        QVERIFY(QFile::remove(foreign));
    }

    // A story open elsewhere (its -wal and -shm beside it): its edits would be lost.
    const QString busy = dir.filePath(QStringLiteral("busy.chronomap"));
    Story::create(busy, true);
    auto other = Store::open(busy, Store::Mode::ReadWrite);
    other->setMeta(QStringLiteral("title"), QStringLiteral("Someone else's"));
    const QByteArray busyBefore = sha256(busy);
    try {
        m_story->store().saveCopy(busy, true);
        QFAIL("Save a Copy replaced a story open elsewhere");
    } catch (const StoreError& e) {
        QVERIFY2(e.message().contains(busy), qPrintable(e.message()));
    }
    QCOMPARE(sha256(busy), busyBefore);
    QCOMPARE(other->meta(QStringLiteral("title")), QStringLiteral("Someone else's"));
}

void TestSafeWrite::exportRefusesStoryAndForeignFiles_data()
{
    QTest::addColumn<QString>("target"); // under the test's folder; "STORY" is the story
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("the story, named .png") << QStringLiteral("story-link.png") << QByteArray();
    QTest::newRow("its wal") << QStringLiteral("story.chronomap-wal") << QByteArray();
    QTest::newRow("a document named .png")
        << QStringLiteral("thesis.png") << QByteArray("PK\x03\x04 chapter one", 17);
    QTest::newRow("a document named .pdf")
        << QStringLiteral("thesis.pdf") << QByteArray("{\\rtf1 a letter}");
}

void TestSafeWrite::exportRefusesStoryAndForeignFiles()
{
    QFETCH(QString, target);
    QFETCH(QByteArray, bytes);
    const QString story = m_story->path();
    QString path = m_dir.filePath(target);
    if (!target.endsWith(QLatin1String("-wal"))) // the live -wal stays, of course
        QFile::remove(path);
    if (target == QLatin1String("story-link.png"))
        QVERIFY(QFile::link(story, path));
    if (!bytes.isEmpty()) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
    }
    m_story->store().setMeta(QStringLiteral("touched"), QStringLiteral("yes")); // a live -wal
    const bool existed = QFileInfo::exists(path);
    const QByteArray before = sha256(path);
    QCustomPlot plot;
    plot.resize(400, 300);
    ExportRequest request;
    request.output = path;
    request.size = QSize(400, 300);
    for (int how = 0; how < 2; ++how) {
        try {
            if (how == 0)
                writePlot(plot, path, QSize(400, 300), 1.0);
            else
                exportChart(*m_story, request);
            QFAIL("an export wrote onto the story or a foreign file");
        } catch (const StoreError& e) {
            QVERIFY2(e.message().contains(path), qPrintable(e.message()));
        }
        QCOMPARE(QFileInfo::exists(path), existed);
        QCOMPARE(sha256(path), before);
    }
    QCOMPARE(Store::checkIntegrity(story), QString());
    QCOMPARE(m_story->store().meta(QStringLiteral("touched")), QStringLiteral("yes"));
}

QTEST_MAIN(TestSafeWrite)
#include "tst_safewrite.moc"
