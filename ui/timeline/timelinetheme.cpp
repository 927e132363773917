// TimelineChart's look: the theme threaded through the plot's axes, fonts and the state the
// drawing pieces read. Kept apart from timelinechart.cpp, which is about data and layout.
#include "timelinechart.h"
#include "timelinedecor.h"
#include "timelinestate.h"

#include "story/story.h"

#include <qcustomplot.h>

#include <cmath>

namespace chronomap {

namespace {

constexpr int kLabelPixels = 12;  // the label size at font scale 1
constexpr int kLegendHeight = 24; // the legend strip at font scale 1

void styleAxis(QCPAxis* axis, const ChartTheme& theme, const QFont& font)
{
    const QPen pen(theme.axis, theme.lineScale);
    axis->setBasePen(pen);
    axis->setTickPen(pen);
    axis->setSubTickPen(pen);
    axis->setTickLabelColor(theme.mutedText);
    axis->setLabelColor(theme.text);
    axis->setTickLabelFont(font);
    axis->grid()->setPen(QPen(theme.grid, theme.lineScale));
}

TimelineLegend* legendOf(QCustomPlot* plot)
{
    const int rows = plot->plotLayout()->rowCount();
    for (int row = 0; row < rows; ++row)
        if (auto* legend = qobject_cast<TimelineLegend*>(plot->plotLayout()->element(row, 0)))
            return legend;
    return nullptr;
}

} // namespace

void TimelineChart::setTheme(const ChartTheme& theme)
{
    TimelineState& s = *m_state;
    s.theme = theme;
    const QList<Category> categories = m_story->store().categories();
    s.categoryColors.clear();
    for (qsizetype i = 0; i < categories.size(); ++i)
        s.categoryColors.insert(categories[i].id, theme.categoryColor(int(i)));
    s.labelFont.setPixelSize(std::max(8, int(std::lround(kLabelPixels * theme.fontScale))));
    s.titles.clear(); // prepared with the old font

    m_plot->setBackground(theme.background);
    styleAxis(m_plot->xAxis, theme, s.labelFont);
    styleAxis(m_plot->yAxis, theme, s.labelFont);
    m_plot->yAxis->setTickLabelColor(theme.text); // the lane names
    QFont small = s.labelFont;
    small.setPixelSize(std::max(8, int(std::lround(10 * theme.fontScale))));
    for (QCPAxis* axis : m_overviewRect->axes())
        styleAxis(axis, theme, small);
    m_overviewRect->setBackground(theme.panel);
    setLegendVisible(m_legendWanted); // its height follows the type size
    updateLaneAxis(true);
    replot();
}

const ChartTheme& TimelineChart::theme() const
{
    return m_state->theme;
}

void TimelineChart::setLegendVisible(bool wanted)
{
    m_legendWanted = wanted;
    // A short window's chart keeps its height for the lanes (see setScrollLanes).
    const bool visible = wanted && !m_compact;
    if (TimelineLegend* legend = legendOf(m_plot)) {
        legend->setVisible(visible);
        legend->setHeight(
            visible ? int(std::lround(kLegendHeight * std::max(1.0, m_state->theme.fontScale)))
                    : 0);
    }
    replot();
}

void TimelineChart::setMarkUnverified(bool on)
{
    m_state->markUnverified = on;
    replot();
}

} // namespace chronomap
