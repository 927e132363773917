// A failed import changes nothing, tested where it can fail: the failure is injected after
// the import has written its rows (through the progress callback, which applyImport and the
// Chronomap JSON reader call with 1.0 once everything is written, just before the commit), in
// every import format, on the row-by-row path and the bulk path, into a story with content.
// The story's content (every table, the search index's included) must hash as before, and
// the connection must not hold on to the write lock.
#include "interchangetest.h"
#include "storehash.h"

#include "interchange/interchange.h"
#include "story/generator.h"
#include "story/story.h"

#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace chronomap;

class TestImportFailure : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void failureAfterRowsChangesNothing_data();
    void failureAfterRowsChangesNothing();

private:
    QString freshTarget();

    QTemporaryDir m_dir;
    QString m_template;
    int m_copies = 0;
};

void TestImportFailure::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The target: the seed story, closed (its WAL checkpointed) so that copies are whole.
    m_template = m_dir.filePath(QStringLiteral("template.chronomap"));
    Story::create(m_template);
    // The inputs: every export format of a small story with every field, and of a generated
    // story large enough for the bulk path (2,000 events and more).
    {
        auto small =
            Store::open(m_dir.filePath(QStringLiteral("small.chronomap")), Store::Mode::Create);
        test::fillGraphStory(*small);
        auto large =
            Store::open(m_dir.filePath(QStringLiteral("large.chronomap")), Store::Mode::Create);
        GenerateOptions options;
        options.events = 2500;
        options.actors = 60;
        generateStory(*large, options);
        for (const QString& format : exportFormats()) {
            const QString suffix = format.endsWith(QLatin1String("csv")) ? QStringLiteral("csv")
                                   : format == QLatin1String("gexf")     ? QStringLiteral("gexf")
                                   : format == QLatin1String("graphml")  ? QStringLiteral("graphml")
                                                                         : QStringLiteral("json");
            exportData(*small, format,
                       m_dir.filePath(QStringLiteral("small-%1.%2").arg(format, suffix)));
            exportData(*large, format,
                       m_dir.filePath(QStringLiteral("large-%1.%2").arg(format, suffix)));
        }
    }
}

QString TestImportFailure::freshTarget()
{
    const QString path = m_dir.filePath(QStringLiteral("target%1.chronomap").arg(++m_copies));
    QFile::copy(m_template, path);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

void TestImportFailure::failureAfterRowsChangesNothing_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("format"); // the import format
    const QList<std::pair<const char*, const char*>> formats = {
        {"timelinejs.json", "timelinejs"}, {"timelinejs-csv.csv", "timelinejs"},
        {"chronomap.json", "json"},        {"events-csv.csv", "csv"},
        {"edges-csv.csv", "edges"},        {"gexf.gexf", "gexf"},
        {"graphml.graphml", "graphml"}};
    for (const char* size : {"small", "large"})
        for (const auto& [file, format] : formats) {
            const QString name =
                QStringLiteral("%1-%2").arg(QLatin1String(size), QLatin1String(file));
            QTest::newRow(qPrintable(name)) << m_dir.filePath(name) << QString::fromLatin1(format);
        }
}

void TestImportFailure::failureAfterRowsChangesNothing()
{
    QFETCH(QString, input);
    QFETCH(QString, format);
    const QString path = freshTarget();
    const QByteArray before = test::storyContentHash(path);
    QVERIFY(!before.isEmpty());
    const ParsedImport parsed = parseImport(input, format);

    auto store = Store::open(path, Store::Mode::ReadWrite);
    const StoryCounts countsBefore = store->counts();
    StoryCounts countsInside;
    bool reached = false;
    const auto testThread = std::this_thread::get_id();
    auto inject = [&](double share) {
        if (share >= 1.0 && std::this_thread::get_id() == testThread) {
            reached = true;
            countsInside = store->counts(); // what the transaction has written so far
            throw StoreError(QStringLiteral("injected failure after the rows were written"));
        }
        return true;
    };
    QVERIFY_THROWS_EXCEPTION(StoreError, applyParsedImport(*store, parsed, inject));
    QVERIFY(reached);
    // The failure came after rows were written, not before the first one.
    QVERIFY2(countsInside.events + countsInside.actors + countsInside.relations >
                 countsBefore.events + countsBefore.actors + countsBefore.relations,
             qPrintable(input));
    QCOMPARE(store->counts().events, countsBefore.events);

    // Byte for byte, every table; and the write lock is free for another connection.
    QCOMPARE(test::storyContentHash(path), before);
    {
        auto other = Store::open(path, Store::Mode::ReadWrite);
        Store::Transaction tx(*other);
        tx.commit();
    }

    // The same import, not failing, does change the content: the hash can tell.
    applyParsedImport(*store, parsed);
    store.reset();
    QVERIFY(test::storyContentHash(path) != before);
}

QTEST_GUILESS_MAIN(TestImportFailure)
#include "tst_importfailure.moc"
