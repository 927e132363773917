#include "eventfilter.h"

#include "query/timeindex.h"
#include "store/store.h"

#include <QHash>

namespace chronomap {

EventFilter::EventFilter(const Store& store, const TimeIndex& index, const FilterSpec& spec)
    : m_spec(spec)
{
    if (!spec.actors.isEmpty()) {
        QSet<Id> ids;
        for (Id actor : spec.actors)
            for (Id e : store.eventIdsOfActor(actor))
                ids.insert(e);
        m_actorEvents = std::move(ids);
    }
    if (!spec.tags.isEmpty()) {
        // Only when a tag is chosen: one pass over the story's events.
        QSet<Id> ids;
        for (const Event& e : store.events())
            for (const QString& t : e.tags)
                if (spec.tags.contains(t)) {
                    ids.insert(e.id);
                    break;
                }
        m_tagEvents = std::move(ids);
    }
    if (!spec.isEmpty()) {
        // The actors of the events that pass: the map shows these. One pass over the
        // participations, each event looked up in the index.
        QSet<Id> passing;
        for (const auto& [event, actor] : store.participations()) {
            if (passing.contains(actor))
                continue;
            const std::ptrdiff_t row = index.indexOf(event);
            if (row >= 0 && passesRow(index, std::size_t(row)))
                passing.insert(actor);
        }
        m_activeActors = std::move(passing);
    }
}

bool EventFilter::passesFields(Id id, qint64 start, qint64 end, qint64 category, int status,
                               bool skipSets) const
{
    if (!m_spec.categories.isEmpty() && !m_spec.categories.contains(category))
        return false;
    if (!m_spec.statuses.isEmpty() && !m_spec.statuses.contains(status))
        return false;
    // The date window holds what the story dates inside it (the nominal dates, not the
    // widened reach of an approximation).
    if (m_spec.hasDates() && (end < m_spec.from || start > m_spec.to))
        return false;
    if (!skipSets && m_actorEvents && !m_actorEvents->contains(id))
        return false;
    if (!skipSets && m_tagEvents && !m_tagEvents->contains(id))
        return false;
    if (m_spec.searchHits && !m_spec.searchHits->contains(id))
        return false;
    return true;
}

bool EventFilter::passesRow(const TimeIndex& index, std::size_t row) const
{
    if (m_spec.isEmpty())
        return true;
    return passesFields(index.ids()[row], index.nominalStart()[row], index.nominalEnd()[row],
                        index.category()[row], int(TimeIndex::statusOf(index.flags()[row])));
}

bool EventFilter::passes(const Event& e) const
{
    if (m_spec.isEmpty())
        return true;
    if (!m_spec.tags.isEmpty()) {
        // The event's own tags: it may be newer than the sets read when the filter was built.
        bool tagged = false;
        for (const QString& t : e.tags)
            tagged = tagged || m_spec.tags.contains(t);
        if (!tagged)
            return false;
    }
    if (!m_spec.actors.isEmpty()) {
        bool involved = false;
        for (const Participation& p : e.actors)
            involved = involved || m_spec.actors.contains(p.actorId);
        if (!involved)
            return false;
    }
    // Tags and actors were tested on the event itself.
    const bool tagsAndActors = true;
    return passesFields(e.id, e.date.nominalStart(), e.date.nominalEnd(), e.categoryId,
                        int(e.status), tagsAndActors);
}

bool EventFilter::passesActor(Id actor) const
{
    // A chosen actor always shows; another shows when it takes part in an event that passes
    // (with the chosen actors, when actors are chosen).
    if (m_spec.actors.contains(actor))
        return true;
    return !m_activeActors || m_activeActors->contains(actor);
}

PartialDate actorValidity(const Actor& actor)
{
    const Attribute* a = findAttribute(actor.attributes, QStringLiteral("valid"));
    if (!a || a->type != AttributeType::Date || a->value.isEmpty())
        return {};
    return PartialDate::fromEdtf(a->value);
}

bool holdsIn(const PartialDate& valid, qint64 from, qint64 to)
{
    if (!valid.isValid() || to <= from)
        return true;
    const bool openStart = valid.flags() & DateFlag::OpenStart;
    const bool openEnd = valid.flags() & DateFlag::OpenEnd;
    return (openStart || valid.earliest() <= to) && (openEnd || valid.latest() >= from);
}

bool EventFilter::passes(const Actor& actor) const
{
    if (!passesActor(actor.id))
        return false;
    return !m_spec.hasDates() || holdsIn(actorValidity(actor), m_spec.from, m_spec.to);
}

bool EventFilter::passesAsOf(const Actor& actor, qint64 from, qint64 to) const
{
    return passes(actor) && holdsIn(actorValidity(actor), from, to);
}

bool EventFilter::passes(const Relation& r) const
{
    if (!passesActor(r.sourceId) || !passesActor(r.targetId))
        return false;
    if (!m_spec.statuses.isEmpty() && !m_spec.statuses.contains(int(r.status)))
        return false;
    if (m_spec.hasDates() && r.valid.isValid() &&
        (r.valid.nominalEnd() < m_spec.from || r.valid.nominalStart() > m_spec.to))
        return false;
    return true;
}

std::vector<Id> EventFilter::eventIds(const TimeIndex& index) const
{
    std::vector<Id> out;
    const auto ids = index.ids();
    for (std::size_t r = 0; r < index.size(); ++r)
        if (passesRow(index, r))
            out.push_back(ids[r]);
    return out;
}

std::size_t EventFilter::countEvents(const TimeIndex& index) const
{
    if (m_spec.isEmpty())
        return index.size();
    std::size_t n = 0;
    for (std::size_t r = 0; r < index.size(); ++r)
        n += passesRow(index, r);
    return n;
}

std::optional<FilterSpec> filterSpecFromOptions(const Store& store,
                                                const QList<std::pair<QString, QString>>& options,
                                                QString* error)
{
    FilterSpec spec;
    auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    for (const auto& [key, value] : options) {
        const QStringList names = value.split(u',', Qt::SkipEmptyParts);
        for (QString name : names) {
            name = name.trimmed();
            if (key == QLatin1String("actor")) {
                bool found = false;
                for (const Actor& a : store.actors())
                    if (a.name.compare(name, Qt::CaseInsensitive) == 0) {
                        spec.actors.insert(a.id);
                        found = true;
                    }
                if (!found)
                    return fail(QStringLiteral("--actor: no actor is named \"%1\"").arg(name));
            } else if (key == QLatin1String("category")) {
                bool found = false;
                for (const Category& c : store.categories())
                    if (c.name.compare(name, Qt::CaseInsensitive) == 0) {
                        spec.categories.insert(c.id);
                        found = true;
                    }
                if (!found)
                    return fail(
                        QStringLiteral("--category: no category is named \"%1\"").arg(name));
            } else if (key == QLatin1String("tag")) {
                spec.tags.insert(name);
            } else if (key == QLatin1String("status")) {
                const auto v = verificationFromName(name.toLower());
                if (!v)
                    return fail(QStringLiteral("--status takes draft, confirmed, disputed or "
                                               "cleared, not \"%1\"")
                                    .arg(name));
                spec.statuses.insert(int(*v));
            }
        }
        if (key == QLatin1String("dates")) {
            QString why;
            const PartialDate d = PartialDate::fromEdtf(value.trimmed(), &why);
            if (!d.isValid())
                return fail(QStringLiteral("--dates: %1").arg(why));
            spec.from = d.nominalStart();
            spec.to = d.nominalEnd();
        }
    }
    return spec;
}

} // namespace chronomap
