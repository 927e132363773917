#include "timelineview.h"

#include "query/selection.h"
#include "story/story.h"

#include <QVBoxLayout>

#include <qcustomplot.h>

namespace chronomap {

TimelineView::TimelineView(Story* story, Selection* selection, QWidget* parent)
    : QWidget(parent), m_story(story), m_selection(selection), m_plot(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerDateTime>::create());
    fitStory();
}

void TimelineView::fitStory()
{
    const TimeIndex& index = m_story->timeIndex();
    if (!index.empty())
        m_plot->xAxis->setRange(double(index.minTime()), double(index.maxTime()));
    m_plot->replot();
}

} // namespace chronomap
