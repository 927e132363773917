#include "chartexport.h"

#include "chartcomposer.h"
#include "geometryclip.h"
#include "pngencoder.h"
#include "story/story.h"
#include "text/storytext.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSvgGenerator>

#include <functional>

#include <qcustomplot.h>

namespace chronomap {

namespace {

// Draws the plot onto any paint device at `size` device pixels, laid out as if it were
// size/scale logical pixels (so --scale 2 gives larger type and lines, not a larger canvas).
void paintPlot(QCustomPlot& plot, QPaintDevice& device, QSize size, double scale)
{
    QCPPainter painter(&device);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const int w = qMax(1, qRound(size.width() / scale));
    const int h = qMax(1, qRound(size.height() / scale));
    painter.scale(scale, scale);
    plot.toPainter(&painter, w, h);
}

} // namespace

namespace {

// Writes bytes whole or not at all: the old file stays as it was unless all of it is written,
// and a failure says why (files/filesafety.h).
void saveBytes(const QString& output, const QByteArray& bytes)
{
    writeFileAtomically(output, bytes);
}

// QSvgGenerator gives the document's size in millimetres (1200 px becomes 317.5mm), which
// viewers turn back into pixels with rounding (rsvg-convert made 1200×675 into 1200×676):
// the root element gets the exact pixel size instead; the viewBox already has it.
QByteArray svgInPixels(QByteArray svg, QSize size)
{
    const qsizetype open = svg.indexOf("<svg");
    const qsizetype close = open < 0 ? -1 : svg.indexOf('>', open);
    if (close < 0)
        return svg;
    QByteArray root = svg.mid(open, close - open);
    static const QRegularExpression width(QStringLiteral("\\swidth=\"[^\"]*\""));
    static const QRegularExpression height(QStringLiteral("\\sheight=\"[^\"]*\""));
    QString text = QString::fromUtf8(root);
    text.replace(width, QStringLiteral(" width=\"%1\"").arg(size.width()));
    text.replace(height, QStringLiteral(" height=\"%1\"").arg(size.height()));
    svg.replace(open, close - open, text.toUtf8());
    return svg;
}

QString suffixOf(const QString& output)
{
    return QFileInfo(output).suffix().toLower();
}

// Encodes what `paint` draws in the format the file name asks for, at exactly `size`.
// `paint` is given the device and the size in device pixels; SVG goes through a device that
// clips geometry itself, since QSvgGenerator ignores clipping.
QByteArray render(const QString& output, QSize size, const QString& title, const QColor& fill,
                  const std::function<void(QPaintDevice&, QSize)>& paint)
{
    const QString suffix = suffixOf(output);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (suffix == QLatin1String("png") || suffix == QLatin1String("jpg") ||
        suffix == QLatin1String("jpeg")) {
        // A QImage has device pixel ratio 1 whatever QT_SCALE_FACTOR says: the file gets
        // exactly the pixels asked for.
        // The page is opaque: painting on RGB32 and writing RGB (not RGBA) makes the 4K PNG
        // a quarter less data to compress.
        QImage image(size, fill.alpha() == 255 ? QImage::Format_RGB32
                                               : QImage::Format_ARGB32_Premultiplied);
        image.fill(fill);
        paint(image, size);
        if (suffix != QLatin1String("png"))
            image = image.convertToFormat(QImage::Format_RGB32);
        else if (QByteArray png = encodeOpaquePng(image); !png.isEmpty())
            return png; // as Qt's plugin would write it, in half the time (pngencoder.h)
        QImageWriter writer(&buffer, suffix == QLatin1String("png") ? "png" : "jpg");
        if (suffix != QLatin1String("png"))
            writer.setQuality(92);
        else
            writer.setCompression(20); // Qt maps 0..100 to zlib 0..9: level 1, fast and small
        if (!writer.write(image))
            throw StoreError(QStringLiteral("%1: could not encode the image: %2")
                                 .arg(output, writer.errorString()));
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setResolution(96);
        // QSvgGenerator writes the title into <title> as it is (Qt 6.4): a story title could put
        // live markup into a published SVG. Escaped (text/storytext.h).
        svg.setTitle(escapedHtml(title));
        svg.setDescription(QStringLiteral("Made with Chronomap"));
        GeometryClipDevice clipped(&svg);
        paint(clipped, size); // the painter has ended: the document is whole
        buffer.close();
        bytes = svgInPixels(bytes, size);
        return bytes;
    } else if (suffix == QLatin1String("pdf")) {
        QPdfWriter pdf(&buffer);
        pdf.setCreator(QStringLiteral("Chronomap"));
        pdf.setTitle(title);
        setupPdfPage(pdf, size);
        paint(pdf, size);
    } else {
        throw StoreError(QStringLiteral("%1: unknown image format \"%2\"; use .png, .jpg, .svg "
                                        "or .pdf")
                             .arg(output, suffix));
    }
    buffer.close();
    return bytes;
}

} // namespace

void writePlot(QCustomPlot& plot, const QString& output, QSize size, double scale)
{
    checkWriteTarget(output, {}, fileKindOfImage(output)); // never a story or a foreign file
    saveBytes(output,
              render(output, size, plot.windowTitle(), Qt::white,
                     [&](QPaintDevice& device, QSize s) { paintPlot(plot, device, s, scale); }));
}

void setupPdfPage(QPdfWriter& pdf, QSize size)
{
    // At 96 dpi, as a browser shows pixels: 1920×1080 is a 20×11.25 inch page, and A4 at 96
    // dpi (794×1123) is an A4 page. Text stays vector.
    constexpr int kPdfDpi = 96;
    pdf.setResolution(kPdfDpi);
    const QSizeF page = QSizeF(size) * 72.0 / kPdfDpi;
    // Within a point or two of a paper size (A4, Letter), the page is that paper.
    const bool landscape = page.width() > page.height();
    const QPageSize pageSize(landscape ? page.transposed() : page, QPageSize::Point, QString(),
                             QPageSize::FuzzyMatch);
    pdf.setPageLayout(QPageLayout(
        pageSize, landscape ? QPageLayout::Landscape : QPageLayout::Portrait, QMarginsF()));
}

bool isExportFormat(const QString& output)
{
    static const QStringList formats = {QStringLiteral("png"), QStringLiteral("jpg"),
                                        QStringLiteral("jpeg"), QStringLiteral("svg"),
                                        QStringLiteral("pdf")};
    return formats.contains(suffixOf(output));
}

double autoExportScale(QSize size)
{
    // Landscape, as a screen shows it: 1 up to 1920×1080, 2 at 3840×2160. Portrait, as a
    // phone shows it: some 430 CSS pixels across whatever its pixels (2.5 at 1080×1920).
    if (size.height() > size.width())
        return std::max(1.0, size.width() / 432.0);
    return std::max(1.0, std::min(size.width() / 1920.0, size.height() / 1080.0));
}

QString exportChart(Story& story, const ExportRequest& request)
{
    if (!isExportFormat(request.output))
        throw StoreError(QStringLiteral("%1: unknown image format \"%2\"; use .png, .jpg, .svg or "
                                        ".pdf")
                             .arg(request.output, suffixOf(request.output)));
    if (request.size.width() < 1 || request.size.height() < 1)
        throw StoreError(
            QStringLiteral("%1: the size must be at least 1×1 pixels").arg(request.output));
    // Never the story, its -wal/-shm, a database or a foreign file (files/filesafety.h).
    checkWriteTarget(request.output, story.path(), fileKindOfImage(request.output),
                     request.replaceForeign);
    // The same widgets as the window, never shown, composed with the title block.
    ChartComposer composer(story, request);
    saveBytes(request.output, encodeChart(composer, request.output, request.size));
    return composer.footer();
}

QByteArray encodeChart(ChartComposer& composer, const QString& output, QSize size)
{
    return render(output, size, composer.documentTitle(), composer.theme().background,
                  [&](QPaintDevice& device, QSize s) { composer.paint(device, s); });
}

} // namespace chronomap
