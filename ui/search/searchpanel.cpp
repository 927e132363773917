#include "searchpanel.h"

#include "i18n/labels.h"
#include "query/selection.h"
#include "story/story.h"
#include "text/storytext.h"

#include <QHeaderView>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace chronomap {

void SearchResultModel::setHits(const QList<SearchHit>& hits)
{
    beginResetModel();
    m_hits = hits;
    endResetModel();
}

SearchHit SearchResultModel::hitAt(int row) const
{
    return row >= 0 && row < m_hits.size() ? m_hits.at(row) : SearchHit{};
}

int SearchResultModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

int SearchResultModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SearchResultModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchHit& h = m_hits.at(index.row());
    if (role == Qt::UserRole)
        return QVariant::fromValue(h.ref);
    if (role == Qt::ToolTipRole)
        return plainToolTip(h.snippet);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case KindColumn:
        return entityKindLabel(h.ref.kind);
    case TitleColumn:
        return h.title;
    case SnippetColumn:
        return h.snippet.simplified();
    default:
        return {};
    }
}

QVariant SearchResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KindColumn:
        return tr("Kind");
    case TitleColumn:
        return tr("Title");
    case SnippetColumn:
        return tr("Match");
    default:
        return {};
    }
}

SearchPanel::SearchPanel(Story* story, Selection* selection, QWidget* parent)
    : QWidget(parent), m_story(story), m_selection(selection), m_model(new SearchResultModel(this)),
      m_view(new QTreeView), m_summary(new QLabel),
      m_filter(new QPushButton(tr("Show Only Matching Events")))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_view->setObjectName(QStringLiteral("searchResults"));
    m_view->setAccessibleName(tr("Search results"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->resizeSection(SearchResultModel::KindColumn, 80);
    m_view->header()->resizeSection(SearchResultModel::TitleColumn, 280);
    plainLabel(m_summary); // says the query back
    auto* top = new QHBoxLayout;
    top->setContentsMargins(4, 2, 4, 0);
    top->addWidget(m_summary, 1);
    m_filter->setObjectName(QStringLiteral("filterToMatches"));
    m_filter->setToolTip(tr("Show only the events that match in the charts, the table and the "
                            "exports (a filter chip; Clear filters removes it)"));
    m_filter->setEnabled(false);
    top->addWidget(m_filter);
    connect(m_filter, &QPushButton::clicked, this, &SearchPanel::filterToMatches);
    layout->addLayout(top);
    layout->addWidget(m_view);
    connect(m_view, &QTreeView::activated, this,
            [this](const QModelIndex& index) { reveal(index.row()); });
    connect(m_view, &QTreeView::clicked, this,
            [this](const QModelIndex& index) { reveal(index.row()); });
    // Edits change what matches: run the search again.
    connect(story, &Story::changed, this, [this](const Change&) {
        if (!m_query.isEmpty())
            setQuery(m_query);
        refreshFilter();
    });
}

void SearchPanel::setQuery(const QString& text)
{
    m_query = text.trimmed();
    QList<SearchHit> hits;
    QString message;
    if (!m_query.isEmpty()) {
        try {
            hits = m_story->store().search(m_query, kShown);
            // The list stops at kShown: say so, with how many there are in all.
            const qint64 total =
                hits.size() < kShown ? hits.size() : m_story->store().searchCount(m_query);
            message = hits.isEmpty() ? tr("Nothing matches “%1”.").arg(m_query)
                      : total > hits.size()
                          ? tr("First %L1 of %L2 matches for “%3”")
                                .arg(hits.size())
                                .arg(total)
                                .arg(m_query)
                          : tr("%n match(es) for “%1”", nullptr, int(hits.size())).arg(m_query);
        } catch (const StoreError& e) {
            message = e.message();
        }
    }
    m_summary->setText(message);
    m_model->setHits(hits);
    m_filter->setEnabled(!hits.isEmpty());
    if (!m_query.isEmpty())
        emit searched(int(hits.size()));
}

QString SearchPanel::summary() const
{
    return m_summary->text();
}

QSet<Id> SearchPanel::matchingEvents(const QString& query, bool* ok)
{
    // Every event the words match, not only the listed ones; a note or a citation's match
    // counts for the event it is about.
    QSet<Id> events;
    if (ok)
        *ok = true;
    try {
        for (const SearchHit& h : m_story->store().search(query, kFilterLimit)) {
            if (h.ref.kind == EntityKind::Event)
                events.insert(h.ref.id);
            else if (h.ref.kind == EntityKind::Annotation)
                if (const auto a = m_story->store().annotation(h.ref.id);
                    a && a->target.kind == EntityKind::Event)
                    events.insert(a->target.id);
        }
    } catch (const StoreError& e) {
        m_summary->setText(e.message());
        if (ok)
            *ok = false;
    }
    return events;
}

void SearchPanel::filterToMatches()
{
    if (m_query.isEmpty())
        return;
    bool ok = false;
    const QSet<Id> events = matchingEvents(m_query, &ok);
    if (!ok)
        return;
    Selection::Filter f = m_selection->filter();
    f.searchHits = events;
    f.searchText = m_query;
    m_selection->setFilter(f);
}

void SearchPanel::refreshFilter()
{
    // The search-hits filter is the search run again, so an edit that makes an event match
    // (or stop matching) moves it in (or out of) the timeline, the table and the counts.
    const Selection::Filter f = m_selection->filter();
    if (!f.searchHits || f.searchText.isEmpty())
        return;
    bool ok = false;
    const QSet<Id> events = matchingEvents(f.searchText, &ok);
    if (!ok || events == *f.searchHits)
        return;
    Selection::Filter g = f;
    g.searchHits = events;
    m_selection->setFilter(g);
}

void SearchPanel::reveal(int row)
{
    const SearchHit hit = m_model->hitAt(row);
    if (!hit.ref.id)
        return;
    EntityRef target = hit.ref;
    if (target.kind == EntityKind::Annotation) {
        // A note: go to what it is about.
        if (const auto a = m_story->store().annotation(target.id))
            target = a->target;
    }
    if (target.kind == EntityKind::Event) {
        m_selection->selectEvents({target.id});
    } else if (target.kind == EntityKind::Actor) {
        m_selection->selectActors({target.id});
    }
    m_selection->setCurrent(target);
}

} // namespace chronomap
