#include "actormapview.h"

#include <QVBoxLayout>

#include <qcustomplot.h>

namespace chronomap {

ActorMapView::ActorMapView(Story* story, Selection* selection, QWidget* parent)
    : QWidget(parent), m_story(story), m_selection(selection), m_plot(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->xAxis->setVisible(false);
    m_plot->yAxis->setVisible(false);
}

} // namespace chronomap
