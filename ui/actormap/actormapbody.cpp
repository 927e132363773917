#include "actormapbody.h"

#include "actormaplayer.h"

#include <QHash>
#include <QPainter>

#include <cmath>

namespace chronomap {

QImage renderBody(const BodySnapshot& s)
{
    QImage image((s.area.size() * s.dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(s.dpr);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.translate(-s.area.topLeft());

    // At this scale relations are texture, not lines: thin, opaque, without antialiasing.
    p.setRenderHint(QPainter::Antialiasing, false);
    for (const BodySnapshot::Lines& batch : s.edges) {
        p.setPen(QPen(batch.colour, 0));
        p.drawLines(batch.lines.data(), int(batch.lines.size()));
    }

    // Actors as stamps: one small image per shape, size and colour, drawn once.
    QHash<quint64, QImage> stamps;
    auto stamp = [&](const BodySnapshot::Node& n) -> const QImage& {
        const quint64 key = (quint64(n.fill) << 24) | (quint64(n.radius & 0xffff) << 8) |
                            (quint64(n.kind) << 1) | (n.strong ? 1 : 0);
        auto it = stamps.find(key);
        if (it != stamps.end())
            return *it;
        const int size = 2 * n.radius + 6;
        QImage img(QSize(size, size) * s.dpr, QImage::Format_ARGB32_Premultiplied);
        img.setDevicePixelRatio(s.dpr);
        img.fill(Qt::transparent);
        QPainter sp(&img);
        sp.setRenderHint(QPainter::Antialiasing);
        sp.setPen(
            QPen(n.strong ? s.strongOutline : s.outline, (n.strong ? 2.0 : 0.8) * s.lineScale));
        sp.setBrush(QColor::fromRgba(n.fill));
        sp.drawPath(nodeShape(n.kind, QPointF(size / 2.0, size / 2.0), n.radius));
        sp.end();
        return *stamps.insert(key, img);
    };
    for (const BodySnapshot::Node& n : s.nodes) {
        const QImage& img = stamp(n);
        const QSizeF half = img.deviceIndependentSize() / 2;
        p.drawImage(QPointF(n.centre.x() - half.width(), n.centre.y() - half.height()), img);
    }
    p.end();
    return image;
}

} // namespace chronomap
