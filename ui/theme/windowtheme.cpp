#include "windowtheme.h"

#include <QApplication>
#include <QCoreApplication>
#include <QPainter>
#include <QProxyStyle>
#include <QStyleOption>
#include <QStyle>
#include <QStyleFactory>

namespace chronomap {

namespace {
struct Desktop
{
    bool known = false;
    QString style;
};

Desktop& desktop()
{
    static Desktop d;
    if (!d.known && qApp) {
        d.known = true;
        d.style = QApplication::style()->name();
    }
    return d;
}
// Fusion draws some of its standard icons (a dock's float and close buttons, the title bar's)
// in black whatever the palette: on the dark theme they vanish. This style paints those
// icons in the palette's text colour instead, and a checked menu item's tick or dot in the
// item's text colour (Fusion's sunken box around a dim tick is hard to see on dark menus).
class LightIconStyle final : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;

    void drawControl(ControlElement element, const QStyleOption* option, QPainter* painter,
                     const QWidget* widget) const override
    {
        const auto* item = qstyleoption_cast<const QStyleOptionMenuItem*>(option);
        if (element != CE_MenuItem || !item ||
            item->checkType == QStyleOptionMenuItem::NotCheckable || !item->icon.isNull()) {
            QProxyStyle::drawControl(element, option, painter, widget);
            return;
        }
        // The item as Fusion draws it, without its indicator; then the mark, bold and plain.
        QStyleOptionMenuItem plain = *item;
        plain.checkType = QStyleOptionMenuItem::NotCheckable;
        plain.checked = false;
        QProxyStyle::drawControl(element, &plain, painter, widget);
        if (!item->checked)
            return;
        const bool selected = item->state & State_Selected;
        const bool enabled = item->state & State_Enabled;
        const QColor ink = item->palette.color(enabled ? QPalette::Normal : QPalette::Disabled,
                                               selected ? QPalette::HighlightedText
                                                        : QPalette::Text);
        const QRectF box(item->rect.left() + 6, item->rect.center().y() - 6.5, 13, 13);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, true);
        if (item->checkType == QStyleOptionMenuItem::Exclusive) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(ink);
            painter->drawEllipse(box.center(), 4, 4);
        } else {
            QPen pen(ink, 2.2);
            pen.setCapStyle(Qt::RoundCap);
            pen.setJoinStyle(Qt::RoundJoin);
            painter->setPen(pen);
            painter->setBrush(Qt::NoBrush);
            const QPointF tick[3] = {{box.left() + 2, box.center().y()},
                                     {box.left() + 5.5, box.bottom() - 2.5},
                                     {box.right() - 1.5, box.top() + 2.5}};
            painter->drawPolyline(tick, 3);
        }
        painter->restore();
    }

    QIcon standardIcon(StandardPixmap which, const QStyleOption* option,
                       const QWidget* widget) const override
    {
        const QIcon base = QProxyStyle::standardIcon(which, option, widget);
        switch (which) {
        case SP_TitleBarCloseButton:
        case SP_TitleBarNormalButton:
        case SP_TitleBarMinButton:
        case SP_TitleBarMaxButton:
        case SP_DockWidgetCloseButton:
        case SP_LineEditClearButton:
        case SP_ToolBarHorizontalExtensionButton:
        case SP_ToolBarVerticalExtensionButton:
            break;
        default:
            return base;
        }
        // The application's palette: an option made without a widget carries an empty one.
        const QColor ink = QApplication::palette().color(QPalette::WindowText);
        QIcon tinted;
        const QList<QSize> sizes =
            base.availableSizes().isEmpty() ? QList<QSize>{QSize(16, 16)} : base.availableSizes();
        for (const QSize& size : sizes) {
            QPixmap pixmap = base.pixmap(size);
            QPainter painter(&pixmap);
            painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
            painter.fillRect(pixmap.rect(), ink);
            painter.end();
            tinted.addPixmap(pixmap);
        }
        return tinted;
    }
};
} // namespace

bool WindowTheme::isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QPalette WindowTheme::darkPalette()
{
    const QColor window(0x2b, 0x2d, 0x30), base(0x1e, 0x1f, 0x22), text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80), highlight(0x3d, 0x7a, 0xc8);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x45, 0x47, 0x4b));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3c, 0x40));
    p.setColor(QPalette::Mid, QColor(0x25, 0x26, 0x29));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, QColor(0x0e, 0x0e, 0x10));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7a, 0xb4, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb4, 0x9a, 0xff));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x50));
    return p;
}

QColor WindowTheme::problemColor(const QPalette& palette)
{
    return isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20);
}

QString WindowTheme::problemStyleSheet(const QPalette& palette)
{
    return QStringLiteral("color:%1").arg(problemColor(palette).name());
}

void WindowTheme::apply(const QString& name)
{
    const Desktop& d = desktop();
    if (name == QLatin1String("dark")) {
        QApplication::setStyle(new LightIconStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
        QApplication::setPalette(darkPalette());
    } else if (name == QLatin1String("light")) {
        QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"));
        QApplication::setStyle(fusion);
        QApplication::setPalette(fusion->standardPalette());
    } else {
        // The desktop's own look; a style change would reset the palette, so it goes first.
        if (QApplication::style()->name() != d.style)
            QApplication::setStyle(QStyleFactory::create(d.style));
        // An empty palette resolves every role from the platform, and keeps following it.
        QApplication::setPalette(QPalette());
    }
}

ChartTheme WindowTheme::chartTheme(const QString& name, const QPalette& palette)
{
    if (name != QLatin1String("system")) {
        if (auto theme = ChartTheme::named(name))
            return *theme;
    }
    return ChartTheme::fromPalette(palette);
}

QString WindowTheme::displayName(const QString& name)
{
    if (name == QLatin1String("light"))
        return QCoreApplication::translate("WindowTheme", "Light");
    if (name == QLatin1String("dark"))
        return QCoreApplication::translate("WindowTheme", "Dark");
    if (name == QLatin1String("print"))
        return QCoreApplication::translate("WindowTheme", "Print (charts in greyscale)");
    if (name == QLatin1String("broadcast"))
        return QCoreApplication::translate("WindowTheme", "Broadcast (large type on charts)");
    return QCoreApplication::translate("WindowTheme", "Follow the System");
}

} // namespace chronomap
