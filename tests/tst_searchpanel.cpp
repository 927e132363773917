// Search and filters: the user's text is searched for literally (FTS syntax in it is only
// text), results select and reveal their entry, and the filters the charts obey also filter
// the events table, show as chips and clear in one click. Names with "&" show as written in
// the filter menus and chips, and chips stay readable in the light and the dark theme.
#include "edit/edits.h"
#include "events/eventtablemodel.h"
#include "query/selection.h"
#include "search/filterbar.h"
#include "search/searchpanel.h"
#include "story/story.h"
#include "theme/windowtheme.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cmath>

using namespace chronomap;

class TestSearchPanel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void hostileTextIsSearchedLiterally_data();
    void hostileTextIsSearchedLiterally();
    void findsMiamiAndRevealsIt();
    void noteResultRevealsItsEntry();
    void tableObeysFilters();
    void filterBarShowsChipsAndClears();
    void namesWithAmpersandsShowAsWritten();
    void chipsAreReadableInBothThemes_data();
    void chipsAreReadableInBothThemes();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Story> m_story;
    std::unique_ptr<Selection> m_selection;
};

void TestSearchPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    const QString path = m_dir->filePath(QStringLiteral("s.chronomap"));
    Story::create(path);
    m_story = Story::open(path);
    m_selection = std::make_unique<Selection>();
}

void TestSearchPanel::cleanup()
{
    m_selection.reset();
    m_story.reset();
    m_dir.reset();
}

void TestSearchPanel::hostileTextIsSearchedLiterally_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("findsWitkoff");
    QTest::newRow("fts operators") << "\" * ( - NEAR" << false;
    QTest::newRow("unbalanced quote and AND") << "\"Witkoff AND" << true;
    QTest::newRow("column filter") << "title:Witkoff" << false;
    QTest::newRow("NOT") << "NOT Witkoff" << false;
    QTest::newRow("parentheses") << "(Witkoff" << true;
    QTest::newRow("caret and braces") << "^{Witkoff}" << true;
    QTest::newRow("only punctuation") << "\"\"\" *** ((( )))" << false;
    QTest::newRow("very long") << QString(5000, u'W') << false;
}

void TestSearchPanel::hostileTextIsSearchedLiterally()
{
    QFETCH(QString, text);
    QFETCH(bool, findsWitkoff);
    SearchPanel panel(m_story.get(), m_selection.get());
    QAbstractItemModelTester tester(panel.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    panel.setQuery(text); // must not throw or show an FTS syntax error
    bool witkoff = false;
    for (int r = 0; r < panel.model()->rowCount(); ++r)
        witkoff = witkoff || panel.model()->hitAt(r).title.contains(QStringLiteral("Witkoff")) ||
                  panel.model()->hitAt(r).snippet.contains(QStringLiteral("Witkoff"));
    if (findsWitkoff)
        QVERIFY(witkoff);
    QVERIFY(!panel.findChild<QLabel*>()->text().contains(QStringLiteral("syntax")));
}

void TestSearchPanel::findsMiamiAndRevealsIt()
{
    SearchPanel panel(m_story.get(), m_selection.get());
    panel.setQuery(QStringLiteral("Miami"));
    int row = -1;
    for (int r = 0; r < panel.model()->rowCount() && row < 0; ++r)
        if (panel.model()->hitAt(r).ref.kind == EntityKind::Event)
            row = r;
    QVERIFY2(row >= 0, "the seed story's Miami talks are found");
    const Id id = panel.model()->hitAt(row).ref.id;
    QVERIFY(m_story->store().event(id)->title.contains(QStringLiteral("Miami")) ||
            m_story->store().event(id)->summary.contains(QStringLiteral("Miami")));
    panel.reveal(row);
    QCOMPARE(*m_selection->current(), (EntityRef{EntityKind::Event, id}));
    QCOMPARE(m_selection->selectedEvents(), QSet<Id>{id});
    // An actor result selects the actor.
    panel.setQuery(QStringLiteral("Witkoff"));
    for (int r = 0; r < panel.model()->rowCount(); ++r)
        if (panel.model()->hitAt(r).ref.kind == EntityKind::Actor) {
            panel.reveal(r);
            QCOMPARE(m_selection->current()->kind, EntityKind::Actor);
            QCOMPARE(m_selection->selectedActors(), QSet<Id>{panel.model()->hitAt(r).ref.id});
            return;
        }
    QFAIL("no actor named Witkoff in the seed story");
}

void TestSearchPanel::noteResultRevealsItsEntry()
{
    const Id event = m_story->store().events().first().id;
    QVERIFY(EditGuard::push(m_story.get(), makeAnnotate(m_story.get(), {EntityKind::Event, event},
                                                        QStringLiteral("zanzibar check needed"))));
    SearchPanel panel(m_story.get(), m_selection.get());
    panel.setQuery(QStringLiteral("zanzibar"));
    QCOMPARE(panel.model()->rowCount(), 1);
    QCOMPARE(panel.model()->hitAt(0).ref.kind, EntityKind::Annotation);
    panel.reveal(0);
    QCOMPARE(*m_selection->current(), (EntityRef{EntityKind::Event, event}));
}

void TestSearchPanel::tableObeysFilters()
{
    EventTableModel model(m_story.get());
    EventFilterProxy proxy(&model, m_story.get(), m_selection.get());
    QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<Event> events = m_story->store().events();
    QCOMPARE(proxy.rowCount(), events.size());

    // Status: mark one event disputed, filter by disputed.
    QVERIFY(EditGuard::push(m_story.get(),
                            makeSetStatus(m_story.get(), {{EntityKind::Event, events.at(2).id}},
                                          Verification::Disputed)));
    int disputed = 0;
    for (const Event& e : m_story->store().events())
        disputed += e.status == Verification::Disputed;
    Selection::Filter f;
    f.statuses = {int(Verification::Disputed)};
    m_selection->setFilter(f);
    QCOMPARE(proxy.rowCount(), disputed);

    // Actor: only the actor's events.
    const Participation p = events.at(0).actors.first();
    f = {};
    f.actors = {p.actorId};
    m_selection->setFilter(f);
    QCOMPARE(proxy.rowCount(), m_story->store().eventsOfActor(p.actorId).size());
    for (int r = 0; r < proxy.rowCount(); ++r) {
        const Id id = proxy.index(r, 0).data(EventTableModel::IdRole).toLongLong();
        bool has = false;
        const Event e = *m_story->store().event(id);
        for (const Participation& q : e.actors)
            has = has || q.actorId == p.actorId;
        QVERIFY(has);
    }
    m_selection->setFilter({});
    QCOMPARE(proxy.rowCount(), events.size());
}

void TestSearchPanel::filterBarShowsChipsAndClears()
{
    FilterBar bar(m_story.get(), m_selection.get());
    QVERIFY(bar.activeFilters().isEmpty());
    Selection::Filter f;
    f.statuses = {int(Verification::Confirmed)};
    f.actors = {m_story->store().actors().first().id};
    m_selection->setFilter(f);
    QCOMPARE(bar.activeFilters().size(), 2);
    QVERIFY(bar.activeFilters().join(u' ').contains(QStringLiteral("confirmed")));
    QVERIFY(bar.activeFilters().join(u' ').contains(m_story->store().actors().first().name));
    auto* clear = bar.findChild<QPushButton*>(QStringLiteral("clearFilters"));
    QVERIFY(clear->isEnabled());
    QTest::mouseClick(clear, Qt::LeftButton);
    QVERIFY(m_selection->filter().isEmpty());
    QVERIFY(bar.activeFilters().isEmpty());
}

namespace {
// QAction and QToolButton texts take "&x" as a mnemonic; shown as written, a name's "&" is "&&".
bool ampersandsEscaped(QString text)
{
    text.remove(QStringLiteral("&&"));
    return !text.contains(u'&');
}
} // namespace

void TestSearchPanel::namesWithAmpersandsShowAsWritten()
{
    // The sample story's "Sanctions & economy" category, in the Category menu and as a chip.
    FilterBar bar(m_story.get(), m_selection.get());
    QMenu* categories = nullptr;
    for (auto* b : bar.findChildren<QToolButton*>())
        if (b->menu() && b->accessibleName().contains(QStringLiteral("Category")))
            categories = b->menu();
    QVERIFY(categories);
    emit categories->aboutToShow();
    QAction* sanctions = nullptr;
    for (QAction* a : categories->actions()) {
        QVERIFY2(ampersandsEscaped(a->text()), qPrintable(a->text()));
        if (a->text().startsWith(QStringLiteral("Sanctions")))
            sanctions = a;
    }
    QVERIFY(sanctions);
    QCOMPARE(sanctions->text(), QStringLiteral("Sanctions && economy"));
    sanctions->setChecked(true);
    QCOMPARE(bar.activeFilters(), QStringList{QStringLiteral("Category: Sanctions & economy")});
    bool chipFound = false;
    for (auto* b : bar.findChildren<QToolButton*>())
        if (b->text().contains(QStringLiteral("Sanctions"))) {
            chipFound = true;
            QVERIFY2(ampersandsEscaped(b->text()), qPrintable(b->text()));
        }
    QVERIFY(chipFound);
}

namespace {
double luminance(QColor c)
{
    auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

// WCAG contrast ratio, 1 (none) to 21 (black on white).
double contrast(QColor a, QColor b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
} // namespace

void TestSearchPanel::chipsAreReadableInBothThemes_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestSearchPanel::chipsAreReadableInBothThemes()
{
    QFETCH(bool, dark);
    const QPalette before = QApplication::palette();
    FilterBar bar(m_story.get(), m_selection.get());
    bar.resize(900, 40);
    bar.show(); // a window on screen follows the application's palette
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    Selection::Filter f;
    f.statuses = {int(Verification::Confirmed)};
    m_selection->setFilter(f);
    // The theme changes while the chip is on screen.
    QApplication::setPalette(dark ? WindowTheme::darkPalette()
                                  : QApplication::style()->standardPalette());
    QTRY_COMPARE(bar.palette().color(QPalette::Base),
                 QApplication::palette().color(QPalette::Base));
    QToolButton* chip = nullptr;
    for (auto* b : bar.findChildren<QToolButton*>())
        if (b->text().contains(QStringLiteral("confirmed")))
            chip = b;
    QVERIFY(chip);
    chip->resize(chip->sizeHint());
    // The chip as drawn: its commonest colour is the background; its text is the pixel that
    // stands out most from it.
    const QImage image = chip->grab().toImage();
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            ++counts[image.pixel(x, y)];
    QRgb background = counts.constBegin().key();
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        if (it.value() > counts.value(background))
            background = it.key();
    double best = 1;
    for (int y = 0; y < image.height(); ++y)
        for (int x = image.width() / 4; x < image.width() * 3 / 4; ++x) // the text, not the rim
            best = std::max(best, contrast(QColor(image.pixel(x, y)), QColor(background)));
    QApplication::setPalette(before);
    QVERIFY2(best >= 4.5, qPrintable(QStringLiteral("contrast %1").arg(best)));
    // The window's theme is the palette's: the chip is dark in the dark theme.
    QCOMPARE(luminance(QColor(background)) < 0.2, dark);
}

QTEST_MAIN(TestSearchPanel)
#include "tst_searchpanel.moc"
