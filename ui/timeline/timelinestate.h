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

#include <map>
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
    bool oneShot = false;        // a frame painted once (export): every label fetched in it
    bool markUnverified = false; // hatch and tag every entry not cleared for publication
    int detailLimit = 600;       // above this many visible events a frame draws density
    int titleBudget = 60;        // titles read from the file per interactive frame
    QFont labelFont;
    QHash<Id, QStaticText> titles; // prepared labels, by event id
    int generation = 0;            // bumped whenever the layout is rebuilt
    QSet<qint64> expandedLanes;    // lane keys opened to every sub-row their events need
    // The lane at the top of the plot: the "Today" label, drawn at the plot's top, takes its
    // place in that lane's first sub-row, so no event's label goes under it.
    int todayLane = 0;

    // One sub-row of a lane in detail: a box and its label, in pixels (at least; a larger
    // type makes it taller, see rowHeight()).
    static constexpr double kRowHeight = 20;
    // A chart short of height (a 1280×720 window, a squeezed export) packs its sub-rows
    // tighter rather than scroll or hide: a line of type and a little air.
    static constexpr double kCompactRowHeight = 16;
    bool compactRows = false;
    double rowHeight() const { return rowHeight(compactRows); }
    double rowHeight(bool compact) const;
    // No line of a wrapped label is wider than this (a title kept on one line may be, where
    // the plot has the room; see placeLane()).
    double maxLabelWidth() const;
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
        QRectF box;             // the marks, whiskers included, over the full sub-row height
        QRectF label;           // empty if the label was left out; as tall as its lines
        bool shortened = false; // the label is cut short ("…"): there was no room for it all
    };
    // Events a lane had no sub-row for: counted in a "+N more" mark where they are.
    struct Hidden
    {
        int lanePosition = 0;
        int count = 0;
        QRectF rect; // the mark, in pixels
    };
    // Last frame.
    bool density = false;
    std::vector<Placed> placed;
    std::vector<Hidden> hidden;
    int firstLane = 0;                    // display position of the first visible lane
    std::vector<std::vector<int>> counts; // density per visible lane and pixel column
    QRectF plotRect;
    qint64 from = 0, to = 0;
    int visibleEvents = 0;
    bool titlesMissing = false; // a label waited for its title: draw again

    // Hover, drawn on the overlay layer.
    Id hoverId = 0;
    int hoverLane = -1, hoverColumn = -1; // density hover

    // Where one event of a lane goes in a detail frame: its sub-row, its marks' extent and its
    // label's place (x only; the sub-row gives y).
    struct Slot
    {
        quint32 row = 0; // time index row
        int sub = -1;    // sub-row; -1: no room (counted in a "+N more")
        double left = 0, right = 0, x0 = 0, x1 = 0, cx = 0; // box, whiskers, middle
        bool point = false;
        bool marked = false; // publish-safe mark (not cleared)
        bool bold = false;   // highlighted: its label in bold
        bool hasLabel = false, elided = false, inside = false;
        double labelX = 0, labelWidth = 0;
        int lines = 1; // the label's lines: the first in `sub`, the next in the sub-rows below
        // Set when the prepared title is not drawn as it is (wrapped, '\n' between the lines;
        // shortened; tagged).
        QString text;
    };
    // A "+N more" mark: how many events it stands for and where (x span; its sub-row is the
    // lane's last).
    struct Mark
    {
        int count = 0;
        double x = 0, width = 0;
        int sub = -1; // the sub-row it sits in (-1: not placed yet)
    };
    struct LaneSlots
    {
        std::vector<Slot> items; // in drawing order (highlighted first)
        std::vector<Mark> marks;
        int rowsUsed = 0; // sub-rows holding events
        int hiddenCount = 0;
        bool provisional = false; // some title was not read yet: room was only reserved
    };
    // The lanes as placed with every sub-row they need when the lanes were sized, this frame:
    // the frame that draws them takes a lane from here when it got all the sub-rows it asked
    // for (the same placement; laid out once, not twice).
    struct FirstPass
    {
        int generation = -1, todayLane = -1;
        double lower = 0, upper = 0;
        QRectF plot;
        std::vector<LaneSlots> lanes;
    } firstPass;
    // The "Today" label's place, in pixels, when today is in the window [lower, upper] drawn
    // across `plot`; false when it is not.
    bool todayLabel(const QRectF& plot, double lower, double upper, QRectF* rect) const;
    // Places a lane's events in the window [lower, upper] drawn across `plot`, each in the
    // lowest sub-row with room for its box and label, no two overlapping (a box goes bare
    // only while its title is being read, or in a lane too thin for type). `maxRows` 0: as many
    // sub-rows as they need (what a lane asks for); else what does not fit is counted in "+N more"
    // marks in the last sub-row.
    LaneSlots placeLane(int position, int maxRows, const QRectF& plot, double lower, double upper,
                        bool withLabels, int& budget);
    // The same, given the plain placement (titles on one line where they fit: the first try).
    LaneSlots placeLane(int position, int maxRows, const QRectF& plot, double lower, double upper,
                        bool withLabels, LaneSlots plain, int& budget);
    // The same, a title on one line when it is at most `oneLineWidth` wide and has the room,
    // else wrapped onto lines of at most maxLabelWidth() where it would be cut, or not (`wrap`
    // false: one line each, shortened if need be). `thrifty`: wrapped also where one line would
    // open a sub-row and the lines fit in the sub-rows already used.
    LaneSlots placeLane(int position, int maxRows, const QRectF& plot, double lower, double upper,
                        bool withLabels, double oneLineWidth, bool wrap, bool thrifty,
                        int& budget);
    // The "+N more" text for n events.
    static QString moreText(int n);
    static QString todayText();

    // Text measured for placing labels, kept across placements and frames (a frame places a
    // lane up to four times, and each placement tries a title at several widths): widths by
    // text, wrapped titles by text, room, lines and cut, regular and bold. Emptied when the
    // type changes.
    struct WrappedText
    {
        QStringList lines; // empty: more lines than allowed (and not cut)
        double width = 0;  // the widest line
        bool shortened = false;
    };
    double textWidth(const QString& text, bool bold);
    const WrappedText& wrapText(const QString& text, bool bold, double width, int maxLines,
                                bool cut);
    struct MeasureCache
    {
        QFont font;
        QHash<QString, double> widths[2];
        // A text's lines for every room in [lo, hi), by text, lines and cut.
        struct Wrapped
        {
            double lo = 0, hi = 0;
            WrappedText text;
        };
        QHash<QString, std::vector<Wrapped>> wrapped[2];
        // Qt's "…" cuts of a text, by room.
        QHash<QString, std::map<double, QString>> elided[2];
    } measured;

    // Returns the prepared title of an event, reading it if allowed; nullptr if not yet.
    const QStaticText* title(Id id, int& budget);
    // A line of a label drawn otherwise than its whole title (wrapped, shortened, marked or in
    // bold), prepared once in the label type: laying text out again in every frame cost most
    // of a frame full of wrapped titles.
    const QStaticText& lineText(const QString& text, bool bold);
    QHash<QString, QStaticText> lineTexts[2]; // regular, bold
    QFont lineTextsFont;                      // the type they were prepared in
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
