#pragma once

#include "graph/actorgraph.h"
#include "graph/graphanalysis.h"
#include "query/eventfilter.h"
#include "story/change.h"

#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QActionGroup;
class QCustomPlot;
class QLabel;
class QMouseEvent;
class QProgressBar;
class QPushButton;
class QTimer;
class QVariantAnimation;
class QWheelEvent;

namespace chronomap {

class ActorMapLayer;
class GraphJob;
class Selection;
class Story;
struct StoryGraph;
struct ChartTheme;

// The actor map of a story: who is connected to whom, "as of" the timeline's window. Layout
// and analysis run on a worker (GraphJob) with progress and Cancel; the drawing is one
// plottable (ActorMapLayer). Linked with the timeline through Selection: picking an actor
// highlights its events, picking an event highlights its actors here. Dragging an actor pins
// it (written to the story); the View menu carries the map's actions.
class ActorMapView final : public QWidget
{
    Q_OBJECT

public:
    enum class SizeBy
    {
        Degree,
        Betweenness,
        PageRank
    };

    ActorMapView(Story* story, Selection* selection, QWidget* parent = nullptr);
    ~ActorMapView() override;

    // The chart, for export and printing.
    QCustomPlot* plot() const { return m_plot; }
    ActorMapLayer* layer() const { return m_layer; }

    // Reads the story (if not read yet) and computes the layout for the current window on this
    // thread and shows it at once, fitted (export, bench, tests). Throws GraphError/StoreError.
    void layoutNow();
    // True while the worker reads the story or lays out; false once positions are shown.
    bool isLayingOut() const;
    // True while the worker reads the story's actors and relations.
    bool isLoading() const { return m_loading; }
    // How many force-directed layouts this map has run: one per story revision (or when the
    // user asks), none for a change of window.
    int layoutRuns() const { return m_layoutRuns; }
    // Animate nodes that move when the window changes (off for export and bench).
    void setAnimated(bool animated) { m_animated = animated; }

    void fitMap();
    // Stacks the actors apart from the rest to suit the map's current shape (a wide map
    // beside the main group, a tall one below it), then fits the view.
    void fitMapToShape();
    // The look of the map (colours, type, lines); see actormaptheme.cpp.
    void setTheme(const ChartTheme& theme);
    void setSizeBy(SizeBy by);
    void setColourByCommunity(bool community);
    // Ego view around the picked actor: 1 or 2 steps, 0 for the whole map.
    void setEgoSteps(int steps);

    // The actor shown at a widget position of the plot, or 0.
    Id actorAt(const QPoint& plotPos) const;
    // Where an actor is drawn, in plot pixels (nullopt if unknown or hidden).
    std::optional<QPointF> pixelOf(Id actor) const;
    // Layout position of an actor (nullopt if not laid out yet).
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
    QMarginsF fitMargins() const;
    // The view's x and y ranges: the visible layout coordinates.
    struct ViewRanges
    {
        double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
    };
    ViewRanges fittedRanges(const QRectF& bounds) const;
    ViewRanges viewRanges() const;
    void setViewRanges(const ViewRanges& r);
    QRectF boundsOf(const std::vector<QPointF>& positions) const;
    QSizeF fitRoom() const;
    void packToShape(std::vector<QPointF>& positions) const;
    QString sourcesLines(const QList<Citation>& cites, const QString& none) const;
    void buildActions();
    void requestLoad();
    void installGraph(StoryGraph&& loaded);
    void showProgressSoon();
    void updateWindowMask();
    void scheduleLayout(int delayMs);
    void startLayout();
    void applyAnalysis(const MapAnalysis& analysis, bool animate);
    void setPositions(const std::vector<QPointF>& positions);
    void restyle();
    void onStoryChanged(const Change& change);
    void updateFilter();
    void setHover(int node, int edge);
    void onMousePress(QMouseEvent* event);
    void onMouseMove(QMouseEvent* event);
    void onMouseRelease(QMouseEvent* event);
    void showContextMenu(const QPoint& pos);
    void keepAspect();
    void updateActions();
    void replot();

    Story* m_story;
    Selection* m_selection;
    QCustomPlot* m_plot;
    ActorMapLayer* m_layer = nullptr;
    GraphJob* m_job = nullptr;
    QTimer* m_layoutTimer = nullptr;
    QVariantAnimation* m_animation = nullptr;
    QWidget* m_progressBar = nullptr;
    QLabel* m_progressLabel = nullptr;
    QProgressBar* m_progress = nullptr;

    QList<Actor> m_actors;       // by node index (id order)
    QList<Relation> m_relations; // by edge index
    ActorGraph m_graph;
    std::vector<char> m_mask;    // edges valid in the window
    EventFilter m_filter;        // the window's filters: actors that fail them are hidden
    std::vector<QPointF> m_base; // whole-story layout, cached across windows
    std::vector<QPointF> m_positions, m_animFrom, m_animTo;
    // The view's ranges gliding with an animated layout, while the user has not moved it.
    bool m_followView = false;
    ViewRanges m_viewFrom, m_viewTo;
    Centrality m_centrality;
    Communities m_communities;
    std::vector<float> m_bends; // per edge: fan-out of parallel relations in the window
    bool m_needLoad = true;     // the story's graph must be read (again)
    bool m_loading = false;     // the worker is reading it
    bool m_haveLayout = false;
    bool m_fitted = false;
    bool m_userMoved = false; // zoomed or panned since the last fit: resizing keeps the view
    bool m_animated = true;
    bool m_layoutRunning = false; // the worker is making the story's layout (not just sizes)
    bool m_windowPending = false; // the window changed while it did
    int m_layoutRuns = 0;
    SizeBy m_sizeBy = SizeBy::Degree;
    bool m_byCommunity = false;
    int m_egoSteps = 0;
    Id m_egoCentre = 0;
    Id m_picked = 0;
    int m_hoverNode = -1, m_hoverEdge = -1;
    int m_dragNode = -1;
    QPoint m_pressPos;
    bool m_dragged = false;
    bool m_panning = false;
    QPoint m_panLast;

    QActionGroup* m_sizeGroup = nullptr;
    QAction* m_fit = nullptr;
    QAction* m_sizeDegree = nullptr;
    QAction* m_sizeBetweenness = nullptr;
    QAction* m_sizePageRank = nullptr;
    QAction* m_colourCommunity = nullptr;
    QAction* m_ego1 = nullptr;
    QAction* m_ego2 = nullptr;
    QAction* m_egoWhole = nullptr;
    QAction* m_onlyEvents = nullptr;
    QAction* m_clearFilter = nullptr;
    QAction* m_unpin = nullptr;
    QAction* m_cancel = nullptr;
    QAction* m_relayout = nullptr;
    std::vector<int> m_relationCount; // per node, whole story
};

} // namespace chronomap
