#pragma once

#include "model/entities.h"
#include "query/eventfilter.h"

#include <QObject>
#include <QSet>

namespace chronomap {

// What the user is looking at, shared by every view of one story so they stay linked:
// the time window (brushed on the timeline, shown "as of" on the actor map), the selected
// and highlighted entries, the current entry (shown in the details panel) and the filters.
// The time window is where the user looks (zoom, pan); the filters are what they chose to
// see: Clear filters leaves the window alone.
class Selection final : public QObject
{
    Q_OBJECT

public:
    // Filters every view obeys (EventFilter decides what passes). Empty: no filter. The time
    // window below is navigation, not a filter.
    using Filter = FilterSpec;

    using QObject::QObject;

    qint64 windowFrom() const { return m_from; }
    qint64 windowTo() const { return m_to; }
    bool hasWindow() const { return m_to > m_from; }
    void setTimeWindow(qint64 from, qint64 to);

    const QSet<Id>& selectedEvents() const { return m_events; }
    const QSet<Id>& selectedActors() const { return m_actors; }
    void selectEvents(const QSet<Id>& ids);
    void selectActors(const QSet<Id>& ids);
    void clearSelection();

    // Events lit up because an actor was picked (or the reverse: actors of a picked event).
    const QSet<Id>& highlightedEvents() const { return m_litEvents; }
    const QSet<Id>& highlightedActors() const { return m_litActors; }
    void setHighlight(const QSet<Id>& events, const QSet<Id>& actors);

    // The one entry whose details are shown.
    std::optional<EntityRef> current() const { return m_current; }
    void setCurrent(std::optional<EntityRef> ref);

    const Filter& filter() const { return m_filter; }
    void setFilter(const Filter& filter);

signals:
    void timeWindowChanged(qint64 from, qint64 to);
    void selectionChanged();
    void highlightChanged();
    void currentChanged();
    void filterChanged();

private:
    qint64 m_from = 0, m_to = 0;
    QSet<Id> m_events, m_actors, m_litEvents, m_litActors;
    std::optional<EntityRef> m_current;
    Filter m_filter;
};

} // namespace chronomap
