#pragma once

#include "chartexport.h"
#include "query/selection.h"
#include "theme/charttheme.h"

#include <QSize>
#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>

class QCPPainter;
class QCustomPlot;
class QImage;
class QPaintDevice;

namespace chronomap {

class ActorMapChart;
class Story;
class TimelineChart;

// Lays out and draws a finished chart for publication on any paint device (image, SVG, PDF,
// printer, the export dialog's preview): title, subtitle, the chart itself (or both charts,
// for a scene that shows both) drawn by the same code as the window, caption, a sources line
// built from the citations of what is visible, the credit line and, for publish-safe export,
// a footer saying what was left out or marked.
// Nothing selected or hovered is drawn. One composer can paint many times (the preview at
// reduced size, then the file): the chart is laid out afresh for each size.
class ChartComposer
{
public:
    // Builds the chart headless. Throws StoreError for an unknown view or theme.
    ChartComposer(Story& story, const ExportRequest& request);
    ~ChartComposer();
    ChartComposer(const ChartComposer&) = delete;
    ChartComposer& operator=(const ChartComposer&) = delete;

    // Draws the whole composition onto `device`, which covers `size` device pixels (points
    // for PDF). The request's scale makes type and lines larger, not the canvas.
    void paint(QPaintDevice& device, QSize size);
    // The same with a painter already active on its device (a page of a multi-page PDF);
    // the painter's state is left as it was.
    void paint(QCPPainter& painter, QSize size);
    // The composition as an image of exactly `size` pixels.
    QImage image(QSize size);
    // Takes the request's title block and scale without rebuilding the chart (the export
    // dialog retypes a title far more often than it changes the chart).
    void setText(const ExportRequest& request);

    const ChartTheme& theme() const { return m_theme; }
    // "Sources: ..." (empty when nothing visible cites a source or the line is off).
    QString sourcesLine() const { return m_sources; }
    // What publish-safe export left out or marked (empty if nothing).
    QString footer() const { return m_footer; }
    // The title, or a description of the chart when there is none (for file metadata).
    QString documentTitle() const;
    // The chart's plot (the timeline's when both are drawn).
    QCustomPlot* plot() const;
    // The events the timeline chart draws (its window, the filters, publish-safe), for the
    // tests that hold every surface to the one filter.
    const QSet<Id>& shownEvents() const { return m_shownEvents; }
    // The timeline chart (null when only the map is drawn): for tests and the bench.
    TimelineChart* timelineChart() const { return m_timeline.get(); }
    // The actor map chart (null when only the timeline is drawn).
    ActorMapChart* actorMapChart() const { return m_actorMap.get(); }

private:
    QSet<Id> m_shownEvents;
    // What one chart shows: how many entries are not cleared, and the sources cited by
    // what is drawn (source id to number of citations).
    struct Collected
    {
        int notCleared = 0;
        bool tooManyToMark = false; // a large map: relations drawn without labels or marks
        QHash<qint64, int> citedBy;
    };
    Collected prepareTimeline(const Selection::Filter& base);
    Collected prepareActorMap(const Selection::Filter& base);
    Collected collectTimeline(const Selection::Filter& base);
    Collected collectActorMap();
    void describe(const Collected& events, const Collected& relations);
    void buildSourcesLine(const QHash<qint64, int>& citedBy);
    void layoutTimeline(QSize logical);
    void drawTimeline(QCPPainter& painter, const QRectF& rect);
    void drawActorMap(QCPPainter& painter, const QRectF& rect);

    Story& m_story;
    ExportRequest m_request;
    ChartTheme m_theme;
    Selection m_selection;
    qint64 m_from = 0, m_to = 0;
    bool m_fitWhole = false;
    std::unique_ptr<TimelineChart> m_timeline;
    std::unique_ptr<ActorMapChart> m_actorMap;
    std::pair<QSet<Id>, QSet<Id>> m_highlight; // events and actors (request.highlight)
    QString m_sources;
    QString m_footer;
    QHash<QString, QStringList> m_wrapped; // the title block's lines, see block()
};

} // namespace chronomap
