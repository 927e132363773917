#pragma once

#include "actormapbody.h"

#include "model/entities.h"
#include "theme/charttheme.h"

#include <QColor>
#include <QFont>
#include <QFutureWatcher>
#include <QImage>
#include <QPixmap>
#include <QPointF>

#include <qcustomplot.h>

#include <memory>
#include <vector>

class QTimer;

namespace chronomap {

// What the actor map draws, filled by ActorMapView: one entry per actor and per relation in
// layout coordinates, with the styles already decided. Plain data so drawing stays a loop.
struct MapScene
{
    enum NodeFlag : quint8
    {
        NodeHidden = 1,     // outside the ego view
        NodeFaded = 2,      // no relation in the time window
        NodeDimmed = 4,     // something else is highlighted
        NodeEmphasised = 8, // highlighted
        NodeSelected = 16,
        NodePinned = 32,
        NodeHovered = 64,
    };
    enum EdgeFlag : quint8
    {
        EdgeHidden = 1, // not valid in the window, or an end is hidden
        EdgeDimmed = 2,
        EdgeEmphasised = 4,
        EdgeHovered = 8,
    };
    struct Node
    {
        QPointF pos;
        float size = 4;   // the styled radius in pixels, where the map has room for it
        float radius = 4; // as drawn: `size`, smaller where neighbours crowd on screen
        float rank = 0;   // label priority: the most central first
        QColor fill;
        ActorKind kind = ActorKind::Person;
        quint8 flags = 0;
        QString label;
    };
    struct Edge
    {
        int from = 0, to = 0;
        float width = 1; // pixels, by weight
        float bend = 0;  // pixels off the straight line, to separate parallel relations
        Verification status = Verification::Confirmed;
        bool directed = true;
        quint8 flags = 0;
        QString type;
    };
    std::vector<Node> nodes;
    std::vector<Edge> edges;
    bool colourByCommunity = false;
    bool markedUnverified = false;        // some relation labels carry the publish-safe mark
    std::vector<QColor> communityColours; // legend swatches when colouring by community
    // Colouring by a custom attribute: its name and the legend's key (value, colour).
    QString colourTitle;
    std::vector<std::pair<QString, QColor>> colourKey;
    QString message; // shown centred when there is nothing to draw
    // The edge carrying EdgeHovered (-1: none), so a frame finds it without a pass over every
    // relation.
    int hoveredEdge = -1;
    // Bumped by whoever changes positions, styles or ranks (not hover): drawing caches key on
    // it. Hover and selection are drawn over the cache, so they need no bump.
    quint64 revision = 0;
};

// The colour-blind-safe palette (Okabe and Ito) the map uses for kinds and communities.
QColor kindColour(ActorKind kind);
QColor communityColour(int community);
QColor statusColour(Verification status);

// Draws the whole actor map as one plottable: edges batched into one path per style, nodes by
// shape (vector shapes, or cached sprites on large graphs), labels where they fit without
// overlapping (most central first), relation labels when zoomed in, and the legend. Nothing
// outside the view is drawn; large graphs get thin, light edges and no arrows.
class ActorMapLayer final : public QCPAbstractPlottable
{
public:
    ActorMapLayer(QCPAxis* keyAxis, QCPAxis* valueAxis);
    ~ActorMapLayer() override;

    MapScene& scene() { return m_scene; }
    const MapScene& scene() const { return m_scene; }
    void setLegendVisible(bool visible) { m_legend = visible; }
    // The look: node, edge, label and legend colours, type size and line widths.
    void setTheme(const ChartTheme& theme);
    const ChartTheme& theme() const { return m_theme; }

    // Hit tests in widget pixels: node index or -1; edge index or -1.
    int nodeAt(const QPointF& pixel) const;
    int edgeAt(const QPointF& pixel, double tolerance = 4) const;
    QPointF pixelOf(const QPointF& coords) const;

    // Labels placed by the last draw, for tests and the hover card.
    int lastLabelCount() const { return m_lastLabels; }
    // Relation labels placed by the last draw (they never cover an actor or another label).
    int lastEdgeLabelCount() const { return m_lastEdgeLabels; }
    // Where the last draw put every actor and relation label, in plot pixels.
    const std::vector<QRectF>& lastLabelRects() const { return m_labelRects; }
    // Far out on a large map, edges and nodes are drawn once into an image that panning and
    // zooming reuse (scaled) until the view rests, then drawn afresh; a small map's frame is
    // stamped again while nothing it shows changes. Off: every frame in full.
    void setCaching(bool on);
    // True if a map of this many visible actors and relations is drawn at the large map's
    // level of detail (thin edges, no arrows, no relation labels).
    static bool isLarge(int actors, int relations);
    // True if the last draw used the large map's level of detail.
    bool lastDrawWasLarge() const { return m_lastLarge; }
    // How long the last body drawn on a worker took (a very large map), in ms; 0 if none.
    double lastBackgroundBodyMs() const { return m_lastBodyMs; }
    // True while a very large map's body is being drawn on a worker (or waits to be shown).
    bool isDrawingBody() const { return bool(m_bodyJob); }
    // True if the last draw blitted a cached image instead of drawing the map afresh: a large
    // map's body, or a small map's whole frame when nothing it shows had changed.
    bool lastDrawWasFromCache() const { return m_lastFromCache; }
    // The bounds of the visible nodes in layout coordinates (null if none).
    QRectF bounds() const;

    // QCPAbstractPlottable
    double selectTest(const QPointF& pos, bool onlySelectable,
                      QVariant* details = nullptr) const override;
    QCPRange getKeyRange(bool& foundRange,
                         QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange& inKeyRange = QCPRange()) const override;

protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

private:
    void drawScene(QCPPainter* painter);
    // A painter onto the screen's pixels: a raster device it only shifts, not a file.
    static bool paintsRasterShifted(const QCPPainter* painter);
    bool drawSmallFrame(QCPPainter* painter);
    quint64 frameKey(const QCPPainter* painter) const;
    void drawEdges(QCPPainter* painter, const std::vector<QPointF>& px, bool large,
                   const QRectF& area);
    // Relations of a translucent pen, each stroked on its own into a layer laid on with the
    // pen's alpha (see drawEdges).
    void drawTranslucentStrokes(QCPPainter* painter, const QPen& pen,
                                const std::vector<QPainterPath>& pieces, const QRectF& clip);
    void drawNodes(QCPPainter* painter, const std::vector<QPointF>& px,
                   const std::vector<int>& order, bool large, bool skipOverlay = false);
    void drawLargeBody(QCPPainter* painter, const std::vector<QPointF>& px,
                       const std::vector<int>& wide, int visibleEdges);
    bool drawFromCache(QCPPainter* painter);
    void drawOverlay(QCPPainter* painter, const std::vector<QPointF>& px,
                     const std::vector<int>& order);
    const std::vector<int>& rankOrder();
    void drawLabels(QCPPainter* painter, const std::vector<QPointF>& px,
                    const std::vector<int>& order, bool large);
    void drawLegend(QCPPainter* painter);
    // The advance of a name or relation type in one of the label faces (the label font,
    // bold, or the small italic one), kept across frames.
    double labelWidth(const QString& text, const QFont& font);
    void drawLegendInto(QPainter* painter, const QRectF& clip);
    void fitNodeSizes(double pixelsPerUnit);
    int legendRows() const;
    QRectF legendBox() const;
    void drawUnverifiedBadges(QCPPainter* painter, const std::vector<QPointF>& px,
                              const std::vector<char>& labelled);
    void drawLeader(QCPPainter* painter, const QPointF& from, double radius, const QRectF& label);
    const QPixmap& sprite(ActorKind kind, const QColor& fill, int radius, quint8 flags,
                          double scale);
    BodySnapshot snapshotBody(const std::vector<QPointF>& px, const std::vector<int>& wide,
                              const QRectF& area, qreal dpr) const;
    void installBody(QImage image, const BodySnapshot& snapshot);
    void drawAnyCache(QCPPainter* painter);
    QRectF cacheTarget() const;
    void blitCache(QCPPainter* painter, const QRectF& target);

    MapScene m_scene;
    bool m_legend = true;
    int m_lastLabels = 0;
    int m_lastEdgeLabels = 0;
    std::vector<QRectF> m_labelRects;
    bool m_lastLarge = false;
    bool m_lastFromCache = false;
    // The large map's cached body (see setCaching): where it was drawn, for which scene.
    struct BodyCache
    {
        QImage image;
        QPointF origin;                        // widget pixel of the image's top left
        double ax = 0, bx = 0, ay = 0, by = 0; // coord -> widget pixel when drawn
        quint64 revision = ~quint64(0);
        bool stale = true;
    };
    BodyCache m_cache;
    bool m_caching = true;
    QTimer* m_idle = nullptr; // redraws the cache in full once the view rests
    // A very large map's body being drawn on a worker, and what it was drawn from.
    struct RenderedBody
    {
        QImage image;
        double ms = 0;
    };
    QFutureWatcher<RenderedBody>* m_bodyWatcher = nullptr;
    std::shared_ptr<const BodySnapshot> m_bodyJob;
    double m_lastBodyMs = 0;
    std::vector<int> m_rankOrder;
    std::vector<int> m_labelOrder; // drawLabels' order, kept to spare an allocation a frame
    quint64 m_rankRevision = ~quint64(0);
    // Relations not hidden, counted once per scene revision (the level of detail needs it
    // every frame).
    int m_visibleEdges = 0;
    quint64 m_visibleEdgesRevision = ~quint64(0);
    // The legend drawn once into an image (it only changes with the scene's styles, the
    // theme and the size) and stamped each frame; vector output draws it afresh.
    struct LegendCache
    {
        QImage image;
        quint64 key = 0;
    };
    LegendCache m_legendCache;
    // A small map's whole frame (edges, actors, names, legend) with what it depends on
    // (frameKey) and what its draw measured: a replot that changes nothing the map shows (the
    // timeline's window moved, a hover found nothing new) stamps it instead of drawing every
    // path and name again. Made when a frame is asked for twice in a row.
    struct FrameCache
    {
        QImage image;         // the device's size
        quint64 key = 0;      // of the image
        quint64 lastKey = 0;  // of the last frame drawn
        int labels = 0, edgeLabels = 0;
        std::vector<QRectF> labelRects;
    };
    FrameCache m_frame;
    quint64 m_themeGeneration = 0; // bumped by setTheme: part of the frame's key
    quint64 legendKey(qreal dpr) const;
    // Typical distance between an actor and its nearest neighbour, in layout units, and the
    // largest styled size, for the scene revision they were measured on.
    double m_spacing = 0;
    float m_largestSize = 0;
    quint64 m_spacingRevision = ~quint64(0);
    QFont m_font;
    struct LabelWidths
    {
        QFont font; // m_font when measured: the faces follow it and the theme's type scale
        QHash<QString, double> byText[3]; // regular, bold, small italic
    } m_widths;
    QHash<quint64, QPixmap> m_sprites;
    ChartTheme m_theme = *ChartTheme::named(QStringLiteral("light"));
};

// A node's outline for its kind: person circle, organization square, state hexagon,
// group triangle. Shared with the legend.
QPainterPath nodeShape(ActorKind kind, const QPointF& centre, double radius);

} // namespace chronomap
