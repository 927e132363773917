#pragma once

#include "theme/charttheme.h"

#include <QPalette>
#include <QString>

namespace chronomap {

// The look of the whole window: the user's choice (Preferences::theme) of "system", "light",
// "dark", "print" or "broadcast". Dark sets a dark palette with the Fusion style (native
// styles ignore dark palettes); light sets Fusion's light palette; the others leave the
// desktop's style and palette. Qt 6.4 has no colour-scheme hint, so "system" decides light or
// dark from the palette's window colour, and the window re-decides on every palette change.
class WindowTheme
{
public:
    // Sets the application's style and palette for a theme name. The first call remembers
    // the desktop's style so "system" can go back to it.
    static void apply(const QString& name);
    // The chart theme to draw with: the named one, or for "system" (and the window-only
    // choices) light or dark after the current palette.
    static ChartTheme chartTheme(const QString& name, const QPalette& palette);
    static bool isDark(const QPalette& palette);
    static QPalette darkPalette();
    // The colour of problem text ("the date is empty…"): the usual dark red on a light
    // window, a light red on a dark one, where dark red cannot be read.
    static QColor problemColor(const QPalette& palette);
    // "color:…" for a label's style sheet, after the palette it is shown in.
    static QString problemStyleSheet(const QPalette& palette);
    // The user-visible name of a theme ("System", "Dark", ...).
    static QString displayName(const QString& name);
};

// Gives a chart its theme when the chart can take one (TimelineView and ActorMapView gain
// setTheme in the export work); compiles to nothing for a view without it.
template <typename View> void applyChartTheme(View* view, const ChartTheme& theme)
{
    if constexpr (requires { view->setTheme(theme); }) {
        if (view)
            view->setTheme(theme);
    }
}

} // namespace chronomap
