// The Scenes dock: adding the current view, reordering by keys, buttons and drag, renaming,
// captions and deleting, each one undo step on the story's stack; and the main window's
// hook (the dock, View › Present, a double-click shows a scene in the charts).
#include "edit/sceneedits.h"
#include "mainwindow.h"
#include "present/scenescontroller.h"
#include "present/scenespanel.h"
#include "present/scenestate.h"
#include "query/selection.h"
#include "story/story.h"
#include "text/storytext.h"
#include "timeline/timelineview.h"

#include <QAction>
#include <QDockWidget>
#include <QListWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace chronomap;

class TestScenesPanel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void addSavesCurrentViewAfterCurrentRow();
    void reorder_data();
    void reorder();
    void dragReordersAndUndoes();
    void renameCaptionDelete();
    void readOnlyStoryOffersNoEdits();
    void windowHookShowsScene();

private:
    QStringList names() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<Story> m_story;
    std::unique_ptr<ScenesPanel> m_panel;
    QString m_view; // what the capture function hands the panel
};

void TestScenesPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("s.chronomap"));
    Story::create(m_path, true);
    m_story = Story::open(m_path);
    m_view = QStringLiteral("{\"charts\":\"timeline\",\"lanes\":\"packed\"}");
    m_panel = std::make_unique<ScenesPanel>(m_story.get(), [this] { return m_view; });
    for (const QString& n : {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")})
        QVERIFY(EditGuard::push(m_story.get(), makeAddScene(m_story.get(), n, {}, {})));
}

void TestScenesPanel::cleanup()
{
    m_panel.reset();
    m_story.reset();
    m_dir.reset();
}

QStringList TestScenesPanel::names() const
{
    QStringList out;
    for (int row = 0; row < m_panel->list()->count(); ++row)
        out << m_panel->list()->item(row)->text();
    return out;
}

void TestScenesPanel::addSavesCurrentViewAfterCurrentRow()
{
    QCOMPARE(names(),
             (QStringList{QStringLiteral("1. A"), QStringLiteral("2. B"), QStringLiteral("3. C")}));
    m_panel->list()->setCurrentRow(0);
    QVERIFY(m_panel->addScene(QStringLiteral("B"))); // a taken name gets a number
    QCOMPARE(names(), (QStringList{QStringLiteral("1. A"), QStringLiteral("2. B (2)"),
                                   QStringLiteral("3. B"), QStringLiteral("4. C")}));
    QCOMPARE(m_panel->list()->currentRow(), 1); // the new scene is current
    const Scene added = orderedScenes(m_story->store())[1];
    QCOMPARE(added.state, m_view);
    // Update replaces the view with the one on screen now.
    m_view = QStringLiteral("{\"charts\":\"actors\"}");
    QVERIFY(m_panel->updateScene(added.id));
    QCOMPARE(orderedScenes(m_story->store())[1].state, m_view);
    m_story->undoStack()->undo();
    m_story->undoStack()->undo();
    QCOMPARE(names(),
             (QStringList{QStringLiteral("1. A"), QStringLiteral("2. B"), QStringLiteral("3. C")}));
}

void TestScenesPanel::reorder_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("expected");
    QTest::newRow("Alt+Down") << 0 << QStringLiteral("alt+down") << QStringLiteral("BAC");
    QTest::newRow("Alt+Up") << 2 << QStringLiteral("alt+up") << QStringLiteral("ACB");
    QTest::newRow("Up button") << 1 << QStringLiteral("up") << QStringLiteral("BAC");
    QTest::newRow("Down button") << 1 << QStringLiteral("down") << QStringLiteral("ACB");
}

void TestScenesPanel::reorder()
{
    QFETCH(int, row);
    QFETCH(QString, how);
    QFETCH(QString, expected);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    m_panel->list()->setFocus();
    m_panel->list()->setCurrentRow(row);
    const int steps = m_story->undoStack()->count();
    if (how == QLatin1String("alt+down"))
        QTest::keyClick(m_panel->list(), Qt::Key_Down, Qt::AltModifier);
    else if (how == QLatin1String("alt+up"))
        QTest::keyClick(m_panel->list(), Qt::Key_Up, Qt::AltModifier);
    else
        m_panel
            ->findChild<QAction*>(how == QLatin1String("up") ? QStringLiteral("sceneUp")
                                                             : QStringLiteral("sceneDown"))
            ->trigger();
    QString order;
    for (const Scene& s : orderedScenes(m_story->store()))
        order += s.name;
    QCOMPARE(order, expected);
    QCOMPARE(m_story->undoStack()->count(), steps + 1);
    // The moved scene stays current, so pressing again keeps moving it.
    QCOMPARE(m_panel->list()->currentItem()->text().section(u' ', 1),
             QString(QStringLiteral("ABC")[row]));
    m_story->undoStack()->undo();
    QCOMPARE(names(),
             (QStringList{QStringLiteral("1. A"), QStringLiteral("2. B"), QStringLiteral("3. C")}));
}

void TestScenesPanel::dragReordersAndUndoes()
{
    // What a drop does to the list: the model moves the row; the panel turns it into one
    // undoable move of the stored order.
    QAbstractItemModel* model = m_panel->list()->model();
    QVERIFY(model->moveRow(QModelIndex(), 0, QModelIndex(), 3));
    QTRY_COMPARE(orderedScenes(m_story->store()).last().name, QStringLiteral("A"));
    QCOMPARE(names(),
             (QStringList{QStringLiteral("1. B"), QStringLiteral("2. C"), QStringLiteral("3. A")}));
    m_story->undoStack()->undo();
    QCOMPARE(names(),
             (QStringList{QStringLiteral("1. A"), QStringLiteral("2. B"), QStringLiteral("3. C")}));
}

void TestScenesPanel::renameCaptionDelete()
{
    const Id b = orderedScenes(m_story->store())[1].id;
    QVERIFY(m_panel->renameScene(b, QStringLiteral("Summit")));
    QVERIFY(m_panel->setCaption(b, QStringLiteral("Alaska, 15 August")));
    m_panel->setCurrentScene(b);
    QCOMPARE(m_panel->list()->currentItem()->text(), QStringLiteral("2. Summit"));
    QCOMPARE(m_panel->list()->currentItem()->toolTip(),
             plainToolTip(QStringLiteral("Alaska, 15 August")));
    m_panel->findChild<QAction*>(QStringLiteral("deleteScene"))->trigger();
    QCOMPARE(names(), (QStringList{QStringLiteral("1. A"), QStringLiteral("2. C")}));
    m_story->undoStack()->undo();
    QCOMPARE(names(), (QStringList{QStringLiteral("1. A"), QStringLiteral("2. Summit"),
                                   QStringLiteral("3. C")}));
    m_story->undoStack()->undo();
    m_story->undoStack()->undo();
    QCOMPARE(names(),
             (QStringList{QStringLiteral("1. A"), QStringLiteral("2. B"), QStringLiteral("3. C")}));
}

void TestScenesPanel::readOnlyStoryOffersNoEdits()
{
    m_panel.reset();
    m_story.reset();
    auto story = Story::open(m_path, Store::Mode::ReadOnly);
    ScenesPanel panel(story.get(), {});
    panel.list()->setCurrentRow(1);
    QCOMPARE(panel.list()->count(), 3);
    QVERIFY(!panel.addAction()->isEnabled());
    QVERIFY(!panel.findChild<QAction*>(QStringLiteral("deleteScene"))->isEnabled());
    QVERIFY(panel.exportAction()->isEnabled()); // exporting reads only
}

void TestScenesPanel::windowHookShowsScene()
{
    m_panel.reset();
    m_story.reset();
    MainWindow window;
    QVERIFY(window.openStory(m_path));
    auto* scenes = window.findChild<ScenesController*>();
    QVERIFY(scenes);
    QVERIFY(window.findChild<QDockWidget*>(QStringLiteral("scenesDock")));
    QCOMPARE(scenes->presentAction()->shortcut(), QKeySequence(Qt::Key_F5));
    // A scene with a window and a selection, shown in the window's charts.
    SceneState s;
    s.from = QDateTime(QDate(2025, 10, 20), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    s.to = QDateTime(QDate(2025, 11, 30), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    s.selectedActors = {1};
    auto* cmd = makeAddScene(window.story(), QStringLiteral("Late October"), {}, s.toJsonText());
    QVERIFY(EditGuard::push(window.story(), cmd));
    scenes->showScene(cmd->createdId());
    QCOMPARE(window.timeline()->windowFrom(), *s.from);
    QCOMPARE(window.timeline()->windowTo(), *s.to);
    QCOMPARE(window.selection()->selectedActors(), s.selectedActors);
    // And the view saved from the window is the one on screen.
    const SceneState now = scenes->currentView();
    QCOMPARE(now.from, s.from);
    QCOMPARE(now.selectedActors, s.selectedActors);
    // Opening another story rebuilds the hook for it.
    QVERIFY(window.openStory(m_path));
    QCOMPARE(window.findChildren<ScenesController*>().size(), 1);
    QCOMPARE(window.findChild<ScenesController*>()->panel()->list()->count(), 4);
}

QTEST_MAIN(TestScenesPanel)
#include "tst_scenespanel.moc"
