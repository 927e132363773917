// A read-only story reads (issue 16, section 6): Store::open on a read-only mount, in a folder
// its user cannot write, as a read-only file, and on a full disk opens read-only, reads every
// row, passes the integrity check, leaves no -wal or -shm, and says why; the window shows the
// reason in a banner.
//
// Tests run as root, whom permissions do not stop: the process enters its own mount namespace
// before anything else (so its read-only bind mounts and tmpfs vanish with it), and the
// unprivileged cases switch the effective user to nobody for the duration. Cases the machine
// does not allow are skipped.
#include "mainwindow.h"
#include "story/story.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

using namespace chronomap;

namespace {

bool g_privateMounts = false;

QStringList entries(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

// While alive, this process acts as `nobody` (effective ids only; the real ids stay root's,
// so the destructor can switch back).
class AsNobody
{
public:
    AsNobody() { m_ok = ::setegid(65534) == 0 && ::seteuid(65534) == 0; }
    ~AsNobody()
    {
        if (::seteuid(0) != 0 || ::setegid(0) != 0)
            qFatal("cannot become root again");
    }
    bool ok() const { return m_ok; }

private:
    bool m_ok = false;
};

void openTo(const QString& dir)
{
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                   QFile::ReadOther | QFile::ExeOther | QFile::ReadGroup |
                                   QFile::ExeGroup);
}

} // namespace

class TestReadOnlyStory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void readOnlyMountOpens_data();
    void readOnlyMountOpens();
    void unwritableFolderOpens_data();
    void unwritableFolderOpens();
    void readOnlyFileInWritableFolder();
    void fullDiskOpens();
    void windowSaysWhy();

private:
    QString copyInto(const QString& dir, const QString& name = QStringLiteral("s.chronomap"));
    void verifyReads(const QString& path, Store::Mode mode, ReadOnlyReason expected);
    QString mountReadOnly(QTemporaryDir& dir);

    QTemporaryDir m_dir;
    QString m_story;
    qint64 m_events = 0;
};

void TestReadOnlyStory::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    openTo(m_dir.path());
    m_story = m_dir.filePath(QStringLiteral("seed.chronomap"));
    Story::create(m_story);
    m_events = Store::open(m_story, Store::Mode::ReadOnly)->counts().events;
    QVERIFY(m_events > 0);
    QVERIFY(entries(m_dir.path()) == QStringList{QStringLiteral("seed.chronomap")});
}

QString TestReadOnlyStory::copyInto(const QString& dir, const QString& name)
{
    const QString path = QDir(dir).filePath(name);
    if (!QFile::copy(m_story, path))
        return {};
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther |
                                    QFile::ReadGroup);
    return path;
}

void TestReadOnlyStory::verifyReads(const QString& path, Store::Mode mode, ReadOnlyReason expected)
{
    const QString dir = QFileInfo(path).absolutePath();
    const QStringList before = entries(dir);
    {
        std::unique_ptr<Story> story;
        try {
            story = Story::open(path, mode);
        } catch (const StoreError& e) {
            QFAIL(qPrintable(e.message()));
        }
        QVERIFY(story->isReadOnly());
        QCOMPARE(int(story->store().readOnlyReason()), int(expected));
        QCOMPARE(story->store().counts().events, m_events);
        QCOMPARE(story->store().events().size(), m_events);
        QVERIFY(!story->store().search(QStringLiteral("peace")).isEmpty());
        // A write is refused with the reason, not "unable to open database file".
        try {
            story->store().setMeta(QStringLiteral("title"), QStringLiteral("changed"));
            QFAIL("a read-only story took a write");
        } catch (const StoreError& e) {
            QVERIFY2(e.message().contains(QLatin1String("read-only")), qPrintable(e.message()));
        }
        QCOMPARE(Store::checkIntegrity(path), QString());
        QCOMPARE(entries(dir), before); // no -wal or -shm while open
    }
    QCOMPARE(entries(dir), before); // nor after
}

QString TestReadOnlyStory::mountReadOnly(QTemporaryDir& dir)
{
    const QByteArray d = QFile::encodeName(dir.path());
    if (::mount(d.constData(), d.constData(), nullptr, MS_BIND, nullptr) != 0 ||
        ::mount(nullptr, d.constData(), nullptr, MS_BIND | MS_REMOUNT | MS_RDONLY, nullptr) != 0)
        return {};
    return dir.path();
}

void TestReadOnlyStory::readOnlyMountOpens_data()
{
    QTest::addColumn<bool>("forEditing"); // the window asks for read-write
    QTest::newRow("info, export") << false;
    QTest::newRow("the window") << true;
}

void TestReadOnlyStory::readOnlyMountOpens()
{
    QFETCH(bool, forEditing);
    if (!g_privateMounts)
        QSKIP("no private mount namespace here");
    QTemporaryDir dir;
    openTo(dir.path());
    const QString path = copyInto(dir.path());
    QVERIFY(!path.isEmpty());
    if (mountReadOnly(dir).isEmpty())
        QSKIP("a read-only bind mount is not allowed here");
    verifyReads(path, forEditing ? Store::Mode::ReadWrite : Store::Mode::ReadOnly,
                ReadOnlyReason::Media);
    ::umount(QFile::encodeName(dir.path()).constData());
}

void TestReadOnlyStory::unwritableFolderOpens_data()
{
    QTest::addColumn<bool>("forEditing");
    QTest::addColumn<bool>("fileWritable");
    QTest::newRow("read-only, file read-only") << false << false;
    QTest::newRow("read-write, file read-only") << true << false;
    QTest::newRow("read-write, file writable") << true << true;
}

void TestReadOnlyStory::unwritableFolderOpens()
{
    QFETCH(bool, forEditing);
    QFETCH(bool, fileWritable);
    QTemporaryDir dir; // root's, readable by all, writable by root only
    openTo(dir.path());
    const QString path = copyInto(dir.path());
    if (fileWritable)
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther |
                                        QFile::WriteOther);
    AsNobody nobody;
    if (!nobody.ok())
        QSKIP("cannot act as nobody here");
    verifyReads(path, forEditing ? Store::Mode::ReadWrite : Store::Mode::ReadOnly,
                ReadOnlyReason::Folder);
}

void TestReadOnlyStory::readOnlyFileInWritableFolder()
{
    QTemporaryDir dir;
    QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                          QFile::ReadOther | QFile::WriteOther | QFile::ExeOther);
    const QString path = copyInto(dir.path());
    AsNobody nobody;
    if (!nobody.ok())
        QSKIP("cannot act as nobody here");
    verifyReads(path, Store::Mode::ReadWrite, ReadOnlyReason::File);
}

void TestReadOnlyStory::fullDiskOpens()
{
    if (!g_privateMounts)
        QSKIP("no private mount namespace here");
    QTemporaryDir dir;
    const QByteArray d = QFile::encodeName(dir.path());
    const qint64 size = QFileInfo(m_story).size();
    const QByteArray options = "size=" + QByteArray::number(size + 64 * 1024);
    if (::mount("tmpfs", d.constData(), "tmpfs", 0, options.constData()) != 0)
        QSKIP("tmpfs cannot be mounted here");
    openTo(dir.path());
    const QString path = copyInto(dir.path());
    QVERIFY(!path.isEmpty());
    // Fill what is left.
    QFile filler(dir.filePath(QStringLiteral("filler")));
    QVERIFY(filler.open(QIODevice::WriteOnly));
    const QByteArray block(4096, 'x');
    while (filler.write(block) == block.size() && filler.flush()) {
    }
    filler.close();
    verifyReads(path, Store::Mode::ReadWrite, ReadOnlyReason::DiskFull);
    ::umount(d.constData());
}

void TestReadOnlyStory::windowSaysWhy()
{
    // A writable story: no banner.
    {
        MainWindow window;
        QVERIFY(window.openStory(m_story));
        QVERIFY(!window.findChild<QLabel*>(QStringLiteral("readOnlyBanner")));
    }
    QTemporaryDir dir;
    openTo(dir.path());
    const QString path = copyInto(dir.path(), QStringLiteral("archive.chronomap"));
    AsNobody nobody;
    if (!nobody.ok())
        QSKIP("cannot act as nobody here");
    MainWindow window;
    QVERIFY(window.openStory(path));
    const auto* banner = window.findChild<QLabel*>(QStringLiteral("readOnlyBanner"));
    QVERIFY(banner);
    QVERIFY2(banner->text().contains(QLatin1String("Editing is off")), qPrintable(banner->text()));
    QVERIFY2(banner->text().contains(QDir::toNativeSeparators(dir.path())),
             qPrintable(banner->text()));
    QVERIFY(window.windowTitle().contains(QLatin1String("read-only")));
    QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("archive.chronomap")});
}

int main(int argc, char** argv)
{
    // Before any thread exists: mounts made from here on are this process's own.
    g_privateMounts = ::unshare(CLONE_NEWNS) == 0 &&
                      ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0;
    QApplication app(argc, argv);
    TestReadOnlyStory test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_readonlystory.moc"
