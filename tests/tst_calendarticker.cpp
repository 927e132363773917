// An honest axis and honest dates (issue 13 §5): no year printed twice on the date axis, no
// tick finer than the story's dates, and a hover card that shows the EDTF once, each source
// once and no brackets inside brackets.
#include "edit/edits.h"
#include "store/store.h"
#include "story/story.h"
#include "timeline/calendarticker.h"
#include "timeline/eventcard.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace chronomap;

class TestCalendarTicker : public QObject
{
    Q_OBJECT

private slots:
    void noYearTwice_data();
    void noYearTwice();
    void neverFinerThanTheStory();
    void finestOfTheStory();
    void cardDateHasNoNestedBrackets();
    void cardNamesEachSourceOnce();
};

namespace {
constexpr double kDay = 86400;

double at(int y, int m, int d)
{
    return double(QDateTime(QDate(y, m, d), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch());
}
} // namespace

void TestCalendarTicker::noYearTwice_data()
{
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::newRow("ten days") << at(2025, 12, 26) << at(2026, 1, 5);
    QTest::newRow("nine weeks") << at(2025, 10, 1) << at(2025, 12, 3);
    // From noon of a 31st: the ten-day steps once never left the 31st (an axis with no ticks).
    QTest::newRow("nine weeks from a 31st")
        << at(2025, 8, 31) + kDay / 2 << at(2025, 11, 3);
    QTest::newRow("ten months") << at(2025, 3, 1) << at(2026, 1, 1);
    QTest::newRow("two years") << at(2024, 2, 1) << at(2026, 2, 1);
    QTest::newRow("six years") << at(2019, 6, 1) << at(2025, 6, 1);
    QTest::newRow("a century") << at(1925, 1, 1) << at(2025, 1, 1);
}

void TestCalendarTicker::noYearTwice()
{
    QFETCH(double, from);
    QFETCH(double, to);
    for (DatePrecision finest : {DatePrecision::Day, DatePrecision::Month, DatePrecision::Year}) {
        CalendarTicker ticker;
        ticker.setFinest(finest);
        QVector<double> ticks;
        QVector<QString> labels;
        ticker.ticksFor(QCPRange(from, to), QLocale(QLocale::English), ticks, labels);
        QVERIFY(ticks.size() >= 2 || finest != DatePrecision::Day);
        QCOMPARE(labels.size(), ticks.size());
        QVERIFY(std::is_sorted(ticks.begin(), ticks.end()));
        // Every year named at most once across the labels, and every label distinct.
        QSet<QString> years;
        static const QRegularExpression year(QStringLiteral("\\b(\\d{4})\\b"));
        for (const QString& label : labels) {
            for (auto it = year.globalMatch(label); it.hasNext();) {
                const QString y = it.next().captured(1);
                QVERIFY2(!years.contains(y), qPrintable(labels.join(QStringLiteral(" | "))));
                years.insert(y);
            }
        }
        QCOMPARE(QSet<QString>(labels.begin(), labels.end()).size(), labels.size());
    }
}

void TestCalendarTicker::neverFinerThanTheStory()
{
    CalendarTicker ticker;
    ticker.setFinest(DatePrecision::Day);
    // Six hours of a story dated to the day: ticks a day apart at most, never hours.
    QVector<double> ticks;
    QVector<QString> labels;
    ticker.ticksFor(QCPRange(at(2025, 11, 5) - 4 * kDay, at(2025, 11, 5) + 4 * kDay),
                    QLocale(QLocale::English), ticks, labels);
    QVERIFY(!ticks.isEmpty());
    for (double t : ticks)
        QCOMPARE(std::fmod(t, kDay), 0.0); // at midnight: days, not hours
    for (const QString& l : labels)
        QVERIFY2(!l.contains(u':'), qPrintable(l));
    QVERIFY(ticker.stepFor(6 * 3600).unit == CalendarTicker::Unit::Day);
    // A story dated to the month: no day ticks even when zoomed to a fortnight.
    ticker.setFinest(DatePrecision::Month);
    QVERIFY(ticker.stepFor(14 * kDay).unit >= CalendarTicker::Unit::Month);
    // One with times of day may have hours.
    ticker.setFinest(DatePrecision::Time);
    QVERIFY(ticker.stepFor(12 * 3600).unit == CalendarTicker::Unit::Hour);
}

void TestCalendarTicker::finestOfTheStory()
{
    TimeIndex index;
    auto add = [&index](const char* edtf, Id id) {
        Event e;
        e.id = id;
        e.date = PartialDate::fromEdtf(QLatin1String(edtf));
        index.append(TimeIndex::rowOf(e));
    };
    add("2025", 1);
    add("2025-08", 2);
    index.finish();
    QCOMPARE(CalendarTicker::finestOf(index), DatePrecision::Month);
    add("2025-08-21/2025-08-30", 3);
    index.finish();
    QCOMPARE(CalendarTicker::finestOf(index), DatePrecision::Day);
}

void TestCalendarTicker::cardDateHasNoNestedBrackets()
{
    Event e;
    e.title = QStringLiteral("Talks");
    e.date = PartialDate::fromEdtf(QStringLiteral("2025?-08"));
    e.displayDate = QStringLiteral("in August");
    const QString line = eventCardDate(e);
    QVERIFY2(line.contains(QStringLiteral("in August")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("2025?-08")), qPrintable(line)); // the EDTF
    // No bracket opens inside another.
    int depth = 0, deepest = 0;
    for (QChar c : line) {
        depth += c == u'(' ? 1 : c == u')' ? -1 : 0;
        deepest = std::max(deepest, depth);
    }
    QVERIFY2(deepest <= 1, qPrintable(line));
    // Without the story's words: the date in words and the EDTF.
    e.displayDate.clear();
    e.date = PartialDate::fromEdtf(QStringLiteral("2025-11-21~/2025-11-30~"));
    QVERIFY(eventCardDate(e).contains(QStringLiteral("2025-11-21~/2025-11-30~")));
}

void TestCalendarTicker::cardNamesEachSourceOnce()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.chronomap"));
    Story::create(path);
    auto story = Story::open(path);
    const Event e = story->store().events().first();
    const Source s = story->store().sources().first();
    const EntityRef ref{EntityKind::Event, e.id};
    // The same source cited twice for one event, with two quotes.
    QVERIFY(EditGuard::push(story.get(), makeCite(story.get(), ref, s.id, QStringLiteral("one"))));
    QVERIFY(EditGuard::push(story.get(), makeCite(story.get(), ref, s.id, QStringLiteral("two"))));
    const QString html = eventCardHtml(story->store(), e.id);
    QCOMPARE(html.count(s.title.toHtmlEscaped()), 1);
    QVERIFY(html.contains(e.date.edtf().toHtmlEscaped()));
}

QTEST_MAIN(TestCalendarTicker)
#include "tst_calendarticker.moc"
