#include "selection.h"

namespace chronomap {

void Selection::setTimeWindow(qint64 from, qint64 to)
{
    if (to < from)
        std::swap(from, to);
    if (from == m_from && to == m_to)
        return;
    m_from = from;
    m_to = to;
    emit timeWindowChanged(from, to);
}

void Selection::selectEvents(const QSet<Id>& ids)
{
    if (ids == m_events && m_actors.isEmpty())
        return;
    m_events = ids;
    m_actors.clear();
    emit selectionChanged();
}

void Selection::selectActors(const QSet<Id>& ids)
{
    if (ids == m_actors && m_events.isEmpty())
        return;
    m_actors = ids;
    m_events.clear();
    emit selectionChanged();
}

void Selection::clearSelection()
{
    if (m_events.isEmpty() && m_actors.isEmpty() && m_litEvents.isEmpty() && m_litActors.isEmpty())
        return;
    m_events.clear();
    m_actors.clear();
    emit selectionChanged();
    setHighlight({}, {});
}

void Selection::setHighlight(const QSet<Id>& events, const QSet<Id>& actors)
{
    if (events == m_litEvents && actors == m_litActors)
        return;
    m_litEvents = events;
    m_litActors = actors;
    emit highlightChanged();
}

void Selection::setCurrent(std::optional<EntityRef> ref)
{
    if (ref == m_current)
        return;
    m_current = ref;
    emit currentChanged();
}

void Selection::setFilter(const Filter& filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    emit filterChanged();
}

} // namespace chronomap
