#pragma once

#include "model/entities.h"
#include "query/lanes.h"
#include "theme/charttheme.h"

#include <QFont>
#include <QHash>
#include <QLinearGradient>
#include <QRectF>
#include <QSet>
#include <QStaticText>

#include <vector>

class QPainter;

namespace chronomap {

class Selection;
class Story;

// What the timeline's drawing pieces share: the story, the lanes, the emphasis and the
// result of the last frame (what was placed where, for hit testing and the hover layer).
// Owned by TimelineView; the plottable, the overlay and the overview read and fill it.
struct TimelineState
{
    Story* story = nullptr;
    Selection* selection = nullptr;
    LaneLayout layout;
    ChartTheme theme = *ChartTheme::named(QStringLiteral("light")); // colours, type, lines
    QHash<qint64, QColor> categoryColors; // the theme's colour for each category id
    QList<Era> eras;
    QSet<Id> highlight;          // emphasised; the rest dimmed when non-empty
    bool exportMode = false;     // no hover, and every label fetched in the one frame
    bool markUnverified = false; // hatch and tag every entry not cleared for publication
    int detailLimit = 600;       // above this many visible events a frame draws density
    int titleBudget = 60;        // titles read from the file per interactive frame
    QFont labelFont;
    QHash<Id, QStaticText> titles; // prepared labels, by event id
    int generation = 0;            // bumped whenever the layout is rebuilt

    // One sub-row of a lane in detail: a box and its label, in pixels.
    static constexpr double kRowHeight = 20;
    // Where each lane's band starts on the value axis, by display position (one entry more
    // than lanes). Empty: lane p spans [p, p + 1], every lane as tall as the next (lanes that
    // scroll, or density). When every lane fits, lanes share the height by how many
    // sub-rows their events need in the window, so a busy lane gets room for its labels.
    std::vector<double> laneEdges;
    double laneCoord(int position) const
    {
        return std::size_t(position) < laneEdges.size() ? laneEdges[std::size_t(position)]
                                                        : double(position);
    }
    // The display position whose band holds value-axis coordinate `y` (may be out of range).
    int laneAtCoord(double y) const;

    // One event box placed by the last detail frame.
    struct Placed
    {
        Id id = 0;
        quint32 row = 0;
        int lanePosition = 0;
        QRectF box;   // the marks, whiskers included, over the full sub-row height
        QRectF label; // empty if the label was left out
    };
    // Last frame.
    bool density = false;
    std::vector<Placed> placed;
    int firstLane = 0;                    // display position of the first visible lane
    std::vector<std::vector<int>> counts; // density per visible lane and pixel column
    QRectF plotRect;
    qint64 from = 0, to = 0;
    int visibleEvents = 0;
    bool titlesMissing = false; // a label waited for its title: draw again

    // Hover, drawn on the overlay layer.
    Id hoverId = 0;
    int hoverLane = -1, hoverColumn = -1; // density hover

    // Returns the prepared title of an event, reading it if allowed; nullptr if not yet.
    const QStaticText* title(Id id, int& budget);
    QColor colorOf(const LaneLayout::Lane& lane, quint32 row) const;
    // The colour a lane's density is drawn in: its category's, or the theme's default.
    QColor laneColor(const LaneLayout::Lane& lane) const;
    // A pen width in the theme's line scale.
    double line(double width) const { return width * theme.lineScale; }
};

// Fills `rect` with a horizontal gradient whose colours may be translucent. Qt's PDF engine
// drops a gradient's alpha (the soft ends of a box would print as solid bars), so on PDF and
// printer devices the gradient is laid down as thin strips of plain translucent colour.
void fillGradient(QPainter* painter, const QRectF& rect, const QLinearGradient& gradient);

} // namespace chronomap
