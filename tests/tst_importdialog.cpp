#include "interchangetest.h"

#include "interchange/importdialog.h"
#include "interchange/interchange.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace chronomap;

// The import preview: rows as they will be understood, the column mapping for sheets whose
// headers differ, and what will be created or merged.
class TestImportDialog : public QObject
{
    Q_OBJECT

private slots:
    void mapsColumnsAndPreviews();
    void graphPreviewCountsMatches();
    void chronomapJsonPreview();
    void listsConflicts();
    void edgeTableAfterNodeTable();

private:
    static QPushButton* importButton(QDialog& d)
    {
        for (QPushButton* b : d.findChildren<QPushButton*>())
            if (b->text() == QLatin1String("Import"))
                return b;
        return nullptr;
    }
    test::Stories m_stories;
};

void TestImportDialog::mapsColumnsAndPreviews()
{
    auto s = m_stories.create();
    test::fillGraphStory(*s);
    const QString path = m_stories.write(
        QStringLiteral("german.csv"),
        "Wann;Was;Wer;Gruppe\n"
        "2025-10-24;Gespräche in Miami;\"Steve Witkoff (Gastgeber); Neue Person\";Diplomacy\n"
        "2025-11;Folgetreffen;kirill dmitriev;Diplomatie\n");
    ImportDialog dialog(parseImportForPreview(path, QStringLiteral("csv")), *s);
    QPushButton* import = importButton(dialog);
    QVERIFY(import);
    // No header is one Chronomap knows: title and date are not mapped, nothing can be imported.
    QVERIFY(!import->isEnabled());
    const QList<QComboBox*> combos = dialog.findChildren<QComboBox*>();
    QCOMPARE(combos.size(), CsvMapping::fields().size());
    auto combo = [&](const char* field) {
        for (QComboBox* c : combos)
            if (c->property("field").toString() == QLatin1String(field))
                return c;
        return static_cast<QComboBox*>(nullptr);
    };
    combo("title")->setCurrentIndex(combo("title")->findData(1));
    combo("date")->setCurrentIndex(combo("date")->findData(0));
    combo("actors")->setCurrentIndex(combo("actors")->findData(2));
    combo("category")->setCurrentIndex(combo("category")->findData(3));
    QVERIFY(import->isEnabled());
    const QTableWidget* table = dialog.findChild<QTableWidget*>();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("2025-10-24"));
    QCOMPARE(table->item(0, 3)->text(), QStringLiteral("Gespräche in Miami"));
    QCOMPARE(table->item(1, 0)->text(), QStringLiteral("3"));
    bool summaryFound = false;
    for (QLabel* l : dialog.findChildren<QLabel*>())
        if (l->text() == QStringLiteral("Will create or merge: 2 events, 1 new actor, 2 actors "
                                        "matched by name, 1 new category."))
            summaryFound = true;
    QVERIFY(summaryFound);
    if (const QByteArray shot = qgetenv("CHRONOMAP_SCREENSHOT"); !shot.isEmpty()) {
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.grab().save(QString::fromLocal8Bit(shot));
    }
    // A mapping that makes a bad date: refused with line and column, nothing importable.
    combo("date")->setCurrentIndex(combo("date")->findData(1));
    QVERIFY(!import->isEnabled());
    bool errorShown = false;
    for (QLabel* l : dialog.findChildren<QLabel*>())
        if (l->text().startsWith(path +
                                 QStringLiteral(":2:2: column \"Was\": expected a date such as")))
            errorShown = true;
    QVERIFY(errorShown);
}

void TestImportDialog::graphPreviewCountsMatches()
{
    auto s = m_stories.create();
    test::fillGraphStory(*s);
    const QString path =
        m_stories.write(QStringLiteral("g.csv"),
                        "source,target,type,start\nsteve witkoff,Someone New,calls,2025-10\n");
    ImportDialog dialog(parseImportForPreview(path), *s);
    const QTableWidget* table = dialog.findChild<QTableWidget*>();
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("steve witkoff"));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("→ calls"));
    QVERIFY(importButton(dialog)->isEnabled());
    bool summaryFound = false;
    for (QLabel* l : dialog.findChildren<QLabel*>())
        summaryFound =
            summaryFound ||
            l->text().contains(QStringLiteral("1 new actor, 1 actor matched by name, 1 relation"));
    QVERIFY(summaryFound);
}

// A Chronomap JSON file is previewed like the others: its first rows and what it brings.
void TestImportDialog::chronomapJsonPreview()
{
    auto s = m_stories.create();
    test::fillGraphStory(*s);
    const QString path = m_stories.write(QStringLiteral("story.json"), writeStoryJson(*s));
    auto t = m_stories.create();
    Actor known;
    known.name = QStringLiteral("steve witkoff");
    t->insertActor(known);
    ImportDialog dialog(parseImportForPreview(path), *t);
    const QTableWidget* table = dialog.findChild<QTableWidget*>();
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->item(0, 3)->text(), QStringLiteral("Miami talks"));
    QCOMPARE(table->item(0, 4)->text(), QStringLiteral("Diplomacy"));
    QVERIFY(importButton(dialog)->isEnabled());
    bool summaryFound = false;
    for (QLabel* l : dialog.findChildren<QLabel*>())
        summaryFound =
            summaryFound ||
            l->text() == QStringLiteral("Will create or merge: 3 events, 2 new actors, 1 "
                                        "actor matched by name, 3 relations, 1 new "
                                        "category, 1 era, the story title.");
    QVERIFY(summaryFound);
}

// A re-import whose file changed an entry the user edited since: the preview names it, and the
// user's edit is what stays.
void TestImportDialog::listsConflicts()
{
    auto s = m_stories.create();
    const QByteArray first = "Id,Label,party\nn1,Alice,Greens\nn2,Bob,Left\n";
    applyParsedImport(*s, parseImport(m_stories.write(QStringLiteral("people.csv"), first)));
    Actor alice;
    for (const Actor& a : s->actors())
        if (a.name == QLatin1String("Alice"))
            alice = a;
    QVERIFY(alice.id);
    alice.name = QStringLiteral("Alice B.");
    s->updateActor(alice);
    const QString second = m_stories.write(QStringLiteral("people2.csv"),
                                           "Id,Label,party\nn1,Alice Brown,Greens\nn2,Bob,Left\n");
    ImportDialog dialog(parseImportForPreview(second), *s);
    auto* summary = dialog.findChild<QLabel*>(QStringLiteral("importSummary"));
    QVERIFY(summary);
    QVERIFY2(summary->text().contains(QLatin1String("conflict")), qPrintable(summary->text()));
    QVERIFY(summary->text().contains(QLatin1String("Alice B.")));
    applyParsedImport(*s, dialog.parsed());
    QCOMPARE(s->actor(alice.id)->name, QStringLiteral("Alice B."));
}

// A Gephi edge table imported after its node table: the preview counts the relations and
// neither "updates" the actors the node table made (with their names and attributes) nor
// calls anything "no longer in the file"; nor does the node table, read again, count the
// relations as gone.
void TestImportDialog::edgeTableAfterNodeTable()
{
    auto s = m_stories.create();
    const QString nodes = m_stories.write(
        QStringLiteral("nodes.csv"), "Id,Label,x,y,Party\np,Paris,1,2,Greens\nb,Berlin,3,4,\n");
    const QString edges =
        m_stories.write(QStringLiteral("edges.csv"), "Source,Target,Type,Weight\np,b,Directed,2\n");
    applyParsedImport(*s, parseImport(nodes));
    auto labels = [](const QDialog& d) {
        QStringList out;
        for (const QLabel* l : d.findChildren<QLabel*>())
            out << l->text();
        return out.join(u'\n');
    };
    {
        ImportDialog dialog(parseImportForPreview(edges), *s);
        QVERIFY(importButton(dialog)->isEnabled());
        const QString text = labels(dialog);
        QVERIFY2(text.contains(QLatin1String("1 relation")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("updated")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("no longer")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("new actor")) ||
                     text.contains(QLatin1String("0 new actors")),
                 qPrintable(text));
        applyParsedImport(*s, dialog.parsed());
    }
    for (const Actor& a : s->actors())
        QVERIFY2(a.name == QLatin1String("Paris") || a.name == QLatin1String("Berlin"),
                 qPrintable(a.name));
    ImportDialog again(parseImportForPreview(nodes), *s);
    const QString text = labels(again);
    QVERIFY2(!text.contains(QLatin1String("no longer")), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("updated")), qPrintable(text));
}

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
