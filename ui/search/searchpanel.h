#pragma once

#include "store/store.h"

#include <QAbstractTableModel>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeView;

namespace chronomap {

class Selection;
class Story;

// Search results as a table keyed by entry: kind, title and the snippet with the match.
class SearchResultModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        KindColumn,
        TitleColumn,
        SnippetColumn,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setHits(const QList<SearchHit>& hits);
    SearchHit hitAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<SearchHit> m_hits;
};

// Full-text search over events, actors, sources and notes (Store::search, which takes the
// user's words literally). Picking a result makes it the current entry and selects it, so
// the timeline, the map and the table reveal it.
class SearchPanel final : public QWidget
{
    Q_OBJECT

public:
    SearchPanel(Story* story, Selection* selection, QWidget* parent = nullptr);

    // Runs the search now; an empty text clears the results.
    void setQuery(const QString& text);
    QString query() const { return m_query; }
    SearchResultModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    // Makes a result current and selected.
    void reveal(int row);
    // Filters every view to the events the search matches (a chip in the filter bar).
    void filterToMatches();
    // Runs the search behind an active search-hits filter again (after an edit).
    void refreshFilter();
    // The most results listed; the summary says when there are more.
    static constexpr int kShown = 200;
    QString summary() const;

signals:
    // A search ran: the window shows the results dock.
    void searched(int hits);

private:
    // The events a search matches (a note's match counts for its event); ok false on error.
    QSet<Id> matchingEvents(const QString& query, bool* ok);

    Story* m_story;
    Selection* m_selection;
    QString m_query;
    SearchResultModel* m_model;
    QTreeView* m_view;
    QLabel* m_summary;
    QPushButton* m_filter;
    static constexpr int kFilterLimit = 1000000;
};

} // namespace chronomap
