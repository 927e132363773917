// ImportCommand (interchange/importcommand.h): an import from the window is one undo step.
// Undo takes out all it added and puts back what it changed (entries, title, origins); Redo
// writes it again with the same ids and values; a conflicting edit is kept and listed.
#include "interchangetest.h"

#include "edit/editcommand.h"
#include "interchange/importcommand.h"
#include "story/story.h"

#include <QSignalSpy>
#include <QUndoStack>

using namespace chronomap;

// Declared before the fixtures: moc does not read past raw string literals.
class TestImportCommand : public QObject
{
    Q_OBJECT

private slots:
    void undoRedoWholeImport();
    void undoRedoReimportUpdate();
    void conflictKeepsUsersEdit();
    void largeImportIsOneStep();
    void wholeStoryJsonIsOneStep();
};

namespace {

QByteArray gexf(const QString& secondClass, const QString& thirdLabel)
{
    return QStringLiteral(R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <meta><title>Network</title></meta>
  <graph defaultedgetype="directed">
    <attributes class="node">
      <attribute id="mc" title="Modularity Class" type="integer"/>
    </attributes>
    <nodes>
      <node id="n1" label="Same"><attvalues><attvalue for="mc" value="3"/></attvalues></node>
      <node id="n2" label="Same"><attvalues><attvalue for="mc" value="%1"/></attvalues></node>
      <node id="n3" label="%2"/>
    </nodes>
    <edges>
      <edge id="e1" source="n1" target="n2"/>
      <edge id="e2" source="n2" target="n3" type="undirected"/>
    </edges>
  </graph>
</gexf>
)")
        .arg(secondClass, thirdLabel)
        .toUtf8();
}

qsizetype actionsNamed(const Store& s, const QString& action)
{
    qsizetype n = 0;
    for (const ChangeRecord& c : s.changes())
        n += c.action == action;
    return n;
}

} // namespace

void TestImportCommand::undoRedoWholeImport()
{
    test::Stories files;
    auto story = Story::create(files.path(QStringLiteral("s.chronomap")), true);
    const QString input =
        files.write(QStringLiteral("g.gexf"), gexf(QStringLiteral("4"), QStringLiteral("Other")));
    const QString titleBefore = story->store().meta(QStringLiteral("title"));
    const ImportSummary done = importInto(story.get(), parseImport(input));
    QCOMPARE(done.newActors, 3);
    QCOMPARE(story->undoStack()->count(), 1);
    QCOMPARE(story->store().counts().actors, 3);
    QCOMPARE(story->store().counts().relations, 2);
    QCOMPARE(story->store().meta(QStringLiteral("title")), QStringLiteral("Network"));
    QCOMPARE(actionsNamed(story->store(), QStringLiteral("import")), 1);
    // The audit line is the command line's (importAuditRecord): file, format, summary.
    const ChangeRecord line = importAuditRecord(parseImport(input), done);
    bool same = false;
    for (const ChangeRecord& c : story->store().changes())
        same = same || (c.action == line.action && c.after == line.after &&
                        c.target == line.target && c.author == story->author());
    QVERIFY(same);
    const QList<Actor> actors = story->store().actors();
    const QList<Relation> relations = story->store().relations();

    story->undoStack()->undo();
    QCOMPARE(story->store().counts().actors, 0);
    QCOMPARE(story->store().counts().relations, 0);
    QCOMPARE(story->store().meta(QStringLiteral("title")), titleBefore);
    QCOMPARE(actionsNamed(story->store(), QStringLiteral("undo import")), 1);
    for (const Store::OriginEntry& o : story->store().allOrigins())
        QCOMPARE(o.row.id, 0); // forgotten: names no entry

    story->undoStack()->redo();
    QCOMPARE(story->store().actors(), actors); // same ids, names and typed attributes
    QCOMPARE(story->store().relations(), relations);
    QCOMPARE(story->store().meta(QStringLiteral("title")), QStringLiteral("Network"));
    QCOMPARE(actionsNamed(story->store(), QStringLiteral("import")), 2);
    // The origins are back: the same file again adds nothing.
    const ImportSummary again = previewParsedImport(story->store(), parseImport(input));
    QCOMPARE(again.newActors, 0);
    QCOMPARE(again.newRelations, 0);
    QCOMPARE(again.unchanged, 5);

    // Undone, then imported afresh: everything is new again (no stale origin claims it).
    story->undoStack()->undo();
    const ImportSummary fresh = importInto(story.get(), parseImport(input));
    QCOMPARE(fresh.newActors, 3);
    QCOMPARE(fresh.newRelations, 2);
    QCOMPARE(story->store().counts().actors, 3);
}

void TestImportCommand::undoRedoReimportUpdate()
{
    test::Stories files;
    auto story = Story::create(files.path(QStringLiteral("s.chronomap")), true);
    importInto(story.get(),
               parseImport(files.write(QStringLiteral("a.gexf"),
                                       gexf(QStringLiteral("4"), QStringLiteral("Other")))));
    const QList<Actor> first = story->store().actors();
    const QString updated =
        files.write(QStringLiteral("b.gexf"), gexf(QStringLiteral("9"), QStringLiteral("Renamed")));
    const ImportSummary s = importInto(story.get(), parseImport(updated));
    QCOMPARE(s.updated, 2);
    QCOMPARE(s.newActors, 0);
    QCOMPARE(story->undoStack()->count(), 2);
    const QList<Actor> second = story->store().actors();
    QVERIFY(second != first);

    story->undoStack()->undo();
    QCOMPARE(story->store().actors(), first);
    // The origins are as the first import left them: the update is found again.
    QCOMPARE(previewParsedImport(story->store(), parseImport(updated)).updated, 2);
    story->undoStack()->redo();
    QCOMPARE(story->store().actors(), second);
    QCOMPARE(previewParsedImport(story->store(), parseImport(updated)).unchanged, 5);
}

void TestImportCommand::conflictKeepsUsersEdit()
{
    test::Stories files;
    auto story = Story::create(files.path(QStringLiteral("s.chronomap")), true);
    importInto(story.get(),
               parseImport(files.write(QStringLiteral("a.gexf"),
                                       gexf(QStringLiteral("4"), QStringLiteral("Other")))));
    // The user renames "Other"; the file renames it too.
    Actor other;
    for (const Actor& a : story->store().actors())
        if (a.name == QLatin1String("Other"))
            other = a;
    QVERIFY(other.id);
    other.name = QStringLiteral("Edited by hand");
    QVERIFY(EditGuard::push(story.get(),
                            new ChangeValueCommand(story.get(), other, QStringLiteral("name"))));
    const ParsedImport changed = parseImport(files.write(
        QStringLiteral("b.gexf"), gexf(QStringLiteral("4"), QStringLiteral("From the file"))));
    const ImportSummary preview = previewParsedImport(story->store(), changed);
    QCOMPARE(preview.conflicts.size(), 1);
    QVERIFY(preview.conflicts.first().contains(QLatin1String("Edited by hand")));
    QVERIFY(preview.text().contains(QLatin1String("conflict")));
    const ImportSummary done = importInto(story.get(), changed);
    QCOMPARE(done.conflicts, preview.conflicts);
    QCOMPARE(story->store().actor(other.id)->name, QStringLiteral("Edited by hand"));
}

void TestImportCommand::largeImportIsOneStep()
{
    // Past the bulk path's threshold: still one step, and undo takes every event out.
    QByteArray csv = "Year,Month,Day,Headline,Text\n";
    for (int i = 0; i < 2500; ++i)
        csv +=
            QByteArray::number(1990 + i % 30) + ",1,1,Event " + QByteArray::number(i) + ",Text\n";
    test::Stories files;
    auto story = Story::create(files.path(QStringLiteral("s.chronomap")), true);
    const QString input = files.write(QStringLiteral("t.csv"), csv);
    importInto(story.get(), parseImport(input));
    QCOMPARE(story->store().counts().events, 2500);
    QCOMPARE(int(story->timeIndex().size()), 2500);
    const QList<Event> imported = story->store().events();
    story->undoStack()->undo();
    QCOMPARE(story->store().counts().events, 0);
    QCOMPARE(int(story->timeIndex().size()), 0);
    story->undoStack()->redo();
    QCOMPARE(story->store().counts().events, 2500);
    QCOMPARE(int(story->timeIndex().size()), 2500);
    // Undo reads the rows a table at a time and redo writes them through the bulk path: the
    // same ids and values come back.
    QCOMPARE(story->store().events(), imported);

    // An event the import added, deleted since in another window: the undo refuses whole.
    const Id gone = imported.at(1234).id;
    story->apply(Change::reset(), [&](Store& s) { s.deleteEvent(gone); }, {});
    QSignalSpy failed(EditGuard::of(story.get()), &EditGuard::failed);
    story->undoStack()->undo();
    QCOMPARE(story->store().counts().events, 2499);
    QCOMPARE(story->undoStack()->index(), 1); // still applied: nothing was taken out
    QCOMPARE(failed.size(), 1);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QLatin1String("an entry it added")), qPrintable(message));
}

// Chronomap JSON is written straight into the story, not through a batch: its undo is made
// from what it changed.
void TestImportCommand::wholeStoryJsonIsOneStep()
{
    test::Stories files;
    auto source = files.create();
    test::fillGraphStory(*source);
    const QString json = files.path(QStringLiteral("whole.json"));
    exportData(*source, QStringLiteral("chronomap"), json);
    auto story = Story::create(files.path(QStringLiteral("s.chronomap")), true);
    const QString titleBefore = story->store().meta(QStringLiteral("title"));
    importInto(story.get(), parseImport(json));
    const StoryCounts after = story->store().counts();
    QVERIFY(after.events > 0 && after.actors > 0 && after.relations > 0);
    const QList<Event> events = story->store().events();
    QCOMPARE(story->undoStack()->count(), 1);
    story->undoStack()->undo();
    QCOMPARE(story->store().counts().events, 0);
    QCOMPARE(story->store().counts().actors, 0);
    QCOMPARE(story->store().counts().relations, 0);
    QCOMPARE(story->store().counts().categories, 0);
    QCOMPARE(story->store().meta(QStringLiteral("title")), titleBefore);
    story->undoStack()->redo();
    QCOMPARE(story->store().events(), events);
    QCOMPARE(story->store().counts().relations, after.relations);
}

QTEST_GUILESS_MAIN(TestImportCommand)
#include "tst_importcommand.moc"
