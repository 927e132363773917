// Scenes as story entries: adding, moving, renaming and deleting a scene are undo steps that
// leave exactly the order and text they promise; a scene's saved view survives the file and
// the Chronomap JSON round trip, and a damaged one opens as far as it can.
#include "edit/sceneedits.h"
#include "interchange/chronomapjson.h"
#include "present/scenestate.h"
#include "story/story.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace chronomap;

class TestScenes : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void addAtIndexAndUndo_data();
    void addAtIndexAndUndo();
    void moveAndUndo_data();
    void moveAndUndo();
    void renameCaptionDeleteUndo();
    void auditFilesScenesAsScenes();
    void stateRoundTrip_data();
    void stateRoundTrip();
    void damagedStateOpensWhatItCan_data();
    void damagedStateOpensWhatItCan();
    void stateSurvivesChronomapJson();
    void namesAreUniqueAndFoundIgnoringCase();

private:
    QStringList names() const;
    QList<int> positions() const;
    bool push(EditCommand* c);
    void addScenes(const QStringList& names);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Story> m_story;
};

void TestScenes::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    const QString path = m_dir->filePath(QStringLiteral("s.chronomap"));
    Story::create(path, true);
    m_story = Story::open(path);
}

void TestScenes::cleanup()
{
    m_story.reset();
    m_dir.reset();
}

QStringList TestScenes::names() const
{
    QStringList out;
    for (const Scene& s : orderedScenes(m_story->store()))
        out << s.name;
    return out;
}

QList<int> TestScenes::positions() const
{
    QList<int> out;
    for (const Scene& s : orderedScenes(m_story->store()))
        out << s.position;
    return out;
}

bool TestScenes::push(EditCommand* c)
{
    QString error;
    const bool ok = EditGuard::push(m_story.get(), c, &error);
    if (!error.isEmpty())
        qWarning() << error;
    return ok;
}

void TestScenes::addScenes(const QStringList& list)
{
    for (const QString& n : list)
        QVERIFY(push(makeAddScene(m_story.get(), n, {}, {})));
}

void TestScenes::addAtIndexAndUndo_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QStringList>("expected");
    const QString a = QStringLiteral("A"), b = QStringLiteral("B"), c = QStringLiteral("C"),
                  n = QStringLiteral("New");
    QTest::newRow("first") << 0 << QStringList{n, a, b, c};
    QTest::newRow("middle") << 1 << QStringList{a, n, b, c};
    QTest::newRow("last") << 3 << QStringList{a, b, c, n};
    QTest::newRow("past the end") << 99 << QStringList{a, b, c, n};
}

void TestScenes::addAtIndexAndUndo()
{
    QFETCH(int, index);
    QFETCH(QStringList, expected);
    addScenes({QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")});
    const QList<Scene> before = orderedScenes(m_story->store());
    QVERIFY(push(makeAddScene(m_story.get(), QStringLiteral("New"), QStringLiteral("cap"),
                              QStringLiteral("{\"charts\":\"timeline\"}"), index)));
    QCOMPARE(names(), expected);
    QCOMPARE(positions(), (QList<int>{0, 1, 2, 3}));
    const QList<Scene> after = orderedScenes(m_story->store());
    m_story->undoStack()->undo(); // one step, however many positions moved
    QCOMPARE(orderedScenes(m_story->store()), before);
    m_story->undoStack()->redo();
    QCOMPARE(orderedScenes(m_story->store()), after); // the same ids again
}

void TestScenes::moveAndUndo_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<QString>("expected");
    QTest::newRow("down one") << 0 << 1 << QStringLiteral("BACD");
    QTest::newRow("up one") << 3 << 2 << QStringLiteral("ABDC");
    QTest::newRow("first to last") << 0 << 3 << QStringLiteral("BCDA");
    QTest::newRow("last to first") << 3 << 0 << QStringLiteral("DABC");
    QTest::newRow("clamped") << 1 << -5 << QStringLiteral("BACD");
}

void TestScenes::moveAndUndo()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(QString, expected);
    addScenes({QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D")});
    const QList<Scene> before = orderedScenes(m_story->store());
    const int depth = m_story->undoStack()->index();
    QVERIFY(push(makeMoveScene(m_story.get(), before[from].id, to)));
    QCOMPARE(names().join(QString()), expected);
    QCOMPARE(positions(), (QList<int>{0, 1, 2, 3}));
    QCOMPARE(m_story->undoStack()->index(), depth + 1);
    m_story->undoStack()->undo();
    QCOMPARE(orderedScenes(m_story->store()), before);
    m_story->undoStack()->redo();
    QCOMPARE(names().join(QString()), expected);
    // Moving a scene where it already is changes nothing and adds no step.
    QCOMPARE(makeMoveScene(m_story.get(), orderedScenes(m_story->store())[0].id, 0), nullptr);
}

void TestScenes::renameCaptionDeleteUndo()
{
    addScenes({QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")});
    const QList<Scene> start = orderedScenes(m_story->store());
    const Id b = start[1].id;
    QVERIFY(push(makeRenameScene(m_story.get(), b, QStringLiteral("  Miami talks "))));
    QVERIFY(push(makeSetSceneCaption(m_story.get(), b, QStringLiteral("Late October."))));
    QCOMPARE(makeRenameScene(m_story.get(), b, QStringLiteral("   ")), nullptr); // no empty name
    QCOMPARE(makeSetSceneCaption(m_story.get(), b, QStringLiteral("Late October.")), nullptr);
    QCOMPARE(names(), (QStringList{QStringLiteral("A"), QStringLiteral("Miami talks"),
                                   QStringLiteral("C")}));
    QCOMPARE(orderedScenes(m_story->store())[1].caption, QStringLiteral("Late October."));
    const QList<Scene> edited = orderedScenes(m_story->store());

    QVERIFY(push(makeDeleteScene(m_story.get(), start[0].id)));
    QCOMPARE(names(), (QStringList{QStringLiteral("Miami talks"), QStringLiteral("C")}));
    QCOMPARE(positions(), (QList<int>{0, 1}));
    m_story->undoStack()->undo();
    QCOMPARE(orderedScenes(m_story->store()), edited);
    m_story->undoStack()->undo();
    m_story->undoStack()->undo();
    QCOMPARE(orderedScenes(m_story->store()), start);
    QCOMPARE(makeDeleteScene(m_story.get(), 987654), nullptr);
}

void TestScenes::auditFilesScenesAsScenes()
{
    addScenes({QStringLiteral("A")});
    const Id id = orderedScenes(m_story->store())[0].id;
    QVERIFY(push(makeRenameScene(m_story.get(), id, QStringLiteral("B"))));
    const QList<ChangeRecord> log = m_story->store().changes();
    QVERIFY(log.size() >= 2);
    const ChangeRecord& last = log.last();
    QCOMPARE(last.target, (EntityRef{EntityKind::Scene, id}));
    QCOMPARE(last.action, QStringLiteral("update"));
    QCOMPARE(QJsonDocument::fromJson(last.after.toUtf8()).object().value(QStringLiteral("name")),
             QJsonValue(QStringLiteral("B")));
    // The scene's audit lines are not filed under an event with the same id.
    for (const ChangeRecord& c : m_story->store().changes())
        QVERIFY(c.target.kind == EntityKind::Scene);
}

void TestScenes::stateRoundTrip_data()
{
    QTest::addColumn<bool>("full");
    QTest::newRow("empty") << false;
    QTest::newRow("everything") << true;
}

void TestScenes::stateRoundTrip()
{
    QFETCH(bool, full);
    SceneState s;
    if (full) {
        s.charts = SceneState::Charts::Actors;
        s.from = 1756166400; // 2025-08-26
        s.to = 1761955199;
        s.lanes = LaneMode::Packed;
        s.filter.actors = {3, 1};
        s.filter.categories = {7};
        s.filter.tags = {QStringLiteral("sanctions"), QStringLiteral("oil")};
        s.filter.statuses = {int(Verification::Confirmed), int(Verification::Cleared)};
        s.selectedEvents = {12, 4};
        s.selectedActors = {2};
        s.highlightedEvents = {5, 6, 9};
        s.highlightedActors = {8};
        s.current = EntityRef{EntityKind::Actor, 2};
    }
    QStringList skipped;
    const QString text = s.toJsonText();
    QCOMPARE(SceneState::fromJsonText(text, &skipped), s);
    QVERIFY2(skipped.isEmpty(), qPrintable(skipped.join(u'\n')));
    // Stable: the same state is the same text (sets are written sorted).
    QCOMPARE(SceneState::fromJsonText(text).toJsonText(), text);
    // And it survives the story file, through an undoable add.
    QVERIFY(push(makeAddScene(m_story.get(), QStringLiteral("S"), {}, text)));
    QCOMPARE(SceneState::fromJsonText(orderedScenes(m_story->store())[0].state), s);
}

void TestScenes::damagedStateOpensWhatItCan_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<int>("skips");
    QTest::addColumn<bool>("keepsWindow");
    QTest::addColumn<int>("selected");
    QTest::newRow("unknown keys are ignored")
        << QStringLiteral(
               R"({"from":"2025-08","to":"2025-11","future":{"x":1},"selectedEvents":[1]})")
        << 0 << true << 1;
    QTest::newRow("bad ids skipped, good kept")
        << QStringLiteral(R"({"selectedEvents":[1,"two",-3,2.5,4]})") << 1 << false << 2;
    QTest::newRow("window backwards")
        << QStringLiteral(R"({"from":"2025-11-01","to":"2025-08-01","selectedEvents":[1]})") << 1
        << false << 1;
    QTest::newRow("not a date") << QStringLiteral(R"({"from":"soon","to":"2025"})") << 1 << false
                                << 0;
    QTest::newRow("wrong types")
        << QStringLiteral(R"({"charts":3,"lanes":"spiral","filter":[1],"current":"x"})") << 4
        << false << 0;
    QTest::newRow("not JSON") << QStringLiteral("{\"from\": 20") << 1 << false << 0;
    QTest::newRow("not an object") << QStringLiteral("[1,2]") << 1 << false << 0;
}

void TestScenes::damagedStateOpensWhatItCan()
{
    QFETCH(QString, json);
    QFETCH(int, skips);
    QFETCH(bool, keepsWindow);
    QFETCH(int, selected);
    QStringList skipped;
    const SceneState s = SceneState::fromJsonText(json, &skipped);
    QVERIFY2(skipped.size() == skips, qPrintable(skipped.join(u'\n')));
    QCOMPARE(s.hasWindow(), keepsWindow);
    QCOMPARE(s.selectedEvents.size(), selected);
    if (keepsWindow) {
        // EDTF months: the window runs from the first second of the first to the last of the
        // second.
        QCOMPARE(*s.from, QDateTime(QDate(2025, 8, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch());
        QCOMPARE(*s.to,
                 QDateTime(QDate(2025, 11, 30), QTime(23, 59, 59), Qt::UTC).toSecsSinceEpoch());
    }
}

void TestScenes::stateSurvivesChronomapJson()
{
    SceneState s;
    s.from = 1756166400;
    s.to = 1761955199;
    s.selectedEvents = {1};
    addScenes({QStringLiteral("First")});
    QVERIFY(push(makeAddScene(m_story.get(), QStringLiteral("Second"), QStringLiteral("Caption"),
                              s.toJsonText())));
    const QByteArray json = writeStoryJson(m_story->store());
    const QString copy = m_dir->filePath(QStringLiteral("copy.chronomap"));
    Story::create(copy, true);
    auto other = Story::open(copy);
    readStoryJson(other->store(), json, QStringLiteral("copy.json"));
    const QList<Scene> scenes = orderedScenes(other->store());
    QCOMPARE(scenes.size(), 2);
    QCOMPARE(scenes[1].name, QStringLiteral("Second"));
    QCOMPARE(scenes[1].caption, QStringLiteral("Caption"));
    QCOMPARE(SceneState::fromJsonText(scenes[1].state), s);
}

void TestScenes::namesAreUniqueAndFoundIgnoringCase()
{
    addScenes({QStringLiteral("Summit"), QStringLiteral("summit (2)")});
    QCOMPARE(uniqueSceneName(m_story->store(), QStringLiteral("Miami")), QStringLiteral("Miami"));
    QCOMPARE(uniqueSceneName(m_story->store(), QStringLiteral("SUMMIT")),
             QStringLiteral("SUMMIT (3)"));
    QCOMPARE(uniqueSceneName(m_story->store(), QStringLiteral("  ")), QStringLiteral("Scene"));
    QVERIFY(sceneNamed(m_story->store(), QStringLiteral("summit")).has_value());
    QCOMPARE(sceneNamed(m_story->store(), QStringLiteral("summit"))->name,
             QStringLiteral("Summit"));
    QVERIFY(!sceneNamed(m_story->store(), QStringLiteral("Miami")).has_value());
}

QTEST_GUILESS_MAIN(TestScenes)
#include "tst_scenes.moc"
