#pragma once

#include <QSize>
#include <QString>

#include <optional>

class QCustomPlot;

namespace chronomap {

class Story;

// What to export: a chart of a story, its window and look, and where to write it.
struct ExportRequest
{
    QString output;            // .png .jpg .jpeg .svg .pdf
    QString view = QStringLiteral("timeline"); // "timeline" or "actors"
    QSize size{1920, 1080};    // exact pixel size of the output (points for PDF)
    double scale = 1.0;        // type and line scale
    std::optional<qint64> from, to;
    QString theme = QStringLiteral("light");
    QString title;
    QString scene;
};

// Renders the requested chart headless with the same drawing code as the window and writes
// it through QSaveFile, so a failed export leaves any old file as it was.
// Throws StoreError with a message naming the file.
void exportChart(Story& story, const ExportRequest& request);

// Writes a chart that is already set up (the window's or a headless one) at exactly
// `size` pixels. Used by exportChart and by the window's export.
void writePlot(QCustomPlot& plot, const QString& output, QSize size, double scale);

} // namespace chronomap
