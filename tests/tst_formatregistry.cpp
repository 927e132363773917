#include "interchangetest.h"

#include "interchange/formatregistry.h"
#include "interchange/graphformats.h"
#include "interchange/importbatch.h"
#include "interchange/interchange.h"

#include <QTest>

using namespace chronomap;

// The one registry of formats: names, suffixes and capabilities every door derives from, one
// name for import and export, a fuzz corpus for every reader; and identity from the file (a
// re-import of a file adds nothing; namesakes stay apart) across the formats.
class TestFormatRegistry : public QObject
{
    Q_OBJECT

private slots:
    void namesAreUniqueAndOneForBothWays();
    void everyReaderHasAFuzzCorpus();
    void exportNamesReadBack_data();
    void exportNamesReadBack();
    void guessesFromTheRegistry();
    void gephiNodeAndEdgeTablesMakeOneGraph();
    void auditRecordIsTheSameForEveryDoor();

private:
    test::Stories m_stories;
};

void TestFormatRegistry::namesAreUniqueAndOneForBothWays()
{
    QSet<QString> names;
    for (const FileFormat& f : fileFormats()) {
        QVERIFY2(!names.contains(f.name), qPrintable(f.name));
        names.insert(f.name);
        for (const QString& a : f.aliases) {
            QVERIFY2(!names.contains(a), qPrintable(a));
            names.insert(a);
            QCOMPARE(fileFormat(a), &f);
        }
        QVERIFY2(!f.suffixes.isEmpty(), qPrintable(f.name));
        QVERIFY2(f.canRead() || f.canWrite(), qPrintable(f.name));
        QVERIFY(!f.displayName().isEmpty());
        QVERIFY(f.fileFilter().contains(QStringLiteral("*.") + f.suffixes.first()));
        // One name each way: what can be written can be read back under the same name.
        if (f.canWrite())
            QVERIFY2(canImportFormat(f.name), qPrintable(f.name));
        QCOMPARE(fileFormat(f.name.toUpper()), &f);
    }
    // "csv" names the spreadsheet family both ways (it used to be import only).
    QVERIFY(canImportFormat(QStringLiteral("csv")));
    QVERIFY(canExportFormat(QStringLiteral("csv")));
    QVERIFY(!canImportFormat(QStringLiteral("xlsx")));
    QVERIFY(importFileFilter().contains(QStringLiteral("*.gexf")));
    QVERIFY(readableSuffixes().contains(QStringLiteral("graphml")));
}

void TestFormatRegistry::everyReaderHasAFuzzCorpus()
{
    const QDir corpus(QStringLiteral(CHRONOMAP_FUZZ_CORPUS));
    for (const QString& name : readableFormats())
        QVERIFY2(!QDir(corpus.filePath(name)).entryList(QDir::Files).isEmpty(),
                 qPrintable(QStringLiteral("fuzz/corpus/%1 is missing or empty").arg(name)));
}

void TestFormatRegistry::exportNamesReadBack_data()
{
    QTest::addColumn<QString>("format");
    for (const FileFormat& f : fileFormats())
        if (f.canWrite())
            QTest::newRow(qPrintable(f.name)) << f.name;
}

// Every writer's output reads back under the same name, keeping the graph's counts.
void TestFormatRegistry::exportNamesReadBack()
{
    QFETCH(QString, format);
    auto s = m_stories.create();
    test::fillGraphStory(*s);
    const QString path = m_stories.path(QStringLiteral("out-%1.%2")
                                            .arg(format, fileFormat(format)->suffixes.first()));
    exportData(*s, format, path);
    auto t = m_stories.create();
    const ParsedImport parsed = parseImport(path, format);
    applyParsedImport(*t, parsed);
    const StoryCounts a = s->counts(), b = t->counts();
    if (format.contains(QLatin1String("edges")) || format == QLatin1String("gexf") ||
        format == QLatin1String("graphml") || format == QLatin1String("chronomap")) {
        QCOMPARE(b.relations, a.relations);
    }
    if (format == QLatin1String("nodes-csv") || format == QLatin1String("gexf") ||
        format == QLatin1String("graphml") || format == QLatin1String("chronomap"))
        QCOMPARE(b.actors, a.actors);
    if (format.startsWith(QLatin1String("timelinejs")) || format == QLatin1String("events-csv") ||
        format == QLatin1String("chronomap"))
        QCOMPARE(b.events, a.events);
}

void TestFormatRegistry::guessesFromTheRegistry()
{
    QCOMPARE(guessImportFormat(QStringLiteral("a.gexf"), QByteArray()), QStringLiteral("gexf"));
    QCOMPARE(guessImportFormat(QStringLiteral("a.xml"), QByteArray("<?xml version='1.0'?><gexf>")),
             QStringLiteral("gexf"));
    QCOMPARE(guessImportFormat(QStringLiteral("a.csv"), QByteArray("a,b")), csvFamily());
    QCOMPARE(guessImportFormat(QStringLiteral("a.json"),
                               QByteArray("{\"format\": \"chronomap\", \"version\": 1}")),
             QStringLiteral("chronomap"));
    QCOMPARE(guessImportFormat(QStringLiteral("a.json"), QByteArray("{\"events\": []}")),
             QStringLiteral("timelinejs"));
    QCOMPARE(guessExportFormat(QStringLiteral("a.graphml")), QStringLiteral("graphml"));
    QCOMPARE(guessExportFormat(QStringLiteral("a.csv")), QStringLiteral("events-csv"));
}

// Gephi's Data Laboratory exports a node table and an edge table: read one after the other they
// make one graph (the edge table's Source and Target name the node table's Id), two nodes that
// share a label stay two actors, and reading both again adds nothing.
void TestFormatRegistry::gephiNodeAndEdgeTablesMakeOneGraph()
{
    const QString nodes = m_stories.write(
        QStringLiteral("nodes.csv"),
        "Id,Label,Modularity Class,party\n1,Alpha,0,Left\n2,Beta,1,Right\n3,Alpha,1,\n");
    const QString edges = m_stories.write(QStringLiteral("edges.csv"),
                                          "Source,Target,Type,Id,Label,Weight\n"
                                          "1,2,Directed,e1,\"funds, quietly\",2\n"
                                          "2,3,Undirected,e2,,1\n"
                                          "3,1,advises,e3,,1\n");
    auto s = m_stories.create();
    const ParsedImport n = parseImport(nodes, QStringLiteral("csv"));
    QCOMPARE(n.format, QStringLiteral("nodes-csv"));
    QCOMPARE(n.batch.actors.size(), 3);
    const Attribute* mc = findAttribute(n.batch.actors.at(1).attributes,
                                        QStringLiteral("Modularity Class"));
    QVERIFY(mc);
    QCOMPARE(mc->type, AttributeType::Integer);
    QVERIFY(!n.batch.actors.at(0).kindKnown);
    applyParsedImport(*s, n);
    const ParsedImport e = parseImport(edges, QStringLiteral("csv"));
    QCOMPARE(e.format, QStringLiteral("edges-csv"));
    applyParsedImport(*s, e);
    QCOMPARE(s->counts().relations, 3);
    const QList<Relation> rel = s->relations();
    QCOMPARE(rel.at(0).type, QStringLiteral("funds, quietly"));
    QVERIFY(rel.at(0).directed);
    QVERIFY(!rel.at(1).directed);
    QCOMPARE(rel.at(2).type, QStringLiteral("advises")); // Kumu: a Type that is no direction
    if (s->schemaVersion() >= 2) {
        // The endpoints are the node table's actors: two "Alpha", one Beta, nothing more.
        QCOMPARE(s->counts().actors, 3);
        applyParsedImport(*s, parseImport(nodes, QStringLiteral("csv")));
        applyParsedImport(*s, parseImport(edges, QStringLiteral("csv")));
        QCOMPARE(s->counts().actors, 3);
        QCOMPARE(s->counts().relations, 3);
    }
}

void TestFormatRegistry::auditRecordIsTheSameForEveryDoor()
{
    ParsedImport p;
    p.fileName = QStringLiteral("/tmp/x.gexf");
    p.format = QStringLiteral("gexf");
    ImportSummary s;
    s.newActors = 2;
    const ChangeRecord r = importAuditRecord(p, s);
    QCOMPARE(r.action, QStringLiteral("import"));
    QVERIFY(r.after.contains(QStringLiteral("\"format\":\"gexf\"")));
    QVERIFY(r.after.contains(QStringLiteral("x.gexf")));
    QVERIFY(!r.at.isEmpty());
}

QTEST_GUILESS_MAIN(TestFormatRegistry)
#include "tst_formatregistry.moc"
