#include "interchange/csvreader.h"
#include "store/store.h"

#include <QTest>

using namespace chronomap;

// The CSV reader: RFC 4180 as spreadsheets write it, and every broken file refused with the
// line and column of the fault.
class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void reads_data();
    void reads();
    void rowLinesCountNewLinesInsideQuotes();
    void refuses_data();
    void refuses();
    void neutralisesFormulas_data();
    void neutralisesFormulas();
    void writesWhatItReads();
};

void TestCsvReader::reads_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QStringList>("lastRow");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("separator");

    const QStringList h{QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("plain") << QByteArray("a,b\n1,2\n") << h
                           << QStringList{QStringLiteral("1"), QStringLiteral("2")} << 1
                           << QStringLiteral(",");
    QTest::newRow("no final newline")
        << QByteArray("a,b\n1,2") << h << QStringList{QStringLiteral("1"), QStringLiteral("2")} << 1
        << QStringLiteral(",");
    QTest::newRow("crlf") << QByteArray("a,b\r\n1,2\r\n3,4\r\n") << h
                          << QStringList{QStringLiteral("3"), QStringLiteral("4")} << 2
                          << QStringLiteral(",");
    QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF"
                                       "a,b\n1,2\n")
                         << h << QStringList{QStringLiteral("1"), QStringLiteral("2")} << 1
                         << QStringLiteral(",");
    QTest::newRow("quoted comma") << QByteArray("a,b\n\"x, y\",2\n") << h
                                  << QStringList{QStringLiteral("x, y"), QStringLiteral("2")} << 1
                                  << QStringLiteral(",");
    QTest::newRow("doubled quotes")
        << QByteArray("a,b\n\"say \"\"hi\"\"\",\"\"\n") << h
        << QStringList{QStringLiteral("say \"hi\""), QString()} << 1 << QStringLiteral(",");
    QTest::newRow("newline in field")
        << QByteArray("a,b\n\"one\r\ntwo\",2\n") << h
        << QStringList{QStringLiteral("one\r\ntwo"), QStringLiteral("2")} << 1
        << QStringLiteral(",");
    QTest::newRow("semicolon locale")
        << QByteArray("a;b\n1,5;2,5\n") << h
        << QStringList{QStringLiteral("1,5"), QStringLiteral("2,5")} << 1 << QStringLiteral(";");
    // What Excel writes in a German or French locale: BOM, ';', CRLF, a cell holding a line
    // break (LF, as Alt+Enter makes it), the separator and doubled quotes.
    QTest::newRow("excel european")
        << QByteArray("\xEF\xBB\xBF"
                      "a;b\r\n1;2\r\n\"Zeile eins\nZeile; \"\"zwei\"\"\";3,5\r\n")
        << h << QStringList{QStringLiteral("Zeile eins\nZeile; \"zwei\""), QStringLiteral("3,5")}
        << 2 << QStringLiteral(";");
    QTest::newRow("tab separated")
        << QByteArray("a\tb\nx y\tz\n") << h
        << QStringList{QStringLiteral("x y"), QStringLiteral("z")} << 1 << QStringLiteral("\t");
    QTest::newRow("blank lines skipped")
        << QByteArray("a,b\n\n1,2\n\n") << h
        << QStringList{QStringLiteral("1"), QStringLiteral("2")} << 1 << QStringLiteral(",");
    QTest::newRow("utf8") << QByteArray(
                                 "a,b\n\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD,\xF0\x9F\x95\x8A\n")
                          << h << QStringList{QStringLiteral("Путин"), QStringLiteral("🕊")} << 1
                          << QStringLiteral(",");
    QTest::newRow("empty trailing field")
        << QByteArray("a,b\n1,\n") << h << QStringList{QStringLiteral("1"), QString()} << 1
        << QStringLiteral(",");
}

void TestCsvReader::reads()
{
    QFETCH(QByteArray, csv);
    QFETCH(QStringList, header);
    QFETCH(QStringList, lastRow);
    QFETCH(int, rows);
    QFETCH(QString, separator);
    const CsvTable t = readCsv(csv, QStringLiteral("t.csv"));
    QCOMPARE(t.header, header);
    QCOMPARE(t.rows.size(), rows);
    QCOMPARE(t.rows.last(), lastRow);
    QCOMPARE(QString(t.separator), separator);
}

void TestCsvReader::rowLinesCountNewLinesInsideQuotes()
{
    const CsvTable t = readCsv("h\n\"a\nb\nc\"\nnext\n", QStringLiteral("t.csv"));
    QCOMPARE(t.rows.size(), 2);
    QCOMPARE(t.rowLines, (QList<qint64>{2, 5}));
}

void TestCsvReader::refuses_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("message");
    QTest::newRow("unclosed quote") << QByteArray("a,b\n1,\"open\n2,3\n")
                                    << QStringLiteral("t.csv:2:3: expected a closing quote");
    QTest::newRow("text after quote")
        << QByteArray("a,b\n\"x\"y,2\n")
        << QStringLiteral("t.csv:2:4: expected \",\" or the end of the line after a closing quote");
    QTest::newRow("invalid utf-8")
        << QByteArray("a,b\nok,caf\xE9\n")
        << QStringLiteral("t.csv:2:7: expected UTF-8 text, found the byte 0xe9");
    QTest::newRow("overlong utf-8")
        << QByteArray("a\n\xC0\xAF\n") << QStringLiteral("t.csv:2:1: expected UTF-8 text");
    QTest::newRow("utf-16 from excel")
        << QByteArray("\xFF\xFEt\0i\0t\0l\0e\0\n\0", 12)
        << QStringLiteral("t.csv:1:1: expected UTF-8 text, found UTF-16");
    QTest::newRow("empty") << QByteArray("") << QStringLiteral("t.csv: the file is empty");
    QTest::newRow("field too long") << QByteArray("a\n") + QByteArray(40, 'x') + '\n'
                                    << QStringLiteral("t.csv:2:1: a field longer than");
    QTest::newRow("quoted field too long") << QByteArray("a\n\"") + QByteArray(40, 'x') + "\"\n"
                                           << QStringLiteral("t.csv:2:1: a field longer than");
    QTest::newRow("too many rows")
        << QByteArray("a\n1\n2\n3\n4\n5\n6\n") << QStringLiteral("more than 5 rows");
}

void TestCsvReader::refuses()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, message);
    CsvLimits limits;
    limits.maxFieldBytes = 32;
    limits.maxRows = 5;
    try {
        readCsv(csv, QStringLiteral("t.csv"), limits);
        QFAIL("the file was accepted");
    } catch (const StoreError& e) {
        QVERIFY2(e.message().contains(message), qPrintable(e.message()));
    }
}

void TestCsvReader::neutralisesFormulas_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QByteArray>("written");
    QTest::newRow("equals") << QStringLiteral("=1+2") << QByteArray("'=1+2");
    QTest::newRow("plus") << QStringLiteral("+cmd") << QByteArray("'+cmd");
    QTest::newRow("minus") << QStringLiteral("-cmd|' /C calc'!A0")
                           << QByteArray("'-cmd|' /C calc'!A0");
    QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QByteArray("'@SUM(A1)");
    QTest::newRow("tab") << QStringLiteral("\t=1") << QByteArray("\"'\t=1\"");
    QTest::newRow("cr") << QStringLiteral("\r=1") << QByteArray("\"'\r=1\"");
    QTest::newRow("already quoted") << QStringLiteral("'=1") << QByteArray("''=1");
    QTest::newRow("negative number") << QStringLiteral("-44") << QByteArray("-44");
    QTest::newRow("plain") << QStringLiteral("Miami") << QByteArray("Miami");
    QTest::newRow("quote inside") << QStringLiteral("a \"b\", c")
                                  << QByteArray("\"a \"\"b\"\", c\"");
}

void TestCsvReader::neutralisesFormulas()
{
    QFETCH(QString, cell);
    QFETCH(QByteArray, written);
    QCOMPARE(csvCell(cell), written);
    // Our own reader gives the text back exactly.
    const CsvTable t = readCsv("h\n" + written + "\n", QStringLiteral("t.csv"));
    QCOMPARE(unneutralised(t.rows.at(0).at(0)), cell);
}

void TestCsvReader::writesWhatItReads()
{
    const QStringList row{QStringLiteral("x,y"), QStringLiteral("line\nbreak"), QString(),
                          QStringLiteral("\"q\""), QStringLiteral("=bad()")};
    const QByteArray csv = QByteArray(kUtf8Bom) +
                           csvRow({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                   QStringLiteral("d"), QStringLiteral("e")}) +
                           csvRow(row);
    const CsvTable t = readCsv(csv, QStringLiteral("t.csv"));
    QCOMPARE(t.rows.size(), 1);
    QStringList back;
    for (const QString& c : t.rows.at(0))
        back << unneutralised(c);
    QCOMPARE(back, row);
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
