#include "actormapbody.h"

#include "actormaplayer.h"
#include "mapdrawing.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPaintEngine>
#include <QPainter>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace chronomap {

using namespace mapdraw;

namespace {
// Above these counts (in the cached area) the body is drawn on a worker thread.
constexpr std::size_t kAsyncNodes = 5000;
constexpr std::size_t kAsyncEdges = 15000;
// Above these counts a vector export carries the map's body as an image.
constexpr std::size_t kVectorBodyNodes = 20000;
constexpr std::size_t kVectorBodyEdges = 60000;

// One-pixel lines in an opaque colour, written straight into the image's pixels (Bresenham,
// pixel (i, j) covering [i, i+1) x [j, j+1), as Qt's aliased lines). Qt's raster engine
// strokes such a line as one span per pixel through its generic blending: at 30k relations
// that was nearly all of a body's time, on a worker that shares two cores with the window.
void drawHairlines(QImage& image, const std::vector<QLineF>& lines, QRgb colour,
                   const QPointF& topLeft, qreal dpr)
{
    const int w = image.width(), h = image.height();
    if (w <= 0 || h <= 0)
        return;
    auto* bits = reinterpret_cast<QRgb*>(image.bits());
    const qsizetype stride = image.bytesPerLine() / qsizetype(sizeof(QRgb));
    const QRectF box(0, 0, w - 1e-3, h - 1e-3);
    for (const QLineF& line : lines) {
        QPointF a = (line.p1() - topLeft) * dpr, b = (line.p2() - topLeft) * dpr;
        if (!clipSegment(a, b, box))
            continue;
        int x = std::clamp(int(std::floor(a.x())), 0, w - 1);
        int y = std::clamp(int(std::floor(a.y())), 0, h - 1);
        const int x1 = std::clamp(int(std::floor(b.x())), 0, w - 1);
        const int y1 = std::clamp(int(std::floor(b.y())), 0, h - 1);
        const int dx = std::abs(x1 - x), dy = -std::abs(y1 - y);
        const int sx = x < x1 ? 1 : -1, sy = y < y1 ? 1 : -1;
        int err = dx + dy;
        for (;;) {
            bits[qsizetype(y) * stride + x] = colour;
            if (x == x1 && y == y1)
                break;
            const int e2 = 2 * err;
            if (e2 >= dy) {
                err += dy;
                x += sx;
            }
            if (e2 <= dx) {
                err += dx;
                y += sy;
            }
        }
    }
}
} // namespace

QImage renderBody(const BodySnapshot& s)
{
    const bool opaque = s.background.isValid();
    QImage image((s.area.size() * s.dpr).toSize(),
                 opaque ? QImage::Format_RGB32 : QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(s.dpr);
    image.fill(opaque ? s.background : QColor(Qt::transparent));

    // At this scale relations are texture, not lines: thin, opaque, without antialiasing.
    // (Before any painter is open on the image: its pixels are written directly.)
    for (const BodySnapshot::Lines& batch : s.edges)
        drawHairlines(image, batch.lines, batch.colour.rgba(), s.area.topLeft(), s.dpr);

    QPainter p(&image);
    p.translate(-s.area.topLeft());

    // Actors as stamps: one small image per shape, size and colour, drawn once.
    QHash<quint64, QImage> stamps;
    auto stamp = [&](const BodySnapshot::Node& n) -> const QImage& {
        const quint64 key = (quint64(n.fill) << 24) | (quint64(n.radius & 0xffff) << 8) |
                            (quint64(n.kind) << 1) | (n.strong ? 1 : 0);
        auto it = stamps.find(key);
        if (it != stamps.end())
            return *it;
        const int size = 2 * n.radius + 6;
        QImage img(QSize(size, size) * s.dpr, QImage::Format_ARGB32_Premultiplied);
        img.setDevicePixelRatio(s.dpr);
        img.fill(Qt::transparent);
        QPainter sp(&img);
        sp.setRenderHint(QPainter::Antialiasing);
        sp.setPen(
            QPen(n.strong ? s.strongOutline : s.outline, (n.strong ? 2.0 : 0.8) * s.lineScale));
        sp.setBrush(QColor::fromRgba(n.fill));
        sp.drawPath(nodeShape(n.kind, QPointF(size / 2.0, size / 2.0), n.radius));
        sp.end();
        return *stamps.insert(key, img);
    };
    for (const BodySnapshot::Node& n : s.nodes) {
        const QImage& img = stamp(n);
        const QSizeF half = img.deviceIndependentSize() / 2;
        p.drawImage(QPointF(n.centre.x() - half.width(), n.centre.y() - half.height()), img);
    }
    p.end();
    return image;
}

// ActorMapLayer's large-map body: drawn once into an image that panning and zooming reuse,
// on a worker when the map is very large, or straight onto the painter for files.

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
            snapshot->background = m_theme.background;
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
    BodySnapshot snapshot = snapshotBody(px, wide, area, dpr);
    snapshot.background = m_theme.background;
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

QRectF ActorMapLayer::cacheTarget() const
{
    // Where the cached image lands now: a cached pixel maps back to a coordinate and forward
    // again with the axes as they are.
    const double ax = keyAxis()->coordToPixel(1) - keyAxis()->coordToPixel(0);
    const double bx = keyAxis()->coordToPixel(0);
    const double ay = valueAxis()->coordToPixel(1) - valueAxis()->coordToPixel(0);
    const double by = valueAxis()->coordToPixel(0);
    const double sx = ax / m_cache.ax, sy = ay / m_cache.ay;
    const QSizeF size = m_cache.image.deviceIndependentSize();
    return QRectF(sx * (m_cache.origin.x() - m_cache.bx) + bx,
                  sy * (m_cache.origin.y() - m_cache.by) + by, sx * size.width(),
                  sy * size.height());
}

void ActorMapLayer::blitCache(QCPPainter* painter, const QRectF& target)
{
    // The window's painter is shifted half a pixel for antialiasing: undo it so the image's
    // pixels land on the widget's.
    const QPointF shift(painter->transform().dx(), painter->transform().dy());
    const QSizeF size = m_cache.image.deviceIndependentSize();
    if (std::abs(target.width() - size.width()) < 0.01 &&
        std::abs(target.height() - size.height()) < 0.01) {
        // Panned, not zoomed: on whole pixels the opaque image is a plain copy of rows, where
        // a fractional place would filter every pixel (most of a frame's time on a 10k map).
        painter->drawImage(QPointF(std::round(target.left()), std::round(target.top())) - shift,
                           m_cache.image);
        return;
    }
    // Zoomed: the nearest pixel, not a filtered one, while the view moves; the idle redraw
    // (or the worker's next image) makes it sharp again.
    const bool smooth = painter->testRenderHint(QPainter::SmoothPixmapTransform);
    painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter->drawImage(target.translated(-shift), m_cache.image);
    painter->setRenderHint(QPainter::SmoothPixmapTransform, smooth);
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
    blitCache(painter, cacheTarget());
}

bool ActorMapLayer::drawFromCache(QCPPainter* painter)
{
    if (m_cache.stale || m_cache.image.isNull() || m_cache.revision != m_scene.revision ||
        m_cache.ax == 0 || m_cache.ay == 0)
        return false;
    const QRectF target = cacheTarget();
    const QSizeF size = m_cache.image.deviceIndependentSize();
    const double sx = target.width() / size.width();
    // Too far zoomed for the image to stay legible, or panned past its margin: draw afresh.
    if (sx < 0.6 || sx > 1.6 || !target.contains(clipRect()))
        return false;
    blitCache(painter, target);
    const bool same = std::abs(sx - 1) < 1e-9 &&
                      std::abs(target.left() - m_cache.origin.x()) < 1e-6 &&
                      std::abs(target.top() - m_cache.origin.y()) < 1e-6;
    if (!same)
        m_idle->start(); // sharp again once the view rests
    return true;
}

} // namespace chronomap
