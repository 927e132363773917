#pragma once

#include "model/entities.h"

#include <QAbstractTableModel>
#include <QWidget>

class QCheckBox;
class QModelIndex;
class QTreeView;

namespace chronomap {

class Selection;
class Story;
struct Change;

// The story's notes as a table, keyed by note id: the open ones (or all), newest first, with
// what each is about. Reloads when notes or their targets change.
class AnnotationListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NoteColumn,
        TargetColumn,
        AuthorColumn,
        WhenColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        TargetKindRole,
        TargetIdRole
    };

    explicit AnnotationListModel(Story* story, QObject* parent = nullptr);

    void setShowResolved(bool show);
    bool showResolved() const { return m_showResolved; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    Annotation annotationAt(int row) const;
    void reload();

private:
    QString targetName(EntityRef ref) const;

    Story* m_story;
    bool m_showResolved = false;
    QList<Annotation> m_rows;
    QHash<qint64, QString> m_targetNames; // key: kind << 56 | id
};

// The Notes dock: open notes across the story; double-click (or Enter) goes to the entry the
// note is about (the current entry and the selection).
class AnnotationsPanel final : public QWidget
{
    Q_OBJECT

public:
    AnnotationsPanel(Story* story, Selection* selection, QWidget* parent = nullptr);

    AnnotationListModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    // Goes to the note's entry.
    void jumpTo(const QModelIndex& index);

private:
    Story* m_story;
    Selection* m_selection;
    AnnotationListModel* m_model;
    QTreeView* m_view;
    QCheckBox* m_resolved;
};

} // namespace chronomap
