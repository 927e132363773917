#include "commandline.h"

#include "mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>
#include <memory>

namespace {
// Loads Qt's own strings and Chronomap's (built in under :/i18n) for the system locale; a
// locale without a translation keeps the English text.
void installTranslators(QCoreApplication& app)
{
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto* own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("chronomap"), QStringLiteral("_"),
                  QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
}

// The headless commands print figures and messages a script reads: the offscreen platform's
// notes about features it lacks and a missing runtime folder are not the user's business.
QtMessageHandler g_defaultHandler = nullptr;
void quietPlatformNotes(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (type == QtWarningMsg &&
        (message.startsWith(QLatin1String("This plugin does not support")) ||
         message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set"))))
        return;
    g_defaultHandler(type, context, message);
}
} // namespace

int main(int argc, char* argv[])
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    chronomap::CommandLine cli(args);

    if (!cli.wantsWindow()) {
        g_defaultHandler = qInstallMessageHandler(quietPlatformNotes);
        // Subcommands run headless: drawing ones on the offscreen platform unless told otherwise.
        if (cli.needsGui()) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            QApplication app(argc, argv);
            QCoreApplication::setApplicationName(QStringLiteral("chronomap"));
            QCoreApplication::setApplicationVersion(QStringLiteral(CHRONOMAP_VERSION));
            return cli.run();
        }
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("chronomap"));
        QCoreApplication::setApplicationVersion(QStringLiteral(CHRONOMAP_VERSION));
        return cli.run();
    }

    QApplication app(argc, argv);
    installTranslators(app);
    QCoreApplication::setOrganizationName(QStringLiteral("Chronomap"));
    QCoreApplication::setApplicationName(QStringLiteral("chronomap"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHRONOMAP_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Chronomap"));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.chronomap.Chronomap"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/chronomap.svg")));

    chronomap::MainWindow window;
    if (!window.openInitial(cli.fileToOpen()))
        return 1;
    window.show();
    return app.exec();
}
