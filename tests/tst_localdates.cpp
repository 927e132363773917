// Dates shown to people follow their locale (month names, day-month order) while files keep
// EDTF; English keeps describe()'s wording and forms a locale cannot say fall back to it.
#include "i18n/localdates.h"
#include "model/partialdate.h"

#include <QTest>

using namespace chronomap;

class TestLocalDates : public QObject
{
    Q_OBJECT

private slots:
    void localDate_data();
    void localDate();
};

void TestLocalDates::localDate_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("edtf");
    QTest::addColumn<QString>("expected");
    QTest::newRow("de day") << "de_DE"
                            << "2025-10-24"
                            << "24. Oktober 2025";
    QTest::newRow("de month") << "de_DE"
                              << "2025-08"
                              << "August 2025";
    QTest::newRow("de year") << "de_DE"
                             << "2025"
                             << "2025";
    QTest::newRow("fr day") << "fr_FR"
                            << "2025-11-21"
                            << "21 novembre 2025";
    QTest::newRow("de range approximate") << "de_DE"
                                          << "2025-10-21~/2025-10-31~"
                                          << "21. Oktober 2025 – 31. Oktober 2025 (approximate)";
    QTest::newRow("de open end") << "de_DE"
                                 << "2025-08/.."
                                 << "from August 2025";
    // English and forms QLocale cannot say: describe() as it is.
    QTest::newRow("en") << "en_GB"
                        << "2025-10-24"
                        << PartialDate::fromEdtf(QStringLiteral("2025-10-24")).describe();
    QTest::newRow("de unknown day")
        << "de_DE"
        << "2025-10-2X" << PartialDate::fromEdtf(QStringLiteral("2025-10-2X")).describe();
    QTest::newRow("de BCE") << "de_DE"
                            << "-0044-03-15"
                            << PartialDate::fromEdtf(QStringLiteral("-0044-03-15")).describe();
}

void TestLocalDates::localDate()
{
    QFETCH(QString, locale);
    QFETCH(QString, edtf);
    QFETCH(QString, expected);
    const PartialDate date = PartialDate::fromEdtf(edtf);
    QVERIFY(date.isValid());
    QCOMPARE(chronomap::localDate(date, QLocale(locale)), expected);
}

QTEST_GUILESS_MAIN(TestLocalDates)
#include "tst_localdates.moc"
