#include "interchangetest.h"

#include <QImage>
#include <QProcess>
#include <QTest>

using namespace chronomap;

// The command line's import and export: exit codes, the one-line messages naming file, line
// and column, and a story left byte for byte as it was after a failed import.
class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void importsAndExports_data();
    void importsAndExports();
    void failedImportChangesNothing_data();
    void failedImportChangesNothing();
    void exportErrors();
    void exportsObeyFilters();
    void chartExportFlags_data();
    void chartExportFlags();
    void chartExportErrors_data();
    void chartExportErrors();
    void infoDeepTime();

private:
    struct Result
    {
        int code = -1;
        QString out, err;
    };
    Result run(const QStringList& args);
    QByteArray storyJson(const QString& path);
    static QByteArray fileBytes(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    test::Stories m_files;
    QString m_story;
};

TestCli::Result TestCli::run(const QStringList& args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CHRONOMAP_BINARY), args);
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QByteArray TestCli::storyJson(const QString& path)
{
    auto s = Store::open(path, Store::Mode::ReadOnly);
    return writeStoryJson(*s);
}

void TestCli::initTestCase()
{
    m_story = m_files.path(QStringLiteral("seed.chronomap"));
    const Result r = run({QStringLiteral("new"), m_story});
    QVERIFY2(r.code == 0, qPrintable(r.err));
}

void TestCli::importsAndExports_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QString>("importFormat");
    QTest::newRow("timelinejs json")
        << QStringLiteral("timelinejs") << QStringLiteral("json") << QStringLiteral("timelinejs");
    QTest::newRow("timelinejs sheet") << QStringLiteral("timelinejs") << QStringLiteral("csv")
                                      << QStringLiteral("timelinejs-csv");
    // The sheet by its own name, whatever the file is called.
    QTest::newRow("timelinejs-csv") << QStringLiteral("timelinejs-csv") << QStringLiteral("txt")
                                    << QStringLiteral("timelinejs-csv");
    QTest::newRow("chronomap json")
        << QString() << QStringLiteral("json") << QStringLiteral("chronomap");
    QTest::newRow("events csv") << QString() << QStringLiteral("csv")
                                << QStringLiteral("events-csv");
    // One name both ways: "csv" exports the events, as it imports them.
    QTest::newRow("csv") << QStringLiteral("csv") << QStringLiteral("csv")
                         << QStringLiteral("events-csv");
    QTest::newRow("edges csv") << QStringLiteral("edges-csv") << QStringLiteral("csv")
                               << QStringLiteral("edges-csv");
    QTest::newRow("nodes csv") << QStringLiteral("nodes-csv") << QStringLiteral("csv")
                               << QStringLiteral("nodes-csv");
    QTest::newRow("gexf") << QString() << QStringLiteral("gexf") << QStringLiteral("gexf");
    QTest::newRow("graphml") << QString() << QStringLiteral("graphml") << QStringLiteral("graphml");
}

void TestCli::importsAndExports()
{
    QFETCH(QString, format);
    QFETCH(QString, suffix);
    QFETCH(QString, importFormat);
    const QString out = m_files.path(
        QStringLiteral("out-%1.%2")
            .arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'), suffix));
    QStringList args{QStringLiteral("export"), m_story, QStringLiteral("-o"), out};
    if (!format.isEmpty())
        args << QStringLiteral("--format") << format;
    Result r = run(args);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(QFileInfo(out).size() > 0);

    const QString target =
        m_files.path(QStringLiteral("in-%1.chronomap")
                         .arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')));
    QCOMPARE(run({QStringLiteral("new"), target, QStringLiteral("--empty")}).code, 0);
    r = run({QStringLiteral("import"), target, out});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(
                 QStringLiteral("imported %1 (%2) into %3: ").arg(out, importFormat, target)),
             qPrintable(r.out));
    auto seed = Store::open(m_story, Store::Mode::ReadOnly);
    auto imported = Store::open(target, Store::Mode::ReadOnly);
    // The command line's import leaves the audit line the window's import leaves.
    const QList<ChangeRecord> audit = imported->changes();
    QVERIFY(std::any_of(audit.cbegin(), audit.cend(), [&](const ChangeRecord& c) {
        return c.action == QLatin1String("import") &&
               c.after.contains(QStringLiteral("\"format\":\"%1\"").arg(importFormat));
    }));
    if (importFormat == QLatin1String("nodes-csv")) {
        QCOMPARE(imported->counts().actors, seed->counts().actors);
    } else if (importFormat == QLatin1String("edges-csv") || importFormat == QLatin1String("gexf") ||
               importFormat == QLatin1String("graphml")) {
        QCOMPARE(imported->counts().relations, seed->counts().relations);
        QVERIFY(r.out.contains(QStringLiteral("%1 relations").arg(seed->counts().relations)));
    } else {
        QCOMPARE(imported->counts().events, seed->counts().events);
        QVERIFY(r.out.contains(QStringLiteral("%1 events").arg(seed->counts().events)));
    }
}

void TestCli::failedImportChangesNothing_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("message");
    QTest::newRow("bad date on line 3")
        << QStringLiteral("bad.csv") << QByteArray("title,date\nA,2025\nB,yesterday\n")
        << QStringList() << QStringLiteral("bad.csv:3:2: column \"date\": expected a date such as");
    QTest::newRow("unknown node")
        << QStringLiteral("bad.gexf")
        << QByteArray("<gexf><graph><nodes><node id=\"a\"/></nodes><edges>\n<edge source=\"a\" "
                      "target=\"b\"/></edges></graph></gexf>")
        << QStringList() << QStringLiteral("bad.gexf:2:");
    QTest::newRow("billion laughs")
        << QStringLiteral("lol.graphml")
        << QByteArray("<?xml version=\"1.0\"?><!DOCTYPE g [<!ENTITY a \"aaaa\"><!ENTITY b "
                      "\"&a;&a;&a;&a;\">]><graphml>&b;</graphml>")
        << QStringList() << QStringLiteral("lol.graphml:1:");
    QTest::newRow("unknown format option")
        << QStringLiteral("x.csv") << QByteArray("a\n")
        << QStringList{QStringLiteral("--format"), QStringLiteral("xls")}
        << QStringLiteral("--format takes one of");
    QTest::newRow("missing input") << QStringLiteral("") << QByteArray() << QStringList()
                                   << QStringLiteral("cannot open the file");
    QTest::newRow("json 10,000 deep")
        << QStringLiteral("deep.json")
        << QByteArray("{\"events\": ") + QByteArray(10000, '[') + QByteArray(10000, ']') + '}'
        << QStringList() << QStringLiteral("deep.json:1:");
    QTest::newRow("excel utf-16") << QStringLiteral("utf16.csv")
                                  << QByteArray("\xFF\xFEt\0i\0t\0l\0e\0\n\0", 12) << QStringList()
                                  << QStringLiteral("utf16.csv:1:1: expected UTF-8");
}

void TestCli::failedImportChangesNothing()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, extra);
    QFETCH(QString, message);
    const QString input = name.isEmpty() ? m_files.path(QStringLiteral("does-not-exist.csv"))
                                         : m_files.write(name, bytes);
    const QByteArray before = storyJson(m_story);
    const QByteArray beforeBytes = fileBytes(m_story);
    const Result r = run(QStringList{QStringLiteral("import"), m_story, input} + extra);
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(r.err.count(u'\n'), 1); // one line
    QCOMPARE(storyJson(m_story), before);
    // The story file itself, byte for byte, not only what it holds.
    QVERIFY(fileBytes(m_story) == beforeBytes);
}

void TestCli::exportErrors()
{
    const QString out = m_files.write(QStringLiteral("keep.json"), "old");
    Result r = run({QStringLiteral("export"), m_story, QStringLiteral("-o"), out,
                    QStringLiteral("--format"), QStringLiteral("xls")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("--format takes one of")), qPrintable(r.err));
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("old"));
    r = run({QStringLiteral("export"), m_files.path(QStringLiteral("none.chronomap")),
             QStringLiteral("-o"), out});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("none.chronomap")), qPrintable(r.err));
}

void TestCli::exportsObeyFilters()
{
    // The filter bar's filters on the command line: a data export holds exactly the events
    // that carry the tag, no more.
    auto store = Store::open(m_story, Store::Mode::ReadOnly);
    QStringList tagged, others;
    for (const Event& e : store->events())
        (e.tags.contains(QStringLiteral("oil")) ? tagged : others) << e.title;
    QVERIFY(!tagged.isEmpty() && !others.isEmpty());
    const QString out = m_files.path(QStringLiteral("oil.json"));
    Result r = run({QStringLiteral("export"), m_story, QStringLiteral("-o"), out,
                    QStringLiteral("--format"), QStringLiteral("chronomap"), QStringLiteral("--tag"),
                    QStringLiteral("oil")});
    QCOMPARE(r.code, 0);
    const QString json = QString::fromUtf8(fileBytes(out));
    for (const QString& t : tagged)
        QVERIFY2(json.contains(QString(t).replace(u'"', QStringLiteral("\\\""))), qPrintable(t));
    for (const QString& t : others)
        QVERIFY2(!json.contains(t), qPrintable(t));
    // A name that names nothing is an error, and no file is written.
    const QString none = m_files.path(QStringLiteral("none.csv"));
    r = run({QStringLiteral("export"), m_story, QStringLiteral("-o"), none,
             QStringLiteral("--actor"), QStringLiteral("Nobody At All")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("Nobody At All")), qPrintable(r.err));
    QVERIFY(!QFile::exists(none));
}

void TestCli::chartExportFlags_data()
{
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("stdoutHas");
    QTest::newRow("png title block dark")
        << QStringList{QStringLiteral("--theme"),        QStringLiteral("dark"),
                       QStringLiteral("--title"),        QStringLiteral("Talks"),
                       QStringLiteral("--subtitle"),     QStringLiteral("Sub"),
                       QStringLiteral("--caption"),      QStringLiteral("Cap"),
                       QStringLiteral("--credit"),       QStringLiteral("Desk"),
                       QStringLiteral("--size"),         QStringLiteral("1200x675"),
                       QStringLiteral("--publish-safe"), QStringLiteral("omit")}
        << QStringLiteral("png") << QSize(1200, 675) << QStringLiteral("left out");
    QTest::newRow("jpg portrait no legend, marked")
        << QStringList{QStringLiteral("--size"),         QStringLiteral("1080x1920"),
                       QStringLiteral("--no-legend"),    QStringLiteral("--no-sources"),
                       QStringLiteral("--publish-safe"), QStringLiteral("mark")}
        << QStringLiteral("jpg") << QSize(1080, 1920) << QStringLiteral("hatching mark");
    QTest::newRow("actors print, publish-safe off")
        << QStringList{QStringLiteral("--view"),         QStringLiteral("actors"),
                       QStringLiteral("--theme"),        QStringLiteral("print"),
                       QStringLiteral("--publish-safe"), QStringLiteral("off"),
                       QStringLiteral("--size"),         QStringLiteral("800x600")}
        << QStringLiteral("png") << QSize(800, 600) << QString();
    // Publish-safe marks by default.
    QTest::newRow("svg broadcast window")
        << QStringList{QStringLiteral("--theme"), QStringLiteral("broadcast"),
                       QStringLiteral("--from"),  QStringLiteral("2025-10"),
                       QStringLiteral("--to"),    QStringLiteral("2025-11"),
                       QStringLiteral("--title"), QStringLiteral("Miami")}
        << QStringLiteral("svg") << QSize(1920, 1080)
        << QStringLiteral("\u26a0 and hatching mark 9 events not cleared");
}

void TestCli::chartExportFlags()
{
    QFETCH(QStringList, flags);
    QFETCH(QString, suffix);
    QFETCH(QSize, size);
    QFETCH(QString, stdoutHas);
    const QString out = m_files.path(QStringLiteral("chart.") + suffix);
    QFile::remove(out);
    const Result r =
        run(QStringList{QStringLiteral("export"), m_story, QStringLiteral("-o"), out} + flags);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(QFile::exists(out));
    if (suffix == QLatin1String("svg")) {
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray svg = f.readAll();
        QVERIFY(svg.contains(QStringLiteral("width=\"%1\"").arg(size.width()).toUtf8()));
    } else {
        QCOMPARE(QImage(out).size(), size);
    }
    if (stdoutHas.isEmpty())
        QVERIFY2(r.out.trimmed().isEmpty(), qPrintable(r.out));
    else
        QVERIFY2(r.out.contains(stdoutHas), qPrintable(r.out));
}

void TestCli::chartExportErrors_data()
{
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("message");
    QTest::newRow("view") << QStringList{QStringLiteral("--view"), QStringLiteral("pie")}
                          << QStringLiteral("keep.png") << QStringLiteral("--view takes timeline");
    QTest::newRow("theme") << QStringList{QStringLiteral("--theme"), QStringLiteral("neon")}
                           << QStringLiteral("keep.png") << QStringLiteral("--theme takes one of");
    QTest::newRow("publish-safe") << QStringList{QStringLiteral("--publish-safe"),
                                                 QStringLiteral("maybe")}
                                  << QStringLiteral("keep.png")
                                  << QStringLiteral("--publish-safe takes mark, omit or off");
    QTest::newRow("format") << QStringList{} << QStringLiteral("keep.bmp")
                            << QStringLiteral("unknown image format");
    QTest::newRow("size") << QStringList{QStringLiteral("--size"), QStringLiteral("big")}
                          << QStringLiteral("keep.png") << QStringLiteral("--size takes");
    QTest::newRow("caption without text")
        << QStringList{QStringLiteral("--caption")} << QStringLiteral("keep.png")
        << QStringLiteral("--caption needs a value");
}

void TestCli::chartExportErrors()
{
    QFETCH(QStringList, flags);
    QFETCH(QString, output);
    QFETCH(QString, message);
    const QString out = m_files.write(output, "old");
    const Result r =
        run(QStringList{QStringLiteral("export"), m_story, QStringLiteral("-o"), out} + flags);
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(r.err.count(QStringLiteral("chronomap: ")), 1); // one message
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("old"));
}

// A story of deep time (TimelineJS's cosmological years) gives its whole date range.
void TestCli::infoDeepTime()
{
    const QString story = m_files.path(QStringLiteral("deep.chronomap"));
    QCOMPARE(run({QStringLiteral("new"), story, QStringLiteral("--empty")}).code, 0);
    const QString input = m_files.write(
        QStringLiteral("deep.json"),
        R"({"events": [{"start_date": {"year": "-13800000000"}, "text": {"headline": "Big Bang"}},
                       {"start_date": {"year": "20000"}, "text": {"headline": "Far"}}]})");
    QCOMPARE(run({QStringLiteral("import"), story, input}).code, 0);
    const Result r = run({QStringLiteral("info"), story});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QLatin1String("date range:     -13800000000-01-01 to 20000-12-31")),
             qPrintable(r.out));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
