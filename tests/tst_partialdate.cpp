#include "model/partialdate.h"

#include <QTest>

using namespace chronomap;

// PartialDate: EDTF parsing, the instants a date allows, its flags and its ordering.
class TestPartialDate : public QObject
{
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void refuses_data();
    void refuses();
    void ordering();
    void describes_data();
    void describes();
    void secondsRoundTrip_data();
    void secondsRoundTrip();
};

namespace {
qint64 at(int y, int m, int d, int hh = 0, int mm = 0, int ss = 0)
{
    return PartialDate::secondsOf(y, m, d, hh, mm, ss);
}
constexpr qint64 kEndOfDay = 86399;
} // namespace

void TestPartialDate::parses_data()
{
    QTest::addColumn<QString>("edtf");
    QTest::addColumn<qint64>("earliest");
    QTest::addColumn<qint64>("latest");
    QTest::addColumn<qint64>("nominalStart");
    QTest::addColumn<qint64>("nominalEnd");
    QTest::addColumn<int>("startPrecision");
    QTest::addColumn<uint>("flags"); // the flag bits that must be set (precision excluded)

    QTest::newRow("year") << "2025" << at(2025, 1, 1) << at(2025, 12, 31) + kEndOfDay
                          << at(2025, 1, 1) << at(2025, 12, 31) + kEndOfDay << 1 << 0u;
    QTest::newRow("month") << "2025-08" << at(2025, 8, 1) << at(2025, 8, 31) + kEndOfDay
                           << at(2025, 8, 1) << at(2025, 8, 31) + kEndOfDay << 2 << 0u;
    QTest::newRow("february of a leap year")
        << "2024-02" << at(2024, 2, 1) << at(2024, 2, 29) + kEndOfDay << at(2024, 2, 1)
        << at(2024, 2, 29) + kEndOfDay << 2 << 0u;
    QTest::newRow("day") << "2025-10-24" << at(2025, 10, 24) << at(2025, 10, 24) + kEndOfDay
                         << at(2025, 10, 24) << at(2025, 10, 24) + kEndOfDay << 3 << 0u;
    QTest::newRow("time utc") << "2025-10-24T14:30:00Z" << at(2025, 10, 24, 14, 30)
                              << at(2025, 10, 24, 14, 30) << at(2025, 10, 24, 14, 30)
                              << at(2025, 10, 24, 14, 30) << 4 << 0u;
    QTest::newRow("time with offset") << "2025-10-24T14:30+02:00" << at(2025, 10, 24, 12, 30)
                                      << at(2025, 10, 24, 12, 30, 59) << at(2025, 10, 24, 12, 30)
                                      << at(2025, 10, 24, 12, 30, 59) << 4 << 0u;
    QTest::newRow("day range") << "2025-10-24/2025-10-26" << at(2025, 10, 24)
                               << at(2025, 10, 26) + kEndOfDay << at(2025, 10, 24)
                               << at(2025, 10, 26) + kEndOfDay << 3 << uint(DateFlag::Range);
    QTest::newRow("late october, approximate ends")
        << "2025-10-21~/2025-10-31~" << at(2025, 10, 20) << at(2025, 11, 1) + kEndOfDay
        << at(2025, 10, 21) << at(2025, 10, 31) + kEndOfDay << 3
        << uint(DateFlag::Range | DateFlag::Approximate);
    QTest::newRow("approximate month widens by a month")
        << "2025-10~" << at(2025, 9, 1) << at(2025, 11, 30) + kEndOfDay << at(2025, 10, 1)
        << at(2025, 10, 31) + kEndOfDay << 2 << uint(DateFlag::Approximate);
    QTest::newRow("approximate year widens by a year")
        << "2019~" << at(2018, 1, 1) << at(2020, 12, 31) + kEndOfDay << at(2019, 1, 1)
        << at(2019, 12, 31) + kEndOfDay << 1 << uint(DateFlag::Approximate);
    QTest::newRow("uncertain day") << "2025-10-24?" << at(2025, 10, 24)
                                   << at(2025, 10, 24) + kEndOfDay << at(2025, 10, 24)
                                   << at(2025, 10, 24) + kEndOfDay << 3 << uint(DateFlag::Uncertain);
    QTest::newRow("year inferred") << "2025?-08" << at(2025, 8, 1) << at(2025, 8, 31) + kEndOfDay
                                   << at(2025, 8, 1) << at(2025, 8, 31) + kEndOfDay << 2
                                   << uint(DateFlag::YearInferred | DateFlag::Uncertain);
    QTest::newRow("unknown last digit of the day")
        << "2025-10-2X" << at(2025, 10, 20) << at(2025, 10, 29) + kEndOfDay << at(2025, 10, 20)
        << at(2025, 10, 29) + kEndOfDay << 3 << uint(DateFlag::UnspecifiedDigits);
    QTest::newRow("unknown decade digit") << "201X" << at(2010, 1, 1) << at(2019, 12, 31) + kEndOfDay
                                          << at(2010, 1, 1) << at(2019, 12, 31) + kEndOfDay << 1
                                          << uint(DateFlag::UnspecifiedDigits);
    QTest::newRow("unknown day of february")
        << "2023-02-XX" << at(2023, 2, 1) << at(2023, 2, 28) + kEndOfDay << at(2023, 2, 1)
        << at(2023, 2, 28) + kEndOfDay << 3 << uint(DateFlag::UnspecifiedDigits);
    QTest::newRow("bce year") << "-0044" << at(-44, 1, 1) << at(-44, 12, 31) + kEndOfDay
                              << at(-44, 1, 1) << at(-44, 12, 31) + kEndOfDay << 1 << 0u;
    QTest::newRow("bce day") << "-0044-03-15" << at(-44, 3, 15) << at(-44, 3, 15) + kEndOfDay
                             << at(-44, 3, 15) << at(-44, 3, 15) + kEndOfDay << 3 << 0u;
    QTest::newRow("summer season") << "2025-22" << at(2025, 6, 1) << at(2025, 8, 31) + kEndOfDay
                                   << at(2025, 6, 1) << at(2025, 8, 31) + kEndOfDay << 2 << 0u;
    QTest::newRow("winter runs into the next year")
        << "2025-24" << at(2025, 12, 1) << at(2026, 2, 28) + kEndOfDay << at(2025, 12, 1)
        << at(2026, 2, 28) + kEndOfDay << 2 << 0u;
    QTest::newRow("open end") << "2025-01-20/.." << at(2025, 1, 20) << at(2025, 1, 20) + kEndOfDay
                              << at(2025, 1, 20) << at(2025, 1, 20) + kEndOfDay << 3
                              << uint(DateFlag::Range | DateFlag::OpenEnd);
    QTest::newRow("open start") << "../2021" << at(2021, 1, 1) << at(2021, 12, 31) + kEndOfDay
                                << at(2021, 1, 1) << at(2021, 12, 31) + kEndOfDay << 0
                                << uint(DateFlag::Range | DateFlag::OpenStart);
}

void TestPartialDate::parses()
{
    QFETCH(QString, edtf);
    QFETCH(qint64, earliest);
    QFETCH(qint64, latest);
    QFETCH(qint64, nominalStart);
    QFETCH(qint64, nominalEnd);
    QFETCH(int, startPrecision);
    QFETCH(uint, flags);
    QString error;
    const PartialDate d = PartialDate::fromEdtf(edtf, &error);
    QVERIFY2(d.isValid(), qPrintable(error));
    QCOMPARE(d.edtf(), edtf);
    QCOMPARE(d.earliest(), earliest);
    QCOMPARE(d.latest(), latest);
    QCOMPARE(d.nominalStart(), nominalStart);
    QCOMPARE(d.nominalEnd(), nominalEnd);
    QCOMPARE(int(d.startPrecision()), startPrecision);
    QCOMPARE(d.flags() & flags, flags);
    QVERIFY(d.earliest() <= d.nominalStart());
    QVERIFY(d.nominalEnd() <= d.latest());
}

void TestPartialDate::refuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason"); // a word the message must contain
    QTest::newRow("empty") << "" << "empty";
    QTest::newRow("words") << "late October" << "year";
    QTest::newRow("two-digit year") << "25-10" << "four digits";
    QTest::newRow("month 13") << "2025-13" << "month";
    QTest::newRow("day 32") << "2025-10-32" << "day";
    QTest::newRow("30 february") << "2025-02-30" << "no day 30";
    QTest::newRow("backwards interval") << "2025-10-26/2025-10-24" << "ends before";
    QTest::newRow("two slashes") << "2025/2026/2027" << "one";
    QTest::newRow("both ends open") << "../.." << "at least one end";
    QTest::newRow("trailing junk") << "2025-10-24 and more" << "time";
    QTest::newRow("fts syntax") << "\" * ( - NEAR" << "year";
    QTest::newRow("huge year") << "99999999" << "year";
    QTest::newRow("very long") << QString(200, u'9') << "longer";
}

void TestPartialDate::refuses()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);
    QString error;
    const PartialDate d = PartialDate::fromEdtf(text, &error);
    QVERIFY(!d.isValid());
    QVERIFY2(error.contains(reason, Qt::CaseInsensitive), qPrintable(error));
}

void TestPartialDate::ordering()
{
    // Sorted by earliest instant, then by latest: a month sorts before the days it contains
    // that end earlier than it, and a year before its months.
    QList<PartialDate> dates = {
        PartialDate::fromEdtf(QStringLiteral("2025-10-24")),
        PartialDate::fromEdtf(QStringLiteral("2025")),
        PartialDate::fromEdtf(QStringLiteral("2025-10")),
        PartialDate::fromEdtf(QStringLiteral("-0044-03-15")),
        PartialDate::fromEdtf(QStringLiteral("2025-10-01")),
        PartialDate::fromEdtf(QStringLiteral("2025-08")),
    };
    std::sort(dates.begin(), dates.end());
    QStringList order;
    for (const PartialDate& d : dates)
        order << d.edtf();
    QCOMPARE(order, (QStringList{QStringLiteral("-0044-03-15"), QStringLiteral("2025"),
                                 QStringLiteral("2025-08"), QStringLiteral("2025-10-01"),
                                 QStringLiteral("2025-10"), QStringLiteral("2025-10-24")}));
}

void TestPartialDate::describes_data()
{
    QTest::addColumn<QString>("edtf");
    QTest::addColumn<QString>("words");
    QTest::newRow("day") << "2025-10-24" << "24 October 2025";
    QTest::newRow("month") << "2025-08" << "August 2025";
    QTest::newRow("year inferred") << "2025?-08" << "August 2025 (year inferred)";
    QTest::newRow("range") << "2025-10-24/2025-10-26" << "24 October 2025 – 26 October 2025";
    QTest::newRow("approximate") << "2019~" << "2019 (approximate)";
    QTest::newRow("bce") << "-0044-03-15" << "15 March 45 BCE";
    QTest::newRow("open end") << "2025-01-20/.." << "from 20 January 2025";
    QTest::newRow("decade") << "201X" << "the 2010s";
}

void TestPartialDate::describes()
{
    QFETCH(QString, edtf);
    QFETCH(QString, words);
    QCOMPARE(PartialDate::fromEdtf(edtf).describe(), words);
}

void TestPartialDate::secondsRoundTrip_data()
{
    QTest::addColumn<qint64>("secs");
    QTest::newRow("epoch") << qint64(0);
    QTest::newRow("before epoch") << qint64(-1);
    QTest::newRow("2025") << at(2025, 10, 24, 13, 5, 7);
    QTest::newRow("leap day") << at(2024, 2, 29, 23, 59, 59);
    QTest::newRow("bce") << at(-44, 3, 15, 12);
}

void TestPartialDate::secondsRoundTrip()
{
    QFETCH(qint64, secs);
    const PartialDate d = PartialDate::fromSeconds(secs);
    QVERIFY(d.isValid());
    QCOMPARE(d.nominalStart(), secs);
    QCOMPARE(d.earliest(), secs);
}

QTEST_GUILESS_MAIN(TestPartialDate)
#include "tst_partialdate.moc"
