// The inspector: shows the current entry read-only, turns into a form on Edit, and every save,
// status change or note is one undo step.
#include "edit/edits.h"
#include "i18n/labels.h"
#include "inspector/datefield.h"
#include "inspector/detailspanel.h"
#include "inspector/entryform.h"
#include "query/selection.h"
#include "story/story.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace chronomap;

class TestEditInspector : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void showsTheStorysDateAndSources();
    void editTitleUndoRedo();
    void datePhraseIsKeptAsTyped();
    void badDateCannotBeSaved();
    void statusComboIsUndoable();
    void historyTabListsChanges();

private:
    template <class T> T* find(const char* name) const
    {
        return m_panel->findChild<T*>(QString::fromLatin1(name));
    }
    Event firstCitedEvent() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Story> m_story;
    std::unique_ptr<Selection> m_selection;
    std::unique_ptr<DetailsPanel> m_panel;
};

void TestEditInspector::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    const QString path = m_dir->filePath(QStringLiteral("s.chronomap"));
    Story::create(path);
    m_story = Story::open(path);
    m_selection = std::make_unique<Selection>();
    m_panel = std::make_unique<DetailsPanel>(m_story.get(), m_selection.get());
    m_panel->resize(420, 700);
    m_panel->show();
    const Event e = firstCitedEvent();
    QVERIFY(e.id);
    m_selection->setCurrent(EntityRef{EntityKind::Event, e.id});
}

void TestEditInspector::cleanup()
{
    m_panel.reset();
    m_selection.reset();
    m_story.reset();
    m_dir.reset();
}

Event TestEditInspector::firstCitedEvent() const
{
    for (const Event& e : m_story->store().events())
        if (!m_story->store().citationsOf({EntityKind::Event, e.id}).isEmpty() &&
            !e.displayDate.isEmpty())
            return e;
    return {};
}

void TestEditInspector::showsTheStorysDateAndSources()
{
    const Event e = firstCitedEvent();
    const QString html = m_panel->html();
    QVERIFY(html.contains(e.title.toHtmlEscaped()));
    QVERIFY(html.contains(e.displayDate.toHtmlEscaped()));
    QVERIFY(html.contains(e.date.describe().toHtmlEscaped()));
    const Citation c = m_story->store().citationsOf({EntityKind::Event, e.id}).first();
    const Source s = *m_story->store().source(c.sourceId);
    QVERIFY(html.contains(s.title.toHtmlEscaped()));
    if (!c.quote.isEmpty())
        QVERIFY(html.contains(c.quote.left(30).toHtmlEscaped()));
    for (const Participation& p : e.actors)
        QVERIFY(html.contains(m_story->store().actor(p.actorId)->name.toHtmlEscaped()));
    QVERIFY(!m_panel->isEditing());
}

void TestEditInspector::editTitleUndoRedo()
{
    const Event before = firstCitedEvent();
    QTest::mouseClick(find<QPushButton>("editButton"), Qt::LeftButton);
    QVERIFY(m_panel->isEditing());
    QLineEdit* title = m_panel->form()->titleEdit();
    QVERIFY(title);
    QCOMPARE(title->text(), before.title);
    title->selectAll();
    QTest::keyClicks(title, QStringLiteral("Miami talks on the 28-point framework"));
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);
    QVERIFY(!m_panel->isEditing());
    QCOMPARE(m_story->store().event(before.id)->title,
             QStringLiteral("Miami talks on the 28-point framework"));
    QVERIFY(m_panel->html().contains(QStringLiteral("Miami talks on the 28-point framework")));
    QCOMPARE(m_story->undoStack()->count(), 1);

    m_story->undoStack()->undo();
    QCOMPARE(*m_story->store().event(before.id), before);
    QVERIFY(m_panel->html().contains(before.title.toHtmlEscaped()));
    m_story->undoStack()->redo();
    QCOMPARE(m_story->store().event(before.id)->title,
             QStringLiteral("Miami talks on the 28-point framework"));
    // Only the title changed.
    Event expected = before;
    expected.title = QStringLiteral("Miami talks on the 28-point framework");
    QCOMPARE(*m_story->store().event(before.id), expected);
}

void TestEditInspector::datePhraseIsKeptAsTyped()
{
    const Event before = firstCitedEvent();
    m_panel->startEdit();
    DateField* date = m_panel->form()->dateField();
    QVERIFY(date);
    date->lineEdit()->selectAll();
    QTest::keyClicks(date->lineEdit(), QStringLiteral("late October 2025"));
    const QLabel* understood = date->findChild<QLabel*>();
    QVERIFY(understood->text().contains(QStringLiteral("2025-10-21~/2025-10-31~")));
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);
    const Event after = *m_story->store().event(before.id);
    QCOMPARE(after.date.edtf(), QStringLiteral("2025-10-21~/2025-10-31~"));
    QCOMPARE(after.displayDate, QStringLiteral("late October 2025"));
    m_story->undoStack()->undo();
    QCOMPARE(*m_story->store().event(before.id), before);
}

void TestEditInspector::badDateCannotBeSaved()
{
    const Event before = firstCitedEvent();
    m_panel->startEdit();
    DateField* date = m_panel->form()->dateField();
    date->lineEdit()->selectAll();
    QTest::keyClicks(date->lineEdit(), QStringLiteral("sometime soon"));
    QVERIFY(!find<QPushButton>("saveButton")->isEnabled());
    QVERIFY(!m_panel->form()->problem().isEmpty());
    m_panel->saveEdit(); // refused: the form stays, nothing written
    QVERIFY(m_panel->isEditing());
    QCOMPARE(*m_story->store().event(before.id), before);
    QCOMPARE(m_story->undoStack()->count(), 0);
    QTest::mouseClick(find<QPushButton>("cancelButton"), Qt::LeftButton);
    QVERIFY(!m_panel->isEditing());
}

void TestEditInspector::statusComboIsUndoable()
{
    const Event before = firstCitedEvent();
    auto* combo = find<QComboBox>("statusCombo");
    QVERIFY(combo->isEnabled());
    const int disputed = combo->findData(int(Verification::Disputed));
    combo->setCurrentIndex(disputed);
    emit combo->activated(disputed);
    QCOMPARE(m_story->store().event(before.id)->status, Verification::Disputed);
    m_story->undoStack()->undo();
    QCOMPARE(m_story->store().event(before.id)->status, before.status);
    QCOMPARE(combo->currentData().toInt(), int(before.status));
}

void TestEditInspector::historyTabListsChanges()
{
    const Event e = firstCitedEvent();
    QVERIFY(EditGuard::push(m_story.get(), makeSetStatus(m_story.get(), {{EntityKind::Event, e.id}},
                                                         Verification::Cleared)));
    auto* tabs = m_panel->findChild<QTabWidget*>();
    tabs->setCurrentIndex(1);
    auto* tree = find<QTreeWidget>("historyTree");
    QVERIFY(tree->topLevelItemCount() >= 1);
    const QTreeWidgetItem* newest = tree->topLevelItem(0);
    QCOMPARE(newest->text(1), defaultAuthor());
    QCOMPARE(newest->text(2), changeActionLabel(QStringLiteral("status"))); // plain words
    QVERIFY(newest->text(2) != QLatin1String("status"));
    QVERIFY(newest->text(3).contains(QStringLiteral("cleared")));
}

QTEST_MAIN(TestEditInspector)
#include "tst_editinspector.moc"
