#include "mapdrawing.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace chronomap::mapdraw {

QPointF unit(const QPointF& v)
{
    const double len = std::hypot(v.x(), v.y());
    return len > 1e-9 ? v / len : QPointF(1, 0);
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

} // namespace chronomap::mapdraw
