#pragma once

#include "query/eventfilter.h"

#include "model/entities.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QSortFilterProxyModel>

namespace chronomap {

class Selection;
class Story;
struct Change;

// The story's events as a table: date as the story gives it, title, category, status and
// actors. Rows are fetched on demand from the time index, so a million-event story opens at
// once; a row's details are read from the file the first time it is shown and cached.
// Keyed by event id; also the accessible alternative to the timeline.
class EventTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        DateColumn,
        TitleColumn,
        CategoryColumn,
        StatusColumn,
        ActorsColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        SortKeyRole,
        ToolTipTextRole // the tooltip as text; ToolTipRole shows it as plain text
    };

    explicit EventTableModel(Story* story, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    Id idAt(int row) const;
    int rowOf(Id id) const;

private:
    void onChanged(const Change& change);
    const Event* cached(int row) const;

    Story* m_story;
    QHash<Id, QString> m_categoryNames;
    QHash<Id, QString> m_actorNames;
    mutable QHash<Id, Event> m_cache;
};

// The events table as the filters leave it: rows that pass the window's EventFilter (the one
// predicate the charts, the counts and the exports obey), made anew on every filter change
// and edit. Also sorts (by SortKeyRole for dates).
class EventFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    EventFilterProxy(EventTableModel* source, Story* story, Selection* selection,
                     QObject* parent = nullptr);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    void updateFilter();

    Story* m_story;
    Selection* m_selection;
    EventFilter m_filter;
};

} // namespace chronomap
