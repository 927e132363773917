#include "scenestate.h"

#include "actormap/actormapview.h"
#include "model/partialdate.h"
#include "timeline/timelineview.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace chronomap {

namespace {

const char* const kCharts[] = {"both", "timeline", "actors"};
const char* const kLanes[] = {"category", "actor", "packed"};

template <typename E, std::size_t N>
std::optional<E> byName(const QString& name, const char* const (&names)[N])
{
    for (std::size_t i = 0; i < N; ++i)
        if (name.compare(QLatin1String(names[i]), Qt::CaseInsensitive) == 0)
            return E(i);
    return std::nullopt;
}

// Ids sorted, so the same scene is always the same text (and the audit log shows real
// differences only).
QJsonArray idArray(const QSet<Id>& ids)
{
    QList<Id> sorted(ids.begin(), ids.end());
    std::sort(sorted.begin(), sorted.end());
    QJsonArray a;
    for (Id id : sorted)
        a.append(id);
    return a;
}

QString instantText(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

// Collects what a damaged or foreign scene could not give, in words for the user.
class Reader
{
public:
    Reader(const QJsonObject& o, QStringList* skipped) : m_o(o), m_skipped(skipped) {}

    void skip(const QString& key, const QString& why)
    {
        if (m_skipped)
            *m_skipped << QStringLiteral("“%1”: %2").arg(key, why);
    }

    std::optional<QString> string(const QString& key)
    {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isString()) {
            skip(key, QStringLiteral("not text"));
            return std::nullopt;
        }
        return v.toString();
    }

    // An instant: seconds since 1970, an ISO date-time, or an EDTF date (its first or last
    // second, for the start or the end of a window).
    std::optional<qint64> instant(const QString& key, bool end)
    {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (v.isDouble())
            return qint64(v.toDouble());
        if (v.isString()) {
            const QString text = v.toString().trimmed();
            if (text.contains(u'T')) {
                const QDateTime t = QDateTime::fromString(text, Qt::ISODate);
                if (t.isValid())
                    return t.toSecsSinceEpoch();
            }
            QString why;
            const PartialDate d = PartialDate::fromEdtf(text, &why);
            if (d.isValid())
                return end ? d.latest() : d.earliest();
            skip(key, QStringLiteral("“%1” is not a date").arg(text));
            return std::nullopt;
        }
        skip(key, QStringLiteral("not a date"));
        return std::nullopt;
    }

    QSet<Id> ids(const QJsonObject& o, const QString& key)
    {
        QSet<Id> out;
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return out;
        if (!v.isArray()) {
            skip(key, QStringLiteral("not a list of ids"));
            return out;
        }
        int bad = 0;
        for (const QJsonValue& x : v.toArray()) {
            const double d = x.toDouble(-1);
            if (x.isDouble() && d >= 1 && d < 9.0e15 && d == std::floor(d))
                out.insert(Id(d));
            else
                ++bad;
        }
        if (bad)
            skip(key, QStringLiteral("%1 value(s) that are not ids").arg(bad));
        return out;
    }

    QSet<QString> strings(const QJsonObject& o, const QString& key)
    {
        QSet<QString> out;
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return out;
        if (!v.isArray()) {
            skip(key, QStringLiteral("not a list"));
            return out;
        }
        for (const QJsonValue& x : v.toArray())
            if (x.isString())
                out.insert(x.toString());
            else
                skip(key, QStringLiteral("a value that is not text"));
        return out;
    }

    const QJsonObject& object() const { return m_o; }

private:
    QJsonObject m_o;
    QStringList* m_skipped;
};

} // namespace

QString chartsName(SceneState::Charts charts)
{
    return QLatin1String(kCharts[int(charts) % 3]);
}
std::optional<SceneState::Charts> chartsFromName(const QString& name)
{
    return byName<SceneState::Charts>(name, kCharts);
}
QString laneModeName(LaneMode mode)
{
    return QLatin1String(kLanes[int(mode) % 3]);
}
std::optional<LaneMode> laneModeFromName(const QString& name)
{
    return byName<LaneMode>(name, kLanes);
}

QJsonObject SceneState::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("charts"), chartsName(charts));
    if (from)
        o.insert(QStringLiteral("from"), instantText(*from));
    if (to)
        o.insert(QStringLiteral("to"), instantText(*to));
    if (lanes)
        o.insert(QStringLiteral("lanes"), laneModeName(*lanes));
    if (!filter.isEmpty()) {
        QJsonObject f;
        if (!filter.actors.isEmpty())
            f.insert(QStringLiteral("actors"), idArray(filter.actors));
        if (!filter.categories.isEmpty())
            f.insert(QStringLiteral("categories"), idArray(filter.categories));
        if (!filter.tags.isEmpty()) {
            QStringList tags(filter.tags.begin(), filter.tags.end());
            tags.sort();
            f.insert(QStringLiteral("tags"), QJsonArray::fromStringList(tags));
        }
        if (!filter.statuses.isEmpty()) {
            QList<int> st(filter.statuses.begin(), filter.statuses.end());
            std::sort(st.begin(), st.end());
            QStringList names;
            for (int s : st)
                names << verificationName(Verification(s));
            f.insert(QStringLiteral("statuses"), QJsonArray::fromStringList(names));
        }
        // The date window the user filtered to (not where the view is: that is from/to).
        if (filter.hasDates()) {
            f.insert(QStringLiteral("from"), instantText(filter.from));
            f.insert(QStringLiteral("to"), instantText(filter.to));
        }
        if (filter.searchHits) {
            f.insert(QStringLiteral("search"), filter.searchText);
            f.insert(QStringLiteral("searchHits"), idArray(*filter.searchHits));
        }
        o.insert(QStringLiteral("filter"), f);
    }
    auto ids = [&o](const char* key, const QSet<Id>& set) {
        if (!set.isEmpty())
            o.insert(QLatin1String(key), idArray(set));
    };
    ids("selectedEvents", selectedEvents);
    ids("selectedActors", selectedActors);
    ids("highlightedEvents", highlightedEvents);
    ids("highlightedActors", highlightedActors);
    if (current)
        o.insert(QStringLiteral("current"),
                 QJsonObject{{QStringLiteral("kind"), entityKindName(current->kind)},
                             {QStringLiteral("id"), current->id}});
    return o;
}

QString SceneState::toJsonText() const
{
    return QString::fromUtf8(QJsonDocument(toJson()).toJson(QJsonDocument::Compact));
}

SceneState SceneState::fromJsonText(const QString& text, QStringList* skipped)
{
    if (text.trimmed().isEmpty())
        return {};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        if (skipped)
            *skipped << (error.error != QJsonParseError::NoError
                             ? QStringLiteral("the saved view is not valid JSON (%1 at character "
                                              "%2); showing the whole story")
                                   .arg(error.errorString())
                                   .arg(error.offset)
                             : QStringLiteral("the saved view is not a JSON object; showing the "
                                              "whole story"));
        return {};
    }
    return fromJson(doc.object(), skipped);
}

SceneState SceneState::fromJson(const QJsonObject& o, QStringList* skipped)
{
    Reader r(o, skipped);
    SceneState s;
    if (const auto c = r.string(QStringLiteral("charts"))) {
        if (const auto charts = chartsFromName(*c))
            s.charts = *charts;
        else
            r.skip(QStringLiteral("charts"),
                   QStringLiteral("“%1” is not both, timeline or actors").arg(*c));
    }
    s.from = r.instant(QStringLiteral("from"), false);
    s.to = r.instant(QStringLiteral("to"), true);
    if (s.from && s.to && *s.to <= *s.from) {
        r.skip(QStringLiteral("to"), QStringLiteral("the window ends before it starts"));
        s.from.reset();
        s.to.reset();
    }
    if (const auto l = r.string(QStringLiteral("lanes"))) {
        s.lanes = laneModeFromName(*l);
        if (!s.lanes)
            r.skip(QStringLiteral("lanes"),
                   QStringLiteral("“%1” is not category, actor or packed").arg(*l));
    }
    const QJsonValue f = o.value(QStringLiteral("filter"));
    if (f.isObject()) {
        const QJsonObject fo = f.toObject();
        s.filter.actors = r.ids(fo, QStringLiteral("actors"));
        s.filter.categories = r.ids(fo, QStringLiteral("categories"));
        s.filter.tags = r.strings(fo, QStringLiteral("tags"));
        for (const QString& name : r.strings(fo, QStringLiteral("statuses"))) {
            if (const auto v = verificationFromName(name))
                s.filter.statuses.insert(int(*v));
            else
                r.skip(QStringLiteral("statuses"), QStringLiteral("unknown status “%1”").arg(name));
        }
        for (const auto& [key, end] : {std::pair{"from", false}, std::pair{"to", true}}) {
            const QDateTime t =
                QDateTime::fromString(fo.value(QLatin1String(key)).toString(), Qt::ISODate);
            if (t.isValid())
                (end ? s.filter.to : s.filter.from) = t.toSecsSinceEpoch();
        }
        if (!s.filter.hasDates())
            s.filter.from = s.filter.to = 0;
        if (fo.contains(QStringLiteral("searchHits"))) {
            s.filter.searchHits = r.ids(fo, QStringLiteral("searchHits"));
            s.filter.searchText = fo.value(QStringLiteral("search")).toString();
        }
    } else if (!f.isUndefined() && !f.isNull()) {
        r.skip(QStringLiteral("filter"), QStringLiteral("not an object"));
    }
    s.selectedEvents = r.ids(o, QStringLiteral("selectedEvents"));
    s.selectedActors = r.ids(o, QStringLiteral("selectedActors"));
    s.highlightedEvents = r.ids(o, QStringLiteral("highlightedEvents"));
    s.highlightedActors = r.ids(o, QStringLiteral("highlightedActors"));
    const QJsonValue c = o.value(QStringLiteral("current"));
    if (c.isObject()) {
        const auto kind = entityKindFromName(c.toObject().value(QStringLiteral("kind")).toString());
        const double id = c.toObject().value(QStringLiteral("id")).toDouble(-1);
        if (kind && id >= 1)
            s.current = EntityRef{*kind, Id(id)};
        else
            r.skip(QStringLiteral("current"), QStringLiteral("not an entry"));
    } else if (!c.isUndefined() && !c.isNull()) {
        r.skip(QStringLiteral("current"), QStringLiteral("not an entry"));
    }
    // Unknown keys are a later version's or a person's notes: kept in the file, ignored here,
    // and not worth a message.
    return s;
}

SceneState SceneState::fromSelection(const Selection& selection)
{
    SceneState s;
    if (selection.hasWindow()) {
        s.from = selection.windowFrom();
        s.to = selection.windowTo();
    }
    s.filter = selection.filter();
    s.selectedEvents = selection.selectedEvents();
    s.selectedActors = selection.selectedActors();
    s.highlightedEvents = selection.highlightedEvents();
    s.highlightedActors = selection.highlightedActors();
    s.current = selection.current();
    return s;
}

void SceneState::applyTo(Selection& selection) const
{
    selection.setFilter(filter);
    selection.selectEvents(selectedEvents);
    selection.selectActors(selectedActors);
    selection.setHighlight(highlightedEvents, highlightedActors);
    selection.setCurrent(current);
    if (hasWindow())
        selection.setTimeWindow(*from, *to);
}

SceneState captureScene(const Selection& selection, const TimelineView* timeline,
                        const ActorMapView* actorMap)
{
    SceneState s = SceneState::fromSelection(selection);
    if (timeline) {
        s.from = timeline->windowFrom();
        s.to = timeline->windowTo();
        s.lanes = timeline->laneMode();
    }
    // A chart squeezed to nothing in the splitter is not part of the view.
    const bool showsTimeline = timeline && timeline->isVisible() && timeline->height() > 0;
    const bool showsMap = actorMap && actorMap->isVisible() && actorMap->height() > 0;
    if (showsTimeline && !showsMap)
        s.charts = SceneState::Charts::Timeline;
    else if (showsMap && !showsTimeline)
        s.charts = SceneState::Charts::Actors;
    return s;
}

void applyScene(const SceneState& state, Selection& selection, TimelineView* timeline)
{
    if (timeline && state.lanes && timeline->laneMode() != *state.lanes)
        timeline->setLaneMode(*state.lanes);
    SceneState rest = state;
    rest.from.reset();
    rest.to.reset();
    rest.applyTo(selection);
    if (timeline) {
        if (state.hasWindow())
            timeline->setWindow(*state.from, *state.to);
        else
            timeline->fitStory();
    } else if (state.hasWindow()) {
        selection.setTimeWindow(*state.from, *state.to);
    }
}

} // namespace chronomap
