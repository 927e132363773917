#include "actormaplayer.h"

#include "actormapbody.h"
#include "mapdrawing.h"

#include <QElapsedTimer>
#include <QFontMetricsF>
#include <QPaintEngine>
#include <QtConcurrent/QtConcurrentRun>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <unordered_map>

namespace chronomap {

namespace {

// Above these counts the map switches to its light level of detail.
constexpr int kLargeNodes = 400;
constexpr int kLargeEdges = 800;

} // namespace

using namespace mapdraw;

QColor kindColour(ActorKind kind)
{
    switch (kind) {
    case ActorKind::Person:
        return QColor(0x00, 0x72, 0xB2); // blue
    case ActorKind::Organization:
        return QColor(0xE6, 0x9F, 0x00); // orange
    case ActorKind::State:
        return QColor(0x00, 0x9E, 0x73); // bluish green
    case ActorKind::Group:
        return QColor(0xCC, 0x79, 0xA7); // reddish purple
    }
    return Qt::gray;
}

QColor communityColour(int community)
{
    static const QColor palette[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00),
                                     QColor(0x00, 0x9E, 0x73), QColor(0xCC, 0x79, 0xA7),
                                     QColor(0x56, 0xB4, 0xE9), QColor(0xD5, 0x5E, 0x00),
                                     QColor(0xF0, 0xE4, 0x42), QColor(0x33, 0x33, 0x33)};
    if (community < 0)
        return QColor(0xaa, 0xaa, 0xaa);
    return palette[community % 8];
}

QColor statusColour(Verification status)
{
    switch (status) {
    case Verification::Draft:
        return QColor(0x8a, 0x8a, 0x8a);
    case Verification::Confirmed:
        return QColor(0x5f, 0x6b, 0x73);
    case Verification::Disputed:
        return QColor(0xD5, 0x5E, 0x00); // vermillion
    case Verification::Cleared:
        return QColor(0x22, 0x22, 0x22);
    }
    return Qt::gray;
}

QPainterPath nodeShape(ActorKind kind, const QPointF& c, double r)
{
    QPainterPath path;
    switch (kind) {
    case ActorKind::Person:
        path.addEllipse(c, r, r);
        break;
    case ActorKind::Organization: {
        const double s = r * 0.9;
        path.addRect(QRectF(c.x() - s, c.y() - s, 2 * s, 2 * s));
        break;
    }
    case ActorKind::State: {
        QPolygonF hex;
        for (int i = 0; i < 6; ++i) {
            const double a = M_PI / 3 * i;
            hex << QPointF(c.x() + r * std::cos(a), c.y() + r * std::sin(a));
        }
        path.addPolygon(hex);
        path.closeSubpath();
        break;
    }
    case ActorKind::Group: {
        const double h = r * 1.15;
        path.addPolygon(QPolygonF({QPointF(c.x(), c.y() - h), QPointF(c.x() + h, c.y() + h * 0.75),
                                   QPointF(c.x() - h, c.y() + h * 0.75)}));
        path.closeSubpath();
        break;
    }
    }
    return path;
}

ActorMapLayer::ActorMapLayer(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : QCPAbstractPlottable(keyAxis, valueAxis)
{
    setAntialiased(true);
    m_font = QFont(QStringLiteral("DejaVu Sans"));
    m_font.setPixelSize(12);
    m_idle = new QTimer(this);
    m_idle->setSingleShot(true);
    m_idle->setInterval(150);
    QObject::connect(m_idle, &QTimer::timeout, this, [this] {
        m_cache.stale = true;
        if (parentPlot())
            parentPlot()->replot(QCustomPlot::rpQueuedReplot);
    });
    m_bodyWatcher = new QFutureWatcher<RenderedBody>(this);
    QObject::connect(m_bodyWatcher, &QFutureWatcher<RenderedBody>::finished, this, [this] {
        if (!m_bodyJob)
            return;
        RenderedBody body = m_bodyWatcher->result();
        m_lastBodyMs = body.ms;
        installBody(std::move(body.image), *m_bodyJob);
        m_bodyJob.reset();
        // If the view or the scene moved on meanwhile, the next frame shows this image
        // scaled and starts another.
        if (parentPlot())
            parentPlot()->replot(QCustomPlot::rpQueuedReplot);
    });
}

void ActorMapLayer::setCaching(bool on)
{
    m_caching = on;
    m_cache = BodyCache{};
    m_frame = {};
}

ActorMapLayer::~ActorMapLayer()
{
    // A body still being drawn needs nothing of this layer (it has its own snapshot), but
    // wait for it so that no thread outlives the window's last map.
    m_bodyWatcher->waitForFinished();
}

QPointF ActorMapLayer::pixelOf(const QPointF& c) const
{
    return QPointF(keyAxis()->coordToPixel(c.x()), valueAxis()->coordToPixel(c.y()));
}

int ActorMapLayer::nodeAt(const QPointF& pixel) const
{
    int best = -1;
    double bestDist = 1e18;
    for (std::size_t i = 0; i < m_scene.nodes.size(); ++i) {
        const MapScene::Node& n = m_scene.nodes[i];
        if (n.flags & MapScene::NodeHidden)
            continue;
        const QPointF d = pixelOf(n.pos) - pixel;
        const double dist = d.x() * d.x() + d.y() * d.y();
        const double reach = std::max(5.0, double(n.radius) + 2);
        if (dist <= reach * reach && dist < bestDist) {
            best = int(i);
            bestDist = dist;
        }
    }
    return best;
}

int ActorMapLayer::edgeAt(const QPointF& pixel, double tolerance) const
{
    int best = -1;
    double bestDist = tolerance;
    // Every node's pixel once (the axes are linear), then a cheap box test per relation: a
    // pointer move over a map of 300k relations stays well under a frame.
    const double ax = keyAxis()->coordToPixel(1) - keyAxis()->coordToPixel(0);
    const double bx = keyAxis()->coordToPixel(0);
    const double ay = valueAxis()->coordToPixel(1) - valueAxis()->coordToPixel(0);
    const double by = valueAxis()->coordToPixel(0);
    std::vector<QPointF> px(m_scene.nodes.size());
    for (std::size_t i = 0; i < px.size(); ++i)
        px[i] = QPointF(ax * m_scene.nodes[i].pos.x() + bx, ay * m_scene.nodes[i].pos.y() + by);
    for (std::size_t e = 0; e < m_scene.edges.size(); ++e) {
        const MapScene::Edge& edge = m_scene.edges[e];
        if (edge.flags & MapScene::EdgeHidden)
            continue;
        const QPointF a = px[std::size_t(edge.from)];
        const QPointF b = px[std::size_t(edge.to)];
        const double reach = tolerance + std::abs(edge.bend);
        if (pixel.x() < std::min(a.x(), b.x()) - reach ||
            pixel.x() > std::max(a.x(), b.x()) + reach ||
            pixel.y() < std::min(a.y(), b.y()) - reach ||
            pixel.y() > std::max(a.y(), b.y()) + reach)
            continue;
        // The apex of a bent edge is where its label sits: measure to the two halves.
        const QPointF normal(-(b - a).y(), (b - a).x());
        const QPointF apex = (a + b) / 2 + unit(normal) * edge.bend;
        for (const auto& [p, q] : {std::pair{a, apex}, std::pair{apex, b}}) {
            const QPointF v = q - p;
            const double len2 = v.x() * v.x() + v.y() * v.y();
            const double t =
                len2 > 0 ? std::clamp(QPointF::dotProduct(pixel - p, v) / len2, 0.0, 1.0) : 0.0;
            const QPointF d = p + v * t - pixel;
            const double dist = std::hypot(d.x(), d.y());
            if (dist < bestDist) {
                bestDist = dist;
                best = int(e);
            }
        }
    }
    return best;
}

QRectF ActorMapLayer::bounds() const
{
    double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
    bool any = false;
    for (const MapScene::Node& n : m_scene.nodes) {
        if (n.flags & MapScene::NodeHidden)
            continue;
        if (!any) {
            x0 = x1 = n.pos.x();
            y0 = y1 = n.pos.y();
            any = true;
        }
        x0 = std::min(x0, n.pos.x());
        x1 = std::max(x1, n.pos.x());
        y0 = std::min(y0, n.pos.y());
        y1 = std::max(y1, n.pos.y());
    }
    if (!any)
        return {};
    // Never null, even for one actor: callers fit a view to it.
    return QRectF(QPointF(x0, y0), QPointF(x1, y1)).adjusted(-1e-6, -1e-6, 1e-6, 1e-6);
}

double ActorMapLayer::selectTest(const QPointF& pos, bool, QVariant*) const
{
    return nodeAt(pos) >= 0 ? 0 : -1;
}

QCPRange ActorMapLayer::getKeyRange(bool& foundRange, QCP::SignDomain) const
{
    const QRectF b = bounds();
    foundRange = !b.isNull();
    return QCPRange(b.left(), b.right());
}

QCPRange ActorMapLayer::getValueRange(bool& foundRange, QCP::SignDomain, const QCPRange&) const
{
    const QRectF b = bounds();
    foundRange = !b.isNull();
    return QCPRange(b.top(), b.bottom());
}

void ActorMapLayer::drawLegendIcon(QCPPainter*, const QRectF&) const {}

void ActorMapLayer::draw(QCPPainter* painter)
{
    if (!drawSmallFrame(painter))
        drawScene(painter);
}

quint64 ActorMapLayer::frameKey(const QCPPainter* painter) const
{
    // Everything a small map's frame is drawn from: the view (axes, area, where the painter
    // puts it), the look, and every actor and relation as styled (positions, flags with
    // hover and selection, labels). The radius as drawn follows from these.
    const QRectF clip = clipRect();
    const QTransform& tf = painter->transform();
    const QCPRange x = keyAxis()->range(), y = valueAxis()->range();
    size_t h = qHashMulti(0, x.lower, x.upper, y.lower, y.upper, clip.left(), clip.top(),
                          clip.width(), clip.height(), tf.dx(), tf.dy());
    h = qHashMulti(h, painter->device()->devicePixelRatioF(), painter->renderHints().toInt(),
                   painter->modes().toInt(), m_legend, m_themeGeneration, m_scene.message,
                   m_scene.colourByCommunity, m_scene.markedUnverified);
    h = qHashMulti(h, m_scene.colourTitle, m_scene.hoveredEdge, m_scene.nodes.size(),
                   m_scene.edges.size());
    for (const MapScene::Node& n : m_scene.nodes)
        h = qHashMulti(h, n.pos.x(), n.pos.y(), n.size, n.rank, n.fill.rgba(), int(n.kind),
                       n.flags, n.label);
    for (const MapScene::Edge& e : m_scene.edges)
        h = qHashMulti(h, e.from, e.to, e.width, e.bend, int(e.status), e.directed, e.flags,
                       e.type);
    for (const QColor& c : m_scene.communityColours)
        h = qHashMulti(h, c.rgba());
    for (const auto& [value, colour] : m_scene.colourKey)
        h = qHashMulti(h, value, colour.rgba());
    return quint64(h) | 1; // never 0: no image yet
}

bool ActorMapLayer::paintsRasterShifted(const QCPPainter* painter)
{
    const QPaintEngine* engine = painter->paintEngine();
    return engine && engine->type() == QPaintEngine::Raster &&
           painter->transform().type() <= QTransform::TxTranslate &&
           !painter->modes().testFlag(QCPPainter::pmVectorized);
}

bool ActorMapLayer::drawSmallFrame(QCPPainter* painter)
{
    // Only a map that is never large (drawn in full each frame), on screen: a raster device
    // the painter only shifts, caching allowed. Files and exports draw afresh.
    if (!m_caching || m_scene.nodes.size() > std::size_t(kLargeNodes) ||
        m_scene.edges.size() > std::size_t(kLargeEdges) || !paintsRasterShifted(painter) ||
        painter->modes().testFlag(QCPPainter::pmNoCaching) || !painter->device())
        return false;
    const quint64 key = frameKey(painter);
    QPaintDevice* device = painter->device();
    const qreal dpr = device->devicePixelRatioF();
    const QSize pixels(device->width() * dpr, device->height() * dpr);
    const bool cached = key == m_frame.key && m_frame.image.size() == pixels;
    if (!cached && key != m_frame.lastKey) {
        // A frame unlike the last (a pan, a zoom, a hover): drawn straight onto the plot, as
        // an image would only add its cost while the view moves.
        m_frame = {};
        m_frame.lastKey = key;
        return false;
    }
    if (!cached) {
        // The same frame asked for again: from now on it is stamped.
        // Drawn into an image like the plot's (transparent) buffer, with the painter's
        // transform, clip and hints, so stamping it gives the same pixels.
        QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(dpr);
        image.fill(Qt::transparent);
        {
            QCPPainter p(&image);
            p.setModes(painter->modes());
            // QCPPainter's own antialiasing state (it rounds lines when off) before the
            // transform, which already holds the half-pixel shift that state adds.
            p.setAntialiasing(painter->antialiasing());
            p.setRenderHints(painter->renderHints());
            p.setTransform(painter->transform());
            if (painter->hasClipping())
                p.setClipRect(painter->clipBoundingRect());
            drawScene(&p);
        }
        m_frame = {std::move(image), key, key, m_lastLabels, m_lastEdgeLabels, m_labelRects};
    } else {
        // What the frame's draw measured, as tests and the hover card read it.
        m_lastLabels = m_frame.labels;
        m_lastEdgeLabels = m_frame.edgeLabels;
        m_labelRects = m_frame.labelRects;
        m_lastLarge = false;
        m_lastFromCache = true;
    }
    painter->save();
    painter->setTransform(QTransform());
    painter->drawImage(QPointF(0, 0), m_frame.image);
    painter->restore();
    return true;
}

void ActorMapLayer::drawScene(QCPPainter* painter)
{
    const QRectF clip = clipRect();
    m_lastLabels = m_lastEdgeLabels = 0;
    m_labelRects.clear();
    if (m_scene.nodes.empty() || !m_scene.message.isEmpty()) {
        painter->setPen(m_theme.mutedText);
        painter->setFont(m_font);
        painter->drawText(clip, Qt::AlignCenter,
                          m_scene.message.isEmpty() ? QObject::tr("No actors in this story")
                                                    : m_scene.message);
        if (m_legend)
            drawLegend(painter);
        return;
    }
    const std::size_t n = m_scene.nodes.size();
    std::vector<QPointF> px(n);
    // The axes are linear: one multiply-add per node instead of coordToPixel's range checks.
    const double ax = keyAxis()->coordToPixel(1) - keyAxis()->coordToPixel(0);
    const double bx = keyAxis()->coordToPixel(0);
    const double ay = valueAxis()->coordToPixel(1) - valueAxis()->coordToPixel(0);
    const double by = valueAxis()->coordToPixel(0);
    for (std::size_t i = 0; i < n; ++i)
        px[i] = QPointF(ax * m_scene.nodes[i].pos.x() + bx, ay * m_scene.nodes[i].pos.y() + by);
    fitNodeSizes(std::abs(ax));
    // Most central first (sorted once per scene revision): labels claim space in this order;
    // nodes are drawn in reverse so the important ones end on top.
    std::vector<int> order, wide;
    order.reserve(std::min<std::size_t>(n, 4096));
    const QRectF view = clip.adjusted(-30, -30, 30, 30);
    const double margin = 0.25 * std::max(clip.width(), clip.height());
    const QRectF wideView = clip.adjusted(-margin - 30, -margin - 30, margin + 30, margin + 30);
    // Plain comparisons: QRectF::contains is a call into QtCore per actor and per frame.
    const double vx0 = view.left(), vx1 = view.right(), vy0 = view.top(), vy1 = view.bottom();
    const double wx0 = wideView.left(), wx1 = wideView.right(), wy0 = wideView.top(),
                 wy1 = wideView.bottom();
    for (int i : rankOrder()) {
        if (m_scene.nodes[std::size_t(i)].flags & MapScene::NodeHidden)
            continue;
        const QPointF& p = px[std::size_t(i)];
        if (p.x() < wx0 || p.x() > wx1 || p.y() < wy0 || p.y() > wy1)
            continue;
        wide.push_back(i);
        if (p.x() >= vx0 && p.x() <= vx1 && p.y() >= vy0 && p.y() <= vy1)
            order.push_back(i);
    }
    if (m_visibleEdgesRevision != m_scene.revision) {
        m_visibleEdges = 0;
        for (const MapScene::Edge& e : m_scene.edges)
            m_visibleEdges += (e.flags & MapScene::EdgeHidden) ? 0 : 1;
        m_visibleEdgesRevision = m_scene.revision;
    }
    const int visibleEdges = m_visibleEdges;
    const bool large = isLarge(int(order.size()), visibleEdges);
    m_lastLarge = large;
    m_lastFromCache = false;

    painter->save();
    painter->setClipRect(clip);
    if (large) {
        drawLargeBody(painter, px, wide, visibleEdges);
        drawOverlay(painter, px, order);
    } else {
        m_cache = BodyCache{};
        drawEdges(painter, px, large, clip);
        drawNodes(painter, px, order, large);
    }
    drawLabels(painter, px, order, large);
    painter->restore();
    if (m_legend)
        drawLegend(painter);
}

void ActorMapLayer::fitNodeSizes(double pixelsPerUnit)
{
    // Nodes keep their styled size while there is room for it. In a small pane or zoomed far
    // out, neighbours would cover each other: shrink every node alike (so sizes still compare)
    // until a typical pair of neighbours has room between them.
    if (m_spacingRevision != m_scene.revision) {
        m_spacingRevision = m_scene.revision;
        m_largestSize = 0;
        std::vector<QPointF> pts;
        for (const MapScene::Node& node : m_scene.nodes)
            if (!(node.flags & MapScene::NodeHidden)) {
                pts.push_back(node.pos);
                m_largestSize = std::max(m_largestSize, node.size);
            }
        m_spacing = medianNearestNeighbour(pts);
    }
    double f = 1.0;
    if (m_spacing > 0 && m_largestSize > 0)
        f = std::clamp(m_spacing * pixelsPerUnit / (2.6 * double(m_largestSize)), 0.3, 1.0);
    for (MapScene::Node& node : m_scene.nodes)
        node.radius = std::max(std::min(node.size, 2.5f), float(node.size * f));
}

bool ActorMapLayer::isLarge(int actors, int relations)
{
    return actors > kLargeNodes || relations > kLargeEdges;
}

const std::vector<int>& ActorMapLayer::rankOrder()
{
    if (m_rankRevision != m_scene.revision || m_rankOrder.size() != m_scene.nodes.size()) {
        m_rankOrder.resize(m_scene.nodes.size());
        std::iota(m_rankOrder.begin(), m_rankOrder.end(), 0);
        std::stable_sort(m_rankOrder.begin(), m_rankOrder.end(), [this](int a, int b) {
            return m_scene.nodes[std::size_t(a)].rank > m_scene.nodes[std::size_t(b)].rank;
        });
        m_rankRevision = m_scene.revision;
    }
    return m_rankOrder;
}

void ActorMapLayer::drawOverlay(QCPPainter* painter, const std::vector<QPointF>& px,
                                const std::vector<int>& order)
{
    // What the pointer and the selection mark, over the cached body: drawn live so hovering
    // never redraws the whole map.
    std::vector<int> marked;
    for (int i : order)
        if (m_scene.nodes[std::size_t(i)].flags & (MapScene::NodeSelected | MapScene::NodeHovered))
            marked.push_back(i);
    const int hovered = m_scene.hoveredEdge;
    if (hovered >= 0 && std::size_t(hovered) < m_scene.edges.size()) {
        const MapScene::Edge& e = m_scene.edges[std::size_t(hovered)];
        if ((e.flags & MapScene::EdgeHovered) && !(e.flags & MapScene::EdgeHidden)) {
            painter->setPen(QPen(m_theme.text, 2.5 * m_theme.lineScale));
            painter->drawLine(px[std::size_t(e.from)], px[std::size_t(e.to)]);
        }
    }
    drawNodes(painter, px, marked, false);
}

void ActorMapLayer::drawEdges(QCPPainter* painter, const std::vector<QPointF>& px, bool large,
                              const QRectF& clip)
{
    if (large) {
        // Thin, light and without antialiasing: at this scale edges are texture, not lines.
        std::vector<QLineF> lines[4], dim;
        for (const MapScene::Edge& e : m_scene.edges) {
            if (e.flags & MapScene::EdgeHidden)
                continue;
            const QPointF a = px[std::size_t(e.from)], b = px[std::size_t(e.to)];
            if (std::max(a.x(), b.x()) < clip.left() || std::min(a.x(), b.x()) > clip.right() ||
                std::max(a.y(), b.y()) < clip.top() || std::min(a.y(), b.y()) > clip.bottom())
                continue;
            if (e.flags & MapScene::EdgeDimmed)
                dim.emplace_back(a, b);
            else
                lines[int(e.status)].emplace_back(a, b);
        }
        painter->setRenderHint(QPainter::Antialiasing, false);
        // Into a file (SVG, PDF) one path per colour: an element per line would make the file
        // several times larger.
        const bool vector = painter->modes().testFlag(QCPPainter::pmVectorized);
        auto stroke = [&](const std::vector<QLineF>& batch) {
            if (!vector) {
                painter->drawLines(batch.data(), int(batch.size()));
                return;
            }
            QPainterPath path;
            for (const QLineF& l : batch) {
                path.moveTo(l.p1());
                path.lineTo(l.p2());
            }
            painter->setBrush(Qt::NoBrush);
            painter->drawPath(path);
        };
        painter->setPen(QPen(mix(m_theme.edge, m_theme.background, 0.8), 0));
        stroke(dim);
        for (int s = 0; s < 4; ++s) {
            // Light tints of the status colours, opaque so no blending per pixel.
            painter->setPen(
                QPen(mix(statusInk(m_theme, Verification(s)), m_theme.background, 0.55), 0));
            stroke(lines[s]);
        }
        painter->setRenderHint(QPainter::Antialiasing, true);
        return;
    }

    // Grouped by pen; arrowheads as one filled path per colour. Into a file (SVG, PDF) each
    // group is one path. On screen and in images, where Qt rasterises a wide antialiased
    // stroke, each relation is stroked on its own: one path across the map made the
    // rasteriser go over the whole outline band by band (a 60-actor map's frame took about
    // 20 ms, nearly all of it there). A translucent pen's strokes (the dimmed relations) go
    // into a layer in the opaque colour, laid on with the pen's alpha, so that where they
    // cross the ink is laid once, as with one path.
    struct Group
    {
        QPen pen;
        QPainterPath path;                // every relation (vector output)
        std::vector<QPainterPath> pieces; // each relation alone (raster)
    };
    const bool raster = !painter->modes().testFlag(QCPPainter::pmVectorized) &&
                        painter->paintEngine() &&
                        painter->paintEngine()->type() == QPaintEngine::Raster;
    std::map<quint32, Group> paths;
    std::map<QRgb, QPainterPath> arrows;
    for (const MapScene::Edge& e : m_scene.edges) {
        if (e.flags & MapScene::EdgeHidden)
            continue;
        const MapScene::Node& na = m_scene.nodes[std::size_t(e.from)];
        const MapScene::Node& nb = m_scene.nodes[std::size_t(e.to)];
        const QPointF a = px[std::size_t(e.from)], b = px[std::size_t(e.to)];
        const QRectF box =
            QRectF(a, b).normalized().adjusted(-std::abs(e.bend) - 2, -std::abs(e.bend) - 2,
                                               std::abs(e.bend) + 2, std::abs(e.bend) + 2);
        if (!box.intersects(clip))
            continue;
        const QPointF normal = unit(QPointF(-(b - a).y(), (b - a).x()));
        const QPointF control = (a + b) / 2 + normal * (2 * e.bend);
        const QPen pen = edgePen(e.status, e.width, e.flags, m_theme);
        const quint32 key =
            (quint32(e.status) << 24) | (quint32(qRound(pen.widthF() * 4)) << 8) |
            (e.flags & (MapScene::EdgeDimmed | MapScene::EdgeEmphasised | MapScene::EdgeHovered));
        Group& group = paths[key];
        group.pen = pen;
        const bool alone = raster;
        if (alone)
            group.pieces.emplace_back();
        QPainterPath& path = alone ? group.pieces.back() : group.path;
        const QPointF start = a + unit(control - a) * (na.radius + 1.0);
        const double arrow = e.directed ? 6 + pen.widthF() : 0;
        const QPointF dirEnd = unit(b - control);
        const QPointF tip = b - dirEnd * (nb.radius + 1.5);
        const QPointF end = tip - dirEnd * (arrow * 0.8);
        const QRectF wide = clip.adjusted(-20, -20, 20, 20);
        if (e.bend == 0 || box.width() + box.height() > 4 * (clip.width() + clip.height())) {
            QPointF p = start, q = end;
            if (!clipSegment(p, q, wide)) {
                if (alone)
                    group.pieces.pop_back();
                continue;
            }
            path.moveTo(p);
            path.lineTo(q);
        } else {
            path.moveTo(start);
            path.quadTo(control, end);
        }
        if (e.directed && !wide.contains(tip))
            continue;
        if (e.directed) {
            const QPointF side(-dirEnd.y(), dirEnd.x());
            QPainterPath& head = arrows[pen.color().rgba()];
            head.moveTo(tip);
            head.lineTo(tip - dirEnd * arrow + side * (arrow * 0.45));
            head.lineTo(tip - dirEnd * arrow - side * (arrow * 0.45));
            head.closeSubpath();
        }
    }
    painter->setBrush(Qt::NoBrush);
    for (const auto& [key, group] : paths) {
        if (!group.pieces.empty() && group.pen.color().alpha() < 255) {
            drawTranslucentStrokes(painter, group.pen, group.pieces, clip);
            continue;
        }
        painter->setPen(group.pen);
        for (const QPainterPath& piece : group.pieces)
            painter->drawPath(piece);
        if (!group.path.isEmpty())
            painter->drawPath(group.path);
    }
    painter->setPen(Qt::NoPen);
    for (auto& [rgba, path] : arrows) {
        painter->setBrush(QColor::fromRgba(rgba));
        painter->drawPath(path);
    }
}

void ActorMapLayer::drawTranslucentStrokes(QCPPainter* painter, const QPen& pen,
                                           const std::vector<QPainterPath>& pieces,
                                           const QRectF& clip)
{
    // The layer covers the strokes' pixels on the device, within the plot.
    QRectF bounds;
    for (const QPainterPath& piece : pieces)
        bounds |= piece.controlPointRect();
    const double pad = pen.widthF() + 2;
    const QTransform tf = painter->transform();
    QRect area = tf.mapRect(bounds.adjusted(-pad, -pad, pad, pad)).toAlignedRect() &
                 tf.mapRect(clip).toAlignedRect();
    if (painter->device())
        area &= QRect(0, 0, painter->device()->width(), painter->device()->height());
    if (area.isEmpty())
        return;
    const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    QImage layer(area.size() * dpr, QImage::Format_ARGB32_Premultiplied);
    layer.setDevicePixelRatio(dpr);
    layer.fill(Qt::transparent);
    {
        QPainter p(&layer);
        p.setRenderHints(painter->renderHints());
        p.setTransform(tf * QTransform::fromTranslate(-area.x(), -area.y()));
        p.setClipRect(clip);
        QPen solid = pen;
        QColor colour = pen.color();
        colour.setAlpha(255);
        solid.setColor(colour);
        p.setPen(solid);
        p.setBrush(Qt::NoBrush);
        for (const QPainterPath& piece : pieces)
            p.drawPath(piece);
    }
    painter->save();
    painter->setTransform(QTransform());
    painter->setOpacity(painter->opacity() * pen.color().alphaF());
    painter->drawImage(QPointF(area.topLeft()), layer);
    painter->restore();
}

const QPixmap& ActorMapLayer::sprite(ActorKind kind, const QColor& fill, int radius, quint8 flags,
                                     double scale)
{
    // Drawn at the device's pixels (`scale` of them per logical one), so a 4K export that
    // scales the painter stamps sharp shapes, not enlarged ones.
    const quint64 steps = quint64(std::clamp(std::lround(scale * 8), 1L, 255L));
    const quint64 key = (quint64(fill.rgba()) << 32) | (steps << 24) |
                        (quint64(radius & 0xffff) << 8) | (quint64(kind) << 6) | (flags & 0x3f);
    auto it = m_sprites.find(key);
    if (it != m_sprites.end())
        return *it;
    const int size = 2 * radius + 6;
    const double dpr = double(steps) / 8;
    QPixmap pm(QSize(size, size) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen((flags & MapScene::NodeEmphasised) ? m_theme.text : m_theme.background,
                  ((flags & MapScene::NodeEmphasised) ? 2.0 : 0.8) * m_theme.lineScale));
    p.setBrush(fill);
    p.drawPath(nodeShape(kind, QPointF(size / 2.0, size / 2.0), radius));
    p.end();
    if (m_sprites.size() > 2000)
        m_sprites.clear();
    return *m_sprites.insert(key, pm);
}

void ActorMapLayer::drawNodes(QCPPainter* painter, const std::vector<QPointF>& px,
                              const std::vector<int>& order, bool large, bool skipOverlay)
{
    // A large map in a vector file (SVG, PDF): one path per shape style rather than a sprite
    // image or a path per actor, so the file stays small and quick to write and to open.
    const bool vector = painter->modes().testFlag(QCPPainter::pmVectorized);
    if (large && vector) {
        struct Style
        {
            QColor fill;
            bool strong;
        };
        std::map<quint64, std::pair<Style, QPainterPath>> batches;
        for (auto it = order.rbegin(); it != order.rend(); ++it) {
            const MapScene::Node& node = m_scene.nodes[std::size_t(*it)];
            if (skipOverlay && (node.flags & (MapScene::NodeSelected | MapScene::NodeHovered)))
                continue;
            QColor fill = node.fill;
            if (node.flags & MapScene::NodeDimmed)
                fill = withAlpha(fill, 55);
            else if (node.flags & MapScene::NodeFaded)
                fill = withAlpha(fill, 110);
            const bool strong = node.flags & MapScene::NodeEmphasised;
            auto& batch = batches[(quint64(fill.rgba()) << 1) | (strong ? 1 : 0)];
            batch.first = {fill, strong};
            batch.second.addPath(nodeShape(node.kind, px[std::size_t(*it)], node.radius));
        }
        for (const auto& [key, batch] : batches) {
            painter->setPen(QPen(batch.first.strong ? m_theme.text : m_theme.background,
                                 (batch.first.strong ? 2.0 : 0.8) * m_theme.lineScale));
            painter->setBrush(batch.first.fill);
            painter->drawPath(batch.second);
        }
        return;
    }
    // Large maps stamp prepared images of the nodes, made at the device's resolution (a 4K
    // export scales the painter): fast and sharp. Vector files (SVG, PDF, print) and skewed
    // painters get real shapes.
    const QPaintEngine* engine = painter->paintEngine();
    const QTransform& tf = painter->transform();
    const bool sprites = large && engine && engine->type() == QPaintEngine::Raster &&
                         tf.type() <= QTransform::TxScale && qFuzzyCompare(tf.m11(), tf.m22()) &&
                         tf.m11() > 0;
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const MapScene::Node& node = m_scene.nodes[std::size_t(*it)];
        if (skipOverlay && (node.flags & (MapScene::NodeSelected | MapScene::NodeHovered)))
            continue; // drawOverlay marks these on top
        const QPointF c = px[std::size_t(*it)];
        QColor fill = node.fill;
        if (node.flags & MapScene::NodeDimmed)
            fill = withAlpha(fill, 55);
        else if (node.flags & MapScene::NodeFaded)
            fill = withAlpha(fill, 110);
        if (sprites && !(node.flags & (MapScene::NodeSelected | MapScene::NodeHovered))) {
            const int r = std::max(1, int(std::lround(node.radius)));
            const QPixmap& pm =
                sprite(node.kind, fill, r, node.flags & MapScene::NodeEmphasised, tf.m11());
            const QSizeF half = pm.deviceIndependentSize() / 2;
            painter->drawPixmap(QPointF(c.x() - half.width(), c.y() - half.height()), pm);
            continue;
        }
        const bool strong = node.flags & (MapScene::NodeEmphasised | MapScene::NodeHovered);
        painter->setPen(QPen(strong ? m_theme.text : m_theme.background,
                             (strong ? 2.2 : 1.2) * m_theme.lineScale));
        painter->setBrush(fill);
        painter->drawPath(nodeShape(node.kind, c, node.radius));
        if (node.flags & MapScene::NodeSelected) {
            painter->setBrush(Qt::NoBrush);
            painter->setPen(QPen(m_theme.text, 1.6 * m_theme.lineScale, Qt::DotLine));
            painter->drawEllipse(c, node.radius + 4.5, node.radius + 4.5);
        }
        if (node.flags & MapScene::NodePinned) {
            // A small dark pin head at the upper right: this actor stays where it was put.
            painter->setPen(QPen(m_theme.background, 1));
            painter->setBrush(m_theme.text);
            painter->drawEllipse(c + QPointF(node.radius * 0.75, -node.radius * 0.75), 2.6, 2.6);
        }
    }
}

} // namespace chronomap
