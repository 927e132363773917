#include "timelinestate.h"

#include <algorithm>
#include <cmath>

#include "story/story.h"

#include <QFontMetricsF>
#include <QPaintEngine>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace chronomap {

namespace {
constexpr qsizetype kMaxCachedTitles = 50000;
} // namespace

int TimelineState::laneAtCoord(double y) const
{
    if (laneEdges.empty())
        return int(std::floor(y));
    if (y < laneEdges.front())
        return -1;
    return int(std::upper_bound(laneEdges.begin(), laneEdges.end(), y) - laneEdges.begin()) - 1;
}

const QStaticText* TimelineState::title(Id id, int& budget)
{
    auto it = titles.constFind(id);
    if (it != titles.cend())
        return &*it;
    if (!oneShot && budget <= 0) {
        titlesMissing = true;
        return nullptr;
    }
    --budget;
    QString title;
    try {
        title = story->store().eventTitle(id);
    } catch (const StoreError&) {
        // A shared story's server out of reach: drawn without it, read when it is back.
        titlesMissing = true;
        return nullptr;
    }
    // The whole title: a long one is wrapped where it is placed (see placeLane).
    QStaticText text(title);
    text.setTextFormat(Qt::PlainText);
    text.setPerformanceHint(QStaticText::AggressiveCaching);
    text.prepare(QTransform(), labelFont);
    if (titles.size() > kMaxCachedTitles)
        titles.clear();
    return &*titles.insert(id, text);
}

const QStaticText& TimelineState::lineText(const QString& text, bool bold)
{
    if (lineTextsFont != labelFont) {
        lineTexts[0].clear();
        lineTexts[1].clear();
        lineTextsFont = labelFont;
    }
    QHash<QString, QStaticText>& cache = lineTexts[bold ? 1 : 0];
    auto it = cache.constFind(text);
    if (it != cache.cend())
        return *it;
    if (cache.size() > kMaxCachedTitles)
        cache.clear();
    QStaticText line(text);
    line.setTextFormat(Qt::PlainText);
    line.setPerformanceHint(QStaticText::AggressiveCaching);
    QFont font = labelFont;
    font.setBold(bold);
    line.prepare(QTransform(), font);
    return *cache.insert(text, line);
}

QColor TimelineState::colorOf(const LaneLayout::Lane& lane, quint32 row) const
{
    // A category lane is drawn in its category's colour; other lanes colour each event by its
    // own category. Always the theme's palette, so print stays grey and dark stays legible.
    if (lane.color.isValid())
        return laneColor(lane);
    return categoryColors.value(story->timeIndex().category()[row], theme.defaultCategory);
}

QColor TimelineState::laneColor(const LaneLayout::Lane& lane) const
{
    if (!lane.color.isValid())
        return theme.defaultCategory;
    return categoryColors.value(lane.key, theme.defaultCategory);
}

void fillGradient(QPainter* painter, const QRectF& rect, const QLinearGradient& gradient)
{
    const QGradientStops stops = gradient.stops();
    const bool translucent = std::any_of(stops.cbegin(), stops.cend(), [](const QGradientStop& s) {
        return s.second.alpha() < 255;
    });
    const QPaintEngine* engine = painter->paintEngine();
    if (!translucent || !engine || engine->type() != QPaintEngine::Pdf || rect.width() <= 0 ||
        stops.isEmpty()) {
        painter->fillRect(rect, gradient);
        return;
    }
    const double x0 = gradient.start().x();
    const double span = gradient.finalStop().x() - x0;
    // The colour at x, with the gradient padded beyond its ends as Qt pads it.
    auto colorAt = [&](double x) {
        const double t = span == 0 ? 0.0 : std::clamp((x - x0) / span, 0.0, 1.0);
        if (t <= stops.first().first)
            return stops.first().second;
        for (qsizetype i = 1; i < stops.size(); ++i) {
            if (t > stops[i].first)
                continue;
            const QGradientStop& a = stops[i - 1];
            const QGradientStop& b = stops[i];
            const double f = b.first > a.first ? (t - a.first) / (b.first - a.first) : 1.0;
            auto mix = [f](double p, double q) { return p + (q - p) * f; };
            return QColor::fromRgbF(float(mix(a.second.redF(), b.second.redF())),
                                    float(mix(a.second.greenF(), b.second.greenF())),
                                    float(mix(a.second.blueF(), b.second.blueF())),
                                    float(mix(a.second.alphaF(), b.second.alphaF())));
        }
        return stops.last().second;
    };
    // Between stops the colour either holds (one plain rectangle) or changes (strips about a
    // point wide, each the colour at its middle).
    std::vector<double> edges{rect.left(), rect.right()};
    for (const QGradientStop& stop : stops) {
        const double x = x0 + stop.first * span;
        if (x > rect.left() && x < rect.right())
            edges.push_back(x);
    }
    std::sort(edges.begin(), edges.end());
    for (std::size_t i = 1; i < edges.size(); ++i) {
        const double a = edges[i - 1], b = edges[i];
        if (b - a <= 0)
            continue;
        if (colorAt(a) == colorAt(b)) {
            painter->fillRect(QRectF(a, rect.top(), b - a, rect.height()), colorAt((a + b) / 2));
            continue;
        }
        const int strips = std::clamp(int(std::ceil(b - a)), 1, 64);
        const double w = (b - a) / strips;
        for (int k = 0; k < strips; ++k)
            painter->fillRect(QRectF(a + k * w, rect.top(), w, rect.height()),
                              colorAt(a + (k + 0.5) * w));
    }
}

} // namespace chronomap
