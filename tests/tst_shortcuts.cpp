// Keyboard: no two actions that can fire in the same place share a key, every action in the
// menus is listed in Help › Keyboard Shortcuts (in the menus' order) and can be found by its
// name or key, the keys the user guide names work also without a desktop key theme, the events
// table (the accessible alternative to the timeline) has a key that focuses it, Tab walks the
// window in reading order without a trap, and every stop carries an accessible name.
#include "actormap/actormapview.h"
#include "help/shortcutsheet.h"
#include "inspector/detailspanel.h"
#include "mainwindow.h"
#include "query/selection.h"
#include "search/filterbar.h"
#include "story/story.h"
#include "timeline/timelineview.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace chronomap;

class TestShortcuts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void noTwoActionsShareAShortcut();
    void everyMenuActionIsInTheSheet();
    void sheetSearch_data();
    void sheetSearch();
    void eventsTableHasAFocusKey();
    void namedControlsHaveAccessibleNames();
    void tabWalksThroughTheWindowInReadingOrder();
    void sheetFollowsTheMenuOrder();
    void keysTheGuidePromises_data();
    void keysTheGuidePromises();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestShortcuts::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString path = m_dir.filePath(QStringLiteral("s.chronomap"));
    Story::create(path);
    m_window = std::make_unique<MainWindow>();
    QVERIFY(m_window->openStory(path));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

namespace {
// The widgets an action's keys are live in: the window for window-wide actions, else the
// widgets the action was added to (its keys work while focus is inside one of them).
QList<const QObject*> scopesOf(const QAction* a, const QWidget* window)
{
    if (a->shortcutContext() == Qt::WindowShortcut ||
        a->shortcutContext() == Qt::ApplicationShortcut)
        return {window};
    QList<const QObject*> scopes;
    for (const QObject* o : a->associatedObjects())
        if (!qobject_cast<const QMenu*>(o))
            scopes << o;
    return scopes;
}

bool inside(const QObject* inner, const QObject* outer)
{
    for (; inner; inner = inner->parent())
        if (inner == outer)
            return true;
    return false;
}
} // namespace

void TestShortcuts::noTwoActionsShareAShortcut()
{
    QList<QAction*> actions = m_window->findChildren<QAction*>();
    QHash<QString, QList<QAction*>> byKey;
    for (QAction* a : actions)
        for (const QKeySequence& k : a->shortcuts())
            if (!k.isEmpty() && a->isEnabled())
                byKey[k.toString(QKeySequence::PortableText)] << a;
    QVERIFY(byKey.size() > 20);
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
        const QList<QAction*>& list = it.value();
        for (int i = 0; i < list.size(); ++i)
            for (int j = i + 1; j < list.size(); ++j) {
                // Two keys clash where one scope contains the other (a window-wide key and a
                // chart's key, or two in one chart); the timeline's Home and the actor map's
                // Home live in different widgets.
                for (const QObject* a : scopesOf(list[i], m_window.get()))
                    for (const QObject* b : scopesOf(list[j], m_window.get()))
                        if (inside(a, b) || inside(b, a))
                            QFAIL(qPrintable(QStringLiteral("%1 is both \"%2\" and \"%3\"")
                                                 .arg(it.key(), list[i]->text(), list[j]->text())));
            }
    }
}

namespace {
void menuActions(QMenu* menu, QList<QAction*>& out)
{
    for (QAction* a : menu->actions()) {
        if (a->isSeparator() || !a->isVisible() || a->text().isEmpty())
            continue;
        if (a->menu())
            menuActions(a->menu(), out);
        else
            out << a;
    }
}
} // namespace

void TestShortcuts::everyMenuActionIsInTheSheet()
{
    QList<QAction*> inMenus;
    for (QAction* top : m_window->menuBar()->actions())
        if (top->menu())
            menuActions(top->menu(), inMenus);
    QVERIFY(inMenus.size() > 30);
    ShortcutSheet sheet(m_window.get());
    QCOMPARE(sheet.list()->topLevelItemCount(), inMenus.size());
    const QList<ShortcutEntry> entries = ShortcutSheet::collect(m_window.get());
    for (QAction* a : inMenus) {
        const auto it = std::find_if(entries.begin(), entries.end(),
                                     [a](const ShortcutEntry& e) { return e.action == a; });
        QVERIFY2(it != entries.end(), qPrintable(a->text()));
        // The sheet's row shows the action's own keys.
        QCOMPARE(it->keys, a->shortcuts());
        QVERIFY(!sheet.list()->findItems(it->text, Qt::MatchExactly, 0).isEmpty());
    }
}

void TestShortcuts::sheetSearch_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<QString>("mustShow");
    QTest::newRow("by name") << QStringLiteral("preferences") << QStringLiteral("Preferences");
    QTest::newRow("by key") << QStringLiteral("Ctrl+3") << QStringLiteral("Go to Events Table");
    QTest::newRow("by menu") << QStringLiteral("Theme") << QStringLiteral("Dark");
}

void TestShortcuts::sheetSearch()
{
    QFETCH(QString, needle);
    QFETCH(QString, mustShow);
    ShortcutSheet sheet(m_window.get());
    const int all = sheet.visibleRows();
    sheet.searchField()->setText(needle);
    QVERIFY(sheet.visibleRows() > 0);
    QVERIFY(sheet.visibleRows() < all);
    bool shown = false;
    for (QTreeWidgetItem* item : sheet.list()->findItems(mustShow, Qt::MatchExactly, 0))
        shown = shown || !item->isHidden();
    QVERIFY(shown);
    sheet.searchField()->clear();
    QCOMPARE(sheet.visibleRows(), all);
}

void TestShortcuts::eventsTableHasAFocusKey()
{
    m_window->activateWindow();
    m_window->timeline()->setFocus();
    QTRY_VERIFY(m_window->timeline()->hasFocus());
    QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
    QTRY_VERIFY(m_window->eventTable()->hasFocus());
    QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
    QTRY_VERIFY(m_window->timeline()->hasFocus());
}

void TestShortcuts::namedControlsHaveAccessibleNames()
{
    QList<QWidget*> controls = {
        m_window->eventTable(), m_window->timeline(),
        m_window->actorMap(),   m_window->searchField(),
        m_window->filterBar(),  static_cast<QWidget*>(m_window->detailsPanel())};
    for (QWidget* w : controls) {
        QVERIFY(w);
        QVERIFY2(!w->accessibleName().isEmpty(), w->metaObject()->className());
    }
    QVERIFY(!m_window->eventTable()->accessibleDescription().isEmpty());
    // Buttons and fields a person tabs to inside the filter bar say what they are.
    for (QWidget* w : m_window->filterBar()->findChildren<QWidget*>()) {
        if (!w->focusPolicy() || !w->isVisibleTo(m_window->filterBar()))
            continue;
        const bool labelled =
            !w->accessibleName().isEmpty() || (qobject_cast<QAbstractButton*>(w) &&
                                               !static_cast<QAbstractButton*>(w)->text().isEmpty());
        QVERIFY2(labelled, qPrintable(w->objectName() + QLatin1Char(' ') +
                                      QLatin1String(w->metaObject()->className())));
    }
    for (QDockWidget* dock : m_window->findChildren<QDockWidget*>())
        QVERIFY(!dock->windowTitle().isEmpty());
}

namespace {
// The parts of the window Tab visits, in order, from the search field round to it again
// (forward) or back to it (backward); each part once, however many controls it has.
QStringList tabTour(MainWindow* window, Qt::Key key, QStringList* unnamed)
{
    const QList<QPair<QWidget*, QString>> parts = {
        {window->searchField(), QStringLiteral("search")},
        {window->filterBar(), QStringLiteral("filters")},
        {window->timeline(), QStringLiteral("timeline")},
        {window->actorMap(), QStringLiteral("actor map")},
        {window->eventTable(), QStringLiteral("events")},
        {window->detailsPanel(), QStringLiteral("details")}};
    auto partOf = [&](QWidget* w) {
        for (; w; w = w->parentWidget())
            for (const auto& [widget, name] : parts)
                if (w == widget)
                    return name;
        return QStringLiteral("other");
    };
    window->searchField()->setFocus(Qt::TabFocusReason);
    QStringList visited{QStringLiteral("search")};
    for (int i = 0; i < 80; ++i) {
        QTest::keyClick(QApplication::focusWidget(), key);
        // Every stop says what it is to a screen reader.
        QAccessibleInterface* a =
            QAccessible::queryAccessibleInterface(QApplication::focusWidget());
        if (!a || a->text(QAccessible::Name).trimmed().isEmpty())
            *unnamed << QString::fromLatin1(QApplication::focusWidget()->metaObject()->className());
        const QString part = partOf(QApplication::focusWidget());
        if (part != visited.constLast())
            visited << part;
        if (part == QStringLiteral("search"))
            break;
    }
    return visited;
}
} // namespace

void TestShortcuts::tabWalksThroughTheWindowInReadingOrder()
{
    m_window->activateWindow();
    QTRY_VERIFY(m_window->isActiveWindow());
    // The Details dock waits for a pick (a new window gives the timeline its width).
    auto* details = m_window->findChild<QDockWidget*>(QStringLiteral("detailsDock"));
    QVERIFY(details);
    const Id first = m_window->story()->store().events().constFirst().id;
    m_window->selection()->setCurrent(EntityRef{EntityKind::Event, first});
    QVERIFY(details->isVisible());
    // A filter chip (made after the window) sits in the filter bar's turn, not at the end.
    Selection::Filter filter;
    filter.statuses << int(Verification::Confirmed);
    m_window->selection()->setFilter(filter);
    QCOMPARE(m_window->filterBar()->activeFilters().size(), 1);
    QTRY_VERIFY(!m_window->filterBar()->findChildren<QAbstractButton*>().isEmpty());

    QStringList unnamed;
    const QStringList forward = tabTour(m_window.get(), Qt::Key_Tab, &unnamed);
    const QStringList expected = {QStringLiteral("search"),   QStringLiteral("filters"),
                                  QStringLiteral("timeline"), QStringLiteral("actor map"),
                                  QStringLiteral("events"),   QStringLiteral("details")};
    QCOMPARE(forward.mid(0, expected.size()), expected);
    QCOMPARE(forward.constLast(), QStringLiteral("search")); // round to the start, no trap
    QCOMPARE(forward.count(QStringLiteral("filters")), 1);
    QCOMPARE(forward.count(QStringLiteral("events")), 1);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u' ')));

    // The chip is reached by Tab, after the filter menus.
    auto* chip = [&]() -> QWidget* {
        for (auto* b : m_window->filterBar()->findChildren<QAbstractButton*>())
            if (b->accessibleName().contains(QStringLiteral("remove")))
                return b;
        return nullptr;
    }();
    QVERIFY(chip);
    QTRY_VERIFY(chip->isVisible());
    m_window->searchField()->setFocus(Qt::TabFocusReason);
    bool reached = false;
    for (int i = 0; i < 12 && !reached; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        reached = QApplication::focusWidget() == chip;
    }
    QVERIFY(reached);

    // Shift+Tab walks the same parts backwards.
    const QStringList backward = tabTour(m_window.get(), Qt::Key_Backtab, &unnamed);
    QStringList reversed = expected;
    std::reverse(reversed.begin() + 1, reversed.end());
    QCOMPARE(backward.constLast(), QStringLiteral("search"));
    QStringList backwardKnown;
    for (const QString& part : backward)
        if (expected.contains(part))
            backwardKnown << part;
    QCOMPARE(backwardKnown, reversed + QStringList{QStringLiteral("search")});

    // After Ctrl+2 (the actor map as a whole), Tab goes on to the events table.
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    QTRY_VERIFY(m_window->actorMap()->isAncestorOf(QApplication::focusWidget()) ||
                m_window->actorMap()->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY(m_window->actorMap()->isAncestorOf(QApplication::focusWidget())); // the chart
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), m_window->eventTable());
    m_window->selection()->setFilter({});
}

void TestShortcuts::sheetFollowsTheMenuOrder()
{
    ShortcutSheet sheet(m_window.get());
    QStringList menus; // the top-level menu of each row, once per run of rows
    for (int i = 0; i < sheet.list()->topLevelItemCount(); ++i) {
        const QString top = sheet.list()->topLevelItem(i)->text(1).section(QChar(0x203a), 0, 0);
        if (menus.isEmpty() || menus.constLast() != top.trimmed())
            menus << top.trimmed();
    }
    QStringList bar;
    for (QAction* top : m_window->menuBar()->actions())
        if (top->menu() && !top->menu()->isEmpty())
            bar << top->text().remove(u'&');
    QCOMPARE(menus, bar);
    QCOMPARE(sheet.list()->topLevelItem(0)->text(0), QStringLiteral("New Story"));
}

void TestShortcuts::keysTheGuidePromises_data()
{
    // docs/guide.md names these keys; they must work wherever Chronomap runs, also on a
    // desktop without a key theme of its own (the offscreen platform here has none).
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("action");
    QTest::newRow("save a copy") << QStringLiteral("Ctrl+Shift+S") << QStringLiteral("Save a Copy");
    QTest::newRow("export chart") << QStringLiteral("Ctrl+E") << QStringLiteral("Export Chart");
    QTest::newRow("copy chart") << QStringLiteral("Ctrl+Shift+C") << QStringLiteral("Copy Chart");
    QTest::newRow("print") << QStringLiteral("Ctrl+P") << QStringLiteral("Print");
    QTest::newRow("import") << QStringLiteral("Ctrl+I") << QStringLiteral("Import");
    QTest::newRow("undo") << QStringLiteral("Ctrl+Z") << QStringLiteral("Undo");
    QTest::newRow("redo") << QStringLiteral("Ctrl+Shift+Z") << QStringLiteral("Redo");
    QTest::newRow("find") << QStringLiteral("Ctrl+F") << QStringLiteral("Find");
    QTest::newRow("preferences") << QStringLiteral("Ctrl+,") << QStringLiteral("Preferences");
    QTest::newRow("shortcuts") << QStringLiteral("F1") << QStringLiteral("Keyboard Shortcuts");
    QTest::newRow("new event") << QStringLiteral("Ctrl+Shift+E") << QStringLiteral("New Event");
    QTest::newRow("new actor") << QStringLiteral("Ctrl+Shift+A") << QStringLiteral("New Actor");
    QTest::newRow("note") << QStringLiteral("Ctrl+Shift+N") << QStringLiteral("Add a Note");
    QTest::newRow("edit") << QStringLiteral("F2") << QStringLiteral("Edit Entry");
    QTest::newRow("present") << QStringLiteral("F5") << QStringLiteral("Present");
    QTest::newRow("table") << QStringLiteral("Ctrl+3") << QStringLiteral("Go to Events Table");
}

void TestShortcuts::keysTheGuidePromises()
{
    QFETCH(QString, key);
    QFETCH(QString, action);
    const QKeySequence sequence(key, QKeySequence::PortableText);
    QStringList found;
    for (const ShortcutEntry& e : ShortcutSheet::collect(m_window.get()))
        if (e.keys.contains(sequence))
            found << e.text;
    QVERIFY2(found.contains(action), qPrintable(key + QStringLiteral(": ") + found.join(u',')));
}

QTEST_MAIN(TestShortcuts)
#include "tst_shortcuts.moc"
