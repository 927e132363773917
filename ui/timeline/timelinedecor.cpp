#include "timelinedecor.h"

#include "query/selection.h"
#include "story/story.h"
#include "timelinestate.h"

#include <QFontMetricsF>
#include <QPaintEngine>

#include <cmath>

namespace chronomap {

OverviewPlottable::OverviewPlottable(TimelineState* state, QCPAxis* keyAxis, QCPAxis* valueAxis,
                                     QCPAxis* mainAxis)
    : QCPAbstractPlottable(keyAxis, valueAxis), m_state(state), m_mainAxis(mainAxis)
{
    setAntialiased(true);
}

QCPRange OverviewPlottable::getKeyRange(bool& foundRange, QCP::SignDomain) const
{
    const TimeIndex& index = m_state->story->timeIndex();
    foundRange = !index.empty();
    return QCPRange(double(index.minTime()), double(index.maxTime()));
}

QCPRange OverviewPlottable::getValueRange(bool& foundRange, QCP::SignDomain, const QCPRange&) const
{
    foundRange = true;
    return QCPRange(0, 1);
}

void OverviewPlottable::rebuild(const QRect& rect)
{
    // Once per story change or resize: one pass over the index, each event added to the
    // columns it covers through a difference array.
    const TimeIndex& index = m_state->story->timeIndex();
    const int columns = std::max(1, rect.width());
    std::vector<int> diff(std::size_t(columns) + 1, 0);
    const QCPRange range = mKeyAxis->range();
    const double scale = columns / std::max(1.0, range.size());
    const auto earliest = index.earliest();
    const auto latest = index.latest();
    for (std::size_t r = 0; r < index.size(); ++r) {
        if (!m_state->layout.isIncluded(r))
            continue;
        const int c0 = std::clamp(int((double(earliest[r]) - range.lower) * scale), 0, columns - 1);
        const int c1 = std::clamp(int((double(latest[r]) - range.lower) * scale), 0, columns - 1);
        ++diff[std::size_t(c0)];
        --diff[std::size_t(c1) + 1];
    }
    std::vector<int> counts(static_cast<std::size_t>(columns));
    int running = 0, maxCount = 1;
    for (int c = 0; c < columns; ++c) {
        running += diff[std::size_t(c)];
        counts[std::size_t(c)] = running;
        maxCount = std::max(maxCount, running);
    }
    // Drawn once into an image: each frame only blits it.
    QPolygonF area;
    area.reserve(columns + 2);
    const double height = rect.height();
    area << QPointF(0, height);
    for (int c = 0; c < columns; ++c)
        area << QPointF(c + 0.5, height - (height - 2) *
                                              std::sqrt(double(counts[std::size_t(c)]) / maxCount));
    area << QPointF(columns, height);
    m_area = area;
    m_image = QImage(rect.size(), QImage::Format_ARGB32_Premultiplied);
    m_image.fill(Qt::transparent);
    QPainter painter(&m_image);
    painter.setRenderHint(QPainter::Antialiasing);
    paintStrip(&painter, rect.size());
    painter.end();
    m_cachedRect = rect;
    m_cachedRange = range;
    m_cachedGeneration = m_state->generation;
}

void OverviewPlottable::paintStrip(QPainter* painter, QSize size) const
{
    const int columns = std::max(1, size.width());
    const double height = size.height();
    const QCPRange range = mKeyAxis->range();
    const double scale = columns / std::max(1.0, range.size());
    for (const Era& era : m_state->eras) {
        if (!era.date.isValid())
            continue;
        const double x0 =
            (era.date.flags() & DateFlag::OpenStart)
                ? 0.0
                : std::max((double(era.date.nominalStart()) - range.lower) * scale, 0.0);
        const double x1 =
            (era.date.flags() & DateFlag::OpenEnd)
                ? double(columns)
                : std::min((double(era.date.nominalEnd()) - range.lower) * scale, double(columns));
        QColor c = era.color.isValid() && !m_state->theme.greyscale
                       ? era.color
                       : m_state->theme.categoryColor(4);
        c.setAlpha(30);
        painter->fillRect(QRectF(x0, 0, x1 - x0, height), c);
    }
    QColor ink = m_state->theme.defaultCategory;
    painter->setPen(QPen(ink, m_state->line(1)));
    ink.setAlpha(110);
    painter->setBrush(ink);
    painter->drawPolygon(m_area);
}

void OverviewPlottable::draw(QCPPainter* painter)
{
    const QRect rect = mKeyAxis->axisRect()->rect();
    if (rect != m_cachedRect || mKeyAxis->range() != m_cachedRange ||
        m_cachedGeneration != m_state->generation)
        rebuild(rect);
    painter->save();
    painter->setClipRect(rect);
    // On screen and in images the strip is blitted; a PDF, SVG or print gets its shapes, so
    // it stays sharp and is not a low-resolution picture inside a vector page.
    const QPaintEngine* engine = painter->paintEngine();
    if (engine && engine->type() == QPaintEngine::Raster) {
        painter->drawImage(rect.topLeft(), m_image);
    } else {
        painter->save();
        painter->translate(rect.topLeft());
        paintStrip(painter, rect.size());
        painter->restore();
    }

    // The current window: the rest is veiled.
    const QCPRange window = m_mainAxis->range();
    const double x0 =
        std::clamp(mKeyAxis->coordToPixel(window.lower), rect.left() - 2.0, rect.right() + 2.0);
    const double x1 =
        std::clamp(mKeyAxis->coordToPixel(window.upper), rect.left() - 2.0, rect.right() + 2.0);
    m_windowRect = QRectF(std::min(x0, x1 - 3), rect.top(), std::max(3.0, x1 - x0), rect.height());
    painter->setPen(Qt::NoPen);
    QColor veil = m_state->theme.background;
    veil.setAlpha(150);
    painter->setBrush(veil);
    painter->drawRect(
        QRectF(rect.left(), rect.top(), m_windowRect.left() - rect.left(), rect.height()));
    painter->drawRect(QRectF(m_windowRect.right(), rect.top(),
                             rect.right() - m_windowRect.right() + 1, rect.height()));
    painter->setPen(QPen(m_state->theme.accent, m_state->line(1.5)));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(m_windowRect.adjusted(0.5, 0.5, -0.5, -0.5));
    painter->restore();
}

TimelineOverlay::TimelineOverlay(TimelineState* state, QCustomPlot* plot, const QString& layer)
    : QCPLayerable(plot, layer), m_state(state)
{}

void TimelineOverlay::applyDefaultAntialiasingHint(QCPPainter* painter) const
{
    applyAntialiasingHint(painter, true, QCP::aeOther);
}

void TimelineOverlay::draw(QCPPainter* painter)
{
    const TimelineState& s = *m_state;
    // Exports show the chart, never what the mouse or the selection marks.
    if (s.plotRect.isEmpty() || s.oneShot)
        return;
    painter->save();
    painter->setClipRect(s.plotRect);
    const QSet<Id>& selected = s.selection->selectedEvents();
    painter->setBrush(Qt::NoBrush);
    for (const TimelineState::Placed& p : s.placed) {
        const bool isSelected = selected.contains(p.id);
        const bool isHover = p.id == s.hoverId;
        if (!isSelected && !isHover)
            continue;
        const QRectF box = p.box.adjusted(-3, 1, 3, -1);
        if (isSelected) {
            painter->setPen(QPen(s.theme.accent, s.line(2.5)));
            painter->drawRoundedRect(box, 4, 4);
        }
        if (isHover) {
            painter->setPen(QPen(s.theme.text, 1.2, Qt::DotLine));
            painter->drawRoundedRect(box.adjusted(-2, -1, 2, 1), 5, 5);
            if (!p.label.isEmpty()) {
                painter->setPen(QPen(s.theme.mutedText, 1));
                painter->drawLine(QLineF(p.label.bottomLeft() - QPointF(0, 3),
                                         p.label.bottomRight() - QPointF(0, 3)));
            }
        }
    }
    if (s.density && s.hoverLane >= 0 && s.hoverColumn >= 0) {
        // The pixel column under the mouse, in its lane.
        const QCPAxisRect* rect = parentPlot()->axisRect();
        const double top = rect->axis(QCPAxis::atLeft)->coordToPixel(s.laneCoord(s.hoverLane));
        const double bottom =
            rect->axis(QCPAxis::atLeft)->coordToPixel(s.laneCoord(s.hoverLane + 1));
        const double x = s.plotRect.left() + s.hoverColumn;
        painter->setPen(QPen(s.theme.text, 1));
        painter->drawRect(QRectF(x - 2, top + 1, 5, bottom - top - 2));
    }
    painter->restore();
}

TimelineLegend::TimelineLegend(TimelineState* state, QCustomPlot* plot)
    : QCPLayoutElement(plot), m_state(state)
{
    setHeight(24);
    setLayer(QStringLiteral("legend"));
}

void TimelineLegend::setHeight(int height)
{
    m_rowHeight = std::max(0, height);
}

QFont TimelineLegend::font() const
{
    QFont font = m_state->labelFont;
    font.setPixelSize(std::max(9, font.pixelSize() - 1));
    return font;
}

std::vector<TimelineLegend::Item> TimelineLegend::items() const
{
    std::vector<Item> list;
    if (m_state->density)
        list.push_back(
            {Swatch::Density, 44, tr("events per pixel column (zoom in for each event)")});
    list.push_back({Swatch::Box, 30, tr("known to the day")});
    list.push_back({Swatch::SoftBox, 30, tr("month or year only (soft ends)")});
    list.push_back({Swatch::Whiskers, 28, tr("could be as early/late as")});
    list.push_back({Swatch::Uncertain, 12, tr("year inferred or uncertain")});
    list.push_back({Swatch::Draft, 30, tr("draft")});
    list.push_back({Swatch::Box, 30, tr("confirmed")});
    list.push_back({Swatch::Cleared, 30, tr("cleared")});
    list.push_back({Swatch::Disputed, 14, tr("disputed")});
    if (m_state->markUnverified)
        list.push_back({Swatch::Hatched, 30, tr("\u26a0 not cleared for publication")});
    return list;
}

std::vector<QPointF> TimelineLegend::flow(const std::vector<Item>& list, double width) const
{
    // Left to right, onto the next row where an item would cross the right edge: a legend
    // cut off at the edge of a narrow or portrait export reads as a broken chart.
    const QFont itemFont = font();
    if (m_measuredFont != itemFont) {
        m_measuredFont = itemFont;
        m_advances.clear();
    }
    auto advance = [&](const QString& text) {
        if (const auto it = m_advances.constFind(text); it != m_advances.cend())
            return *it;
        return *m_advances.insert(text, QFontMetricsF(itemFont).horizontalAdvance(text));
    };
    std::vector<QPointF> at;
    double x = 8;
    int row = 0;
    for (const Item& item : list) {
        const double w = item.swatch + advance(item.text) + 2;
        if (x > 8 && x + w > width - 8) {
            x = 8;
            ++row;
        }
        at.emplace_back(x, row);
        x += w + 14;
    }
    return at;
}

int TimelineLegend::rows() const
{
    if (!visible() || m_rowHeight <= 0 || !mParentPlot)
        return 0;
    const std::vector<Item> list = items();
    const std::vector<QPointF> at = flow(list, mParentPlot->viewport().width());
    return at.empty() ? 0 : int(at.back().y()) + 1;
}

QSize TimelineLegend::minimumOuterSizeHint() const
{
    // One row at least; the rest comes out of the room the grid shares (it reaches the
    // maximum below unless the chart is very short). Asking for every row as a minimum would
    // make the widget's minimum height follow its width, and a narrow plot (before it is laid
    // out) demand room for ten rows.
    return QSize(0, visible() ? m_rowHeight : 0);
}

QSize TimelineLegend::maximumOuterSizeHint() const
{
    return QSize(QWIDGETSIZE_MAX, rows() * m_rowHeight);
}

void TimelineLegend::applyDefaultAntialiasingHint(QCPPainter* painter) const
{
    applyAntialiasingHint(painter, true, QCP::aeOther);
}

void TimelineLegend::draw(QCPPainter* painter)
{
    const QRectF r = mRect;
    painter->setFont(font());
    const ChartTheme& theme = m_state->theme;
    const QColor ink = theme.mutedText;
    const QColor base = theme.defaultCategory;
    const QColor outline = theme.dark ? base.lighter(140) : base.darker(150);
    const QPen solid(outline, m_state->line(1));
    QPen dotted = solid; // a draft, as the timeline outlines it
    dotted.setStyle(Qt::DotLine);
    QPen thick = solid;
    thick.setWidthF(m_state->line(2));
    const double rowHeight = m_rowHeight;

    auto box = [&](double x, double mid, const QPen& pen, bool softStart, bool softEnd) {
        const QRectF b(x, mid - 6, 26, 12);
        QLinearGradient g(b.left(), 0, b.right(), 0);
        QColor fill = base;
        fill.setAlphaF(0.42f);
        QColor faint = base;
        faint.setAlphaF(0.04f);
        g.setColorAt(0, softStart ? faint : fill);
        g.setColorAt(0.35, fill);
        g.setColorAt(0.65, fill);
        g.setColorAt(1, softEnd ? faint : fill);
        fillGradient(painter, b, g);
        painter->setPen(pen);
        painter->drawLine(QLineF(b.topLeft(), b.topRight()));
        painter->drawLine(QLineF(b.bottomLeft(), b.bottomRight()));
        if (!softStart)
            painter->drawLine(QLineF(b.topLeft(), b.bottomLeft()));
        if (!softEnd)
            painter->drawLine(QLineF(b.topRight(), b.bottomRight()));
    };

    const std::vector<Item> list = items();
    const std::vector<QPointF> at = flow(list, r.width());
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Item& item = list[i];
        const double x = r.left() + at[i].x();
        const double top = r.top() + at[i].y() * rowHeight;
        const double mid = top + rowHeight / 2;
        switch (item.kind) {
        case Swatch::Density: {
            QLinearGradient g(x, 0, x + 40, 0);
            QColor faintBase = base;
            faintBase.setAlpha(40);
            g.setColorAt(0, faintBase);
            g.setColorAt(1, base);
            fillGradient(painter, QRectF(x, mid - 6, 40, 12), g);
            break;
        }
        case Swatch::Box:
            box(x, mid, solid, false, false);
            break;
        case Swatch::SoftBox:
            box(x, mid, solid, true, true);
            break;
        case Swatch::Draft:
            box(x, mid, dotted, false, false);
            break;
        case Swatch::Cleared:
            box(x, mid, thick, false, false);
            break;
        case Swatch::Whiskers:
            painter->setPen(QPen(outline, m_state->line(1)));
            painter->drawLine(QLineF(x, mid, x + 24, mid));
            painter->drawLine(QLineF(x, mid - 4, x, mid + 4));
            painter->drawLine(QLineF(x + 24, mid - 4, x + 24, mid + 4));
            break;
        case Swatch::Uncertain: {
            painter->setPen(theme.text);
            QFont bold = font();
            bold.setBold(true);
            painter->setFont(bold);
            painter->drawText(QRectF(x, top, 10, rowHeight), Qt::AlignCenter, QStringLiteral("?"));
            painter->setFont(font());
            break;
        }
        case Swatch::Disputed:
            painter->setPen(QPen(theme.background, 1));
            painter->setBrush(theme.disputed);
            painter->drawEllipse(QPointF(x + 5, mid), 4.5, 4.5);
            break;
        case Swatch::Hatched:
            painter->setPen(solid);
            painter->setBrush(QBrush(theme.text, Qt::BDiagPattern));
            painter->drawRect(QRectF(x, mid - 6, 26, 12));
            break;
        }
        painter->setPen(ink);
        const double tx = x + item.swatch;
        const double w = painter->fontMetrics().horizontalAdvance(item.text);
        painter->drawText(QRectF(tx, top, w + 2, rowHeight), Qt::AlignVCenter, item.text);
    }
}

} // namespace chronomap
