#include "fuzzreaders.h"

#include "storehash.h"

#include "interchange/chronomapjson.h"
#include "story/story.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace chronomap;

// Replays the fuzzers' seed corpus (fuzz/corpus/<reader>/) through the readers in the normal
// suite, as the program imports: each reader in its own transaction, into a story with
// content (a fresh copy for every file). Every file is either accepted or refused with a
// StoreError, never a crash; a refused file leaves the story's content exactly as it was
// (no harness rolls it back: the reader's own transaction must). An accepted file is then
// imported once more into another fresh copy with a failure injected after its rows are
// written, which must leave that copy as it was too.
class TestFuzzCorpus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void replays_data();
    void replays();

private:
    QString freshCopy();

    QTemporaryDir m_dir;
    QString m_template;
    int m_copies = 0;
};

void TestFuzzCorpus::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_template = m_dir.filePath(QStringLiteral("template.chronomap"));
    Story::create(m_template); // the seed story, closed: its WAL checkpointed
}

QString TestFuzzCorpus::freshCopy()
{
    const QString path = m_dir.filePath(QStringLiteral("f%1.chronomap").arg(++m_copies));
    QFile::copy(m_template, path);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

void TestFuzzCorpus::replays_data()
{
    QTest::addColumn<QString>("reader");
    QTest::addColumn<QString>("path");
    const QDir corpus(QStringLiteral(CHRONOMAP_FUZZ_CORPUS));
    for (const QString& reader : fuzzReaders()) {
        const QFileInfoList files =
            QDir(corpus.filePath(reader)).entryInfoList(QDir::Files, QDir::Name);
        QVERIFY2(!files.isEmpty(), qPrintable(QStringLiteral("no corpus for %1").arg(reader)));
        for (const QFileInfo& f : files)
            QTest::newRow(qPrintable(reader + u'/' + f.fileName())) << reader << f.filePath();
    }
}

void TestFuzzCorpus::replays()
{
    QFETCH(QString, reader);
    QFETCH(QString, path);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    // Seeds named bad-*, unknown-*, truncated*, unclosed* and billion-* must be refused.
    const QString name = QFileInfo(path).fileName();
    const bool broken =
        name.startsWith(QLatin1String("bad-")) || name.startsWith(QLatin1String("unknown-")) ||
        name.startsWith(QLatin1String("truncated")) || name.startsWith(QLatin1String("billion-"));

    const QString story = freshCopy();
    const QByteArray before = test::storyContentHash(story);
    QVERIFY(!before.isEmpty());
    bool accepted = false;
    {
        auto store = Store::open(story, Store::Mode::ReadWrite);
        accepted = fuzzRead(reader, bytes, *store, FuzzWrite::Commit);
    }
    if (broken &&
        reader != QLatin1String("csv")) // the CSV harness tries three readers, each may refuse
        QVERIFY2(!accepted, qPrintable(name));
    if (name == QLatin1String("basic.json") || name == QLatin1String("basic.gexf") ||
        name == QLatin1String("basic.graphml") || name == QLatin1String("seed.json"))
        QVERIFY2(accepted, qPrintable(name));
    if (!accepted) {
        QCOMPARE(test::storyContentHash(story), before);
        return;
    }
    if (reader == QLatin1String("edtf"))
        return; // writes nothing

    // Accepted: once more, failing after the rows are written.
    const QString again = freshCopy();
    bool injected = false;
    {
        auto store = Store::open(again, Store::Mode::ReadWrite);
        const auto thread = std::this_thread::get_id();
        fuzzRead(reader, bytes, *store, FuzzWrite::Commit, [&](double share) {
            if (share >= 1.0 && std::this_thread::get_id() == thread) {
                injected = true;
                throw StoreError(QStringLiteral("injected failure"));
            }
            return true;
        });
    }
    QVERIFY2(injected || reader == QLatin1String("csv"), qPrintable(name));
    QCOMPARE(test::storyContentHash(again), before);
}

QTEST_GUILESS_MAIN(TestFuzzCorpus)
#include "tst_fuzzcorpus.moc"
