// chronomap-iconrender: renders the scalable icon to the PNG sizes of the hicolor theme at build
// time, so the repository holds only the SVG and the PNGs always match it.
//
// Usage: chronomap-iconrender ICON.svg OUTDIR NAME SIZE...
// Writes OUTDIR/SIZExSIZE/apps/NAME.png for every SIZE, the layout of share/icons/hicolor.

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

namespace {

int fail(const QString& message)
{
    std::fprintf(stderr, "chronomap-iconrender: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char* argv[])
{
    // No QGuiApplication: the icon has no text, and painting paths on a QImage needs no platform,
    // so the build does not depend on a display or a platform plugin.
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 5)
        return fail(QStringLiteral("usage: chronomap-iconrender ICON.svg OUTDIR NAME SIZE..."));

    const QString svgPath = args.at(1);
    QSvgRenderer renderer(svgPath);
    if (!renderer.isValid())
        return fail(QStringLiteral("%1: not a valid SVG file").arg(svgPath));

    const QDir outDir(args.at(2));
    const QString name = args.at(3);
    for (qsizetype i = 4; i < args.size(); ++i) {
        bool ok = false;
        const int size = args.at(i).toInt(&ok);
        if (!ok || size < 1 || size > 4096)
            return fail(QStringLiteral("%1: not an icon size in pixels").arg(args.at(i)));

        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setRenderHint(QPainter::SmoothPixmapTransform);
            renderer.render(&painter, QRectF(0, 0, size, size));
        }

        const QString dir = QStringLiteral("%1x%1/apps").arg(size);
        if (!outDir.mkpath(dir))
            return fail(QStringLiteral("%1: cannot create the folder").arg(outDir.filePath(dir)));
        const QString file =
            outDir.filePath(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
        if (!image.save(file, "PNG"))
            return fail(QStringLiteral("%1: cannot write the PNG").arg(file));
    }
    return 0;
}
