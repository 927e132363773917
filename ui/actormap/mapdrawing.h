#pragma once

#include "actormaplayer.h"
#include "export/geometryclip.h"

#include <QColor>
#include <QLineF>
#include <QPen>
#include <QRectF>

#include <cmath>
#include <map>
#include <vector>

// Drawing helpers shared by the actor map's files (actormaplayer.cpp, actormapbody.cpp,
// actormaplabels.cpp); not for use outside ui/actormap. (Segments are clipped with
// clipSegment from export/geometryclip.h.)
namespace chronomap::mapdraw {

// The unit vector along `v` (along x for a zero vector).
QPointF unit(const QPointF& v);
// The median over (a sample of at most 2000) points of the distance to the nearest other
// point. 0 for fewer than 2.
double medianNearestNeighbour(const std::vector<QPointF>& pts);
QColor withAlpha(QColor c, int alpha);
// A relation's colour by how far it has been checked, in the theme's inks.
QColor statusInk(const ChartTheme& theme, Verification status);
// `c` carried `amount` of the way towards `towards`, opaque.
QColor mix(const QColor& c, const QColor& towards, double amount);
// The pen a relation is stroked with: status colour and dashes, width by weight and state.
QPen edgePen(Verification status, double width, quint8 flags, const ChartTheme& theme);

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

} // namespace chronomap::mapdraw
