#pragma once

#include "model/entities.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTextBrowser;
class QTreeWidget;
class QUrl;

namespace chronomap {

class EntryForm;
class Selection;
class Story;

// The inspector (the Details dock): the current entry (Selection::current(): an event, actor,
// relation or source) in full and read-only — the date as the story gives it, summary, actors
// with roles, sources with the quoted sentence and a link, notes in threads — with Edit, which
// turns it into a form, and a History tab with the entry's audit log. Every change it makes
// is an undo command on the story's stack.
class DetailsPanel final : public QWidget
{
    Q_OBJECT

public:
    DetailsPanel(Story* story, Selection* selection, QWidget* parent = nullptr);

    // The actions the window also offers in menus; each works on the current entry.
    void startEdit();
    void saveEdit();
    void cancelEdit();
    bool isEditing() const;
    void addNote(Id parentId = 0);
    void citeSource();
    void deleteCurrent();
    void setStatus(Verification status);
    // Opens the attributes editor for the current event, actor or relation.
    void editAttributes();
    // Replaces the current entry's typed attributes, as one undoable step; false if the entry
    // cannot take them (none, a source, read-only) or the write was refused.
    bool setAttributes(const Attributes& attributes);

    EntryForm* form() const { return m_form; }
    QString html() const;

private:
    void refresh();
    void refreshView();
    void refreshHistory();
    void onLink(const QUrl& url);
    QString eventHtml(const Event& e) const;
    QString actorHtml(const Actor& a) const;
    QString relationHtml(const Relation& r) const;
    QString sourceHtml(const Source& s) const;
    QString attachmentsHtml(EntityRef ref) const;
    QString actorName(Id id) const;

    Story* m_story;
    Selection* m_selection;
    std::optional<EntityRef> m_shown;
    QLabel* m_heading;
    QPushButton* m_edit;
    QComboBox* m_status;
    QPushButton* m_note;
    QPushButton* m_cite;
    QPushButton* m_delete;
    QPushButton* m_attributes;
    QTabWidget* m_tabs;
    QStackedWidget* m_stack;
    QTextBrowser* m_text;
    EntryForm* m_form;
    QLabel* m_problem;
    QPushButton* m_save;
    QTreeWidget* m_history;
};

} // namespace chronomap
