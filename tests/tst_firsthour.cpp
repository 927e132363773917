// Polish a user hits in the first hour (issue 13 §7): each item as the user meets it.
#include "edit/edits.h"
#include "edit/mediaedits.h"
#include "export/exportdialog.h"
#include "i18n/labels.h"
#include "inspector/citedialog.h"
#include "inspector/datefield.h"
#include "inspector/detailspanel.h"
#include "inspector/entryform.h"
#include "inspector/notedialog.h"
#include "interchange/interchangeactions.h"
#include "mainwindow.h"
#include "query/selection.h"
#include "search/searchpanel.h"
#include "settings/preferences.h"
#include "story/story.h"
#include "theme/focusring.h"
#include "timeline/timelineview.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <qcustomplot.h>

using namespace chronomap;

class TestFirstHour : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void noRedErrorBeforeTyping();
    void noLiteralAmpersandInLabels();
    void actorPickerIsSearchable();
    void noteDialogWrapsAndSignsWithTheAuthor();
    void historyInPlainWords();
    void searchSaysWhenItIsCapped();
    void eventFormEditsMedia();
    void menusAreFoundById();
    void chartsShowFocusAndTabKeepsSelection();
    void storyWithoutActorsGivesTheTimelineTheHeight();

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Story> m_story;
};

void TestFirstHour::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestFirstHour::init()
{
    m_path =
        m_dir.filePath(QStringLiteral("s%1.chronomap").arg(QDateTime::currentMSecsSinceEpoch()));
    Story::create(m_path);
    m_story = Story::open(m_path);
}

void TestFirstHour::cleanup()
{
    m_story.reset();
}

void TestFirstHour::noRedErrorBeforeTyping()
{
    // A new, empty date field gives a hint, not an error.
    DateField field;
    field.setText(QString());
    const QLabel* understood = field.findChild<QLabel*>();
    QVERIFY(understood);
    QVERIFY2(!understood->text().contains(QStringLiteral("color:")),
             qPrintable(understood->text()));
    QVERIFY(!field.isAcceptable()); // still nothing to accept
    // Once the user types something wrong, it says what to fix.
    QTest::keyClicks(field.lineEdit(), QStringLiteral("sometime soon"));
    QVERIFY(understood->text().contains(QStringLiteral("color:")));
    field.lineEdit()->clear();
    QTest::keyClick(field.lineEdit(), Qt::Key_Backspace);
    QVERIFY(understood->text().contains(QStringLiteral("color:"))); // emptied on purpose
}

void TestFirstHour::noLiteralAmpersandInLabels()
{
    // A label with a shortcut mark needs a buddy, or it shows the "&" as written.
    auto check = [](QWidget* dialog) {
        for (const QLabel* label : dialog->findChildren<QLabel*>()) {
            QString text = label->text();
            text.remove(QStringLiteral("&&"));
            if (text.contains(u'&') && !text.contains(u';') && label->textFormat() != Qt::RichText)
                QVERIFY2(label->buddy(), qPrintable(label->text()));
        }
    };
    CiteDialog cite(m_story.get());
    check(&cite);
    Selection selection;
    ExportDialog exportDialog(m_story.get(), &selection, QStringLiteral("timeline"), std::nullopt);
    check(&exportDialog);
    EntryForm form(m_story.get());
    form.setEntity(Entity(m_story->store().events().first()));
    check(&form);
    // Nor in what a screen reader says.
    for (const QWidget* w : form.findChildren<QWidget*>())
        QVERIFY2(!w->accessibleName().contains(u'&'), qPrintable(w->accessibleName()));
}

void TestFirstHour::actorPickerIsSearchable()
{
    // A story of 5,000 actors: the relation form's pickers find one by any part of its name.
    {
        Store::Transaction tx(m_story->store());
        for (int i = 0; i < 5000; ++i) {
            Actor a;
            a.name = QStringLiteral("Delegate %1").arg(i, 4, 10, QLatin1Char('0'));
            m_story->store().insertActor(a);
        }
        tx.commit();
    }
    EntryForm form(m_story.get());
    form.setEntity(Entity(m_story->store().relations().first()));
    QComboBox* from = nullptr;
    for (QComboBox* c : form.findChildren<QComboBox*>())
        if (c->count() > 5000)
            from = c;
    QVERIFY(from);
    QVERIFY(from->isEditable());
    QCompleter* completer = from->completer();
    QVERIFY(completer);
    QCOMPARE(completer->filterMode(), Qt::MatchContains);
    completer->setCompletionPrefix(QStringLiteral("4321"));
    QCOMPARE(completer->completionCount(), 1);
    QCOMPARE(completer->currentCompletion(), QStringLiteral("Delegate 4321"));
}

void TestFirstHour::noteDialogWrapsAndSignsWithTheAuthor()
{
    // The default author is a person's login, never the placeholder "editor".
    qunsetenv("CHRONOMAP_AUTHOR");
    QVERIFY(!defaultAuthor().isEmpty());
    QVERIFY(defaultAuthor() != QLatin1String("editor"));
    qputenv("CHRONOMAP_AUTHOR", "test-editor");
    Preferences::setAuthor(QStringLiteral("Ana Reporter"));
    m_story->setAuthor(Preferences::author());
    NoteDialog dialog(m_story->author(), false);
    QCOMPARE(dialog.editor()->lineWrapMode(), QPlainTextEdit::WidgetWidth);
    QVERIFY(dialog.signature().contains(m_story->author()));
    for (const QLabel* l : dialog.findChildren<QLabel*>())
        QVERIFY(l->wordWrap());
    Preferences::setAuthor(QString());
}

void TestFirstHour::historyInPlainWords()
{
    for (const char* verb : {"insert", "update", "delete", "annotate", "cite", "status",
                             "edit note", "delete note", "remove citation", "update citation"}) {
        const QString shown = changeActionLabel(QLatin1String(verb));
        QVERIFY2(shown != QLatin1String(verb), verb);
        QVERIFY(shown.at(0).isUpper());
    }
    // And the details panel's History tab shows them.
    Selection selection;
    DetailsPanel panel(m_story.get(), &selection);
    const Event e = m_story->store().events().first();
    QVERIFY(EditGuard::push(m_story.get(), makeAnnotate(m_story.get(), {EntityKind::Event, e.id},
                                                        QStringLiteral("check"))));
    selection.setCurrent(EntityRef{EntityKind::Event, e.id});
    auto* tabs = panel.findChild<QTabWidget*>();
    QVERIFY(tabs);
    tabs->setCurrentIndex(1);
    auto* history = panel.findChild<QTreeWidget*>();
    QVERIFY(history);
    QVERIFY(history->topLevelItemCount() > 0);
    for (int i = 0; i < history->topLevelItemCount(); ++i) {
        const QString action = history->topLevelItem(i)->text(2);
        QVERIFY2(action != QLatin1String("annotate") && action != QLatin1String("insert"),
                 qPrintable(action));
    }
}

void TestFirstHour::searchSaysWhenItIsCapped()
{
    {
        Store::Transaction tx(m_story->store());
        for (int i = 0; i < 250; ++i) {
            Event e;
            e.title = QStringLiteral("Quorum meeting %1").arg(i);
            e.date = PartialDate::fromEdtf(QStringLiteral("2025-10-01"));
            m_story->store().insertEvent(e);
        }
        tx.commit();
    }
    QCOMPARE(m_story->store().searchCount(QStringLiteral("quorum")), 250);
    Selection selection;
    SearchPanel panel(m_story.get(), &selection);
    panel.setQuery(QStringLiteral("quorum"));
    QCOMPARE(panel.model()->rowCount(), SearchPanel::kShown);
    QVERIFY2(panel.summary().contains(QStringLiteral("200")) &&
                 panel.summary().contains(QStringLiteral("250")),
             qPrintable(panel.summary()));
    // Under the cap it just counts.
    panel.setQuery(QStringLiteral("quorum meeting 17"));
    QVERIFY(!panel.summary().contains(QStringLiteral("First")));
}

void TestFirstHour::eventFormEditsMedia()
{
    Selection selection;
    DetailsPanel panel(m_story.get(), &selection);
    const Event e = m_story->store().events().first();
    selection.setCurrent(EntityRef{EntityKind::Event, e.id});
    panel.startEdit();
    auto field = [&panel](const char* name) {
        return panel.findChild<QLineEdit*>(QLatin1String(name));
    };
    QVERIFY(field("mediaUrlEdit") && field("mediaCreditEdit") && field("mediaCaptionEdit"));
    field("mediaUrlEdit")->setText(QStringLiteral("https://example.org/photo.jpg"));
    field("mediaCreditEdit")->setText(QStringLiteral("Photo: A. Reporter"));
    field("mediaCaptionEdit")->setText(QStringLiteral("The delegations arrive"));
    // Every media field a TimelineJS slide carries.
    QVERIFY(field("mediaThumbnailEdit") && field("mediaAltEdit"));
    field("mediaThumbnailEdit")->setText(QStringLiteral("https://example.org/photo-small.jpg"));
    field("mediaAltEdit")->setText(QStringLiteral("Two delegations walk into a hall"));
    const int steps = m_story->undoStack()->count();
    panel.saveEdit();
    EventMedia m = mediaOf(m_story->store(), e.id);
    QCOMPARE(m.url, QStringLiteral("https://example.org/photo.jpg"));
    QCOMPARE(m.credit, QStringLiteral("Photo: A. Reporter"));
    QCOMPARE(m.caption, QStringLiteral("The delegations arrive"));
    QCOMPARE(m.thumbnail, QStringLiteral("https://example.org/photo-small.jpg"));
    QCOMPARE(m.alt, QStringLiteral("Two delegations walk into a hall"));
    QCOMPARE(m_story->undoStack()->count(), steps + 1); // one step to undo
    // Edited again: the same media entry changes.
    panel.startEdit();
    field("mediaCaptionEdit")->setText(QStringLiteral("Arrival"));
    panel.saveEdit();
    QCOMPARE(mediaOf(m_story->store(), e.id).caption, QStringLiteral("Arrival"));
    QCOMPARE(mediaOf(m_story->store(), e.id).thumbnail,
             QStringLiteral("https://example.org/photo-small.jpg"));
    m_story->undoStack()->undo();
    m_story->undoStack()->undo();
    QVERIFY(mediaOf(m_story->store(), e.id).isEmpty());
    // The unique id a TimelineJS sheet knows the event by is a field of the form too.
    panel.startEdit();
    QVERIFY(field("uidEdit"));
    QCOMPARE(field("uidEdit")->text(), e.uid);
    field("uidEdit")->setText(QStringLiteral("summit-slide"));
    panel.saveEdit();
    QCOMPARE(m_story->store().event(e.id)->uid, QStringLiteral("summit-slide"));
    m_story->undoStack()->undo();
    QCOMPARE(m_story->store().event(e.id)->uid, e.uid);
}

void TestFirstHour::menusAreFoundById()
{
    // A File menu in German: the installers find Quit and the Export menu by their ids.
    QWidget window;
    QMenu file;
    file.setTitle(QStringLiteral("&Datei"));
    file.addAction(QStringLiteral("Ö&ffnen…"));
    file.addSeparator()->setObjectName(QStringLiteral("quitSeparator"));
    QAction* quit = file.addAction(QStringLiteral("&Beenden"));
    quit->setObjectName(QStringLiteral("quitAction"));
    auto* exportMenu = new QMenu(QStringLiteral("&Exportieren"), &file);
    exportMenu->setObjectName(QStringLiteral("exportMenu"));
    file.insertMenu(quit, exportMenu);
    addInterchangeActions(&file, &window, [] { return nullptr; });
    // No second export menu, the data formats in the existing one, Import before Quit.
    QCOMPARE(file.findChildren<QMenu*>(QStringLiteral("exportMenu")).size(), 1);
    QVERIFY(exportMenu->findChild<QMenu*>(QStringLiteral("exportDataMenu")));
    const QList<QAction*> actions = file.actions();
    auto* import = file.findChild<QAction*>(QStringLiteral("importAction"));
    QVERIFY(import);
    QVERIFY(actions.indexOf(import) < actions.indexOf(quit));
    // The window's own menus carry ids too.
    MainWindow w;
    QVERIFY(w.openStory(m_path));
    for (const char* id : {"fileMenu", "editMenu", "entryMenu", "viewMenu", "helpMenu"})
        QVERIFY2(w.menuBar()->findChild<QMenu*>(QLatin1String(id)), id);
    QVERIFY(w.findChild<QAction*>(QStringLiteral("exportChartAction")));
}

void TestFirstHour::chartsShowFocusAndTabKeepsSelection()
{
    MainWindow w;
    QVERIFY(w.openStory(m_path));
    w.resize(1400, 900);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QCustomPlot* plot = w.timeline()->plot();
    auto* ring = plot->findChild<FocusRing*>();
    QVERIFY(ring);
    QVERIFY(!ring->isVisible());
    plot->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(ring->isVisible());
    // Tab on into the table: the selection stays as it was (none).
    w.selection()->clearSelection();
    w.eventTable()->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(w.eventTable()->hasFocus());
    QVERIFY(w.selection()->selectedEvents().isEmpty());
    QVERIFY(!w.selection()->current());
    // A click on a row still picks it.
    const QModelIndex row = w.eventTable()->model()->index(2, 1);
    QTest::mouseClick(w.eventTable()->viewport(), Qt::LeftButton, {},
                      w.eventTable()->visualRect(row).center());
    QCOMPARE(w.selection()->selectedEvents().size(), 1);
}

void TestFirstHour::storyWithoutActorsGivesTheTimelineTheHeight()
{
    // No actors, no map to show: at 1280×720 the timeline takes the whole height of the
    // charts (the map folded under the splitter's handle, which the user can still drag).
    const QString path = m_dir.filePath(QStringLiteral("noactors.chronomap"));
    {
        auto store = Store::open(path, Store::Mode::Create);
        const Id desk = store->insertCategory(Category{0, QStringLiteral("Desk"), QColor(), 0});
        for (int i = 0; i < 4; ++i) {
            Event e;
            e.title = QStringLiteral("Event %1").arg(i + 1);
            e.date = PartialDate::fromEdtf(QStringLiteral("2025-10-%1").arg(10 + i));
            e.categoryId = desk;
            store->insertEvent(e);
        }
    }
    MainWindow w;
    QVERIFY(w.openStory(path));
    w.resize(1280, 720);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto* charts = w.findChild<QSplitter*>(QStringLiteral("charts"));
    QVERIFY(charts);
    QTRY_COMPARE(charts->sizes().value(1, -1), 0);
    QVERIFY(charts->sizes().value(0) > 0);
}

QTEST_MAIN(TestFirstHour)
#include "tst_firsthour.moc"
