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

#include <functional>

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
    // What the edit must have stored, checked after the edit and again after its redo: the
    // exact values asked for, every field, not only that something changed.
    std::function<void()> expect;
    auto newest = [](const auto& list) {
        return list.isEmpty() ? std::decay_t<decltype(list.first())>{} : list.last();
    };
    if (edit == QLatin1String("insert event")) {
        Event e;
        e.title = QStringLiteral("28-point framework published");
        e.summary = QStringLiteral("A leaked draft");
        e.date = PartialDate::fromEdtf(QStringLiteral("2025-11-19?"));
        e.displayDate = QStringLiteral("mid-November");
        e.categoryId = ev.categoryId;
        e.importance = 4;
        e.location = QStringLiteral("Washington");
        e.status = Verification::Confirmed;
        e.uid = QStringLiteral("framework-28");
        e.tags = {QStringLiteral("brand-new-tag")};
        e.actors = {Participation{ev.actors.first().actorId, QStringLiteral("author")}};
        cmd = makeInsert(s, e);
        expect = [&store, e] {
            Event want = e;
            want.id = 0;
            for (const Event& got : store.events())
                if (got.uid == e.uid)
                    want.id = got.id;
            QVERIFY(want.id);
            QCOMPARE(*store.event(want.id), want);
        };
    } else if (edit == QLatin1String("update event")) {
        Event e = ev;
        e.title += QStringLiteral(" (corrected)");
        e.summary += QStringLiteral(" More.");
        e.date = PartialDate::fromEdtf(QStringLiteral("2025-10-21/2025-10-31"));
        e.displayDate = QStringLiteral("the last ten days of October");
        e.importance = (ev.importance + 1) % 6;
        e.location = QStringLiteral("Geneva (corrected)");
        e.status = ev.status == Verification::Disputed ? Verification::Confirmed
                                                       : Verification::Disputed;
        e.uid = QStringLiteral("corrected-uid");
        e.tags << QStringLiteral("another-new-tag");
        e.actors.first().role = QStringLiteral("mediator");
        cmd = makeUpdate(s, e);
        expect = [&store, e] { QCOMPARE(*store.event(e.id), e); };
    } else if (edit == QLatin1String("delete event")) {
        cmd = makeDelete(s, evRef);
        expect = [&store, ev] {
            QVERIFY(!store.event(ev.id));
            QVERIFY(store.citationsOf({EntityKind::Event, ev.id}).isEmpty());
        };
    } else if (edit == QLatin1String("delete actor")) {
        const Id actorId = ev.actors.first().actorId;
        cmd = makeDelete(s, {EntityKind::Actor, actorId});
        expect = [&store, actorId] {
            QVERIFY(!store.actor(actorId));
            QVERIFY(store.eventIdsOfActor(actorId).isEmpty());
        };
    } else if (edit == QLatin1String("delete relation")) {
        const Id id = relationId();
        cmd = makeDelete(s, {EntityKind::Relation, id});
        expect = [&store, id] { QVERIFY(!store.relation(id)); };
    } else if (edit == QLatin1String("delete source")) {
        const Id id = store.citationsOf(evRef).first().sourceId;
        cmd = makeDelete(s, {EntityKind::Source, id});
        expect = [&store, id] { QVERIFY(!store.source(id)); };
    } else if (edit == QLatin1String("status of many")) {
        Event e = ev;
        e.status = Verification::Disputed;
        Relation r = *store.relation(relationId());
        r.status = Verification::Disputed;
        cmd = makeSetStatus(s, {evRef, {EntityKind::Relation, r.id}}, Verification::Disputed);
        expect = [&store, e, r] {
            QCOMPARE(*store.event(e.id), e);
            QCOMPARE(*store.relation(r.id), r);
        };
    } else if (edit == QLatin1String("annotate")) {
        const EntityRef actorRef{EntityKind::Actor, ev.actors.first().actorId};
        cmd = makeAnnotate(s, actorRef, QStringLiteral("Check the title"));
        expect = [&store, actorRef, newest, author = s->author()] {
            const Annotation a = newest(store.annotationsOf(actorRef));
            QCOMPARE(a.body, QStringLiteral("Check the title"));
            QCOMPARE(a.target, actorRef);
            QCOMPARE(a.parentId, Id(0));
            QCOMPARE(a.author, author);
            QVERIFY(!a.resolved);
            QVERIFY(!a.created.isEmpty());
        };
    } else if (edit == QLatin1String("reply")) {
        cmd = makeAnnotate(s, evRef, QStringLiteral("Confirmed by a second source"), noteId);
        expect = [&store, evRef, noteId, newest] {
            const Annotation a = newest(store.annotationsOf(evRef));
            QCOMPARE(a.body, QStringLiteral("Confirmed by a second source"));
            QCOMPARE(a.parentId, noteId);
            QCOMPARE(a.target, evRef);
        };
    } else if (edit == QLatin1String("resolve")) {
        Annotation a = *store.annotation(noteId);
        a.resolved = true;
        cmd = makeResolve(s, noteId, true);
        expect = [&store, a] { QCOMPARE(*store.annotation(a.id), a); };
    } else if (edit == QLatin1String("delete thread")) {
        cmd = makeDelete(s, {EntityKind::Annotation, noteId});
        expect = [&store, evRef] { QVERIFY(store.annotationsOf(evRef).isEmpty()); };
    } else if (edit == QLatin1String("cite")) {
        const Id sourceId = store.sources().first().id;
        cmd = makeCite(s, evRef, sourceId, QStringLiteral("a quoted sentence"),
                       QStringLiteral("para 3"));
        expect = [&store, evRef, sourceId, newest] {
            const Citation c = newest(store.citationsOf(evRef));
            QCOMPARE(c.sourceId, sourceId);
            QCOMPARE(c.target, evRef);
            QCOMPARE(c.quote, QStringLiteral("a quoted sentence"));
            QCOMPARE(c.locator, QStringLiteral("para 3"));
        };
    } else if (edit == QLatin1String("remove citation")) {
        const Id id = store.citationsOf(evRef).first().id;
        cmd = makeDeleteCitation(s, id);
        expect = [&store, id] { QVERIFY(!store.citation(id)); };
    } else if (edit == QLatin1String("move two actors")) {
        QList<Entity> moved;
        QList<Actor> want;
        for (Actor a : store.actors().mid(0, 2)) {
            a.pinnedX = 10.5;
            a.pinnedY = -3.0;
            moved << a;
            want << a;
        }
        cmd = makeUpdateMany(s, moved, QStringLiteral("Move 2 actors"));
        expect = [&store, want] {
            for (const Actor& a : want)
                QCOMPARE(*store.actor(a.id), a);
        };
    } else if (edit == QLatin1String("insert source")) {
        Source src;
        src.title = QStringLiteral("Axios");
        src.publisher = QStringLiteral("Axios Media");
        src.url = QStringLiteral("https://example.org/a");
        src.date = QStringLiteral("2025-11-19");
        src.retrieved = QStringLiteral("2025-11-20");
        src.text = QStringLiteral("The plan has 28 points.");
        cmd = makeInsert(s, src);
        expect = [&store, src, newest] {
            Source want = src;
            const Source got = newest(store.sources());
            want.id = got.id;
            QCOMPARE(got, want);
        };
    } else if (edit == QLatin1String("insert relation")) {
        Relation r;
        r.sourceId = store.actors().at(0).id;
        r.targetId = store.actors().at(1).id;
        r.type = QStringLiteral("meets");
        r.directed = false;
        r.valid = PartialDate::fromEdtf(QStringLiteral("2025-11"));
        r.weight = 3.5;
        r.status = Verification::Confirmed;
        r.description = QStringLiteral("in Miami");
        cmd = makeInsert(s, r);
        expect = [&store, r, newest] {
            Relation want = r;
            const Relation got = newest(store.relations());
            want.id = got.id;
            QCOMPARE(got, want);
        };
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
    expect();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(store.counts().changes > auditBefore);
    QCOMPARE(s->undoStack()->count(), 1);

    s->undoStack()->undo();
    QCOMPARE(changed.size(), 2);
    QCOMPARE(state(), before);
    s->undoStack()->redo();
    QCOMPARE(state(), after);
    expect(); // redo writes exactly the same values
    if (QTest::currentTestFailed())
        return;
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
