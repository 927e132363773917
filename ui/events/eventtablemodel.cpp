#include "eventtablemodel.h"

#include "timeline/eventcard.h"

#include "i18n/labels.h"
#include "i18n/localdates.h"
#include "query/selection.h"
#include "story/story.h"
#include "text/storytext.h"

namespace chronomap {

EventTableModel::EventTableModel(Story* story, QObject* parent)
    : QAbstractTableModel(parent), m_story(story)
{
    auto reloadNames = [this] {
        m_categoryNames.clear();
        for (const Category& c : m_story->store().categories())
            m_categoryNames.insert(c.id, c.name);
        m_actorNames.clear();
        if (m_story->store().counts().actors <= 200000)
            for (const Actor& a : m_story->store().actors())
                m_actorNames.insert(a.id, a.name);
    };
    reloadNames();
    connect(story, &Story::changed, this, [this, reloadNames](const Change& change) {
        if (change.kind != EntityKind::Event || change.action == Change::Action::Reset)
            reloadNames();
        onChanged(change);
    });
}

void EventTableModel::onChanged(const Change& change)
{
    // Row positions move when dates change; a reset is simplest and cheap with lazy rows.
    if (change.kind == EntityKind::Event || change.action == Change::Action::Reset ||
        change.kind == EntityKind::Actor) {
        beginResetModel();
        m_cache.clear();
        endResetModel();
    }
}

int EventTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_story->timeIndex().size());
}

int EventTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Id EventTableModel::idAt(int row) const
{
    if (row < 0 || std::size_t(row) >= m_story->timeIndex().size())
        return 0;
    return m_story->timeIndex().ids()[std::size_t(row)];
}

int EventTableModel::rowOf(Id id) const
{
    return int(m_story->timeIndex().indexOf(id));
}

const Event* EventTableModel::cached(int row) const
{
    const Id id = idAt(row);
    if (!id)
        return nullptr;
    auto it = m_cache.constFind(id);
    if (it == m_cache.constEnd()) {
        if (m_cache.size() > 20000)
            m_cache.clear();
        std::optional<Event> e;
        try {
            e = m_story->store().event(id);
        } catch (const StoreError&) {
            return nullptr; // a shared story's server away: blank until it is back
        }
        if (!e)
            return nullptr;
        it = m_cache.insert(id, *e);
    }
    return &*it;
}

QVariant EventTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (role == IdRole)
        return idAt(index.row());
    if (role == SortKeyRole)
        return qlonglong(m_story->timeIndex().earliest()[std::size_t(index.row())]);
    if (role == Qt::ToolTipRole) // story text: shown as plain text (text/storytext.h)
        return plainToolTip(data(index, ToolTipTextRole).toString());
    if (role != Qt::DisplayRole && role != ToolTipTextRole && role != Qt::AccessibleTextRole)
        return {};
    const Event* e = cached(index.row());
    if (!e)
        return {};
    switch (index.column()) {
    case DateColumn:
        if (role == ToolTipTextRole)
            return tr("%1\nEDTF: %2").arg(localDate(e->date), e->date.edtf());
        // The story's words and the EDTF side by side, never one in the other's brackets.
        return eventCardDate(*e);
    case TitleColumn:
        return role == ToolTipTextRole && !e->summary.isEmpty() ? e->summary : e->title;
    case CategoryColumn:
        return m_categoryNames.value(e->categoryId);
    case StatusColumn:
        return statusLabel(e->status);
    case ActorsColumn: {
        QStringList names;
        for (const Participation& p : e->actors)
            names << m_actorNames.value(p.actorId, tr("actor %1").arg(p.actorId));
        return names.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DateColumn:
        return tr("Date");
    case TitleColumn:
        return tr("Event");
    case CategoryColumn:
        return tr("Category");
    case StatusColumn:
        return tr("Status");
    case ActorsColumn:
        return tr("Actors");
    default:
        return {};
    }
}

EventFilterProxy::EventFilterProxy(EventTableModel* source, Story* story, Selection* selection,
                                   QObject* parent)
    : QSortFilterProxyModel(parent), m_story(story), m_selection(selection)
{
    setSourceModel(source);
    connect(selection, &Selection::filterChanged, this, &EventFilterProxy::updateFilter);
    // Edits may move events in or out of the chosen actors' and tags' sets.
    connect(story, &Story::changed, this, [this](const Change&) {
        if (!m_filter.isEmpty())
            updateFilter();
    });
    updateFilter();
}

void EventFilterProxy::updateFilter()
{
    m_filter = EventFilter(m_story->store(), m_story->timeIndex(), m_selection->filter());
    invalidateFilter();
}

bool EventFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_filter.isEmpty() || sourceParent.isValid())
        return true;
    const TimeIndex& index = m_story->timeIndex();
    if (sourceRow < 0 || std::size_t(sourceRow) >= index.size())
        return false;
    return m_filter.passesRow(index, std::size_t(sourceRow));
}

} // namespace chronomap
