#pragma once

#include <qcustomplot.h>

#include <vector>

namespace chronomap {

struct TimelineState;

// The overview strip under the chart: the whole story's density, the eras and the current
// window as a rectangle (the view lets the user drag, resize or brush it).
class OverviewPlottable final : public QCPAbstractPlottable
{
    Q_OBJECT

public:
    OverviewPlottable(TimelineState* state, QCPAxis* keyAxis, QCPAxis* valueAxis,
                      QCPAxis* mainAxis);

    double selectTest(const QPointF&, bool, QVariant* = nullptr) const override { return -1; }
    QCPRange getKeyRange(bool& foundRange, QCP::SignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain = QCP::sdBoth,
                           const QCPRange& = QCPRange()) const override;
    // The window rectangle in widget pixels, as last drawn.
    QRectF windowRect() const { return m_windowRect; }

protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter*, const QRectF&) const override {}

private:
    void rebuild(const QRect& rect);
    // The eras and the density outline, in the strip's own coordinates (0,0 at its corner).
    void paintStrip(QPainter* painter, QSize size) const;

    TimelineState* m_state;
    QCPAxis* m_mainAxis;
    QImage m_image;   // the story's density and eras, drawn once per size or change
    QPolygonF m_area; // the density outline the image was drawn from
    QRect m_cachedRect;
    QCPRange m_cachedRange;
    int m_cachedGeneration = -1;
    QRectF m_windowRect;
};

// Hover and selection marks, on their own buffered layer: moving the mouse redraws this layer
// only, never the events under it.
class TimelineOverlay final : public QCPLayerable
{
    Q_OBJECT

public:
    TimelineOverlay(TimelineState* state, QCustomPlot* plot, const QString& layer);

protected:
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override;
    void draw(QCPPainter* painter) override;

private:
    TimelineState* m_state;
};

// The key to the marks under the overview: how uncertainty and verification look. It wraps
// onto as many rows as the chart's width needs.
class TimelineLegend final : public QCPLayoutElement
{
    Q_OBJECT

public:
    TimelineLegend(TimelineState* state, QCustomPlot* plot);
    // The height of one row: 0 hides the legend (export without legend), the rest follows
    // the theme's type size.
    void setHeight(int height);
    // Rows the legend takes at the plot's present width.
    int rows() const;

    QSize minimumOuterSizeHint() const override;
    QSize maximumOuterSizeHint() const override;

protected:
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override;
    void draw(QCPPainter* painter) override;

private:
    enum class Swatch
    {
        Density,
        Box,
        SoftBox,
        Whiskers,
        Uncertain,
        Draft,
        Cleared,
        Disputed,
        Hatched
    };
    struct Item
    {
        Swatch kind;
        double swatch; // width of the mark before the text
        QString text;
    };
    QFont font() const;
    std::vector<Item> items() const;
    // Where each item goes for `width`: x from the left, y the row.
    std::vector<QPointF> flow(const std::vector<Item>& list, double width) const;

    TimelineState* m_state;
    int m_rowHeight = 24;
    // The items' advances in font(), measured once (the layout asks for the rows every frame).
    mutable QFont m_measuredFont;
    mutable QHash<QString, double> m_advances;
};

} // namespace chronomap
