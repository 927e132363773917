#pragma once

#include <QPaintDevice>
#include <QPointF>
#include <QRectF>

#include <memory>

namespace chronomap {

class GeometryClipEngine;

// Shortens the segment a–b to the part inside `r`; false if nothing of it is inside. Also
// used by the actor map, so an edge running far off screen is not stroked along its length.
bool clipSegment(QPointF& a, QPointF& b, const QRectF& r);

// A paint device that draws onto another one with every clip applied to the geometry itself:
// shapes are cut at the clip rectangle, lines shortened, images cropped, and text that would
// cross the clip left out. Qt 6.4's QSvgGenerator ignores clipping (viewers would show
// everything a chart draws past its frame); painting the SVG through this device makes the
// file hold only what is inside. Rectangular clips only, which is what the charts set.
class GeometryClipDevice final : public QPaintDevice
{
public:
    explicit GeometryClipDevice(QPaintDevice* target);
    ~GeometryClipDevice() override;

    QPaintEngine* paintEngine() const override;

protected:
    int metric(PaintDeviceMetric metric) const override;

private:
    QPaintDevice* m_target;
    std::unique_ptr<GeometryClipEngine> m_engine;
};

} // namespace chronomap
