#include "charttheme.h"

#include <QPalette>

namespace chronomap {

namespace {

// Okabe & Ito, "Color Universal Design": distinguishable with every common colour-vision
// deficiency.
QList<QColor> okabeIto()
{
    return {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73),
            QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9), QColor(0xD5, 0x5E, 0x00),
            QColor(0xF0, 0xE4, 0x42), QColor(0x99, 0x99, 0x99)};
}

// The same hues lifted for a dark background, where the darker blues and purples sink.
QList<QColor> okabeItoOnDark()
{
    return {QColor(0x3D, 0x9B, 0xE0), QColor(0xE6, 0x9F, 0x00), QColor(0x2E, 0xC4, 0x9A),
            QColor(0xE0, 0x9C, 0xC4), QColor(0x7F, 0xCB, 0xF2), QColor(0xF0, 0x7A, 0x2A),
            QColor(0xF0, 0xE4, 0x42), QColor(0xBB, 0xBB, 0xBB)};
}

// Five greys far enough apart to tell on paper.
QList<QColor> greys()
{
    return {QColor(0x22, 0x22, 0x22), QColor(0x6e, 0x6e, 0x6e), QColor(0xa8, 0xa8, 0xa8),
            QColor(0x48, 0x48, 0x48), QColor(0x8c, 0x8c, 0x8c)};
}

ChartTheme lightTheme()
{
    ChartTheme t;
    t.categories = okabeIto();
    t.communities = okabeIto();
    return t;
}

ChartTheme darkTheme()
{
    ChartTheme t;
    t.name = QStringLiteral("dark");
    t.dark = true;
    t.background = QColor(0x1e, 0x20, 0x24);
    t.panel = QColor(0x2a, 0x2d, 0x33);
    t.text = QColor(0xee, 0xee, 0xee);
    t.mutedText = QColor(0xa8, 0xad, 0xb4);
    t.grid = QColor(255, 255, 255, 30);
    t.axis = QColor(255, 255, 255, 80);
    t.accent = QColor(0x8a, 0xb4, 0xf8);
    t.highlight = QColor(0xF0, 0x7A, 0x2A);
    t.today = QColor(0xff, 0x6b, 0x5b);
    t.disputed = QColor(0xff, 0x7a, 0x5c);
    t.edge = QColor(0x8a, 0x90, 0x98);
    t.defaultCategory = QColor(0x6e, 0x9c, 0xd0);
    t.categories = okabeItoOnDark();
    t.communities = okabeItoOnDark();
    return t;
}

ChartTheme printTheme()
{
    ChartTheme t;
    t.name = QStringLiteral("print");
    t.greyscale = true;
    t.panel = QColor(0xf2, 0xf2, 0xf2);
    t.text = Qt::black;
    t.mutedText = QColor(0x44, 0x44, 0x44);
    t.grid = QColor(0, 0, 0, 40);
    t.axis = QColor(0, 0, 0, 120);
    t.accent = Qt::black;
    t.highlight = QColor(0x33, 0x33, 0x33);
    t.today = QColor(0x55, 0x55, 0x55);
    t.disputed = QColor(0x22, 0x22, 0x22);
    t.edge = QColor(0x77, 0x77, 0x77);
    t.defaultCategory = QColor(0x55, 0x55, 0x55);
    t.categories = greys();
    t.communities = greys();
    return t;
}

ChartTheme broadcastTheme()
{
    ChartTheme t = lightTheme();
    t.name = QStringLiteral("broadcast");
    t.fontScale = 1.6;
    t.lineScale = 1.8;
    t.text = Qt::black;
    t.mutedText = QColor(0x33, 0x33, 0x33);
    return t;
}

} // namespace

QColor ChartTheme::categoryColor(int n) const
{
    if (categories.isEmpty())
        return defaultCategory;
    return categories[qAbs(n) % categories.size()];
}

QColor ChartTheme::communityColor(int n) const
{
    if (communities.isEmpty())
        return defaultCategory;
    return communities[qAbs(n) % communities.size()];
}

QStringList ChartTheme::names()
{
    return {QStringLiteral("light"), QStringLiteral("dark"), QStringLiteral("print"),
            QStringLiteral("broadcast")};
}

std::optional<ChartTheme> ChartTheme::named(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("light"))
        return lightTheme();
    if (n == QLatin1String("dark"))
        return darkTheme();
    if (n == QLatin1String("print"))
        return printTheme();
    if (n == QLatin1String("broadcast"))
        return broadcastTheme();
    return std::nullopt;
}

ChartTheme ChartTheme::fromPalette(const QPalette& palette)
{
    // A window darker than mid-grey means the system runs a dark scheme.
    return palette.color(QPalette::Window).lightnessF() < 0.5 ? darkTheme() : lightTheme();
}

} // namespace chronomap
