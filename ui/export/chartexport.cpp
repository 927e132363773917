#include "chartexport.h"

#include "actormap/actormapview.h"
#include "query/selection.h"
#include "story/story.h"
#include "timeline/timelineview.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

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

void writePlot(QCustomPlot& plot, const QString& output, QSize size, double scale)
{
    const QString suffix = QFileInfo(output).suffix().toLower();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (suffix == QLatin1String("png") || suffix == QLatin1String("jpg") ||
        suffix == QLatin1String("jpeg")) {
        // A QImage has device pixel ratio 1 whatever QT_SCALE_FACTOR says: the file gets
        // exactly the pixels asked for.
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white); // the plot paints its own background brush over this
        paintPlot(plot, image, size, scale);
        if (suffix != QLatin1String("png"))
            image = image.convertToFormat(QImage::Format_RGB32);
        QImageWriter writer(&buffer, suffix == QLatin1String("png") ? "png" : "jpg");
        if (suffix != QLatin1String("png"))
            writer.setQuality(92);
        if (!writer.write(image))
            throw StoreError(QStringLiteral("%1: could not encode the image: %2")
                                 .arg(output, writer.errorString()));
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setResolution(96);
        svg.setTitle(plot.windowTitle());
        svg.setDescription(QStringLiteral("Made with Chronomap"));
        paintPlot(plot, svg, size, scale);
    } else if (suffix == QLatin1String("pdf")) {
        QPdfWriter pdf(&buffer);
        pdf.setCreator(QStringLiteral("Chronomap"));
        pdf.setTitle(plot.windowTitle());
        // One pixel is one point: the page has the requested size, and text stays vector.
        pdf.setResolution(72);
        pdf.setPageLayout(QPageLayout(QPageSize(QSizeF(size), QPageSize::Point, QString(),
                                                QPageSize::ExactMatch),
                                      QPageLayout::Portrait, QMarginsF()));
        paintPlot(plot, pdf, size, scale);
    } else {
        throw StoreError(QStringLiteral("%1: unknown image format \"%2\"; use .png, .jpg, .svg "
                                        "or .pdf")
                             .arg(output, suffix));
    }
    buffer.close();

    QSaveFile file(output);
    if (!file.open(QIODevice::WriteOnly))
        throw StoreError(QStringLiteral("%1: cannot write here: %2; nothing was changed")
                             .arg(output, file.errorString()));
    if (file.write(bytes) != bytes.size() || !file.commit())
        throw StoreError(QStringLiteral("%1: writing failed: %2; the old file is unchanged")
                             .arg(output, file.errorString()));
}

void exportChart(Story& story, const ExportRequest& request)
{
    const QString suffix = QFileInfo(request.output).suffix().toLower();
    static const QStringList formats = {QStringLiteral("png"), QStringLiteral("jpg"),
                                        QStringLiteral("jpeg"), QStringLiteral("svg"),
                                        QStringLiteral("pdf")};
    if (!formats.contains(suffix))
        throw StoreError(QStringLiteral("%1: unknown image format \"%2\"; use .png, .jpg, .svg or "
                                        ".pdf")
                             .arg(request.output, suffix));
    if (request.view != QLatin1String("timeline") && request.view != QLatin1String("actors"))
        throw StoreError(QStringLiteral("unknown view \"%1\"; use --view timeline or --view actors")
                             .arg(request.view));

    // The same widgets as the window, never shown: laid out at the requested size.
    Selection selection;
    const TimeIndex& index = story.timeIndex();
    const qint64 from = request.from.value_or(index.empty() ? 0 : index.minTime());
    const qint64 to = request.to.value_or(index.empty() ? 86400 : index.maxTime());
    selection.setTimeWindow(from, to);
    const QSize logical(qMax(1, qRound(request.size.width() / request.scale)),
                        qMax(1, qRound(request.size.height() / request.scale)));
    if (request.view == QLatin1String("timeline")) {
        TimelineView view(&story, &selection);
        view.setExportMode(true);
        view.resize(logical);
        view.plot()->resize(logical);
        if (request.from || request.to)
            view.setWindow(from, to);
        else
            view.fitStory(); // the whole story with a margin, as the window opens
        writePlot(*view.plot(), request.output, request.size, request.scale);
    } else {
        ActorMapView view(&story, &selection);
        view.resize(logical);
        view.plot()->resize(logical);
        // The layout on this thread, shown at once: the same story and window always give
        // the same picture, so two exports are the same file.
        view.setAnimated(false);
        view.layoutNow();
        view.fitMap();
        writePlot(*view.plot(), request.output, request.size, request.scale);
    }
}

} // namespace chronomap
