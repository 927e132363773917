// Keyboard: no two actions that can fire in the same place share a key, every action in the
// menus is listed in Help › Keyboard Shortcuts and can be found by its name or key, the events
// table (the accessible alternative to the timeline) has a key that focuses it, and the
// window's controls carry accessible names.
#include "actormap/actormapview.h"
#include "help/shortcutsheet.h"
#include "inspector/detailspanel.h"
#include "mainwindow.h"
#include "search/filterbar.h"
#include "story/story.h"
#include "timeline/timelineview.h"

#include <QAbstractButton>
#include <QAction>
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

QTEST_MAIN(TestShortcuts)
#include "tst_shortcuts.moc"
