#pragma once

#include "actormapchart.h"
#include "model/entities.h"

#include <QWidget>

#include <optional>

class QAction;
class QCustomPlot;
class QLabel;
class QMenu;
class QMouseEvent;
class QProgressBar;

namespace chronomap {

class ActorMapLayer;
class Selection;
class Story;
struct ChartTheme;

// The interactive actor map of a story: the input around an ActorMapChart (which holds the
// story's graph, lays it out on a worker, styles and draws it): mouse, wheel, the context
// menu, hover cards, the map's actions (the View menu carries them) and the progress bar with
// Cancel while the worker reads or lays out. Linked with the timeline through Selection:
// picking an actor highlights its events, picking an event highlights its actors here.
// Dragging an actor pins it (an undoable edit).
class ActorMapView final : public QWidget
{
    Q_OBJECT

public:
    using SizeBy = ActorMapChart::SizeBy;

    ActorMapView(Story* story, Selection* selection, QWidget* parent = nullptr);
    ~ActorMapView() override;

    // The chart this view shows and steers: data, layout, look and drawing live there.
    ActorMapChart* chart() const { return m_chart; }
    QCustomPlot* plot() const;
    ActorMapLayer* layer() const;

    // The chart's commands, as the view's keys and menus reach them.
    void layoutNow();
    bool isLayingOut() const;
    bool isLoading() const;
    int layoutRuns() const;
    void setAnimated(bool animated);
    void fitMap();
    void fitMapToShape();
    void setTheme(const ChartTheme& theme);
    void setSizeBy(SizeBy by);
    void setColourByCommunity(bool community);
    // Size and colour by a key of ActorMapChart::sizeOptions()/colourOptions(); the story
    // remembers the choice.
    void setSizeKey(const QString& key);
    void setColourKey(const QString& key);
    // Ego view around the picked actor: 1 or 2 steps, 0 for the whole map.
    void setEgoSteps(int steps);

    // The actor shown at a widget position of the plot, or 0.
    Id actorAt(const QPoint& plotPos) const;
    std::optional<QPointF> pixelOf(Id actor) const;
    std::optional<QPointF> positionOf(Id actor) const;
    // The actor the map's commands apply to: the one picked last.
    Id pickedActor() const { return m_picked; }

    // What a click on an actor does: selects it, shows its details and lights up its events.
    void pickActor(Id actor);
    // Pins an actor at a layout position (written to the story), or unpins it (nullopt).
    void pinActor(Id actor, std::optional<QPointF> where);
    // The hover card's text for an actor or a relation.
    QString actorCard(Id actor) const;
    QString relationCard(int edge) const;

signals:
    // The worker finished reading the story's actors and relations (the layout follows).
    void graphLoaded();
    // The worker finished a layout and the map shows it.
    void layoutFinished();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QString sourcesLines(const QList<Citation>& cites, const QString& none) const;
    void buildActions();
    void showProgressSoon();
    void onMousePress(QMouseEvent* event);
    void onMouseMove(QMouseEvent* event);
    void onMouseRelease(QMouseEvent* event);
    void showContextMenu(const QPoint& pos);
    void updateActions();
    void fillStyleMenus();

    Story* m_story;
    Selection* m_selection;
    ActorMapChart* m_chart;
    QWidget* m_progressBar = nullptr;
    QLabel* m_progressLabel = nullptr;
    QProgressBar* m_progress = nullptr;

    Id m_picked = 0;
    int m_hoverNode = -1, m_hoverEdge = -1;
    int m_dragNode = -1;
    QPoint m_pressPos;
    bool m_dragged = false;
    bool m_panning = false;
    QPoint m_panLast;

    QAction* m_fit = nullptr;
    QMenu* m_sizeMenu = nullptr;
    QMenu* m_colourMenu = nullptr;
    QAction* m_ego1 = nullptr;
    QAction* m_ego2 = nullptr;
    QAction* m_egoWhole = nullptr;
    QAction* m_onlyEvents = nullptr;
    QAction* m_clearFilter = nullptr;
    QAction* m_unpin = nullptr;
    QAction* m_cancel = nullptr;
    QAction* m_relayout = nullptr;
};

} // namespace chronomap
