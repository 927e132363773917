#include "actormaplayer.h"

#include "actormapbody.h"

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
constexpr int kMaxLabelTries = 600;
constexpr int kMaxEdgeLabels = 400;
// Above these counts (in the cached area) the body is drawn on a worker thread.
constexpr std::size_t kAsyncNodes = 5000;
constexpr std::size_t kAsyncEdges = 15000;
// Above these counts a vector export carries the map's body as an image.
constexpr std::size_t kVectorBodyNodes = 20000;
constexpr std::size_t kVectorBodyEdges = 60000;

QPointF unit(const QPointF& v)
{
    const double len = std::hypot(v.x(), v.y());
    return len > 1e-9 ? v / len : QPointF(1, 0);
}

// Clips a segment to a rectangle (Liang-Barsky), so a dashed edge running far off screen is
// not stroked along its whole length. False if nothing of it is inside.
bool clipSegment(QPointF& a, QPointF& b, const QRectF& r)
{
    double t0 = 0, t1 = 1;
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x() - r.left(), r.right() - a.x(), a.y() - r.top(), r.bottom() - a.y()};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1)
            return false;
    }
    const QPointF start = a;
    a = start + QPointF(dx, dy) * t0;
    b = start + QPointF(dx, dy) * t1;
    return true;
}

// The median over (a sample of at most 2000) points of the distance to the nearest other
// point, found through a grid of cells about one average spacing wide. 0 for fewer than 2.
double medianNearestNeighbour(const std::vector<QPointF>& pts)
{
    const std::size_t n = pts.size();
    if (n < 2)
        return 0;
    double x0 = pts[0].x(), x1 = x0, y0 = pts[0].y(), y1 = y0;
    for (const QPointF& p : pts) {
        x0 = std::min(x0, p.x());
        x1 = std::max(x1, p.x());
        y0 = std::min(y0, p.y());
        y1 = std::max(y1, p.y());
    }
    const double cell = std::max(std::sqrt((x1 - x0) * (y1 - y0) / double(n)),
                                 std::max(x1 - x0, y1 - y0) / 4096.0) +
                        1e-12;
    const int cols = int((x1 - x0) / cell) + 1, rows = int((y1 - y0) / cell) + 1;
    auto cellOf = [&](const QPointF& p) {
        return std::pair{int((p.x() - x0) / cell), int((p.y() - y0) / cell)};
    };
    std::unordered_map<qint64, std::vector<int>> grid;
    for (std::size_t i = 0; i < n; ++i) {
        const auto [cx, cy] = cellOf(pts[i]);
        grid[qint64(cy) * cols + cx].push_back(int(i));
    }
    const std::size_t step = std::max<std::size_t>(1, n / 2000);
    std::vector<double> nearest;
    for (std::size_t i = 0; i < n; i += step) {
        const auto [cx, cy] = cellOf(pts[i]);
        double best = std::numeric_limits<double>::max();
        // Widen the ring until a point is found and no closer one can lie beyond it.
        // Only each ring's border cells: the inner ones were searched before.
        for (int ring = 0; ring <= std::max(cols, rows); ++ring) {
            for (int y = cy - ring; y <= cy + ring; ++y)
                for (int x = cx - ring; x <= cx + ring;
                     x += (y == cy - ring || y == cy + ring || ring == 0) ? 1 : 2 * ring) {
                    if (x < 0 || y < 0 || x >= cols || y >= rows)
                        continue;
                    const auto it = grid.find(qint64(y) * cols + x);
                    if (it == grid.end())
                        continue;
                    for (int j : it->second)
                        if (std::size_t(j) != i)
                            best = std::min(best, std::hypot(pts[std::size_t(j)].x() - pts[i].x(),
                                                             pts[std::size_t(j)].y() - pts[i].y()));
                }
            if (best <= ring * cell)
                break;
        }
        nearest.push_back(best == std::numeric_limits<double>::max() ? 0 : best);
    }
    std::nth_element(nearest.begin(), nearest.begin() + qsizetype(nearest.size() / 2),
                     nearest.end());
    return nearest[nearest.size() / 2];
}

QColor withAlpha(QColor c, int alpha)
{
    c.setAlpha(alpha);
    return c;
}

// Rectangles already taken on screen, bucketed in cells so a test looks at a few neighbours.
class Occupancy
{
public:
    explicit Occupancy(const QRectF& area) : m_area(area) {}
    bool collides(const QRectF& r, int ignore = -1) const
    {
        bool hit = false;
        forCells(r, [&](quint64 key) {
            const auto it = m_cells.find(key);
            if (it == m_cells.end())
                return;
            for (int i : it->second)
                if (i != ignore && m_rects[std::size_t(i)].intersects(r)) {
                    hit = true;
                    return;
                }
        });
        return hit;
    }
    int add(const QRectF& r)
    {
        const int index = int(m_rects.size());
        m_rects.push_back(r);
        forCells(r, [&](quint64 key) { m_cells[key].push_back(index); });
        return index;
    }

private:
    template <typename F> void forCells(const QRectF& r, F&& f) const
    {
        constexpr double kCell = 48;
        const int x0 = int(std::floor((r.left() - m_area.left()) / kCell));
        const int x1 = int(std::floor((r.right() - m_area.left()) / kCell));
        const int y0 = int(std::floor((r.top() - m_area.top()) / kCell));
        const int y1 = int(std::floor((r.bottom() - m_area.top()) / kCell));
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x)
                f((quint64(quint32(y)) << 32) | quint32(x));
    }
    QRectF m_area;
    std::vector<QRectF> m_rects;
    std::map<quint64, std::vector<int>> m_cells;
};

// A relation's colour by how far it has been checked, in the theme's inks.
QColor statusInk(const ChartTheme& theme, Verification status)
{
    switch (status) {
    case Verification::Draft:
        return theme.edge;
    case Verification::Confirmed:
        return theme.mutedText;
    case Verification::Disputed:
        return theme.disputed;
    case Verification::Cleared:
        return theme.text;
    }
    return theme.edge;
}

// `c` carried `amount` of the way towards `towards`, opaque.
QColor mix(const QColor& c, const QColor& towards, double amount)
{
    return QColor::fromRgbF(float(c.redF() + (towards.redF() - c.redF()) * amount),
                            float(c.greenF() + (towards.greenF() - c.greenF()) * amount),
                            float(c.blueF() + (towards.blueF() - c.blueF()) * amount));
}

QPen edgePen(Verification status, double width, quint8 flags, const ChartTheme& theme)
{
    QColor c = statusInk(theme, status);
    width *= theme.lineScale;
    if (flags & MapScene::EdgeDimmed)
        c = withAlpha(c, 45);
    if (flags & (MapScene::EdgeEmphasised | MapScene::EdgeHovered))
        width += 1.5;
    QPen pen(c, width);
    pen.setCapStyle(Qt::FlatCap);
    if (status == Verification::Draft)
        pen.setDashPattern({5, 3});
    return pen;
}

} // namespace

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
    const QRectF clip = clipRect();
    m_lastLabels = m_lastEdgeLabels = 0;
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
    for (int i : rankOrder()) {
        if (m_scene.nodes[std::size_t(i)].flags & MapScene::NodeHidden)
            continue;
        if (view.contains(px[std::size_t(i)]))
            order.push_back(i);
        if (wideView.contains(px[std::size_t(i)]))
            wide.push_back(i);
    }
    int visibleEdges = 0;
    for (const MapScene::Edge& e : m_scene.edges)
        visibleEdges += (e.flags & MapScene::EdgeHidden) ? 0 : 1;
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

void ActorMapLayer::drawLargeBody(QCPPainter* painter, const std::vector<QPointF>& px,
                                  const std::vector<int>& wide, int visibleEdges)
{
    const QRectF clip = clipRect();
    // Vector output (PDF, SVG) and one-off renders (export) draw directly, at full quality.
    // (The window's painter is shifted by half a pixel for antialiasing: a translation is
    // fine, the cache is blitted back onto whole pixels.)
    const bool direct = !m_caching || painter->modes().testFlag(QCPPainter::pmVectorized) ||
                        painter->modes().testFlag(QCPPainter::pmNoCaching) ||
                        painter->transform().type() > QTransform::TxTranslate;
    // A vector file of a huge map (tens of thousands of actors or relations) would hold an
    // element per mark: megabytes that viewers choke on, for what reads as texture. Its body
    // goes in as one image at the output's resolution; names, legend and text stay vector.
    const bool vector = painter->modes().testFlag(QCPPainter::pmVectorized);
    if (direct && vector &&
        (wide.size() > kVectorBodyNodes || std::size_t(visibleEdges) > kVectorBodyEdges)) {
        const double scale = std::clamp(std::abs(painter->transform().m11()), 1.0, 4.0);
        const double dpr = std::min(scale, 4096.0 / std::max(1.0, clip.width()));
        const BodySnapshot snapshot = snapshotBody(px, wide, clip, dpr);
        painter->drawImage(clip, renderBody(snapshot));
        return;
    }
    if (direct) {
        drawEdges(painter, px, true, clip);
        drawNodes(painter, px, wide, true, true);
        return;
    }
    if (drawFromCache(painter)) {
        m_lastFromCache = true;
        return;
    }
    // Draw edges and nodes once, for the view and a margin around it, into an image that
    // panning and zooming reuse until the view rests.
    const double margin = 0.25 * std::max(clip.width(), clip.height());
    const QRectF area = clip.adjusted(-margin, -margin, margin, margin);
    const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    // A very large map takes a good part of a second to draw: on a worker, while the window
    // goes on showing the last image where it now belongs (or a note, the first time).
    if (wide.size() > kAsyncNodes || std::size_t(visibleEdges) > kAsyncEdges) {
        if (!m_bodyJob) { // one at a time: the next starts once this one is shown
            auto snapshot = std::make_shared<BodySnapshot>(snapshotBody(px, wide, area, dpr));
            m_bodyJob = snapshot;
            m_bodyWatcher->setFuture(QtConcurrent::run([snapshot] {
                QElapsedTimer t;
                t.start();
                QImage image = renderBody(*snapshot);
                return RenderedBody{std::move(image), double(t.nsecsElapsed()) / 1e6};
            }));
        }
        drawAnyCache(painter);
        return;
    }
    const BodySnapshot snapshot = snapshotBody(px, wide, area, dpr);
    installBody(renderBody(snapshot), snapshot);
    drawFromCache(painter);
}

BodySnapshot ActorMapLayer::snapshotBody(const std::vector<QPointF>& px,
                                         const std::vector<int>& wide, const QRectF& area,
                                         qreal dpr) const
{
    // What drawEdges and drawNodes draw for a large map, as plain data.
    BodySnapshot s;
    s.area = area;
    s.dpr = dpr;
    s.ax = keyAxis()->coordToPixel(1) - keyAxis()->coordToPixel(0);
    s.bx = keyAxis()->coordToPixel(0);
    s.ay = valueAxis()->coordToPixel(1) - valueAxis()->coordToPixel(0);
    s.by = valueAxis()->coordToPixel(0);
    s.revision = m_scene.revision;
    s.edges.resize(5);
    s.edges[0].colour = mix(m_theme.edge, m_theme.background, 0.8); // dimmed
    for (int st = 0; st < 4; ++st)
        s.edges[std::size_t(st) + 1].colour =
            mix(statusInk(m_theme, Verification(st)), m_theme.background, 0.55);
    for (const MapScene::Edge& e : m_scene.edges) {
        if (e.flags & MapScene::EdgeHidden)
            continue;
        const QPointF a = px[std::size_t(e.from)], b = px[std::size_t(e.to)];
        if (std::max(a.x(), b.x()) < area.left() || std::min(a.x(), b.x()) > area.right() ||
            std::max(a.y(), b.y()) < area.top() || std::min(a.y(), b.y()) > area.bottom())
            continue;
        s.edges[(e.flags & MapScene::EdgeDimmed) ? 0 : std::size_t(e.status) + 1]
            .lines.emplace_back(a, b);
    }
    s.outline = m_theme.background;
    s.strongOutline = m_theme.text;
    s.lineScale = m_theme.lineScale;
    s.nodes.reserve(wide.size());
    for (auto it = wide.rbegin(); it != wide.rend(); ++it) {
        const MapScene::Node& node = m_scene.nodes[std::size_t(*it)];
        if (node.flags & (MapScene::NodeSelected | MapScene::NodeHovered))
            continue; // drawOverlay marks these on top
        QColor fill = node.fill;
        if (node.flags & MapScene::NodeDimmed)
            fill = withAlpha(fill, 55);
        else if (node.flags & MapScene::NodeFaded)
            fill = withAlpha(fill, 110);
        s.nodes.push_back({px[std::size_t(*it)], std::max(1, int(std::lround(node.radius))),
                           fill.rgba(), node.kind, bool(node.flags & MapScene::NodeEmphasised)});
    }
    return s;
}

void ActorMapLayer::installBody(QImage image, const BodySnapshot& s)
{
    m_cache.image = std::move(image);
    m_cache.origin = s.area.topLeft();
    m_cache.ax = s.ax;
    m_cache.bx = s.bx;
    m_cache.ay = s.ay;
    m_cache.by = s.by;
    m_cache.revision = s.revision;
    m_cache.stale = false;
}

void ActorMapLayer::drawAnyCache(QCPPainter* painter)
{
    // The last image, however old, where its pixels belong now; the first time, a note.
    if (m_cache.image.isNull() || m_cache.ax == 0 || m_cache.ay == 0) {
        painter->setPen(m_theme.mutedText);
        painter->setFont(m_font);
        painter->drawText(clipRect(), Qt::AlignCenter,
                          QObject::tr("Drawing %L1 actors\u2026").arg(m_scene.nodes.size()));
        return;
    }
    const double ax = keyAxis()->coordToPixel(1) - keyAxis()->coordToPixel(0);
    const double bx = keyAxis()->coordToPixel(0);
    const double ay = valueAxis()->coordToPixel(1) - valueAxis()->coordToPixel(0);
    const double by = valueAxis()->coordToPixel(0);
    const double sx = ax / m_cache.ax, sy = ay / m_cache.ay;
    const QSizeF size = m_cache.image.deviceIndependentSize();
    const QRectF target(sx * (m_cache.origin.x() - m_cache.bx) + bx,
                        sy * (m_cache.origin.y() - m_cache.by) + by, sx * size.width(),
                        sy * size.height());
    painter->drawImage(target.translated(-painter->transform().dx(), -painter->transform().dy()),
                       m_cache.image);
}

bool ActorMapLayer::drawFromCache(QCPPainter* painter)
{
    if (m_cache.stale || m_cache.image.isNull() || m_cache.revision != m_scene.revision)
        return false;
    const double ax = keyAxis()->coordToPixel(1) - keyAxis()->coordToPixel(0);
    const double bx = keyAxis()->coordToPixel(0);
    const double ay = valueAxis()->coordToPixel(1) - valueAxis()->coordToPixel(0);
    const double by = valueAxis()->coordToPixel(0);
    if (m_cache.ax == 0 || m_cache.ay == 0)
        return false;
    // Where the image lands now: a cached pixel p maps back to a coordinate and forward again.
    const double sx = ax / m_cache.ax, sy = ay / m_cache.ay;
    const QSizeF size = m_cache.image.deviceIndependentSize();
    const QRectF target(sx * (m_cache.origin.x() - m_cache.bx) + bx,
                        sy * (m_cache.origin.y() - m_cache.by) + by, sx * size.width(),
                        sy * size.height());
    const bool same = std::abs(sx - 1) < 1e-9 && std::abs(sy - 1) < 1e-9 &&
                      std::abs(target.left() - m_cache.origin.x()) < 1e-6 &&
                      std::abs(target.top() - m_cache.origin.y()) < 1e-6;
    // Too far zoomed for the image to stay legible, or panned past its margin: draw afresh.
    if (sx < 0.6 || sx > 1.6 || !target.contains(clipRect()))
        return false;
    // Undo the painter's half-pixel shift so the image's pixels land on the widget's.
    const QPointF shift(painter->transform().dx(), painter->transform().dy());
    if (same) {
        painter->drawImage(m_cache.origin - shift, m_cache.image);
        return true;
    }
    painter->drawImage(target.translated(-shift), m_cache.image);
    m_idle->start(); // sharp again once the view rests
    return true;
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
    for (const MapScene::Edge& e : m_scene.edges)
        if ((e.flags & MapScene::EdgeHovered) && !(e.flags & MapScene::EdgeHidden)) {
            painter->setPen(QPen(m_theme.text, 2.5 * m_theme.lineScale));
            painter->drawLine(px[std::size_t(e.from)], px[std::size_t(e.to)]);
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

    // One path per pen; arrowheads as one filled path per colour.
    std::map<quint32, std::pair<QPen, QPainterPath>> paths;
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
        auto& [keyPen, path] = paths[key];
        keyPen = pen;
        const QPointF start = a + unit(control - a) * (na.radius + 1.0);
        const double arrow = e.directed ? 6 + pen.widthF() : 0;
        const QPointF dirEnd = unit(b - control);
        const QPointF tip = b - dirEnd * (nb.radius + 1.5);
        const QPointF end = tip - dirEnd * (arrow * 0.8);
        const QRectF wide = clip.adjusted(-20, -20, 20, 20);
        if (e.bend == 0 || box.width() + box.height() > 4 * (clip.width() + clip.height())) {
            QPointF p = start, q = end;
            if (!clipSegment(p, q, wide))
                continue;
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
    for (auto& [key, item] : paths) {
        painter->setPen(item.first);
        painter->drawPath(item.second);
    }
    painter->setPen(Qt::NoPen);
    for (auto& [rgba, path] : arrows) {
        painter->setBrush(QColor::fromRgba(rgba));
        painter->drawPath(path);
    }
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

void ActorMapLayer::drawLabels(QCPPainter* painter, const std::vector<QPointF>& px,
                               const std::vector<int>& order, bool large)
{
    const QRectF clip = clipRect();
    Occupancy taken(clip.adjusted(-100, -100, 100, 100));
    // Nodes are obstacles too, so no label covers an actor; on large graphs only the ones
    // that may get labels, to keep the frame short.
    const std::size_t obstacles =
        large ? std::min<std::size_t>(order.size(), kMaxLabelTries) : order.size();
    std::vector<int> own(m_scene.nodes.size(), -1);
    for (std::size_t k = 0; k < obstacles; ++k) {
        const int i = order[k];
        const double r = m_scene.nodes[std::size_t(i)].radius + 1;
        own[std::size_t(i)] =
            taken.add(QRectF(px[std::size_t(i)] - QPointF(r, r), QSizeF(2 * r, 2 * r)));
    }
    if (m_legend)
        taken.add(legendBox()); // no label under the legend
    // On a small map labels also keep off the relations' lines where they can: the visible
    // relations as segments (a bent one as two, through its apex).
    std::vector<std::pair<QLineF, int>> segments;
    if (!large) {
        for (std::size_t e = 0; e < m_scene.edges.size(); ++e) {
            const MapScene::Edge& edge = m_scene.edges[e];
            if (edge.flags & MapScene::EdgeHidden)
                continue;
            const QPointF a = px[std::size_t(edge.from)], b = px[std::size_t(edge.to)];
            const QPointF apex = (a + b) / 2 + unit(QPointF(-(b - a).y(), (b - a).x())) * edge.bend;
            segments.emplace_back(QLineF(a, apex), int(e));
            segments.emplace_back(QLineF(apex, b), int(e));
        }
    }
    auto crossesEdge = [&segments](const QRectF& rect, int except) {
        for (const auto& [line, e] : segments) {
            QPointF p = line.p1(), q = line.p2();
            if (e != except && clipSegment(p, q, rect))
                return true;
        }
        return false;
    };
    painter->setFont(m_font);
    const QFontMetricsF fm(m_font);
    QFont boldFont = m_font;
    boldFont.setBold(true);
    const double h = fm.height();
    int tries = 0;
    for (int i : order) {
        if (++tries > kMaxLabelTries)
            break;
        const MapScene::Node& node = m_scene.nodes[std::size_t(i)];
        if (node.label.isEmpty() || (large && node.radius < 3))
            continue;
        // An emphasised actor's name is bold: measured bold, or its ends are cut off.
        const bool bold = node.flags & MapScene::NodeEmphasised;
        const double w = (bold ? QFontMetricsF(boldFont) : fm).horizontalAdvance(node.label) + 6;
        const QPointF c = px[std::size_t(i)];
        // Beside the actor first; on a small map also the corners and, failing those, a step
        // further out with a leader line, so every actor keeps its name where there is room.
        std::vector<QRectF> candidates;
        const int rings = large ? 1 : 3;
        for (int ring = 0; ring < rings; ++ring) {
            const double r = node.radius + 2 + ring * (h + 2);
            const double d = r * 0.7;
            for (const QRectF& rect : {
                     QRectF(c.x() + r, c.y() - h / 2, w, h),     // right
                     QRectF(c.x() - r - w, c.y() - h / 2, w, h), // left
                     QRectF(c.x() - w / 2, c.y() + r, w, h),     // below
                     QRectF(c.x() - w / 2, c.y() - r - h, w, h), // above
                     QRectF(c.x() + d, c.y() - d - h, w, h),     // upper right
                     QRectF(c.x() + d, c.y() + d, w, h),         // lower right
                     QRectF(c.x() - d - w, c.y() - d - h, w, h), // upper left
                     QRectF(c.x() - d - w, c.y() + d, w, h),     // lower left
                 }) {
                candidates.push_back(rect);
                if (large && candidates.size() == 4)
                    break;
            }
        }
        // A free place that crosses no relation first; failing that, any free place.
        std::size_t k = candidates.size();
        for (int pass = 0; pass < 2 && k == candidates.size(); ++pass)
            for (k = 0; k < candidates.size(); ++k)
                if (clip.contains(candidates[k]) &&
                    !taken.collides(candidates[k], own[std::size_t(i)]) &&
                    (pass == 1 || !crossesEdge(candidates[k], -1)))
                    break;
        if (k < candidates.size()) {
            const QRectF& rect = candidates[k];
            taken.add(rect);
            if (k >= 8)
                drawLeader(painter, c, node.radius, rect);
            const bool dim = node.flags & (MapScene::NodeDimmed | MapScene::NodeFaded);
            painter->setPen(Qt::NoPen);
            painter->setBrush(withAlpha(m_theme.background, 200));
            painter->drawRoundedRect(rect, 3, 3);
            painter->setPen(dim ? m_theme.mutedText : m_theme.text);
            if (bold)
                painter->setFont(boldFont);
            painter->drawText(rect, Qt::AlignCenter, node.label);
            painter->setFont(m_font);
            ++m_lastLabels;
        }
    }
    if (large)
        return;

    // Relation types. The most important relations (between the most central actors) claim
    // space first; each label tries places along its edge from the middle outwards, on the
    // line and beside it, then a ring near the middle with a short leader line. A label set
    // apart from its line never crosses another relation, so it cannot be read as that one's;
    // when nothing near is free the label is left out (the hover card names the relation).
    QFont small = m_font;
    small.setPixelSize(std::max(8, int(std::lround(10 * m_theme.fontScale))));
    small.setItalic(true);
    const QFontMetricsF sfm(small);
    painter->setFont(small);
    const double lh = sfm.height();
    std::vector<int> edgeOrder;
    for (std::size_t e = 0; e < m_scene.edges.size(); ++e) {
        const MapScene::Edge& edge = m_scene.edges[e];
        if (!(edge.flags & (MapScene::EdgeHidden | MapScene::EdgeDimmed)) && !edge.type.isEmpty())
            edgeOrder.push_back(int(e));
    }
    auto weight = [this](int e) {
        const MapScene::Edge& edge = m_scene.edges[std::size_t(e)];
        const bool marked = edge.flags & (MapScene::EdgeEmphasised | MapScene::EdgeHovered);
        return (marked ? 1e6 : 0.0) + m_scene.nodes[std::size_t(edge.from)].rank +
               m_scene.nodes[std::size_t(edge.to)].rank;
    };
    std::stable_sort(edgeOrder.begin(), edgeOrder.end(),
                     [&](int a, int b) { return weight(a) > weight(b); });
    if (edgeOrder.size() > std::size_t(kMaxEdgeLabels))
        edgeOrder.resize(std::size_t(kMaxEdgeLabels));
    std::vector<char> labelled(m_scene.edges.size(), 0);
    for (int index : edgeOrder) {
        const MapScene::Edge& e = m_scene.edges[std::size_t(index)];
        const QPointF a = px[std::size_t(e.from)], b = px[std::size_t(e.to)];
        const double w = sfm.horizontalAdvance(e.type) + 6;
        const QPointF normal = unit(QPointF(-(b - a).y(), (b - a).x()));
        // How far a label centred on the line must move along the normal to clear it.
        const double clear = std::abs(normal.x()) * w / 2 + std::abs(normal.y()) * lh / 2 + 2;
        auto pointAt = [&](double t) {
            return a + (b - a) * t + normal * (e.bend * 4 * t * (1 - t));
        };
        auto fits = [&](const QRectF& rect) {
            return clip.contains(rect) && !taken.collides(rect);
        };
        QRectF rect;
        bool found = false, leader = false;
        QPointF anchor; // where a leader line meets the relation
        // Along the edge, first where the label crosses no other relation, then anywhere free.
        for (int pass = 0; pass < 2 && !found; ++pass) {
            for (double t : {0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8}) {
                for (double off : {0.0, clear, -clear, 2 * clear, -2 * clear}) {
                    if (std::abs(off) > clear && std::abs(off) - clear > 2.5 * lh)
                        continue; // too far from its line to read as its label
                    const QPointF at = pointAt(t) + normal * off;
                    rect = QRectF(at.x() - w / 2, at.y() - lh / 2, w, lh);
                    found = fits(rect) &&
                            ((pass == 1 && std::abs(off) <= clear) || !crossesEdge(rect, index));
                    if (found) {
                        anchor = pointAt(t);
                        leader = std::abs(off) > clear; // set apart from its line
                        break;
                    }
                }
                if (found)
                    break;
            }
        }
        const QPointF middle = pointAt(0.5);
        for (double radius = 3 * clear; !found && !large && radius < 80; radius += lh) {
            for (int k = 0; k < 16 && !found; ++k) {
                const double angle = k * M_PI / 8;
                const QPointF at = middle + QPointF(std::cos(angle) * (radius + w / 2 - lh / 2),
                                                    std::sin(angle) * radius);
                rect = QRectF(at.x() - w / 2, at.y() - lh / 2, w, lh);
                anchor = middle;
                found = leader = fits(rect) && !crossesEdge(rect, index) &&
                                 !crossesEdge(QRectF(middle, rect.center()).normalized(), index);
            }
        }
        if (!found)
            continue;
        taken.add(rect);
        if (leader)
            drawLeader(painter, anchor, 0, rect);
        painter->setPen(Qt::NoPen);
        painter->setBrush(withAlpha(m_theme.background, 215));
        painter->drawRoundedRect(rect, 2, 2);
        painter->setPen(e.status == Verification::Disputed ? m_theme.disputed : m_theme.mutedText);
        painter->drawText(rect, Qt::AlignCenter, e.type);
        labelled[std::size_t(index)] = 1;
        ++m_lastEdgeLabels;
    }
    if (m_scene.markedUnverified)
        drawUnverifiedBadges(painter, px, labelled);
    painter->setFont(m_font);
}

void ActorMapLayer::drawUnverifiedBadges(QCPPainter* painter, const std::vector<QPointF>& px,
                                         const std::vector<char>& labelled)
{
    // Publish-safe marking: a relation not cleared for publication carries ⚠ in its label.
    // One whose label found no room still gets the mark, alone at its middle, so that every
    // such relation on the page is visibly marked, as the footer says.
    QFont font = m_font;
    font.setPixelSize(std::max(8, int(std::lround(10 * m_theme.fontScale))));
    painter->setFont(font);
    const QFontMetricsF fm(font);
    const QString mark = QStringLiteral("\u26a0");
    const double w = fm.horizontalAdvance(mark) + 4, h = fm.height();
    for (std::size_t e = 0; e < m_scene.edges.size(); ++e) {
        const MapScene::Edge& edge = m_scene.edges[e];
        if (labelled[e] || (edge.flags & MapScene::EdgeHidden) ||
            edge.status == Verification::Cleared)
            continue;
        const QPointF a = px[std::size_t(edge.from)], b = px[std::size_t(edge.to)];
        const QPointF normal = unit(QPointF(-(b - a).y(), (b - a).x()));
        const QPointF middle = (a + b) / 2 + normal * edge.bend; // the apex of a bent relation
        const QRectF rect(middle.x() - w / 2, middle.y() - h / 2, w, h);
        const bool dim = edge.flags & MapScene::EdgeDimmed;
        painter->setPen(Qt::NoPen);
        painter->setBrush(withAlpha(m_theme.background, dim ? 120 : 215));
        painter->drawRoundedRect(rect, 2, 2);
        painter->setPen(dim ? withAlpha(m_theme.mutedText, 110) : m_theme.mutedText);
        painter->drawText(rect, Qt::AlignCenter, mark);
    }
}

void ActorMapLayer::drawLeader(QCPPainter* painter, const QPointF& from, double radius,
                               const QRectF& label)
{
    // From the edge of the actor (or the relation's middle) to the nearest point of the label.
    const QPointF to(std::clamp(from.x(), label.left(), label.right()),
                     std::clamp(from.y(), label.top(), label.bottom()));
    const QPointF start = from + unit(to - from) * radius;
    painter->save();
    painter->setPen(QPen(m_theme.mutedText, 0.8));
    painter->drawLine(start, to);
    painter->restore();
}

int ActorMapLayer::legendRows() const
{
    return 4 + 4 + 1 + (m_scene.colourByCommunity ? 1 : 0) + (m_scene.markedUnverified ? 1 : 0);
}

QRectF ActorMapLayer::legendBox() const
{
    // The legend's box as drawLegend lays it out: one row per kind and status, one for the
    // arrow and one for communities when colouring by them.
    QFont font = m_font;
    font.setPixelSize(std::max(8, int(std::lround(11 * m_theme.fontScale))));
    const double row = std::max(16.0, QFontMetricsF(font).height() + 3);
    const int rows = legendRows();
    const QRectF clip = clipRect();
    return QRectF(clip.left() + 8, clip.top() + 8, 150 * m_theme.fontScale, rows * row + 10);
}

void ActorMapLayer::drawLegend(QCPPainter* painter)
{
    const QRectF clip = clipRect();
    QFont font = m_font;
    font.setPixelSize(std::max(8, int(std::lround(11 * m_theme.fontScale))));
    const QFontMetricsF fm(font);
    const double row = std::max(16.0, fm.height() + 3);
    const QStringList kinds = {QObject::tr("person"), QObject::tr("organization"),
                               QObject::tr("state"), QObject::tr("group")};
    const QStringList statuses = {QObject::tr("draft"), QObject::tr("confirmed"),
                                  QObject::tr("disputed"), QObject::tr("cleared")};
    const int rows = legendRows();
    const double width = 150 * m_theme.fontScale;
    const QRectF box(clip.left() + 8, clip.top() + 8, width, rows * row + 10);
    painter->save();
    painter->setPen(QPen(m_theme.axis, 1));
    painter->setBrush(withAlpha(m_theme.background, 230));
    painter->drawRoundedRect(box, 4, 4);
    painter->setFont(font);
    double y = box.top() + 5 + row / 2;
    const double x = box.left() + 16;
    for (int k = 0; k < 4; ++k, y += row) {
        painter->setPen(QPen(m_theme.background, 1));
        painter->setBrush(m_scene.colourByCommunity ? m_theme.edge : m_theme.categoryColor(k));
        painter->drawPath(nodeShape(ActorKind(k), QPointF(x, y), 5.5));
        painter->setPen(m_theme.text);
        painter->drawText(QRectF(x + 14, y - row / 2, width - 30, row), Qt::AlignVCenter, kinds[k]);
    }
    if (m_scene.colourByCommunity) {
        for (int c = 0; c < 6; ++c) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(m_theme.communityColor(c));
            painter->drawEllipse(QPointF(x - 6 + c * 9, y), 4, 4);
        }
        painter->setPen(m_theme.text);
        painter->drawText(QRectF(x + 50, y - row / 2, 90, row), Qt::AlignVCenter,
                          QObject::tr("community"));
        y += row;
    }
    for (int s : {1, 3, 0, 2}) {
        painter->setPen(edgePen(Verification(s), 2, 0, m_theme));
        painter->drawLine(QPointF(x - 8, y), QPointF(x + 8, y));
        painter->setPen(m_theme.text);
        painter->drawText(QRectF(x + 14, y - row / 2, width - 30, row), Qt::AlignVCenter,
                          statuses[s]);
        y += row;
    }
    painter->setPen(QPen(statusInk(m_theme, Verification::Confirmed), 1.5 * m_theme.lineScale));
    painter->drawLine(QPointF(x - 8, y), QPointF(x + 4, y));
    painter->setPen(Qt::NoPen);
    painter->setBrush(statusInk(m_theme, Verification::Confirmed));
    painter->drawPolygon(
        QPolygonF({QPointF(x + 9, y), QPointF(x + 3, y - 3.5), QPointF(x + 3, y + 3.5)}));
    painter->setPen(m_theme.text);
    painter->drawText(QRectF(x + 14, y - row / 2, width - 30, row), Qt::AlignVCenter,
                      QObject::tr("directed relation"));
    if (m_scene.markedUnverified) {
        y += row;
        painter->drawText(QRectF(x - 8, y - row / 2, 18, row), Qt::AlignVCenter,
                          QStringLiteral("\u26a0"));
        painter->drawText(QRectF(x + 14, y - row / 2, width - 30, row), Qt::AlignVCenter,
                          QObject::tr("not cleared"));
    }
    painter->restore();
}

} // namespace chronomap
