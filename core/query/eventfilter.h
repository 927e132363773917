#pragma once

#include "model/entities.h"

#include <QSet>

#include <optional>
#include <vector>

namespace chronomap {

class Store;
class TimeIndex;

// The active filters of one window, as the user chose them in the filter bar: which actors,
// categories, tags and statuses, which date window and which search hits. Empty means "no
// filter on this". Navigating (zooming, panning) is not part of it.
struct FilterSpec
{
    QSet<Id> actors;
    QSet<Id> categories;
    QSet<QString> tags;
    QSet<int> statuses; // Verification values
    // The date window: events that overlap [from, to]; no window unless to > from.
    qint64 from = 0, to = 0;
    // Only the events a search found (nullopt: no search filter); searchText says which.
    std::optional<QSet<Id>> searchHits;
    QString searchText;

    bool hasDates() const { return to > from; }
    bool isEmpty() const
    {
        return actors.isEmpty() && categories.isEmpty() && tags.isEmpty() && statuses.isEmpty() &&
               !hasDates() && !searchHits;
    }
    bool operator==(const FilterSpec&) const = default;
};

// A FilterSpec from the command line's words: `options` maps "actor", "category", "tag" and
// "status" to comma-separated names (matched without regard to case) and "dates" to an EDTF
// date or interval. nullopt, with `error` saying which word named nothing, when one fails.
std::optional<FilterSpec> filterSpecFromOptions(const Store& store,
                                                const QList<std::pair<QString, QString>>& options,
                                                QString* error);

// When an actor exists: a GEXF node's spells or timestamps, which the import keeps as the
// actor's "valid" date attribute (EDTF). Invalid (no such attribute): always.
PartialDate actorValidity(const Actor& actor);
// True if something dated `valid` holds at some moment of [from, to]: undated always holds;
// an open start or end reaches as far as it may. from >= to: no window, everything holds.
bool holdsIn(const PartialDate& valid, qint64 from, qint64 to);

// The one predicate that decides whether an event, an actor or a relation passes a
// FilterSpec. Every surface (timeline, actor map, events table, status-bar counts, chart and
// data exports, Present) asks it, so none can disagree with another. Built once per filter
// and story revision: it reads the actors' and tags' event sets from the store up front,
// then answers from memory (an index row costs a few set lookups).
class EventFilter
{
public:
    EventFilter() = default;
    EventFilter(const Store& store, const TimeIndex& index, const FilterSpec& spec);

    const FilterSpec& spec() const { return m_spec; }
    bool isEmpty() const { return m_spec.isEmpty(); }

    // An event by its row in the story's time index (no SQL).
    bool passesRow(const TimeIndex& index, std::size_t row) const;
    bool passes(const Event& event) const;
    // An actor passes when it is one of the chosen actors (if any are chosen) and, when
    // events are filtered otherwise, takes part in at least one event that passes; and, when
    // it has a validity (actorValidity), that overlaps the date window (if there is one).
    bool passes(const Actor& actor) const;
    bool passesActor(Id actor) const;
    // The same, "as of" a window the user navigated to (the timeline's visible window, not a
    // filter): an actor whose validity lies outside [from, to] does not pass.
    bool passesAsOf(const Actor& actor, qint64 from, qint64 to) const;
    // A relation passes when both its actors pass, its status is chosen (if statuses are)
    // and its validity overlaps the date window (if there is one).
    bool passes(const Relation& relation) const;

    // The ids of the events that pass, in time-index order, and how many.
    std::vector<Id> eventIds(const TimeIndex& index) const;
    std::size_t countEvents(const TimeIndex& index) const;

private:
    bool passesFields(Id id, qint64 start, qint64 end, qint64 category, int status,
                      bool skipSets = false) const;

    FilterSpec m_spec;
    std::optional<QSet<Id>> m_actorEvents; // events of the chosen actors
    std::optional<QSet<Id>> m_tagEvents;   // events carrying a chosen tag
    // Actors taking part in an event that passes (only when something is filtered).
    std::optional<QSet<Id>> m_activeActors;
};

} // namespace chronomap
