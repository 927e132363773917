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

    // The old file: what the editor exported an hour ago.
    QFile old(target);
    QVERIFY(old.open(QIODevice::WriteOnly | QIODevice::Truncate));
    old.write(QByteArray(4096, 'o'));
    old.close();
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

QTEST_MAIN(TestSafeWrite)
#include "tst_safewrite.moc"
