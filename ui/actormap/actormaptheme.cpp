// The actor map's look: the theme handed to the layer that draws it and to the plot behind.
#include "actormapchart.h"
#include "actormaplayer.h"

#include <qcustomplot.h>

#include <cmath>

namespace chronomap {

void ActorMapLayer::setTheme(const ChartTheme& theme)
{
    m_theme = theme;
    m_font.setPixelSize(std::max(8, int(std::lround(12 * theme.fontScale))));
    m_sprites.clear(); // outlined in the old theme's colours
    m_legendCache = {};
    m_frame = {};
    m_widths = {}; // the faces' sizes follow the theme's type scale
    ++m_themeGeneration;
}

const ChartTheme& ActorMapChart::theme() const
{
    return m_layer->theme();
}

void ActorMapChart::setTheme(const ChartTheme& theme)
{
    m_layer->setTheme(theme);
    m_plot->setBackground(theme.background);
    updateAttributeStyle();
    restyle(); // node fills come from the theme's palettes
    replot();
}

} // namespace chronomap
