#pragma once

#include "model/entities.h"
#include "query/lanes.h"
#include "query/selection.h"

#include <QWidget>

#include <memory>

class QAction;
class QActionGroup;
class QCustomPlot;
class QCPAxisRect;
class QCPLayer;
class QMouseEvent;
class QScrollBar;
class QWheelEvent;

namespace chronomap {

class EventsPlottable;
class OverviewPlottable;
class Selection;
class Story;
class TimelineOverlay;
struct Change;
struct ChartTheme;
struct TimelineState;

// The interactive timeline of a story: events in lanes on a date axis, drawn by one plottable
// from the in-memory time index (density far out, boxes and labels close in), an overview
// strip to brush the window, and the keyboard and mouse commands a journalist expects.
// Linked to the other views through the shared Selection: it publishes the visible window and
// the clicked event, and draws the highlighted, selected and filtered events it is told about.
class TimelineView final : public QWidget
{
    Q_OBJECT

public:
    TimelineView(Story* story, Selection* selection, QWidget* parent = nullptr);
    ~TimelineView() override;

    // The chart, for export and printing.
    QCustomPlot* plot() const { return m_plot; }

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
    void nextEvent();
    void previousEvent();

    LaneMode laneMode() const;
    void setLaneMode(LaneMode mode);
    const LaneLayout& lanes() const;
    // Display positions of the lanes an event is in (several in actor mode).
    std::vector<std::size_t> lanesOfEvent(Id id) const;
    // Moves the lane at display position `from` to `to`.
    void moveLane(int from, int to);

    // For export: no hover card, every label read in the one frame.
    void setExportMode(bool on);
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
    // was not drawn). For tests and for the bench.
    bool lastFrameWasDensity() const;
    QRectF eventRect(Id id) const;
    QRectF eventLabelRect(Id id) const; // empty if its label was left out
    // The band of the lane at a display position, in plot pixels, as last laid out.
    QRectF laneRect(int position) const;
    // Moves the hover to a point of the plot (what a mouse move does); returns true if the
    // hovered thing changed. Redraws only the hover layer.
    bool hoverAt(const QPointF& pos, bool showCard = true);

signals:
    // A double-click on an event: open its details.
    void eventActivated(chronomap::Id id);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void buildPlot();
    void buildActions();
    void reloadStory();
    void rebuildLayout();
    void updateLaneAxis(bool labels = false);
    std::vector<double> weightedLaneEdges() const;
    void onAfterLayout();
    void onRangeChanged();
    void replot();
    void scrollLanes(double lanes);
    int lanesVisible() const;

    void mousePress(QMouseEvent* event);
    void mouseMove(QMouseEvent* event);
    void mouseRelease(QMouseEvent* event);
    void mouseDoubleClick(QMouseEvent* event);
    void wheel(QWheelEvent* event);
    void contextMenu(const QPoint& pos);
    Id eventAt(const QPointF& pos) const;
    int laneAtY(double y) const;
    void clickEvent(Id id);
    void revealEvent(Id id);
    void showCard(const QPoint& globalPos);
    qint64 timeAt(double x) const;

    Story* m_story;
    Selection* m_selection;
    QCustomPlot* m_plot;
    QScrollBar* m_laneScroll = nullptr;
    std::unique_ptr<TimelineState> m_state;
    QCPAxisRect* m_overviewRect = nullptr;
    EventsPlottable* m_events = nullptr;
    OverviewPlottable* m_overview = nullptr;
    TimelineOverlay* m_overlay = nullptr;
    QCPLayer* m_hoverLayer = nullptr;
    QActionGroup* m_modeGroup = nullptr;
    QAction* m_byCategory = nullptr;
    QAction* m_byActor = nullptr;
    QAction* m_packed = nullptr;
    LaneMode m_mode = LaneMode::Category;
    QList<qint64> m_laneOrder[3]; // the user's order per mode, kept across rebuilds
    EventFilter m_filter; // the window's filters, read once per filter change and edit
    double m_laneTop = 0;
    bool m_settingWindow = false;

    // Mouse gesture in progress.
    enum class Drag
    {
        None,
        Pan,
        OverviewMove,
        OverviewLeft,
        OverviewRight,
        OverviewBrush
    };
    Drag m_drag = Drag::None;
    bool m_dragged = false;
    QPointF m_pressPos;
    double m_pressFrom = 0, m_pressTo = 0, m_pressLaneTop = 0;
    int m_contextLane = -1;
};

} // namespace chronomap
