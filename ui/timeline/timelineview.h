#pragma once

#include <QWidget>

class QCustomPlot;

namespace chronomap {

class Selection;
class Story;

// The interactive timeline of a story (placeholder: replaced by the full view).
class TimelineView final : public QWidget
{
    Q_OBJECT

public:
    TimelineView(Story* story, Selection* selection, QWidget* parent = nullptr);

    // The chart, for export and printing.
    QCustomPlot* plot() const { return m_plot; }
    // Shows the whole story.
    void fitStory();

private:
    Story* m_story;
    Selection* m_selection;
    QCustomPlot* m_plot;
};

} // namespace chronomap
