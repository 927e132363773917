#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QPalette;

namespace chronomap {

// The look of both charts, in one value so the window, the export dialog, the command line
// and presentations all draw with the same colours: "light" and "dark" for screens, "print"
// (greyscale-safe: shapes and patterns carry meaning, not hue alone) and "broadcast" (large
// type and heavy lines for television and projectors). Category and community colours come
// from colour-blind-safe palettes (Okabe–Ito; a greyscale ramp for print).
struct ChartTheme
{
    QString name = QStringLiteral("light");
    bool dark = false;
    bool greyscale = false;

    QColor background{255, 255, 255};
    QColor panel{246, 246, 246};        // lane bands, the overview strip, card backgrounds
    QColor text{0x1a, 0x1a, 0x1a};      // labels and titles
    QColor mutedText{0x55, 0x55, 0x55}; // axes, captions, dimmed entries
    QColor grid{0, 0, 0, 28};
    QColor axis{0, 0, 0, 60};
    QColor accent{0x1f, 0x3b, 0x73};    // selection, the brushed window
    QColor highlight{0xD5, 0x5E, 0x00}; // lit up by the other view
    QColor today{0xc0, 0x39, 0x2b};
    QColor disputed{0xe4, 0x57, 0x2e}; // the mark on a disputed entry
    QColor edge{0x8a, 0x8a, 0x8a};
    QColor defaultCategory{0x4e, 0x79, 0xa7};
    QList<QColor> categories; // colour-blind safe, in order of use
    QList<QColor> communities;

    double fontScale = 1.0; // type size relative to the window's font
    double lineScale = 1.0; // pen widths

    // The n-th category or community colour (wraps around).
    QColor categoryColor(int n) const;
    QColor communityColor(int n) const;

    // A named theme, or nullopt for an unknown name.
    static std::optional<ChartTheme> named(const QString& name);
    static QStringList names(); // "light", "dark", "print", "broadcast"
    // Light or dark, decided from the palette's window colour (Qt 6.4 has no colour-scheme
    // hint), for the window to follow the system.
    static ChartTheme fromPalette(const QPalette& palette);
};

} // namespace chronomap
