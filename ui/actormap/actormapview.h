#pragma once

#include <QWidget>

class QCustomPlot;

namespace chronomap {

class Selection;
class Story;

// The actor map of a story (placeholder: replaced by the full view).
class ActorMapView final : public QWidget
{
    Q_OBJECT

public:
    ActorMapView(Story* story, Selection* selection, QWidget* parent = nullptr);

    // The chart, for export and printing.
    QCustomPlot* plot() const { return m_plot; }

private:
    Story* m_story;
    Selection* m_selection;
    QCustomPlot* m_plot;
};

} // namespace chronomap
