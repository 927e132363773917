#pragma once

#include <QByteArray>

class QImage;

namespace chronomap {

// A PNG of an opaque chart image, written here rather than by Qt's PNG plugin: that plugin
// leaves libpng to try every row filter on every row, which costs more than the deflate
// itself on a 3840×2160 chart (mostly flat colour, where the plain rows compress as well).
// Rows are stored unfiltered as 8-bit RGB and deflated at zlib level 1, with the image's
// resolution (pHYs) as Qt writes it. Lossless: the file decodes to exactly the image's pixels.
// Returns an empty array for an image that is not opaque RGB32 or carries text keys (callers
// use QImageWriter then).
QByteArray encodeOpaquePng(const QImage& image);

} // namespace chronomap
