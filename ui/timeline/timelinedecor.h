#pragma once

#include <qcustomplot.h>

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

    TimelineState* m_state;
    QCPAxis* m_mainAxis;
    QImage m_image; // the story's density and eras, drawn once per size or change
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

// The key to the marks, one line under the overview: how uncertainty and verification look.
class TimelineLegend final : public QCPLayoutElement
{
    Q_OBJECT

public:
    TimelineLegend(TimelineState* state, QCustomPlot* plot);
    // The strip's height: 0 hides the legend (export without legend), the rest follows the
    // theme's type size.
    void setHeight(int height);

protected:
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override;
    void draw(QCPPainter* painter) override;

private:
    TimelineState* m_state;
};

} // namespace chronomap
