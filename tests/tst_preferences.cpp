// Preferences: each setting survives a restart (a fresh QSettings), the author name obeys
// CHRONOMAP_AUTHOR over the preference over the login name, recent files keep the newest first
// and at most eight, a recent file that has gone is taken off with a message, and the window
// comes back where it was with its docks where they were. Settings are isolated with
// QStandardPaths' test mode.
#include "mainwindow.h"
#include "settings/preferences.h"
#include "settings/preferencesdialog.h"
#include "story/story.h"
#include "theme/windowtheme.h"
#include "timeline/timelineview.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QProxyStyle>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>

using namespace chronomap;

class TestPreferences : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void roundTrip_data();
    void roundTrip();
    void authorPrecedence();
    void recentOrderingAndCap();
    void missingRecentFileIsRemovedWithMessage();
    void dialogSavesWhatWasChosen();
    void windowGeometryAndDocksRestored();
    void olderLayoutIsIgnored();
    void chartThemeFollowsPalette();

private:
    QString makeStory(const QString& name);
    QTemporaryDir m_dir;
};

void TestPreferences::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ChronomapTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_preferences"));
    QVERIFY(m_dir.isValid());
}

void TestPreferences::init()
{
    QSettings().clear();
}

QString TestPreferences::makeStory(const QString& name)
{
    const QString path = m_dir.filePath(name);
    if (!QFileInfo::exists(path))
        Story::create(path);
    return path;
}

void TestPreferences::roundTrip_data()
{
    QTest::addColumn<QString>("author");
    QTest::addColumn<QString>("theme");
    QTest::addColumn<int>("lanes");
    QTest::addColumn<QString>("expectedTheme");
    QTest::newRow("dark, actors") << QStringLiteral("Ana Ruiz") << QStringLiteral("dark")
                                  << int(LaneMode::Actor) << QStringLiteral("dark");
    QTest::newRow("broadcast, packed") << QStringLiteral("Jo") << QStringLiteral("broadcast")
                                       << int(LaneMode::Packed) << QStringLiteral("broadcast");
    QTest::newRow("unknown theme is system") << QStringLiteral("Kim") << QStringLiteral("neon")
                                             << int(LaneMode::Category) << QStringLiteral("system");
}

void TestPreferences::roundTrip()
{
    QFETCH(QString, author);
    QFETCH(QString, theme);
    QFETCH(int, lanes);
    QFETCH(QString, expectedTheme);
    Preferences::setAuthor(QStringLiteral("  ") + author + QStringLiteral(" "));
    Preferences::setTheme(theme);
    Preferences::setLaneMode(LaneMode(lanes));
    QSettings().sync();
    // What another run of the program reads from the file.
    QCOMPARE(Preferences::savedAuthor(), author);
    QCOMPARE(Preferences::theme(), expectedTheme);
    QCOMPARE(int(Preferences::laneMode()), lanes);
    Preferences::setAuthor(QString());
    QVERIFY(Preferences::savedAuthor().isEmpty());
}

void TestPreferences::authorPrecedence()
{
    const QByteArray saved = qgetenv("CHRONOMAP_AUTHOR");
    qunsetenv("CHRONOMAP_AUTHOR");
    QCOMPARE(Preferences::author(), defaultAuthor()); // the login name
    Preferences::setAuthor(QStringLiteral("Preferred Name"));
    QCOMPARE(Preferences::author(), QStringLiteral("Preferred Name"));
    qputenv("CHRONOMAP_AUTHOR", "script-user");
    QCOMPARE(Preferences::author(), QStringLiteral("script-user"));
    // A window signs the story's edits with it.
    MainWindow window;
    QVERIFY(window.openStory(makeStory(QStringLiteral("author.chronomap"))));
    QCOMPARE(window.story()->author(), QStringLiteral("script-user"));
    if (saved.isEmpty())
        qunsetenv("CHRONOMAP_AUTHOR");
    else
        qputenv("CHRONOMAP_AUTHOR", saved);
}

void TestPreferences::recentOrderingAndCap()
{
    QStringList added;
    for (int i = 0; i < Preferences::maxRecent() + 3; ++i) {
        added.prepend(m_dir.filePath(QStringLiteral("story%1.chronomap").arg(i)));
        Preferences::addRecent(added.first());
    }
    QCOMPARE(Preferences::recentFiles(), added.mid(0, Preferences::maxRecent()));
    // Opening one again moves it to the top without a duplicate.
    const QString again = added.at(4);
    Preferences::addRecent(again);
    QStringList recent = Preferences::recentFiles();
    QCOMPARE(recent.first(), again);
    QCOMPARE(recent.count(again), 1);
    QCOMPARE(recent.size(), Preferences::maxRecent());
    Preferences::removeRecent(again);
    QVERIFY(!Preferences::recentFiles().contains(again));
    Preferences::clearRecent();
    QVERIFY(Preferences::recentFiles().isEmpty());
}

void TestPreferences::missingRecentFileIsRemovedWithMessage()
{
    const QString gone = m_dir.filePath(QStringLiteral("gone.chronomap"));
    const QString here = makeStory(QStringLiteral("here.chronomap"));
    Preferences::addRecent(gone);
    MainWindow window;
    QVERIFY(window.openStory(here));
    QCOMPARE(Preferences::recentFiles(), (QStringList{here, gone}));
    QMenu* recent = window.menuBar()->findChild<QMenu*>();
    QAction* goneAct = nullptr;
    for (QMenu* menu : window.menuBar()->findChildren<QMenu*>()) {
        emit menu->aboutToShow();
        for (QAction* a : menu->actions())
            if (a->statusTip() == gone) // the tooltip shows it as plain text
                goneAct = a, recent = menu;
    }
    QVERIFY(goneAct);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("gone.chronomap")));
    goneAct->trigger();
    QCOMPARE(Preferences::recentFiles(), QStringList{here});
    QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("gone.chronomap")));
    QCOMPARE(window.story()->path(), here); // the open story stays
    for (QAction* a : recent->actions())
        QVERIFY(a->toolTip() != gone);
}

void TestPreferences::dialogSavesWhatWasChosen()
{
    PreferencesDialog dialog;
    dialog.authorField()->setText(QStringLiteral("Desk Editor"));
    dialog.themeBox()->setCurrentIndex(dialog.themeBox()->findData(QStringLiteral("print")));
    dialog.lanesBox()->setCurrentIndex(dialog.lanesBox()->findData(int(LaneMode::Packed)));
    dialog.save();
    QCOMPARE(Preferences::savedAuthor(), QStringLiteral("Desk Editor"));
    QCOMPARE(Preferences::theme(), QStringLiteral("print"));
    QCOMPARE(Preferences::laneMode(), LaneMode::Packed);
    // A new window starts its timeline with the preferred lanes.
    MainWindow window;
    QVERIFY(window.openStory(makeStory(QStringLiteral("lanes.chronomap"))));
    QCOMPARE(window.timeline()->laneMode(), LaneMode::Packed);
}

void TestPreferences::windowGeometryAndDocksRestored()
{
    const QString path = makeStory(QStringLiteral("layout.chronomap"));
    QRect geometry;
    {
        MainWindow first;
        QVERIFY(first.openStory(path));
        first.setGeometry(60, 70, 1111, 777);
        first.show();
        QVERIFY(QTest::qWaitForWindowExposed(&first));
        auto* details = first.findChild<QDockWidget*>(QStringLiteral("detailsDock"));
        QVERIFY(details);
        first.addDockWidget(Qt::LeftDockWidgetArea, details);
        first.findChild<QDockWidget*>(QStringLiteral("historyDock"))->show();
        geometry = first.geometry();
        first.close(); // saves
    }
    MainWindow second;
    QVERIFY(second.openInitial(path));
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    QCOMPARE(second.size(), geometry.size());
    auto* details = second.findChild<QDockWidget*>(QStringLiteral("detailsDock"));
    QCOMPARE(second.dockWidgetArea(details), Qt::LeftDockWidgetArea);
    QVERIFY(second.findChild<QDockWidget*>(QStringLiteral("historyDock"))->isVisible());
    // Opening another story keeps the docks where the user put them.
    QVERIFY(second.openStory(makeStory(QStringLiteral("other.chronomap"))));
    details = second.findChild<QDockWidget*>(QStringLiteral("detailsDock"));
    QCOMPARE(second.dockWidgetArea(details), Qt::LeftDockWidgetArea);
}

void TestPreferences::olderLayoutIsIgnored()
{
    const QString path = makeStory(QStringLiteral("old.chronomap"));
    {
        MainWindow first;
        QVERIFY(first.openStory(path));
        auto* details = first.findChild<QDockWidget*>(QStringLiteral("detailsDock"));
        first.addDockWidget(Qt::LeftDockWidgetArea, details);
        first.close();
    }
    QSettings().setValue(QStringLiteral("window/stateVersion"), Preferences::kLayoutVersion - 1);
    MainWindow second;
    QVERIFY(second.openInitial(path));
    auto* details = second.findChild<QDockWidget*>(QStringLiteral("detailsDock"));
    QCOMPARE(second.dockWidgetArea(details), Qt::RightDockWidgetArea); // the default
}

void TestPreferences::chartThemeFollowsPalette()
{
    Preferences::setTheme(QStringLiteral("system"));
    MainWindow window;
    QVERIFY(window.openStory(makeStory(QStringLiteral("theme.chronomap"))));
    window.show(); // a shown window takes palette changes as the desktop makes them
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QPalette before = QApplication::palette();
    QSignalSpy themed(&window, &MainWindow::chartThemeChanged);
    // The desktop turns dark: the charts are given the dark theme at once.
    QApplication::setPalette(WindowTheme::darkPalette());
    QVERIFY(!themed.isEmpty());
    QVERIFY(themed.constLast().at(0).value<ChartTheme>().dark);
    QVERIFY(window.chartTheme().dark);
    themed.clear();
    QApplication::setPalette(QApplication::style()->standardPalette());
    QVERIFY(!themed.isEmpty());
    QVERIFY(!themed.constLast().at(0).value<ChartTheme>().dark);
    // The override wins over the palette.
    Preferences::setTheme(QStringLiteral("dark"));
    window.applyTheme();
    QVERIFY(window.chartTheme().dark);
    QVERIFY(WindowTheme::isDark(QApplication::palette()));
    // Fusion, under the proxy that draws its icons in the dark palette's text colour.
    const QStyle* style = QApplication::style();
    if (const auto* proxy = qobject_cast<const QProxyStyle*>(style))
        style = proxy->baseStyle();
    QCOMPARE(style->name().toLower(), QStringLiteral("fusion"));
    Preferences::setTheme(QStringLiteral("print"));
    window.applyTheme();
    QCOMPARE(window.chartTheme().name, QStringLiteral("print"));
    QApplication::setPalette(before);
}

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
