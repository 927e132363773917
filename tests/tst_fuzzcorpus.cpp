#include "fuzzreaders.h"

#include "interchange/chronomapjson.h"
#include "store/store.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace chronomap;

// Replays the fuzzers' seed corpus (fuzz/corpus/<reader>/) through the readers in the normal
// suite: every file is either accepted or refused with a StoreError, never a crash, and the
// story is left as it was (the fuzz harness rolls every write back).
class TestFuzzCorpus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void replays_data();
    void replays();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    QByteArray m_empty;
};

void TestFuzzCorpus::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = Store::open(m_dir.filePath(QStringLiteral("f.chronomap")), Store::Mode::Create);
    m_empty = writeStoryJson(*m_store);
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
    const bool accepted = fuzzRead(reader, bytes, *m_store);
    if (broken &&
        reader != QLatin1String("csv")) // the CSV harness tries three readers, each may refuse
        QVERIFY2(!accepted, qPrintable(name));
    if (name == QLatin1String("basic.json") || name == QLatin1String("basic.gexf") ||
        name == QLatin1String("basic.graphml") || name == QLatin1String("seed.json"))
        QVERIFY2(accepted, qPrintable(name));
    QCOMPARE(writeStoryJson(*m_store), m_empty);
}

QTEST_GUILESS_MAIN(TestFuzzCorpus)
#include "tst_fuzzcorpus.moc"
