// Search and filters: the user's text is searched for literally (FTS syntax in it is only
// text), results select and reveal their entry, and the filters the charts obey also filter
// the events table, show as chips and clear in one click.
#include "edit/edits.h"
#include "events/eventtablemodel.h"
#include "query/selection.h"
#include "search/filterbar.h"
#include "search/searchpanel.h"
#include "story/story.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

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

QTEST_MAIN(TestSearchPanel)
#include "tst_searchpanel.moc"
