#include "geometryclip.h"

#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <vector>

namespace chronomap {

bool clipSegment(QPointF& a, QPointF& b, const QRectF& r)
{
    // Liang–Barsky.
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

// Mirrors the painter's state onto a painter of the real device and hands it geometry that
// has already been cut to the clip.
class GeometryClipEngine final : public QPaintEngine
{
public:
    explicit GeometryClipEngine(QPaintDevice* target) : QPaintEngine(AllFeatures), m_target(target)
    {}

    bool begin(QPaintDevice*) override
    {
        setActive(m_out.begin(m_target));
        return isActive();
    }
    bool end() override
    {
        setActive(false);
        return m_out.end();
    }
    Type type() const override { return QPaintEngine::User; }

    void updateState(const QPaintEngineState& state) override
    {
        const DirtyFlags dirty = state.state();
        if (dirty & DirtyPen)
            m_out.setPen(state.pen());
        if (dirty & DirtyBrush)
            m_out.setBrush(state.brush());
        if (dirty & DirtyBrushOrigin)
            m_out.setBrushOrigin(state.brushOrigin());
        if (dirty & DirtyFont)
            m_out.setFont(state.font());
        if (dirty & DirtyBackground)
            m_out.setBackground(state.backgroundBrush());
        if (dirty & DirtyBackgroundMode)
            m_out.setBackgroundMode(state.backgroundMode());
        if (dirty & DirtyTransform)
            m_out.setTransform(state.transform());
        if (dirty & DirtyHints)
            m_out.setRenderHints(state.renderHints(), true);
        if (dirty & DirtyOpacity)
            m_out.setOpacity(state.opacity());
        if (dirty & DirtyCompositionMode)
            m_out.setCompositionMode(state.compositionMode());
        // Clips stay here: they are applied to the geometry.
    }

    void drawPath(const QPainterPath& path) override
    {
        QRectF clip;
        if (!currentClip(clip)) {
            m_out.drawPath(path);
            return;
        }
        const QRectF bounds =
            path.controlPointRect().adjusted(-halfPen(), -halfPen(), halfPen(), halfPen());
        if (clip.contains(bounds)) {
            m_out.drawPath(path);
            return;
        }
        if (!clip.intersects(bounds))
            return;
        if (m_out.brush().style() != Qt::NoBrush) {
            QPainterPath box;
            box.addRect(clip);
            const QPen pen = m_out.pen();
            m_out.setPen(Qt::NoPen);
            m_out.drawPath(path.intersected(box));
            m_out.setPen(pen);
        }
        if (m_out.pen().style() != Qt::NoPen)
            strokeClipped(path.toSubpathPolygons(), clip);
    }

    void drawPolygon(const QPointF* points, int count, PolygonDrawMode mode) override
    {
        QPainterPath path;
        path.addPolygon(QPolygonF(QList<QPointF>(points, points + count)));
        if (mode == PolylineMode) {
            const QBrush brush = m_out.brush();
            m_out.setBrush(Qt::NoBrush);
            drawPath(path);
            m_out.setBrush(brush);
            return;
        }
        path.closeSubpath();
        path.setFillRule(mode == WindingMode ? Qt::WindingFill : Qt::OddEvenFill);
        drawPath(path);
    }
    void drawPolygon(const QPoint* points, int count, PolygonDrawMode mode) override
    {
        std::vector<QPointF> f(points, points + count);
        drawPolygon(f.data(), count, mode);
    }

    void drawRects(const QRectF* rects, int count) override
    {
        QRectF clip;
        const bool clipped = currentClip(clip);
        for (int i = 0; i < count; ++i) {
            const QRectF r = rects[i];
            if (!clipped || clip.contains(r.adjusted(-halfPen(), -halfPen(), halfPen(), halfPen())))
                m_out.drawRect(r);
            else if (m_out.pen().style() == Qt::NoPen)
                m_out.drawRect(r.normalized().intersected(clip));
            else {
                QPainterPath path;
                path.addRect(r);
                drawPath(path);
            }
        }
    }
    void drawRects(const QRect* rects, int count) override
    {
        for (int i = 0; i < count; ++i) {
            const QRectF r(rects[i]);
            drawRects(&r, 1);
        }
    }

    void drawLines(const QLineF* lines, int count) override
    {
        QRectF clip;
        if (!currentClip(clip)) {
            m_out.drawLines(lines, count);
            return;
        }
        const QRectF inner = shrunk(clip);
        std::vector<QLineF> kept;
        kept.reserve(std::size_t(count));
        for (int i = 0; i < count; ++i) {
            QPointF a = lines[i].p1(), b = lines[i].p2();
            if (clipSegment(a, b, inner))
                kept.emplace_back(a, b);
        }
        m_out.drawLines(kept.data(), int(kept.size()));
    }
    void drawLines(const QLine* lines, int count) override
    {
        std::vector<QLineF> f;
        f.reserve(std::size_t(count));
        for (int i = 0; i < count; ++i)
            f.emplace_back(lines[i]);
        drawLines(f.data(), count);
    }

    void drawEllipse(const QRectF& r) override
    {
        QPainterPath path;
        path.addEllipse(r);
        drawPath(path);
    }
    void drawEllipse(const QRect& r) override { drawEllipse(QRectF(r)); }

    void drawPoints(const QPointF* points, int count) override
    {
        QRectF clip;
        const bool clipped = currentClip(clip);
        for (int i = 0; i < count; ++i)
            if (!clipped || clip.contains(points[i]))
                m_out.drawPoint(points[i]);
    }
    void drawPoints(const QPoint* points, int count) override
    {
        for (int i = 0; i < count; ++i) {
            const QPointF p(points[i]);
            drawPoints(&p, 1);
        }
    }

    void drawPixmap(const QRectF& r, const QPixmap& pm, const QRectF& sr) override
    {
        QRectF target = r, source = sr;
        if (crop(target, source))
            m_out.drawPixmap(target, pm, source);
    }
    void drawImage(const QRectF& r, const QImage& image, const QRectF& sr,
                   Qt::ImageConversionFlags flags) override
    {
        QRectF target = r, source = sr;
        if (crop(target, source))
            m_out.drawImage(target, image, source, flags);
    }
    void drawTiledPixmap(const QRectF& r, const QPixmap& pixmap, const QPointF& s) override
    {
        QRectF clip;
        if (!currentClip(clip) || clip.contains(r))
            m_out.drawTiledPixmap(r, pixmap, s);
    }

    void drawTextItem(const QPointF& p, const QTextItem& text) override
    {
        // Text is kept whole or left out: cutting glyphs would turn it into outlines. The
        // charts shorten their labels to fit, so what crosses a clip is rare.
        QRectF clip;
        const QRectF box(p.x(), p.y() - text.ascent(), text.width(),
                         text.ascent() + text.descent());
        if (!currentClip(clip) || clip.adjusted(-1, -1, 1, 1).contains(box))
            m_out.drawTextItem(p, text);
    }

private:
    // The clip rectangle in the painter's current coordinates, if clipping is on.
    bool currentClip(QRectF& clip) const
    {
        const QPainter* p = painter();
        if (!p || !p->hasClipping())
            return false;
        clip = p->clipBoundingRect();
        return true;
    }
    double halfPen() const
    {
        const QPen& pen = m_out.pen();
        return pen.style() == Qt::NoPen ? 0.0 : std::max(1.0, pen.widthF()) / 2;
    }
    // The clip narrowed by half the pen, so a stroke's width stays inside it too.
    QRectF shrunk(const QRectF& clip) const
    {
        const double h = std::min({halfPen(), clip.width() / 2, clip.height() / 2});
        return clip.adjusted(h, h, -h, -h);
    }
    bool crop(QRectF& target, QRectF& source) const
    {
        QRectF clip;
        if (!currentClip(clip) || clip.contains(target))
            return true;
        const QRectF kept = target.intersected(clip);
        if (kept.isEmpty() || target.width() <= 0 || target.height() <= 0)
            return false;
        const double sx = source.width() / target.width(), sy = source.height() / target.height();
        source = QRectF(source.left() + (kept.left() - target.left()) * sx,
                        source.top() + (kept.top() - target.top()) * sy, kept.width() * sx,
                        kept.height() * sy);
        target = kept;
        return true;
    }
    // Strokes polylines cut at the clip: each run of segments inside stays one polyline so
    // joins and dashes look as before.
    void strokeClipped(const QList<QPolygonF>& polygons, const QRectF& clip)
    {
        const QRectF inner = shrunk(clip);
        const QBrush brush = m_out.brush();
        m_out.setBrush(Qt::NoBrush);
        QPainterPath out;
        for (const QPolygonF& poly : polygons) {
            bool open = false;
            for (qsizetype i = 1; i < poly.size(); ++i) {
                QPointF a = poly[i - 1], b = poly[i];
                const QPointF origB = b;
                if (!clipSegment(a, b, inner)) {
                    open = false;
                    continue;
                }
                if (!open)
                    out.moveTo(a);
                out.lineTo(b);
                open = b == origB;
            }
        }
        m_out.drawPath(out);
        m_out.setBrush(brush);
    }

    QPaintDevice* m_target;
    QPainter m_out;
};

GeometryClipDevice::GeometryClipDevice(QPaintDevice* target)
    : m_target(target), m_engine(std::make_unique<GeometryClipEngine>(target))
{}

GeometryClipDevice::~GeometryClipDevice() = default;

QPaintEngine* GeometryClipDevice::paintEngine() const
{
    return m_engine.get();
}

int GeometryClipDevice::metric(PaintDeviceMetric metric) const
{
    const QPaintDevice* t = m_target;
    switch (metric) {
    case PdmWidth:
        return t->width();
    case PdmHeight:
        return t->height();
    case PdmWidthMM:
        return t->widthMM();
    case PdmHeightMM:
        return t->heightMM();
    case PdmNumColors:
        return t->colorCount();
    case PdmDepth:
        return t->depth();
    case PdmDpiX:
        return t->logicalDpiX();
    case PdmDpiY:
        return t->logicalDpiY();
    case PdmPhysicalDpiX:
        return t->physicalDpiX();
    case PdmPhysicalDpiY:
        return t->physicalDpiY();
    case PdmDevicePixelRatio:
        return int(t->devicePixelRatio());
    case PdmDevicePixelRatioScaled:
        return int(t->devicePixelRatioF() * devicePixelRatioFScale());
    }
    return 0;
}

} // namespace chronomap
