// Reporters' date phrases become EDTF; what cannot be read is refused with a hint.
#include "model/datephrase.h"

#include <QTest>

using namespace chronomap;

class TestDatePhrase : public QObject
{
    Q_OBJECT

private slots:
    void phrases_data();
    void phrases();
    void refusals_data();
    void refusals();
    void describesWhatItUnderstood();
};

void TestDatePhrase::phrases_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("defaultYear");
    QTest::addColumn<QString>("edtf");

    QTest::newRow("late November, the README's example")
        << "late November 2025" << 0 << "2025-11-21~/2025-11-30~";
    QTest::newRow("late October") << "late October 2025" << 0 << "2025-10-21~/2025-10-31~";
    QTest::newRow("late February, leap year") << "late Feb 2024" << 0 << "2024-02-21~/2024-02-29~";
    QTest::newRow("early month") << "early August 2025" << 0 << "2025-08-01~/2025-08-10~";
    QTest::newRow("mid-August") << "mid-August 2025" << 0 << "2025-08-11~/2025-08-20~";
    QTest::newRow("mid August") << "mid August 2025" << 0 << "2025-08-11~/2025-08-20~";
    QTest::newRow("early year") << "early 2025" << 0 << "2025-01~/2025-04~";
    QTest::newRow("late year") << "late 2025" << 0 << "2025-09~/2025-12~";
    QTest::newRow("end of month") << "end of November 2025" << 0 << "2025-11-21~/2025-11-30~";
    QTest::newRow("circa year") << "c. 2019" << 0 << "2019~";
    QTest::newRow("circa word") << "circa 2019" << 0 << "2019~";
    QTest::newRow("about month") << "around Aug 2025" << 0 << "2025-08~";
    QTest::newRow("possibly") << "possibly 2019" << 0 << "2019?";
    QTest::newRow("short month") << "Aug 2025" << 0 << "2025-08";
    QTest::newRow("month with dot") << "Sept. 2025" << 0 << "2025-09";
    QTest::newRow("full month") << "August 2025" << 0 << "2025-08";
    QTest::newRow("day month year") << "24 Oct 2025" << 0 << "2025-10-24";
    QTest::newRow("ordinal") << "24th of October 2025" << 0 << "2025-10-24";
    QTest::newRow("american") << "Oct 24, 2025" << 0 << "2025-10-24";
    QTest::newRow("edtf short range") << "2025-10-24/26" << 0 << "2025-10-24/2025-10-26";
    QTest::newRow("edtf short range across months")
        << "2025-10-30/11-02" << 0 << "2025-10-30/2025-11-02";
    QTest::newRow("days of a month") << "24–26 October 2025" << 0 << "2025-10-24/2025-10-26";
    QTest::newRow("days with hyphen") << "24-26 Oct 2025" << 0 << "2025-10-24/2025-10-26";
    QTest::newRow("span to") << "24 Oct to 2 Nov 2025" << 0 << "2025-10-24/2025-11-02";
    QTest::newRow("between months") << "between May and June 2025" << 0 << "2025-05/2025-06";
    QTest::newRow("before") << "before 2020" << 0 << "../2020";
    QTest::newRow("since") << "since March 2022" << 0 << "2022-03/..";
    QTest::newRow("season") << "summer 2025" << 0 << "2025-22";
    QTest::newRow("quarter") << "Q3 2025" << 0 << "2025-07/2025-09";
    QTest::newRow("plain edtf day") << "2025-10-24" << 0 << "2025-10-24";
    QTest::newRow("plain edtf approximate") << "2025-10~" << 0 << "2025-10~";
    QTest::newRow("plain edtf unspecified") << "201X" << 0 << "201X";
    QTest::newRow("year only") << "2025" << 0 << "2025";
    QTest::newRow("extra spaces") << "  late   October   2025 " << 0 << "2025-10-21~/2025-10-31~";
    QTest::newRow("no year, inferred") << "Aug" << 2025 << "2025?-08";
    QTest::newRow("day without year, inferred") << "24 October" << 2025 << "2025?-10-24";
    QTest::newRow("stated year beats default") << "Aug 2024" << 2025 << "2024-08";
    QTest::newRow("day.month.year") << "24.10.2025" << 0 << "2025-10-24";
    QTest::newRow("d.m.yyyy") << "2.8.2025" << 0 << "2025-08-02";
}

void TestDatePhrase::phrases()
{
    QFETCH(QString, text);
    QFETCH(int, defaultYear);
    QFETCH(QString, edtf);
    QString error;
    const PartialDate d = parseDatePhrase(text, &error, defaultYear);
    QVERIFY2(d.isValid(), qPrintable(error));
    QCOMPARE(d.edtf(), edtf);
    QVERIFY(error.isEmpty());
}

void TestDatePhrase::refusals_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("hint"); // a word the message must contain

    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("no year") << "late October"
                             << "year";
    QTest::newRow("nonsense") << "sometime soon"
                              << "not a month";
    QTest::newRow("day 32") << "32 October 2025"
                            << "day";
    QTest::newRow("30 February") << "30 Feb 2025"
                                 << "February";
    QTest::newRow("day without month") << "24 2025"
                                       << "month";
    QTest::newRow("backwards span") << "26 Oct to 24 Oct 2025"
                                    << "ends before";
    QTest::newRow("fts syntax") << "\" * ( - NEAR"
                                << "not";
    QTest::newRow("too long") << QString(300, u'a') << "longer";
    QTest::newRow("day or month first") << "10/11/2025"
                                        << "day/month or month/day";
    QTest::newRow("no 13th month") << "24.13.2025"
                                   << "month";
}

void TestDatePhrase::refusals()
{
    QFETCH(QString, text);
    QFETCH(QString, hint);
    QString error;
    const PartialDate d = parseDatePhrase(text, &error);
    QVERIFY2(!d.isValid(), qPrintable(d.edtf()));
    QVERIFY2(error.contains(hint, Qt::CaseInsensitive), qPrintable(error));
}

void TestDatePhrase::describesWhatItUnderstood()
{
    QString error;
    QCOMPARE(parseDatePhrase(QStringLiteral("Aug 2025"), &error).describe(),
             QStringLiteral("August 2025"));
    QVERIFY(parseDatePhrase(QStringLiteral("Aug"), &error, 2025)
                .describe()
                .contains(QStringLiteral("inferred")));
}

QTEST_GUILESS_MAIN(TestDatePhrase)
#include "tst_datephrase.moc"
