#pragma once

#include "graph/actorgraph.h"
#include "graph/graphanalysis.h"
#include "query/eventfilter.h"
#include "story/change.h"

#include <QObject>
#include <QRectF>
#include <QSize>

#include <memory>
#include <optional>
#include <vector>

class QCustomPlot;
class QCPPainter;
class QPainter;
class QTimer;
class QVariantAnimation;

namespace chronomap {

class ActorMapLayer;
class GraphJob;
class Selection;
class Story;
struct StoryGraph;
struct ChartTheme;

// The actor map of a story as a chart, with no input of its own: the data (the story's actors
// and relations, read on a worker), the layout (laid out once per story revision by GraphJob,
// off the GUI thread; a change of window only fades relations and resizes actors), the style
// (size and colour by centrality, community, kind or a custom attribute; the filters, ego
// view and highlight from the Selection), the theme, and the drawing by one QCustomPlot with
// one ActorMapLayer. The window shows that plot inside ActorMapView; the export, the preview,
// the scene deck, Present and the bench draw it with paint(). One chart, so what the window
// shows and what is exported cannot disagree.
class ActorMapChart final : public QObject
{
    Q_OBJECT

public:
    enum class SizeBy
    {
        Degree,
        Betweenness,
        PageRank
    };

    ActorMapChart(Story* story, Selection* selection, QObject* parent = nullptr);
    ~ActorMapChart() override;

    // The plot the chart draws with (the window embeds it; nothing else should need it).
    QCustomPlot* plot() const { return m_plot; }
    ActorMapLayer* layer() const { return m_layer; }

    // Draws the map at `size` (logical pixels) onto `painter` at its origin, with no hover
    // marks. A chart that is not on screen is laid out and fitted at `size` first.
    void paint(QPainter& painter, QSize size);
    void paint(QCPPainter& painter, QSize size); // the export's painter: no detour
    // The size of a chart that is not on screen (the bench's frames, an export): the plot is
    // laid out at it at once (a hidden widget gets no resize event to do so).
    void setSize(QSize size);

    // Reads the story (if not read yet) and computes the layout for the current window on this
    // thread and shows it at once, fitted (export, bench, tests). Throws GraphError/StoreError.
    void layoutNow();
    // True while the worker reads the story or lays out; false once positions are shown.
    bool isLayingOut() const;
    bool isLoading() const { return m_loading; }
    bool isWorking() const; // the worker runs now
    // How many force-directed layouts this map has run: one per story revision (or when the
    // user asks), none for a change of window.
    int layoutRuns() const { return m_layoutRuns; }
    // Animate nodes that move when the window changes (off for export and bench).
    void setAnimated(bool animated) { m_animated = animated; }
    // Lays the map out afresh (the user asked), or cancels a running layout.
    void relayout();
    void cancelLayout();

    void fitMap();
    // Stacks the actors apart from the rest to suit the map's current shape (a wide map
    // beside the main group, a tall one below it), then fits the view.
    void fitMapToShape();
    // The user zoomed or panned: resizing keeps the view (until the next fit).
    void zoomAt(double factor, const QPointF& pixel);
    void panBy(const QPoint& pixels);

    // The look of the map (colours, type, lines); see actormaptheme.cpp.
    void setTheme(const ChartTheme& theme);
    const ChartTheme& theme() const;
    void setLegendVisible(bool visible);
    void setSizeBy(SizeBy by);
    void setColourByCommunity(bool community);
    bool colourByCommunity() const { return m_colourKey == QLatin1String("community"); }

    // What sizes and colours the actors, by key: "degree", "betweenness", "pagerank" or
    // "attribute:NAME" (a number the story's actors carry, Gephi's "degree" say) for the
    // size; "kind", "community" or "attribute:NAME" (Gephi's "Modularity Class") for the
    // colour. A categorical colour gets a palette and a key in the legend; a numeric size
    // scales between the map's smallest and largest actor. The story remembers the choice
    // (its meta entries map.sizeBy and map.colourBy), so exports and Present draw the same.
    struct StyleOption
    {
        QString key, label;
    };
    QList<StyleOption> sizeOptions() const;
    QList<StyleOption> colourOptions() const;
    QString sizeKey() const { return m_sizeKey; }
    QString colourKey() const { return m_colourKey; }
    void setSizeKey(const QString& key);
    void setColourKey(const QString& key);
    // Writes the present choice into the story (nothing on a read-only story).
    void rememberStyle();
    static QString attributeKey(const QString& name);
    // Ego view around `centre`: 1 or 2 steps, 0 for the whole map.
    void setEgoSteps(int steps, Id centre);
    int egoSteps() const { return m_egoSteps; }

    // The story's data as the map holds it, by node and edge index.
    const QList<Actor>& actors() const { return m_actors; }
    const QList<Relation>& relations() const { return m_relations; }
    const ActorGraph& graph() const { return m_graph; }
    const std::vector<char>& windowMask() const { return m_mask; }
    const Centrality& centrality() const { return m_centrality; }
    const Communities& communities() const { return m_communities; }
    int relationCount(int node) const;
    // What the map draws as it stands: the window "as of" (a relation outside it, or with an
    // actor that does not exist in it, is hidden), the filters and the ego view. By edge and
    // node index. The export's footer and sources line count exactly these.
    bool isRelationShown(int edge) const;
    bool isActorShown(int node) const;

    // The node drawn at a plot pixel, or -1; the relation near it, or -1.
    int nodeAt(const QPointF& pixel) const;
    int edgeAt(const QPointF& pixel) const;
    Id actorOfNode(int node) const;
    int nodeOf(Id actor) const;
    // Where an actor is drawn, in plot pixels (nullopt if unknown or hidden).
    std::optional<QPointF> pixelOf(Id actor) const;
    // Layout position of an actor (nullopt if not laid out yet).
    std::optional<QPointF> positionOf(Id actor) const;
    // The layout position under a plot pixel.
    QPointF coordsAt(const QPointF& pixel) const;
    // Moves a node while it is dragged (not written anywhere), or back to where it is pinned.
    void moveNode(int node, const QPointF& coords);
    void restorePin(Id actor);
    // Marks the hovered actor or relation (-1: none); redraws.
    void setHover(int node, int edge);

    // Draws again, soon (the window).
    void replot();

signals:
    // The worker finished reading the story's actors and relations (the layout follows).
    void graphLoaded();
    // The worker finished a layout and the map shows it.
    void layoutFinished();
    // The worker started reading or laying out (`what` says which), reports, or stopped.
    void workStarted(const QString& what);
    void workProgress(double fraction);
    void workStopped();
    // Something the map's commands depend on changed (picked actor, pins, filters, worker).
    void stateChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

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
    void requestLoad();
    void installGraph(StoryGraph&& loaded);
    void updateWindowMask();
    void updateActorsShown();
    void scheduleLayout(int delayMs);
    void startLayout();
    void applyAnalysis(const MapAnalysis& analysis, bool animate);
    void setPositions(const std::vector<QPointF>& positions);
    void restyle();
    void onStoryChanged(const Change& change);
    void updateFilter();
    void keepAspect();
    void readRememberedStyle();
    void updateAttributeStyle();
    void markHover(int node, int edge);

    Story* m_story;
    Selection* m_selection;
    QCustomPlot* m_plot;
    ActorMapLayer* m_layer = nullptr;
    GraphJob* m_job = nullptr;
    QTimer* m_layoutTimer = nullptr;
    QVariantAnimation* m_animation = nullptr;

    QList<Actor> m_actors;       // by node index (id order)
    QList<Relation> m_relations; // by edge index
    ActorGraph m_graph;
    std::vector<char> m_mask;    // edges valid in the window
    std::vector<char> m_shown;   // per node: passes the filters as of the window
    EventFilter m_filter;        // the window's filters: actors that fail them are hidden
    std::vector<QPointF> m_base; // whole-story layout, cached across windows
    std::vector<QPointF> m_positions, m_animFrom, m_animTo;
    // The view's ranges gliding with an animated layout, while the user has not moved it.
    bool m_followView = false;
    ViewRanges m_viewFrom, m_viewTo;
    Centrality m_centrality;
    Communities m_communities;
    std::vector<float> m_bends;       // per edge: fan-out of parallel relations in the window
    std::vector<int> m_relationCount; // per node, whole story
    bool m_needLoad = true;           // the story's graph must be read (again)
    bool m_loading = false;           // the worker is reading it
    bool m_haveLayout = false;
    bool m_fitted = false;
    bool m_userMoved = false; // zoomed or panned since the last fit: resizing keeps the view
    bool m_animated = true;
    bool m_layoutRunning = false; // the worker is making the story's layout (not just sizes)
    // The user asked for a new layout: the next one is computed even where a file placed the
    // actors (from their places), rather than the file's picture kept.
    bool m_freshLayout = false;
    bool m_windowPending = false; // the window changed while it did
    int m_layoutRuns = 0;
    QString m_sizeKey = QStringLiteral("degree");
    QString m_colourKey = QStringLiteral("kind");
    // Per node, from the chosen attributes: the size's value (NaN: none) and the colour.
    std::vector<double> m_sizeValues;
    std::vector<QColor> m_colours;
    std::vector<std::pair<QString, QColor>> m_colourKeyEntries; // the legend's key
    int m_egoSteps = 0;
    Id m_egoCentre = 0;
    int m_hoverNode = -1, m_hoverEdge = -1;
};

} // namespace chronomap
