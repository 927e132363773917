#pragma once

#include "model/entities.h"
#include "query/lanes.h"
#include "query/selection.h"

#include <QWidget>

#include <optional>

class QAction;
class QActionGroup;
class QCustomPlot;
class QMouseEvent;
class QScrollBar;
class QWheelEvent;

namespace chronomap {

class Selection;
class Story;
class TimelineChart;
struct ChartTheme;

// The interactive timeline of a story: the input around a TimelineChart (which draws the
// events in lanes on a date axis, the overview strip and the legend): mouse, wheel, gestures,
// keys, the context menu, hover cards and the lane scroll bar. Linked to the other views
// through the shared Selection: a click selects and highlights, a drag moves the window.
class TimelineView final : public QWidget
{
    Q_OBJECT

public:
    TimelineView(Story* story, Selection* selection, QWidget* parent = nullptr);
    ~TimelineView() override;

    // The chart this view shows and steers: data, layout, look and drawing live there.
    TimelineChart* chart() const { return m_chart; }
    QCustomPlot* plot() const;

    // The chart's commands, as the view's keys and menus reach them.
    void fitStory();
    void fitSelection();
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
    std::vector<std::size_t> lanesOfEvent(Id id) const;
    void moveLane(int from, int to);

    void setTheme(const ChartTheme& theme);
    const ChartTheme& theme() const;
    void setLegendVisible(bool visible);
    void setMarkUnverified(bool on);
    void setDetailLimit(int events);
    bool lastFrameWasDensity() const;
    QRectF eventRect(Id id) const;
    QRectF eventLabelRect(Id id) const;
    QRectF laneRect(int position) const;
    // Moves the hover to a point of the plot (what a mouse move does) and, if asked, shows
    // the hover card; returns true if the hovered thing changed.
    bool hoverAt(const QPointF& pos, bool showCard = true);
    // The hover card's text for what is hovered (empty if nothing).
    QString hoverCardText() const;

signals:
    // A double-click on an event: open its details.
    void eventActivated(chronomap::Id id);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildActions();
    void mousePress(QMouseEvent* event);
    void mouseMove(QMouseEvent* event);
    void mouseRelease(QMouseEvent* event);
    void mouseDoubleClick(QMouseEvent* event);
    void wheel(QWheelEvent* event);
    void contextMenu(const QPoint& pos);
    void clickEvent(Id id);
    void revealEvent(Id id);
    void showCard(const QPoint& globalPos);
    void scrollLanes(double lanes);

    Story* m_story;
    Selection* m_selection;
    TimelineChart* m_chart;
    QScrollBar* m_laneScroll = nullptr;
    QActionGroup* m_modeGroup = nullptr;
    QAction* m_byCategory = nullptr;
    QAction* m_byActor = nullptr;
    QAction* m_packed = nullptr;

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
