#pragma once

#include "model/entities.h"

#include <QColor>
#include <QImage>
#include <QLineF>
#include <QRectF>

#include <vector>

namespace chronomap {

// Everything needed to draw a large map's body (its relations and actors) into an image,
// copied out of the scene on the GUI thread so that the drawing itself can run on another
// thread: at 100k actors and 300k relations it takes most of a second, which must not freeze
// the window.
struct BodySnapshot
{
    QRectF area; // widget pixels the image covers
    qreal dpr = 1;
    double ax = 0, bx = 0, ay = 0, by = 0; // layout coordinate -> widget pixel, when taken
    quint64 revision = 0;                  // the scene revision it shows

    struct Lines
    {
        QColor colour;
        std::vector<QLineF> lines;
    };
    std::vector<Lines> edges; // drawn in this order: one pixel, no antialiasing

    struct Node
    {
        QPointF centre;
        int radius = 1;
        QRgb fill = 0;
        ActorKind kind = ActorKind::Person;
        bool strong = false; // emphasised: a dark, thicker outline
    };
    std::vector<Node> nodes; // back to front
    QColor outline, strongOutline;
    // Valid: the image is opaque, filled with it (the window's cache, which is blitted as a
    // plain copy); invalid: transparent (a vector file's body, drawn over its background).
    QColor background;
    double lineScale = 1;
};

// Draws the snapshot into a transparent image of `area` at `dpr`. Touches nothing shared:
// safe on any thread.
QImage renderBody(const BodySnapshot& snapshot);

} // namespace chronomap
