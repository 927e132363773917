#pragma once

#include "model/entities.h"
#include "query/lanes.h"
#include "query/selection.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace chronomap {

class ActorMapView;
class TimelineView;

// What a saved scene shows: which chart(s), the time window, the lane mode, the filters, the
// selected and highlighted entries and the entry whose details are open. Stored as a JSON
// object in Scene::state; the caption lives in Scene::caption (one place to edit it).
//
// Reading is forgiving: a scene written by a later version, edited by hand or damaged opens
// with everything that could be read, and `skipped` says in words what was left out.
struct SceneState
{
    enum class Charts : quint8
    {
        Both,
        Timeline,
        Actors
    };

    Charts charts = Charts::Both;
    std::optional<qint64> from, to; // seconds since 1970; none: the whole story
    std::optional<LaneMode> lanes;  // none: as the timeline is
    Selection::Filter filter;
    QSet<Id> selectedEvents, selectedActors, highlightedEvents, highlightedActors;
    std::optional<EntityRef> current;

    bool hasWindow() const { return from && to && *to > *from; }

    QJsonObject toJson() const;
    QString toJsonText() const;
    static SceneState fromJson(const QJsonObject& o, QStringList* skipped = nullptr);
    static SceneState fromJsonText(const QString& text, QStringList* skipped = nullptr);

    // The window's state now (not the charts or lane mode: see captureScene).
    static SceneState fromSelection(const Selection& selection);
    // Sets filters, selection, highlight and current entry, then the window (the window last:
    // making an event current may move it).
    void applyTo(Selection& selection) const;

    friend bool operator==(const SceneState&, const SceneState&) = default;
};

QString chartsName(SceneState::Charts charts); // "both", "timeline", "actors"
std::optional<SceneState::Charts> chartsFromName(const QString& name);
QString laneModeName(LaneMode mode); // "category", "actor", "packed"
std::optional<LaneMode> laneModeFromName(const QString& name);

// The scene the user is looking at: the selection plus the timeline's window and lane mode,
// and which of the two charts are on screen.
SceneState captureScene(const Selection& selection, const TimelineView* timeline,
                        const ActorMapView* actorMap);
// Shows a scene in the views: lane mode, then the selection state, then the window (set on
// the timeline, which publishes it to the map). With no window: the whole story.
void applyScene(const SceneState& state, Selection& selection, TimelineView* timeline);

} // namespace chronomap
