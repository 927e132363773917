// ActorMapLayer's names and legend: actor and relation labels placed where they fit, most
// central first, and the key to shapes, colours and lines.
#include "actormaplayer.h"
#include "mapdrawing.h"

#include <QFontMetricsF>
#include <QPaintEngine>

#include <algorithm>
#include <cmath>

namespace chronomap {

using namespace mapdraw;

namespace {
constexpr int kMaxLabelTries = 600;
constexpr int kMaxEdgeLabels = 400;
} // namespace

double ActorMapLayer::labelWidth(const QString& text, const QFont& font)
{
    // Names are measured every frame and change rarely: each measured once per face. (A
    // large map measures hundreds a frame; shaping each again took a good part of it.)
    if (m_widths.font != m_font) {
        m_widths = {};
        m_widths.font = m_font;
    }
    const int face = font.bold() ? 1 : font.italic() ? 2 : 0;
    QHash<QString, double>& widths = m_widths.byText[face];
    if (const auto it = widths.constFind(text); it != widths.cend())
        return *it;
    if (widths.size() > 200000)
        widths.clear();
    return *widths.insert(text, QFontMetricsF(font).horizontalAdvance(text));
}

void ActorMapLayer::drawLabels(QCPPainter* painter, const std::vector<QPointF>& px,
                               const std::vector<int>& order, bool large)
{
    const QRectF clip = clipRect();
    // Level of detail: on a large map only actors drawn large enough are named, the most
    // central first. The selected, highlighted and hovered ones are named first and always,
    // however small they are drawn: they are what the reader is looking at.
    constexpr quint8 kMarked =
        MapScene::NodeSelected | MapScene::NodeEmphasised | MapScene::NodeHovered;
    std::vector<int>& labelOrder = m_labelOrder;
    labelOrder.clear();
    for (int i : order)
        if (m_scene.nodes[std::size_t(i)].flags & kMarked)
            labelOrder.push_back(i);
    const std::size_t markedCount = labelOrder.size();
    // Far out on a large map no actor may be large enough: then there is nothing to place
    // (and a large map draws no relation labels), so no room is measured.
    bool anyNamed = !large || markedCount > 0;
    for (std::size_t k = 0; !anyNamed && k < order.size() && k < kMaxLabelTries; ++k) {
        const MapScene::Node& node = m_scene.nodes[std::size_t(order[k])];
        anyNamed = node.radius >= 3 && !node.label.isEmpty();
    }
    if (!anyNamed)
        return;
    for (int i : order)
        if (!(m_scene.nodes[std::size_t(i)].flags & kMarked))
            labelOrder.push_back(i);
    Occupancy taken(clip.adjusted(-100, -100, 100, 100));
    Occupancy names(clip.adjusted(-100, -100, 100, 100)); // the names alone
    // Nodes are obstacles too, so no label covers an actor; on large graphs only the ones
    // that may get labels, to keep the frame short.
    const std::size_t obstacles =
        large ? std::min<std::size_t>(labelOrder.size(), markedCount + kMaxLabelTries)
              : labelOrder.size();
    std::vector<int> own(m_scene.nodes.size(), -1);
    for (std::size_t k = 0; k < obstacles; ++k) {
        const int i = labelOrder[k];
        const double r = m_scene.nodes[std::size_t(i)].radius + 1;
        own[std::size_t(i)] =
            taken.add(QRectF(px[std::size_t(i)] - QPointF(r, r), QSizeF(2 * r, 2 * r)));
    }
    if (m_legend)
        taken.add(legendBox()); // no label under the legend
    // On a small map labels also keep off the relations' lines where they can: the visible
    // relations as segments (a bent one as two, through its apex).
    // Each with its bounding box: most segments lie clear of a candidate's rectangle, and
    // comparing boxes is far cheaper than clipping (the test runs for every candidate place
    // of every label against every segment; clipping was a good part of a small map's frame).
    struct Segment
    {
        QPointF p, q;
        double x0, x1, y0, y1;
        int edge;
    };
    std::vector<Segment> segments;
    if (!large) {
        auto add = [&segments](const QPointF& p, const QPointF& q, int e) {
            segments.push_back({p, q, std::min(p.x(), q.x()), std::max(p.x(), q.x()),
                                std::min(p.y(), q.y()), std::max(p.y(), q.y()), e});
        };
        for (std::size_t e = 0; e < m_scene.edges.size(); ++e) {
            const MapScene::Edge& edge = m_scene.edges[e];
            if (edge.flags & MapScene::EdgeHidden)
                continue;
            const QPointF a = px[std::size_t(edge.from)], b = px[std::size_t(edge.to)];
            const QPointF apex = (a + b) / 2 + unit(QPointF(-(b - a).y(), (b - a).x())) * edge.bend;
            add(a, apex, int(e));
            add(apex, b, int(e));
        }
    }
    auto crossesEdge = [&segments](const QRectF& rect, int except) {
        const double left = rect.left(), right = rect.right(), top = rect.top(),
                     bottom = rect.bottom();
        for (const Segment& s : segments) {
            // A segment whose box lies wholly to one side cannot meet the rectangle (nor
            // would clipSegment find that it does).
            if (s.x1 < left || s.x0 > right || s.y1 < top || s.y0 > bottom || s.edge == except)
                continue;
            QPointF p = s.p, q = s.q;
            if (clipSegment(p, q, rect))
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
    for (std::size_t at = 0; at < labelOrder.size(); ++at) {
        const int i = labelOrder[at];
        const bool mustName = at < markedCount;
        if (!mustName && ++tries > kMaxLabelTries)
            break;
        const MapScene::Node& node = m_scene.nodes[std::size_t(i)];
        if (node.label.isEmpty() || (large && node.radius < 3 && !mustName))
            continue;
        // An emphasised actor's name is bold: measured bold, or its ends are cut off.
        const bool bold = node.flags & MapScene::NodeEmphasised;
        const double w = labelWidth(node.label, bold ? boldFont : m_font) + 6;
        const QPointF c = px[std::size_t(i)];
        // Beside the actor first; on a small map also the corners and, failing those, a step
        // further out with a leader line, so every actor keeps its name where there is room.
        std::vector<QRectF> candidates;
        const bool near = large && !mustName;
        const int rings = near ? 1 : 3;
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
                if (near && candidates.size() == 4)
                    break;
            }
        }
        // A free place that crosses no relation first; failing that, any free place; for an
        // actor that must be named, failing that, a place over other actors but no name.
        std::size_t k = candidates.size();
        for (int pass = 0; pass < (mustName ? 3 : 2) && k == candidates.size(); ++pass)
            for (k = 0; k < candidates.size(); ++k)
                if (clip.contains(candidates[k]) &&
                    (pass == 2 ? !names.collides(candidates[k])
                               : !taken.collides(candidates[k], own[std::size_t(i)])) &&
                    (pass > 0 || !crossesEdge(candidates[k], -1)))
                    break;
        if (k < candidates.size()) {
            const QRectF& rect = candidates[k];
            taken.add(rect);
            names.add(rect);
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
            m_labelRects.push_back(rect);
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
        const double w = labelWidth(e.type, small) + 6;
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
        // Along the edge, first where the label crosses no other relation (on its line or just
        // beside it), then on its line even across others: a label set beside its own line
        // across another one would read as that one's.
        for (int pass = 0; pass < 2 && !found; ++pass) {
            for (double t : {0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8}) {
                for (double off : {0.0, clear, -clear, 2 * clear, -2 * clear}) {
                    if (std::abs(off) > clear && std::abs(off) - clear > 2.5 * lh)
                        continue; // too far from its line to read as its label
                    const QPointF at = pointAt(t) + normal * off;
                    rect = QRectF(at.x() - w / 2, at.y() - lh / 2, w, lh);
                    found = fits(rect) && ((pass == 1 && off == 0.0) || !crossesEdge(rect, index));
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
        m_labelRects.push_back(rect);
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
    const int key = m_scene.colourKey.empty() ? 0 : 1 + int(m_scene.colourKey.size());
    return 4 + 4 + 1 + (m_scene.colourByCommunity ? 1 : 0) + (m_scene.markedUnverified ? 1 : 0) +
           key;
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

quint64 ActorMapLayer::legendKey(qreal dpr) const
{
    // What the legend's picture depends on besides the theme (setTheme drops the image).
    const QRectF clip = clipRect();
    size_t h = qHashMulti(0, dpr, clip.left(), clip.top(), m_scene.colourByCommunity,
                          m_scene.markedUnverified, m_scene.colourTitle);
    for (const auto& [value, colour] : m_scene.colourKey)
        h = qHashMulti(h, value, colour.rgba());
    return quint64(h) | 1; // never 0: no image yet
}

void ActorMapLayer::drawLegend(QCPPainter* painter)
{
    // Into a file (vector, or a scaled export) it is drawn as text and lines; on screen it is
    // stamped from an image drawn once, since laying out its words took a good part of a
    // large map's frame.
    if (!paintsRasterShifted(painter)) {
        drawLegendInto(painter, clipRect());
        return;
    }
    const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    // The image covers the whole pixels the legend lands on with the painter's shift: half a
    // pixel on screen, where the page puts the chart in an export (taking the box's place
    // without the shift cut an exported legend off at the image's edge). Its content depends
    // only on the shift's fraction of a pixel.
    const QPointF shift(painter->transform().dx(), painter->transform().dy());
    const QRectF box = legendBox().adjusted(-2, -2, 2, 2).translated(shift);
    const QPoint origin(int(std::floor(box.left())), int(std::floor(box.top())));
    const QPointF fraction = shift - QPointF(std::floor(shift.x()), std::floor(shift.y()));
    const quint64 key = quint64(qHashMulti(legendKey(dpr), fraction.x(), fraction.y())) | 1;
    if (m_legendCache.key != key || m_legendCache.image.isNull()) {
        const QSize size(int(std::ceil(box.right())) - origin.x() + 1,
                         int(std::ceil(box.bottom())) - origin.y() + 1);
        QImage image(size * dpr, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(dpr);
        image.fill(Qt::transparent);
        QPainter p(&image);
        p.setRenderHints(painter->renderHints());
        // The same sub-pixel place as drawn straight onto the plot.
        p.translate(shift - QPointF(origin));
        drawLegendInto(&p, clipRect());
        p.end();
        m_legendCache = {std::move(image), key};
    }
    painter->drawImage(QPointF(origin) - shift, m_legendCache.image);
}

void ActorMapLayer::drawLegendInto(QPainter* painter, const QRectF& clip)
{
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
        painter->setBrush(m_scene.colourByCommunity || !m_scene.colourKey.empty()
                              ? m_theme.edge
                              : m_theme.categoryColor(k));
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
    if (!m_scene.colourKey.empty()) {
        // Colour by a custom attribute: its name, then a swatch per value.
        painter->setPen(m_theme.text);
        QFont bold = font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->drawText(
            QRectF(x - 8, y - row / 2, width - 16, row), Qt::AlignVCenter,
            QFontMetricsF(bold).elidedText(m_scene.colourTitle, Qt::ElideRight, width - 16));
        painter->setFont(font);
        y += row;
        for (const auto& [value, colour] : m_scene.colourKey) {
            painter->setPen(QPen(m_theme.background, 1));
            painter->setBrush(colour);
            painter->drawEllipse(QPointF(x, y), 5, 5);
            painter->setPen(m_theme.text);
            painter->drawText(QRectF(x + 14, y - row / 2, width - 30, row), Qt::AlignVCenter,
                              fm.elidedText(value, Qt::ElideRight, width - 30));
            y += row;
        }
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
