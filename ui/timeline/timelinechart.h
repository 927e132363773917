#pragma once

#include "model/entities.h"
#include "query/eventfilter.h"
#include "query/lanes.h"

#include <QFont>
#include <QHash>
#include <QObject>
#include <QRectF>
#include <QSet>

#include <memory>
#include <optional>

class QCustomPlot;
class QCPAxisRect;
class QCPLayer;
class QCPPainter;
class QPainter;

namespace chronomap {

class EventsPlottable;
class OverviewPlottable;
class Selection;
class Story;
class TimelineOverlay;
struct ChartTheme;
struct TimelineState;

// The timeline of a story as a chart, with no input of its own: the data (lanes from the time
// index, eras, filters and highlight from the Selection), the layout (the window, the lanes'
// heights, where each event and label goes) and the look (the theme), drawn by one
// QCustomPlot it owns. The window shows that plot inside TimelineView; the export, the
// preview, the scene deck, Present and the bench draw it with paint(). One chart, so what
// the window shows and what is exported are laid out by the same code.
class TimelineChart final : public QObject
{
    Q_OBJECT

public:
    TimelineChart(Story* story, Selection* selection, QObject* parent = nullptr);
    // A chart set up before its lanes are first laid out (an export: its lane mode, its
    // window and its empty lanes left out), so they are built once, not once per setting.
    // The selection's filter is read as it stands.
    struct Setup
    {
        LaneMode mode = LaneMode::Category;
        bool collapseEmptyLanes = false;
        std::optional<std::pair<qint64, qint64>> window; // else the whole story
    };
    TimelineChart(Story* story, Selection* selection, const Setup& setup,
                  QObject* parent = nullptr);
    ~TimelineChart() override;

    // The plot the chart draws with (the window embeds it; nothing else should need it).
    QCustomPlot* plot() const { return m_plot; }
    QCPAxisRect* overviewRect() const { return m_overviewRect; }
    // The window rectangle on the overview strip, in plot pixels, as last drawn.
    QRectF overviewWindowRect() const;

    // Draws the chart at `size` (logical pixels) onto `painter` at its origin: the events,
    // lanes, axis, overview and legend, every label read, no hover or selection marks.
    // A chart that is not on screen is laid out at `size` first.
    void paint(QPainter& painter, QSize size);
    void paint(QCPPainter& painter, QSize size); // the export's painter: no detour

    // Leaves out the lanes that have no event in the window (a published chart), or keeps
    // every lane of the story (the window: lanes stay put while the user pans).
    void setCollapseEmptyLanes(bool on);
    // While held (a presentation gliding to its next scene), lanes left out where empty stay
    // as they are instead of being laid out anew for every frame's window; released, they
    // follow the window again.
    void setLanesHeld(bool held);
    // Bumped whenever the lanes are laid out anew (for tests).
    int layoutGeneration() const;
    // Shows or hides the overview strip (a published chart has no navigation). The window's
    // chart leaves it and the key out while its lanes would not fit beside them.
    void setOverviewVisible(bool visible);
    bool overviewVisible() const;

    // Shows the whole story.
    void fitStory();
    // Shows the selected events (with some room around them).
    void fitSelection();
    // Shows [from, to] (seconds since 1970); a too small or too large span is widened or
    // narrowed around its middle.
    void setWindow(qint64 from, qint64 to);
    qint64 windowFrom() const;
    qint64 windowTo() const;
    void zoom(double factor, std::optional<qint64> around = std::nullopt);
    void pan(double fractionOfWindow);

    LaneMode laneMode() const { return m_mode; }
    void setLaneMode(LaneMode mode);
    const LaneLayout& lanes() const;
    // How many times the lanes have been laid out since the chart was made (tests, bench).
    int layoutBuilds() const;
    // Display positions of the lanes an event is in (several in actor mode).
    std::vector<std::size_t> lanesOfEvent(Id id) const;
    // Moves the lane at display position `from` to `to`.
    void moveLane(int from, int to);
    // Lanes scroll when they do not all fit: the first lane shown, and how many fit. In
    // scroll units: a lane each, or, when the lanes scroll at the heights their events need,
    // laneStart() tells where each begins.
    double laneTop() const { return m_laneTop; }
    double laneStart(int position) const;
    // The window's chart: the lanes share the height (events a lane has no room for counted
    // in "+N more") until the user opens a lane that needs more than the height: then each
    // lane takes the sub-rows its events need and the lanes scroll. It also leaves out its
    // overview strip and key, and packs its sub-rows, while the lanes would not fit. Off (an
    // export, a deck page): the lanes share the height they are given.
    void setScrollLanes(bool on);
    bool scrollLanes() const { return m_scrollLanes; }
    void setLaneTop(double top);
    int lanesVisible() const;
    // Opens a lane that hides events ("+N more") to all the sub-rows its events need, or
    // closes it again.
    void setLaneExpanded(int position, bool expanded);
    bool isLaneExpanded(int position) const;
    // The height (plot pixels, axis and legend included) at which every lane of the present
    // window gets all the sub-rows its events need, as of the last frame.
    int wantedHeight() const;
    // The least such height: sub-rows packed, without the overview strip and the key (0 when
    // the last frame drew density or nothing). A window that can give the chart this much
    // hides no event behind "+N more".
    int neededHeight() const;

    // The events drawn emphasised (the rest dimmed), as the Selection's highlight says.
    const QSet<Id>& highlighted() const;
    // The look (colours, type size, line widths); see timelinetheme.cpp.
    void setTheme(const ChartTheme& theme);
    const ChartTheme& theme() const;
    // The key under the chart, shown or not (exports may leave it out).
    void setLegendVisible(bool visible);
    // Publish-safe export: entries not cleared for publication drawn hatched and tagged.
    void setMarkUnverified(bool on);
    // Above this many visible events a frame draws density instead of boxes.
    void setDetailLimit(int events);

    // What the last frame drew: density or boxes, and where an event was placed (empty if it
    // was not drawn). For the view's hit testing, tests and the bench.
    bool lastFrameWasDensity() const;
    QRectF eventRect(Id id) const;
    QRectF eventLabelRect(Id id) const; // empty if its label was left out
    // Every event box and label of the last frame, and the "+N more" marks.
    struct FramePlacement
    {
        Id id;
        int lane;
        QRectF box, label; // a wrapped label's rectangle holds all its lines
        bool shortened;    // the label is cut short ("…")
    };
    std::vector<FramePlacement> lastFrame() const;
    struct HiddenMark
    {
        int lane;
        int count;
        QRectF rect;
    };
    std::vector<HiddenMark> lastFrameHidden() const;
    // Where the "Today" label is drawn (empty when today is outside the window).
    QRectF todayLabelRect() const;
    // The band of the lane at a display position, in plot pixels, as last laid out.
    QRectF laneRect(int position) const;
    QRectF plotArea() const;
    Id eventAt(const QPointF& pos) const;
    // The lane whose "+N more" mark is at `pos`, or -1.
    int hiddenMarkAt(const QPointF& pos) const;
    int laneAtY(double y) const;
    qint64 timeAt(double x) const;
    // Moves the hover to a point of the plot; returns true if the hovered thing changed.
    // Redraws only the hover layer.
    bool hoverAt(const QPointF& pos);
    // What is hovered: an event, or a density column of a lane (-1 when none).
    Id hoveredEvent() const;
    int hoveredLane() const;
    int hoveredColumn() const;
    // The number of events counted in a density column, and the time it starts at.
    int densityCount(int lane, int column, qint64* at) const;

    // Draws again, soon (the window) — the hover layer only, or everything.
    void replot();
    void replotHover();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    // The lanes scrolled or their count changed: the view's scroll bar follows.
    void laneScrollChanged(int maximum, int pageStep, int value, bool needed);

private:
    void buildPlot();
    void reloadStory();
    void rebuildLayout();
    void updateLaneAxis(bool labels = false);
    std::vector<double> weightedLaneEdges();
    void onAfterLayout();
    // Shows or leaves out the window's overview strip and key as the lanes' height asks;
    // true when that changed.
    bool updateCompact();
    int fullChrome() const;
    void onRangeChanged();

    Story* m_story;
    Selection* m_selection;
    QCustomPlot* m_plot;
    std::unique_ptr<TimelineState> m_state;
    QCPAxisRect* m_overviewRect = nullptr;
    EventsPlottable* m_events = nullptr;
    OverviewPlottable* m_overview = nullptr;
    TimelineOverlay* m_overlay = nullptr;
    QCPLayer* m_hoverLayer = nullptr;
    LaneMode m_mode = LaneMode::Category;
    QList<qint64> m_laneOrder[3]; // the user's order per mode, kept across rebuilds
    EventFilter m_filter;         // the window's filters, read once per filter change and edit
    double m_laneTop = 0;
    double m_wantedLanesHeight = 0;
    double m_neededLanesHeight = 0; // the same with packed sub-rows
    bool m_collapseEmptyLanes = false;
    bool m_lanesHeld = false;
    qint64 m_builtFrom = 0, m_builtTo = 0; // the window the collapsed lanes were built for
    bool m_holdLayout = false;             // setting up: the lanes are built once, after
    bool m_scrollLanes = false;
    bool m_compact = false; // a short window: no overview strip, no key
    int m_fullChrome = 0;   // the height around the lanes with the strip and the key
    // Lane names as shown (elided) and their widths, in m_laneNamesFont.
    QHash<QString, std::pair<QString, int>> m_laneNames;
    QFont m_laneNamesFont;
    bool m_overviewWanted = true, m_legendWanted = true;
    bool m_scrollingEdges = false; // the lanes' bands are as tall as they need, and scroll
    bool m_settingWindow = false;
};

} // namespace chronomap
