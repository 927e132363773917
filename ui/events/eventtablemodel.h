#pragma once

#include "model/entities.h"

#include <QAbstractTableModel>

namespace chronomap {

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
    enum Column { DateColumn, TitleColumn, CategoryColumn, StatusColumn, ActorsColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SortKeyRole };

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

} // namespace chronomap
