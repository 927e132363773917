#include "pngencoder.h"

#include <QImage>
#include <QtEndian>

#include <array>
#include <cstring>

namespace chronomap {

namespace {

// The CRC-32 that PNG chunks end with (ISO 3309, reflected polynomial 0xEDB88320).
constexpr std::array<quint32, 256> crcTable()
{
    std::array<quint32, 256> table{};
    for (quint32 n = 0; n < 256; ++n) {
        quint32 c = n;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
    return table;
}

constexpr std::array<quint32, 256> kCrcTable = crcTable();

quint32 crc32(quint32 crc, const char* data, qsizetype size)
{
    for (qsizetype i = 0; i < size; ++i)
        crc = kCrcTable[(crc ^ quint8(data[i])) & 0xff] ^ (crc >> 8);
    return crc;
}

void appendBigEndian(QByteArray& out, quint32 value)
{
    const quint32 be = qToBigEndian(value);
    out.append(reinterpret_cast<const char*>(&be), 4);
}

// length, type, data, CRC of type and data
void appendChunk(QByteArray& out, const char type[4], const char* data, qsizetype size)
{
    appendBigEndian(out, quint32(size));
    const qsizetype start = out.size();
    out.append(type, 4);
    out.append(data, size);
    appendBigEndian(out, ~crc32(0xffffffffu, out.constData() + start, size + 4));
}

} // namespace

QByteArray encodeOpaquePng(const QImage& image)
{
    if (image.format() != QImage::Format_RGB32 || image.isNull() || !image.textKeys().isEmpty())
        return {};
    const int w = image.width(), h = image.height();
    const qsizetype rowBytes = 1 + qsizetype(w) * 3;

    // Filter type 0 (None) then R, G, B per pixel, row after row.
    QByteArray raw(rowBytes * h, Qt::Uninitialized);
    for (int y = 0; y < h; ++y) {
        auto* out = reinterpret_cast<uchar*>(raw.data()) + rowBytes * y;
        *out++ = 0;
        const auto* in = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        for (int x = 0; x < w; ++x) {
            const QRgb p = in[x];
            out[0] = uchar(p >> 16);
            out[1] = uchar(p >> 8);
            out[2] = uchar(p);
            out += 3;
        }
    }
    // qCompress writes the length in 4 bytes, then the zlib stream PNG wants.
    const QByteArray compressed = qCompress(raw, 1);
    raw.clear();
    if (compressed.size() <= 4)
        return {};

    QByteArray png;
    png.reserve(compressed.size() + 128);
    png.append("\x89PNG\r\n\x1a\n", 8);
    char header[13];
    qToBigEndian(quint32(w), header);
    qToBigEndian(quint32(h), header + 4);
    header[8] = 8;  // bits per sample
    header[9] = 2;  // colour type: RGB
    header[10] = 0; // deflate
    header[11] = 0; // adaptive filtering (each row names its filter)
    header[12] = 0; // not interlaced
    appendChunk(png, "IHDR", header, sizeof header);
    if (image.dotsPerMeterX() > 0 && image.dotsPerMeterY() > 0) {
        char phys[9];
        qToBigEndian(quint32(image.dotsPerMeterX()), phys);
        qToBigEndian(quint32(image.dotsPerMeterY()), phys + 4);
        phys[8] = 1; // per metre
        appendChunk(png, "pHYs", phys, sizeof phys);
    }
    appendChunk(png, "IDAT", compressed.constData() + 4, compressed.size() - 4);
    appendChunk(png, "IEND", nullptr, 0);
    return png;
}

} // namespace chronomap
