#pragma once

#include "query/eventfilter.h"
#include "query/lanes.h"

#include <QSize>
#include <QString>

#include <optional>

class QCustomPlot;
class QPdfWriter;

namespace chronomap {

class ChartComposer;
class Selection;
class Story;

// What to export: a chart of a story, its window and look, and where to write it.
struct ExportRequest
{
    QString output;                            // .png .jpg .jpeg .svg .pdf
    QString view = QStringLiteral("timeline"); // "timeline", "actors" or "both" (scenes)
    QSize size{1920, 1080};                    // exact pixel size of the output (points for PDF)
    double scale = 1.0;                        // type and line scale
    std::optional<qint64> from, to;
    QString theme = QStringLiteral("light"); // a ChartTheme name
    QString title, subtitle, caption, credit;
    bool sourcesLine = true; // "Sources: ..." built from the citations of what is visible
    bool legend = true;
    // Entries not cleared for publication: marked (default: a working story is mostly not
    // cleared yet, and a chart that silently drops most of it misleads whoever presents it),
    // left out, or shown as they are.
    enum class PublishSafe
    {
        Omit,
        Mark,
        Off
    };
    PublishSafe publishSafe = PublishSafe::Mark;
    QString scene; // a saved scene's name (resolved by the caller, see scenes)
    // Draw the state's highlight (the rest dimmed): a scene's highlight is its story point, a
    // window's what the user picked (the window's exports draw it, as the window shows it).
    bool highlight = false;
    // The window's filters, selection and highlight to draw with, or none (the whole story,
    // nothing selected). Not owned; only read during the export.
    const Selection* state = nullptr;
    // The filters when there is no window state (the command line's --actor, --tag, ...).
    FilterSpec filter;
    // The timeline's lanes as the window shows them (none: by category).
    std::optional<LaneMode> laneMode;
    // Replace an existing file of another kind (the command line's --force); never a story.
    bool replaceForeign = false;
};

// Renders the requested chart headless with the same drawing code as the window and writes
// it through QSaveFile, so a failed export leaves any old file as it was.
// Throws StoreError with a message naming the file. Returns what publish-safe export left out
// or marked (the footer's words), or an empty string.
QString exportChart(Story& story, const ExportRequest& request);

// The scale that keeps type readable at `size`: 1 up to 1920×1080, 2 at 3840×2160, and
// for a portrait (phone) picture as if it were some 430 pixels wide (2.5 at 1080×1920).
double autoExportScale(QSize size);

// The file's bytes for a composed chart, in the format `output`'s suffix names (nothing is
// written). For the bench and the scenes deck.
QByteArray encodeChart(ChartComposer& composer, const QString& output, QSize size);

// Sets a PDF's page for a chart of `size` pixels: 96 pixels to the inch, as on a screen, and
// a paper size (A4, Letter) when the size is one at 96 dpi.
void setupPdfPage(QPdfWriter& pdf, QSize size);

// True for the file names exportChart can write (.png .jpg .jpeg .svg .pdf).
bool isExportFormat(const QString& output);

// Writes a chart that is already set up (the window's or a headless one) at exactly
// `size` pixels. Used by exportChart and by the window's export.
void writePlot(QCustomPlot& plot, const QString& output, QSize size, double scale);

} // namespace chronomap
