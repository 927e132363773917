#include "timelinestate.h"

#include <algorithm>
#include <cmath>

#include "story/story.h"

#include <QFontMetricsF>

namespace chronomap {

namespace {
// Long headlines are cut so that one label cannot claim a whole sub-row.
constexpr double kMaxLabelWidth = 340;
constexpr qsizetype kMaxCachedTitles = 50000;
} // namespace

int TimelineState::laneAtCoord(double y) const
{
    if (laneEdges.empty())
        return int(std::floor(y));
    if (y < laneEdges.front())
        return -1;
    return int(std::upper_bound(laneEdges.begin(), laneEdges.end(), y) - laneEdges.begin()) - 1;
}

const QStaticText* TimelineState::title(Id id, int& budget)
{
    auto it = titles.constFind(id);
    if (it != titles.cend())
        return &*it;
    if (!exportMode && budget <= 0) {
        titlesMissing = true;
        return nullptr;
    }
    --budget;
    const QFontMetricsF metrics(labelFont);
    QStaticText text(
        metrics.elidedText(story->store().eventTitle(id), Qt::ElideRight, kMaxLabelWidth));
    text.setTextFormat(Qt::PlainText);
    text.setPerformanceHint(QStaticText::AggressiveCaching);
    text.prepare(QTransform(), labelFont);
    if (titles.size() > kMaxCachedTitles)
        titles.clear();
    return &*titles.insert(id, text);
}

QColor TimelineState::colorOf(const LaneLayout::Lane& lane, quint32 row) const
{
    // A category lane is drawn in its category's colour; other lanes colour each event by its
    // own category. Always the theme's palette, so print stays grey and dark stays legible.
    if (lane.color.isValid())
        return laneColor(lane);
    return categoryColors.value(story->timeIndex().category()[row], theme.defaultCategory);
}

QColor TimelineState::laneColor(const LaneLayout::Lane& lane) const
{
    if (!lane.color.isValid())
        return theme.defaultCategory;
    return categoryColors.value(lane.key, theme.defaultCategory);
}

} // namespace chronomap
