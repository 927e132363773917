#pragma once

#include <qcustomplot.h>

namespace chronomap {

struct TimelineState;

// The one plottable that draws a story's events, straight from the in-memory time index:
// lane bands, eras, then either per-lane density (zoomed out: events per pixel column, found
// by binary search in each lane's sorted columns) or boxes and labels (zoomed in: placed in
// sub-rows so no two labels overlap; a label that does not fit is left out), and the line for
// today. No QCP item per event. Fills the state's "last frame" for hit testing.
class EventsPlottable final : public QCPAbstractPlottable
{
    Q_OBJECT

public:
    EventsPlottable(TimelineState* state, QCPAxis* keyAxis, QCPAxis* valueAxis);

    double selectTest(const QPointF& pos, bool onlySelectable,
                      QVariant* details = nullptr) const override;
    QCPRange getKeyRange(bool& foundRange,
                         QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange& inKeyRange = QCPRange()) const override;

protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

private:
    void drawLanes(QCPPainter* painter, int first, int last);
    void drawEras(QCPPainter* painter, bool titles);
    void drawDensity(QCPPainter* painter, int first, int last);
    void hatchUnverifiedColumns(QCPPainter* painter, int position, const QRectF& band);
    void drawDetail(QCPPainter* painter, int first, int last);
    void drawToday(QCPPainter* painter, bool withLabel); // its line, or its label
    double px(qint64 t) const;
    double laneTop(int position) const;

    TimelineState* m_state;
};

} // namespace chronomap
