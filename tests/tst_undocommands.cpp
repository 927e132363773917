// Edit commands: every redo and undo leaves exactly the stored state it promises, compound
// edits are all-or-nothing, and a failed write or a newer outside edit leaves the stack alone.
#include "edit/edits.h"
#include "interchange/chronomapjson.h"
#include "story/story.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace chronomap;

class TestUndoCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void redoAndUndoRestoreExactState_data();
    void redoAndUndoRestoreExactState();
    void compoundEditIsAtomic();
    void failedPushKeepsRedoHistory();
    void undoRefusesOverNewerOutsideEdit();
    void failedUndoInHistoryJumpRestoresStack();
    void valueChangesMergeIntoOneStep();
    void auditLogsWhoWhatBeforeAfter();
    void readOnlyStoryRefusesWithMessage();
    void pinIsAnUndoableEditWithAuditLine();

private:
    // Every table but the audit log, as the interchange writer dumps it.
    QByteArray state() const;
    Event eventWithCitations() const;
    Id relationId() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Story> m_story;
    QString m_path;
};

void TestUndoCommands::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("s.chronomap"));
    Story::create(m_path);
    m_story = Story::open(m_path);
}

void TestUndoCommands::cleanup()
{
    m_story.reset();
    m_dir.reset();
}

QByteArray TestUndoCommands::state() const
{
    QJsonObject o = QJsonDocument::fromJson(writeStoryJson(m_story->store())).object();
    o.remove(QStringLiteral("changes"));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Event TestUndoCommands::eventWithCitations() const
{
    for (const Event& e : m_story->store().events())
        if (!m_story->store().citationsOf({EntityKind::Event, e.id}).isEmpty() &&
            !e.actors.isEmpty())
            return e;
    return {};
}

Id TestUndoCommands::relationId() const
{
    const QList<Relation> rs = m_story->store().relations();
    return rs.isEmpty() ? 0 : rs.first().id;
}

void TestUndoCommands::redoAndUndoRestoreExactState_data()
{
    QTest::addColumn<QString>("edit");
    for (const char* name :
         {"insert event", "update event", "delete event", "delete actor", "delete relation",
          "delete source", "status of many", "annotate", "reply", "resolve", "delete thread",
          "cite", "remove citation", "move two actors", "insert source", "insert relation"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestUndoCommands::redoAndUndoRestoreExactState()
{
    QFETCH(QString, edit);
    Story* s = m_story.get();
    Store& store = s->store();
    const Event ev = eventWithCitations();
    QVERIFY(ev.id);
    const EntityRef evRef{EntityKind::Event, ev.id};
    // A thread on the event, so deletes and resolves have notes to carry.
    QVERIFY(EditGuard::push(s, makeAnnotate(s, evRef, QStringLiteral("Which day exactly?"))));
    const Id noteId = store.annotationsOf(evRef).constLast().id;
    QVERIFY(EditGuard::push(s, makeAnnotate(s, evRef, QStringLiteral("The 24th."), noteId)));
    s->undoStack()->clear();

    EditCommand* cmd = nullptr;
    if (edit == QLatin1String("insert event")) {
        Event e;
        e.title = QStringLiteral("28-point framework published");
        e.date = PartialDate::fromEdtf(QStringLiteral("2025-11-19?"));
        e.tags = {QStringLiteral("brand-new-tag")};
        e.actors = {Participation{ev.actors.first().actorId, QStringLiteral("author")}};
        cmd = makeInsert(s, e);
    } else if (edit == QLatin1String("update event")) {
        Event e = ev;
        e.title += QStringLiteral(" (corrected)");
        e.date = PartialDate::fromEdtf(QStringLiteral("2025-10-21/2025-10-31"));
        e.tags << QStringLiteral("another-new-tag");
        cmd = makeUpdate(s, e);
    } else if (edit == QLatin1String("delete event")) {
        cmd = makeDelete(s, evRef);
    } else if (edit == QLatin1String("delete actor")) {
        cmd = makeDelete(s, {EntityKind::Actor, ev.actors.first().actorId});
    } else if (edit == QLatin1String("delete relation")) {
        cmd = makeDelete(s, {EntityKind::Relation, relationId()});
    } else if (edit == QLatin1String("delete source")) {
        cmd = makeDelete(s, {EntityKind::Source, store.citationsOf(evRef).first().sourceId});
    } else if (edit == QLatin1String("status of many")) {
        cmd =
            makeSetStatus(s, {evRef, {EntityKind::Relation, relationId()}}, Verification::Disputed);
    } else if (edit == QLatin1String("annotate")) {
        cmd = makeAnnotate(s, {EntityKind::Actor, ev.actors.first().actorId},
                           QStringLiteral("Check the title"));
    } else if (edit == QLatin1String("reply")) {
        cmd = makeAnnotate(s, evRef, QStringLiteral("Confirmed by a second source"), noteId);
    } else if (edit == QLatin1String("resolve")) {
        cmd = makeResolve(s, noteId, true);
    } else if (edit == QLatin1String("delete thread")) {
        cmd = makeDelete(s, {EntityKind::Annotation, noteId});
    } else if (edit == QLatin1String("cite")) {
        cmd = makeCite(s, evRef, store.sources().first().id, QStringLiteral("a quoted sentence"),
                       QStringLiteral("para 3"));
    } else if (edit == QLatin1String("remove citation")) {
        cmd = makeDeleteCitation(s, store.citationsOf(evRef).first().id);
    } else if (edit == QLatin1String("move two actors")) {
        QList<Entity> moved;
        for (Actor a : store.actors().mid(0, 2)) {
            a.pinnedX = 10.5;
            a.pinnedY = -3.0;
            moved << a;
        }
        cmd = makeUpdateMany(s, moved, QStringLiteral("Move 2 actors"));
    } else if (edit == QLatin1String("insert source")) {
        Source src;
        src.title = QStringLiteral("Axios");
        src.url = QStringLiteral("https://example.org/a");
        cmd = makeInsert(s, src);
    } else if (edit == QLatin1String("insert relation")) {
        Relation r;
        r.sourceId = store.actors().at(0).id;
        r.targetId = store.actors().at(1).id;
        r.type = QStringLiteral("meets");
        cmd = makeInsert(s, r);
    }
    QVERIFY(cmd);

    const QByteArray before = state();
    const qint64 auditBefore = store.counts().changes;
    QSignalSpy changed(s, &Story::changed);
    QString error;
    QVERIFY2(EditGuard::push(s, cmd, &error), qPrintable(error));
    QCOMPARE(changed.size(), 1); // one edit, one Change
    const QByteArray after = state();
    QVERIFY(after != before);
    QVERIFY(store.counts().changes > auditBefore);
    QCOMPARE(s->undoStack()->count(), 1);

    s->undoStack()->undo();
    QCOMPARE(changed.size(), 2);
    QCOMPARE(state(), before);
    s->undoStack()->redo();
    QCOMPARE(state(), after);
    s->undoStack()->undo();
    QCOMPARE(state(), before);
    // The time index follows: same rows as a fresh load (ties in start order may differ).
    TimeIndex fresh;
    store.loadTimeIndex(fresh);
    QCOMPARE(fresh.size(), s->timeIndex().size());
    auto rows = [](const TimeIndex& index) {
        QList<std::tuple<Id, qint64, qint64, quint32>> out;
        for (std::size_t i = 0; i < index.size(); ++i) {
            const TimeIndex::Row r = index.row(i);
            out.append({r.id, r.earliest, r.latest, r.flags});
        }
        std::sort(out.begin(), out.end());
        return out;
    };
    QCOMPARE(rows(s->timeIndex()), rows(fresh));
}

void TestUndoCommands::compoundEditIsAtomic()
{
    Story* s = m_story.get();
    const QByteArray before = state();
    const qint64 auditBefore = s->store().counts().changes;
    Event e;
    e.title = QStringLiteral("first part");
    e.date = PartialDate::fromEdtf(QStringLiteral("2025-08"));
    Citation bad; // the second part cites a source that does not exist: the write fails
    bad.sourceId = 999999;
    bad.target = {EntityKind::Event, s->store().events().first().id};
    auto* cmd =
        new EditCommand(s, QStringLiteral("two parts"),
                        {EditCommand::Step{std::nullopt, e}, EditCommand::Step{std::nullopt, bad}});
    QSignalSpy failed(EditGuard::of(s), &EditGuard::failed);
    QString error;
    QVERIFY(!EditGuard::push(s, cmd, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(failed.size(), 1);
    QCOMPARE(state(), before);
    QCOMPARE(s->store().counts().changes, auditBefore);
    QCOMPARE(s->undoStack()->count(), 0);
}

void TestUndoCommands::failedPushKeepsRedoHistory()
{
    Story* s = m_story.get();
    const Event ev = eventWithCitations();
    const Verification other =
        ev.status == Verification::Confirmed ? Verification::Disputed : Verification::Confirmed;
    QVERIFY(EditGuard::push(s, makeSetStatus(s, {{EntityKind::Event, ev.id}}, other)));
    s->undoStack()->undo();
    QCOMPARE(s->undoStack()->count(), 1);
    Citation bad;
    bad.sourceId = 999999;
    bad.target = {EntityKind::Event, ev.id};
    QVERIFY(!EditGuard::push(
        s, new EditCommand(s, QStringLiteral("bad"), {EditCommand::Step{std::nullopt, bad}})));
    QCOMPARE(s->undoStack()->count(), 1); // redo of the status change still there
    QVERIFY(s->undoStack()->canRedo());
}

void TestUndoCommands::undoRefusesOverNewerOutsideEdit()
{
    Story* s = m_story.get();
    const Event ev = eventWithCitations();
    Event mine = ev;
    mine.title = QStringLiteral("my title");
    QVERIFY(EditGuard::push(s, makeUpdate(s, mine)));
    // Another process edits the same event afterwards.
    {
        auto other = Store::open(m_path, Store::Mode::ReadWrite);
        Event theirs = *other->event(ev.id);
        theirs.title = QStringLiteral("their newer title");
        other->updateEvent(theirs);
    }
    QSignalSpy failed(EditGuard::of(s), &EditGuard::failed);
    const QByteArray before = state();
    s->undoStack()->undo();
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("changed since")));
    QCOMPARE(s->undoStack()->index(), 1);
    QCOMPARE(state(), before);
    QCOMPARE(s->store().event(ev.id)->title, QStringLiteral("their newer title"));
}

void TestUndoCommands::failedUndoInHistoryJumpRestoresStack()
{
    // Three edits; the middle one's entry is changed elsewhere; jumping back to the start
    // (as the History panel does) must stop and leave all three applied.
    Story* s = m_story.get();
    const QList<Event> events = s->store().events();
    for (int i = 0; i < 3; ++i) {
        Event e = events.at(i);
        e.title += QStringLiteral(" #%1").arg(i);
        QVERIFY(EditGuard::push(s, makeUpdate(s, e)));
    }
    {
        auto other = Store::open(m_path, Store::Mode::ReadWrite);
        Event theirs = *other->event(events.at(1).id);
        theirs.summary = QStringLiteral("edited elsewhere");
        other->updateEvent(theirs);
    }
    const QByteArray before = state();
    QSignalSpy failed(EditGuard::of(s), &EditGuard::failed);
    s->undoStack()->setIndex(0);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(s->undoStack()->index(), 3);
    QCOMPARE(state(), before);
    // The newest edit can still be undone on its own.
    s->undoStack()->undo();
    QCOMPARE(s->store().event(events.at(2).id)->title, events.at(2).title);
}

void TestUndoCommands::valueChangesMergeIntoOneStep()
{
    Story* s = m_story.get();
    const Event ev = eventWithCitations();
    Event e = ev;
    for (const char* typed : {"M", "Mi", "Mia", "Miami"}) {
        e.title = QString::fromLatin1(typed);
        QVERIFY(EditGuard::push(s, new ChangeValueCommand(s, e, QStringLiteral("title"))));
    }
    QCOMPARE(s->undoStack()->count(), 1);
    QCOMPARE(s->store().event(ev.id)->title, QStringLiteral("Miami"));
    s->undoStack()->undo();
    QCOMPARE(s->store().event(ev.id)->title, ev.title);
    s->undoStack()->redo();
    QCOMPARE(s->store().event(ev.id)->title, QStringLiteral("Miami"));
    // Another field is another step.
    e.summary = QStringLiteral("new summary");
    QVERIFY(EditGuard::push(s, new ChangeValueCommand(s, e, QStringLiteral("summary"))));
    QCOMPARE(s->undoStack()->count(), 2);
}

void TestUndoCommands::auditLogsWhoWhatBeforeAfter()
{
    Story* s = m_story.get();
    const Event ev = eventWithCitations();
    const EntityRef ref{EntityKind::Event, ev.id};
    QVERIFY(ev.status != Verification::Disputed);
    QVERIFY(EditGuard::push(s, makeSetStatus(s, {ref}, Verification::Disputed)));
    QList<ChangeRecord> log = s->store().changes(ref);
    QVERIFY(!log.isEmpty());
    ChangeRecord last = log.constLast();
    QCOMPARE(last.action, QStringLiteral("status"));
    QCOMPARE(last.author, QStringLiteral("test-editor")); // CHRONOMAP_AUTHOR in ctest
    QVERIFY(!last.at.isEmpty());
    const QJsonObject b = QJsonDocument::fromJson(last.before.toUtf8()).object();
    const QJsonObject a = QJsonDocument::fromJson(last.after.toUtf8()).object();
    QCOMPARE(b.value(QStringLiteral("status")).toString(), verificationName(ev.status));
    QCOMPARE(a.value(QStringLiteral("status")).toString(), QStringLiteral("disputed"));
    // Undo is logged too, the other way round.
    s->undoStack()->undo();
    log = s->store().changes(ref);
    last = log.constLast();
    QCOMPARE(QJsonDocument::fromJson(last.after.toUtf8())
                 .object()
                 .value(QStringLiteral("status"))
                 .toString(),
             verificationName(ev.status));
    // A citation is filed under the entry it supports.
    QVERIFY(EditGuard::push(
        s, makeCite(s, ref, s->store().sources().first().id, QStringLiteral("quote"))));
    QCOMPARE(s->store().changes(ref).constLast().action, QStringLiteral("cite"));
}

void TestUndoCommands::readOnlyStoryRefusesWithMessage()
{
    m_story.reset();
    m_story = Story::open(m_path, Store::Mode::ReadOnly);
    Story* s = m_story.get();
    const QByteArray before = state();
    QString error;
    QVERIFY(!EditGuard::push(s,
                             makeSetStatus(s, {{EntityKind::Event, s->store().events().first().id}},
                                           Verification::Cleared),
                             &error));
    QVERIFY2(error.contains(QStringLiteral("read-only")), qPrintable(error));
    QCOMPARE(s->undoStack()->count(), 0);
    QCOMPARE(state(), before);
}

void TestUndoCommands::pinIsAnUndoableEditWithAuditLine()
{
    Story* s = m_story.get();
    const Actor actor = s->store().actors().first();
    const EntityRef ref{EntityKind::Actor, actor.id};
    QVERIFY(!actor.pinnedX);
    const qsizetype logged = s->store().changes(ref).size();
    QVERIFY(EditGuard::push(s, makePin(s, actor.id, std::pair{12.5, -3.0})));
    QCOMPARE(s->store().actor(actor.id)->pinnedX, std::optional<double>(12.5));
    QCOMPARE(s->store().actor(actor.id)->pinnedY, std::optional<double>(-3.0));
    QVERIFY(s->undoStack()->undoText().contains(actor.name));
    QCOMPARE(s->store().changes(ref).size(), logged + 1);
    // Pinning it where it already is changes nothing and makes no step.
    QVERIFY(!makePin(s, actor.id, std::pair{12.5, -3.0}));
    // Unpinning is a step of its own; undo puts the pin back, undo again takes it away.
    QVERIFY(EditGuard::push(s, makePin(s, actor.id, std::nullopt)));
    QVERIFY(!s->store().actor(actor.id)->pinnedX);
    s->undoStack()->undo();
    QCOMPARE(s->store().actor(actor.id)->pinnedX, std::optional<double>(12.5));
    s->undoStack()->undo();
    QVERIFY(!s->store().actor(actor.id)->pinnedX);
    QCOMPARE(s->store().changes(ref).size(), logged + 4);
}

QTEST_GUILESS_MAIN(TestUndoCommands)
#include "tst_undocommands.moc"
