// The messages core/ writes for the user (a story refused, a file that does not read, what an
// import made, an undo step) come out in the user's language once the window has installed
// its translator (here German, from the shipped translation), and in the same English as
// before without one, as the command line shows them.
#include "edit/edits.h"
#include "interchange/chronomapjson.h"
#include "interchange/csvreader.h"
#include "interchange/importbatch.h"
#include "store/sqlite/schema.h"
#include "store/sqlite/sqlitestore.h"
#include "story/story.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>


using namespace chronomap;

class TestCoreMessages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void newerStoryIsRefusedInGerman();
    void csvReaderSpeaksGerman();
    void jsonReaderComposesGerman();
    void importSummaryIsGerman();
    void undoTextIsGerman();
    void englishWithoutTranslator();

private:
    QString newerStory(const QString& name);
    QString refusalOf(const QString& path);

    QTranslator m_german;
    QTemporaryDir m_dir;
};

void TestCoreMessages::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The German catalogue built from i18n/chronomap_de.ts, as the program ships it.
    QVERIFY(m_german.load(QStringLiteral(":/i18n/chronomap_de.qm")));
    QVERIFY(QCoreApplication::installTranslator(&m_german));
}

void TestCoreMessages::cleanupTestCase()
{
    QCoreApplication::removeTranslator(&m_german);
}

// A story whose format version is past what this program reads.
QString TestCoreMessages::newerStory(const QString& name)
{
    const QString path = m_dir.filePath(name);
    {
        auto store = SqliteStore::openFile(path, Store::Mode::Create);
        store->execForTest("PRAGMA user_version = 9999");
    }
    return path;
}

QString TestCoreMessages::refusalOf(const QString& path)
{
    try {
        Store::open(path, Store::Mode::ReadWrite);
    } catch (const StoreError& e) {
        return e.message();
    }
    return {};
}

void TestCoreMessages::newerStoryIsRefusedInGerman()
{
    const QString path = newerStory(QStringLiteral("newer.chronomap"));
    const QString why = refusalOf(path);
    QVERIFY2(why.startsWith(path + QStringLiteral(": diese Geschichte stammt von einem neueren "
                                                  "Chronomap (Geschichtenformat 9999")),
             qPrintable(why));
    QVERIFY2(why.endsWith(QStringLiteral("Chronomap aktualisieren, um sie zu öffnen")),
             qPrintable(why));
}

void TestCoreMessages::csvReaderSpeaksGerman()
{
    // Excel's "Unicode text": the reader names the problem and the place, in German.
    try {
        readCsv(QByteArray("\xFF\xFE") + "d\0a\0t\0e\0", QStringLiteral("dates.csv"));
        QFAIL("a UTF-16 file was read as CSV");
    } catch (const StoreError& e) {
        QCOMPARE(e.message(),
                 QStringLiteral("dates.csv:1:1: erwartet: UTF-8-Text, gefunden: UTF-16 (eine "
                                "Byte-Order-Mark FF FE); die Datei in der Tabellenkalkulation "
                                "als \"CSV UTF-8\" speichern"));
    }
}

void TestCoreMessages::jsonReaderComposesGerman()
{
    // The reader's frame and the words it puts in it ("a string") are translated alike.
    try {
        storyJsonAsBatch(QByteArray("{\"format\": \"chronomap\", \"version\": \"1\"}"),
                         QStringLiteral("story.json"));
        QFAIL("a version given as a string was accepted");
    } catch (const StoreError& e) {
        QVERIFY2(e.message().endsWith(
                     QStringLiteral("version: erwartet: eine ganze Zahl, gefunden: eine "
                                    "Zeichenkette")),
                 qPrintable(e.message()));
    }
}

void TestCoreMessages::importSummaryIsGerman()
{
    ImportSummary s;
    s.newEvents = 1;
    s.newActors = 2;
    s.matchedActors = 1;
    s.titleSet = true;
    QCOMPARE(s.text(), QStringLiteral("1 Ereignis, 2 neue Akteure, 1 Akteur über den Namen "
                                      "zugeordnet, der Titel der Geschichte"));
}

void TestCoreMessages::undoTextIsGerman()
{
    const QString path = m_dir.filePath(QStringLiteral("undo.chronomap"));
    auto story = Story::create(path, true);
    Event e;
    e.title = QStringLiteral("Gipfel in Genf");
    e.date = PartialDate::fromEdtf(QStringLiteral("2025-10-24"));
    const std::unique_ptr<EditCommand> insert(makeInsert(story.get(), e));
    QCOMPARE(insert->text(), QStringLiteral("Neues Ereignis „Gipfel in Genf“"));
}

void TestCoreMessages::englishWithoutTranslator()
{
    // Without a translator (the command line installs none) the English is unchanged.
    QVERIFY(QCoreApplication::removeTranslator(&m_german));
    const QString path = newerStory(QStringLiteral("newer-en.chronomap"));
    const QString why = refusalOf(path);
    ImportSummary s;
    s.newEvents = 2;
    s.newActors = 1;
    const QString summary = s.text();
    QVERIFY(QCoreApplication::installTranslator(&m_german));
    QCOMPARE(why, path + QStringLiteral(": this story was written by a newer Chronomap (story "
                                        "format 9999, this program reads up to %1); update "
                                        "Chronomap to open it")
                             .arg(schema::latestVersion()));
    QCOMPARE(summary, QStringLiteral("2 events, 1 new actor"));
}

QTEST_MAIN(TestCoreMessages)
#include "tst_coremessages.moc"
