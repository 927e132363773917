// The window's import (interchange/interchangeactions.h): File › Import of a file, accepted in
// its preview, is one step of Edit › Undo; undo takes it all out, redo brings it back.
#include "interchange/importdialog.h"
#include "interchange/interchangeactions.h"
#include "story/story.h"

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <QWidget>

using namespace chronomap;

class TestInterchangeActions : public QObject
{
    Q_OBJECT

private slots:
    void importIsOneUndoStep();
};

void TestInterchangeActions::importIsOneUndoStep()
{
    QTemporaryDir dir;
    auto story = Story::create(dir.filePath(QStringLiteral("s.chronomap")), true);
    const QString input = dir.filePath(QStringLiteral("people.csv"));
    {
        QFile f(input);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Source,Target,Type,Weight\nAlice,Bob,Directed,2\nBob,Carol,Undirected,1\n");
    }
    QWidget window;
    window.show();
    // Accept the preview as a user would, when it comes up.
    int accepted = 0;
    QTimer accept;
    QObject::connect(&accept, &QTimer::timeout, &window, [&] {
        if (auto* d = qobject_cast<ImportDialog*>(QApplication::activeModalWidget())) {
            ++accepted;
            d->accept();
        }
    });
    accept.start(20);
    QVERIFY(importFiles(&window, story.get(), {input}));
    accept.stop();
    QCOMPARE(accepted, 1);
    QCOMPARE(story->store().counts().actors, 3);
    QCOMPARE(story->store().counts().relations, 2);
    const QList<Relation> relations = story->store().relations();
    QCOMPARE(story->undoStack()->count(), 1);
    story->undoStack()->undo();
    QCOMPARE(story->store().counts().actors, 0);
    QCOMPARE(story->store().counts().relations, 0);
    story->undoStack()->redo();
    QCOMPARE(story->store().relations(), relations); // the exact values, ids included
}

QTEST_MAIN(TestInterchangeActions)
#include "tst_interchangeactions.moc"
